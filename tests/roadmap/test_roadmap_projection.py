"""Projected scores: the real score of a copy of the audit where the stage's actions are done."""

from __future__ import annotations

import pytest
from roadmap_samples import bare_audit, documented_bakery, example, finding, with_hours

from auditkit.diagnose import Diagnosis
from auditkit.model import Audit, ChannelStatus, ComponentStatus, StrategyComponent, StrategyComponentKey
from auditkit.roadmap import build_roadmap
from auditkit.scoring import score


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
    assert all("not modelled" in action.effect("en") for action in roadmap.actions)
    for stage in roadmap.stages:
        assert stage.projected_overall == pytest.approx(roadmap.current_overall)
        assert stage.projected_completeness == pytest.approx(roadmap.current_completeness)


def test_closing_a_channel_projects_the_score_of_the_audit_with_it_closed() -> None:
    audit = with_hours(documented_bakery(), None)
    roadmap = build_roadmap(audit, diagnosis=Diagnosis((), ()))
    modelled = [a for a in roadmap.actions if "not modelled" not in a.effect("en")]
    assert [a.id for a in modelled] == ["rec-close"]
    closing = modelled[0]
    assert closing.effect("en") == "the channels are closed"
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
