"""Which strategy components an organisation needs, by its size and kind: the one table of requirements.

A two-shop bakery needs a one-page plan, not a governance charter and a staff policy; a large
organisation needs every component written down. :data:`REQUIREMENTS` says, for each component, how
much it is needed at each size (:class:`Need`), and for which kinds of organisation it is essential
whatever the size. The strategy rules (``STR-*``) take their severity from it; the reason of each kind
of cell is the catalogue message ``rule.strategy.requirement_<need>`` (``rule.strategy.requirement_<kind>`` when
the kind made it essential), which the finding's explanation quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from auditkit.findings import Severity
from auditkit.locale import Message, msg
from auditkit.model import ClientProfile, OrganisationSize
from auditkit.model import StrategyComponentKey as Key
from auditkit.vocabulary import OrganisationKind, effective_size, organisation_kind

__all__ = ["REQUIREMENTS", "Need", "Requirement", "need_of", "reason_of", "required_severity"]


class Need(StrEnum):
    """How much an organisation needs a strategy component written down."""

    ESSENTIAL = "essential"
    """A document of its own: a missing one is judged at the rule's severity."""
    SHORT = "short"
    """A short version will do (a few lines of the one-page plan): one step less severe."""
    ONE_LINE = "one_line"
    """One line of the one-page plan covers it: worth knowing (info), never a document of its own."""


_E, _S, _L = Need.ESSENTIAL, Need.SHORT, Need.ONE_LINE
_CARE = frozenset({OrganisationKind.PUBLIC, OrganisationKind.EDUCATION, OrganisationKind.HEALTHCARE})
"""Kinds that answer for what is said in their name to citizens, pupils or patients."""


@dataclass(frozen=True)
class Requirement:
    """How much one component is needed at each size, and the kinds for which it is always essential."""

    micro: Need
    small: Need
    medium: Need
    large: Need
    essential_for: frozenset[OrganisationKind] = frozenset()

    def at(self, size: OrganisationSize) -> Need:
        """The need at ``size``."""
        need: Need = getattr(self, size.value)
        return need


REQUIREMENTS: dict[Key, Requirement] = {
    Key.OBJECTIVES_ALIGNED: Requirement(_E, _E, _E, _E),
    Key.MEASURABLE_ACTIONS: Requirement(_S, _E, _E, _E),
    Key.CONTENT_PLAN: Requirement(_S, _E, _E, _E),
    Key.CONTENT_PILLARS: Requirement(_S, _E, _E, _E),
    Key.DISTRIBUTION_PLAN: Requirement(_L, _S, _E, _E),
    Key.BUDGET: Requirement(_S, _E, _E, _E),
    Key.CRISIS_PLAN: Requirement(_S, _E, _E, _E, _CARE),
    Key.EXIT_PLAN: Requirement(_L, _L, _S, _E),
    Key.EVALUATION_PLAN: Requirement(_S, _E, _E, _E),
    Key.EDITORIAL_LINE: Requirement(_E, _E, _E, _E),
    Key.GOVERNANCE: Requirement(_L, _S, _E, _E, frozenset({OrganisationKind.PUBLIC})),
    Key.POLICY: Requirement(_L, _S, _E, _E, _CARE),
    Key.OWNERSHIP: Requirement(_E, _E, _E, _E),
    Key.MODERATION: Requirement(_L, _S, _E, _E, _CARE),
    Key.CALENDAR: Requirement(_S, _E, _E, _E),
    Key.MONITORING: Requirement(_L, _S, _E, _E),
}
"""Every strategy component's requirement (micro, small, medium, large; always essential for some kinds).

Editorial line and ownership are essential at every size: the smallest organisation loses most when its
voice wanders or its accounts leave with one person."""


def need_of(key: Key, client: ClientProfile) -> Need:
    """How much ``client`` needs component ``key`` (an unknown size counts as small)."""
    requirement = REQUIREMENTS[key]
    if organisation_kind(client) in requirement.essential_for:
        return Need.ESSENTIAL
    return requirement.at(effective_size(client))


def required_severity(severity: Severity, need: Need) -> Severity:
    """A component rule's ``severity`` for a missing component, given how much it is needed."""
    if need is Need.ONE_LINE:
        return Severity.INFO
    return severity.lowered() if need is Need.SHORT else severity


def reason_of(key: Key, client: ClientProfile) -> Message | None:
    """Why the component is needed that much here, in words; ``None`` when no size or kind changes it."""
    requirement = REQUIREMENTS[key]
    kind = organisation_kind(client)
    size = effective_size(client)
    if kind in requirement.essential_for and requirement.at(size) is not Need.ESSENTIAL:
        return msg(f"rule.strategy.requirement_{kind.value}")
    need = need_of(key, client)
    return None if need is Need.ESSENTIAL else msg(f"rule.strategy.requirement_{need.value}")
