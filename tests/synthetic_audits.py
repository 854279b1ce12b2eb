"""Realistic synthetic audits for tests that must hold on any client: seeded, varied, always valid.

``synthetic_audit(seed)`` gives one :class:`~auditkit.model.Audit`, the same for the same seed;
``synthetic_audits(n, seed=0)`` gives ``n`` of them. They vary the organisation's kind and size, hold 1
to 12 channels of mixed platforms and statuses (active, dormant, planned, parked, closed), 1 to 4
objectives, audiences whose platform use may favour social networks, avoid them (a "not now" case) or
be unknown, strategy components in every state, team hours from a scrap to a full-time team, and
engagement figures spread around the benchmarks (a tenth of them to twice them).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from auditkit import store
from auditkit.model import (
    Audit,
    Cadence,
    ComponentStatus,
    Consultation,
    IndustryKind,
    Lens,
    Level,
    ObjectiveKind,
    OrganisationSize,
    OwnerRole,
    SponsorEngagement,
    StrategyComponentKey,
    Training,
)
from auditkit.platforms import (
    INSTITUTIONAL_APPS,
    LISTING_PLATFORMS,
    MAJOR_PLATFORMS,
    SOCIAL_PLATFORMS,
    Platform,
)

__all__ = ["freeze_id", "synthetic_audit", "synthetic_audits"]

_SOCIAL = sorted(SOCIAL_PLATFORMS)
_OTHER = sorted(set(Platform) - SOCIAL_PLATFORMS)
_PEOPLE = ("Ana", "Ben", "Chloé", "Driss", "Emma", "Farid", "Gaëlle")
_STATUSES = (("active", 0.62), ("dormant", 0.1), ("planned", 0.1), ("parked", 0.1), ("closed", 0.08))
_RATE_BENCHMARK = {  # rough per-post engagement by follower, in %, around which the figures are drawn
    Platform.FACEBOOK: 0.06,
    Platform.INSTAGRAM: 0.5,
    Platform.X: 0.03,
    Platform.TIKTOK: 2.5,
    Platform.LINKEDIN: 0.5,
    Platform.YOUTUBE: 0.5,
}


def synthetic_audits(n: int, seed: int = 0) -> Iterator[Audit]:
    """``n`` synthetic audits, from seeds ``seed`` to ``seed + n - 1``."""
    return (synthetic_audit(seed + offset) for offset in range(n))


def synthetic_audit(seed: int) -> Audit:
    """One valid, realistic audit drawn from ``seed`` (the same seed gives the same audit)."""
    rng = random.Random(seed)
    today = date(2026, 1, 5) + timedelta(days=rng.randrange(330))
    not_now = rng.random() < 0.15
    stakeholders = [_stakeholder(rng, index, not_now) for index in range(rng.randint(1, 4))]
    objectives = [_objective(rng, index, today, stakeholders) for index in range(rng.randint(1, 4))]
    if objectives and rng.random() < 0.7:
        rng.choice(objectives)["primary"] = True
    channels = [
        _channel(rng, index, platform, today, objectives, stakeholders, not_now)
        for index, platform in enumerate(_platforms(rng))
    ]
    document: dict[str, Any] = {
        "schema_version": store.SCHEMA_VERSION,
        "engagement": {
            "client": f"Client {seed}",
            "audit_date": today.isoformat(),
            "language": rng.choice(("en", "fr")),
        },
        "client": {
            "industry": rng.choice(list(IndustryKind)).value,
            "size": rng.choice([*OrganisationSize, None]),
        },
        "objectives": objectives,
        "stakeholders": stakeholders,
        "channels": channels,
        "strategy": {
            "components": _components(rng),
            "last_reviewed": _maybe(rng, _days_ago(today, 700, rng)),
        },
        "organisation": _organisation(rng),
    }
    return Audit.model_validate(document)


def _maybe(rng: random.Random, value: Any, chance: float = 0.8) -> Any:
    return value if rng.random() < chance else None


def _days_ago(today: date, most: int, rng: random.Random) -> str:
    return (today - timedelta(days=rng.randrange(most))).isoformat()


def _platforms(rng: random.Random) -> list[Platform]:
    count = rng.randint(1, 12)
    social = rng.sample(_SOCIAL, min(len(_SOCIAL), rng.randint(0, count)))
    other = rng.sample(_OTHER, min(len(_OTHER), count - len(social)))
    chosen = social + other or [Platform.WEBSITE]
    rng.shuffle(chosen)
    return chosen


def _stakeholder(rng: random.Random, index: int, not_now: bool) -> dict[str, Any]:
    uses: list[dict[str, Any]] = []
    if rng.random() < 0.85:
        for platform in rng.sample([*MAJOR_PLATFORMS, *sorted(LISTING_PLATFORMS)], rng.randint(1, 4)):
            low = not_now and platform.is_social
            if rng.random() < 0.6:
                share = rng.uniform(0, 0.25) if low else rng.uniform(0, 0.9)
                uses.append({"platform": platform.value, "share": round(share, 2)})
            else:
                level = Level.LOW if low else rng.choice(list(Level))
                uses.append({"platform": platform.value, "level": level.value})
    return {
        "id": f"group-{index}",
        "name": f"Audience group {index}",
        "importance": rng.randint(1, 5),
        "platforms": uses,
        "consultation": rng.choice(list(Consultation)).value,
    }


def _objective(
    rng: random.Random, index: int, today: date, stakeholders: list[dict[str, Any]]
) -> dict[str, Any]:
    baseline = rng.randint(0, 500)
    smart = rng.random() < 0.6
    objective: dict[str, Any] = {
        "id": f"objective-{index}",
        "statement": f"Objective {index}: move the figure that matters.",
        "kind": rng.choice(list(ObjectiveKind)).value,
        "metric": "count per month" if smart else "",
        "stakeholders": [s["id"] for s in rng.sample(stakeholders, rng.randint(0, len(stakeholders)))],
        "indicators": [{"name": "Main indicator", "lens": rng.choice(list(Lens)).value}]
        if rng.random() < 0.6
        else [],
    }
    if smart:
        objective |= {
            "baseline": baseline,
            "target": baseline + rng.randint(10, 500),
            "deadline": (today + timedelta(days=rng.randint(30, 500))).isoformat(),
        }
    return objective


def _status(rng: random.Random) -> str:
    return rng.choices([status for status, _ in _STATUSES], [weight for _, weight in _STATUSES])[0]


def _channel(
    rng: random.Random,
    index: int,
    platform: Platform,
    today: date,
    objectives: list[dict[str, Any]],
    stakeholders: list[dict[str, Any]],
    not_now: bool,
) -> dict[str, Any]:
    status = _status(rng)
    serves = [] if not_now and platform.is_social else rng.sample(objectives, rng.randint(0, len(objectives)))
    publishes = status in ("active", "dormant")
    channel: dict[str, Any] = {
        "id": f"channel-{index}",
        "name": f"{platform.value} channel {index}",
        "platform": platform.value,
        "status": status,
        "owner": rng.choice(("", *_PEOPLE)),
        "objectives": [objective["id"] for objective in serves],
        "stakeholders": [s["id"] for s in rng.sample(stakeholders, rng.randint(0, len(stakeholders)))],
        "hours_per_week": _maybe(rng, round(rng.uniform(0, 5), 1)),
        "monthly_budget": _maybe(rng, float(rng.choice((0, 0, 10, 40, 150, 400)))),
        "cross_posted_unchanged": _maybe(rng, rng.random() < 0.35),
        "emerging": platform in (Platform.TIKTOK, Platform.THREADS, Platform.BLUESKY) and rng.random() < 0.5,
    }
    if channel["emerging"]:
        channel["assessed_before_launch"] = _maybe(rng, rng.random() < 0.5)
    if publishes:
        audience = int(10 ** rng.uniform(1.3, 4.5))
        channel |= {
            "audience_size": _maybe(rng, audience, 0.9),
            "posts_per_week": _maybe(rng, round(rng.uniform(0, 7), 1)),
            "last_post": _maybe(rng, _days_ago(today, 40 if status == "active" else 500, rng)),
            "median_response_minutes": _maybe(rng, rng.choice((15, 60, 240, 600, 1440, 4320)), 0.6),
        }
        benchmark = _RATE_BENCHMARK.get(platform)
        if benchmark is not None and rng.random() < 0.7:
            rate = round(benchmark * rng.uniform(0.1, 2.0), 3)
            channel["engagement"] = {"definition": "rivaliq_er_per_post_by_follower", "rate": rate}
    if platform in INSTITUTIONAL_APPS | LISTING_PLATFORMS:
        channel["cross_posted_unchanged"] = False
    return channel


def _components(rng: random.Random) -> dict[str, Any]:
    keys = rng.sample(list(StrategyComponentKey), rng.randint(0, len(StrategyComponentKey)))
    return {key.value: {"status": rng.choice(list(ComponentStatus)).value} for key in keys}


def _organisation(rng: random.Random) -> dict[str, Any]:
    return {
        "sponsor": _maybe(rng, rng.choice(list(SponsorEngagement)).value),
        "strategy_owner_role": _maybe(rng, rng.choice(list(OwnerRole)).value),
        "content_creators": rng.sample(_PEOPLE, rng.randint(0, 3)),
        "responders": rng.sample(_PEOPLE, rng.randint(0, 2)),
        "validation_delay_hours": _maybe(rng, rng.choice((0, 0.5, 2, 24, 72))),
        "training": _maybe(rng, rng.choice(list(Training)).value),
        "hours_per_week": _maybe(rng, rng.choice((0.5, 1, 2, 3, 5, 8, 12, 20, 35)), 0.9),
        "monthly_budget": _maybe(rng, float(rng.choice((0, 50, 200, 1000)))),
        "reporting_cadence": _maybe(rng, rng.choice(list(Cadence)).value),
        "publishing_lead_time_days": _maybe(rng, rng.choice((0, 2, 7, 14, 30))),
    }


def freeze_id(audit: Audit, section: str, index: int, old_id: str, name: str) -> None:
    """Give item ``index`` of ``section`` the id ``old_id`` (every reference to it too) and the name ``name``."""
    item = getattr(audit, section)[index]
    real = item.id
    setattr(item, "statement" if section == "objectives" else "name", name)
    item.id = old_id
    for holder in (*audit.objectives, *audit.channels):
        for field in ("objectives", "stakeholders"):
            if real in getattr(holder, field, ()):
                setattr(holder, field, [old_id if ref == real else ref for ref in getattr(holder, field)])
