"""The decision rule (DOMAIN §2, seed 003): "not now" is a legitimate conclusion of an audit."""

from __future__ import annotations

from functools import reduce

from auditkit.findings import Context, Evidence, Outcome, Severity, Theme, add_months, rule
from auditkit.locale import label, msg
from auditkit.model import Audit, ChannelStatus
from auditkit.platforms import MAJOR_PLATFORMS
from auditkit.rules._common import channel_label
from auditkit.rules.environment import NO_STAKEHOLDERS
from auditkit.rules.objectives import no_objectives
from auditkit.steps import Phase, Step
from auditkit.thresholds import LEVEL_VALUES

_SERVED_BY_SOCIAL = msg("rule.decision.served_by_social_note")


_LEVEL_BY_VALUE = {value: level for level, value in LEVEL_VALUES.items()}


@rule(
    "DEC-NOT-NOW",
    severity=Severity.CRITICAL,
    theme=Theme.DECISION,
    seeds=("003",),
    thresholds=("platform_use_share", "platform_use_level", "reassess_months"),
    step=Step(phase=Phase.FOUNDATIONS, month=1, hours=2, owner="management"),
)
def not_now(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    if any(channel.objectives for _, channel in context.active_social):
        return []
    targets = [(i, s) for i, s in enumerate(audit.stakeholders) if s.id in context.target_stakeholders]
    if any(use.platform.is_social and context.uses(use) for _, s in targets for use in s.platforms):
        return []
    unknown = [(i, s) for i, s in targets if not s.platforms]
    traditional = [
        (i, channel) for i, channel in context.active if not channel.platform.is_social and channel.objectives
    ]
    covered = {objective_id for _, channel in traditional for objective_id in channel.objectives}
    all_covered = all(objective.id in covered for objective in audit.objectives)
    if targets and not unknown:
        reason = msg(
            "rule.DEC-NOT-NOW.reason_no_social_use",
            names=[s.name for _, s in targets],
            share=context.thresholds["platform_use_share"],
            level=label(_LEVEL_BY_VALUE[min(int(context.thresholds["platform_use_level"]), 3)]),
        )
    elif all_covered:
        reason = msg(
            "rule.DEC-NOT-NOW.reason_traditional_cover",
            channels=[channel_label(channel) for _, channel in traditional],
        )
    elif not targets:
        return context.not_assessed(("stakeholders",), NO_STAKEHOLDERS)
    else:
        return context.not_assessed(
            [f"stakeholders.{i}.platforms" for i, _ in unknown],
            msg("rule.DEC-NOT-NOW.no_platforms"),
            [s.id for _, s in unknown],
        )
    months = round(context.thresholds["reassess_months"])
    reassess_on = add_months(context.today, months)
    social = [
        (i, channel)
        for i, channel in enumerate(audit.channels)
        if channel.platform.is_social and channel.status in (ChannelStatus.ACTIVE, ChannelStatus.DORMANT)
    ]
    claimed = {channel.platform for channel in audit.channels}
    unclaimed = [platform for platform in MAJOR_PLATFORMS if platform not in claimed]
    steps = [msg("rule.DEC-NOT-NOW.step_record")]
    if social:
        steps.append(
            msg(
                "rule.DEC-NOT-NOW.step_park",
                channels=[channel_label(channel) for _, channel in social],
            )
        )
    if unclaimed:
        steps.append(
            msg(
                "rule.DEC-NOT-NOW.step_claim",
                platforms=unclaimed,
            )
        )
    steps.append(
        msg(
            "rule.DEC-NOT-NOW.step_reassess",
            date=reassess_on.isoformat(),
        )
    )
    evidence = [Evidence("channels.*.objectives", [], note=_SERVED_BY_SOCIAL)]
    evidence += [
        Evidence(
            f"stakeholders.{i}.platforms",
            [
                f"{use.platform.value}: {use.share if use.share is not None else use.level}"
                for use in s.platforms
            ],
            threshold=context.thresholds["platform_use_share"],
        )
        for i, s in targets
        if s.platforms
    ]
    evidence.append(
        Evidence(
            "engagement.audit_date",
            context.today,
            threshold=months,
            note=msg("rule.DEC-NOT-NOW.reassess_note", date=reassess_on.isoformat()),
        )
    )
    return [
        context.finding(
            msg(
                "rule.DEC-NOT-NOW.explanation",
                count=len(audit.objectives),
                reason=reason,
                date=reassess_on.isoformat(),
            ),
            evidence,
            [objective.id for objective in audit.objectives] + [channel.id for _, channel in social],
            action=reduce(lambda done, step: msg("rule.DEC-NOT-NOW.next_step", done=done, step=step), steps),
        )
    ]
