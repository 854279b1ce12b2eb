"""How scores read: figures rounded as the evidence always wrote them, answers worded in each language."""

from __future__ import annotations

import re

import pytest
from scoring_samples import build, document, scored

from auditkit.locale import msg
from auditkit.scoring import score
from auditkit.scoring.rendering import figure, lower_case, percent, text_in


def plain(text: str) -> str:
    """``text`` with its no-break spaces as plain spaces: typography is the catalogue's business."""
    return re.sub(r"[\u00a0\u202f]", " ", text)


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        (5, "5", "5"),
        (5.0, "5", "5"),
        (14800, "14800", "14800"),
        (1234.5, "1234", "1234"),
        (150.6, "151", "151"),
        (12.34, "12.3", "12,3"),
        (10.04, "10", "10"),
        (2.345, "2.35", "2,35"),
        (0.0312, "0.0312", "0,0312"),
        (0.123456, "0.123", "0,123"),
        (9.996, "10", "10"),
    ],
)
def test_figures_keep_three_significant_digits_and_no_thousands_separator(
    value: float, english: str, french: str
) -> None:
    assert figure(value)("en") == english
    assert figure(value)("fr") == french


def test_percent_is_a_whole_figure() -> None:
    assert percent(0.456)("fr") == "46" and percent(1)("en") == "100"


def test_lower_case_reads_a_name_inside_a_sentence() -> None:
    name = msg("settings.weight.ownership.name")
    assert lower_case(name)("en") == "ownership" and lower_case(name)("fr") == "responsable"
    assert text_in(name, None) == {"en": "Ownership", "fr": "Responsable"}


def test_organisation_answers_read_with_their_article() -> None:
    doc = document()
    doc["organisation"] |= {"strategy_owner_role": "intern", "sponsor": "none", "reporting_cadence": "ad_hoc"}
    readiness = score(build(doc)).organisation_readiness
    owner = readiness.contribution("org.owner").evidence
    assert (owner("en"), plain(owner("fr"))) == (
        "owner role: an intern",
        "rôle du responsable : un stagiaire",
    )
    assert readiness.contribution("org.sponsor").evidence("en") == "sponsor: none"
    assert readiness.contribution("org.reporting").evidence("en") == "reporting cadence: ad hoc"
    training = readiness.contribution("org.training").evidence
    assert plain(training("fr")) == "formation : une partie des personnes"


def test_effort_evidence_names_hours_and_budget_against_the_fair_share() -> None:
    effort = scored().matrix[("instagram", "awareness")].contribution("fit.effort").evidence
    assert effort("en") == "2h/week (fair share 10); 0/month (fair share 200)"
    assert plain(effort("fr")) == "2h/semaine (juste part 10) ; 0/mois (juste part 200)"
