"""Numbers, dates, money and labels written the way each report language writes them.

French puts a narrow no-break space between thousands and a no-break space before ``%`` and
currency symbols, uses a decimal comma and writes "1er novembre 2026"; English writes "1,234.5",
"12%" and "1 November 2026". The outputs match Babel's CLDR data for ``fr`` and ``en_GB``
(except "1er", which French typography requires), without Babel's import cost.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import Enum

from auditkit.i18n import Bilingual
from auditkit.model import Language
from auditkit.platforms import Platform

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

_MONTHS = {
    Language.EN: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    Language.FR: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}
_CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}


def language_of(value: Language | str) -> Language:
    """The :class:`Language` named by ``value`` ("fr" or "en").

    Raises:
        ValueError: ``value`` names no supported language.
    """
    try:
        return Language(value)
    except ValueError:
        valid = ", ".join(member.value for member in Language)
        raise ValueError(f"unknown report language {value!r} (one of: {valid})") from None


@dataclass(frozen=True)
class Formatter:
    """Formats values for one report language.

    Args:
        language: the report's language.
    """

    language: Language

    @property
    def code(self) -> str:
        """The language's code ("en" or "fr"), as used in ``<html lang>``."""
        return self.language.value

    @property
    def colon(self) -> str:
        """A colon as the language writes it after a label (French puts a no-break space before it)."""
        return f"{NBSP}:" if self.language is Language.FR else ":"

    def number(self, value: float | None, digits: int = 0) -> str:
        """``value`` rounded to ``digits`` decimals with the language's separators ("—" if None)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "—"
        text = f"{value:,.{digits}f}"
        if self.language is Language.FR:
            text = text.replace(",", NARROW_NBSP).replace(".", ",")
        return text

    def decimal(self, value: float | None, max_digits: int = 2) -> str:
        """``value`` with at most ``max_digits`` decimals, trailing zeros dropped."""
        if value is None:
            return "—"
        text = self.number(value, max_digits)
        separator = "," if self.language is Language.FR else "."
        if separator in text:
            text = text.rstrip("0").rstrip(separator)
        return text

    def percent(self, fraction: float | None, digits: int = 0) -> str:
        """A fraction (0.12) as a percentage ("12%" / "12 %")."""
        if fraction is None:
            return "—"
        return self.percent_points(100 * fraction, digits)

    def percent_points(self, points: float | None, digits: int = 0) -> str:
        """A value already in percent (12.5) as a percentage ("12.5%" / "12,5 %")."""
        if points is None:
            return "—"
        number = self.decimal(points, digits) if digits else self.number(points)
        return f"{number}{NBSP}%" if self.language is Language.FR else f"{number}%"

    def money(self, amount: float | None, currency: str = "EUR") -> str:
        """A whole amount of ``currency`` ("€1,234" / "1 234 €"); unknown symbols keep the ISO code."""
        if amount is None:
            return "—"
        symbol = _CURRENCY_SYMBOLS.get(currency, currency)
        number = self.number(amount)
        if self.language is Language.FR:
            return f"{number}{NBSP}{symbol}"
        return f"{symbol}{number}" if len(symbol) == 1 else f"{symbol}{NBSP}{number}"

    def date(self, value: date | None) -> str:
        """A date in words ("23 November 2026" / "23 novembre 2026", "1er" for the first)."""
        if value is None:
            return "—"
        month = _MONTHS[self.language][value.month - 1]
        day = "1er" if self.language is Language.FR and value.day == 1 else str(value.day)
        return f"{day} {month} {value.year}"

    def hours(self, value: float | None) -> str:
        """A number of hours ("12.5 h" / "12,5 h")."""
        return "—" if value is None else f"{self.decimal(value, 1)}{NBSP}h"

    def rate(self, points: float | None) -> str:
        """An engagement rate already in percent, with two significant digits when it is small."""
        if points is None:
            return "—"
        digits = 2 if points >= 0.1 or points == 0 else min(6, 1 - math.floor(math.log10(abs(points))))
        return self.percent_points(points, digits)

    def unit(self, unit: str) -> str:
        """A unit of measure ("days", "posts/week"...) in this language (unknown units as given)."""
        text = UNIT_LABELS.get(unit)
        return text(self.language) if text else unit

    def label(self, key: str) -> str:
        """The interface label ``key`` in this language.

        Raises:
            KeyError: ``key`` is not in :data:`LABELS`.
        """
        return LABELS[key](self.language)

    def enum(self, member: Enum | None) -> str:
        """The display name of an enumeration member (platforms, levels, statuses...)."""
        if member is None:
            return "—"
        if isinstance(member, Platform):
            return platform_label(member, self.language)
        own = getattr(member, "label", None)
        if isinstance(own, Bilingual):
            return own(self.language)
        text = ENUM_LABELS.get(f"{type(member).__name__}.{member.value}")
        return text(self.language) if text else str(member.value).replace("_", " ")

    def text(self, value: Bilingual | str | None) -> str:
        """One language of a :class:`Bilingual` text (a plain string is returned as it is)."""
        if value is None:
            return ""
        return value if isinstance(value, str) else value(self.language)


def platform_label(platform: Platform, language: Language | str) -> str:
    """The platform's display name in ``language``."""
    french = _PLATFORM_FR.get(platform)
    return french if french and Language(language) is Language.FR else platform.label


_PLATFORM_FR = {
    Platform.X: "X (Twitter)",
    Platform.OTHER_SOCIAL: "Autre réseau social",
    Platform.WEBSITE: "Site web",
    Platform.BLOG: "Blog",
    Platform.NEWSLETTER: "Lettre d'information",
    Platform.EVENTS: "Événements",
    Platform.TRADE_SHOWS: "Salons professionnels",
    Platform.POSTAL_MAIL: "Courrier postal",
    Platform.SEARCH_ADS: "Publicité sur les moteurs de recherche",
    Platform.PRESS: "Relations presse",
    Platform.PODCAST: "Podcast",
    Platform.PHONE: "Téléphone",
    Platform.OTHER_TRADITIONAL: "Autre canal traditionnel",
}


def _table(rows: dict[str, tuple[str, str]]) -> dict[str, Bilingual]:
    return {key: Bilingual(en, fr) for key, (en, fr) in rows.items()}


LABELS: dict[str, Bilingual] = _table(
    {
        # document
        "report_title": (
            "Communications and social media audit",
            "Audit de communication et des réseaux sociaux",
        ),
        "contents": ("Contents", "Sommaire"),
        "prepared_for": ("Prepared for", "Préparé pour"),
        "prepared_by": ("Prepared by", "Préparé par"),
        "audit_date": ("Audit date", "Date de l'audit"),
        "round": ("Round", "Édition"),
        "round_n": ("Audit round {n}", "Audit n°{n}"),
        "generated_with": ("Generated with auditkit {version}", "Produit avec auditkit {version}"),
        "not_assessed": ("not assessed", "non évalué"),
        "none_listed": ("None.", "Aucun."),
        "yes": ("yes", "oui"),
        "no": ("no", "non"),
        "chart_no_data": ("Not enough data for this chart.", "Pas assez de données pour ce graphique."),
        "charts_failed": (
            "The charts could not be drawn in this browser; open the report in a recent Chrome, Edge, "
            "Firefox or Safari.",
            "Les graphiques n'ont pas pu être affichés dans ce navigateur ; ouvrez le rapport dans une "
            "version récente de Chrome, Edge, Firefox ou Safari.",
        ),
        "print_hint": (
            "Print or save as PDF from your browser.",
            "Imprimez ou enregistrez en PDF depuis votre navigateur.",
        ),
        # sections
        "section_summary": ("Executive summary", "Synthèse"),
        "section_context": ("Context", "Contexte"),
        "section_scorecard": ("Channel scorecard", "Bilan des canaux"),
        "section_benchmark": ("Peer benchmark", "Comparaison avec les pairs"),
        "section_strategy": ("Strategy and organisation", "Stratégie et organisation"),
        "section_findings": ("Findings", "Constats"),
        "section_roadmap": ("Roadmap", "Feuille de route"),
        "section_methodology": ("Methodology", "Méthodologie"),
        # summary
        "overall_score": ("Overall score", "Score global"),
        "maturity_level": ("Maturity level", "Niveau de maturité"),
        "target_level": ("Target level", "Niveau visé"),
        "no_target": ("No target level set.", "Aucun niveau visé n'a été fixé."),
        "level_n": ("Level {n}", "Niveau {n}"),
        "level": ("Level", "Niveau"),
        "out_of_100": ("out of 100", "sur 100"),
        "key_findings": ("The findings that matter most", "Les constats les plus importants"),
        "first_moves": ("First moves", "Premières actions"),
        "no_findings": ("No finding: nothing to report.", "Aucun constat à signaler."),
        "no_actions": ("No action planned.", "Aucune action prévue."),
        "findings_count": ("Findings by severity", "Constats par gravité"),
        # context
        "client": ("Client", "Client"),
        "consultant": ("Consultant", "Consultant"),
        "industry": ("Industry", "Secteur d'activité"),
        "sector": ("Sector", "Filière"),
        "size": ("Size", "Taille"),
        "country": ("Country", "Pays"),
        "objectives": ("Objectives", "Objectifs"),
        "objective": ("Objective", "Objectif"),
        "primary": ("primary", "principal"),
        "baseline": ("Baseline", "Point de départ"),
        "target": ("Target", "Cible"),
        "deadline": ("Deadline", "Échéance"),
        "indicators": ("Indicators", "Indicateurs"),
        "stakeholders": ("Stakeholders", "Parties prenantes"),
        "stakeholder": ("Stakeholder", "Partie prenante"),
        "importance": ("Importance", "Importance"),
        "digital_literacy": ("Digital literacy", "Aisance numérique"),
        "engagement": ("Engagement", "Engagement"),
        "consultation": ("Consultation", "Consultation"),
        "peers": ("Peers and competitors", "Pairs et concurrents"),
        "peer": ("Peer", "Pair"),
        "relation": ("Relation", "Relation"),
        "adoption": ("Adoption stage", "Stade d'adoption"),
        "presence": ("Presence", "Présence"),
        "chart_stakeholder_platforms": (
            "Where the stakeholders are: platform use by stakeholder",
            "Où sont les parties prenantes : usage des plateformes par partie prenante",
        ),
        "client_present": ("● the client is present", "● le client y est présent"),
        "usage_share": ("Share of the group using it", "Part du groupe qui l'utilise"),
        # scorecard
        "channel": ("Channel", "Canal"),
        "platform": ("Platform", "Plateforme"),
        "status": ("Status", "Statut"),
        "health": ("Health", "Santé"),
        "recommendation": ("Recommendation", "Recommandation"),
        "reasons": ("Reasons", "Raisons"),
        "audience": ("Audience", "Audience"),
        "posts_per_week": ("Posts per week", "Publications par semaine"),
        "posts_short": ("Posts / week", "Publ. / sem."),
        "engagement_rate": ("Engagement rate", "Taux d'engagement"),
        "hours_per_week": ("Hours per week", "Heures par semaine"),
        "monthly_budget": ("Monthly budget", "Budget mensuel"),
        "benchmark": ("Benchmark", "Référence"),
        "chart_channel_health": ("Health score by channel", "Score de santé par canal"),
        "chart_matrix": ("Channel \u00d7 objective fit", "Adéquation canal \u00d7 objectif"),
        "score": ("Score", "Score"),
        "serves_bold": ("Bold: the channel serves this objective.", "En gras : le canal sert cet objectif."),
        "no_channels": ("No channel in the inventory.", "Aucun canal dans l'inventaire."),
        # benchmark
        "chart_peer_benchmark": ("The client against its peers", "Le client face à ses pairs"),
        "client_series": ("Client", "Client"),
        "peers_median": ("Peers (median)", "Pairs (médiane)"),
        "industry_benchmark": ("Industry benchmark", "Référence sectorielle"),
        "benchmark_caveat": (
            "Engagement rates are only comparable when computed the same way: the industry benchmark "
            "uses the definition named in the methodology appendix; peers' rates were gathered as given.",
            "Les taux d'engagement ne se comparent que s'ils sont calculés de la même façon : la référence "
            "sectorielle suit la définition indiquée en annexe ; les taux des pairs sont repris tels quels.",
        ),
        "no_peers": ("No peer was analysed.", "Aucun pair n'a été analysé."),
        # strategy
        "strategy_completeness": ("Strategy completeness", "Complétude de la stratégie"),
        "organisation_readiness": ("Organisation readiness", "Préparation de l'organisation"),
        "factor": ("Factor", "Facteur"),
        "value": ("Value", "Valeur"),
        "weight": ("Weight", "Poids"),
        "points": ("Points", "Points"),
        "evidence": ("Evidence", "Éléments"),
        "components": ("Strategy components", "Composantes de la stratégie"),
        "component": ("Component", "Composante"),
        "note": ("Note", "Remarque"),
        "organisation": ("Organisation", "Organisation"),
        "sponsor": ("Top management", "Direction"),
        "strategy_owner": ("Strategy owner", "Responsable de la stratégie"),
        "content_creators": ("Content creators", "Créateurs de contenu"),
        "responders": ("Who answers", "Qui répond"),
        "validation_delay": ("Validation delay", "Délai de validation"),
        "training": ("Training", "Formation"),
        "reporting_cadence": ("Reporting", "Suivi des résultats"),
        "lead_time": ("Publishing lead time", "Délai d'anticipation des publications"),
        "last_reviewed": ("Strategy last reviewed", "Dernière révision de la stratégie"),
        "obstacles": ("Obstacles", "Obstacles"),
        "chart_contributions": (
            "What makes the score: points per factor",
            "Ce qui compose le score : points par facteur",
        ),
        "days": ("days", "jours"),
        # findings
        "rule": ("Rule", "Règle"),
        "severity": ("Severity", "Gravité"),
        "theme": ("Theme", "Thème"),
        "field": ("Field", "Champ"),
        "threshold": ("Threshold", "Seuil"),
        "action": ("Recommended action", "Action recommandée"),
        "seeds": ("Source in the method", "Source dans la méthode"),
        "seed_articles": ("Source articles of the method", "Articles sources de la méthode"),
        "concerns": ("Concerns", "Concerne"),
        "audit_wide": ("the whole audit", "l'ensemble de l'audit"),
        "findings_total": ("{n} findings", "{n} constats"),
        # roadmap
        "stage_month": ("Month {n}", "Mois {n}"),
        "by_month": ("By month {n}", "D'ici le mois {n}"),
        "chart_timeline": ("Timeline by stage", "Calendrier par étape"),
        "chart_projection": (
            "Projected scores at the end of each stage",
            "Scores projetés à la fin de chaque étape",
        ),
        "today": ("Today", "Aujourd'hui"),
        "owner": ("Owner", "Responsable"),
        "effort": ("Effort", "Effort"),
        "cost": ("Cost", "Coût"),
        "done_when": ("Done when", "Terminé quand"),
        "depends_on": ("Depends on", "Dépend de"),
        "answers": ("Answers", "Répond à"),
        "capacity": ("Capacity", "Capacité"),
        "hours_planned": ("Hours planned", "Heures prévues"),
        "projected_overall": ("Projected overall score", "Score global projeté"),
        "projected_completeness": ("Projected strategy completeness", "Complétude projetée de la stratégie"),
        "overflow": ("Moved to a later stage for lack of capacity", "Reporté faute de capacité"),
        "manual_action": ("added by the consultant", "ajoutée par le consultant"),
        "edited_action": ("edited by the consultant", "modifiée par le consultant"),
        "month_axis": ("Month", "Mois"),
        "roadmap_notes": ("Notes", "Remarques"),
        "backlog": ("Backlog: beyond month 12", "En attente : au-delà du mois 12"),
        "year_ahead": ("The year ahead", "L'année à venir"),
        "year_projection": (
            "Once the roadmap's twelve months are done, the overall score is projected at {score} out of "
            "100: level {level} — {name}.",
            "Une fois les douze mois de la feuille de route réalisés, le score global projeté est de "
            "{score} sur 100 : niveau {level} — {name}.",
        ),
        "target_reached": ("That meets the target level.", "Le niveau visé est ainsi atteint."),
        "target_not_reached": (
            "The target level is not reached within the year.",
            "Le niveau visé n'est pas atteint dans l'année.",
        ),
        "plan_load": (
            "The plan takes {needed} of work; the team can give it {capacity} over the year.",
            "Le plan représente {needed} de travail ; l'équipe peut y consacrer {capacity} sur l'année.",
        ),
        "plan_uncapped": (
            "The plan takes {needed} of work; the team's weekly hours are not known, so the stages are "
            "not capped.",
            "Le plan représente {needed} de travail ; les heures hebdomadaires de l'équipe ne sont pas "
            "connues, les étapes ne sont donc pas plafonnées.",
        ),
        "backlog_warning": (
            "{count} action(s) ({hours}) do not fit within the year and wait in the backlog.",
            "{count} action(s) ({hours}) ne tien(nen)t pas dans l'année et reste(nt) en attente.",
        ),
        # methodology
        "weights": ("Scoring weights", "Pondérations du score"),
        "weights_intro": (
            "Each score is a weighted mean of sub-scores between 0 and 1; a sub-score that cannot be "
            "assessed is dropped and the other weights are rescaled.",
            "Chaque score est une moyenne pondérée de sous-scores compris entre 0 et 1 ; un sous-score "
            "impossible à évaluer est écarté et les autres poids sont remis à l'échelle.",
        ),
        "thresholds": ("Rule thresholds", "Seuils des règles"),
        "maturity_levels": ("Maturity levels", "Niveaux de maturité"),
        "response_expectations": (
            "Response expectations: minutes within which each platform's audience expects an answer",
            "Délais de réponse attendus : minutes dans lesquelles le public de chaque plateforme attend une réponse",
        ),
        "benchmark_sources": ("Benchmark sources", "Sources des références"),
        "rules_not_assessed": ("Rules not assessed", "Règles non évaluées"),
        "missing_data": ("Missing data", "Données manquantes"),
        "default": ("Default", "Par défaut"),
        "this_audit": ("This audit", "Cet audit"),
        "unit": ("Unit", "Unité"),
        "metric": ("Metric", "Mesure"),
        "year": ("Year", "Année"),
        "source": ("Source", "Source"),
        "overridden": ("overridden for this audit", "modifié pour cet audit"),
        "name": ("Name", "Nom"),
        "meaning": ("Meaning", "Signification"),
        "description": ("Description", "Description"),
        "method_note": (
            "Findings come from a catalogue of rules, each with a stable identifier; a rule whose data is "
            "missing is listed here as not assessed rather than guessed.",
            "Les constats proviennent d'un catalogue de règles, chacune avec un identifiant stable ; une "
            "règle dont les données manquent figure ici comme non évaluée, sans supposition.",
        ),
    }
)
"""Interface labels of the report, in both languages (keys are used by the templates)."""

ENUM_LABELS: dict[str, Bilingual] = _table(
    {
        "IndustryKind.commercial_b2b": ("Commercial (B2B)", "Commercial (B2B)"),
        "IndustryKind.commercial_b2c": ("Commercial (B2C)", "Commercial (B2C)"),
        "IndustryKind.nonprofit_charity": ("Non-profit: charity", "Association caritative"),
        "IndustryKind.nonprofit_association": (
            "Non-profit: trade or professional association",
            "Association ou organisation professionnelle",
        ),
        "IndustryKind.nonprofit_cause": ("Non-profit: cause-driven", "Association militante"),
        "IndustryKind.public": ("Public sector", "Secteur public"),
        "IndustryKind.healthcare": ("Healthcare", "Santé"),
        "IndustryKind.education_primary": ("Primary education", "Enseignement primaire"),
        "IndustryKind.education_secondary": ("Secondary education", "Enseignement secondaire"),
        "IndustryKind.education_higher": ("Higher education", "Enseignement supérieur"),
        "OrganisationSize.micro": ("Micro", "Micro-entreprise"),
        "OrganisationSize.small": ("Small", "Petite"),
        "OrganisationSize.medium": ("Medium", "Moyenne"),
        "OrganisationSize.large": ("Large", "Grande"),
        "ObjectiveKind.institutional": ("Institutional communication", "Communication institutionnelle"),
        "ObjectiveKind.customer_relations": ("Customer relations", "Relation client"),
        "ObjectiveKind.prospecting": ("Prospecting", "Prospection"),
        "ObjectiveKind.sales": ("Sales", "Ventes"),
        "ObjectiveKind.loyalty": ("Loyalty", "Fidélisation"),
        "ObjectiveKind.recruitment": ("Recruitment", "Recrutement"),
        "ObjectiveKind.employer_brand": ("Employer brand", "Marque employeur"),
        "ObjectiveKind.internal": ("Internal communication", "Communication interne"),
        "ObjectiveKind.awareness": ("Awareness", "Notoriété"),
        "ObjectiveKind.web_traffic": ("Web traffic", "Trafic web"),
        "ObjectiveKind.listening": ("Listening", "Veille et écoute"),
        "Lens.roi": ("ROI (return on investment)", "ROI (retour sur investissement)"),
        "Lens.roa": ("ROA (return on attention)", "ROA (retour sur attention)"),
        "Lens.roni": ("RONI (risk of non-investment)", "RONI (risque de non-investissement)"),
        "Level.none": ("none", "nul"),
        "Level.low": ("low", "faible"),
        "Level.medium": ("medium", "moyen"),
        "Level.high": ("high", "élevé"),
        "Consultation.none": ("not consulted", "non consultée"),
        "Consultation.informal": ("informal talks", "échanges informels"),
        "Consultation.survey": ("survey", "questionnaire"),
        "Consultation.interviews": ("interviews", "entretiens"),
        "Consultation.focus_group": ("focus group", "groupe de discussion"),
        "Consultation.analytics": ("analytics", "données d'audience"),
        "PeerRelation.competitor": ("competitor", "concurrent"),
        "PeerRelation.peer": ("peer", "pair"),
        "PeerRelation.aspirational": ("role model", "modèle"),
        "AdoptionStage.innovator": ("innovator", "innovateur"),
        "AdoptionStage.early_adopter": ("early adopter", "adopteur précoce"),
        "AdoptionStage.early_majority": ("early majority", "majorité précoce"),
        "AdoptionStage.late_majority": ("late majority", "majorité tardive"),
        "AdoptionStage.laggard": ("laggard", "retardataire"),
        "ChannelStatus.active": ("active", "actif"),
        "ChannelStatus.dormant": ("dormant", "en sommeil"),
        "ChannelStatus.parked": ("parked", "réservé"),
        "ChannelStatus.planned": ("planned", "prévu"),
        "ChannelStatus.closed": ("closed", "fermé"),
        "ComponentStatus.present": ("present", "présent"),
        "ComponentStatus.partial": ("partial", "partiel"),
        "ComponentStatus.absent": ("absent", "absent"),
        "StrategyComponentKey.objectives_aligned": (
            "Objectives aligned with marketing",
            "Objectifs alignés sur le marketing",
        ),
        "StrategyComponentKey.measurable_actions": ("Measurable actions", "Actions mesurables"),
        "StrategyComponentKey.content_plan": ("Content plan", "Plan de contenu"),
        "StrategyComponentKey.content_pillars": ("Content pillars", "Piliers de contenu"),
        "StrategyComponentKey.distribution_plan": ("Distribution plan", "Plan de diffusion"),
        "StrategyComponentKey.budget": ("Budget", "Budget"),
        "StrategyComponentKey.crisis_plan": ("Crisis plan", "Plan de crise"),
        "StrategyComponentKey.exit_plan": ("Exit plan", "Plan de sortie"),
        "StrategyComponentKey.evaluation_plan": ("Evaluation plan", "Plan d'évaluation"),
        "StrategyComponentKey.editorial_line": ("Editorial line", "Ligne éditoriale"),
        "StrategyComponentKey.governance": ("Governance", "Gouvernance"),
        "StrategyComponentKey.policy": ("Social media policy", "Charte d'utilisation des réseaux sociaux"),
        "StrategyComponentKey.ownership": (
            "Ownership of accounts and data",
            "Propriété des comptes et des données",
        ),
        "StrategyComponentKey.moderation": ("Moderation guidelines", "Règles de modération"),
        "StrategyComponentKey.calendar": ("Editorial calendar", "Calendrier éditorial"),
        "StrategyComponentKey.monitoring": ("Monitoring slots", "Créneaux de veille"),
        "SponsorEngagement.none": ("not engaged", "non impliquée"),
        "SponsorEngagement.aware": ("aware", "informée"),
        "SponsorEngagement.supportive": ("supportive", "favorable"),
        "SponsorEngagement.champion": ("champion", "moteur"),
        "OwnerRole.nobody": ("nobody", "personne"),
        "OwnerRole.intern": ("intern", "stagiaire"),
        "OwnerRole.volunteer": ("volunteer", "bénévole"),
        "OwnerRole.junior": ("junior staff", "junior"),
        "OwnerRole.community_manager": ("community manager", "community manager"),
        "OwnerRole.communications_manager": ("communications manager", "responsable de la communication"),
        "OwnerRole.marketing_director": ("marketing director", "directeur marketing"),
        "OwnerRole.executive": ("executive", "dirigeant"),
        "OwnerRole.agency": ("agency", "agence"),
        "Training.none": ("none", "aucune"),
        "Training.some": ("some of the team", "une partie de l'équipe"),
        "Training.all": ("the whole team", "toute l'équipe"),
        "Cadence.never": ("never", "jamais"),
        "Cadence.ad_hoc": ("now and then", "ponctuel"),
        "Cadence.yearly": ("yearly", "annuel"),
        "Cadence.quarterly": ("quarterly", "trimestriel"),
        "Cadence.monthly": ("monthly", "mensuel"),
        "Cadence.weekly": ("weekly", "hebdomadaire"),
    }
)
"""Display names of enumeration members, keyed ``"ClassName.value"``."""

UNIT_LABELS: dict[str, Bilingual] = _table(
    {
        "currency/hour": ("currency/hour", "devise/heure"),
        "days": ("days", "jours"),
        "followers": ("followers", "abonnés"),
        "hours/week": ("hours/week", "heures/semaine"),
        "importance 1-5": ("importance 1\u20135", "importance 1\u20135"),
        "level 0-3": ("level 0\u20133", "niveau 0\u20133"),
        "minutes": ("minutes", "minutes"),
        "months": ("months", "mois"),
        "objectives": ("objectives", "objectifs"),
        "posts/week": ("posts/week", "publications/semaine"),
        "ratio": ("ratio", "rapport"),
        "share": ("share (0\u20131)", "part (0\u20131)"),
    }
)
"""Units of the rule thresholds, in both languages."""

SEED_ARTICLES: dict[str, Bilingual] = _table(
    {
        "000": (
            "The four classic social media mistakes",
            "Les quatre erreurs classiques sur les réseaux sociaux",
        ),
        "001": (
            "Obstacles to a social media presence and the nine steps of a strategy",
            "Les obstacles à une présence sur les réseaux sociaux et les neuf étapes d'une stratégie",
        ),
        "002": (
            "Four questions not to ask a social media manager",
            "Quatre questions à ne pas poser à un responsable des réseaux sociaux",
        ),
        "003": (
            "Seven rules for working smart on social media engagement",
            "Sept règles pour travailler intelligemment l'engagement sur les réseaux sociaux",
        ),
        "004": ("Good community-management practice", "Bonnes pratiques du community management"),
    }
)
"""The source articles of the method (``Finding.seeds``), by their number in the rule catalogue."""
