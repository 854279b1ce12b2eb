"""Rules on how the channels are run (DOMAIN §5): engagement, answers, content of their own, an owner,
new networks weighed before joining, costs compared with a cheaper twin, and the brand's handles claimed."""

from __future__ import annotations

from auditkit.benchmarks import BenchmarkIndex, describe, industry_label
from auditkit.findings import Context, Evidence, Finding, NotAssessed, Outcome, Severity, Theme, rule
from auditkit.locale import Amount, Message, label, msg
from auditkit.model import Audit, Channel, ChannelStatus, HandleState, Level, PlatformUse, Stakeholder
from auditkit.platforms import (
    INSTITUTIONAL_APPS,
    LISTING_PLATFORMS,
    MAJOR_PLATFORMS,
    SOCIAL_PLATFORMS,
    Platform,
)
from auditkit.rules._common import channel_label, gaps
from auditkit.rules.environment import NO_STAKEHOLDERS, use_value
from auditkit.steps import Phase, Step
from auditkit.steps.effects import (
    ANSWER_IN_TIME,
    ASSESS_NETWORKS,
    NAME_CHANNEL_OWNERS,
    STOP_CROSS_POSTING,
)
from auditkit.thresholds import RESPONSE_KEYS

REPLACEABLE_PLATFORMS = frozenset(
    set(Platform)
    - SOCIAL_PLATFORMS
    - LISTING_PLATFORMS
    - INSTITUTIONAL_APPS
    - {Platform.WEBSITE, Platform.BLOG}
)
"""Traditional channels that a social channel may duplicate (rule CH-OFFLINE-OVERLAP).

The website and the blog are left out: they are the hub the social links lead to (DOMAIN §3), never a
candidate for replacement by a social account.
"""

_WEEKS_PER_MONTH = 52 / 12
_CLAIMED_NOTE = msg("rule.channels.claimed_note")


def monthly_cost(channel: Channel, hourly_rate: float) -> float | None:
    """A channel's monthly cost: budget plus weekly hours at ``hourly_rate``; ``None`` if neither is known."""
    if channel.monthly_budget is None and channel.hours_per_week is None:
        return None
    return (channel.monthly_budget or 0) + (channel.hours_per_week or 0) * _WEEKS_PER_MONTH * hourly_rate


def _cost_note(cost: float, currency: str) -> Message:
    return msg("rule.channels.cost_note", cost=Amount(cost, currency))


@rule(
    "CH-LOW-ENGAGEMENT",
    severity=Severity.MINOR,
    theme=Theme.CHANNELS,
    seeds=("004",),
    thresholds=("large_audience", "engagement_ratio_low"),
    step=Step(
        phase=Phase.GROWTH,
        month=6,
        hours=4,
        hours_each=2,
        owner="community_manager",
        after=("STR-EDITORIAL-LINE", "STR-CONTENT-PLAN"),
    ),
)
def low_engagement(audit: Audit, context: Context) -> Outcome:
    large = context.thresholds["large_audience"]
    ratio_low = context.thresholds["engagement_ratio_low"]
    index: BenchmarkIndex | None = None
    findings: list[Finding] = []
    declined: list[NotAssessed] = []
    no_data: tuple[list[str], list[str]] = ([], [])
    no_benchmark: tuple[list[str], list[str]] = ([], [])
    for i, channel in context.active_social:
        if channel.audience_size is None:
            no_data[0].append(f"channels.{i}.audience_size")
            no_data[1].append(channel.id)
            continue
        if channel.audience_size < large:
            continue
        if channel.engagement is None:
            no_data[0].append(f"channels.{i}.engagement")
            no_data[1].append(channel.id)
            continue
        index = index or BenchmarkIndex(audit)
        metric = channel.engagement.definition
        match = index.closest(channel, metric)
        if match is None or (match.row is not None and match.row.value <= 0):
            no_benchmark[0].append(f"settings.benchmarks[{channel.platform.value}, {metric}]")
            no_benchmark[1].append(channel.id)
            continue
        if not match.comparable or match.row is None:
            reason = msg(
                "rule.CH-LOW-ENGAGEMENT.declined", channel=channel_label(channel), reason=match.reason
            )
            declined.append(context.not_assessed([f"channels.{i}.engagement"], reason, [channel.id]))
            continue
        row = match.row
        rate = channel.engagement.percent
        ratio = rate / row.value
        if ratio >= ratio_low:
            continue
        closeness = msg(f"rule.CH-LOW-ENGAGEMENT.closeness.{match.closeness.value}", reason=match.reason)
        findings.append(
            context.finding(
                msg(
                    "rule.CH-LOW-ENGAGEMENT.explanation",
                    channel=channel_label(channel),
                    audience=channel.audience_size,
                    rate=rate,
                    metric=metric,
                    share=round(100 * ratio),
                    benchmark=msg(
                        "rule.CH-LOW-ENGAGEMENT.benchmark",
                        value=row.value,
                        industry=industry_label(row),
                        platform=row.platform,
                        source=row.source_title,
                        year=str(row.year),
                    ),
                    closeness=closeness,
                ),
                [
                    Evidence(f"channels.{i}.audience_size", channel.audience_size, threshold=large),
                    Evidence(
                        f"channels.{i}.engagement",
                        rate,
                        threshold=ratio_low * row.value,
                        note=msg(
                            "rule.CH-LOW-ENGAGEMENT.benchmark_note", row=describe(row), closeness=closeness
                        ),
                    ),
                ],
                [channel.id],
                about=channel.name,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            *no_data,
            msg("rule.CH-LOW-ENGAGEMENT.no_data"),
        ),
        *gaps(
            context,
            *no_benchmark,
            msg("rule.CH-LOW-ENGAGEMENT.no_benchmark"),
        ),
        *declined,
    ]


@rule(
    "CH-SLOW-RESPONSE",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("001",),
    thresholds=RESPONSE_KEYS,
    step=Step(
        phase=Phase.FIXES,
        month=3,
        hours=2,
        hours_each=1,
        owner="community_manager",
        after=("ORG-NO-RESOURCES", "ORG-SLOW-VALIDATION", "CH-NO-OWNER"),
        effect=ANSWER_IN_TIME,
    ),
)
def slow_response(audit: Audit, context: Context) -> Outcome:
    findings: list[Finding] = []
    missing: list[str] = []
    subjects: list[str] = []
    for i, channel in context.active:
        expected = context.expectation(channel.platform)
        median = channel.median_response_minutes
        if median is None:
            if expected is not None and channel.platform.is_social:
                missing.append(f"channels.{i}.median_response_minutes")
                subjects.append(channel.id)
            continue
        if expected is None or median <= expected:
            continue
        findings.append(
            context.finding(
                msg(
                    "rule.CH-SLOW-RESPONSE.explanation",
                    channel=channel_label(channel),
                    median=median,
                    expected=expected,
                ),
                [Evidence(f"channels.{i}.median_response_minutes", median, threshold=expected)],
                [channel.id],
                about=channel.name,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            missing,
            subjects,
            msg("rule.CH-SLOW-RESPONSE.no_response_time"),
        ),
    ]


@rule(
    "CH-DUPLICATE",
    severity=Severity.MINOR,
    theme=Theme.CHANNELS,
    seeds=("001",),
    step=Step(
        phase=Phase.FIXES,
        month=3,
        hours=1,
        hours_each=1,
        owner="community_manager",
        after=("STR-EDITORIAL-LINE",),
        effect=STOP_CROSS_POSTING,
    ),
)
def duplicated_content(audit: Audit, context: Context) -> Outcome:
    findings: list[Finding] = []
    missing: list[str] = []
    subjects: list[str] = []
    for i, channel in context.active:
        if channel.cross_posted_unchanged is None:
            if channel.platform.is_social:
                missing.append(f"channels.{i}.cross_posted_unchanged")
                subjects.append(channel.id)
            continue
        if not channel.cross_posted_unchanged:
            continue
        findings.append(
            context.finding(
                msg(
                    "rule.CH-DUPLICATE.explanation",
                    channel=channel_label(channel),
                ),
                [Evidence(f"channels.{i}.cross_posted_unchanged", True)],
                [channel.id],
                about=channel.name,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            missing,
            subjects,
            msg("rule.CH-DUPLICATE.no_cross_posting"),
        ),
    ]


@rule(
    "CH-NO-OWNER",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("003", "004"),
    step=Step(
        phase=Phase.FIXES,
        month=1,
        hours=0.5,
        hours_each=0.5,
        owner="strategy_owner",
        after=("ORG-NO-RESOURCES",),
        effect=NAME_CHANNEL_OWNERS,
    ),
)
def channel_without_owner(audit: Audit, context: Context) -> Outcome:
    return [
        context.finding(
            msg(
                "rule.CH-NO-OWNER.explanation",
                channel=channel_label(channel),
            ),
            [Evidence(f"channels.{i}.owner", channel.owner)],
            [channel.id],
            about=channel.name,
        )
        for i, channel in enumerate(audit.channels)
        if channel.status in (ChannelStatus.ACTIVE, ChannelStatus.DORMANT) and not channel.owner.strip()
    ]


@rule(
    "CH-SHINY",
    severity=Severity.MINOR,
    theme=Theme.CHANNELS,
    seeds=("002",),
    step=Step(
        phase=Phase.FIXES,
        month=1,
        hours=2,
        hours_each=1,
        owner="strategy_owner",
        after=("OBJ-NONE",),
        effect=ASSESS_NETWORKS,
    ),
)
def shiny_network(audit: Audit, context: Context) -> Outcome:
    findings: list[Finding] = []
    missing: list[str] = []
    subjects: list[str] = []
    for i, channel in enumerate(audit.channels):
        if not channel.emerging or channel.status in (ChannelStatus.PARKED, ChannelStatus.CLOSED):
            continue
        if channel.assessed_before_launch is None:
            missing.append(f"channels.{i}.assessed_before_launch")
            subjects.append(channel.id)
            continue
        if channel.assessed_before_launch:
            continue
        findings.append(
            context.finding(
                msg(
                    "rule.CH-SHINY.explanation",
                    channel=channel_label(channel),
                ),
                [
                    Evidence(f"channels.{i}.emerging", True),
                    Evidence(f"channels.{i}.assessed_before_launch", False),
                ],
                [channel.id],
                about=channel.name,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            missing,
            subjects,
            msg("rule.CH-SHINY.no_assessment"),
        ),
    ]


@rule(
    "CH-OFFLINE-OVERLAP",
    severity=Severity.MINOR,
    theme=Theme.CHANNELS,
    seeds=("003",),
    thresholds=("hourly_rate",),
    step=Step(
        phase=Phase.FIXES, month=6, hours=2, hours_each=1, owner="strategy_owner", after=("ENV-UNCONSULTED",)
    ),
)
def offline_overlap(audit: Audit, context: Context) -> Outcome:
    rate = context.thresholds["hourly_rate"]
    currency = audit.engagement.currency
    findings: list[Finding] = []
    missing: list[str] = []
    subjects: list[str] = []
    for i, traditional in context.active:
        if traditional.platform not in REPLACEABLE_PLATFORMS or not traditional.stakeholders:
            continue
        if not traditional.objectives:
            continue
        reached, served = set(traditional.stakeholders), set(traditional.objectives)
        twins = [
            (j, digital)
            for j, digital in context.active_social
            if reached <= set(digital.stakeholders) and served <= set(digital.objectives)
        ]
        if not twins or traditional.cross_posted_unchanged is False:
            continue
        if traditional.cross_posted_unchanged is None:
            missing.append(f"channels.{i}.cross_posted_unchanged")
            subjects.append(traditional.id)
            continue
        cost = monthly_cost(traditional, rate)
        priced = [(c, j, digital) for j, digital in twins if (c := monthly_cost(digital, rate)) is not None]
        if cost is None or not priced:
            unpriced = [(i, traditional)] if cost is None else twins
            missing += [
                f"channels.{k}.{field}" for k, _ in unpriced for field in ("hours_per_week", "monthly_budget")
            ]
            subjects += [channel.id for _, channel in unpriced]
            continue
        twin_cost, j, twin = min(priced, key=lambda item: item[0])
        if cost <= twin_cost:
            continue
        findings.append(
            context.finding(
                msg(
                    "rule.CH-OFFLINE-OVERLAP.explanation",
                    traditional=channel_label(traditional),
                    digital=channel_label(twin),
                    cost=Amount(cost, currency),
                    twin_cost=Amount(twin_cost, currency),
                    stakeholders=[
                        audit.stakeholders[context.stakeholder_index[s]].name
                        for s in traditional.stakeholders
                    ],
                ),
                [
                    Evidence(f"channels.{i}.cross_posted_unchanged", True),
                    Evidence(f"channels.{i}.monthly_budget", traditional.monthly_budget),
                    Evidence(
                        f"channels.{i}.hours_per_week",
                        traditional.hours_per_week,
                        note=_cost_note(cost, currency),
                    ),
                    Evidence(f"channels.{j}.stakeholders", list(twin.stakeholders)),
                    Evidence(f"channels.{j}.objectives", list(twin.objectives)),
                    Evidence(
                        f"channels.{j}.hours_per_week",
                        twin.hours_per_week,
                        note=_cost_note(twin_cost, currency),
                    ),
                ],
                [traditional.id, twin.id],
                about=traditional.name,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            missing,
            subjects,
            msg("rule.CH-OFFLINE-OVERLAP.no_data"),
        ),
    ]


@rule(
    "CH-UNCLAIMED",
    severity=Severity.MINOR,
    theme=Theme.CHANNELS,
    seeds=("003",),
    thresholds=("platform_use_share", "platform_use_level"),
    step=Step(
        phase=Phase.FIXES,
        month=1,
        hours=0.5,
        hours_each=0.5,
        owner="community_manager",
        after=("STR-OWNERSHIP",),
    ),
)
def unclaimed_handles(audit: Audit, context: Context) -> Outcome:
    """A major platform the target audiences use has no handle of the organisation's.

    A handle recorded ``held_by_other`` needs recovering, never registering; ``free`` or no channel at
    all needs registering and parking; ``ours`` (or a channel with no recorded state) is claimed. When
    social media is "not now", any recorded use makes the handle worth keeping for the reassessment.
    """
    if not audit.stakeholders:
        return context.not_assessed(("stakeholders",), NO_STAKEHOLDERS)
    targets = [(i, s) for i, s in enumerate(audit.stakeholders) if s.id in context.target_stakeholders]
    if not any(s.platforms for _, s in targets):
        return context.not_assessed(
            [f"stakeholders.{i}.platforms" for i, _ in targets],
            msg("rule.CH-UNCLAIMED.no_platforms"),
            [s.id for _, s in targets],
        )
    claimed = {
        channel.platform
        for channel in audit.channels
        if channel.handle_state not in (HandleState.FREE, HandleState.HELD_BY_OTHER)
    }
    held = {
        channel.platform: (i, channel)
        for i, channel in enumerate(audit.channels)
        if channel.handle_state is HandleState.HELD_BY_OTHER
    }
    not_now = _social_not_now(audit, context, [s for _, s in targets])
    findings: list[Finding] = []
    for platform in MAJOR_PLATFORMS:
        if platform in claimed:
            continue
        users = [
            (i, m, s, use)
            for i, s in targets
            for m, use in enumerate(s.platforms)
            if use.platform is platform and (context.uses(use) or (not_now and _any_use(use)))
        ]
        if not users:
            continue
        evidence = [
            Evidence(
                f"stakeholders.{i}.platforms.{m}",
                use_value(use),
                threshold=context.thresholds[
                    "platform_use_share" if use.share is not None else "platform_use_level"
                ],
            )
            for i, m, _, use in users
        ]
        stakeholders = [s.name for _, _, s, _ in users]
        subjects = [s.id for _, _, s, _ in users]
        if platform in held:
            index, channel = held[platform]
            findings.append(
                context.finding(
                    msg("rule.CH-UNCLAIMED.explanation_held", stakeholders=stakeholders, platform=platform),
                    [*evidence, Evidence(f"channels.{index}.handle_state", channel.handle_state)],
                    [*subjects, channel.id],
                    about=label(platform),
                    action=msg("rule.CH-UNCLAIMED.action_held", platform=platform),
                )
            )
            continue
        below = not any(context.uses(use) for _, _, _, use in users)
        findings.append(
            context.finding(
                msg(
                    "rule.CH-UNCLAIMED.explanation_not_now" if below else "rule.CH-UNCLAIMED.explanation",
                    stakeholders=stakeholders,
                    platform=platform,
                ),
                [*evidence, Evidence("channels.*.platform", sorted(claimed), note=_CLAIMED_NOTE)],
                subjects,
                about=label(platform),
                action=msg("rule.CH-UNCLAIMED.action_platform", platform=platform),
            )
        )
    return findings


def _any_use(use: PlatformUse) -> bool:
    return bool(use.share) or use.level not in (None, Level.NONE)


def _social_not_now(audit: Audit, context: Context, targets: list[Stakeholder]) -> bool:
    """Whether social media has no job to do yet: the situation of rule DEC-NOT-NOW."""
    return (
        bool(audit.objectives)
        and not any(channel.objectives for _, channel in context.active_social)
        and not any(use.platform.is_social and context.uses(use) for s in targets for use in s.platforms)
    )
