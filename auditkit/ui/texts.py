"""Words of the notebooks' interface, in English and French: step explanations, field labels, messages.

Display names of enumeration members (platforms, levels, statuses...) come from
:mod:`auditkit.report.i18n`, so that the notebooks and the report name things the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditkit.i18n import Bilingual

_B = Bilingual


@dataclass(frozen=True)
class Step:
    """One notebook of the guided audit."""

    number: int
    key: str
    notebook: str
    title: Bilingual
    intro: Bilingual


STEPS: tuple[Step, ...] = (
    Step(
        0,
        "start",
        "00_start.ipynb",
        _B("Start: the audit file", "Démarrer : le fichier d'audit"),
        _B(
            "Open the audit you are working on, or create a new one. Every change you make in these "
            "notebooks is checked as you type and saved to the audit file a moment later: you can close "
            "the tab or restart the kernel without losing anything. The table below shows how far each "
            "step has gone.",
            "Ouvrez l'audit en cours ou créez-en un nouveau. Chaque modification faite dans ces carnets "
            "est vérifiée pendant la saisie puis enregistrée dans le fichier d'audit un instant plus tard : "
            "vous pouvez fermer l'onglet ou redémarrer le noyau sans rien perdre. Le tableau ci-dessous "
            "montre l'avancement de chaque étape.",
        ),
    ),
    Step(
        1,
        "objectives",
        "01_objectives.ipynb",
        _B("Objectives and indicators", "Objectifs et indicateurs"),
        _B(
            "Start from what the organisation wants, not from the networks. Write each objective so that "
            "it can be checked later: what, how much, by when, from which starting point. Keep three at "
            "most and mark one as primary: it settles conflicts between the others. Give each objective "
            "the indicators that will prove it: return on investment for sales or hiring, return on "
            "attention for awareness or loyalty, risk of non-investment when nothing measurable fits.",
            "Partez de ce que veut l'organisation, pas des réseaux. Rédigez chaque objectif de sorte qu'on "
            "puisse le vérifier : quoi, combien, pour quand, à partir de quel point de départ. Gardez-en "
            "trois au plus et désignez-en un comme principal : il tranche quand les autres se contredisent. "
            "Associez à chaque objectif les indicateurs qui en feront la preuve : retour sur investissement "
            "pour les ventes ou le recrutement, retour sur attention pour la notoriété ou la fidélité, "
            "risque de non-investissement quand rien de mesurable ne convient.",
        ),
    ),
    Step(
        2,
        "environment",
        "02_environment.ipynb",
        _B("Environment: industry, peers, stakeholders", "Environnement : secteur, pairs, publics"),
        _B(
            "Place the organisation in its field. Describe the peers and competitors worth watching, "
            "where they publish and how far they have gone with social media. Then list the audiences "
            "that matter, how important each one is, how at ease they are online and which platforms "
            "they actually use. Say how you learned it: asking people beats guessing.",
            "Situez l'organisation dans son secteur. Décrivez les pairs et concurrents à observer, où ils "
            "publient et jusqu'où ils sont allés sur les réseaux sociaux. Listez ensuite les publics qui "
            "comptent, leur importance, leur aisance en ligne et les plateformes qu'ils utilisent vraiment. "
            "Indiquez comment vous l'avez appris : interroger les gens vaut mieux que supposer.",
        ),
    ),
    Step(
        3,
        "channels",
        "03_channels.ipynb",
        _B("Channel inventory", "Inventaire des canaux"),
        _B(
            "List every channel the organisation runs, online and offline, with its figures: audience, "
            "posting rhythm, engagement, response time, last post, hours and budget it takes, the "
            "objectives and audiences it serves, and what it adds that the others do not. A platform's "
            "statistics export (CSV) can fill the figures in: map its columns, check the preview, then "
            "apply.",
            "Recensez tous les canaux de l'organisation, en ligne et hors ligne, avec leurs chiffres : "
            "audience, rythme de publication, engagement, délai de réponse, dernière publication, heures et "
            "budget consacrés, objectifs et publics servis, et ce qu'ils apportent que les autres "
            "n'apportent pas. L'export statistique d'une plateforme (CSV) peut remplir les chiffres : "
            "associez ses colonnes, vérifiez l'aperçu, puis appliquez.",
        ),
    ),
    Step(
        4,
        "scoring",
        "04_scoring.ipynb",
        _B("Scores", "Scores"),
        _B(
            "Each channel gets a health score and a recommendation, and each pair of a channel and an objective a "
            "fit score, from the figures entered so far. Move a weight to see how much a factor counts: "
            "the chart and the scorecard follow at once, and the weights are saved with the audit so that "
            "the report uses the same ones.",
            "Chaque canal reçoit un score de santé et une recommandation, et chaque couple canal-objectif "
            "un score d'adéquation, à partir des chiffres saisis. Déplacez un poids pour voir combien un "
            "facteur compte : le graphique et le bilan suivent aussitôt, et les poids sont enregistrés avec "
            "l'audit pour que le rapport utilise les mêmes.",
        ),
    ),
    Step(
        5,
        "strategy",
        "05_strategy.ipynb",
        _B("Strategy and organisation", "Stratégie et organisation"),
        _B(
            "Go through what a strategy must contain and mark each part present, partial or absent, with "
            "where the evidence is. A part left unmarked is reported as not assessed. Then describe who "
            "does the work: management's involvement, who owns the strategy, who creates and who answers, "
            "how long validation takes, the hours and budget available, and how often results are "
            "reported.",
            "Passez en revue ce que doit contenir une stratégie et indiquez pour chaque élément s'il est "
            "présent, partiel ou absent, et où en est la preuve. Un élément non renseigné est signalé comme "
            "non évalué. Décrivez ensuite qui fait le travail : implication de la direction, responsable de "
            "la stratégie, qui crée et qui répond, durée de la validation, heures et budget disponibles, "
            "fréquence du suivi des résultats.",
        ),
    ),
    Step(
        6,
        "roadmap",
        "06_roadmap.ipynb",
        _B("Roadmap", "Feuille de route"),
        _B(
            "The roadmap turns the findings into actions staged at 1, 3, 6, 9 and 12 months, foundations "
            "first, within the hours the team has. Review it: move an action to another stage, edit it, "
            "drop it or add your own. Your edits are kept in the audit file and survive a regeneration. "
            "Export the plan as a spreadsheet, a calendar or a text.",
            "La feuille de route transforme les constats en actions étagées à 1, 3, 6, 9 et 12 mois, les "
            "fondations d'abord, dans la limite des heures de l'équipe. Relisez-la : déplacez une action "
            "vers une autre étape, modifiez-la, retirez-la ou ajoutez la vôtre. Vos modifications sont "
            "gardées dans le fichier d'audit et survivent à une régénération. Exportez le plan en tableur, "
            "en calendrier ou en texte.",
        ),
    ),
    Step(
        7,
        "report",
        "07_report.ipynb",
        _B("The report", "Le rapport"),
        _B(
            "Preview the report the client will receive and export it: one HTML file that opens offline, "
            "in the audit's language or the other one.",
            "Prévisualisez le rapport que recevra le client et exportez-le : un seul fichier HTML, lisible "
            "hors ligne, dans la langue de l'audit ou dans l'autre.",
        ),
    ),
)
"""The notebooks of the guided audit, in order."""

STEP_BY_KEY: dict[str, Step] = {step.key: step for step in STEPS}

FIELD_LABELS: dict[str, Bilingual] = {
    # engagement and client
    "client": _B("Client", "Client"),
    "consultant": _B("Consultant", "Consultant"),
    "audit_date": _B("Audit date", "Date de l'audit"),
    "round": _B("Round", "Édition"),
    "language": _B("Language of the deliverables", "Langue des livrables"),
    "currency": _B("Currency (ISO code)", "Devise (code ISO)"),
    "industry": _B("Kind of organisation", "Type d'organisation"),
    "sector": _B("Sector", "Secteur"),
    "size": _B("Size", "Taille"),
    "country": _B("Country (ISO code)", "Pays (code ISO)"),
    # objectives
    "statement": _B("Statement", "Énoncé"),
    "kind": _B("Kind", "Type"),
    "primary": _B("Primary objective", "Objectif principal"),
    "metric": _B("Metric", "Mesure"),
    "unit": _B("Unit", "Unité"),
    "baseline": _B("Baseline", "Point de départ"),
    "target": _B("Target", "Cible"),
    "deadline": _B("Deadline", "Échéance"),
    "Objective.stakeholders": _B("Target audiences", "Publics visés"),
    "indicators": _B("Indicators", "Indicateurs"),
    "name": _B("Name", "Nom"),
    "lens": _B("Lens", "Angle"),
    "definition": _B("Definition", "Définition"),
    "source": _B("Source", "Source"),
    # stakeholders
    "importance": _B("Importance (1-5)", "Importance (1-5)"),
    "digital_literacy": _B("Digital literacy", "Aisance numérique"),
    "Stakeholder.engagement": _B("Engagement", "Engagement"),
    "platforms": _B("Platforms used", "Plateformes utilisées"),
    "platform": _B("Platform", "Plateforme"),
    "share": _B("Share (0-1)", "Part (0-1)"),
    "level": _B("Level", "Niveau"),
    "consultation": _B("How it was learned", "Comment on l'a appris"),
    "consultation_note": _B("Consultation note", "Note sur la consultation"),
    # peers
    "relation": _B("Relation", "Relation"),
    "adoption": _B("Adoption stage", "Stade d'adoption"),
    "presence": _B("Presence", "Présence"),
    "handle": _B("Handle or URL", "Identifiant ou URL"),
    "audience": _B("Audience", "Audience"),
    "engagement_rate": _B("Engagement rate (%)", "Taux d'engagement (%)"),
    "note": _B("Note", "Remarque"),
    # channels
    "status": _B("Status", "Statut"),
    "owner": _B("Owner", "Responsable"),
    "audience_size": _B("Audience size", "Taille de l'audience"),
    "posts_per_week": _B("Posts per week", "Publications par semaine"),
    "Channel.engagement": _B("Engagement", "Engagement"),
    "rate": _B("Rate (%)", "Taux (%)"),
    "interactions": _B("Interactions", "Interactions"),
    "base": _B("Base (followers, reach...)", "Base (abonnés, portée...)"),
    "median_response_minutes": _B("Median response (minutes)", "Réponse médiane (minutes)"),
    "last_post": _B("Last post", "Dernière publication"),
    "started": _B("Started", "Créé le"),
    "hours_per_week": _B("Hours per week", "Heures par semaine"),
    "monthly_budget": _B("Monthly budget", "Budget mensuel"),
    "Channel.objectives": _B("Objectives served", "Objectifs servis"),
    "Channel.stakeholders": _B("Audiences reached", "Publics touchés"),
    "cross_posted_unchanged": _B(
        "Same posts pushed unchanged elsewhere", "Mêmes publications ailleurs, à l'identique"
    ),
    "added_value": _B("What it adds", "Ce qu'il apporte"),
    "emerging": _B("Emerging network", "Réseau émergent"),
    "assessed_before_launch": _B("Assessed before launch", "Évalué avant lancement"),
    # strategy and organisation
    "evidence": _B("Evidence (document, URL)", "Preuve (document, URL)"),
    "last_reviewed": _B("Strategy last reviewed", "Dernière révision de la stratégie"),
    "obstacles": _B("Obstacles (one per line)", "Obstacles (un par ligne)"),
    "sponsor": _B("Top management", "Direction"),
    "strategy_owner_role": _B("Strategy owner's role", "Rôle du responsable de la stratégie"),
    "strategy_owner": _B("Strategy owner", "Responsable de la stratégie"),
    "content_creators": _B("Content creators (one per line)", "Créateurs de contenu (un par ligne)"),
    "responders": _B("Who answers (one per line)", "Qui répond (un par ligne)"),
    "validation_delay_hours": _B("Validation delay (hours)", "Délai de validation (heures)"),
    "training": _B("Training", "Formation"),
    "Organisation.hours_per_week": _B("Team hours per week", "Heures de l'équipe par semaine"),
    "Organisation.monthly_budget": _B("Monthly budget", "Budget mensuel"),
    "reporting_cadence": _B("Reporting of results", "Suivi des résultats"),
    "publishing_lead_time_days": _B("Publishing lead time (days)", "Anticipation des publications (jours)"),
    "target_level": _B("Target maturity level", "Niveau de maturité visé"),
    "notes": _B("Notes", "Remarques"),
}
"""Field labels, keyed by field name or, where a name means two things, ``Model.field``."""

MESSAGES: dict[str, Bilingual] = {
    "saved": _B(
        "✓ Saved to {path} (revision {revision}, {time})",
        "✓ Enregistré dans {path} (révision {revision}, {time})",
    ),
    "loaded": _B(
        "Audit file: {path} (revision {revision})", "Fichier d'audit : {path} (révision {revision})"
    ),
    "merged": _B(
        "✓ Saved to {path} (revision {revision}, {time}), together with changes made elsewhere meanwhile",
        "✓ Enregistré dans {path} (révision {revision}, {time}), avec les modifications faites ailleurs entre-temps",
    ),
    "pending": _B("● Saving {path} in a moment…", "● Enregistrement de {path} dans un instant…"),
    "stale": _B(
        "⚠ Not saved: {path} was changed elsewhere (another notebook or person saved it). "
        "Reload it to see that version; your last change here is then dropped.",
        "⚠ Non enregistré : {path} a été modifié ailleurs (un autre carnet ou une autre personne). "
        "Rechargez-le pour voir cette version ; votre dernière modification ici sera abandonnée.",
    ),
    "save_failed": _B("⚠ Not saved: {error}", "⚠ Non enregistré : {error}"),
    "reload": _B("Reload from disk", "Recharger depuis le disque"),
    "started_from_example": _B(
        "{path} did not exist: it was created as a copy of the example audit '{example}'. "
        "Your changes go to the copy; the bundled example stays as it was.",
        "{path} n'existait pas : il a été créé comme copie de l'audit d'exemple « {example} ». "
        "Vos modifications vont dans la copie ; l'exemple fourni reste intact.",
    ),
    "created_empty": _B(
        "{path} did not exist and no example is bundled: a new, empty audit was created.",
        "{path} n'existait pas et aucun exemple n'est fourni : un nouvel audit vide a été créé.",
    ),
    "not_a_number": _B("not a number (e.g. {example})", "pas un nombre (par ex. {example})"),
    "not_whole": _B("not a whole number", "pas un nombre entier"),
    "required": _B("required", "obligatoire"),
    "unknown": _B("— not known —", "— inconnu —"),
    "not_assessed": _B("— not assessed —", "— non évalué —"),
    "yes": _B("yes", "oui"),
    "no": _B("no", "non"),
    "add": _B("Add", "Ajouter"),
    "remove": _B("Remove", "Retirer"),
    "up": _B("Move up", "Monter"),
    "down": _B("Move down", "Descendre"),
    "confirm_remove": _B("Remove “{name}”?{more}", "Retirer « {name} » ?{more}"),
    "confirm_refs": _B(
        " It is also taken out of {count} reference(s) to it.",
        " Il est aussi retiré de {count} référence(s) qui le citent.",
    ),
    "yes_remove": _B("Yes, remove", "Oui, retirer"),
    "cancel": _B("Cancel", "Annuler"),
    "empty_list": _B("Nothing here yet: use “Add”.", "Rien pour l'instant : utilisez « Ajouter »."),
    "id": _B("id: {id}", "identifiant : {id}"),
    "new_objective": _B(
        "New objective: what, how much, by when", "Nouvel objectif : quoi, combien, pour quand"
    ),
    "new_stakeholder": _B("New audience", "Nouveau public"),
    "new_peer": _B("New peer", "Nouveau pair"),
    "new_channel": _B("New channel", "Nouveau canal"),
    "new_indicator": _B("New indicator", "Nouvel indicateur"),
    "none_to_pick": _B("(none defined yet)", "(aucun pour l'instant)"),
}
"""Messages of the widgets, with ``{placeholders}``."""


def field_label(model: str, name: str) -> Bilingual:
    """The label of field ``name`` of the model class named ``model`` (the name itself if none)."""
    return FIELD_LABELS.get(f"{model}.{name}") or FIELD_LABELS.get(name) or _B(name, name)
