"""Honest levels: an audit with too little data has none; levels 4 and 5 need results, not only paperwork."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from scoring_samples import AUDIT_DATE, build, document, example

from auditkit import resources, store
from auditkit.diagnose import RULES, diagnose
from auditkit.model import Audit, StrategyComponentKey
from auditkit.report import render_report
from auditkit.roadmap import build_roadmap
from auditkit.run import AuditRun
from auditkit.scoring import Scorecard, level_for, score
from tests.test_cli import run


def near_empty(**settings: Any) -> Audit:
    """A new audit with one objective, one channel and an empty strategy."""
    return build(
        {
            "engagement": {"client": "X", "audit_date": AUDIT_DATE.isoformat(), "language": "en"},
            "client": {"industry": "commercial_b2c"},
            "objectives": [
                {"id": "awareness", "statement": "Be known.", "kind": "awareness", "primary": True}
            ],
            "channels": [
                {
                    "id": "facebook",
                    "name": "Facebook",
                    "platform": "facebook",
                    "audience_size": 900,
                    "posts_per_week": 3,
                    "objectives": ["awareness"],
                }
            ],
            "settings": settings,
        }
    )


def test_a_near_empty_audit_is_incomplete_and_has_no_level() -> None:
    audit = near_empty()
    card = score(audit)
    missing = len(diagnose(audit).not_assessed_rules)
    assert missing > len(RULES) / 4
    assert card.level is None
    assert card.incomplete is not None
    assert (card.incomplete.not_assessed, card.incomplete.rules) == (missing, len(RULES))
    data = card.to_dict("en")
    assert data["level"] is None
    assert data["incomplete"] == {"not_assessed": missing, "rules": len(RULES)}
    assert "level=incomplete" in repr(card)


def test_the_incomplete_state_reads_in_english_and_french() -> None:
    card = score(near_empty())
    assert card.incomplete is not None
    counts = (card.incomplete.not_assessed, card.incomplete.rules)
    english, french = card.to_text("en"), card.to_text("fr")
    assert f"incomplete: {counts[0]} of {counts[1]} rules not assessed, no maturity level" in english
    assert (
        f"incomplet\u00a0: {counts[0]} règles sur {counts[1]} non évaluées, aucun niveau de maturité"
        in french
    )
    assert "— level" not in english and "— niveau" not in french
    run_card = AuditRun(near_empty())
    assert f"{counts[0]} of {counts[1]} rules not assessed" in repr(run_card)
    assert f"{counts[0]} règles sur {counts[1]} non évaluées" in repr(run_card.in_language("fr"))
    assert run_card.summary()["level"] is None and run_card.summary()["incomplete"]["rules"] == len(RULES)


@pytest.mark.parametrize(("lang", "state"), [("en", "could not be assessed"), ("fr", "pas pu être évaluées")])
def test_the_report_first_page_shows_the_incomplete_state_instead_of_a_level(lang: str, state: str) -> None:
    page = BeautifulSoup(render_report(near_empty(), lang), "html.parser")
    summary = page.select_one("#summary")
    assert summary is not None
    incomplete = summary.select_one(".incomplete")
    assert incomplete is not None and state in incomplete.get_text(" ")
    assert not summary.select("ol.levels li.current")


def test_the_cli_score_json_says_level_null_and_incomplete(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.audit.json"
    store.save(near_empty(), path)
    code, out, _ = run(capsys, "score", str(path), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["level"] is None and data["incomplete"]["rules"] == len(RULES)


def test_the_roadmap_projects_no_level_for_an_incomplete_audit() -> None:
    audit = near_empty()
    card, diagnosis = score(audit), diagnose(audit)
    roadmap = build_roadmap(audit, card, diagnosis)
    assert roadmap.current_level is None
    assert all(stage.projected_level is None for stage in roadmap.stages)


def test_the_incomplete_share_is_a_threshold_the_consultant_may_raise() -> None:
    card = score(near_empty(thresholds={"incomplete_share": 1}))
    assert card.incomplete is None and card.level is not None


def test_a_complete_audit_has_a_level_and_no_incompleteness() -> None:
    card = score(build(document()))
    assert card.incomplete is None and card.level is not None
    assert card.to_dict("en")["incomplete"] is None


def round_two(facebook_rate: float | None = None) -> Scorecard:
    """Round 2 of the bakery with every objective on track; Facebook's rate changed when given."""
    audit = store.load(resources.examples_dir() / "boulangerie-martin-round2.audit.json")
    doc = audit.model_dump(mode="json", exclude_none=True)
    for item in doc["objectives"]:
        item["current"] = item["target"]
    if facebook_rate is not None:
        [facebook] = [c for c in doc["channels"] if c["id"] == "facebook"]
        facebook["engagement"] = {"definition": facebook["engagement"]["definition"], "rate": facebook_rate}
    return score(Audit.model_validate(doc))


def engagement_ratio(card: Scorecard, channel_id: str) -> float:
    [item] = [item for item in card.engagement if item.channel_id == channel_id]
    assert item.ratio is not None
    return item.ratio


def test_round_two_of_the_bakery_stays_below_level_5_while_facebook_engages_under_half_the_benchmark() -> (
    None
):
    card = round_two()
    assert engagement_ratio(card, "facebook") < 0.5
    assert level_for(card.overall.value).number == 5, "the score alone would say Integrated"
    assert card.level is not None and card.level.number == 4
    [held] = card.held_back
    assert held.condition == "engagement" and "facebook" in held.evidence("en")
    assert "Held back:" in card.to_text("en") and "Plafonné" in card.to_text("fr")
    recovered = round_two(facebook_rate=0.05)
    assert engagement_ratio(recovered, "facebook") >= 0.5
    assert recovered.level is not None and recovered.level.number == 5
    assert all(gate.met for gate in recovered.gates)


def test_round_two_as_recorded_is_not_integrated() -> None:
    card = example("boulangerie-martin-round2")
    assert card.level is not None and card.level.number < 5
    assert any(gate.condition == "engagement" and not gate.met for gate in card.gates)


def test_paperwork_without_results_cannot_reach_level_4() -> None:
    doc = document()
    doc["strategy"]["components"] = {key.value: {"status": "present"} for key in StrategyComponentKey}
    card = score(build(doc))
    results_gate = next(gate for gate in card.gates if gate.condition == "results")
    assert not results_gate.met and card.progress[0].progress is None
    assert level_for(card.overall.value).number >= 4, "the paperwork alone scores high"
    assert card.level is not None and card.level.number == 3
    assert card.held_back == (results_gate,)
    doc["objectives"][0]["current"] = 30
    measured = score(build(doc))
    assert next(gate for gate in measured.gates if gate.condition == "results").met
    assert measured.results.value is not None and card.results.value is not None
    assert measured.results.value > card.results.value
