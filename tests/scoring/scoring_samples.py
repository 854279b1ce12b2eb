"""The audits the scoring tests build on: a small bakery audit, its channels, and the bundled examples."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from auditkit import resources, store
from auditkit.model import Audit
from auditkit.scoring import Score, Scorecard, score

AUDIT_DATE = date(2026, 9, 15)
ER = "rivaliq_er_per_post_by_follower"


def days_ago(days: int) -> str:
    return (AUDIT_DATE - timedelta(days=days)).isoformat()


def channel(channel_id: str, platform: str, **fields: Any) -> dict[str, Any]:
    """A well-run active channel serving the primary objective and reaching the locals."""
    return {
        "id": channel_id,
        "name": channel_id.title(),
        "platform": platform,
        "owner": "Ana",
        "audience_size": 3000,
        "posts_per_week": 5,
        "engagement": {"definition": ER, "rate": 0.5},
        "median_response_minutes": 60,
        "last_post": days_ago(2),
        "hours_per_week": 2,
        "monthly_budget": 0,
        "objectives": ["awareness"],
        "stakeholders": ["locals"],
        "cross_posted_unchanged": False,
    } | fields


def document(*channels: dict[str, Any]) -> dict[str, Any]:
    """A small, complete audit of a bakery; ``channels`` default to one good Instagram account."""
    return {
        "engagement": {"client": "Test Bakery", "audit_date": AUDIT_DATE.isoformat(), "language": "en"},
        "client": {"industry": "commercial_b2c", "sector": "bakery"},
        "objectives": [
            {
                "id": "awareness",
                "statement": "Be known by 30% of local families by June.",
                "kind": "awareness",
                "primary": True,
                "metric": "aided awareness",
                "baseline": 12,
                "target": 30,
                "deadline": "2027-06-30",
                "stakeholders": ["locals", "students"],
                "indicators": [{"name": "reach", "lens": "roa"}],
            },
            {
                "id": "sales",
                "statement": "Sell 200 pre-orders for the holidays.",
                "kind": "sales",
                "stakeholders": ["locals"],
            },
        ],
        "stakeholders": [
            {
                "id": "locals",
                "name": "Local families",
                "importance": 5,
                "platforms": [
                    {"platform": "facebook", "share": 0.7},
                    {"platform": "instagram", "share": 0.6},
                ],
            },
            {
                "id": "students",
                "name": "Students",
                "importance": 3,
                "platforms": [
                    {"platform": "instagram", "level": "high"},
                    {"platform": "tiktok", "share": 0.6},
                ],
            },
        ],
        "channels": list(channels) or [channel("instagram", "instagram")],
        "strategy": {
            "components": {
                "editorial_line": {"status": "present"},
                "content_plan": {"status": "partial"},
                "crisis_plan": {"status": "absent"},
            },
            "last_reviewed": days_ago(30),
            "obstacles": [{"text": "Busy season"}],
        },
        "organisation": {
            "sponsor": "supportive",
            "strategy_owner_role": "communications_manager",
            "content_creators": ["Ana"],
            "responders": ["Ana"],
            "validation_delay_hours": 1,
            "training": "some",
            "hours_per_week": 10,
            "monthly_budget": 200,
            "reporting_cadence": "monthly",
            "publishing_lead_time_days": 14,
        },
    }


def build(doc: dict[str, Any]) -> Audit:
    return Audit.model_validate(doc)


def scored(*channels: dict[str, Any], **top: Any) -> Scorecard:
    return score(build(document(*channels) | top))


def fit(card: Scorecard, channel_id: str = "instagram", objective_id: str = "awareness") -> Score:
    return card.matrix[(channel_id, objective_id)]


def factor(target: Score, name: str) -> float | None:
    return target.contribution(name).value


def sub(target: Score, name: str) -> float:
    """An assessed factor's sub-score."""
    value = target.contribution(name).value
    assert value is not None
    return value


def value(target: Score) -> float:
    assert target.value is not None
    return target.value


def weighted_mean(target: Score) -> float:
    """100 x the mean of the assessed sub-scores weighted by their weights."""
    assessed = [(c.value, c.weight) for c in target.contributions if c.value is not None]
    return 100 * sum(v * w for v, w in assessed) / sum(w for _, w in assessed)


def all_scores(card: Scorecard) -> list[Score]:
    return [
        card.overall,
        card.strategy_completeness,
        card.organisation_readiness,
        *(c.health for c in card.channels),
        *card.matrix.values(),
    ]


def example(name: str) -> Scorecard:
    return score(store.load(resources.examples_dir() / f"{name}.audit.json"))
