"""Rules on objectives (DOMAIN §2): defined, few, one primary, SMART, each served by a channel."""

from __future__ import annotations

from auditkit.diagnose import Context, Evidence, Finding, Outcome, Severity, Theme, rule, say
from auditkit.i18n import Bilingual, short
from auditkit.model import Audit
from auditkit.rules._common import objective_label

_NO_OBJECTIVES = Bilingual(
    en="No objective is defined yet, so there is nothing to check (rule OBJ-NONE fires instead).",
    fr="Aucun objectif n'est encore défini : il n'y a rien à vérifier (la règle OBJ-NONE se déclenche).",
)

_SERVED_NOTE = Bilingual(
    en="objectives served by the active channels", fr="objectifs servis par les canaux actifs"
)


def no_objectives(context: Context) -> Outcome:
    """The not-assessed answer of a rule about objectives when the audit has none."""
    return context.not_assessed(("objectives",), _NO_OBJECTIVES)


@rule(
    "OBJ-NONE",
    severity=Severity.CRITICAL,
    theme=Theme.OBJECTIVES,
    seeds=("001", "003"),
    title=Bilingual(en="No objective defined", fr="Aucun objectif défini"),
    condition=Bilingual(en="The audit lists no objective.", fr="L'audit ne mentionne aucun objectif."),
    action=Bilingual(
        en="Run a short workshop with the decision makers to write one to three SMART objectives tied to "
        "business goals, name the primary one, and only then decide which channels to keep.",
        fr="Organiser un court atelier avec les décideurs pour rédiger un à trois objectifs SMART reliés aux "
        "objectifs de l'entreprise, désigner le principal, et seulement ensuite choisir les canaux à garder.",
    ),
)
def objective_missing(audit: Audit, context: Context) -> Outcome:
    if audit.objectives:
        return []
    return [
        context.finding(
            say(
                "The audit file lists no objective. Social media is a means, not an end: without a stated "
                "goal no channel, post or figure can be judged useful, and the effort follows whatever is "
                "urgent that week.",
                "Le fichier d'audit ne mentionne aucun objectif. Les réseaux sociaux sont un moyen, pas une "
                "fin : sans but énoncé, aucun canal, aucune publication, aucun chiffre ne peut être jugé "
                "utile, et l'effort suit l'urgence de la semaine.",
            ),
            [Evidence("objectives", [])],
        )
    ]


@rule(
    "OBJ-TOO-MANY",
    severity=Severity.MINOR,
    theme=Theme.OBJECTIVES,
    seeds=("003",),
    title=Bilingual(en="Too many objectives", fr="Trop d'objectifs"),
    condition=Bilingual(
        en="More objectives than objectives_max (3).",
        fr="Plus d'objectifs que objectives_max (3).",
    ),
    action=Bilingual(
        en="Keep the objectives that serve the business most (at most three), merge or drop the others, "
        "and record why each dropped one waits.",
        fr="Garder les objectifs qui servent le plus l'activité (trois au plus), fusionner ou abandonner "
        "les autres, et noter pourquoi chacun de ceux écartés attend.",
    ),
    thresholds=("objectives_max",),
)
def too_many_objectives(audit: Audit, context: Context) -> Outcome:
    limit = context.thresholds["objectives_max"]
    count = len(audit.objectives)
    if count <= limit:
        return []
    return [
        context.finding(
            say(
                "The strategy pursues {count} objectives where the method advises at most {limit}. Each "
                "extra objective splits the same hours and budget, and the team can no longer tell which "
                "one matters when they compete.",
                "La stratégie poursuit {count} objectifs quand la méthode en conseille {limit} au plus. "
                "Chaque objectif de plus partage les mêmes heures et le même budget, et l'équipe ne sait "
                "plus lequel compte quand ils se concurrencent.",
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
    title=Bilingual(en="No single primary objective", fr="Pas d'objectif principal unique"),
    condition=Bilingual(
        en="The objectives do not have exactly one marked primary.",
        fr="Les objectifs n'en comptent pas exactement un marqué comme principal.",
    ),
    action=Bilingual(
        en="Have the sponsor choose the one objective that wins when priorities conflict and mark it "
        "primary; the others become secondary.",
        fr="Faire choisir par le commanditaire l'objectif qui l'emporte en cas de conflit de priorités et "
        "le marquer comme principal ; les autres deviennent secondaires.",
    ),
)
def primary_objective(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    primary = [o.id for o in audit.objectives if o.primary]
    if len(primary) == 1:
        return []
    if primary:
        explanation = say(
            "{count} objectives are marked primary ({ids}). A primary objective is the one that wins a "
            "conflict of priorities; with several, every trade-off goes back to a debate.",
            "{count} objectifs sont marqués comme principaux ({ids}). L'objectif principal est celui qui "
            "tranche les conflits de priorités ; s'il y en a plusieurs, chaque arbitrage redevient un débat.",
            count=len(primary),
            ids=primary,
        )
    else:
        explanation = say(
            "None of the {count} objectives is marked primary. When two objectives compete for the same "
            "hours or the same post, nothing says which one wins.",
            "Aucun des {count} objectifs n'est marqué comme principal. Quand deux objectifs se disputent les "
            "mêmes heures ou la même publication, rien ne dit lequel l'emporte.",
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
    title=Bilingual(en="Objective not SMART", fr="Objectif non SMART"),
    condition=Bilingual(
        en="An objective lacks a target value, a baseline or a deadline, or its deadline is already past "
        "on the audit date.",
        fr="Un objectif n'a pas de valeur cible, pas de point de départ ou pas d'échéance, ou son échéance "
        "est déjà passée à la date de l'audit.",
    ),
    action=Bilingual(
        en="Rewrite the objective with its metric, today's value (baseline), the value aimed at and the "
        "date it is due, e.g. 'from 40 to 120 online orders a month by 30 June'.",
        fr="Réécrire l'objectif avec son indicateur, sa valeur actuelle (point de départ), la valeur visée "
        "et la date d'échéance, par exemple « passer de 40 à 120 commandes en ligne par mois d'ici le "
        "30 juin ».",
    ),
)
def smart_objectives(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    findings: list[Finding] = []
    for i, objective in enumerate(audit.objectives):
        lacking: list[Bilingual] = []
        evidence: list[Evidence] = []
        if objective.target is None:
            lacking.append(Bilingual(en="a target value", fr="une valeur cible"))
            evidence.append(Evidence(f"objectives.{i}.target", None))
        if objective.baseline is None:
            lacking.append(Bilingual(en="a baseline", fr="un point de départ"))
            evidence.append(Evidence(f"objectives.{i}.baseline", None))
        if objective.deadline is None:
            lacking.append(Bilingual(en="a deadline", fr="une échéance"))
            evidence.append(Evidence(f"objectives.{i}.deadline", None))
        elif objective.deadline < context.today:
            lacking.append(
                say(
                    "a deadline still ahead (it passed on {deadline})",
                    "une échéance encore à venir (elle est passée le {deadline})",
                    deadline=objective.deadline,
                )
            )
            evidence.append(Evidence(f"objectives.{i}.deadline", objective.deadline, threshold=context.today))
        if not lacking:
            continue
        findings.append(
            context.finding(
                say(
                    "The objective '{statement}' lacks {lacking}. Without them nobody can say whether it "
                    "was reached, so neither the channels nor the team can be judged against it.",
                    "Il manque à l'objectif « {statement} » {lacking}. Sans cela, personne ne peut dire "
                    "s'il est atteint, ni juger les canaux ou l'équipe à son aune.",
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
    title=Bilingual(en="Objective served by no channel", fr="Objectif servi par aucun canal"),
    condition=Bilingual(
        en="No active channel (social or traditional) lists the objective among those it serves.",
        fr="Aucun canal actif (social ou traditionnel) ne compte l'objectif parmi ceux qu'il sert.",
    ),
    action=Bilingual(
        en="Decide which channel carries this objective (an existing one, or a new one chosen where its "
        "audience is) and give it the objective, or drop the objective explicitly.",
        fr="Décider quel canal porte cet objectif (un canal existant, ou un nouveau choisi là où se trouve "
        "son public) et le lui attribuer, ou abandonner l'objectif de façon explicite.",
    ),
)
def orphan_objectives(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    served = {objective_id for _, channel in context.active for objective_id in channel.objectives}
    return [
        context.finding(
            say(
                "No active channel serves the objective {objective}. An objective nobody works on is a "
                "wish: it will not move, and the channels' effort goes to other things.",
                "Aucun canal actif ne sert l'objectif {objective}. Un objectif sur lequel personne ne "
                "travaille reste un vœu : il n'avancera pas, et l'effort des canaux va ailleurs.",
                objective=objective_label(objective),
            ),
            [Evidence("channels.*.objectives", sorted(served), note=_SERVED_NOTE)],
            [objective.id],
            about=short(objective.statement, 60),
        )
        for objective in audit.objectives
        if objective.id not in served
    ]
