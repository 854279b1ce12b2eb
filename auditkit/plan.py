"""The method's plan table: how each finding of the diagnosis becomes a roadmap action.

:data:`PLAN` holds one :class:`Step` per rule id of the catalogue, per kind of channel recommendation
(``REC-*``) and for the closing review (``NEXT-ROUND``): its :class:`Phase` in the method's order,
the earliest stage it belongs to, its effort and owner, the steps to do first, its texts in both
languages and its modelled effect on the audit (what becomes true once it is done, for the
projected scores). :mod:`auditkit.roadmap` turns these steps into a staged, capacity-checked plan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from auditkit.diagnose import RULES, Finding, Severity, Theme, add_months
from auditkit.i18n import Bilingual
from auditkit.model import (
    Audit,
    Cadence,
    ChannelStatus,
    ComponentStatus,
    Consultation,
    Indicator,
    Lens,
    ObjectiveKind,
    OwnerRole,
    SponsorEngagement,
    StrategyComponent,
    StrategyComponentKey,
    Training,
)
from auditkit.scoring import Recommendation
from auditkit.thresholds import response_expectation, thresholds_for

__all__ = [
    "ABSORBING",
    "ALREADY_SETTLED",
    "ALWAYS",
    "ANCHORED",
    "PLAN",
    "PLAN_ORDER",
    "RECOMMENDATION_KEYS",
    "UNPREDICTABLE",
    "Effect",
    "Phase",
    "Step",
    "action_id",
    "fallback_step",
]

_B = Bilingual


class Phase(StrEnum):
    """Where an action sits in the method's order."""

    FOUNDATIONS = "foundations"
    FIXES = "fixes"
    PLANNING = "planning"
    GROWTH = "growth"
    REVIEW = "review"

    @property
    def label(self) -> Bilingual:
        return _PHASE_LABELS[self]

    @property
    def order(self) -> int:
        return list(Phase).index(self)


_PHASE_LABELS = {
    Phase.FOUNDATIONS: _B("Foundations", "Fondations"),
    Phase.FIXES: _B("Fixes and closures", "Corrections et fermetures"),
    Phase.PLANNING: _B("Planning and content", "Planification et contenus"),
    Phase.GROWTH: _B("Growth", "Développement"),
    Phase.REVIEW: _B("Review", "Bilan"),
}


Effect = Callable[[Audit, tuple[str, ...]], None]
"""Makes a copy of the audit look as it will once the action is done (for the projected scores)."""


@dataclass(frozen=True)
class Step:
    """One row of :data:`PLAN`: how the findings of one rule become an action.

    ``title`` and ``done_when`` may hold ``{names}``: the items concerned, in words.
    """

    phase: Phase
    month: int
    hours: float
    hours_each: float
    owner: str
    after: tuple[str, ...]
    title: Bilingual
    description: Bilingual
    done_when: Bilingual
    effect: Effect | None = None
    effect_doc: Bilingual | None = None
    joins: tuple[str, ...] = ()
    severity: Severity = Severity.MAJOR
    """Severity of a recommendation action with no finding behind it."""
    anchored: bool = False
    """Always scheduled in its own stage, before anything else competes for the time (the closing review)."""


def _component(key: StrategyComponentKey) -> Effect:
    def effect(audit: Audit, subjects: tuple[str, ...]) -> None:
        audit.strategy.components[key] = StrategyComponent(status=ComponentStatus.PRESENT)

    return effect


def _component_doc(label_en: str, label_fr: str) -> Bilingual:
    return _B(
        f"the strategy component '{label_en}' becomes present",
        f"la composante de stratégie « {label_fr} » devient présente",
    )


def _organisation(**values: Any) -> Effect:
    def effect(audit: Audit, subjects: tuple[str, ...]) -> None:
        for name, value in values.items():
            setattr(audit.organisation, name, value)

    return effect


def _channels(**values: Any) -> Effect:
    def effect(audit: Audit, subjects: tuple[str, ...]) -> None:
        for channel in audit.channels:
            if channel.id in subjects:
                for name, value in values.items():
                    setattr(channel, name, value)

    return effect


def _reduce_channels(audit: Audit, subjects: tuple[str, ...]) -> None:
    for channel in audit.channels:
        if channel.id in subjects and channel.hours_per_week is not None:
            channel.hours_per_week = channel.hours_per_week / 2


def _answer_in_time(audit: Audit, subjects: tuple[str, ...]) -> None:
    for channel in audit.channels:
        expected = response_expectation(audit, channel.platform)
        if channel.id in subjects and expected is not None:
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
        organisation.content_creators = ["(named in the roadmap)"]
    if not organisation.responders:
        organisation.responders = ["(named in the roadmap)"]


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


def _make_smart(audit: Audit, subjects: tuple[str, ...]) -> None:
    deadline = add_months(audit.engagement.audit_date, 12)
    for objective in audit.objectives:
        if objective.id in subjects:
            objective.metric = objective.metric or "(defined in the roadmap)"
            objective.baseline = 0.0 if objective.baseline is None else objective.baseline
            objective.target = objective.baseline + 1 if objective.target is None else objective.target
            objective.deadline = objective.deadline or deadline


_ROI_KINDS = frozenset({ObjectiveKind.SALES, ObjectiveKind.RECRUITMENT, ObjectiveKind.PROSPECTING})


def _add_fitting_indicator(audit: Audit, subjects: tuple[str, ...]) -> None:
    for objective in audit.objectives:
        if objective.id in subjects:
            lens = Lens.ROI if objective.kind in _ROI_KINDS else Lens.ROA
            indicator = Indicator(name="(defined in the roadmap)", lens=lens)
            objective.indicators = [*objective.indicators, indicator]


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


UNPREDICTABLE = _B(
    "not modelled: the result depends on choices or audience reactions the audit cannot predict",
    "non modélisé : le résultat dépend de choix ou de réactions du public que l'audit ne peut prévoir",
)

PLAN: dict[str, Step] = {
    # -- foundations ---------------------------------------------------------------------------------
    "ORG-NO-SPONSOR": Step(
        Phase.FOUNDATIONS, 1, 3, 0, "strategy_owner", (),
        _B("Win a sponsor in top management", "Obtenir un sponsor à la direction"),
        _B(
            "Present the audit's main findings to the decision makers in one short meeting and agree "
            "who in management backs the plan, arbitrates and unblocks resources.",
            "Présenter les principaux constats de l'audit aux décideurs lors d'une réunion courte et "
            "convenir de qui, à la direction, soutient le plan, arbitre et débloque les moyens.",
        ),
        _B(
            "A named member of management has approved the roadmap.",
            "Un membre nommé de la direction a validé la feuille de route.",
        ),
        _organisation(sponsor=SponsorEngagement.SUPPORTIVE),
        _B("top management becomes supportive", "la direction devient favorable"),
    ),
    "ORG-NO-RESOURCES": Step(
        Phase.FOUNDATIONS, 1, 2, 0, "management", ("ORG-NO-SPONSOR",),
        _B("Name who creates content and who answers", "Désigner qui crée les contenus et qui répond"),
        _B(
            "Assign, by name, the people who create content and those who answer questions, and have "
            "their managers plan the hours this takes.",
            "Désigner nommément les personnes qui créent les contenus et celles qui répondent aux "
            "questions, et faire prévoir par leurs responsables le temps que cela demande.",
        ),
        _B(
            "Content creators and responders are named and their hours are in their schedules.",
            "Les créateurs de contenu et les répondants sont nommés et leurs heures sont planifiées.",
        ),
        _assign_people,
        _B("content creators and responders are named", "créateurs de contenu et répondants sont nommés"),
    ),
    "ORG-INTERN": Step(
        Phase.FOUNDATIONS, 1, 2, 0, "management", ("ORG-NO-SPONSOR",),
        _B("Give the strategy to an experienced owner", "Confier la stratégie à un responsable expérimenté"),
        _B(
            "Move the ownership of the strategy from the intern to an experienced member of staff; the "
            "intern can keep producing content under that person's direction.",
            "Transférer la responsabilité de la stratégie du stagiaire à un collaborateur expérimenté ; "
            "le stagiaire peut continuer à produire des contenus sous sa direction.",
        ),
        _B(
            "The strategy's owner is an experienced, permanent member of staff.",
            "La stratégie est portée par un collaborateur expérimenté et permanent.",
        ),
        _organisation(strategy_owner_role=OwnerRole.COMMUNICATIONS_MANAGER),
        _B("a communications manager owns the strategy", "un responsable de la communication porte la stratégie"),
    ),
    "OBJ-NONE": Step(
        Phase.FOUNDATIONS, 1, 6, 0, "strategy_owner", ("ORG-NO-SPONSOR",),
        _B("Set the communication objectives", "Fixer les objectifs de communication"),
        _B(
            "Hold a workshop with management to write one to three objectives tied to the business "
            "goals, and choose the primary one.",
            "Animer un atelier avec la direction pour rédiger un à trois objectifs reliés aux objectifs "
            "de l'organisation, et choisir l'objectif principal.",
        ),
        _B(
            "One to three objectives are written down and approved, one of them primary.",
            "Un à trois objectifs sont rédigés et validés, dont un principal.",
        ),
        None,
        UNPREDICTABLE,
    ),
    "OBJ-TOO-MANY": Step(
        Phase.FOUNDATIONS, 1, 3, 0, "strategy_owner", ("ORG-NO-SPONSOR",),
        _B("Narrow the objectives down to three", "Réduire les objectifs à trois"),
        _B(
            "Rank the current objectives with management, keep three at most and park the others for "
            "a later round.",
            "Classer les objectifs actuels avec la direction, en garder trois au plus et remettre les "
            "autres à un prochain cycle.",
        ),
        _B("No more than three objectives remain active.", "Trois objectifs au plus restent actifs."),
        _keep_objectives,
        _B("only the first three objectives (primary first) remain", "seuls les trois premiers objectifs (le principal d'abord) restent"),
    ),
    "OBJ-NO-PRIMARY": Step(
        Phase.FOUNDATIONS, 1, 1, 0, "management", ("OBJ-NONE", "OBJ-TOO-MANY"),
        _B("Choose the primary objective", "Choisir l'objectif principal"),
        _B(
            "Decide which objective wins when priorities conflict and write it at the top of the strategy.",
            "Décider quel objectif l'emporte en cas de conflit de priorités et l'inscrire en tête de la "
            "stratégie.",
        ),
        _B("Exactly one objective is marked primary.", "Un seul objectif est marqué comme principal."),
        _one_primary,
        _B("exactly one objective is primary", "un seul objectif est principal"),
    ),
    "OBJ-NOT-SMART": Step(
        Phase.FOUNDATIONS, 1, 1.5, 1, "strategy_owner", ("OBJ-NONE", "OBJ-TOO-MANY"),
        _B("Make the objectives measurable: {names}", "Rendre les objectifs mesurables : {names}"),
        _B(
            "Give each objective a metric, its current value, a target and a deadline, so that progress "
            "can be shown rather than felt.",
            "Donner à chaque objectif un indicateur, sa valeur actuelle, une cible et une échéance, pour "
            "que les progrès se montrent au lieu de se deviner.",
        ),
        _B(
            "Each objective has a baseline, a target and a deadline: {names}.",
            "Chaque objectif a une valeur de départ, une cible et une échéance : {names}.",
        ),
        _make_smart,
        _B("the objectives get a baseline, a target and a deadline", "les objectifs reçoivent valeur de départ, cible et échéance"),
    ),
    "ENV-NO-STAKEHOLDERS": Step(
        Phase.FOUNDATIONS, 1, 4, 0, "strategy_owner", ("OBJ-NONE",),
        _B("Describe the target audiences", "Décrire les publics cibles"),
        _B(
            "List the audiences the objectives aim at, how important each is, how digitally literate it "
            "is and which platforms it uses.",
            "Lister les publics visés par les objectifs, leur importance, leur aisance numérique et les "
            "plateformes qu'ils utilisent.",
        ),
        _B(
            "The key audiences are described in the audit file with their platforms.",
            "Les publics clés sont décrits dans le fichier d'audit avec leurs plateformes.",
        ),
        None,
        UNPREDICTABLE,
    ),
    "STR-GOVERNANCE": Step(
        Phase.FOUNDATIONS, 1, 3, 0, "management", ("ORG-NO-SPONSOR",),
        _B("Settle who decides and who approves", "Fixer qui décide et qui valide"),
        _B(
            "Write a one-page governance note: who owns the strategy, who approves what, who speaks for "
            "the organisation, and how disagreements are settled.",
            "Rédiger une note de gouvernance d'une page : qui porte la stratégie, qui valide quoi, qui "
            "s'exprime au nom de l'organisation et comment les désaccords sont tranchés.",
        ),
        _B("The governance note is approved and shared.", "La note de gouvernance est validée et diffusée."),
        _component(StrategyComponentKey.GOVERNANCE),
        _component_doc("governance", "gouvernance"),
    ),
    "STR-OWNERSHIP": Step(
        Phase.FOUNDATIONS, 1, 3, 0, "strategy_owner", (),
        _B("Secure the ownership of accounts and data", "Sécuriser la propriété des comptes et des données"),
        _B(
            "List every account with its administrators, move the admin rights and passwords to the "
            "organisation (not to a person or an agency alone), and state who owns the contacts and data.",
            "Lister chaque compte avec ses administrateurs, ramener les droits d'administration et les "
            "mots de passe à l'organisation (et non à une seule personne ou agence), et préciser à qui "
            "appartiennent les contacts et les données.",
        ),
        _B(
            "Every account has at least two administrators from the organisation.",
            "Chaque compte a au moins deux administrateurs internes à l'organisation.",
        ),
        _component(StrategyComponentKey.OWNERSHIP),
        _component_doc("ownership", "propriété des comptes"),
    ),
    "STR-CRISIS-PLAN": Step(
        Phase.FOUNDATIONS, 1, 6, 0, "strategy_owner", ("STR-GOVERNANCE",),
        _B("Write the crisis plan", "Rédiger le plan de crise"),
        _B(
            "Write down how a crisis is spotted, who is alerted, who speaks, the first holding messages "
            "and when posts are paused; rehearse it once.",
            "Écrire comment une crise est repérée, qui est alerté, qui prend la parole, les premiers "
            "messages d'attente et quand suspendre les publications ; le tester une fois.",
        ),
        _B("The crisis plan is approved and has been rehearsed.", "Le plan de crise est validé et a été testé."),
        _component(StrategyComponentKey.CRISIS_PLAN),
        _component_doc("crisis plan", "plan de crise"),
    ),
    "STR-EDITORIAL-LINE": Step(
        Phase.FOUNDATIONS, 1, 6, 0, "strategy_owner", ("OBJ-NONE", "ENV-NO-STAKEHOLDERS"),
        _B("Define the editorial line", "Définir la ligne éditoriale"),
        _B(
            "Write the positioning, the tone and the three to five content pillars that follow from the "
            "objectives and audiences, with examples of what to publish and what not to.",
            "Formuler le positionnement, le ton et les trois à cinq piliers de contenu qui découlent des "
            "objectifs et des publics, avec des exemples de ce qu'on publie et de ce qu'on ne publie pas.",
        ),
        _B("The editorial line is written and approved.", "La ligne éditoriale est rédigée et validée."),
        _component(StrategyComponentKey.EDITORIAL_LINE),
        _component_doc("editorial line", "ligne éditoriale"),
    ),
    "ERR-INSPIRATION": Step(
        Phase.FOUNDATIONS, 1, 4, 0, "strategy_owner", ("OBJ-NONE", "ENV-NO-STAKEHOLDERS"),
        _B("Replace 'lack of inspiration' with a positioning", "Remplacer le « manque d'inspiration » par un positionnement"),
        _B(
            "The low posting rhythm comes from a missing positioning, not from a lack of ideas: write "
            "the positioning and a list of recurring formats the team can draw from.",
            "Le faible rythme de publication vient d'un positionnement absent, pas d'un manque d'idées : "
            "formuler le positionnement et une liste de formats récurrents où l'équipe pourra puiser.",
        ),
        _B(
            "A written positioning and a list of recurring formats exist.",
            "Un positionnement écrit et une liste de formats récurrents existent.",
        ),
        _component(StrategyComponentKey.EDITORIAL_LINE),
        _component_doc("editorial line", "ligne éditoriale"),
        joins=("STR-EDITORIAL-LINE",),
    ),
    "DEC-NOT-NOW": Step(
        Phase.FOUNDATIONS, 1, 2, 0, "management", (),
        _B("Decide 'not now' and set the reassessment date", "Décider « pas maintenant » et fixer la date de réexamen"),
        _B(
            "No objective is served by social media today: record the decision, claim and park the "
            "handles the organisation will want later, and put the reassessment date in the calendar.",
            "Aucun objectif n'est servi par les réseaux sociaux aujourd'hui : consigner la décision, "
            "réserver les noms de compte utiles plus tard et inscrire la date de réexamen à l'agenda.",
        ),
        _B(
            "The decision is recorded, handles are parked and the reassessment is booked.",
            "La décision est consignée, les comptes sont réservés et le réexamen est planifié.",
        ),
        None,
        UNPREDICTABLE,
    ),
    "KPI-MISSING": Step(
        Phase.FOUNDATIONS, 3, 1.5, 1, "strategy_owner", ("OBJ-NOT-SMART",),
        _B("Give each objective its indicators: {names}", "Donner ses indicateurs à chaque objectif : {names}"),
        _B(
            "For each objective, choose one or two indicators with the lens that fits it (ROI, ROA or "
            "RONI) and say where each is measured.",
            "Pour chaque objectif, choisir un ou deux indicateurs selon l'angle qui lui convient (ROI, "
            "ROA ou RONI) et préciser où chacun se mesure.",
        ),
        _B("Each objective has at least one indicator: {names}.", "Chaque objectif a au moins un indicateur : {names}."),
        _add_fitting_indicator,
        _B("each objective gets an indicator with the fitting lens", "chaque objectif reçoit un indicateur adapté"),
    ),
    "KPI-LENS-MISMATCH": Step(
        Phase.FOUNDATIONS, 3, 1, 0.5, "strategy_owner", ("KPI-MISSING",),
        _B("Measure each objective with the fitting lens: {names}", "Mesurer chaque objectif avec l'angle adapté : {names}"),
        _B(
            "Add the missing kind of indicator: attention (reach, traffic, engagement) for awareness and "
            "loyalty, traced results (orders, sign-ups, hires) for sales and recruitment.",
            "Ajouter le type d'indicateur qui manque : l'attention (portée, trafic, engagement) pour la "
            "notoriété et la fidélisation, des résultats tracés (commandes, inscriptions, embauches) "
            "pour les ventes et le recrutement.",
        ),
        _B("Each objective has an indicator of the fitting lens: {names}.", "Chaque objectif a un indicateur de l'angle adapté : {names}."),
        _add_fitting_indicator,
        _B("each objective gets an indicator with the fitting lens", "chaque objectif reçoit un indicateur adapté"),
    ),
    "ENV-UNCONSULTED": Step(
        Phase.FOUNDATIONS, 3, 6, 0, "strategy_owner", ("ENV-NO-STAKEHOLDERS",),
        _B("Ask the key audiences what they expect", "Interroger les publics clés sur leurs attentes"),
        _B(
            "Run a short survey or a few interviews with the key audiences: which platforms they use, "
            "what they want to hear from the organisation, how they like to ask questions.",
            "Mener un court questionnaire ou quelques entretiens auprès des publics clés : plateformes "
            "utilisées, ce qu'ils attendent de l'organisation, comment ils préfèrent poser leurs questions.",
        ),
        _B(
            "The answers of at least one key audience are summarised in the audit file.",
            "Les réponses d'au moins un public clé sont résumées dans le fichier d'audit.",
        ),
        _consult,
        _B("the audiences not yet consulted are surveyed", "les publics non consultés sont interrogés"),
    ),
    "ENV-NO-PEERS": Step(
        Phase.FOUNDATIONS, 3, 4, 0, "community_manager", (),
        _B("Analyse peers and competitors", "Analyser les pairs et les concurrents"),
        _B(
            "Pick three to five peers or competitors and note where they are present, how often they "
            "post and what works for them.",
            "Choisir trois à cinq pairs ou concurrents et relever où ils sont présents, à quel rythme ils "
            "publient et ce qui fonctionne pour eux.",
        ),
        _B("At least three peers are described in the audit file.", "Au moins trois pairs sont décrits dans le fichier d'audit."),
        None,
        UNPREDICTABLE,
    ),
    "STR-BUDGET": Step(
        Phase.FOUNDATIONS, 3, 3, 0, "management", ("OBJ-NONE", "OBJ-NO-PRIMARY"),
        _B("Set a yearly budget", "Fixer un budget annuel"),
        _B(
            "Budget the tools, any outsourcing, sponsored campaigns and training for the year, in line "
            "with the primary objective.",
            "Budgéter les outils, l'éventuelle sous-traitance, les campagnes sponsorisées et la formation "
            "pour l'année, en cohérence avec l'objectif principal.",
        ),
        _B("A yearly budget is approved.", "Un budget annuel est validé."),
        _component(StrategyComponentKey.BUDGET),
        _component_doc("budget", "budget"),
    ),
    # -- fixes and closures --------------------------------------------------------------------------
    "REC-CLOSE": Step(
        Phase.FIXES, 1, 1, 1, "channel_owners", ("STR-OWNERSHIP",),
        _B("Close the accounts that do not pay off: {names}", "Fermer les comptes qui ne servent pas : {names}"),
        _B(
            "Post a short farewell pointing to the channels that remain, download the archive, then "
            "close or hide each account; keep the handle registered so that nobody else takes it.",
            "Publier un court message d'au revoir qui renvoie vers les canaux conservés, télécharger "
            "l'archive, puis fermer ou masquer chaque compte ; garder le nom de compte pour que personne "
            "ne le reprenne.",
        ),
        _B("These accounts are closed, their handles kept: {names}.", "Ces comptes sont fermés, leurs noms conservés : {names}."),
        _channels(status=ChannelStatus.CLOSED),
        _B("the channels are closed", "les canaux sont fermés"),
    ),
    "REC-PARK": Step(
        Phase.FIXES, 1, 0.5, 0.5, "channel_owners", ("STR-OWNERSHIP",),
        _B("Park the accounts kept for later: {names}", "Mettre en réserve les comptes gardés pour plus tard : {names}"),
        _B(
            "Stop publishing, update the profile to point to the active channels and keep the handle; "
            "reassess on the date the scorecard gives.",
            "Cesser de publier, mettre à jour le profil pour renvoyer vers les canaux actifs et garder le "
            "nom de compte ; réexaminer à la date donnée par la notation.",
        ),
        _B("These accounts are silent and point to the active channels: {names}.", "Ces comptes sont silencieux et renvoient vers les canaux actifs : {names}."),
        _channels(status=ChannelStatus.PARKED),
        _B("the channels are parked", "les canaux sont mis en réserve"),
        severity=Severity.MINOR,
    ),
    "CH-DORMANT": Step(
        Phase.FIXES, 1, 1, 1, "channel_owners", ("STR-OWNERSHIP",),
        _B("Revive or close the dormant accounts: {names}", "Relancer ou fermer les comptes en sommeil : {names}"),
        _B(
            "An abandoned account annoys the people who find it: for each, either schedule posts again "
            "with a named owner, or close it.",
            "Un compte abandonné agace ceux qui le trouvent : pour chacun, soit reprendre les "
            "publications avec un responsable nommé, soit le fermer.",
        ),
        _B("No public account is left without a recent post: {names}.", "Aucun compte public ne reste sans publication récente : {names}."),
        None,
        UNPREDICTABLE,
    ),
    "CH-NO-OWNER": Step(
        Phase.FIXES, 1, 0.5, 0.5, "strategy_owner", ("ORG-NO-RESOURCES",),
        _B("Name an owner for each channel: {names}", "Nommer un responsable pour chaque canal : {names}"),
        _B(
            "Give each channel one named person who publishes, answers and reports on it.",
            "Confier chaque canal à une personne nommée qui publie, répond et rend compte.",
        ),
        _B("Each of these channels has a named owner: {names}.", "Chacun de ces canaux a un responsable nommé : {names}."),
        _channels(owner="(named in the roadmap)"),
        _B("the channels get a named owner", "les canaux reçoivent un responsable nommé"),
    ),
    "CH-UNCLAIMED": Step(
        Phase.FIXES, 1, 0.5, 0.5, "community_manager", ("STR-OWNERSHIP",),
        _B("Claim the brand's handle: {names}", "Réserver le nom de la marque : {names}"),
        _B(
            "Register the brand's name on the major platforms where it is still free, fill in the "
            "profile and leave it parked.",
            "Enregistrer le nom de la marque sur les grandes plateformes où il est encore libre, "
            "compléter le profil et le laisser en réserve.",
        ),
        _B("The handle is registered on each of: {names}.", "Le nom est enregistré sur chacune de : {names}."),
        None,
        UNPREDICTABLE,
    ),
    "CH-SHINY": Step(
        Phase.FIXES, 1, 2, 1, "strategy_owner", ("OBJ-NONE",),
        _B("Assess the new networks before going on: {names}", "Évaluer les nouveaux réseaux avant de continuer : {names}"),
        _B(
            "For each network started because everybody talked about it, check whether the audiences "
            "are there and which objective it serves; pause it if neither holds.",
            "Pour chaque réseau lancé parce que tout le monde en parlait, vérifier que les publics y sont "
            "et quel objectif il sert ; le suspendre si ni l'un ni l'autre ne tient.",
        ),
        _B("Each of these networks has a written go/no-go: {names}.", "Chacun de ces réseaux a une décision écrite : {names}."),
        _channels(assessed_before_launch=True),
        _B("the networks are assessed", "les réseaux sont évalués"),
    ),
    "CH-SPREAD": Step(
        Phase.FIXES, 1, 2, 0, "management", ("OBJ-NO-PRIMARY",),
        _B("Match the number of channels to the team's time", "Ajuster le nombre de canaux au temps de l'équipe"),
        _B(
            "The team cannot keep every active channel well: rank them by the objectives they serve and "
            "reduce or close the weakest until the hours add up.",
            "L'équipe ne peut pas bien tenir tous les canaux actifs : les classer selon les objectifs "
            "qu'ils servent et réduire ou fermer les plus faibles jusqu'à ce que les heures suffisent.",
        ),
        _B(
            "The hours the active channels need fit in the team's week.",
            "Les heures qu'exigent les canaux actifs tiennent dans la semaine de l'équipe.",
        ),
        None,
        UNPREDICTABLE,
        joins=("REC-REDUCE",),
    ),
    "REC-REDUCE": Step(
        Phase.FIXES, 3, 1, 0.5, "strategy_owner", ("OBJ-NO-PRIMARY",),
        _B("Reduce the effort on: {names}", "Réduire l'effort sur : {names}"),
        _B(
            "Cut these channels to a minimal, regular rhythm and move the hours saved to the channels "
            "that serve the objectives best.",
            "Ramener ces canaux à un rythme minimal et régulier et reporter les heures gagnées sur les "
            "canaux qui servent le mieux les objectifs.",
        ),
        _B("The weekly hours on these channels are halved: {names}.", "Les heures hebdomadaires sur ces canaux sont divisées par deux : {names}."),
        _reduce_channels,
        _B("the channels' weekly hours are halved", "les heures hebdomadaires des canaux sont divisées par deux"),
    ),
    "REC-FIX": Step(
        Phase.FIXES, 3, 3, 2, "channel_owners", ("CH-NO-OWNER",),
        _B("Repair how these channels are run: {names}", "Corriger la tenue de ces canaux : {names}"),
        _B(
            "These channels serve an objective but are run below par: work on their weakest point, as "
            "the scorecard names it.",
            "Ces canaux servent un objectif mais sont mal tenus : travailler leur point le plus faible, "
            "tel que la notation l'indique.",
        ),
        _B(
            "The health score of each of these channels reaches 60: {names}.",
            "Le score de santé de chacun de ces canaux atteint 60 : {names}.",
        ),
        None,
        UNPREDICTABLE,
    ),
    "CH-NO-OBJECTIVE": Step(
        Phase.FIXES, 3, 1, 0.5, "strategy_owner", ("OBJ-NONE", "OBJ-TOO-MANY"),
        _B("Give each channel an objective, or stop it: {names}", "Donner un objectif à chaque canal, ou l'arrêter : {names}"),
        _B(
            "For each channel that serves no objective, write which objective it serves and how, or "
            "reduce it to a minimum.",
            "Pour chaque canal qui ne sert aucun objectif, écrire lequel il sert et comment, ou le "
            "réduire au minimum.",
        ),
        _B("Each of these channels serves a named objective: {names}.", "Chacun de ces canaux sert un objectif nommé : {names}."),
        None,
        UNPREDICTABLE,
    ),
    "CH-NO-AUDIENCE": Step(
        Phase.FIXES, 3, 1, 0.5, "strategy_owner", ("ENV-NO-STAKEHOLDERS",),
        _B("Check whom these channels reach: {names}", "Vérifier qui ces canaux touchent : {names}"),
        _B(
            "These channels reach none of the target audiences: check the figures, then refocus the "
            "content on an audience or reduce the channel.",
            "Ces canaux ne touchent aucun des publics cibles : vérifier les chiffres, puis recentrer les "
            "contenus sur un public ou réduire le canal.",
        ),
        _B("Each of these channels names the audiences it reaches: {names}.", "Chacun de ces canaux nomme les publics qu'il touche : {names}."),
        None,
        UNPREDICTABLE,
    ),
    "ORG-SLOW-VALIDATION": Step(
        Phase.FIXES, 3, 3, 0, "management", ("STR-GOVERNANCE",),
        _B("Shorten the validation loop", "Raccourcir le circuit de validation"),
        _B(
            "Agree on what the community manager may publish or answer without approval (with ready "
            "answers for frequent questions) and a fast track for the rest.",
            "Convenir de ce que le community manager peut publier ou répondre sans validation (avec des "
            "réponses types aux questions fréquentes) et d'une voie rapide pour le reste.",
        ),
        _B(
            "Answers go out within the channels' expected response time.",
            "Les réponses partent dans le délai attendu sur chaque canal.",
        ),
        _shorten_validation,
        _B("validation fits within the channels' response expectation", "la validation tient dans le délai de réponse attendu"),
    ),
    "CH-SLOW-RESPONSE": Step(
        Phase.FIXES, 3, 2, 1, "community_manager", ("ORG-NO-RESOURCES", "ORG-SLOW-VALIDATION", "CH-NO-OWNER"),
        _B("Answer faster on: {names}", "Répondre plus vite sur : {names}"),
        _B(
            "Set notification and on-duty slots so that questions are answered within the time the "
            "platform's users expect.",
            "Organiser notifications et créneaux de permanence pour répondre aux questions dans le délai "
            "qu'attendent les utilisateurs de la plateforme.",
        ),
        _B(
            "The median response time is within the expectation on: {names}.",
            "Le temps de réponse médian respecte le délai attendu sur : {names}.",
        ),
        _answer_in_time,
        _B("the median response time meets the expectation", "le temps de réponse médian respecte le délai attendu"),
    ),
    "CH-DUPLICATE": Step(
        Phase.FIXES, 3, 1, 1, "community_manager", ("STR-EDITORIAL-LINE",),
        _B("Stop pushing the same post everywhere: {names}", "Cesser de publier le même message partout : {names}"),
        _B(
            "Write down what each channel adds, and adapt each post to its channel's format and audience "
            "instead of copying it unchanged.",
            "Écrire ce que chaque canal apporte et adapter chaque publication au format et au public du "
            "canal au lieu de la recopier telle quelle.",
        ),
        _B("Posts are adapted per channel: {names}.", "Les publications sont adaptées à chaque canal : {names}."),
        _channels(cross_posted_unchanged=False),
        _B("the channels stop cross-posting unchanged", "les canaux cessent de recopier les mêmes messages"),
    ),
    "ERR-NOT-MEASURING": Step(
        Phase.FIXES, 3, 3, 0, "strategy_owner", ("KPI-MISSING",),
        _B("Start a monthly report", "Mettre en place un bilan mensuel"),
        _B(
            "Build a one-page monthly report of the indicators, with a short comment on what worked, and "
            "one per campaign; the figures come from the platforms and the web analytics, not from memory.",
            "Construire un bilan mensuel d'une page avec les indicateurs et un court commentaire sur ce "
            "qui a marché, et un bilan par campagne ; les chiffres viennent des plateformes et de "
            "l'analyse web, pas de l'impression.",
        ),
        _B("Two monthly reports in a row have been shared.", "Deux bilans mensuels consécutifs ont été diffusés."),
        _organisation(reporting_cadence=Cadence.MONTHLY),
        _B("results are reported monthly", "les résultats font l'objet d'un bilan mensuel"),
    ),
    "CH-OFFLINE-OVERLAP": Step(
        Phase.FIXES, 6, 2, 1, "strategy_owner", ("ENV-UNCONSULTED",),
        _B("Merge the traditional channels that duplicate digital ones: {names}", "Rapprocher les canaux traditionnels qui doublent le numérique : {names}"),
        _B(
            "These traditional channels reach the same audience as a digital one at a higher cost: "
            "decide for each whether to replace it, integrate it or keep it for a distinct purpose.",
            "Ces canaux traditionnels touchent le même public qu'un canal numérique pour un coût plus "
            "élevé : décider pour chacun s'il faut le remplacer, l'intégrer ou le garder pour un usage "
            "distinct.",
        ),
        _B("Each of these channels has a recorded decision: {names}.", "Chacun de ces canaux a une décision consignée : {names}."),
        None,
        UNPREDICTABLE,
    ),
    # -- planning and content ------------------------------------------------------------------------
    "STR-REVIEW": Step(
        Phase.PLANNING, 3, 2, 0, "strategy_owner", ("OBJ-NONE",),
        _B("Review the strategy and book a monthly review", "Revoir la stratégie et planifier une revue mensuelle"),
        _B(
            "Revisit the strategy with this audit's results, then book a short monthly review of the "
            "figures and of what to adjust.",
            "Revoir la stratégie à la lumière de cet audit, puis planifier une courte revue mensuelle "
            "des chiffres et des ajustements.",
        ),
        _B("The strategy is dated this month and the next reviews are booked.", "La stratégie est datée de ce mois et les prochaines revues sont planifiées."),
        _reviewed,
        _B("the strategy is reviewed on the audit date", "la stratégie est revue à la date de l'audit"),
    ),
    "STR-POLICY": Step(
        Phase.PLANNING, 3, 4, 0, "strategy_owner", ("STR-GOVERNANCE",),
        _B("Write the social media policy", "Rédiger la charte des réseaux sociaux"),
        _B(
            "Write short guidelines for staff who speak on social media: what they may say for the "
            "organisation, confidentiality, tone, and what to do when in doubt.",
            "Rédiger des règles courtes pour les collaborateurs qui s'expriment sur les réseaux : ce "
            "qu'ils peuvent dire au nom de l'organisation, confidentialité, ton, et que faire en cas de doute.",
        ),
        _B("The policy is approved and shared with staff.", "La charte est validée et diffusée aux collaborateurs."),
        _component(StrategyComponentKey.POLICY),
        _component_doc("policy", "charte"),
    ),
    "STR-MODERATION": Step(
        Phase.PLANNING, 3, 3, 0, "community_manager", ("STR-POLICY", "STR-EDITORIAL-LINE"),
        _B("Write the moderation guidelines", "Rédiger les règles de modération"),
        _B(
            "Write how comments are answered, hidden or escalated, with ready answers for the frequent "
            "cases, and publish a short house-rules note on the pages.",
            "Écrire comment répondre aux commentaires, les masquer ou les faire remonter, avec des "
            "réponses types pour les cas fréquents, et publier une courte règle de conduite sur les pages.",
        ),
        _B("The moderation guidelines are in use.", "Les règles de modération sont appliquées."),
        _component(StrategyComponentKey.MODERATION),
        _component_doc("moderation", "modération"),
    ),
    "STR-MONITORING": Step(
        Phase.PLANNING, 3, 1, 0, "community_manager", ("ORG-NO-RESOURCES",),
        _B("Set fixed slots to monitor and react", "Fixer des créneaux de veille et de réaction"),
        _B(
            "Book daily slots to read mentions, comments and messages, and set alerts on the brand's name.",
            "Réserver des créneaux quotidiens pour lire mentions, commentaires et messages, et créer des "
            "alertes sur le nom de la marque.",
        ),
        _B("Monitoring slots are in the team's calendar.", "Les créneaux de veille sont à l'agenda de l'équipe."),
        _component(StrategyComponentKey.MONITORING),
        _component_doc("monitoring", "veille"),
    ),
    "STR-CALENDAR": Step(
        Phase.PLANNING, 3, 4, 0, "community_manager", ("STR-EDITORIAL-LINE", "OBJ-NOT-SMART"),
        _B("Set up the editorial calendar", "Mettre en place le calendrier éditorial"),
        _B(
            "Build a shared calendar of the posts of the next weeks, by channel, with the key dates of "
            "the year and a fixed publishing schedule.",
            "Construire un calendrier partagé des publications des semaines à venir, par canal, avec les "
            "temps forts de l'année et un rythme de publication fixe.",
        ),
        _B(
            "The calendar covers the next four weeks and is kept up to date.",
            "Le calendrier couvre les quatre semaines à venir et est tenu à jour.",
        ),
        _component(StrategyComponentKey.CALENDAR),
        _component_doc("calendar", "calendrier"),
    ),
    "ERR-CALENDAR-NOT-STRATEGY": Step(
        Phase.PLANNING, 3, 4, 0, "strategy_owner", ("STR-EDITORIAL-LINE", "ENV-NO-STAKEHOLDERS", "KPI-MISSING"),
        _B("Put a strategy behind the calendar", "Adosser le calendrier à une stratégie"),
        _B(
            "The calendar exists but nothing steers it: tie each slot to an audience, a priority network, "
            "a content pillar and the indicator it should move.",
            "Le calendrier existe mais rien ne le guide : rattacher chaque créneau à un public, un réseau "
            "prioritaire, un pilier de contenu et l'indicateur qu'il doit faire bouger.",
        ),
        _B(
            "Every slot of the calendar names its audience, pillar and indicator.",
            "Chaque créneau du calendrier indique son public, son pilier et son indicateur.",
        ),
        _component(StrategyComponentKey.CONTENT_PILLARS),
        _component_doc("content pillars", "piliers de contenu"),
    ),
    "STR-EVALUATION-PLAN": Step(
        Phase.PLANNING, 3, 4, 0, "strategy_owner", ("KPI-MISSING", "ERR-NOT-MEASURING"),
        _B("Write the evaluation plan", "Rédiger le plan d'évaluation"),
        _B(
            "Write which indicators are read when, by whom, against which targets, and what decision "
            "each review can lead to.",
            "Écrire quels indicateurs sont lus, quand, par qui, au regard de quelles cibles, et quelle "
            "décision chaque revue peut entraîner.",
        ),
        _B("The evaluation plan is approved.", "Le plan d'évaluation est validé."),
        _component(StrategyComponentKey.EVALUATION_PLAN),
        _component_doc("evaluation plan", "plan d'évaluation"),
    ),
    "OBJ-ORPHAN": Step(
        Phase.PLANNING, 3, 2, 1, "strategy_owner", ("OBJ-NOT-SMART", "ENV-NO-STAKEHOLDERS", "REC-CLOSE"),
        _B("Choose a channel for each objective: {names}", "Choisir un canal pour chaque objectif : {names}"),
        _B(
            "No channel serves these objectives yet: pick the existing channel that reaches their "
            "audience best, or drop the objective for this round.",
            "Aucun canal ne sert encore ces objectifs : choisir le canal existant qui touche le mieux "
            "leur public, ou renoncer à l'objectif pour ce cycle.",
        ),
        _B("Each of these objectives is served by a named channel: {names}.", "Chacun de ces objectifs est servi par un canal nommé : {names}."),
        None,
        UNPREDICTABLE,
    ),
    "STR-CONTENT-PLAN": Step(
        Phase.PLANNING, 6, 8, 0, "community_manager", ("STR-EDITORIAL-LINE", "STR-CALENDAR"),
        _B("Write the content plan", "Rédiger le plan de contenus"),
        _B(
            "Turn the editorial line into a plan: recurring formats per pillar, who produces what, how "
            "much ahead, and a stock of ready posts.",
            "Traduire la ligne éditoriale en plan : formats récurrents par pilier, qui produit quoi, avec "
            "quelle avance, et une réserve de publications prêtes.",
        ),
        _B("The content plan is written and a month of posts is ready.", "Le plan de contenus est écrit et un mois de publications est prêt."),
        _component(StrategyComponentKey.CONTENT_PLAN),
        _component_doc("content plan", "plan de contenus"),
    ),
    "STR-DISTRIBUTION-PLAN": Step(
        Phase.PLANNING, 6, 4, 0, "community_manager", ("STR-CONTENT-PLAN", "CH-DUPLICATE"),
        _B("Write the distribution plan", "Rédiger le plan de diffusion"),
        _B(
            "Decide which content goes to which channel, at what time, in which format, and which part "
            "is sponsored.",
            "Décider quels contenus vont sur quel canal, à quel moment, sous quel format, et quelle part "
            "est sponsorisée.",
        ),
        _B("The distribution plan is written and followed.", "Le plan de diffusion est écrit et suivi."),
        _component(StrategyComponentKey.DISTRIBUTION_PLAN),
        _component_doc("distribution plan", "plan de diffusion"),
    ),
    "ERR-URGENCY": Step(
        Phase.PLANNING, 6, 2, 0, "strategy_owner", ("STR-CALENDAR",),
        _B("Plan publications with lead time", "Planifier les publications à l'avance"),
        _B(
            "Agree with the other departments on a minimum lead time for requests, and announce events "
            "in phases (teaser, reminder, live, follow-up) instead of two days before.",
            "Convenir avec les autres services d'un délai minimal pour les demandes, et annoncer les "
            "événements par étapes (teasing, rappel, direct, suite) plutôt que deux jours avant.",
        ),
        _B(
            "Requests arrive with the agreed lead time.",
            "Les demandes arrivent avec le délai convenu.",
        ),
        _lengthen_lead_time,
        _B("the publishing lead time reaches the threshold", "le délai de publication atteint le seuil"),
    ),
    "STR-EXIT-PLAN": Step(
        Phase.PLANNING, 6, 3, 0, "strategy_owner", ("STR-OWNERSHIP",),
        _B("Write the exit plan", "Rédiger le plan de sortie"),
        _B(
            "Write how a channel is closed when it stops serving an objective: notice to the audience, "
            "archive, redirection, handle kept.",
            "Écrire comment fermer un canal qui ne sert plus d'objectif : annonce au public, archivage, "
            "redirection, nom de compte conservé.",
        ),
        _B("The exit plan is approved.", "Le plan de sortie est validé."),
        _component(StrategyComponentKey.EXIT_PLAN),
        _component_doc("exit plan", "plan de sortie"),
    ),
    "ORG-NO-TRAINING": Step(
        Phase.PLANNING, 6, 6, 0, "strategy_owner", ("ORG-NO-RESOURCES", "STR-POLICY"),
        _B("Train the people in their roles", "Former les personnes à leur rôle"),
        _B(
            "Give each role the training it needs (publishing, answering, measuring, managing), starting "
            "with a short quiz to find what they do not know yet.",
            "Donner à chaque rôle la formation dont il a besoin (publier, répondre, mesurer, piloter), en "
            "commençant par un court quiz pour repérer ce qu'ils ne savent pas encore.",
        ),
        _B("Everyone in a social media role has been trained.", "Chaque personne ayant un rôle sur les réseaux a été formée."),
        _organisation(training=Training.ALL),
        _B("everyone in a role is trained", "chaque personne en poste est formée"),
    ),
    # -- growth --------------------------------------------------------------------------------------
    "CH-LOW-ENGAGEMENT": Step(
        Phase.GROWTH, 6, 4, 2, "community_manager", ("STR-EDITORIAL-LINE", "STR-CONTENT-PLAN"),
        _B("Win back engagement on: {names}", "Regagner de l'engagement sur : {names}"),
        _B(
            "The audience is large but silent: test formats that invite answers (questions, behind the "
            "scenes, replies to comments) and keep what the figures show works.",
            "L'audience est large mais muette : tester des formats qui appellent la réponse (questions, "
            "coulisses, réponses aux commentaires) et garder ce que les chiffres valident.",
        ),
        _B(
            "The engagement rate reaches half the industry benchmark on: {names}.",
            "Le taux d'engagement atteint la moitié de la référence du secteur sur : {names}.",
        ),
        None,
        UNPREDICTABLE,
    ),
    "REC-INVEST": Step(
        Phase.GROWTH, 6, 6, 4, "channel_owners", ("STR-CONTENT-PLAN", "ERR-NOT-MEASURING", "REC-CLOSE", "REC-FIX"),
        _B("Invest in the channels that work: {names}", "Investir dans les canaux qui fonctionnent : {names}"),
        _B(
            "Put the hours freed by the closures and reductions into these channels (or launch them, if "
            "planned): more regular posts, a sponsored test, answers to every comment.",
            "Reporter sur ces canaux les heures libérées par les fermetures et réductions (ou les lancer, "
            "s'ils sont prévus) : publications plus régulières, un test sponsorisé, réponse à chaque "
            "commentaire.",
        ),
        _B(
            "These channels' indicators improve for three months in a row: {names}.",
            "Les indicateurs de ces canaux progressent trois mois de suite : {names}.",
        ),
        None,
        UNPREDICTABLE,
        severity=Severity.MINOR,
    ),
    "REC-NOT-NOW": Step(
        Phase.GROWTH, 3, 1, 0.5, "strategy_owner", ("ENV-UNCONSULTED",),
        _B("Reassess the planned channels: {names}", "Réexaminer les canaux prévus : {names}"),
        _B(
            "These channels are not worth launching now: on the reassessment date, check again whether "
            "the audiences use them and which objective they would serve.",
            "Ces canaux ne valent pas d'être lancés maintenant : à la date de réexamen, vérifier à "
            "nouveau si les publics les utilisent et quel objectif ils serviraient.",
        ),
        _B("A written go/no-go exists for each of: {names}.", "Une décision écrite existe pour chacun de : {names}."),
        None,
        UNPREDICTABLE,
        severity=Severity.MINOR,
    ),
    "ENV-PEER-GAP": Step(
        Phase.GROWTH, 9, 3, 1, "strategy_owner", ("ENV-NO-PEERS", "ENV-UNCONSULTED", "REC-CLOSE", "REC-FIX"),
        _B("Assess the platforms where peers meet your audiences", "Évaluer les plateformes où les pairs rencontrent vos publics"),
        _B(
            "Peers are active where key audiences are and the organisation is not: assess whether a "
            "presence there would serve an objective, with the hours it would take.",
            "Des pairs sont actifs là où se trouvent des publics clés, sans l'organisation : évaluer si "
            "une présence servirait un objectif, et les heures qu'elle demanderait.",
        ),
        _B(
            "Each of these platforms has a written go/no-go with its cost.",
            "Chacune de ces plateformes a une décision écrite avec son coût.",
        ),
        None,
        UNPREDICTABLE,
    ),
    # -- review --------------------------------------------------------------------------------------
    "NEXT-ROUND": Step(
        Phase.REVIEW, 12, 4, 0, "strategy_owner", (),
        _B("Run the next audit round", "Mener le prochain cycle d'audit"),
        _B(
            "Audit again with the same method (auditkit new --from this file), compare the scores with "
            "this round and set the next year's roadmap.",
            "Refaire l'audit avec la même méthode (auditkit new --from ce fichier), comparer les scores "
            "avec ce cycle et fixer la feuille de route de l'année suivante.",
        ),
        _B("The next round's report is delivered.", "Le rapport du cycle suivant est remis."),
        None,
        UNPREDICTABLE,
        anchored=True,
    ),
}  # fmt: skip
"""Every rule of the catalogue, every channel recommendation (``REC-*``) and the closing review, as steps.

Efforts are typical hours for a small team doing the work itself; the consultant edits them per action.
"""

RECOMMENDATION_KEYS: dict[Recommendation, str] = {
    Recommendation.CLOSE: "REC-CLOSE",
    Recommendation.PARK: "REC-PARK",
    Recommendation.REDUCE: "REC-REDUCE",
    Recommendation.FIX: "REC-FIX",
    Recommendation.INVEST: "REC-INVEST",
    Recommendation.NOT_NOW: "REC-NOT-NOW",
}
"""The plan key of each channel recommendation that calls for an action (``maintain`` needs none)."""
ALREADY_SETTLED = {Recommendation.CLOSE: ChannelStatus.CLOSED, Recommendation.PARK: ChannelStatus.PARKED}
"""A recommendation needs no action when the channel already has this status."""
ABSORBING = ("REC-CLOSE", "REC-PARK")
"""Actions that answer the findings of the channels they close or park."""
ALWAYS = ("NEXT-ROUND",)
"""Steps every roadmap has."""
_FALLBACK_MONTH = {Severity.CRITICAL: 1, Severity.MAJOR: 3, Severity.MINOR: 6}
_FALLBACK_PHASE = {
    Theme.OBJECTIVES: Phase.FOUNDATIONS,
    Theme.INDICATORS: Phase.FOUNDATIONS,
    Theme.ENVIRONMENT: Phase.FOUNDATIONS,
    Theme.ORGANISATION: Phase.FOUNDATIONS,
    Theme.DECISION: Phase.FOUNDATIONS,
    Theme.CHANNELS: Phase.FIXES,
    Theme.STRATEGY: Phase.PLANNING,
    Theme.PRACTICES: Phase.PLANNING,
}


def action_id(key: str) -> str:
    """The stable id of the action a plan key (a rule id, ``REC-*``) gives: the key in lower case."""
    return key.lower()


PLAN_ORDER = {key: index for index, key in enumerate(PLAN)}
"""Each plan key's rank in the table: the method's order among actions of equal priority."""
ANCHORED = frozenset(action_id(key) for key, step in PLAN.items() if step.anchored)
"""Ids of the actions always scheduled in their own stage (the closing review)."""


def fallback_step(finding: Finding) -> Step:
    """The step of a rule missing from :data:`PLAN`: earliest stage by severity, phase by theme."""
    rule = RULES.get(finding.rule)
    title = rule.title if rule else finding.title
    return Step(
        _FALLBACK_PHASE.get(finding.theme, Phase.PLANNING),
        _FALLBACK_MONTH.get(finding.severity, 6),
        4,
        1,
        "strategy_owner",
        (),
        title,
        rule.action if rule else finding.action,
        _B(
            f"The finding '{title.en}' no longer appears in the diagnosis.",
            f"Le constat « {title.fr} » n'apparaît plus dans le diagnostic.",
        ),
        None,
        UNPREDICTABLE,
    )
