"""Results: objective progress (growth, reduction, missing values, on track) and engagement against benchmarks."""

from __future__ import annotations

from typing import Any

import pytest
from scoring_samples import ER, build, channel, document, factor, scored

from auditkit.model import Objective
from auditkit.scoring import score
from auditkit.scoring.context import Context
from auditkit.scoring.performance import objective_progress, primary_channels, progress


def objective(**fields: Any) -> Objective:
    return Objective.model_validate(
        {"id": "goal", "statement": "A goal.", "kind": "sales", "baseline": 100, "target": 200} | fields
    )


@pytest.mark.parametrize(
    ("baseline", "target", "current", "expected"),
    [
        (100, 200, 150, 0.5),  # growth, half-way
        (100, 200, 200, 1.0),
        (100, 200, 260, 1.6),  # beyond the target
        (100, 200, 80, -0.2),  # growth objective below its baseline: backwards
        (48, 24, 36, 0.5),  # reduction (hours to answer), half-way
        (48, 24, 60, -0.5),  # reduction objective above its baseline: backwards
        (48, 24, 12, 1.5),
    ],
)
def test_progress_follows_the_direction_of_the_target(
    baseline: float, target: float, current: float, expected: float
) -> None:
    assert progress(objective(baseline=baseline, target=target, current=current)) == pytest.approx(expected)


@pytest.mark.parametrize(
    "fields",
    [
        {"current": None},
        {"baseline": None, "current": 150},
        {"target": None, "current": 150},
        {"target": 100, "current": 150},  # target equals baseline: no direction
    ],
)
def test_progress_is_not_assessed_without_baseline_target_and_current_value(fields: dict[str, Any]) -> None:
    goal = objective(**fields)
    assert progress(goal) is None
    measured = objective_progress(goal, Context(build(document())))
    assert measured.progress is None and measured.on_track is None
    assert measured.evidence("en") and measured.evidence("fr") != measured.evidence("en")


@pytest.mark.parametrize(
    ("current", "deadline", "measured_on", "on_track", "verdict"),
    [
        (160, "2027-06-30", None, True, "on track"),
        (130, "2027-06-30", None, False, "behind"),
        (90, "2027-06-30", None, False, "going backwards"),
        (160, "2026-06-30", None, False, "target missed"),  # deadline passed before the audit date
        (160, "2026-06-30", "2026-06-01", True, "on track"),  # measured before the deadline
        (205, "2026-06-30", None, True, "target reached"),
    ],
)
def test_an_objective_is_on_track_half_way_before_its_deadline_or_once_its_target_is_reached(
    current: float, deadline: str, measured_on: str | None, on_track: bool, verdict: str
) -> None:
    goal = objective(current=current, deadline=deadline, current_date=measured_on, unit="orders")
    measured = objective_progress(goal, Context(build(document())))
    assert measured.on_track is on_track
    assert verdict in measured.evidence("en") and "orders" in measured.evidence("en")


def with_current(doc: dict[str, Any], *values: float | None) -> dict[str, Any]:
    for item, current in zip(doc["objectives"], values, strict=False):
        item["current"] = current
    return doc


def test_results_weigh_progress_with_the_primary_objective_counting_double() -> None:
    doc = with_current(document(), 30)  # awareness (primary) 12 -> 30: reached
    doc["objectives"][1] |= {"baseline": 100, "target": 200, "current": 100}  # sales: not moved
    card = score(build(doc))
    assert factor(card.results, "results.objectives") == pytest.approx(2 / 3)
    assert [item.on_track for item in card.progress] == [True, False]


def test_unrecorded_progress_counts_as_none_and_engagement_without_benchmark_is_not_assessed() -> None:
    card = scored(channel("instagram", "instagram", engagement={"definition": "made_up_rate", "rate": 3}))
    assert factor(card.results, "results.objectives") == 0.0
    assert factor(card.results, "results.engagement") is None
    assert card.results.value == 0.0


def test_engagement_results_compare_the_primary_objective_channels_with_their_benchmark() -> None:
    doc = document(
        channel("instagram", "instagram", engagement={"definition": ER, "rate": 0.94}),
        channel("facebook", "facebook", engagement={"definition": ER, "rate": 0.001}, objectives=["sales"]),
    )
    audit = build(doc)
    assert [item.id for item in primary_channels(audit)] == ["instagram"]
    card = score(audit)
    [instagram] = card.engagement
    assert instagram.channel_id == "instagram" and instagram.ratio is not None and instagram.ratio > 1
    assert factor(card.results, "results.engagement") == pytest.approx(
        min(1.0, 0.75 + 0.25 * (instagram.ratio - 1))
    )
    low = score(
        build(document(channel("instagram", "instagram", engagement={"definition": ER, "rate": 0.01})))
    )
    engagement = factor(low.results, "results.engagement")
    assert engagement is not None and engagement < 0.1


def test_without_a_primary_objective_every_objective_channel_counts() -> None:
    doc = document(channel("instagram", "instagram"), channel("facebook", "facebook", objectives=["sales"]))
    doc["objectives"][0]["primary"] = False
    assert [item.id for item in primary_channels(build(doc))] == ["instagram", "facebook"]
    doc["channels"][1]["status"] = "parked"
    assert [item.id for item in primary_channels(build(doc))] == ["instagram"]
