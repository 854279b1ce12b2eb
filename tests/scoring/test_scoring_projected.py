"""Projected scores: what a roadmap's projection reads of a changed audit, the same as the full scorecard's."""

from __future__ import annotations

import pytest
from synthetic_audits import synthetic_audits

from auditkit import resources, store
from auditkit.model import Audit
from auditkit.scoring import projected_scores, score

AUDITS = [store.load(path) for path in resources.example_audits()] + list(synthetic_audits(40, seed=7))


@pytest.mark.parametrize("audit", AUDITS, ids=lambda audit: audit.engagement.client)
def test_projected_scores_are_the_scorecards_own(audit: Audit) -> None:
    card = score(audit)
    projected = projected_scores(audit, with_level=True)
    assert projected.overall == card.overall
    assert projected.strategy_completeness == card.strategy_completeness
    assert projected.level == card.level
    assert projected_scores(audit, with_level=False).level is None


def test_an_incomplete_audit_has_no_projected_level() -> None:
    incomplete = next(audit for audit in AUDITS if score(audit).incomplete is not None)
    assert projected_scores(incomplete, with_level=True).level is None
