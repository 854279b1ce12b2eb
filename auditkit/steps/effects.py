"""The modelled effects of the plan's actions: each makes a copy of the audit look as it will once done.

Every :class:`~auditkit.steps.step.Effect` is named after its description in the catalogue
(``plan.effect.<name>``). Effects on channels or objectives change only the action's subjects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from auditkit.model import (
    Audit,
    Cadence,
    Channel,
    ChannelStatus,
    ComponentStatus,
    ConsentPractice,
    Consultation,
    Indicator,
    Lens,
    Objective,
    ObjectiveKind,
    OwnerRole,
    SponsorEngagement,
    StrategyComponent,
    StrategyComponentKey,
    Training,
)
from auditkit.steps.step import Effect
from auditkit.thresholds import add_months, response_expectation, thresholds_for

__all__ = [
    "ANSWER_IN_TIME",
    "ASSESS_NETWORKS",
    "ASSIGN_PEOPLE",
    "CLOSE_CHANNELS",
    "CONSULT_AUDIENCES",
    "EXPERIENCED_OWNER",
    "FITTING_INDICATOR",
    "HALVE_CHANNEL_HOURS",
    "IMAGE_CONSENT_WRITTEN",
    "KEEP_OBJECTIVES",
    "LENGTHEN_LEAD_TIME",
    "MAKE_SMART",
    "MONTHLY_REPORTING",
    "NAME_CHANNEL_OWNERS",
    "ONE_PRIMARY",
    "PARK_CHANNELS",
    "REVIEW_STRATEGY",
    "SAFEGUARDING_WRITTEN",
    "SHORTEN_VALIDATION",
    "SPONSOR_SUPPORTIVE",
    "STOP_CROSS_POSTING",
    "TRAIN_EVERYONE",
    "component",
]

PLACEHOLDER = "(roadmap)"
"""What a projection writes where the roadmap will name a person or define a metric or an indicator.

Only its presence counts in the projected scores.
"""
_ROI_KINDS = frozenset(
    {
        ObjectiveKind.SALES,
        ObjectiveKind.RECRUITMENT,
        ObjectiveKind.PROSPECTING,
        ObjectiveKind.FUNDRAISING,
        ObjectiveKind.MEMBERSHIP,
        ObjectiveKind.VOLUNTEER_RECRUITMENT,
        ObjectiveKind.CITIZEN_PARTICIPATION,
    }
)


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


_Item = TypeVar("_Item", bound=_Identified)


def _on_subjects(
    items: Callable[[Audit], Sequence[_Item]], change: Callable[[Audit, _Item], None]
) -> Callable[[Audit, tuple[str, ...]], None]:
    """An effect that makes ``change`` to each of the audit's ``items`` the action concerns."""

    def apply(audit: Audit, subjects: tuple[str, ...]) -> None:
        for item in items(audit):
            if item.id in subjects:
                change(audit, item)

    return apply


def _channels(audit: Audit) -> Sequence[Channel]:
    return audit.channels


def _objectives(audit: Audit) -> Sequence[Objective]:
    return audit.objectives


def _setting(**values: Any) -> Callable[[Audit, Channel], None]:
    def change(audit: Audit, channel: Channel) -> None:
        for name, value in values.items():
            setattr(channel, name, value)

    return change


def _organisation(**values: Any) -> Callable[[Audit, tuple[str, ...]], None]:
    def apply(audit: Audit, subjects: tuple[str, ...]) -> None:
        for name, value in values.items():
            setattr(audit.organisation, name, value)

    return apply


def component(key: StrategyComponentKey) -> Effect:
    """The strategy component ``key`` becomes present."""

    def apply(audit: Audit, subjects: tuple[str, ...]) -> None:
        audit.strategy.components[key] = StrategyComponent(status=ComponentStatus.PRESENT)

    return Effect(f"component.{key.value}", apply)


def _halve_hours(audit: Audit, channel: Channel) -> None:
    if channel.hours_per_week is not None:
        channel.hours_per_week = channel.hours_per_week / 2


def _answer_in_time(audit: Audit, channel: Channel) -> None:
    expected = response_expectation(audit, channel.platform)
    if expected is not None:
        channel.median_response_minutes = min(channel.median_response_minutes or expected, expected)


def _shorten_validation(audit: Audit, subjects: tuple[str, ...]) -> None:
    expectations = [
        minutes
        for channel in audit.channels
        if channel.status is ChannelStatus.ACTIVE
        and (minutes := response_expectation(audit, channel.platform)) is not None
    ]
    target = min(expectations, default=60.0) / 60
    current = audit.organisation.validation_delay_hours
    audit.organisation.validation_delay_hours = target if current is None else min(current, target)


def _assign_people(audit: Audit, subjects: tuple[str, ...]) -> None:
    organisation = audit.organisation
    if not organisation.content_creators:
        organisation.content_creators = [PLACEHOLDER]
    if not organisation.responders:
        organisation.responders = [PLACEHOLDER]


def _keep_objectives(audit: Audit, subjects: tuple[str, ...]) -> None:
    limit = int(thresholds_for(audit)["objectives_max"])
    ranked = sorted(audit.objectives, key=lambda objective: not objective.primary)
    kept = {objective.id for objective in ranked[:limit]}
    for channel in audit.channels:
        channel.objectives = [objective_id for objective_id in channel.objectives if objective_id in kept]
    audit.objectives = [objective for objective in audit.objectives if objective.id in kept]


def _one_primary(audit: Audit, subjects: tuple[str, ...]) -> None:
    chosen = next(
        (o.id for o in audit.objectives if o.primary), audit.objectives[0].id if audit.objectives else ""
    )
    for objective in audit.objectives:
        objective.primary = objective.id == chosen


def _make_smart(audit: Audit, objective: Objective) -> None:
    objective.metric = objective.metric or PLACEHOLDER
    objective.baseline = 0.0 if objective.baseline is None else objective.baseline
    objective.target = objective.baseline + 1 if objective.target is None else objective.target
    objective.deadline = objective.deadline or add_months(audit.engagement.audit_date, 12)


def _add_fitting_indicator(audit: Audit, objective: Objective) -> None:
    lens = Lens.ROI if objective.kind in _ROI_KINDS else Lens.ROA
    objective.indicators = [*objective.indicators, Indicator(name=PLACEHOLDER, lens=lens)]


def _consult(audit: Audit, subjects: tuple[str, ...]) -> None:
    for stakeholder in audit.stakeholders:
        if stakeholder.consultation is Consultation.NONE:
            stakeholder.consultation = Consultation.SURVEY


def _lengthen_lead_time(audit: Audit, subjects: tuple[str, ...]) -> None:
    needed = thresholds_for(audit)["lead_time_days"]
    current = audit.organisation.publishing_lead_time_days
    audit.organisation.publishing_lead_time_days = needed if current is None else max(current, needed)


def _reviewed(audit: Audit, subjects: tuple[str, ...]) -> None:
    audit.strategy.last_reviewed = audit.engagement.audit_date


SPONSOR_SUPPORTIVE = Effect("sponsor_supportive", _organisation(sponsor=SponsorEngagement.SUPPORTIVE))
EXPERIENCED_OWNER = Effect(
    "experienced_owner", _organisation(strategy_owner_role=OwnerRole.COMMUNICATIONS_MANAGER)
)
TRAIN_EVERYONE = Effect("everyone_trained", _organisation(training=Training.ALL))
IMAGE_CONSENT_WRITTEN = Effect("image_consent_written", _organisation(image_consent=ConsentPractice.WRITTEN))
SAFEGUARDING_WRITTEN = Effect("safeguarding_written", _organisation(safeguarding=ComponentStatus.PRESENT))
MONTHLY_REPORTING = Effect("monthly_reporting", _organisation(reporting_cadence=Cadence.MONTHLY))
ASSIGN_PEOPLE = Effect("people_named", _assign_people)
SHORTEN_VALIDATION = Effect("validation_in_time", _shorten_validation)
LENGTHEN_LEAD_TIME = Effect("lead_time_reached", _lengthen_lead_time)
KEEP_OBJECTIVES = Effect("objectives_narrowed", _keep_objectives)
ONE_PRIMARY = Effect("one_primary", _one_primary)
MAKE_SMART = Effect("objectives_smart", _on_subjects(_objectives, _make_smart))
FITTING_INDICATOR = Effect("fitting_indicator", _on_subjects(_objectives, _add_fitting_indicator))
CONSULT_AUDIENCES = Effect("audiences_consulted", _consult)
REVIEW_STRATEGY = Effect("strategy_reviewed", _reviewed)
CLOSE_CHANNELS = Effect("channels_closed", _on_subjects(_channels, _setting(status=ChannelStatus.CLOSED)))
PARK_CHANNELS = Effect("channels_parked", _on_subjects(_channels, _setting(status=ChannelStatus.PARKED)))
NAME_CHANNEL_OWNERS = Effect("channel_owners_named", _on_subjects(_channels, _setting(owner=PLACEHOLDER)))
ASSESS_NETWORKS = Effect("networks_assessed", _on_subjects(_channels, _setting(assessed_before_launch=True)))
STOP_CROSS_POSTING = Effect(
    "cross_posting_stopped", _on_subjects(_channels, _setting(cross_posted_unchanged=False))
)
HALVE_CHANNEL_HOURS = Effect("channel_hours_halved", _on_subjects(_channels, _halve_hours))
ANSWER_IN_TIME = Effect("response_in_time", _on_subjects(_channels, _answer_in_time))
