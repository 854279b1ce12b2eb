"""Stages, capacity, dependencies, coverage of critical findings, determinism and the JSON document."""

from __future__ import annotations

import json
from datetime import date

import pytest
from roadmap_samples import bare_audit, every_audit, example, not_now_audit, scheduled, with_hours

from auditkit.diagnose import Finding, Severity, diagnose
from auditkit.model import Audit
from auditkit.roadmap import Roadmap, build_roadmap
from benchmarks.synthetic import large_audit


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


def test_what_overflows_moves_later_or_warns_with_figures() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), 3.0))
    for action in scheduled(roadmap):
        if action.moved:
            assert action.note is not None
            assert action.id in roadmap.stage(action.planned_stage).overflow
            assert action.stage is None or action.stage > action.planned_stage
    crowded = [stage for stage in roadmap.stages if stage.over_capacity]
    assert crowded, "a 3 h/week team cannot hold this plan"
    for stage in crowded:
        assert stage.warning is not None and stage.warning in roadmap.notes
    for action in roadmap.backlog:
        assert action.severity in (Severity.MINOR, Severity.INFO)


def test_a_larger_team_holds_the_same_plan_without_moving_anything() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), 400.0))
    assert not roadmap.backlog
    assert not any(action.moved for action in roadmap.actions)
    assert all(not stage.overflow and stage.warning is None for stage in roadmap.stages)


def test_the_whole_plan_is_weighed_against_the_years_capacity() -> None:
    roadmap = build_roadmap(example("boulangerie-martin."))
    assert roadmap.capacity_hours == pytest.approx(sum(stage.capacity_hours for stage in roadmap.stages))
    assert roadmap.needed_hours == pytest.approx(sum(a.effort_hours for a in scheduled(roadmap)))
    assert roadmap.backlog_hours == pytest.approx(sum(a.effort_hours for a in roadmap.backlog))
    document = roadmap.to_dict("en")
    assert document["needed_hours"] == round(roadmap.needed_hours, 1)
    assert document["backlog_hours"] == round(roadmap.backlog_hours, 1)
    assert document["share_to_fit"] == roadmap.share_to_fit


def test_a_plan_too_big_comes_with_the_share_of_time_that_would_hold_it() -> None:
    audit = example("boulangerie-martin.")
    roadmap = build_roadmap(audit)
    assert roadmap.crowded and roadmap.share_to_fit is not None
    share = roadmap.share_to_fit
    assert audit.roadmap.improvement_share < share <= 1 and round(share * 20) == pytest.approx(share * 20)
    assert roadmap.shortfall is not None and f"{round(share * 100)}%" in roadmap.shortfall("en")
    assert f"{round(share * 100)} %" in roadmap.shortfall("fr")
    assert roadmap.shortfall in roadmap.notes
    enough = audit.model_copy(deep=True)
    enough.roadmap.improvement_share = share
    fitted = build_roadmap(enough)
    assert not fitted.backlog and not fitted.crowded
    if share - 0.05 > audit.roadmap.improvement_share:
        short = audit.model_copy(deep=True)
        short.roadmap.improvement_share = share - 0.05
        tighter = build_roadmap(short)
        assert tighter.backlog or tighter.crowded


def test_when_even_all_the_teams_hours_fall_short_the_roadmap_says_so() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), 0.5))
    assert roadmap.crowded and roadmap.share_to_fit is None
    assert roadmap.shortfall is not None and roadmap.shortfall("en").startswith("Even all of the 0.5 h")


def test_a_plan_that_fits_has_no_shortfall() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), 400.0))
    assert roadmap.shortfall is None and roadmap.share_to_fit is None
    assert not roadmap.backlog and not roadmap.crowded


def test_unknown_team_hours_leave_the_stages_uncapped_and_say_so() -> None:
    roadmap = build_roadmap(with_hours(example("boulangerie-martin."), None))
    assert all(stage.capacity_hours is None for stage in roadmap.stages)
    assert not roadmap.backlog
    assert any("weekly hours are not in the audit" in note("en") for note in roadmap.notes)


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
            assert action.severity in (Severity.MINOR, Severity.INFO)
    assert fired >= {"OBJ-NONE", "ENV-NO-STAKEHOLDERS", "DEC-NOT-NOW"}


def test_critical_actions_beyond_capacity_stay_in_their_first_stage_flagged() -> None:
    roadmap = build_roadmap(bare_audit(hours_per_week=0.2))
    kept = [a for a in roadmap.actions if a.over_capacity and a.severity is Severity.CRITICAL]
    assert kept
    for action in kept:
        assert roadmap.stage(action.stage).over_capacity
        assert action.note is not None and "warning" in action.note("en")


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
