"""Organisation readiness: sponsor, owner, resources, validation, training, hours, budget, reporting, lead time."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from auditkit.locale import Amount, Message, label, msg
from auditkit.model import Audit, Cadence, OwnerRole, SponsorEngagement, Training
from auditkit.scoring.combine import Fact, combine
from auditkit.scoring.context import COSTING, Context
from auditkit.scoring.rendering import counted, figure
from auditkit.scoring.results import Score
from auditkit.thresholds import hours_needed
from auditkit.vocabulary import OrganisationKind, organisation_kind

__all__ = ["CADENCE_VALUE", "OWNER_VALUE", "SPONSOR_VALUE", "TRAINING_VALUE", "answer", "organisation"]

SPONSOR_VALUE: dict[SponsorEngagement, float] = {
    SponsorEngagement.NONE: 0.0,
    SponsorEngagement.AWARE: 0.35,
    SponsorEngagement.SUPPORTIVE: 0.75,
    SponsorEngagement.CHAMPION: 1.0,
}
OWNER_VALUE: dict[OwnerRole, float] = {
    OwnerRole.NOBODY: 0.0,
    OwnerRole.INTERN: 0.1,
    OwnerRole.VOLUNTEER: 0.3,
    OwnerRole.JUNIOR: 0.5,
    OwnerRole.AGENCY: 0.6,
    OwnerRole.COMMUNITY_MANAGER: 0.85,
    OwnerRole.EXECUTIVE: 0.9,
    OwnerRole.COMMUNICATIONS_MANAGER: 1.0,
    OwnerRole.MARKETING_DIRECTOR: 1.0,
}
"""An agency scores lower than staff: delegating the voice risks authenticity (seed 003)."""
VOLUNTEER_IN_NONPROFIT = 0.6
"""A volunteer owner is how a non-profit normally runs: only its continuity is at risk (rule ORG-INTERN)."""
TRAINING_VALUE: dict[Training, float] = {Training.NONE: 0.0, Training.SOME: 0.5, Training.ALL: 1.0}
CADENCE_VALUE: dict[Cadence, float] = {
    Cadence.NEVER: 0.0,
    Cadence.AD_HOC: 0.2,
    Cadence.YEARLY: 0.35,
    Cadence.QUARTERLY: 0.6,
    Cadence.MONTHLY: 1.0,
    Cadence.WEEKLY: 1.0,
}

_OWN_WORDING: dict[StrEnum, str] = {
    SponsorEngagement.NONE: "scoring.answer.sponsor_engagement.none",
    OwnerRole.JUNIOR: "scoring.answer.owner_role.junior",
    Training.SOME: "scoring.answer.training.some",
    Training.ALL: "scoring.answer.training.all",
    Cadence.AD_HOC: "scoring.answer.cadence.ad_hoc",
}
"""Answers the evidence words its own way rather than by the answer's name."""
_BY_NAME = frozenset({OwnerRole.NOBODY, OwnerRole.JUNIOR})
Answer = TypeVar("Answer", bound=StrEnum)


def answer(value: StrEnum) -> Message:
    """An answer of the organisation as it reads in the evidence ("an intern", "monthly")."""
    if isinstance(value, OwnerRole) and value not in _BY_NAME:
        return msg(f"scoring.answer.owner_role.{value.value}", role=label(value))
    own = next((key for member, key in _OWN_WORDING.items() if member is value), None)
    return msg(own) if own else label(value)


def organisation(audit: Audit, context: Context) -> Score:
    """Organisation readiness: a weighted mean of the ``org.*`` factors."""
    answers = audit.organisation
    facts: list[tuple[str, Fact]] = [
        ("org.sponsor", _scale(answers.sponsor, SPONSOR_VALUE, "sponsor")),
        ("org.owner", _owner(audit)),
        ("org.resources", _resources(audit)),
        ("org.validation", _validation(audit, context)),
        ("org.training", _scale(answers.training, TRAINING_VALUE, "training")),
        ("org.hours", _hours(audit, context)),
        ("org.budget", _budget(audit)),
        ("org.reporting", _scale(answers.reporting_cadence, CADENCE_VALUE, "reporting_cadence")),
        ("org.lead_time", _lead_time(audit, context)),
    ]
    return combine(facts, context.weights)


def _owner(audit: Audit) -> Fact:
    role = audit.organisation.strategy_owner_role
    value, evidence = _scale(role, OWNER_VALUE, "owner_role")
    if role is OwnerRole.VOLUNTEER and organisation_kind(audit.client) is OrganisationKind.NONPROFIT:
        return VOLUNTEER_IN_NONPROFIT, evidence
    return value, evidence


def _scale(given: Answer | None, values: dict[Answer, float], question: str) -> Fact:
    what = msg(f"scoring.answer.question.{question}")
    if given is None:
        return None, msg("scoring.evidence.answer.missing", what=what)
    return values[given], msg("scoring.evidence.answer.given", what=what, answer=answer(given))


def _resources(audit: Audit) -> Fact:
    creators = len(audit.organisation.content_creators)
    responders = len(audit.organisation.responders)
    return 0.5 * bool(creators) + 0.5 * bool(responders), msg(
        "scoring.evidence.resources.counted",
        creators=counted("creators", creators),
        responders=counted("responders", responders),
    )


def _validation(audit: Audit, context: Context) -> Fact:
    delay = audit.organisation.validation_delay_hours
    if delay is None:
        return None, msg("scoring.evidence.validation.missing")
    expectations = [
        (expected, channel.platform)
        for channel in audit.channels
        if channel.status in COSTING and (expected := context.expectation(channel.platform)) is not None
    ]
    if not expectations:
        return None, msg("scoring.evidence.validation.no_expectation", delay=figure(delay))
    expected, platform = min(expectations, key=lambda pair: pair[0])
    minutes = delay * 60
    return (1.0 if minutes <= expected else expected / minutes), msg(
        "scoring.evidence.validation.measured",
        delay=figure(delay),
        platform=platform,
        expected=figure(expected),
    )


def _hours(audit: Audit, context: Context) -> Fact:
    available = audit.organisation.hours_per_week
    if available is None:
        return None, msg("scoring.evidence.hours.missing")
    costing = [channel for channel in audit.channels if channel.status in COSTING]
    needed = sum(hours_needed(channel, context.thresholds) for channel in costing)
    value = 1.0 if available >= needed else available / needed
    return value, msg(
        "scoring.evidence.hours.measured",
        available=figure(available),
        needed=figure(round(needed, 1)),
        count=figure(len(costing)),
    )


def _budget(audit: Audit) -> Fact:
    budget = audit.organisation.monthly_budget
    if budget is None:
        return None, msg("scoring.evidence.budget.missing")
    needed = sum(c.monthly_budget or 0.0 for c in audit.channels if c.status in COSTING)
    value = 0.0 if budget <= 0 else min(1.0, budget / needed) if needed > 0 else 1.0
    return value, msg(
        "scoring.evidence.budget.measured",
        budget=Amount(budget, audit.engagement.currency),
        needed=Amount(needed, audit.engagement.currency),
    )


def _lead_time(audit: Audit, context: Context) -> Fact:
    days = audit.organisation.publishing_lead_time_days
    if days is None:
        return None, msg("scoring.evidence.lead_time.missing")
    needed = float(context.thresholds["lead_time_days"])
    return min(1.0, days / needed) if needed > 0 else 1.0, msg(
        "scoring.evidence.lead_time.measured", days=figure(days), needed=figure(needed)
    )
