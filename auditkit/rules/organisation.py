"""Rules on the organisation (DOMAIN §7): sponsor, owner, processes, resources, training.

Their texts name the organisation's people in its own words (:mod:`auditkit.vocabulary`): the board of an
association, the elected officials of a town hall, the owner of a small business.
"""

from __future__ import annotations

from functools import reduce

from auditkit.findings import Context, Evidence, Outcome, Severity, Theme, rule
from auditkit.locale import msg
from auditkit.model import Audit, Organisation, OwnerRole, SponsorEngagement, Training
from auditkit.rules._common import channel_label
from auditkit.steps import Phase, Step
from auditkit.steps.effects import (
    ASSIGN_PEOPLE,
    EXPERIENCED_OWNER,
    SHORTEN_VALIDATION,
    SPONSOR_SUPPORTIVE,
    TRAIN_EVERYONE,
)
from auditkit.thresholds import RESPONSE_KEYS

_EXPECTATION_NOTE = msg("rule.organisation.expectation_note")


def _not_recorded(context: Context, field: str) -> Outcome:
    return context.not_assessed((f"organisation.{field}",), msg(f"rule.{context.rule.id}.not_recorded"))


def _untouched(organisation: Organisation) -> bool:
    return (
        not organisation.content_creators
        and not organisation.responders
        and not organisation.strategy_owner.strip()
        and all(
            getattr(organisation, name) is None
            for name, info in Organisation.model_fields.items()
            if info.default is None
        )
    )


@rule(
    "ORG-NO-SPONSOR",
    severity=Severity.MAJOR,
    theme=Theme.ORGANISATION,
    seeds=("001",),
    step=Step(phase=Phase.FOUNDATIONS, month=1, hours=3, owner="strategy_owner", effect=SPONSOR_SUPPORTIVE),
)
def no_sponsor(audit: Audit, context: Context) -> Outcome:
    sponsor = audit.organisation.sponsor
    if sponsor is None:
        return _not_recorded(context, "sponsor")
    if sponsor not in (SponsorEngagement.NONE, SponsorEngagement.AWARE):
        return []
    if sponsor is SponsorEngagement.NONE:
        explanation = msg("rule.ORG-NO-SPONSOR.explanation_none")
    else:
        explanation = msg("rule.ORG-NO-SPONSOR.explanation_aware")
    return [
        context.finding(
            explanation,
            [Evidence("organisation.sponsor", sponsor)],
            severity=Severity.MAJOR if sponsor is SponsorEngagement.NONE else Severity.MINOR,
        )
    ]


@rule(
    "ORG-INTERN",
    severity=Severity.MAJOR,
    theme=Theme.ORGANISATION,
    seeds=("004",),
    step=Step(
        phase=Phase.FOUNDATIONS,
        month=1,
        hours=2,
        owner="management",
        after=("ORG-NO-SPONSOR",),
        effect=EXPERIENCED_OWNER,
    ),
)
def intern_owner(audit: Audit, context: Context) -> Outcome:
    """An intern holds the strategy (major), or a volunteer alone (minor: continuity, not competence)."""
    role = audit.organisation.strategy_owner_role
    if role is None:
        return _not_recorded(context, "strategy_owner_role")
    if role not in (OwnerRole.INTERN, OwnerRole.VOLUNTEER):
        return []
    owner = audit.organisation.strategy_owner.strip()
    who = f" ({owner})" if owner else ""
    evidence = [Evidence("organisation.strategy_owner_role", role)]
    if role is OwnerRole.INTERN:
        return [
            context.finding(
                msg("rule.ORG-INTERN.explanation", who=who),
                evidence,
                title=msg("rule.ORG-INTERN.title_intern"),
            )
        ]
    return [
        context.finding(
            msg("rule.ORG-INTERN.explanation_volunteer", who=who),
            evidence,
            severity=Severity.MINOR,
            action=msg("rule.ORG-INTERN.action_volunteer"),
            title=msg("rule.ORG-INTERN.title_volunteer"),
        )
    ]


@rule(
    "ORG-SLOW-VALIDATION",
    severity=Severity.MAJOR,
    theme=Theme.ORGANISATION,
    seeds=("001",),
    thresholds=RESPONSE_KEYS,
    step=Step(
        phase=Phase.FIXES,
        month=3,
        hours=3,
        owner="management",
        after=("STR-GOVERNANCE",),
        effect=SHORTEN_VALIDATION,
    ),
)
def slow_validation(audit: Audit, context: Context) -> Outcome:
    delay_hours = audit.organisation.validation_delay_hours
    if delay_hours is None:
        return _not_recorded(context, "validation_delay_hours")
    delay = delay_hours * 60
    expected = [
        (expectation, i, channel)
        for i, channel in context.active_social
        if (expectation := context.expectation(channel.platform)) is not None
    ]
    too_slow = [(expectation, i, channel) for expectation, i, channel in expected if delay > expectation]
    if not too_slow:
        return []
    strictest, _, channel = min(too_slow, key=lambda item: item[0])
    return [
        context.finding(
            msg(
                "rule.ORG-SLOW-VALIDATION.explanation",
                hours=delay_hours,
                minutes=delay,
                channel=channel_label(channel),
                strictest=strictest,
            ),
            [Evidence("organisation.validation_delay_hours", delay_hours, threshold=strictest / 60)]
            + [
                Evidence(
                    f"channels.{i}.platform",
                    slow.platform,
                    threshold=expectation,
                    note=_EXPECTATION_NOTE,
                )
                for expectation, i, slow in too_slow
            ],
            [slow.id for _, _, slow in too_slow],
        )
    ]


@rule(
    "ORG-NO-RESOURCES",
    severity=Severity.MAJOR,
    theme=Theme.ORGANISATION,
    seeds=("001",),
    step=Step(
        phase=Phase.FOUNDATIONS,
        month=1,
        hours=2,
        owner="management",
        after=("ORG-NO-SPONSOR",),
        effect=ASSIGN_PEOPLE,
    ),
)
def no_resources(audit: Audit, context: Context) -> Outcome:
    organisation = audit.organisation
    if _untouched(organisation):
        return context.not_assessed(
            ("organisation.content_creators", "organisation.responders"),
            msg("rule.ORG-NO-RESOURCES.not_filled_in"),
        )
    if not context.active_social:
        return []
    roles = []
    evidence = []
    if not organisation.content_creators:
        roles.append(msg("rule.ORG-NO-RESOURCES.role_create"))
        evidence.append(Evidence("organisation.content_creators", []))
    if not organisation.responders:
        roles.append(msg("rule.ORG-NO-RESOURCES.role_answer"))
        evidence.append(Evidence("organisation.responders", []))
    if not roles:
        return []
    return [
        context.finding(
            msg(
                "rule.ORG-NO-RESOURCES.explanation",
                count=len(context.active_social),
                roles=reduce(
                    lambda both, role: msg("rule.ORG-NO-RESOURCES.roles_or", roles=both, role=role), roles
                ),
            ),
            evidence,
            [channel.id for _, channel in context.active_social],
        )
    ]


@rule(
    "ORG-NO-TRAINING",
    severity=Severity.MINOR,
    theme=Theme.ORGANISATION,
    seeds=("003",),
    step=Step(
        phase=Phase.PLANNING,
        month=6,
        hours=6,
        owner="strategy_owner",
        after=("ORG-NO-RESOURCES", "STR-POLICY"),
        effect=TRAIN_EVERYONE,
    ),
)
def no_training(audit: Audit, context: Context) -> Outcome:
    training = audit.organisation.training
    if training is None:
        return _not_recorded(context, "training")
    if training is not Training.NONE:
        return []
    return [
        context.finding(
            msg("rule.ORG-NO-TRAINING.explanation"),
            [Evidence("organisation.training", training)],
        )
    ]
