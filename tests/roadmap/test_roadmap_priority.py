"""Priority, quick wins, deadlines and the capacity warning, on every example and on built cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from roadmap_samples import EXAMPLES, example, scheduled, spaced, with_hours

from auditkit import store
from auditkit.diagnose import Severity, diagnose
from auditkit.model import Audit, Obstacle
from auditkit.plan import Phase
from auditkit.roadmap import Action, Roadmap, build_roadmap
from auditkit.roadmap.priority import ranking
from auditkit.roadmap.stages import stage_dates
from auditkit.roadmap.texts import Written

NAMES = [path.name for path in EXAMPLES]


def loaded(name: str) -> Audit:
    return store.load(next(path for path in EXAMPLES if path.name == name))


def year_end(audit: Audit) -> date:
    return stage_dates(audit.engagement.audit_date)[12][1]


@pytest.mark.parametrize("name", NAMES)
def test_month_1_holds_at_least_two_actions(name: str) -> None:
    roadmap = build_roadmap(loaded(name))
    assert len(roadmap.stage(1).actions) >= 2


@pytest.mark.parametrize("name", NAMES)
def test_every_critical_and_major_finding_is_answered_within_the_year(name: str) -> None:
    audit = loaded(name)
    roadmap = build_roadmap(audit)
    answered = {c.rule for action in roadmap.actions for c in action.covers}
    for finding in diagnose(audit).findings:
        if finding.severity in (Severity.CRITICAL, Severity.MAJOR):
            assert finding.rule in answered, (name, finding.rule)
    assert all(action.severity in (Severity.MINOR, Severity.INFO) for action in roadmap.backlog)


@pytest.mark.parametrize("name", NAMES)
def test_no_action_serving_an_objective_ends_after_its_deadline(name: str) -> None:
    audit = loaded(name)
    roadmap = build_roadmap(audit)
    deadlines = {o.id: o.deadline for o in audit.objectives if o.deadline}
    checked = 0
    for action in roadmap.actions:
        for objective in action.objectives:
            deadline = deadlines.get(objective)
            if deadline and audit.engagement.audit_date < deadline <= year_end(audit):
                assert action.due is not None and action.due <= deadline, (name, action.id, objective)
                checked += 1
    assert not any(action.late for action in roadmap.actions)


@pytest.mark.parametrize("name", NAMES)
def test_no_action_threatened_by_a_dated_obstacle_ends_after_its_date(name: str) -> None:
    audit = loaded(name)
    roadmap = build_roadmap(audit)
    by_id = {action.id: action for action in scheduled(roadmap)}
    for obstacle in audit.strategy.obstacles:
        if obstacle.deadline is None or not audit.engagement.audit_date < obstacle.deadline <= year_end(
            audit
        ):
            continue
        threatened = [a for a in by_id.values() if set(obstacle.affects) & {a.id.upper(), *a.findings}]
        queue = list(threatened)
        while queue:
            action = queue.pop()
            assert action.due is not None and action.due <= obstacle.deadline, (name, action.id)
            queue += [by_id[d] for d in action.depends_on]


def test_a_dated_obstacle_pulls_what_it_threatens_and_its_prerequisites_before_its_date() -> None:
    audit = with_hours(example("boulangerie-martin."), 3.0)
    audit.strategy.obstacles = [
        Obstacle(text="The intern leaves", deadline=date(2026, 11, 20), affects=["REC-CLOSE"])
    ]
    roadmap = build_roadmap(audit)
    close = roadmap.action("rec-close")
    assert close.due is not None and close.due <= date(2026, 11, 20) and close.stage in (1, 3)
    assert "The intern leaves" in close.deadline_reason("en")
    assert any("The intern leaves" in reason("en") for reason in close.priority_reasons)
    for dependency in close.depends_on:
        before = roadmap.action(dependency)
        assert before.due is not None and before.due <= date(2026, 11, 20)
        assert "Close the accounts" in before.deadline_reason("en")


def test_a_deadline_before_month_1_ends_puts_the_action_first_and_flags_it_tight() -> None:
    audit = with_hours(example("boulangerie-martin."), 3.0)
    audit.strategy.obstacles = [Obstacle(text="Handover", deadline=date(2026, 9, 20), affects=["ORG-INTERN"])]
    roadmap = build_roadmap(audit)
    intern = roadmap.action("org-intern")
    assert intern.stage == 1 and intern.tight
    assert roadmap.stage(1).actions[0].id == "org-intern"
    assert intern.to_dict("en")["tight"] is True


def test_a_deadline_already_past_binds_nothing() -> None:
    audit = with_hours(example("boulangerie-martin."), 3.0)
    audit.strategy.obstacles = [Obstacle(text="Gone", deadline=date(2020, 1, 1), affects=["ORG-INTERN"])]
    assert build_roadmap(audit).action("org-intern").deadline is None


def _action(
    action_id: str,
    severity: Severity,
    hours: float,
    objectives: tuple[str, ...] = (),
    depends_on: tuple[str, ...] = (),
) -> Action:
    text = Written(texts={"en": action_id, "fr": action_id})
    return Action(
        id=action_id, title=text, description=text, findings=(), objectives=objectives, owner_role="consultant",
        effort_hours=hours, cost=0, done_when=text, stage=1, depends_on=depends_on, severity=severity,
        phase=Phase.PLANNING,
    )  # fmt: skip


def test_priority_is_severity_then_effect_on_the_primary_objective_then_effort() -> None:
    audit = example("boulangerie-martin.")
    primary = next(o.id for o in audit.objectives if o.primary)
    actions = [
        _action("minor-small", Severity.MINOR, 0.5),
        _action("major-big", Severity.MAJOR, 6),
        _action("major-small", Severity.MAJOR, 1),
        _action("major-primary", Severity.MAJOR, 3, objectives=(primary,)),
        _action("critical", Severity.CRITICAL, 8, depends_on=("info-first",)),
        _action("info-first", Severity.INFO, 2),
    ]
    ranked = ranking(audit, actions, 2)
    order = sorted(ranked.rank, key=ranked.rank.__getitem__)
    assert order == ["info-first", "critical", "major-primary", "major-small", "major-big", "minor-small"]
    assert "must come before 'critical', which answers a critical finding" in [
        reason("en") for reason in ranked.reasons["info-first"]
    ]
    assert "serves the primary objective" in [reason("en") for reason in ranked.reasons["major-primary"]]


@pytest.mark.parametrize("name", NAMES)
def test_priorities_rank_every_action_once_after_what_it_depends_on(name: str) -> None:
    roadmap = build_roadmap(loaded(name))
    actions = scheduled(roadmap)
    ranks = {action.id: action.priority for action in actions}
    assert sorted(ranks.values()) == list(range(1, len(actions) + 1))
    for action in actions:
        assert action.priority_text is not None and action.priority_reasons
        for dependency in action.depends_on:
            assert ranks[dependency] < ranks[action.id]


def test_quick_wins_go_to_month_1() -> None:
    roadmap = build_roadmap(example("boulangerie-martin."))
    quick = [action for action in roadmap.actions if action.quick_win]
    assert len(quick) >= 2
    for action in quick:
        assert action.stage == 1 and action.effort_hours <= 2
        assert "quick win" in action.priority_text("en") and "gain rapide" in action.priority_text("fr")
    assert any("quick win" in note("en") for note in roadmap.notes)


def test_the_quick_win_threshold_is_a_setting() -> None:
    audit = example("boulangerie-martin.")
    audit.settings.thresholds["quick_win_hours"] = 0
    assert not any(action.quick_win for action in build_roadmap(audit).actions)


def _crowded(roadmap: Roadmap) -> list[int]:
    return [stage.month for stage in roadmap.stages if stage.over_capacity]


def test_a_stage_over_capacity_says_by_how_much_what_to_drop_or_the_hours_to_add() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), 2.0))
    assert _crowded(roadmap)
    for month in _crowded(roadmap):
        stage = roadmap.stage(month)
        weeks = (stage.due - stage.start).days / 7
        text = stage.warning("en")
        assert text.startswith(f"Month {month} needs {round(stage.hours, 1):g} h;")
        assert f"the team has {round(stage.capacity_hours, 1):g} h" in text
        assert f"{max(round(stage.excess_hours / weeks, 1), 0.1):g} h more a week" in text
        dropped = [roadmap.action(action_id) for action_id in stage.to_drop]
        assert sum(a.effort_hours for a in dropped) >= stage.excess_hours - 1e-9
        kept = [a for a in stage.actions if a.id not in stage.to_drop and a.id != "next-round"]
        assert all(k.priority < d.priority for k in kept for d in dropped)
        for action in dropped:
            assert f"'{action.title('en')}'" in text and spaced(f"« {action.title('fr')} »") in spaced(
                stage.warning("fr")
            )
        document = stage.to_dict("fr")
        assert document["to_drop"] == list(stage.to_drop) and document["warning"] == stage.warning("fr")


def test_the_warning_speaks_of_one_action_or_of_several() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), 2.0))
    texts = [stage.warning("en") for stage in roadmap.stages if stage.warning is not None]
    for stage in roadmap.stages:
        if stage.warning is not None:
            several = len(stage.to_drop) > 1
            assert (f"these {len(stage.to_drop)} actions" in stage.warning("en")) is several
            assert (f"ces {len(stage.to_drop)} actions" in spaced(stage.warning("fr"))) is several
    assert texts


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_a_critical_finding_is_answered_as_soon_as_its_prerequisites_allow(path: Path) -> None:
    roadmap = build_roadmap(store.load(path))
    stages = {action.id: action.stage for action in roadmap.actions}
    for action in roadmap.actions:
        if action.severity is Severity.CRITICAL and not action.pinned:
            earliest = max([1, *(stages[d] or 1 for d in action.depends_on if d in stages)])
            assert action.stage == earliest, (path, action.id)


def test_the_town_hall_settles_consent_and_safeguarding_in_month_one() -> None:
    roadmap = build_roadmap(example("mairie-saint-clement"))
    month_one = {action.id for action in roadmap.stage(1).actions}
    assert {"org-image-consent", "org-safeguarding"} <= month_one
    assert roadmap.stage(1).over_capacity
