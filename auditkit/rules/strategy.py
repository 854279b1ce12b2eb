"""Rules on what a strategy must contain (DOMAIN §6), and on revisiting it.

Each component rule reads ``audit.strategy.components[key]``:

- key absent: the audit does not say, so the rule is not assessed;
- status ``absent``: the rule fires at its severity;
- status ``partial``: the rule fires one step less severe (major becomes minor), because a component
  that exists in part still leaves its essentials to improvisation, but less so than none at all;
- status ``present``: silent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from auditkit.diagnose import Context, Evidence, Outcome, Severity, Theme, rule, say
from auditkit.i18n import Bilingual, short
from auditkit.model import Audit, ComponentStatus, StrategyComponentKey
from auditkit.thresholds import months_between

_STATUS_WORDS = {
    ComponentStatus.ABSENT: Bilingual(en="absent", fr="absent"),
    ComponentStatus.PARTIAL: Bilingual(en="partial", fr="partiel"),
}
_PARTIAL_EXTENT = Bilingual(
    en=": what exists leaves the essentials open", fr=" : ce qui existe laisse l'essentiel en suspens"
)
_MONTHS_NOTE = Bilingual(
    en="threshold in months before the audit date", fr="seuil en mois avant la date de l'audit"
)


@dataclass(frozen=True)
class ComponentRule:
    """A rule that fires when a strategy component is absent or partial."""

    rule_id: str
    key: StrategyComponentKey
    severity: Severity
    seeds: tuple[str, ...]
    title: Bilingual
    name: Bilingual
    """The component with its article, e.g. "the crisis plan" / "le plan de crise"."""
    why: Bilingual
    action: Bilingual


COMPONENT_RULES: tuple[ComponentRule, ...] = (
    ComponentRule(
        "STR-CONTENT-PLAN",
        StrategyComponentKey.CONTENT_PLAN,
        Severity.MAJOR,
        ("004",),
        Bilingual(en="No content plan", fr="Pas de plan de contenus"),
        Bilingual(en="the content plan", fr="le plan de contenus"),
        Bilingual(
            en="Without it every post is improvised: topics repeat, formats never change and nothing ties "
            "the posts to the objectives.",
            fr="Sans lui, chaque publication s'improvise : les sujets se répètent, les formats ne changent "
            "pas et rien ne relie les publications aux objectifs.",
        ),
        Bilingual(
            en="Write a content plan: three to five content pillars tied to the objectives, the formats of "
            "each channel and the monthly themes of the next quarter.",
            fr="Rédiger un plan de contenus : trois à cinq piliers reliés aux objectifs, les formats de "
            "chaque canal et les thèmes mensuels du prochain trimestre.",
        ),
    ),
    ComponentRule(
        "STR-DISTRIBUTION-PLAN",
        StrategyComponentKey.DISTRIBUTION_PLAN,
        Severity.MINOR,
        ("004",),
        Bilingual(en="No distribution plan", fr="Pas de plan de diffusion"),
        Bilingual(en="the distribution plan", fr="le plan de diffusion"),
        Bilingual(
            en="Good content nobody sees serves no objective: the plan says which channel, which day and "
            "which relay (staff, partners, a paid boost) carries each piece to its audience.",
            fr="Un bon contenu que personne ne voit ne sert aucun objectif : le plan dit quel canal, quel "
            "jour et quel relais (salariés, partenaires, publicité) porte chaque contenu vers son public.",
        ),
        Bilingual(
            en="Write down, per type of content, the channels that carry it, the relays (staff, partners, "
            "newsletter) and when a paid boost is worth it.",
            fr="Noter, pour chaque type de contenu, les canaux qui le portent, les relais (salariés, "
            "partenaires, lettre d'information) et quand une mise en avant payante en vaut la peine.",
        ),
    ),
    ComponentRule(
        "STR-BUDGET",
        StrategyComponentKey.BUDGET,
        Severity.MAJOR,
        ("004", "001"),
        Bilingual(en="No budget", fr="Pas de budget"),
        Bilingual(en="the budget", fr="le budget"),
        Bilingual(
            en="Tools, outsourced content and sponsored posts all cost money; without a budget each "
            "expense is negotiated case by case and the plan stalls at the first one.",
            fr="Outils, contenus sous-traités et publications sponsorisées ont tous un coût ; sans budget, "
            "chaque dépense se négocie au cas par cas et le plan s'arrête à la première.",
        ),
        Bilingual(
            en="Set a yearly social media budget split into tools, content production, training and "
            "sponsored campaigns, approved by the sponsor.",
            fr="Fixer un budget annuel des réseaux sociaux réparti entre outils, production de contenus, "
            "formation et campagnes sponsorisées, validé par le commanditaire.",
        ),
    ),
    ComponentRule(
        "STR-CRISIS-PLAN",
        StrategyComponentKey.CRISIS_PLAN,
        Severity.MAJOR,
        ("004", "003"),
        Bilingual(en="No crisis plan", fr="Pas de plan de crise"),
        Bilingual(en="the crisis plan", fr="le plan de crise"),
        Bilingual(
            en="A crisis on social media unfolds in hours; without agreed roles, first messages and "
            "escalation contacts, the first answers are improvised in public.",
            fr="Une crise sur les réseaux sociaux se joue en quelques heures ; sans rôles convenus, "
            "premiers messages et contacts d'escalade, les premières réponses s'improvisent en public.",
        ),
        Bilingual(
            en="Write a one-page crisis plan: what counts as a crisis, who is alerted and decides, holding "
            "statements and who speaks; rehearse it once a year.",
            fr="Rédiger un plan de crise d'une page : ce qui constitue une crise, qui est alerté et "
            "décide, les messages d'attente et qui prend la parole ; l'exercer une fois par an.",
        ),
    ),
    ComponentRule(
        "STR-EXIT-PLAN",
        StrategyComponentKey.EXIT_PLAN,
        Severity.MINOR,
        ("004",),
        Bilingual(en="No exit plan", fr="Pas de plan de sortie"),
        Bilingual(en="the exit plan", fr="le plan de sortie"),
        Bilingual(
            en="Channels and campaigns end; without a plan, accounts are abandoned instead of being closed "
            "or parked, and followers meet silence.",
            fr="Canaux et campagnes ont une fin ; sans plan, les comptes sont abandonnés au lieu d'être "
            "fermés ou mis en veille, et les abonnés trouvent le silence.",
        ),
        Bilingual(
            en="Decide, for each channel, what would make the organisation leave it and how: farewell "
            "message, redirection, archive of the data, handle kept.",
            fr="Décider, pour chaque canal, ce qui conduirait l'organisation à le quitter et comment : "
            "message d'au revoir, redirection, archivage des données, nom de compte conservé.",
        ),
    ),
    ComponentRule(
        "STR-EVALUATION-PLAN",
        StrategyComponentKey.EVALUATION_PLAN,
        Severity.MAJOR,
        ("004",),
        Bilingual(en="No evaluation plan", fr="Pas de plan d'évaluation"),
        Bilingual(en="the evaluation plan", fr="le plan d'évaluation"),
        Bilingual(
            en="Without it nobody settles in advance which figures show success, when they are read and "
            "who acts on them; results end up judged by impression.",
            fr="Sans lui, personne ne fixe à l'avance quels chiffres montrent la réussite, quand ils sont "
            "lus et qui agit en conséquence ; les résultats finissent jugés à l'impression.",
        ),
        Bilingual(
            en="Write the evaluation plan: the indicators of each objective, where they are measured, the "
            "monthly report and the meeting that reads it.",
            fr="Rédiger le plan d'évaluation : les indicateurs de chaque objectif, où ils se mesurent, le "
            "bilan mensuel et la réunion qui l'examine.",
        ),
    ),
    ComponentRule(
        "STR-EDITORIAL-LINE",
        StrategyComponentKey.EDITORIAL_LINE,
        Severity.MAJOR,
        ("001", "000"),
        Bilingual(en="No editorial line", fr="Pas de ligne éditoriale"),
        Bilingual(en="the editorial line", fr="la ligne éditoriale"),
        Bilingual(
            en="The editorial line says what the organisation talks about, in which tone and with which "
            "image; without it the posts sound like different brands and ideas soon run dry.",
            fr="La ligne éditoriale dit de quoi l'organisation parle, sur quel ton et avec quelle image ; "
            "sans elle, les publications semblent venir de marques différentes et les idées s'épuisent vite.",
        ),
        Bilingual(
            en="Write a one-page editorial line: positioning, topics the brand covers and avoids, tone of "
            "voice, visual identity, with two or three example posts.",
            fr="Rédiger une ligne éditoriale d'une page : positionnement, sujets abordés et évités, ton, "
            "identité visuelle, avec deux ou trois exemples de publications.",
        ),
    ),
    ComponentRule(
        "STR-GOVERNANCE",
        StrategyComponentKey.GOVERNANCE,
        Severity.MAJOR,
        ("003",),
        Bilingual(en="No governance", fr="Pas de gouvernance"),
        Bilingual(
            en="the governance (who decides, who approves)", fr="la gouvernance (qui décide, qui valide)"
        ),
        Bilingual(
            en="Someone must decide what is published, who approves it and who arbitrates between "
            "departments; otherwise every request becomes urgent and nobody can say no.",
            fr="Il faut quelqu'un pour décider de ce qui est publié, qui le valide et qui arbitre entre "
            "services ; sinon chaque demande devient urgente et personne ne peut dire non.",
        ),
        Bilingual(
            en="Write down who decides, who approves what (and within which delay) and who arbitrates, "
            "and have the sponsor sign it.",
            fr="Écrire qui décide, qui valide quoi (et dans quel délai) et qui arbitre, et le faire signer "
            "par le commanditaire.",
        ),
    ),
    ComponentRule(
        "STR-POLICY",
        StrategyComponentKey.POLICY,
        Severity.MINOR,
        ("003",),
        Bilingual(en="No social media policy", fr="Pas de charte des réseaux sociaux"),
        Bilingual(en="the social media policy", fr="la charte des réseaux sociaux"),
        Bilingual(
            en="Staff also speak about the organisation on their own accounts; a policy tells them what "
            "is welcome, what is not and whom to ask, which protects both sides.",
            fr="Les salariés parlent aussi de l'organisation sur leurs propres comptes ; une charte leur "
            "dit ce qui est bienvenu, ce qui ne l'est pas et à qui s'adresser, ce qui protège les deux "
            "parties.",
        ),
        Bilingual(
            en="Write a short social media policy for staff (what they may share, confidentiality, how to "
            "react to criticism, whom to alert) and present it to the teams.",
            fr="Rédiger une courte charte pour les salariés (ce qu'ils peuvent partager, confidentialité, "
            "réaction aux critiques, qui alerter) et la présenter aux équipes.",
        ),
    ),
    ComponentRule(
        "STR-OWNERSHIP",
        StrategyComponentKey.OWNERSHIP,
        Severity.MAJOR,
        ("003",),
        Bilingual(
            en="Ownership of accounts and data not settled",
            fr="Propriété des comptes et des données non réglée",
        ),
        Bilingual(
            en="the ownership of accounts, relationships and data",
            fr="la propriété des comptes, des relations et des données",
        ),
        Bilingual(
            en="When an employee or an agency leaves with the passwords, the contacts or the data, the "
            "organisation loses its accounts and its audience's history.",
            fr="Quand un salarié ou une agence part avec les mots de passe, les contacts ou les données, "
            "l'organisation perd ses comptes et l'historique de son audience.",
        ),
        Bilingual(
            en="List every account with its legal owner, at least two administrators on the staff, where "
            "the passwords are kept and who holds the data; align agency contracts with it.",
            fr="Lister chaque compte avec son propriétaire légal, au moins deux administrateurs salariés, "
            "l'endroit où sont gardés les mots de passe et le détenteur des données ; aligner les "
            "contrats d'agence en conséquence.",
        ),
    ),
    ComponentRule(
        "STR-MODERATION",
        StrategyComponentKey.MODERATION,
        Severity.MINOR,
        ("003",),
        Bilingual(en="No moderation guidelines", fr="Pas de règles de modération"),
        Bilingual(
            en="the comment and community-management guidelines",
            fr="les règles de modération et d'animation de communauté",
        ),
        Bilingual(
            en="Without rules for comments each answer or deletion is improvised; inconsistency reads as "
            "unfairness, and a deleted critic can start a crisis.",
            fr="Sans règles pour les commentaires, chaque réponse ou suppression s'improvise ; "
            "l'incohérence passe pour de l'injustice, et un critique censuré peut déclencher une crise.",
        ),
        Bilingual(
            en="Write comment guidelines: what is answered, hidden or deleted, answer times, tone, and when "
            "to move a conversation to private messages; publish a short version on the pages.",
            fr="Rédiger des règles de modération : ce qui reçoit une réponse, est masqué ou supprimé, les "
            "délais, le ton, et quand passer en message privé ; en publier une version courte sur les pages.",
        ),
    ),
    ComponentRule(
        "STR-CALENDAR",
        StrategyComponentKey.CALENDAR,
        Severity.MAJOR,
        ("003", "000"),
        Bilingual(en="No editorial calendar", fr="Pas de calendrier éditorial"),
        Bilingual(
            en="the editorial calendar and publishing schedule",
            fr="le calendrier éditorial et de publication",
        ),
        Bilingual(
            en="Without a calendar, posts are decided on the day they go out: the presence turns sporadic "
            "and events are promoted too late.",
            fr="Sans calendrier, les publications se décident le jour même : la présence devient "
            "sporadique et les événements sont annoncés trop tard.",
        ),
        Bilingual(
            en="Set up a shared editorial calendar for the next two months, with the known events, their "
            "teaser dates and a weekly publishing schedule.",
            fr="Mettre en place un calendrier éditorial partagé pour les deux prochains mois, avec les "
            "événements connus, leurs dates d'annonce et un rythme de publication hebdomadaire.",
        ),
    ),
    ComponentRule(
        "STR-MONITORING",
        StrategyComponentKey.MONITORING,
        Severity.MINOR,
        ("003",),
        Bilingual(en="No set time to monitor and react", fr="Pas de créneaux de veille"),
        Bilingual(en="the monitoring slots", fr="les créneaux de veille et de réaction"),
        Bilingual(
            en="Monitoring and answering fit in set slots; without them listening is either forgotten or "
            "swallows the whole day.",
            fr="La veille et les réponses tiennent dans des créneaux fixes ; sans eux, l'écoute est soit "
            "oubliée, soit dévore la journée entière.",
        ),
        Bilingual(
            en="Block daily or weekly slots to read mentions, comments and messages and to answer them, "
            "with a tool that gathers them in one place.",
            fr="Réserver des créneaux quotidiens ou hebdomadaires pour lire mentions, commentaires et "
            "messages et y répondre, avec un outil qui les rassemble en un seul endroit.",
        ),
    ),
)
"""The component rules, in catalogue order."""


def _component_check(entry: ComponentRule) -> Callable[[Audit, Context], Outcome]:
    def check(audit: Audit, context: Context) -> Outcome:
        component = context.component(entry.key)
        path = f"strategy.components.{entry.key.value}"
        if component is None:
            return context.not_assessed(
                (path,),
                say(
                    "The audit does not record the state of {name}.",
                    "L'audit ne renseigne pas ce point : {name}.",
                    name=entry.name,
                ),
            )
        if component.status is ComponentStatus.PRESENT:
            return []
        partial = component.status is ComponentStatus.PARTIAL
        explanation = say(
            "The audit records {name} as '{status}'{extent}. {why}",
            "Statut noté dans l'audit pour {name} : « {status} »{extent}. {why}",
            name=entry.name,
            status=_STATUS_WORDS[component.status],
            extent=_PARTIAL_EXTENT if partial else "",
            why=entry.why,
        )
        if component.note.strip():
            explanation = say(
                "{text} Note: “{note}”",
                "{text} Note : « {note} »",
                text=explanation,
                note=short(component.note, 160),
            )
        evidence = [Evidence(f"{path}.status", component.status)]
        if component.note.strip():
            evidence.append(Evidence(f"{path}.note", component.note))
        return [
            context.finding(explanation, evidence, severity=entry.severity.lowered() if partial else None)
        ]

    check.__name__ = check.__qualname__ = f"check_{entry.key.value}"
    check.__doc__ = f"Rule {entry.rule_id}: the strategy component '{entry.key.value}' is absent or partial."
    return check


for _entry in COMPONENT_RULES:
    rule(
        _entry.rule_id,
        severity=_entry.severity,
        theme=Theme.STRATEGY,
        seeds=_entry.seeds,
        title=_entry.title,
        condition=say(
            "The strategy component '{key}' is recorded as absent (or partial: one step less severe).",
            "Le volet de stratégie « {key} » est noté absent (ou partiel : un cran moins grave).",
            key=_entry.key.value,
        ),
        action=_entry.action,
    )(_component_check(_entry))


@rule(
    "STR-REVIEW",
    severity=Severity.MINOR,
    theme=Theme.STRATEGY,
    seeds=("004",),
    title=Bilingual(en="Strategy not revisited recently", fr="Stratégie non revue récemment"),
    condition=Bilingual(
        en="The strategy was last reviewed more than review_months (6) months before the audit date.",
        fr="La stratégie a été revue pour la dernière fois plus de review_months (6) mois avant la date "
        "de l'audit.",
    ),
    action=Bilingual(
        en="Put a monthly strategy review in the calendar (one hour: the figures of the month, what "
        "worked, what changes) and a deeper review each quarter.",
        fr="Inscrire au calendrier une revue mensuelle de la stratégie (une heure : les chiffres du mois, "
        "ce qui a marché, ce qui change) et une revue approfondie chaque trimestre.",
    ),
    thresholds=("review_months",),
)
def stale_strategy(audit: Audit, context: Context) -> Outcome:
    reviewed = audit.strategy.last_reviewed
    if reviewed is None:
        return context.not_assessed(
            ("strategy.last_reviewed",),
            Bilingual(
                en="The date of the strategy's last review is not recorded.",
                fr="La date de la dernière revue de la stratégie n'est pas renseignée.",
            ),
        )
    limit = context.thresholds["review_months"]
    months = months_between(reviewed, context.today)
    if months <= limit:
        return []
    return [
        context.finding(
            say(
                "The strategy was last revisited on {reviewed}, about {months} months before the audit "
                "(threshold: {limit} months). The method asks for a review about every month, watching how the "
                "audience responds; platforms, audiences and the team have all moved since.",
                "La stratégie a été revue pour la dernière fois le {reviewed}, environ {months} mois avant "
                "l'audit (seuil : {limit} mois). La méthode demande de la revoir à peu près chaque mois, en "
                "observant la réaction du public ; plateformes, publics et équipe ont évolué depuis.",
                reviewed=reviewed,
                months=round(months),
                limit=limit,
            ),
            [Evidence("strategy.last_reviewed", reviewed, threshold=limit, note=_MONTHS_NOTE)],
        )
    ]
