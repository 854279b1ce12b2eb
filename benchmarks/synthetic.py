"""Deterministic synthetic audits of any size, for benchmark scripts and tests.

``large_audit()`` builds a valid :class:`~auditkit.model.Audit` with a realistic spread of values:
a mix of social and traditional channels, some dormant or parked, some figures missing, and every
cross-reference (channel -> objective, channel -> stakeholder, objective -> stakeholder) resolving.
The same arguments always give the same audit.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from auditkit.locale import label
from auditkit.model import (
    AdoptionStage,
    Audit,
    Cadence,
    Channel,
    ChannelStatus,
    ClientProfile,
    ComponentStatus,
    Consultation,
    Engagement,
    EngagementMeasure,
    Indicator,
    IndustryKind,
    Lens,
    Level,
    Objective,
    ObjectiveKind,
    Obstacle,
    Organisation,
    OrganisationSize,
    OwnerRole,
    Peer,
    PeerPresence,
    PeerRelation,
    PlatformUse,
    Settings,
    SponsorEngagement,
    Stakeholder,
    Strategy,
    StrategyComponent,
    StrategyComponentKey,
    Training,
)
from auditkit.platforms import SOCIAL_PLATFORMS, Platform

AUDIT_DATE = date(2026, 9, 15)

_SOCIAL = sorted(SOCIAL_PLATFORMS - {Platform.OTHER_SOCIAL})
_TRADITIONAL = sorted(set(Platform) - SOCIAL_PLATFORMS - {Platform.OTHER_TRADITIONAL})
_ATTENTION_KINDS = {ObjectiveKind.AWARENESS, ObjectiveKind.LOYALTY, ObjectiveKind.WEB_TRAFFIC}
_OBJECTIVE_KINDS = [
    ObjectiveKind.AWARENESS,
    ObjectiveKind.SALES,
    ObjectiveKind.LOYALTY,
    ObjectiveKind.RECRUITMENT,
    ObjectiveKind.WEB_TRAFFIC,
    ObjectiveKind.CUSTOMER_RELATIONS,
    ObjectiveKind.PROSPECTING,
    ObjectiveKind.EMPLOYER_BRAND,
    ObjectiveKind.LISTENING,
]
_AUDIENCE_NAMES = [
    "Local families",
    "Students",
    "Retired customers",
    "Young professionals",
    "Tourists",
    "Corporate buyers",
    "Suppliers",
    "Local press",
    "Job seekers",
    "Partner associations",
]
_TYPICAL_AUDIENCE = {
    Platform.FACEBOOK: (500, 40_000),
    Platform.INSTAGRAM: (300, 30_000),
    Platform.LINKEDIN: (200, 15_000),
    Platform.X: (100, 10_000),
    Platform.TIKTOK: (50, 50_000),
    Platform.YOUTUBE: (50, 8_000),
    Platform.NEWSLETTER: (200, 12_000),
    Platform.WEBSITE: (1_000, 60_000),
    Platform.POSTAL_MAIL: (500, 5_000),
}
_BENCHMARK_ER = {
    Platform.FACEBOOK: 0.063,
    Platform.INSTAGRAM: 0.47,
    Platform.X: 0.035,
    Platform.LINKEDIN: 0.41,
    Platform.TIKTOK: 2.63,
}


def large_audit(
    channels: int = 30, objectives: int = 3, stakeholders: int = 10, peers: int = 8, seed: int = 0
) -> Audit:
    """A valid synthetic audit with the requested number of items, the same for the same ``seed``.

    Args:
        channels: number of channels (social and traditional, about 60 % social).
        objectives: number of objectives; the first is primary.
        stakeholders: number of stakeholder groups.
        peers: number of peers and competitors.
        seed: seed of the random generator.
    """
    rng = random.Random(seed)
    stakeholder_list = [_stakeholder(rng, i) for i in range(stakeholders)]
    stakeholder_ids = [s.id for s in stakeholder_list]
    objective_list = [_objective(rng, i, stakeholder_ids) for i in range(objectives)]
    objective_ids = [o.id for o in objective_list]
    return Audit(
        engagement=Engagement(
            client="Synthetic Retail Group",
            consultant="Benchmark Generator",
            audit_date=AUDIT_DATE,
            language=rng.choice(["en", "fr"]),
            currency="EUR",
        ),
        client=ClientProfile(
            industry=IndustryKind.COMMERCIAL_B2C,
            sector="retail",
            size=OrganisationSize.MEDIUM,
            country="FR",
        ),
        objectives=objective_list,
        stakeholders=stakeholder_list,
        peers=[_peer(rng, i) for i in range(peers)],
        channels=[_channel(rng, i, objective_ids, stakeholder_ids) for i in range(channels)],
        strategy=_strategy(rng),
        organisation=_organisation(rng),
        settings=Settings(target_level=rng.choice([3, 4])),
        notes=f"Synthetic audit (seed {seed}) for benchmarks & tests.",
    )


def _stakeholder(rng: random.Random, index: int) -> Stakeholder:
    name = _AUDIENCE_NAMES[index % len(_AUDIENCE_NAMES)]
    if index >= len(_AUDIENCE_NAMES):
        name = f"{name} {index // len(_AUDIENCE_NAMES) + 1}"
    uses = []
    for platform in rng.sample(_SOCIAL, rng.randint(1, 5)):
        if rng.random() < 0.5:
            uses.append(PlatformUse(platform=platform, share=round(rng.uniform(0.05, 0.9), 2)))
        else:
            uses.append(PlatformUse(platform=platform, level=rng.choice(list(Level))))
    consultation = rng.choice(list(Consultation))
    return Stakeholder(
        id=f"stakeholder-{index + 1}",
        name=name,
        importance=rng.randint(1, 5),
        digital_literacy=rng.choice([*Level, None]),
        engagement=rng.choice([*Level, None]),
        platforms=uses,
        consultation=consultation,
        consultation_note="" if consultation is Consultation.NONE else "Gathered during the audit.",
    )


def _objective(rng: random.Random, index: int, stakeholder_ids: list[str]) -> Objective:
    kind = _OBJECTIVE_KINDS[index % len(_OBJECTIVE_KINDS)]
    smart = rng.random() < 0.7
    baseline = round(rng.uniform(100, 5000))
    lens = Lens.ROA if kind in _ATTENTION_KINDS else Lens.ROI
    if rng.random() < 0.15:
        lens = Lens.ROI if lens is Lens.ROA else Lens.ROA
    indicators = [
        Indicator(
            name=f"{kind.value.replace('_', ' ')} indicator {n + 1}",
            lens=lens if n == 0 else rng.choice(list(Lens)),
            definition="Measured monthly.",
            source=rng.choice(["web analytics", "platform insights", "CRM", "till data"]),
        )
        for n in range(rng.randint(0, 3))
    ]
    return Objective(
        id=f"objective-{index + 1}",
        statement=f"Grow {kind.value.replace('_', ' ')} with the priority audiences.",
        kind=kind,
        primary=index == 0,
        metric=f"{kind.value} count",
        unit="people",
        baseline=baseline if smart else None,
        target=round(baseline * rng.uniform(1.1, 2.0)),
        deadline=AUDIT_DATE + timedelta(days=rng.choice([180, 270, 365])) if smart else None,
        stakeholders=rng.sample(stakeholder_ids, min(len(stakeholder_ids), rng.randint(1, 3))),
        indicators=indicators,
    )


def _peer(rng: random.Random, index: int) -> Peer:
    presence = [
        PeerPresence(
            platform=platform,
            handle=f"@peer{index + 1}_{platform.value}",
            audience=float(rng.randint(100, 60_000)),
            posts_per_week=round(rng.uniform(0.2, 10), 1) if rng.random() < 0.85 else None,
            engagement_rate=round(rng.uniform(0.01, 3), 3) if rng.random() < 0.7 else None,
        )
        for platform in rng.sample(_SOCIAL, rng.randint(1, 5))
    ]
    return Peer(
        id=f"peer-{index + 1}",
        name=f"Peer Shop {index + 1}",
        relation=rng.choice(list(PeerRelation)),
        adoption=rng.choice(list(AdoptionStage)),
        presence=presence,
    )


def _channel(rng: random.Random, index: int, objective_ids: list[str], stakeholder_ids: list[str]) -> Channel:
    platform = rng.choice(_SOCIAL if rng.random() < 0.6 else _TRADITIONAL)
    status = rng.choices(list(ChannelStatus), weights=[70, 12, 8, 5, 5])[0]
    low, high = _TYPICAL_AUDIENCE.get(platform, (50, 5_000))
    audience = float(rng.randint(low, high))
    publishing = status in {ChannelStatus.ACTIVE, ChannelStatus.DORMANT}
    days_since_post = rng.randint(0, 20) if status is ChannelStatus.ACTIVE else rng.randint(120, 900)
    engagement = None
    if platform.is_social and publishing and rng.random() < 0.8:
        benchmark = _BENCHMARK_ER.get(platform, 0.3)
        definition = "rivaliq_er_per_post_by_follower"
        if rng.random() < 0.5:
            engagement = EngagementMeasure(
                definition=definition, rate=round(benchmark * rng.uniform(0.1, 3), 4)
            )
        else:
            interactions = round(audience * benchmark / 100 * rng.uniform(0.1, 3), 1)
            engagement = EngagementMeasure(definition=definition, interactions=interactions, base=audience)
    missing = rng.random() < 0.15
    return Channel(
        id=f"{platform.value.replace('_', '-')}-{index + 1}",
        name=f"{label(platform)('en')} #{index + 1}",
        platform=platform,
        handle=f"@synthetic_{index + 1}" if platform.is_social else f"https://example.org/{index + 1}",
        status=status,
        owner="" if rng.random() < 0.2 else rng.choice(["Camille", "Jordan", "Sam", "Alex", "Morgan"]),
        audience_size=None if missing else audience,
        posts_per_week=round(rng.uniform(0.2, 7), 1) if publishing and not missing else None,
        engagement=engagement,
        median_response_minutes=(
            float(rng.choice([15, 45, 120, 300, 900, 2880])) if platform.is_social and publishing else None
        ),
        last_post=AUDIT_DATE - timedelta(days=days_since_post) if publishing else None,
        started=AUDIT_DATE - timedelta(days=rng.randint(200, 3000)),
        hours_per_week=None if missing else round(rng.uniform(0, 6), 1),
        monthly_budget=None if missing else float(rng.choice([0, 0, 50, 150, 400, 1200])),
        objectives=rng.sample(objective_ids, min(len(objective_ids), rng.randint(0, 2))),
        stakeholders=rng.sample(stakeholder_ids, min(len(stakeholder_ids), rng.randint(0, 3))),
        cross_posted_unchanged=rng.choice([True, False, None]),
        added_value=rng.choice(["", "Behind-the-scenes stories.", "Customer questions answered."]),
        emerging=platform in {Platform.THREADS, Platform.BLUESKY},
        assessed_before_launch=rng.choice([True, False, None]),
    )


def _strategy(rng: random.Random) -> Strategy:
    components = {
        key: StrategyComponent(
            status=rng.choices(list(ComponentStatus), weights=[3, 3, 4])[0],
            note="Reviewed during the audit interviews.",
        )
        for key in StrategyComponentKey
        if rng.random() < 0.9
    }
    return Strategy(
        components=components,
        last_reviewed=AUDIT_DATE - timedelta(days=rng.randint(10, 700)),
        obstacles=[
            Obstacle(text="Limited staff time in the busy season."),
            Obstacle(text="Approval chain of three managers."),
        ],
    )


def _organisation(rng: random.Random) -> Organisation:
    return Organisation(
        sponsor=rng.choice(list(SponsorEngagement)),
        strategy_owner_role=rng.choice(list(OwnerRole)),
        strategy_owner="Camille",
        content_creators=["Camille", "Jordan"],
        responders=["Sam"],
        validation_delay_hours=float(rng.choice([0.5, 2, 8, 24, 72])),
        training=rng.choice(list(Training)),
        hours_per_week=float(rng.choice([4, 8, 15, 30])),
        monthly_budget=float(rng.choice([0, 300, 1500])),
        reporting_cadence=rng.choice(list(Cadence)),
        publishing_lead_time_days=float(rng.choice([1, 3, 7, 21])),
    )
