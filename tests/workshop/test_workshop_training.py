"""The training case: the reference is the engine's own answer; the checker names misses and over-flags."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from auditkit import store
from auditkit.findings import Theme
from auditkit.workshop.session import TrainingDraft
from auditkit.workshop.training import (
    THEME_SECTION,
    TrainingReference,
    case_run,
    check,
    consensus,
    load_reference,
    reference_months,
)

NOW = datetime(2027, 3, 20, tzinfo=UTC)


@pytest.fixture(scope="module")
def reference() -> TrainingReference:
    return load_reference()


def test_the_case_is_a_valid_audit_and_the_reference_is_what_auditkit_finds(
    reference: TrainingReference,
) -> None:
    store.load(reference.case_path)
    assert set(case_run(reference).diagnosis.fired) == set(reference.findings)
    months = reference_months(reference)
    assert {rule for rule, month in months.items() if month == 1} == set(reference.first_month)


def test_the_case_hides_gaps_of_several_themes_among_plausible_distractors(
    reference: TrainingReference,
) -> None:
    themes = {finding.theme for finding in case_run(reference).diagnosis.findings}
    assert len(themes) >= 4
    assert len(reference.distractors) >= 8
    assert reference.brief("fr") != reference.brief("en")


def test_the_reference_answer_finds_everything(reference: TrainingReference) -> None:
    draft = TrainingDraft(findings=reference.findings, priorities=reference.first_month[:3], submitted_at=NOW)
    review = check(draft, reference)
    assert review.complete
    assert review.found == reference.findings
    assert review.missed == ()


def test_a_weak_draft_is_told_what_it_missed_and_why(reference: TrainingReference) -> None:
    draft = TrainingDraft(
        findings=("CH-DORMANT", "ORG-INTERN", "STR-BUDGET"),
        priorities=("ERR-URGENCY", "CH-DORMANT", "ORG-INTERN"),
    )
    review = check(draft, reference)
    assert review.found == ("CH-DORMANT",)
    missed = {miss.rule: miss for miss in review.missed}
    assert set(missed) == set(reference.findings) - {"CH-DORMANT"}
    assert "2,880" in missed["CH-SLOW-RESPONSE"].why("en") or "48" in missed["CH-SLOW-RESPONSE"].why("en")
    assert missed["OBJ-NOT-SMART"].section == THEME_SECTION[Theme.OBJECTIVES] == 2
    assert missed["ERR-NOT-MEASURING"].section == 8
    assert review.over_flagged == ("STR-BUDGET", "ORG-INTERN")
    assert review.priorities_right == ("CH-DORMANT",)
    assert review.priorities_later == (("ERR-URGENCY", 6),)
    assert review.priorities_unfounded == ("ORG-INTERN",)
    assert not review.complete


def test_why_it_matters_is_the_finding_on_this_case_in_both_languages(reference: TrainingReference) -> None:
    review = check(TrainingDraft(), reference)
    for miss in review.missed:
        assert miss.why("fr") and miss.why("en") and miss.why("fr") != miss.why("en")


def test_consensus_shows_where_the_room_agrees_and_splits(reference: TrainingReference) -> None:
    everyone = TrainingDraft(
        findings=("CH-DORMANT", "ERR-URGENCY"), priorities=("CH-DORMANT",), submitted_at=NOW
    )
    half = TrainingDraft(findings=("CH-DORMANT", "ORG-INTERN"), priorities=("ORG-INTERN",), submitted_at=NOW)
    unsent = TrainingDraft(findings=("STR-BUDGET",))
    room = consensus([everyone, everyone, half, half, unsent], reference)
    rows = {row.rule: row for row in room.rows}
    assert room.participants == 4
    assert (rows["CH-DORMANT"].flagged, rows["CH-DORMANT"].prioritised) == (4, 2)
    assert rows["CH-DORMANT"].agreed and rows["CH-DORMANT"].in_reference
    assert rows["STR-BUDGET"].flagged == 0 and rows["STR-BUDGET"].agreed
    assert {row.rule for row in room.split()} == {"ORG-INTERN", "ERR-URGENCY"}
    assert not rows["ORG-INTERN"].in_reference
