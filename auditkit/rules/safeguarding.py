"""Rules on publishing people and on speaking with minors online: image consent and safeguarding.

The seed articles ask for social media policies and guidelines (003) without naming these two; they are
duties of law and of care rather than of method: a photo of a person needs that person's consent (a
parent's for a minor), and an organisation that speaks to minors online needs written rules on who may
contact them, how, and what is reported. Both weigh most when the audience includes minors.
"""

from __future__ import annotations

from auditkit.findings import Context, Evidence, Outcome, Severity, Theme, rule
from auditkit.locale import label, msg
from auditkit.model import Audit, ComponentStatus, ConsentPractice
from auditkit.steps import Phase, Step
from auditkit.steps.effects import IMAGE_CONSENT_WRITTEN, SAFEGUARDING_WRITTEN

_MINORS = Evidence("client.minors_in_audience", True)


def _not_recorded(context: Context, field: str) -> Outcome:
    return context.not_assessed((f"organisation.{field}",), msg(f"rule.{context.rule.id}.not_recorded"))


@rule(
    "ORG-IMAGE-CONSENT",
    severity=Severity.CRITICAL,
    theme=Theme.ORGANISATION,
    seeds=("003",),
    step=Step(phase=Phase.FOUNDATIONS, month=1, hours=3, owner="management", effect=IMAGE_CONSENT_WRITTEN),
)
def image_consent(audit: Audit, context: Context) -> Outcome:
    """Minors in the audience without signed consent forms (critical); no consent asked at all (major)."""
    practice = audit.organisation.image_consent
    minors = audit.client.minors_in_audience
    if practice is None:
        return _not_recorded(context, "image_consent") if minors else []
    if practice is ConsentPractice.WRITTEN or (practice is ConsentPractice.INFORMAL and not minors):
        return []
    evidence = [Evidence("organisation.image_consent", practice)]
    if minors:
        explanation = msg("rule.ORG-IMAGE-CONSENT.explanation_minors", practice=label(practice))
        return [context.finding(explanation, [*evidence, _MINORS])]
    return [
        context.finding(
            msg("rule.ORG-IMAGE-CONSENT.explanation_adults"),
            evidence,
            severity=Severity.MAJOR,
            action=msg("rule.ORG-IMAGE-CONSENT.action_adults"),
        )
    ]


@rule(
    "ORG-SAFEGUARDING",
    severity=Severity.CRITICAL,
    theme=Theme.ORGANISATION,
    seeds=("003",),
    step=Step(phase=Phase.FOUNDATIONS, month=1, hours=4, owner="management", effect=SAFEGUARDING_WRITTEN),
)
def safeguarding(audit: Audit, context: Context) -> Outcome:
    """Minors in the audience and no written procedure for online contact (critical), or a partial one (major)."""
    if not audit.client.minors_in_audience:
        return []
    status = audit.organisation.safeguarding
    if status is None:
        return _not_recorded(context, "safeguarding")
    if status is ComponentStatus.PRESENT:
        return []
    evidence = [Evidence("organisation.safeguarding", status), _MINORS]
    if status is ComponentStatus.ABSENT:
        return [context.finding(msg("rule.ORG-SAFEGUARDING.explanation"), evidence)]
    return [
        context.finding(msg("rule.ORG-SAFEGUARDING.explanation_partial"), evidence, severity=Severity.MAJOR)
    ]
