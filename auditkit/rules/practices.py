"""Rules on the four classic errors of seed 000 (DOMAIN §8): urgency, calendar, inspiration, measuring."""

from __future__ import annotations

import math

from auditkit.diagnose import Context, Evidence, Finding, Outcome, Severity, Theme, rule, say
from auditkit.i18n import Bilingual
from auditkit.model import Audit, Cadence, ComponentStatus, StrategyComponentKey
from auditkit.rules._common import channel_label, gaps

REPORTING_INTERVAL_DAYS: dict[Cadence, float] = {
    Cadence.WEEKLY: 7,
    Cadence.MONTHLY: 31,
    Cadence.QUARTERLY: 92,
    Cadence.YEARLY: 365,
    Cadence.AD_HOC: math.inf,
    Cadence.NEVER: math.inf,
}
"""Longest interval between two reports, in days, for each reporting cadence."""

_CADENCE_WORDS = {
    Cadence.WEEKLY: Bilingual(en="weekly", fr="hebdomadaire"),
    Cadence.MONTHLY: Bilingual(en="monthly", fr="mensuel"),
    Cadence.QUARTERLY: Bilingual(en="quarterly", fr="trimestriel"),
    Cadence.YEARLY: Bilingual(en="yearly", fr="annuel"),
    Cadence.AD_HOC: Bilingual(en="ad hoc", fr="ponctuel"),
    Cadence.NEVER: Bilingual(en="never", fr="jamais"),
}
_LINE_STATUS = {
    ComponentStatus.ABSENT: Bilingual(en="missing", fr="absente"),
    ComponentStatus.PARTIAL: Bilingual(en="only partly written", fr="seulement ébauchée"),
}


@rule(
    "ERR-URGENCY",
    severity=Severity.MAJOR,
    theme=Theme.PRACTICES,
    seeds=("000",),
    title=Bilingual(en="Working in urgency", fr="Travail dans l'urgence"),
    condition=Bilingual(
        en="The usual publishing lead time is under lead_time_days (7) days.",
        fr="Le délai de publication habituel est inférieur à lead_time_days (7) jours.",
    ),
    action=Bilingual(
        en="Agree with the other departments on a request form and a minimum lead time (two weeks for an "
        "event, with a teaser phase), and plan known events in the editorial calendar a quarter ahead.",
        fr="Convenir avec les autres services d'un formulaire de demande et d'un délai minimal (deux "
        "semaines pour un événement, avec une phase d'annonce), et inscrire les événements connus au "
        "calendrier éditorial un trimestre à l'avance.",
    ),
    thresholds=("lead_time_days",),
)
def urgency(audit: Audit, context: Context) -> Outcome:
    lead_time = audit.organisation.publishing_lead_time_days
    if lead_time is None:
        return context.not_assessed(
            ("organisation.publishing_lead_time_days",),
            Bilingual(
                en="The usual publishing lead time is not recorded.",
                fr="Le délai de publication habituel n'est pas renseigné.",
            ),
        )
    limit = context.thresholds["lead_time_days"]
    if lead_time >= limit:
        return []
    return [
        context.finding(
            say(
                "Requests usually reach the social media team {days} days before publication (threshold: "
                "{limit}). Posting about an event two days before it cannot fill it: there is no time for a "
                "teaser phase, nor for content that rests on the strategy rather than on the deadline.",
                "Les demandes arrivent en général à l'équipe {days} jours avant la publication (seuil : "
                "{limit}). Annoncer un événement deux jours avant ne le remplira pas : il ne reste le temps "
                "ni d'une phase d'annonce, ni d'un contenu qui s'appuie sur la stratégie plutôt que sur "
                "l'échéance.",
                days=lead_time,
                limit=limit,
            ),
            [Evidence("organisation.publishing_lead_time_days", lead_time, threshold=limit)],
        )
    ]


@rule(
    "ERR-CALENDAR-NOT-STRATEGY",
    severity=Severity.MAJOR,
    theme=Theme.PRACTICES,
    seeds=("000",),
    title=Bilingual(en="A post calendar mistaken for a strategy", fr="Un calendrier pris pour une stratégie"),
    condition=Bilingual(
        en="An editorial calendar exists (present or partial) but one of these is missing: stakeholders, "
        "priority networks (an active social channel serving an objective), content pillars, indicators.",
        fr="Un calendrier éditorial existe (présent ou partiel) mais l'un de ces éléments manque : parties "
        "prenantes, réseaux prioritaires (un canal social actif au service d'un objectif), piliers de "
        "contenus, indicateurs.",
    ),
    action=Bilingual(
        en="Keep the calendar, and build the strategy behind it: the audiences, the priority networks, "
        "three to five content pillars and the indicators; then fill the calendar from the pillars.",
        fr="Garder le calendrier, et construire la stratégie qui doit le porter : les publics, les réseaux "
        "prioritaires, trois à cinq piliers de contenus et les indicateurs ; puis remplir le calendrier à "
        "partir des piliers.",
    ),
)
def calendar_not_strategy(audit: Audit, context: Context) -> Outcome:
    calendar = context.component(StrategyComponentKey.CALENDAR)
    if calendar is None:
        return context.not_assessed(
            ("strategy.components.calendar",),
            Bilingual(
                en="The audit does not say whether there is an editorial calendar.",
                fr="L'audit ne dit pas s'il existe un calendrier éditorial.",
            ),
        )
    if calendar.status is ComponentStatus.ABSENT:
        return []
    lacking: list[Bilingual] = []
    evidence = [Evidence("strategy.components.calendar.status", calendar.status)]
    if not audit.stakeholders:
        lacking.append(Bilingual(en="no target audience", fr="aucun public cible"))
        evidence.append(Evidence("stakeholders", []))
    if not any(channel.objectives for _, channel in context.active_social):
        lacking.append(Bilingual(en="no priority network", fr="aucun réseau prioritaire"))
        evidence.append(
            Evidence(
                "channels",
                [channel.id for _, channel in context.active_social],
                note=Bilingual(
                    en="active social channels; none serves an objective",
                    fr="canaux sociaux actifs ; aucun ne sert un objectif",
                ),
            )
        )
    pillars = context.component(StrategyComponentKey.CONTENT_PILLARS)
    if pillars is not None and pillars.status is ComponentStatus.ABSENT:
        lacking.append(Bilingual(en="no content pillars", fr="aucun pilier de contenus"))
        evidence.append(Evidence("strategy.components.content_pillars.status", pillars.status))
    if not any(objective.indicators for objective in audit.objectives):
        lacking.append(Bilingual(en="no indicator", fr="aucun indicateur"))
        evidence.append(Evidence("objectives.*.indicators", []))
    if not lacking:
        if pillars is None:
            return context.not_assessed(
                ("strategy.components.content_pillars",),
                Bilingual(
                    en="A calendar exists; whether content pillars stand behind it is not recorded.",
                    fr="Un calendrier existe ; on ignore si des piliers de contenus le soutiennent.",
                ),
            )
        return []
    return [
        context.finding(
            say(
                "There is an editorial calendar, but the strategy behind it is missing: {lacking}. A list of post ideas is useful, "
                "but it is not a strategy: without knowing whom to reach, where, on which pillars and how "
                "success is measured, the posts are planned and still aimless.",
                "Un calendrier éditorial existe, mais la stratégie qui devrait le porter manque : {lacking}. Une liste d'idées de "
                "publications est utile, mais ce n'est pas une stratégie : sans savoir qui toucher, où, "
                "sur quels piliers et comment mesurer la réussite, les publications sont planifiées mais "
                "sans cap.",
                lacking=lacking,
            ),
            evidence,
        )
    ]


@rule(
    "ERR-INSPIRATION",
    severity=Severity.MINOR,
    theme=Theme.PRACTICES,
    seeds=("000",),
    title=Bilingual(
        en="“Lacking inspiration”: no editorial line", fr="« Manque d'inspiration » : pas de ligne éditoriale"
    ),
    condition=Bilingual(
        en="The editorial line is absent (or partial: one step less severe) while active social channels "
        "post at most inspiration_posts_per_week (2) times a week.",
        fr="La ligne éditoriale est absente (ou partielle : un cran moins grave) alors que des canaux "
        "sociaux actifs publient au plus inspiration_posts_per_week (2) fois par semaine.",
    ),
    action=Bilingual(
        en="Work on positioning before looking for ideas: what the brand wants to say, which problems it "
        "answers, which world it invites its audience into; then derive a month of topics from it.",
        fr="Travailler le positionnement avant de chercher des idées : ce que la marque veut dire, à quels "
        "problèmes elle répond, dans quel univers elle embarque son public ; puis en tirer un mois de sujets.",
    ),
    thresholds=("inspiration_posts_per_week",),
)
def inspiration(audit: Audit, context: Context) -> Outcome:
    line = context.component(StrategyComponentKey.EDITORIAL_LINE)
    if line is None:
        return context.not_assessed(
            ("strategy.components.editorial_line",),
            Bilingual(
                en="The audit does not say whether there is an editorial line.",
                fr="L'audit ne dit pas s'il existe une ligne éditoriale.",
            ),
        )
    if line.status is ComponentStatus.PRESENT or not context.active_social:
        return []
    limit = context.thresholds["inspiration_posts_per_week"]
    slow = [
        (i, channel)
        for i, channel in context.active_social
        if channel.posts_per_week is not None and 0 < channel.posts_per_week <= limit
    ]
    unknown = [(i, channel) for i, channel in context.active_social if channel.posts_per_week is None]
    reason = Bilingual(
        en="The posting rhythm of these active social channels is not recorded.",
        fr="Le rythme de publication de ces canaux sociaux actifs n'est pas renseigné.",
    )
    missing = [f"channels.{i}.posts_per_week" for i, _ in unknown]
    subjects = [channel.id for _, channel in unknown]
    findings: list[Finding] = []
    if slow:
        findings.append(
            context.finding(
                say(
                    "{channels} post at most {limit} times a week, and the editorial line is {status}. At "
                    "that rhythm, not knowing what to post is not a lack of inspiration: it shows the "
                    "positioning, the topics and the way to speak to the audience were never worked out.",
                    "{channels} publient au plus {limit} fois par semaine, et la ligne éditoriale est "
                    "{status}. À ce rythme, ne pas savoir quoi publier n'est pas un manque d'inspiration : "
                    "cela montre que le positionnement, les sujets et la façon de parler au public n'ont "
                    "jamais été travaillés.",
                    channels=[channel_label(channel) for _, channel in slow],
                    limit=limit,
                    status=_LINE_STATUS[line.status],
                ),
                [Evidence("strategy.components.editorial_line.status", line.status)]
                + [
                    Evidence(f"channels.{i}.posts_per_week", channel.posts_per_week, threshold=limit)
                    for i, channel in slow
                ],
                [channel.id for _, channel in slow],
                severity=Severity.INFO if line.status is ComponentStatus.PARTIAL else None,
            )
        )
    elif len(unknown) == len(context.active_social):
        return context.not_assessed(missing, reason, subjects)
    return [*findings, *gaps(context, missing, subjects, reason)]


@rule(
    "ERR-NOT-MEASURING",
    severity=Severity.MAJOR,
    theme=Theme.PRACTICES,
    seeds=("000", "002"),
    title=Bilingual(en="No regular reporting", fr="Pas de bilan régulier"),
    condition=Bilingual(
        en="Results are reported less often than every reporting_interval_days (31) days: quarterly, "
        "yearly, ad hoc or never.",
        fr="Les résultats sont suivis moins souvent que tous les reporting_interval_days (31) jours : "
        "chaque trimestre, chaque année, ponctuellement ou jamais.",
    ),
    action=Bilingual(
        en="Set up a one-page monthly report (the indicators of each objective, what worked, what changes) "
        "automated with the platforms' or a tool's statistics, plus a short report after each campaign.",
        fr="Mettre en place un bilan mensuel d'une page (les indicateurs de chaque objectif, ce qui a "
        "marché, ce qui change) automatisé à partir des statistiques des plateformes ou d'un outil, plus "
        "un court bilan après chaque campagne.",
    ),
    thresholds=("reporting_interval_days",),
)
def not_measuring(audit: Audit, context: Context) -> Outcome:
    cadence = audit.organisation.reporting_cadence
    if cadence is None:
        return context.not_assessed(
            ("organisation.reporting_cadence",),
            Bilingual(
                en="How often results are reported is not recorded.",
                fr="La fréquence des bilans n'est pas renseignée.",
            ),
        )
    limit = context.thresholds["reporting_interval_days"]
    if REPORTING_INTERVAL_DAYS[cadence] <= limit:
        return []
    return [
        context.finding(
            say(
                "Reporting cadence: {cadence}, that is less often than every {limit} days. Judging by eye misleads: "
                "teams are often surprised by the real figures, and without a regular report nobody sees "
                "what works and what wastes time. The usual cause is a missing method, not missing time.",
                "Fréquence des bilans : {cadence}, soit moins souvent que tous les {limit} jours. "
                "L'estimation à vue d'œil trompe : les équipes sont souvent surprises par les vrais "
                "chiffres, et sans bilan régulier personne ne voit ce qui marche et ce qui fait perdre du "
                "temps. La cause habituelle est l'absence de méthode, pas le manque de temps.",
                cadence=_CADENCE_WORDS[cadence],
                limit=limit,
            ),
            [Evidence("organisation.reporting_cadence", cadence, threshold=limit)],
        )
    ]
