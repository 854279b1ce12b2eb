"""Rules on indicators (DOMAIN §3): every objective measured, with the lens that fits it."""

from __future__ import annotations

from auditkit.findings import Context, Evidence, Outcome, Severity, Theme, rule
from auditkit.locale import label, msg
from auditkit.locale.formats import short
from auditkit.model import Audit, Lens, ObjectiveKind
from auditkit.rules._common import objective_label
from auditkit.rules.objectives import no_objectives
from auditkit.steps import Phase, Step
from auditkit.steps.effects import FITTING_INDICATOR

ATTENTION_KINDS = frozenset(
    {ObjectiveKind.AWARENESS, ObjectiveKind.LOYALTY, ObjectiveKind.PUBLIC_INFORMATION}
)
"""Objectives judged by return on attention (seed 001: visibility, awareness, loyalty)."""
RETURN_KINDS = frozenset(
    {
        ObjectiveKind.SALES,
        ObjectiveKind.RECRUITMENT,
        ObjectiveKind.FUNDRAISING,
        ObjectiveKind.MEMBERSHIP,
        ObjectiveKind.VOLUNTEER_RECRUITMENT,
    }
)
"""Objectives judged by return on investment (seed 001: sales, sign-ups, recruitment)."""


@rule(
    "KPI-MISSING",
    severity=Severity.MAJOR,
    theme=Theme.INDICATORS,
    seeds=("001",),
    step=Step(
        phase=Phase.FOUNDATIONS,
        month=3,
        hours=1.5,
        hours_each=1,
        owner="strategy_owner",
        after=("OBJ-NOT-SMART",),
        effect=FITTING_INDICATOR,
    ),
)
def missing_indicators(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    return [
        context.finding(
            msg(
                "rule.KPI-MISSING.explanation",
                objective=objective_label(objective),
            ),
            [Evidence(f"objectives.{i}.indicators", [])],
            [objective.id],
            about=short(objective.statement, 60),
        )
        for i, objective in enumerate(audit.objectives)
        if not objective.indicators
    ]


@rule(
    "KPI-LENS-MISMATCH",
    severity=Severity.MAJOR,
    theme=Theme.INDICATORS,
    seeds=("001", "002"),
    step=Step(
        phase=Phase.FOUNDATIONS,
        month=3,
        hours=1,
        hours_each=0.5,
        owner="strategy_owner",
        after=("KPI-MISSING",),
        effect=FITTING_INDICATOR,
    ),
)
def indicator_lens(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    findings = []
    for i, objective in enumerate(audit.objectives):
        lenses = {indicator.lens for indicator in objective.indicators}
        if objective.kind in ATTENTION_KINDS and lenses == {Lens.ROI}:
            explanation = msg(
                "rule.KPI-LENS-MISMATCH.explanation_roi_only",
                kind=label(objective.kind),
                objective=objective_label(objective),
            )
        elif objective.kind in RETURN_KINDS and lenses == {Lens.ROA}:
            explanation = msg(
                "rule.KPI-LENS-MISMATCH.explanation_roa_only",
                kind=label(objective.kind),
                objective=objective_label(objective),
            )
        else:
            continue
        evidence = [Evidence(f"objectives.{i}.kind", objective.kind)] + [
            Evidence(f"objectives.{i}.indicators.{j}.lens", indicator.lens)
            for j, indicator in enumerate(objective.indicators)
        ]
        findings.append(
            context.finding(explanation, evidence, [objective.id], about=short(objective.statement, 60))
        )
    return findings
