"""The overall score: its four parts, objective coverage, determinism and the examples' ranking."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scoring_samples import (
    channel,
    example,
    scored,
    sub,
    value,
)

from auditkit.model import Audit
from auditkit.scoring import (
    gated_level,
    score,
)
from benchmarks.synthetic import large_audit


def test_overall_combines_five_parts_and_reports_the_target_level() -> None:
    card = scored(settings={"target_level": 4})
    assert [c.factor for c in card.overall.contributions] == [
        "overall.fit",
        "overall.health",
        "overall.strategy",
        "overall.organisation",
        "overall.results",
    ]
    assert card.level == gated_level(card.overall.value, card.gates)
    assert card.target_level is not None and card.target_level.number == 4
    assert scored().target_level is None


def test_an_objective_no_channel_serves_lowers_coverage() -> None:
    served = scored(channel("instagram", "instagram", objectives=["awareness", "sales"]))
    orphan = scored(channel("instagram", "instagram", objectives=["awareness"]))
    assert sub(orphan.overall, "overall.fit") < sub(served.overall, "overall.fit")


def test_scoring_is_deterministic_and_leaves_the_audit_unchanged() -> None:
    audit = large_audit()
    before = audit.model_dump()
    first, second = score(audit).to_dict(), score(audit).to_dict()
    assert first == second
    assert score(Audit.model_validate(before)).to_dict() == first
    assert audit.model_dump() == before


def test_examples_rank_as_their_maturity_reads() -> None:
    first, second = example("boulangerie-martin"), example("boulangerie-martin-round2")
    association, college = example("asso-velo-solidaire"), example("st-aidans-college")
    assert value(second.overall) > value(first.overall) + 20
    assert value(second.strategy_completeness) > value(first.strategy_completeness)
    assert value(association.organisation_readiness) < value(college.organisation_readiness)
    levels = [card.level.number if card.level else None for card in (first, association, second, college)]
    assert None not in levels, "every example has enough data for a level"
    assert levels[0] <= 2 and levels[1] <= 2, levels
    assert 3 <= levels[2] <= 4 and 3 <= levels[3] <= 4, levels


def test_scoring_imports_neither_ipywidgets_nor_plotly() -> None:
    code = (
        "import sys\n"
        "from auditkit.scoring import score\n"
        "from benchmarks.synthetic import large_audit\n"
        "score(large_audit())\n"
        "loaded = [m for m in ('ipywidgets', 'plotly') if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
