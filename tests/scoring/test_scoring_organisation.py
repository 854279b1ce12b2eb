"""Organisation readiness: the owner, unknown answers, the validation delay."""

from __future__ import annotations

import pytest
from scoring_samples import (
    build,
    channel,
    document,
    factor,
    scored,
    value,
)

from auditkit.scoring import (
    score,
)


def test_an_intern_owner_lowers_organisation_readiness() -> None:
    doc = document()
    doc["organisation"]["strategy_owner_role"] = "intern"
    intern = score(build(doc)).organisation_readiness
    manager = scored().organisation_readiness
    assert factor(intern, "org.owner") == 0.1 and factor(manager, "org.owner") == 1.0
    assert value(intern) < value(manager)


def test_unknown_organisation_answers_are_not_assessed() -> None:
    card = score(build(document() | {"organisation": {}}))
    readiness = card.organisation_readiness
    assessed = {c.factor for c in readiness.contributions if c.value is not None}
    assert assessed == {"org.resources"}
    assert readiness.value == 0.0


def test_slow_validation_is_compared_with_the_tightest_channel_expectation() -> None:
    doc = document(channel("x", "x"), channel("linkedin", "linkedin"))
    doc["organisation"]["validation_delay_hours"] = 4
    readiness = score(build(doc)).organisation_readiness
    assert factor(readiness, "org.validation") == pytest.approx(60 / 240)
