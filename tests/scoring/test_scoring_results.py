"""The scorecard's JSON document, in one language or in all."""

from __future__ import annotations

import json

from scoring_samples import (
    channel,
    scored,
)

from auditkit.scoring import (
    Recommendation,
)


def test_json_document_shape() -> None:
    card = scored(channel("instagram", "instagram"), channel("facebook", "facebook", objectives=[]))
    data = json.loads(json.dumps(card.to_dict("en")))
    assert {
        "overall",
        "level",
        "channels",
        "matrix",
        "strategy_completeness",
        "organisation_readiness",
    } <= set(data)
    assert isinstance(data["overall"], float) and 0 <= data["overall"] <= 100
    assert set(data["level"]) >= {"number", "name", "meaning"}
    for item in data["channels"]:
        assert {"name", "platform", "score", "recommendation", "reasons", "contributions"} <= set(item)
        assert item["recommendation"] in {r.value for r in Recommendation}
        assert all(isinstance(reason, str) for reason in item["reasons"])
    assert len(data["matrix"]) == 4
    cell = data["matrix"][0]
    assert {"channel", "objective", "serves", "score", "contributions"} <= set(cell)
    assert {"factor", "label", "value", "weight", "points", "evidence"} <= set(cell["contributions"][0])
    for part in ("strategy_completeness", "organisation_readiness"):
        assert {"score", "contributions"} <= set(data[part])


def test_json_without_a_language_carries_both() -> None:
    data = scored().to_dict()
    assert set(data["channels"][0]["reasons"][0]) == {"en", "fr"}
    assert set(data["level"]["name"]) == {"en", "fr"}
