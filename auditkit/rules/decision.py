"""The decision rule (DOMAIN §2, seed 003): "not now" is a legitimate conclusion of an audit."""

from __future__ import annotations

from functools import reduce

from auditkit.findings import Context, Evidence, Outcome, Severity, Theme, add_months, rule
from auditkit.locale import Message, msg
from auditkit.model import Audit, ChannelStatus
from auditkit.platforms import MAJOR_PLATFORMS
from auditkit.rules._common import channel_label
from auditkit.rules._not_now import not_now_reason
from auditkit.steps import Phase, Step

_SERVED_BY_SOCIAL = msg("rule.decision.served_by_social_note")


@rule(
    "DEC-NOT-NOW",
    severity=Severity.CRITICAL,
    theme=Theme.DECISION,
    seeds=("003",),
    thresholds=("platform_use_share", "platform_use_level", "reassess_months"),
    step=Step(phase=Phase.FOUNDATIONS, month=1, hours=2, owner="management"),
)
def not_now(audit: Audit, context: Context) -> Outcome:
    reason = not_now_reason(audit, context)
    if not isinstance(reason, Message):
        return reason
    targets = [(i, s) for i, s in enumerate(audit.stakeholders) if s.id in context.target_stakeholders]
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
            date=reassess_on,
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
            note=msg("rule.DEC-NOT-NOW.reassess_note", date=reassess_on),
        )
    )
    return [
        context.finding(
            msg(
                "rule.DEC-NOT-NOW.explanation",
                count=len(audit.objectives),
                reason=reason,
                date=reassess_on,
            ),
            evidence,
            [objective.id for objective in audit.objectives] + [channel.id for _, channel in social],
            action=reduce(lambda done, step: msg("rule.DEC-NOT-NOW.next_step", done=done, step=step), steps),
        )
    ]
