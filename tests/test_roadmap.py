"""The staged roadmap: the plan table, capacity, dependencies, coverage, projections and manual edits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from auditkit import store
from auditkit.diagnose import RULES, Diagnosis, Finding, Severity, Theme, diagnose
from auditkit.errors import AuditkitError
from auditkit.i18n import Bilingual
from auditkit.model import (
    Audit,
    Channel,
    ChannelStatus,
    ClientProfile,
    ComponentStatus,
    Engagement,
    IndustryKind,
    Objective,
    ObjectiveKind,
    Organisation,
    PlatformUse,
    Stakeholder,
    StrategyComponent,
    StrategyComponentKey,
)
from auditkit.platforms import Platform
from auditkit.resources import example_audits
from auditkit.roadmap import (
    PLAN,
    STAGES,
    Action,
    ChangeKind,
    Phase,
    Roadmap,
    acknowledge_changes,
    add_action,
    build_roadmap,
    drop_action,
    edit_action,
    generated_actions,
    move_action,
    remove_action,
    restore_action,
)
from auditkit.scoring import Recommendation, score
from benchmarks.synthetic import large_audit

EXAMPLES = example_audits()


def example(name: str) -> Audit:
    return store.load(next(path for path in EXAMPLES if path.name.startswith(name)))


def with_hours(audit: Audit, hours: float | None) -> Audit:
    copy = audit.model_copy(deep=True)
    copy.organisation.hours_per_week = hours
    return copy


def every_audit() -> Iterator[tuple[str, Audit]]:
    """The bundled examples and synthetic audits, each at several team capacities."""
    audits = [(path.name, store.load(path)) for path in EXAMPLES]
    audits += [(f"synthetic-{seed}", large_audit(seed=seed)) for seed in range(4)]
    for name, audit in audits:
        for hours in (None, 1.0, 6.0, 40.0):
            yield f"{name}@{hours}h", with_hours(audit, hours)


def scheduled(roadmap: Roadmap) -> list[Action]:
    return [*roadmap.actions, *roadmap.backlog]


def bare_audit(**organisation: object) -> Audit:
    """No objective, no audience, no channel: the critical findings of a strategy that does not exist."""
    return Audit(
        engagement=Engagement(client="Atelier Test", audit_date=date(2026, 1, 15)),
        client=ClientProfile(industry=IndustryKind.COMMERCIAL_B2C),
        organisation=Organisation(**organisation),
    )


def finding(rule: str, severity: Severity = Severity.MAJOR, subjects: tuple[str, ...] = ()) -> Finding:
    text = Bilingual(en=f"{rule} fired", fr=f"{rule} constaté")
    return Finding(rule, severity, Theme.STRATEGY, text, text, (), ("004",), text, subjects)


# -- the plan table ----------------------------------------------------------------------------------


def test_every_rule_of_the_catalogue_has_a_step_and_every_step_a_purpose() -> None:
    assert set(RULES) <= set(PLAN)
    extras = set(PLAN) - set(RULES)
    assert extras == {
        "REC-CLOSE",
        "REC-PARK",
        "REC-REDUCE",
        "REC-FIX",
        "REC-INVEST",
        "REC-NOT-NOW",
        "NEXT-ROUND",
    }


def test_every_recommendation_but_maintain_gives_an_action() -> None:
    from auditkit.plan import RECOMMENDATION_KEYS

    assert set(RECOMMENDATION_KEYS) == set(Recommendation) - {Recommendation.MAINTAIN}
    assert all(key in PLAN for key in RECOMMENDATION_KEYS.values())


def test_plan_table_is_consistent_and_without_cycles() -> None:
    for key, step in PLAN.items():
        assert step.month in STAGES, key
        assert step.owner, key
        assert set(step.after) <= set(PLAN), key
        assert set(step.joins) <= set(PLAN), key
        assert step.title.en and step.title.fr and step.done_when.en and step.done_when.fr, key
        assert (step.effect is None) == (step.effect_doc is None or "not modelled" in step.effect_doc.en), key
    visiting: set[str] = set()
    done: set[str] = set()

    def visit(key: str) -> None:
        assert key not in visiting, f"cycle through {key}"
        if key in done:
            return
        visiting.add(key)
        for before in PLAN[key].after:
            visit(before)
        visiting.discard(key)
        done.add(key)

    for key in PLAN:
        visit(key)


def test_foundations_come_before_calendars_content_and_growth() -> None:
    months = {phase: [step.month for step in PLAN.values() if step.phase is phase] for phase in Phase}
    assert max(months[Phase.FOUNDATIONS]) <= min(months[Phase.GROWTH])
    for key in ("OBJ-NONE", "ENV-NO-STAKEHOLDERS", "STR-EDITORIAL-LINE", "STR-GOVERNANCE", "STR-OWNERSHIP"):
        assert PLAN[key].month == 1, key
    assert PLAN["STR-CRISIS-PLAN"].month == 1
    assert PLAN["STR-CALENDAR"].month > PLAN["STR-EDITORIAL-LINE"].month
    assert PLAN["REC-CLOSE"].month < PLAN["REC-INVEST"].month
    assert PLAN["NEXT-ROUND"].month == 12


# -- generation --------------------------------------------------------------------------------------


def test_action_ids_are_stable_and_derived_from_the_rule() -> None:
    audit = example("boulangerie-martin.")
    first = generated_actions(audit)
    renamed = audit.model_copy(deep=True)
    renamed.channels[0].name = "A new name"
    second = generated_actions(renamed)
    assert [a.id for a in first] == [a.id for a in second]
    for action in first:
        assert action.id == action.id.lower()
        assert action.id.upper() in PLAN
        assert set(action.findings) <= set(RULES)


def test_channels_being_closed_have_their_findings_answered_by_the_closure() -> None:
    audit = example("boulangerie-martin.")
    actions = {action.id: action for action in generated_actions(audit)}
    closing = actions["rec-close"]
    assert closing.subjects == ("pinterest",)
    assert {"CH-DORMANT", "CH-NO-OWNER"} <= set(closing.findings)
    assert "ch-dormant" not in actions
    assert "ch-no-owner" not in actions


def test_inspiration_joins_the_editorial_line_instead_of_a_second_action() -> None:
    audit = example("boulangerie-martin.")
    fired = {f.rule for f in diagnose(audit).findings}
    assert {"ERR-INSPIRATION", "STR-EDITORIAL-LINE"} <= fired
    actions = {action.id: action for action in generated_actions(audit)}
    assert "err-inspiration" not in actions
    assert "ERR-INSPIRATION" in actions["str-editorial-line"].findings


def test_unknown_rule_still_gets_an_action_staged_by_severity() -> None:
    audit = bare_audit(hours_per_week=10)
    diagnosis = Diagnosis((finding("XX-NEW", Severity.CRITICAL),), ())
    roadmap = build_roadmap(audit, diagnosis=diagnosis)
    action = roadmap.action("xx-new")
    assert action.stage == 1
    assert action.findings == ("XX-NEW",)


def test_titles_name_what_they_are_about() -> None:
    audit = example("st-aidans-college")
    actions = {action.id: action for action in generated_actions(audit)}
    assert actions["ch-unclaimed"].title.en == "Claim the brand's handle: Instagram, LinkedIn, TikTok"
    assert "LinkedIn" in actions["ch-unclaimed"].title.fr
    assert "Printed termly letter posted home" in actions["ch-offline-overlap"].title.en
    assert "X (Twitter)" not in actions["ch-offline-overlap"].title.en


def test_cost_prices_the_hours_at_the_hourly_rate() -> None:
    audit = example("st-aidans-college")
    audit.settings.thresholds = {"hourly_rate": 80}
    for action in generated_actions(audit):
        assert action.cost == pytest.approx(action.effort_hours * 80)


# -- stages, capacity, dependencies, coverage, determinism -------------------------------------------


def test_five_stages_in_month_order_with_contiguous_windows() -> None:
    roadmap = build_roadmap(example("boulangerie-martin."))
    assert [stage.month for stage in roadmap.stages] == [1, 3, 6, 9, 12]
    assert roadmap.stages[0].start == roadmap.audit_date
    for before, after in zip(roadmap.stages, roadmap.stages[1:], strict=False):
        assert before.due == after.start
    assert roadmap.stages[-1].due == date(2027, 9, 15)


def test_capacity_is_window_weeks_times_weekly_hours_times_the_share() -> None:
    audit = with_hours(example("boulangerie-martin."), 10.0)
    audit.roadmap.improvement_share = 0.5
    roadmap = build_roadmap(audit)
    assert roadmap.weekly_capacity == 5.0
    for stage in roadmap.stages:
        assert stage.capacity_hours == pytest.approx(5.0 * (stage.due - stage.start).days / 7)


def test_what_overflows_moves_later_and_the_roadmap_says_so() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), 3.0))
    moved = [action for action in scheduled(roadmap) if action.moved]
    assert moved, "a 3 h/week team cannot hold this plan in its planned stages"
    for action in moved:
        assert action.note is not None and f"month {action.planned_stage}" in action.note.en
        assert action.id in roadmap.stage(action.planned_stage).overflow
        assert action.stage is None or action.stage > action.planned_stage
    for stage in roadmap.stages:
        assert stage.over_capacity or stage.hours <= stage.capacity_hours + 1e-9
    assert roadmap.backlog
    assert any("backlog" in note.en for note in roadmap.notes)


def test_a_larger_team_holds_the_same_plan_without_moving_anything() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), 400.0))
    assert not roadmap.backlog
    assert not any(action.moved for action in roadmap.actions)
    assert all(not stage.overflow for stage in roadmap.stages)


def test_the_whole_plan_is_weighed_against_the_years_capacity() -> None:
    roadmap = build_roadmap(example("boulangerie-martin."))
    assert roadmap.capacity_hours == pytest.approx(sum(stage.capacity_hours for stage in roadmap.stages))
    assert roadmap.needed_hours == pytest.approx(sum(a.effort_hours for a in scheduled(roadmap)))
    assert roadmap.backlog_hours == pytest.approx(sum(a.effort_hours for a in roadmap.backlog))
    document = roadmap.to_dict("en")
    assert document["needed_hours"] == round(roadmap.needed_hours, 1)
    assert document["backlog_hours"] == round(roadmap.backlog_hours, 1)
    assert document["share_to_fit"] == roadmap.share_to_fit


def test_a_backlog_comes_with_the_share_of_time_that_would_hold_the_whole_plan() -> None:
    audit = example("boulangerie-martin.")
    roadmap = build_roadmap(audit)
    assert roadmap.backlog and roadmap.share_to_fit is not None
    share = roadmap.share_to_fit
    assert audit.roadmap.improvement_share < share <= 1 and round(share * 20) == pytest.approx(share * 20)
    percent = f"{round(share * 100)}%"
    assert roadmap.shortfall is not None and percent in roadmap.shortfall.en
    assert f"{round(share * 100)} %" in roadmap.shortfall.fr
    assert roadmap.shortfall in roadmap.notes
    enough = audit.model_copy(deep=True)
    enough.roadmap.improvement_share = share
    assert not build_roadmap(enough).backlog
    if share - 0.05 > audit.roadmap.improvement_share:
        short = audit.model_copy(deep=True)
        short.roadmap.improvement_share = share - 0.05
        assert build_roadmap(short).backlog


def test_when_even_all_the_teams_hours_fall_short_the_roadmap_says_so() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), 0.5))
    assert roadmap.backlog and roadmap.share_to_fit is None
    assert roadmap.shortfall is not None and roadmap.shortfall.en.startswith("Even all of the 0.5 h")
    assert roadmap.weekly_hours_to_fit is not None and roadmap.weekly_hours_to_fit > 0.5


def test_a_plan_that_fits_has_no_shortfall() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), 400.0))
    assert roadmap.shortfall is None and roadmap.share_to_fit is None
    assert not any("backlog" in note.en for note in roadmap.notes)


def test_unknown_team_hours_leave_the_stages_uncapped_and_say_so() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), None))
    assert all(stage.capacity_hours is None for stage in roadmap.stages)
    assert not roadmap.backlog
    assert any("hours_per_week" in note.en for note in roadmap.notes)


@pytest.mark.parametrize(
    ("name", "audit"), list(every_audit()), ids=lambda value: value if isinstance(value, str) else ""
)
def test_no_action_is_scheduled_before_an_action_it_depends_on(name: str, audit: Audit) -> None:
    roadmap = build_roadmap(audit)
    where = {action.id: action.stage for action in scheduled(roadmap)}
    position = {action.id: i for i, action in enumerate(roadmap.actions)}
    for action in scheduled(roadmap):
        for dependency in action.depends_on:
            assert dependency in where, (name, action.id, dependency)
            if action.stage is None:
                continue
            assert where[dependency] is not None, (name, action.id, dependency)
            assert where[dependency] <= action.stage, (name, action.id, dependency)
            assert position[dependency] < position[action.id], (name, action.id, dependency)


def critical_findings_uncovered(audit: Audit, roadmap: Roadmap) -> list[Finding]:
    covers = [(c.rule, set(c.subjects)) for action in roadmap.actions for c in action.covers]
    return [
        f
        for f in diagnose(audit).findings
        if f.severity is Severity.CRITICAL
        and not any(rule == f.rule and set(f.subjects) <= subjects for rule, subjects in covers)
    ]


def not_now_audit(hours: float) -> Audit:
    return Audit(
        engagement=Engagement(client="Cabinet Notarial", audit_date=date(2026, 2, 1)),
        client=ClientProfile(industry=IndustryKind.COMMERCIAL_B2B),
        objectives=[
            Objective(id="clients", statement="Keep our clients.", kind=ObjectiveKind.LOYALTY, primary=True,
                      stakeholders=["retirees"])
        ],
        stakeholders=[
            Stakeholder(id="retirees", name="Retired clients", importance=5,
                        platforms=[PlatformUse(platform=Platform.FACEBOOK, share=0.05)])
        ],
        channels=[Channel(id="letter", name="Client letter", platform=Platform.NEWSLETTER, objectives=["clients"])],
        organisation=Organisation(hours_per_week=hours),
    )  # fmt: skip


@pytest.mark.parametrize("hours", [0.2, 2.0, 20.0])
def test_every_critical_finding_gets_a_scheduled_action_even_without_time(hours: float) -> None:
    audits = [bare_audit(hours_per_week=hours), not_now_audit(hours)]
    audits += [with_hours(large_audit(seed=seed), hours) for seed in range(4)]
    fired = set()
    for audit in audits:
        roadmap = build_roadmap(audit)
        assert critical_findings_uncovered(audit, roadmap) == []
        fired |= {f.rule for f in diagnose(audit).findings if f.severity is Severity.CRITICAL}
        for action in roadmap.backlog:
            assert action.severity is not Severity.CRITICAL
    assert fired >= {"OBJ-NONE", "ENV-NO-STAKEHOLDERS", "DEC-NOT-NOW"}


def test_critical_actions_beyond_capacity_stay_in_month_12_flagged() -> None:
    roadmap = build_roadmap(bare_audit(hours_per_week=0.2))
    kept = [action for action in roadmap.actions if action.over_capacity]
    assert kept
    assert all(action.stage == 12 for action in kept)
    assert roadmap.stage(12).over_capacity
    assert any("Over capacity" in note.en for note in roadmap.notes)


def test_the_same_audit_always_gives_the_same_roadmap() -> None:
    for _, audit in list(every_audit())[::3]:
        first = json.dumps(build_roadmap(audit).to_dict(), sort_keys=True)
        again = json.dumps(build_roadmap(audit.model_copy(deep=True)).to_dict(), sort_keys=True)
        assert first == again


def test_actions_are_dated_inside_their_stage_one_after_another() -> None:
    roadmap = build_roadmap(with_hours(example("asso-velo"), 10.0))
    for stage in roadmap.stages:
        previous = stage.start
        for action in stage.actions:
            assert stage.start <= action.start <= action.due <= stage.due
            assert action.start >= previous
            previous = action.start


def test_json_document_has_five_stages_with_the_promised_keys() -> None:
    document = build_roadmap(example("st-aidans")).to_dict("fr")
    assert [stage["month"] for stage in document["stages"]] == [1, 3, 6, 9, 12]
    for stage in document["stages"]:
        assert {"month", "actions", "hours", "projected_overall"} <= set(stage)
        assert stage["hours"] == pytest.approx(sum(a["effort_hours"] for a in stage["actions"]), abs=0.05)
        for action in stage["actions"]:
            assert isinstance(action["title"], str)
    json.dumps(document)


# -- projections -------------------------------------------------------------------------------------


def complete_strategy(audit: Audit) -> Audit:
    copy = audit.model_copy(deep=True)
    for key in StrategyComponentKey:
        copy.strategy.components[key] = StrategyComponent(status=ComponentStatus.PRESENT)
    return copy


def test_projection_rescoring_a_copy_where_the_stage_actions_are_done() -> None:
    audit = complete_strategy(bare_audit(hours_per_week=20))
    audit.strategy.components[StrategyComponentKey.CRISIS_PLAN] = StrategyComponent(
        status=ComponentStatus.ABSENT
    )
    diagnosis = Diagnosis((finding("STR-CRISIS-PLAN"),), ())
    roadmap = build_roadmap(audit, diagnosis=diagnosis)
    assert roadmap.action("str-crisis-plan").stage == 1
    expected = score(complete_strategy(audit))
    assert roadmap.current_completeness < expected.strategy_completeness.value
    for stage in roadmap.stages:
        assert stage.projected_completeness == pytest.approx(expected.strategy_completeness.value)
        assert stage.projected_overall == pytest.approx(expected.overall.value)
    assert audit.strategy.components[StrategyComponentKey.CRISIS_PLAN].status is ComponentStatus.ABSENT


def test_actions_without_a_modelled_effect_move_no_score() -> None:
    audit = bare_audit(hours_per_week=20)
    diagnosis = Diagnosis((finding("CH-LOW-ENGAGEMENT"), finding("ENV-NO-PEERS")), ())
    roadmap = build_roadmap(audit, diagnosis=diagnosis)
    assert {a.id for a in roadmap.actions} == {"ch-low-engagement", "env-no-peers", "next-round"}
    assert all("not modelled" in action.effect.en for action in roadmap.actions)
    for stage in roadmap.stages:
        assert stage.projected_overall == pytest.approx(roadmap.current_overall)
        assert stage.projected_completeness == pytest.approx(roadmap.current_completeness)


def test_closing_a_channel_projects_the_score_of_the_audit_with_it_closed() -> None:
    audit = with_hours(example("boulangerie-martin."), None)
    roadmap = build_roadmap(audit, diagnosis=Diagnosis((), ()))
    modelled = [a for a in roadmap.actions if "not modelled" not in a.effect.en]
    assert [a.id for a in modelled] == ["rec-close"]
    closing = modelled[0]
    assert closing.effect.en == "the channels are closed"
    closed = audit.model_copy(deep=True)
    for channel in closed.channels:
        if channel.id in closing.subjects:
            channel.status = ChannelStatus.CLOSED
    expected = score(closed)
    assert expected.overall.value != pytest.approx(roadmap.current_overall)
    for stage in roadmap.stages:
        reached = stage.month >= closing.stage
        assert stage.projected_overall == pytest.approx(
            expected.overall.value if reached else roadmap.current_overall
        )


def test_projected_scores_never_fall_below_todays_when_effects_only_repair() -> None:
    for name in ("boulangerie-martin.", "asso-velo", "st-aidans"):
        roadmap = build_roadmap(with_hours(example(name), None))
        completeness = [roadmap.current_completeness] + [s.projected_completeness for s in roadmap.stages]
        assert completeness == sorted(completeness), name
        assert roadmap.stages[-1].projected_overall > roadmap.current_overall, name


# -- manual edits ------------------------------------------------------------------------------------


def test_edits_survive_saving_reloading_and_regeneration(tmp_path: Path) -> None:
    path = tmp_path / "bakery.audit.json"
    audit = with_hours(example("boulangerie-martin."), 20.0)
    first = build_roadmap(audit)
    assert first.action("str-crisis-plan").stage == 1

    move_action(audit, "str-crisis-plan", 6)
    edit_action(
        audit,
        "str-governance",
        title_fr="Écrire la gouvernance avec le gérant",
        effort_hours=5,
        note="Le gérant y tient.",
    )
    drop_action(audit, "ch-unclaimed", note="TikTok is not for this bakery")
    added = add_action(
        audit, 3, title_en="Photograph the shop window", effort_hours=2, depends_on=["str-editorial-line"]
    )
    store.save(audit, path)

    reloaded = store.load(path)
    assert reloaded.roadmap == audit.roadmap
    roadmap = build_roadmap(reloaded)

    crisis = roadmap.action("str-crisis-plan")
    assert (crisis.stage, crisis.pinned, crisis.edited) == (6, True, True)
    governance = roadmap.action("str-governance")
    assert governance.title.fr == "Écrire la gouvernance avec le gérant"
    assert governance.title.en == first.action("str-governance").title.en
    assert governance.effort_hours == 5 and governance.cost == pytest.approx(250)
    assert governance.consultant_note == "Le gérant y tient."
    assert "ch-unclaimed" in [a.id for a in roadmap.dropped]
    assert "ch-unclaimed" not in [a.id for a in scheduled(roadmap)]
    manual = roadmap.action(added.id)
    assert (manual.origin, manual.stage, manual.title.fr) == ("manual", 3, "Photograph the shop window")
    assert manual.depends_on == ("str-editorial-line",)
    assert roadmap.changes == ()


def test_regeneration_reports_what_changed_underneath_the_edits() -> None:
    audit = with_hours(example("boulangerie-martin."), 20.0)
    move_action(audit, "str-crisis-plan", 3)
    edit_action(audit, "rec-close", note="Ask the owner first")
    edit_action(audit, "ch-duplicate", effort_hours=1)

    audit.strategy.components[StrategyComponentKey.CRISIS_PLAN] = StrategyComponent(
        status=ComponentStatus.PRESENT
    )
    pinterest = audit.channel("pinterest")
    pinterest.name = "Pinterest (old boards)"
    audit.channel("newsletter").cross_posted_unchanged = False
    roadmap = build_roadmap(audit)

    kinds = {(change.action_id, change.kind) for change in roadmap.changes}
    assert ("str-crisis-plan", ChangeKind.FINDING_GONE) in kinds
    assert "finding no longer present" in next(
        c.message.en for c in roadmap.changes if c.action_id == "str-crisis-plan"
    )
    assert ("rec-close", ChangeKind.TEXT_CHANGED) in kinds
    assert ("ch-duplicate", ChangeKind.SUBJECTS_CHANGED) in kinds
    assert ("ch-duplicate", ChangeKind.EFFORT_CHANGED) in kinds
    subjects = next(c.message for c in roadmap.changes if c.kind is ChangeKind.SUBJECTS_CHANGED)
    assert subjects.en == "Items concerned changed since the edit: no longer concerned: newsletter."
    assert subjects.fr.endswith(": plus concernés : newsletter.")
    assert "str-crisis-plan" not in [a.id for a in scheduled(roadmap)]
    assert any(e.action_id == "str-crisis-plan" for e in audit.roadmap.edits)
    assert roadmap.action("rec-close").changes

    acknowledge_changes(audit)
    quiet = build_roadmap(audit)
    assert {c.action_id for c in quiet.changes} == {"str-crisis-plan"}
    assert quiet.action("rec-close").consultant_note == "Ask the owner first"


def test_a_hand_pin_before_a_dependency_is_raised_and_reported() -> None:
    audit = with_hours(example("boulangerie-martin."), None)
    move_action(audit, "str-governance", 9)
    move_action(audit, "str-crisis-plan", 1)
    roadmap = build_roadmap(audit)
    crisis = roadmap.action("str-crisis-plan")
    assert crisis.stage == 9
    assert any(change.kind is ChangeKind.STAGE_RAISED for change in crisis.changes)


def test_pinned_actions_take_their_stage_even_past_capacity() -> None:
    audit = with_hours(example("boulangerie-martin."), 1.0)
    move_action(audit, "str-content-plan", 1)
    roadmap = build_roadmap(audit)
    content = roadmap.action("str-content-plan")
    assert content.stage == 1 and content.pinned and not content.moved
    for dependency in content.depends_on:
        assert roadmap.action(dependency).stage == 1


def test_restore_and_remove_undo_the_edits() -> None:
    audit = example("boulangerie-martin.")
    generated = build_roadmap(audit).to_dict()
    drop_action(audit, "str-budget")
    added = add_action(audit, 1, title_fr="Appeler la mairie")
    assert added.id == "manual-appeler-la-mairie"
    assert add_action(audit, 1, title_fr="Appeler la mairie").id == "manual-appeler-la-mairie-2"
    restore_action(audit, "str-budget")
    remove_action(audit, added.id)
    drop_action(audit, "manual-appeler-la-mairie-2")
    assert audit.roadmap.edits == [] and audit.roadmap.added == []
    assert build_roadmap(audit).to_dict() == generated


def test_edits_of_hand_added_actions_change_them_in_place() -> None:
    audit = example("boulangerie-martin.")
    added = add_action(audit, 1, title_en="Call the town hall")
    move_action(audit, added.id, 9)
    edit_action(audit, added.id, effort_hours=3, depends_on=["str-budget"])
    action = build_roadmap(with_hours(audit, None)).action(added.id)
    assert (action.stage, action.effort_hours, action.depends_on) == (9, 3, ("str-budget",))
    assert audit.roadmap.edits == []


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda a: move_action(a, "str-budget", 2), "one of: 1, 3, 6, 9, 12"),
        (lambda a: move_action(a, "no-such-action", 3), "no action 'no-such-action'"),
        (lambda a: edit_action(a, "str-budget", colour="red"), "editable: stage"),
        (lambda a: edit_action(a, "str-budget", effort_hours=-2), "effort_hours"),
        (lambda a: remove_action(a, "str-budget"), "use drop_action"),
        (lambda a: restore_action(a, "str-budget"), "no edit to undo"),
        (lambda a: add_action(a, 3, title_en="X", depends_on=["nothing"]), "unknown action(s) nothing"),
        (lambda a: add_action(a, 3), "give a title"),
    ],
)
def test_bad_edits_are_refused_with_what_would_be_valid(call: object, message: str) -> None:
    audit = example("boulangerie-martin.")
    before = audit.roadmap.model_copy(deep=True)
    with pytest.raises(AuditkitError, match="roadmap") as caught:
        call(audit)  # type: ignore[operator]
    assert message in str(caught.value)
    assert audit.roadmap == before


def test_hand_added_actions_cannot_depend_on_each_other_in_a_circle() -> None:
    audit = example("boulangerie-martin.")
    first = add_action(audit, 3, title_en="First")
    second = add_action(audit, 3, title_en="Second", depends_on=[first.id])
    with pytest.raises(AuditkitError, match="depend on itself"):
        edit_action(audit, first.id, depends_on=[second.id])


def test_a_schema_1_file_loads_with_an_empty_roadmap_section(tmp_path: Path) -> None:
    path = tmp_path / "old.audit.json"
    document = json.loads(example("boulangerie-martin.").model_dump_json())
    del document["roadmap"]
    path.write_text(json.dumps(document | {"schema_version": 1}), encoding="utf-8")
    audit = store.load(path)
    assert audit.schema_version == 2
    assert audit.roadmap.edits == [] and audit.roadmap.added == []
    assert audit.roadmap.improvement_share == 0.25
    store.save(audit, path)
    assert json.loads(path.read_text())["schema_version"] == 2


def test_the_roadmap_section_rejects_what_would_break_it() -> None:
    audit = example("boulangerie-martin.")
    document = json.loads(audit.model_dump_json())
    document["roadmap"] = {
        "edits": [{"action_id": "str-budget", "stage": 4}],
        "added": [{"id": "x", "stage": 1, "title_en": "X"}],
    }
    with pytest.raises(Exception) as caught:
        store.parse(json.dumps(document))
    text = str(caught.value)
    assert "roadmap.edits.0.stage" in text and "one of: 1, 3, 6, 9, 12" in text
    assert "roadmap.added.0" in text and "manual-" in text
