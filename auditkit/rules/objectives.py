"""Rules on objectives (DOMAIN §2): defined, few, one primary, SMART, each served by a channel."""

from __future__ import annotations

from auditkit.findings import Context, Evidence, Finding, Outcome, Severity, Theme, rule
from auditkit.locale import Message, msg
from auditkit.locale.formats import short
from auditkit.model import Audit
from auditkit.rules._common import objective_label
from auditkit.steps import Phase, Step
from auditkit.steps.effects import (
    KEEP_OBJECTIVES,
    MAKE_SMART,
    ONE_PRIMARY,
)

_NO_OBJECTIVES = msg("rule.objectives.no_objectives")

_SERVED_NOTE = msg("rule.objectives.served_note")


def no_objectives(context: Context) -> Outcome:
    """The not-assessed answer of a rule about objectives when the audit has none."""
    return context.not_assessed(("objectives",), _NO_OBJECTIVES)


@rule(
    "OBJ-NONE",
    severity=Severity.CRITICAL,
    theme=Theme.OBJECTIVES,
    seeds=("001", "003"),
    step=Step(phase=Phase.FOUNDATIONS, month=1, hours=6, owner="strategy_owner", after=("ORG-NO-SPONSOR",)),
)
def objective_missing(audit: Audit, context: Context) -> Outcome:
    if audit.objectives:
        return []
    return [
        context.finding(
            msg("rule.OBJ-NONE.explanation"),
            [Evidence("objectives", [])],
        )
    ]


@rule(
    "OBJ-TOO-MANY",
    severity=Severity.MINOR,
    theme=Theme.OBJECTIVES,
    seeds=("003",),
    thresholds=("objectives_max",),
    step=Step(
        phase=Phase.FOUNDATIONS,
        month=1,
        hours=3,
        owner="strategy_owner",
        after=("ORG-NO-SPONSOR",),
        effect=KEEP_OBJECTIVES,
    ),
)
def too_many_objectives(audit: Audit, context: Context) -> Outcome:
    limit = context.thresholds["objectives_max"]
    count = len(audit.objectives)
    if count <= limit:
        return []
    return [
        context.finding(
            msg(
                "rule.OBJ-TOO-MANY.explanation",
                count=count,
                limit=limit,
            ),
            [Evidence("objectives", [o.id for o in audit.objectives], threshold=limit)],
            [o.id for o in audit.objectives],
        )
    ]


@rule(
    "OBJ-NO-PRIMARY",
    severity=Severity.MINOR,
    theme=Theme.OBJECTIVES,
    seeds=("003",),
    step=Step(
        phase=Phase.FOUNDATIONS,
        month=1,
        hours=1,
        owner="management",
        after=("OBJ-NONE", "OBJ-TOO-MANY"),
        effect=ONE_PRIMARY,
        joins=("OBJ-TOO-MANY", "OBJ-NONE"),
    ),
)
def primary_objective(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    primary = [o.id for o in audit.objectives if o.primary]
    if len(primary) == 1:
        return []
    if primary:
        explanation = msg(
            "rule.OBJ-NO-PRIMARY.explanation_several",
            count=len(primary),
            ids=primary,
        )
    else:
        explanation = msg(
            "rule.OBJ-NO-PRIMARY.explanation_none",
            count=len(audit.objectives),
        )
    evidence = [
        Evidence(f"objectives.{i}.primary", o.primary, threshold=1) for i, o in enumerate(audit.objectives)
    ]
    return [context.finding(explanation, evidence, primary or [o.id for o in audit.objectives])]


@rule(
    "OBJ-NOT-SMART",
    severity=Severity.MAJOR,
    theme=Theme.OBJECTIVES,
    seeds=("003",),
    step=Step(
        phase=Phase.FOUNDATIONS,
        month=1,
        hours=1.5,
        hours_each=1,
        owner="strategy_owner",
        after=("OBJ-NONE", "OBJ-TOO-MANY"),
        effect=MAKE_SMART,
    ),
)
def smart_objectives(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    findings: list[Finding] = []
    for i, objective in enumerate(audit.objectives):
        lacking: list[Message] = []
        evidence: list[Evidence] = []
        if objective.target is None:
            lacking.append(msg("rule.OBJ-NOT-SMART.lacks_target"))
            evidence.append(Evidence(f"objectives.{i}.target", None))
        if objective.baseline is None:
            lacking.append(msg("rule.OBJ-NOT-SMART.lacks_baseline"))
            evidence.append(Evidence(f"objectives.{i}.baseline", None))
        if objective.deadline is None:
            lacking.append(msg("rule.OBJ-NOT-SMART.lacks_deadline"))
            evidence.append(Evidence(f"objectives.{i}.deadline", None))
        elif objective.deadline < context.today:
            lacking.append(
                msg(
                    "rule.OBJ-NOT-SMART.deadline_passed",
                    deadline=objective.deadline,
                )
            )
            evidence.append(Evidence(f"objectives.{i}.deadline", objective.deadline, threshold=context.today))
        if not lacking:
            continue
        findings.append(
            context.finding(
                msg(
                    "rule.OBJ-NOT-SMART.explanation",
                    statement=short(objective.statement, 80),
                    lacking=lacking,
                ),
                evidence,
                [objective.id],
                about=short(objective.statement, 60),
            )
        )
    return findings


@rule(
    "OBJ-ORPHAN",
    severity=Severity.MAJOR,
    theme=Theme.OBJECTIVES,
    seeds=("001",),
    step=Step(
        phase=Phase.PLANNING,
        month=3,
        hours=2,
        hours_each=1,
        owner="strategy_owner",
        after=("OBJ-NOT-SMART", "ENV-NO-STAKEHOLDERS", "REC-CLOSE"),
    ),
)
def orphan_objectives(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    served = {objective_id for _, channel in context.active for objective_id in channel.objectives}
    return [
        context.finding(
            msg(
                "rule.OBJ-ORPHAN.explanation",
                objective=objective_label(objective),
            ),
            [Evidence("channels.*.objectives", sorted(served), note=_SERVED_NOTE)],
            [objective.id],
            about=short(objective.statement, 60),
        )
        for objective in audit.objectives
        if objective.id not in served
    ]
