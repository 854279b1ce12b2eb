"""Whether social media serve no objective now (rule DEC-NOT-NOW), for the rules that must not contradict it."""

from __future__ import annotations

from auditkit.findings import Context, Outcome
from auditkit.locale import Message, label, msg
from auditkit.model import Audit
from auditkit.rules._common import channel_label
from auditkit.rules.environment import NO_STAKEHOLDERS
from auditkit.rules.objectives import no_objectives
from auditkit.thresholds import LEVEL_VALUES

__all__ = ["not_now_reason", "social_not_now"]

_LEVEL_BY_VALUE = {value: level for level, value in LEVEL_VALUES.items()}


def not_now_reason(audit: Audit, context: Context) -> Message | Outcome:
    """Why social media serve no objective now, or the rule's outcome when they do or it cannot tell."""
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
    if targets and not unknown:
        return msg(
            "rule.DEC-NOT-NOW.reason_no_social_use",
            names=[s.name for _, s in targets],
            share=context.thresholds["platform_use_share"],
            level=label(_LEVEL_BY_VALUE[min(int(context.thresholds["platform_use_level"]), 3)]),
        )
    if all(objective.id in covered for objective in audit.objectives):
        return msg(
            "rule.DEC-NOT-NOW.reason_traditional_cover",
            channels=[channel_label(channel) for _, channel in traditional],
        )
    if not targets:
        return context.not_assessed(("stakeholders",), NO_STAKEHOLDERS)
    return context.not_assessed(
        [f"stakeholders.{i}.platforms" for i, _ in unknown],
        msg("rule.DEC-NOT-NOW.no_platforms"),
        [s.id for _, s in unknown],
    )


def social_not_now(audit: Audit, context: Context) -> bool:
    """True when rule DEC-NOT-NOW fires: social media serve none of the objectives now.

    The rules that would ask for priority social networks read it, so that "not now" is not contradicted.
    """
    return isinstance(not_now_reason(audit, context), Message)
