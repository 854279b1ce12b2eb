"""Strategy completeness: the nine steps of the method, the strategy components and the last review."""

from __future__ import annotations

from collections.abc import Callable

from auditkit.locale import Message, label, msg
from auditkit.model import Audit, ChannelStatus, ComponentStatus, Objective, OwnerRole, StrategyComponent
from auditkit.model import StrategyComponentKey as Key
from auditkit.scoring.combine import Fact, combine
from auditkit.scoring.context import PUBLISHING, Context
from auditkit.scoring.organisation import answer
from auditkit.scoring.rendering import counted, figure
from auditkit.scoring.results import Score
from auditkit.scoring.weights import STRATEGY_STEPS
from auditkit.thresholds import months_between
from auditkit.vocabulary import OrganisationKind, organisation_kind

__all__ = ["STATUS_VALUE", "strategy"]

STATUS_VALUE: dict[ComponentStatus, float] = {
    ComponentStatus.PRESENT: 1.0,
    ComponentStatus.PARTIAL: 0.5,
    ComponentStatus.ABSENT: 0.0,
}

_WEAK_OWNERS = frozenset({OwnerRole.INTERN, OwnerRole.VOLUNTEER})


def _evidence(name: str, **values: object) -> Message:
    """The evidence message ``scoring.evidence.<name>``, its numbers written as figures."""
    return msg(
        f"scoring.evidence.{name}",
        **{key: figure(value) if isinstance(value, int | float) else value for key, value in values.items()},
    )


def strategy(audit: Audit, context: Context) -> Score:
    """Strategy completeness: a weighted mean of the steps, the components and the review.

    The weights (``strategy.*``, :data:`~auditkit.scoring.weights.STRATEGY_WEIGHTS`) put objectives,
    audiences, indicators and measurement before exit plans and policies.
    """
    components = audit.strategy.components
    checks: dict[str, Callable[[Audit], Fact]] = {
        "objectives": _step_objectives,
        "audiences": _step_audiences,
        "inventory": _step_inventory,
        "added_value": _step_added_value,
        "channels": _step_channels,
        "editorial_line": lambda _: _component(components.get(Key.EDITORIAL_LINE)),
        "indicators": _step_indicators,
        "roles": _step_roles,
        "obstacles": _step_obstacles,
    }
    facts: list[tuple[str, Fact]] = [(f"strategy.{step}", checks[step](audit)) for step in STRATEGY_STEPS]
    facts += [
        (f"strategy.{key.value}", _component(components.get(key)))
        for key in Key
        if key is not Key.EDITORIAL_LINE
    ]
    facts.append(("strategy.review", _review(audit, context)))
    return combine(facts, context.weights)


def _component(component: StrategyComponent | None) -> Fact:
    if component is None:
        return None, _evidence("component.missing")
    return STATUS_VALUE[component.status], label(component.status)


def _smart(objective: Objective) -> bool:
    return objective.target is not None and objective.baseline is not None and objective.deadline is not None


def _step_objectives(audit: Audit) -> Fact:
    objectives = audit.objectives
    if not objectives:
        return 0.0, _evidence("objectives.none")
    smart = sum(_smart(objective) for objective in objectives)
    primaries = sum(objective.primary for objective in objectives)
    complete = smart == len(objectives) and primaries == 1 and len(objectives) <= 3
    return (1.0 if complete else 0.5), _evidence(
        "objectives.counted",
        objectives=counted("objectives", len(objectives)),
        smart=smart,
        primaries=counted("primaries", primaries),
    )


def _step_audiences(audit: Audit) -> Fact:
    if not audit.stakeholders:
        return 0.0, _evidence("audiences.none")
    untargeted = sum(not objective.stakeholders for objective in audit.objectives)
    return (0.5 if untargeted else 1.0), _evidence(
        "audiences.counted",
        groups=counted("audience_groups", len(audit.stakeholders)),
        untargeted=counted("objectives", untargeted),
    )


def _step_inventory(audit: Audit) -> Fact:
    channels = audit.channels
    if not channels:
        return 0.0, _evidence("inventory.none")
    social = sum(channel.is_social for channel in channels)
    traditional = len(channels) - social
    return (1.0 if social and traditional else 0.5), _evidence(
        "inventory.counted",
        social=counted("social_channels", social),
        traditional=counted("traditional_channels", traditional),
    )


def _step_added_value(audit: Audit) -> Fact:
    channels = [c for c in audit.channels if c.is_social and c.status is not ChannelStatus.CLOSED]
    if not channels:
        return None, _evidence("added_value.none")
    stated = sum(bool(channel.added_value.strip()) for channel in channels)
    return stated / len(channels), _evidence("added_value.counted", stated=stated, count=len(channels))


def _step_channels(audit: Audit) -> Fact:
    channels = [c for c in audit.channels if c.status in PUBLISHING]
    if not channels:
        return None, _evidence("channels.none")
    serving = sum(bool(channel.objectives) for channel in channels)
    return serving / len(channels), _evidence("channels.counted", serving=serving, count=len(channels))


def _step_indicators(audit: Audit) -> Fact:
    objectives = audit.objectives
    if not objectives:
        return 0.0, _evidence("indicators.none")
    measured = sum(bool(objective.indicators) for objective in objectives)
    return measured / len(objectives), _evidence(
        "indicators.counted", measured=measured, count=len(objectives)
    )


def _step_roles(audit: Audit) -> Fact:
    organisation = audit.organisation
    role = organisation.strategy_owner_role
    creators, responders = organisation.content_creators, organisation.responders
    if role is None and not creators and not responders:
        return None, _evidence("roles.none")
    volunteer_led = (
        role is OwnerRole.VOLUNTEER and organisation_kind(audit.client) is OrganisationKind.NONPROFIT
    )
    owner = (
        0.0
        if role in (None, OwnerRole.NOBODY)
        else 0.5
        if role in _WEAK_OWNERS and not volunteer_led
        else 1.0
    )
    value = (owner + bool(creators) + bool(responders)) / 3
    return value, _evidence(
        "roles.counted",
        role=answer(role) if role else "?",
        creators=counted("creators", len(creators)),
        responders=counted("responders", len(responders)),
    )


def _step_obstacles(audit: Audit) -> Fact:
    count = len(audit.strategy.obstacles)
    if not count:
        return 0.0, _evidence("obstacles.none")
    return 1.0, _evidence("obstacles.counted", count=count)


def _review(audit: Audit, context: Context) -> Fact:
    reviewed = audit.strategy.last_reviewed
    if reviewed is None:
        return None, _evidence("review.missing")
    limit = float(context.thresholds["review_months"])
    months = months_between(reviewed, context.today)
    value = 1.0 if months <= limit else 0.5 if months <= 2 * limit else 0.0
    return value, _evidence("review.measured", months=round(months, 1), limit=limit)
