"""Rules on indicators (DOMAIN §3): every objective measured, with the lens that fits it."""

from __future__ import annotations

from auditkit.diagnose import Context, Evidence, Outcome, Severity, Theme, rule, say
from auditkit.i18n import Bilingual, short
from auditkit.model import Audit, Lens, ObjectiveKind
from auditkit.rules._common import OBJECTIVE_KINDS, objective_label
from auditkit.rules.objectives import no_objectives

ATTENTION_KINDS = frozenset({ObjectiveKind.AWARENESS, ObjectiveKind.LOYALTY})
"""Objectives judged by return on attention (seed 001: visibility, awareness, loyalty)."""
RETURN_KINDS = frozenset({ObjectiveKind.SALES, ObjectiveKind.RECRUITMENT})
"""Objectives judged by return on investment (seed 001: sales, sign-ups, recruitment)."""


@rule(
    "KPI-MISSING",
    severity=Severity.MAJOR,
    theme=Theme.INDICATORS,
    seeds=("001",),
    title=Bilingual(en="Objective without an indicator", fr="Objectif sans indicateur"),
    condition=Bilingual(en="An objective has no indicator.", fr="Un objectif n'a aucun indicateur."),
    action=Bilingual(
        en="Give the objective one or two indicators with the lens that fits it (ROI for sales or hires, "
        "ROA for awareness or loyalty, RONI when nothing else fits) and say where each is measured.",
        fr="Donner à l'objectif un ou deux indicateurs avec l'angle qui lui convient (ROI pour les ventes "
        "ou les recrutements, ROA pour la notoriété ou la fidélisation, RONI quand rien d'autre ne "
        "convient) et préciser où chacun se mesure.",
    ),
)
def missing_indicators(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    return [
        context.finding(
            say(
                "The objective {objective} has no indicator. Nobody will be able to show whether the "
                "channels moved it, and the reporting will fall back on follower counts.",
                "L'objectif {objective} n'a aucun indicateur. Personne ne pourra montrer si les canaux "
                "l'ont fait avancer, et le suivi se rabattra sur le nombre d'abonnés.",
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
    title=Bilingual(en="Indicator lens does not fit the objective", fr="Angle de mesure inadapté"),
    condition=Bilingual(
        en="An awareness or loyalty objective is measured by ROI indicators only, or a sales or "
        "recruitment objective by ROA (attention) indicators only.",
        fr="Un objectif de notoriété ou de fidélisation n'est mesuré que par des indicateurs de ROI, ou un "
        "objectif de vente ou de recrutement que par des indicateurs de ROA (attention).",
    ),
    action=Bilingual(
        en="Add an indicator with the fitting lens: reach, traffic from social links or engagement for "
        "awareness and loyalty; orders, sign-ups or hires traced to social media for sales and "
        "recruitment.",
        fr="Ajouter un indicateur avec l'angle adapté : portée, trafic issu des liens sociaux ou engagement "
        "pour la notoriété et la fidélisation ; commandes, inscriptions ou embauches attribuées aux "
        "réseaux sociaux pour les ventes et le recrutement.",
    ),
)
def indicator_lens(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    findings = []
    for i, objective in enumerate(audit.objectives):
        lenses = {indicator.lens for indicator in objective.indicators}
        if objective.kind in ATTENTION_KINDS and lenses == {Lens.ROI}:
            explanation = say(
                "The {kind} objective {objective} is measured by return on investment only. Attention "
                "builds slowly and rarely turns into a sale you can trace, so a ROI-only view will call a "
                "working channel a failure; reach, traffic and engagement (ROA) show whether it works.",
                "L'objectif de {kind} {objective} n'est mesuré que par le retour sur investissement. "
                "L'attention se construit lentement et se traduit rarement par une vente traçable : un "
                "suivi en ROI seul jugera en échec un canal qui fonctionne ; portée, trafic et engagement "
                "(ROA) montrent s'il porte ses fruits.",
                kind=OBJECTIVE_KINDS[objective.kind],
                objective=objective_label(objective),
            )
        elif objective.kind in RETURN_KINDS and lenses == {Lens.ROA}:
            explanation = say(
                "The {kind} objective {objective} is measured by attention metrics only. Likes and reach "
                "do not pay salaries or fill posts: without orders, sign-ups or hires traced to social "
                "media, nobody knows whether the objective is met.",
                "L'objectif de {kind} {objective} n'est mesuré que par des indicateurs d'attention. "
                "Les mentions « j'aime » et la portée ne remplissent ni le carnet de commandes ni les "
                "postes : sans commandes, inscriptions ou embauches attribuées aux réseaux sociaux, "
                "personne ne sait si l'objectif est atteint.",
                kind=OBJECTIVE_KINDS[objective.kind],
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
