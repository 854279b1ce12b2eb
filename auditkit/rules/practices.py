"""Rules on the four classic errors of seed 000 (DOMAIN §8): urgency, calendar, inspiration, measuring."""

from __future__ import annotations

import math

from auditkit.findings import Context, Evidence, Finding, Outcome, Severity, Theme, rule
from auditkit.locale import Message, label, msg
from auditkit.model import Audit, Cadence, ComponentStatus, StrategyComponentKey
from auditkit.rules._common import channel_label, gaps
from auditkit.rules._not_now import social_not_now
from auditkit.steps import Phase, Step
from auditkit.steps.effects import (
    LENGTHEN_LEAD_TIME,
    MONTHLY_REPORTING,
    component,
)

REPORTING_INTERVAL_DAYS: dict[Cadence, float] = {
    Cadence.WEEKLY: 7,
    Cadence.MONTHLY: 31,
    Cadence.QUARTERLY: 92,
    Cadence.YEARLY: 365,
    Cadence.AD_HOC: math.inf,
    Cadence.NEVER: math.inf,
}
"""Longest interval between two reports, in days, for each reporting cadence."""

_LINE_STATUS = {
    ComponentStatus.ABSENT: msg("rule.ERR-INSPIRATION.line_absent"),
    ComponentStatus.PARTIAL: msg("rule.ERR-INSPIRATION.line_partial"),
}


@rule(
    "ERR-URGENCY",
    severity=Severity.MAJOR,
    theme=Theme.PRACTICES,
    seeds=("000",),
    thresholds=("lead_time_days",),
    step=Step(
        phase=Phase.PLANNING,
        month=6,
        hours=2,
        owner="strategy_owner",
        after=("STR-CALENDAR",),
        effect=LENGTHEN_LEAD_TIME,
    ),
)
def urgency(audit: Audit, context: Context) -> Outcome:
    lead_time = audit.organisation.publishing_lead_time_days
    if lead_time is None:
        return context.not_assessed(
            ("organisation.publishing_lead_time_days",),
            msg("rule.ERR-URGENCY.no_lead_time"),
        )
    limit = context.thresholds["lead_time_days"]
    if lead_time >= limit:
        return []
    return [
        context.finding(
            msg(
                "rule.ERR-URGENCY.explanation",
                days=lead_time,
                limit=limit,
            ),
            [Evidence("organisation.publishing_lead_time_days", lead_time, threshold=limit)],
        )
    ]


@rule(
    "ERR-CALENDAR-NOT-STRATEGY",
    severity=Severity.MAJOR,
    theme=Theme.PRACTICES,
    seeds=("000",),
    step=Step(
        phase=Phase.PLANNING,
        month=3,
        hours=4,
        owner="strategy_owner",
        after=("STR-EDITORIAL-LINE", "ENV-NO-STAKEHOLDERS", "KPI-MISSING"),
        effect=component(StrategyComponentKey.CONTENT_PILLARS),
    ),
)
def calendar_not_strategy(audit: Audit, context: Context) -> Outcome:
    calendar = context.component(StrategyComponentKey.CALENDAR)
    if calendar is None:
        return context.not_assessed(
            ("strategy.components.calendar",),
            msg("rule.ERR-CALENDAR-NOT-STRATEGY.no_calendar"),
        )
    if calendar.status is ComponentStatus.ABSENT:
        return []
    lacking: list[Message] = []
    evidence = [Evidence("strategy.components.calendar.status", calendar.status)]
    if not audit.stakeholders:
        lacking.append(msg("rule.ERR-CALENDAR-NOT-STRATEGY.lacks_audience"))
        evidence.append(Evidence("stakeholders", []))
    not_now = social_not_now(audit, context)
    if not not_now and not any(channel.objectives for _, channel in context.active_social):
        lacking.append(msg("rule.ERR-CALENDAR-NOT-STRATEGY.lacks_network"))
        evidence.append(
            Evidence(
                "channels",
                [channel.id for _, channel in context.active_social],
                note=msg("rule.ERR-CALENDAR-NOT-STRATEGY.channels_note"),
            )
        )
    pillars = context.component(StrategyComponentKey.CONTENT_PILLARS)
    if pillars is not None and pillars.status is ComponentStatus.ABSENT:
        lacking.append(msg("rule.ERR-CALENDAR-NOT-STRATEGY.lacks_pillars"))
        evidence.append(Evidence("strategy.components.content_pillars.status", pillars.status))
    if not any(objective.indicators for objective in audit.objectives):
        lacking.append(msg("rule.ERR-CALENDAR-NOT-STRATEGY.lacks_indicator"))
        evidence.append(Evidence("objectives.*.indicators", []))
    if not lacking:
        if pillars is None:
            return context.not_assessed(
                ("strategy.components.content_pillars",),
                msg("rule.ERR-CALENDAR-NOT-STRATEGY.no_pillars"),
            )
        return []
    return [
        context.finding(
            msg(
                "rule.ERR-CALENDAR-NOT-STRATEGY.explanation",
                lacking=lacking,
            ),
            evidence,
            action=msg("rule.ERR-CALENDAR-NOT-STRATEGY.action_not_now") if not_now else None,
        )
    ]


@rule(
    "ERR-INSPIRATION",
    severity=Severity.MINOR,
    theme=Theme.PRACTICES,
    seeds=("000",),
    thresholds=("inspiration_posts_per_week",),
    step=Step(
        phase=Phase.FOUNDATIONS,
        month=1,
        hours=4,
        owner="strategy_owner",
        after=("OBJ-NONE", "ENV-NO-STAKEHOLDERS"),
        effect=component(StrategyComponentKey.EDITORIAL_LINE),
        joins=("STR-EDITORIAL-LINE",),
    ),
)
def inspiration(audit: Audit, context: Context) -> Outcome:
    line = context.component(StrategyComponentKey.EDITORIAL_LINE)
    if line is None:
        return context.not_assessed(
            ("strategy.components.editorial_line",),
            msg("rule.ERR-INSPIRATION.no_line"),
        )
    if line.status is ComponentStatus.PRESENT or not context.active_social:
        return []
    limit = context.thresholds["inspiration_posts_per_week"]
    slow = [
        (i, channel)
        for i, channel in context.active_social
        if channel.posts_per_week is not None and 0 < channel.posts_per_week <= limit
    ]
    unknown = [(i, channel) for i, channel in context.active_social if channel.posts_per_week is None]
    reason = msg("rule.ERR-INSPIRATION.no_rhythm")
    missing = [f"channels.{i}.posts_per_week" for i, _ in unknown]
    subjects = [channel.id for _, channel in unknown]
    findings: list[Finding] = []
    if slow:
        findings.append(
            context.finding(
                msg(
                    "rule.ERR-INSPIRATION.explanation",
                    channels=[channel_label(channel) for _, channel in slow],
                    limit=limit,
                    status=_LINE_STATUS[line.status],
                ),
                [Evidence("strategy.components.editorial_line.status", line.status)]
                + [
                    Evidence(f"channels.{i}.posts_per_week", channel.posts_per_week, threshold=limit)
                    for i, channel in slow
                ],
                [channel.id for _, channel in slow],
                severity=Severity.INFO if line.status is ComponentStatus.PARTIAL else None,
            )
        )
    elif len(unknown) == len(context.active_social):
        return context.not_assessed(missing, reason, subjects)
    return [*findings, *gaps(context, missing, subjects, reason)]


@rule(
    "ERR-NOT-MEASURING",
    severity=Severity.MAJOR,
    theme=Theme.PRACTICES,
    seeds=("000", "002"),
    thresholds=("reporting_interval_days",),
    step=Step(
        phase=Phase.FIXES,
        month=3,
        hours=3,
        owner="strategy_owner",
        after=("KPI-MISSING",),
        effect=MONTHLY_REPORTING,
    ),
)
def not_measuring(audit: Audit, context: Context) -> Outcome:
    cadence = audit.organisation.reporting_cadence
    if cadence is None:
        return context.not_assessed(
            ("organisation.reporting_cadence",),
            msg("rule.ERR-NOT-MEASURING.no_cadence"),
        )
    limit = context.thresholds["reporting_interval_days"]
    if REPORTING_INTERVAL_DAYS[cadence] <= limit:
        return []
    return [
        context.finding(
            msg(
                "rule.ERR-NOT-MEASURING.explanation",
                cadence=label(cadence),
                limit=limit,
            ),
            [Evidence("organisation.reporting_cadence", cadence, threshold=limit)],
        )
    ]
