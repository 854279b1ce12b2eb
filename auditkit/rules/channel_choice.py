"""Rules on which channels to hold (DOMAIN §5): each one serving an objective and an audience, kept alive,
and no more of them than the team's hours can sustain."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from auditkit.findings import Context, Evidence, Finding, Outcome, Severity, Theme, rule
from auditkit.locale import msg
from auditkit.model import Audit, ChannelStatus
from auditkit.platforms import SOCIAL_PLATFORMS, Platform
from auditkit.rules._common import channel_label, gaps
from auditkit.rules.environment import NO_STAKEHOLDERS
from auditkit.rules.objectives import no_objectives
from auditkit.steps import Phase, Step
from auditkit.thresholds import HOURS_KEYS, hours_needed

PUBLIC_PLATFORMS = SOCIAL_PLATFORMS - {Platform.WHATSAPP, Platform.WHATSAPP_GROUP, Platform.PAID_SOCIAL}
"""Platforms whose accounts the public sees, so that silence there shows (rule CH-DORMANT)."""


@rule(
    "CH-NO-OBJECTIVE",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("003",),
    step=Step(
        phase=Phase.FIXES,
        month=3,
        hours=1,
        hours_each=0.5,
        owner="strategy_owner",
        after=("OBJ-NONE", "OBJ-TOO-MANY"),
    ),
)
def channel_without_objective(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    return [
        context.finding(
            msg(
                "rule.CH-NO-OBJECTIVE.explanation",
                channel=channel_label(channel),
            ),
            [Evidence(f"channels.{i}.objectives", [])],
            [channel.id],
            about=channel.name,
        )
        for i, channel in context.active
        if not channel.objectives
    ]


@rule(
    "CH-NO-AUDIENCE",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("004",),
    step=Step(
        phase=Phase.FIXES,
        month=3,
        hours=1,
        hours_each=0.5,
        owner="strategy_owner",
        after=("ENV-NO-STAKEHOLDERS",),
    ),
)
def channel_without_audience(audit: Audit, context: Context) -> Outcome:
    if not audit.stakeholders:
        return context.not_assessed(("stakeholders",), NO_STAKEHOLDERS)
    findings: list[Finding] = []
    for i, channel in context.active:
        if context.target_stakeholders.intersection(channel.stakeholders):
            continue
        if channel.stakeholders:
            names = [audit.stakeholders[context.stakeholder_index[sid]].name for sid in channel.stakeholders]
            explanation = msg(
                "rule.CH-NO-AUDIENCE.explanation_others",
                channel=channel_label(channel),
                names=names,
            )
        else:
            explanation = msg(
                "rule.CH-NO-AUDIENCE.explanation_nobody",
                channel=channel_label(channel),
            )
        findings.append(
            context.finding(
                explanation,
                [Evidence(f"channels.{i}.stakeholders", list(channel.stakeholders))],
                [channel.id],
                about=channel.name,
            )
        )
    return findings


@rule(
    "CH-DORMANT",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("004",),
    thresholds=("dormancy_days",),
    step=Step(
        phase=Phase.FIXES, month=1, hours=1, hours_each=1, owner="channel_owners", after=("STR-OWNERSHIP",)
    ),
)
def dormant_channels(audit: Audit, context: Context) -> Outcome:
    limit = context.thresholds["dormancy_days"]
    findings: list[Finding] = []
    missing: list[str] = []
    subjects: list[str] = []
    for i, channel in enumerate(audit.channels):
        if channel.platform not in PUBLIC_PLATFORMS or channel.status not in (
            ChannelStatus.ACTIVE,
            ChannelStatus.DORMANT,
        ):
            continue
        if channel.last_post is None:
            if channel.status is ChannelStatus.DORMANT:
                findings.append(
                    context.finding(
                        msg(
                            "rule.CH-DORMANT.explanation_marked",
                            channel=channel_label(channel),
                        ),
                        [Evidence(f"channels.{i}.status", channel.status)],
                        [channel.id],
                        about=channel.name,
                    )
                )
            else:
                missing.append(f"channels.{i}.last_post")
                subjects.append(channel.id)
            continue
        silent = (context.today - channel.last_post).days
        if silent <= limit:
            continue
        findings.append(
            context.finding(
                msg(
                    "rule.CH-DORMANT.explanation_silent",
                    channel=channel_label(channel),
                    last_post=channel.last_post,
                    days=silent,
                    limit=limit,
                ),
                [
                    Evidence(
                        f"channels.{i}.last_post",
                        channel.last_post,
                        threshold=limit,
                        note=msg("rule.CH-DORMANT.silence_note", days=silent),
                    )
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
            msg("rule.CH-DORMANT.no_last_post"),
        ),
    ]


@dataclass(frozen=True)
class Capacity:
    """The team's weekly hours against what its channels need (rule CH-SPREAD, the scorecard's same figure)."""

    available: float
    needed: float
    """Hours all active, dormant and planned channels need (:func:`~auditkit.thresholds.hours_needed`)."""
    per_social: float
    """Hours one social network needs (threshold ``hours_per_channel``)."""
    left_for_social: float
    """What the available hours leave for social networks once the other channels have their need."""
    social_kept: int
    """How many social networks those hours keep well."""


KEEP_SHARE = 0.75
"""A social network counts as kept well when the hours left cover at least this share of its need."""


def capacity(audit: Audit, thresholds: Mapping[str, float]) -> Capacity | None:
    """The team's hours against its channels' needs, or ``None`` when the team's hours are not recorded."""
    available = audit.organisation.hours_per_week
    if available is None:
        return None
    needs = [(channel, hours_needed(channel, thresholds)) for channel in audit.channels]
    needed = sum(need for _, need in needs)
    other = sum(need for channel, need in needs if not channel.platform.is_social)
    per_social = float(thresholds["hours_per_channel"])
    left = max(0.0, available - other)
    social = sum(1 for channel, need in needs if channel.platform.is_social and need > 0)
    room = math.inf if per_social <= 0 else left / per_social + (1 - KEEP_SHARE)
    kept = social if room >= social else math.floor(room)
    return Capacity(available, needed, per_social, left, min(kept, social))


@rule(
    "CH-SPREAD",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("004", "003"),
    thresholds=HOURS_KEYS,
    step=Step(
        phase=Phase.FIXES,
        month=1,
        hours=2,
        owner="management",
        after=("OBJ-NO-PRIMARY",),
        joins=("REC-REDUCE",),
    ),
)
def spread_too_thin(audit: Audit, context: Context) -> Outcome:
    team = capacity(audit, context.thresholds)
    if team is None:
        return context.not_assessed(
            ("organisation.hours_per_week",),
            msg("rule.CH-SPREAD.no_hours"),
        )
    if team.needed <= team.available:
        return []
    upkept = [
        (i, channel, need)
        for i, channel in enumerate(audit.channels)
        if (need := hours_needed(channel, context.thresholds)) > 0
    ]
    social = [channel.id for _, channel, _ in upkept if channel.platform.is_social]
    if team.social_kept:
        kept = msg("rule.CH-SPREAD.keeps", count=team.social_kept, left=team.left_for_social)
    elif team.left_for_social > 0:
        kept = msg("rule.CH-SPREAD.keeps_none", left=team.left_for_social, per_channel=team.per_social)
    else:
        kept = msg("rule.CH-SPREAD.keeps_nothing")
    return [
        context.finding(
            msg(
                "rule.CH-SPREAD.explanation",
                count=len(upkept),
                needed=team.needed,
                available=team.available,
                kept=kept,
            ),
            [
                Evidence("organisation.hours_per_week", team.available, threshold=team.needed),
                *(
                    Evidence(
                        f"channels.{i}.hours_per_week",
                        channel.hours_per_week,
                        threshold=need,
                        note=msg("rule.CH-SPREAD.need_note", hours=need),
                    )
                    for i, channel, need in upkept
                ),
            ],
            social or [channel.id for _, channel, _ in upkept],
            severity=Severity.MAJOR if team.needed >= 2 * team.available else Severity.MINOR,
        )
    ]
