"""Rules on which channels to hold (DOMAIN §5): each one serving an objective and an audience, kept alive,
and no more of them than the team's hours can sustain."""

from __future__ import annotations

from auditkit.findings import Context, Evidence, Finding, Outcome, Severity, Theme, rule
from auditkit.locale import msg
from auditkit.model import Audit, ChannelStatus
from auditkit.platforms import SOCIAL_PLATFORMS, Platform
from auditkit.rules._common import channel_label, gaps
from auditkit.rules.environment import NO_STAKEHOLDERS
from auditkit.rules.objectives import no_objectives
from auditkit.steps import Phase, Step

PUBLIC_PLATFORMS = SOCIAL_PLATFORMS - {Platform.WHATSAPP}
"""Platforms whose accounts the public sees, so that silence there shows (rule CH-DORMANT)."""


_ACTIVE_SOCIAL = msg("rule.channels.active_social_note")


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
                    last_post=channel.last_post.isoformat(),
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


@rule(
    "CH-SPREAD",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("004", "003"),
    thresholds=("hours_per_channel",),
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
    available = audit.organisation.hours_per_week
    if available is None:
        return context.not_assessed(
            ("organisation.hours_per_week",),
            msg("rule.CH-SPREAD.no_hours"),
        )
    per_channel = context.thresholds["hours_per_channel"]
    count = len(context.active_social)
    needed = count * per_channel
    if needed <= available:
        return []
    sustainable = int(available // per_channel) if per_channel else count
    return [
        context.finding(
            msg(
                "rule.CH-SPREAD.explanation",
                count=count,
                needed=needed,
                per_channel=per_channel,
                available=available,
                sustainable=sustainable,
            ),
            [
                Evidence("organisation.hours_per_week", available, threshold=needed),
                Evidence(
                    "channels", [channel.id for _, channel in context.active_social], note=_ACTIVE_SOCIAL
                ),
            ],
            [channel.id for _, channel in context.active_social],
            severity=Severity.MAJOR if needed >= 2 * available else Severity.MINOR,
        )
    ]
