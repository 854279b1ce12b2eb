"""Rules on channels (DOMAIN §5): each one purposeful, kept alive, answered, owned and worth its cost."""

from __future__ import annotations

from auditkit.benchmarks import BenchmarkIndex, describe
from auditkit.diagnose import Context, Evidence, Finding, Outcome, Severity, Theme, rule, say
from auditkit.i18n import Bilingual
from auditkit.model import Audit, Channel, ChannelStatus
from auditkit.platforms import MAJOR_PLATFORMS, SOCIAL_PLATFORMS, Platform
from auditkit.rules._common import channel_label, gaps
from auditkit.rules.environment import NO_STAKEHOLDERS, use_value
from auditkit.rules.objectives import no_objectives
from auditkit.thresholds import RESPONSE_KEYS

PUBLIC_PLATFORMS = SOCIAL_PLATFORMS - {Platform.WHATSAPP}
"""Platforms whose accounts the public sees, so that silence there shows (rule CH-DORMANT)."""

REPLACEABLE_PLATFORMS = frozenset(set(Platform) - SOCIAL_PLATFORMS - {Platform.WEBSITE, Platform.BLOG})
"""Traditional channels that a social channel may duplicate (rule CH-OFFLINE-OVERLAP).

The website and the blog are left out: they are the hub the social links lead to (DOMAIN §3), never a
candidate for replacement by a social account.
"""

_WEEKS_PER_MONTH = 52 / 12
_ACTIVE_SOCIAL = Bilingual(en="active social channels", fr="canaux sociaux actifs")
_CLAIMED_NOTE = Bilingual(
    en="platforms where the client has a channel", fr="plateformes où le client a un canal"
)


def monthly_cost(channel: Channel, hourly_rate: float) -> float | None:
    """A channel's monthly cost: budget plus weekly hours at ``hourly_rate``; ``None`` if neither is known."""
    if channel.monthly_budget is None and channel.hours_per_week is None:
        return None
    return (channel.monthly_budget or 0) + (channel.hours_per_week or 0) * _WEEKS_PER_MONTH * hourly_rate


def _cost_note(cost: float, currency: str) -> Bilingual:
    return say(
        "about {cost} {currency} a month", "environ {cost} {currency} par mois", cost=cost, currency=currency
    )


@rule(
    "CH-NO-OBJECTIVE",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("003",),
    title=Bilingual(en="Channel serving no objective", fr="Canal au service d'aucun objectif"),
    condition=Bilingual(
        en="An active channel lists no objective it serves.",
        fr="Un canal actif ne sert aucun objectif déclaré.",
    ),
    action=Bilingual(
        en="Tie the channel to the objective it can serve best, with what it adds over the other channels, "
        "or plan to park or close it.",
        fr="Rattacher le canal à l'objectif qu'il sert le mieux, en précisant ce qu'il apporte de plus que "
        "les autres canaux, ou prévoir de le mettre en veille ou de le fermer.",
    ),
)
def channel_without_objective(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    return [
        context.finding(
            say(
                "The active channel {channel} serves none of the objectives. It takes time every week with "
                "no stated reason to exist, so nobody can tell whether to keep, fix or close it.",
                "Le canal actif {channel} ne sert aucun des objectifs. Il prend du temps chaque semaine sans "
                "raison d'être déclarée : personne ne peut dire s'il faut le garder, le corriger ou le fermer.",
                channel=channel_label(channel),
            ),
            [Evidence(f"channels.{i}.objectives", [])],
            [channel.id],
            about=channel.name,
        )
        for i, channel in context.active
        if not channel.objectives
    ]


@rule(
    "CH-NO-AUDIENCE",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("004",),
    title=Bilingual(en="Channel reaching no target audience", fr="Canal sans public cible"),
    condition=Bilingual(
        en="An active channel reaches none of the stakeholders the objectives aim at (all the described "
        "stakeholders when no objective names any).",
        fr="Un canal actif ne touche aucune des parties prenantes visées par les objectifs (toutes les "
        "parties prenantes décrites quand aucun objectif n'en nomme).",
    ),
    action=Bilingual(
        en="Check who actually follows the channel (its statistics, a look at the followers); if the "
        "target audiences are not there, move the effort to where they are and park the channel.",
        fr="Vérifier qui suit réellement le canal (ses statistiques, un coup d'œil aux abonnés) ; si les "
        "publics visés n'y sont pas, reporter l'effort là où ils se trouvent et mettre le canal en veille.",
    ),
)
def channel_without_audience(audit: Audit, context: Context) -> Outcome:
    if not audit.stakeholders:
        return context.not_assessed(("stakeholders",), NO_STAKEHOLDERS)
    findings: list[Finding] = []
    for i, channel in context.active:
        if context.target_stakeholders.intersection(channel.stakeholders):
            continue
        if channel.stakeholders:
            names = [audit.stakeholders[context.stakeholder_index[sid]].name for sid in channel.stakeholders]
            explanation = say(
                "The active channel {channel} reaches {names}, none of whom the objectives aim at. Being "
                "where the target audience is comes first: effort spent elsewhere serves no objective.",
                "Le canal actif {channel} touche {names}, dont aucun n'est visé par les objectifs. Être là "
                "où se trouve le public cible passe en premier : l'effort dépensé ailleurs ne sert aucun "
                "objectif.",
                channel=channel_label(channel),
                names=names,
            )
        else:
            explanation = say(
                "The active channel {channel} reaches none of the described stakeholders. Being where the "
                "target audience is comes first: a channel nobody relevant follows is effort without return.",
                "Le canal actif {channel} ne touche aucune des parties prenantes décrites. Être là où se "
                "trouve le public cible passe en premier : un canal que personne d'utile ne suit est un "
                "effort sans retour.",
                channel=channel_label(channel),
            )
        findings.append(
            context.finding(
                explanation,
                [Evidence(f"channels.{i}.stakeholders", list(channel.stakeholders))],
                [channel.id],
                about=channel.name,
            )
        )
    return findings


@rule(
    "CH-DORMANT",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("004",),
    title=Bilingual(en="Dormant public account", fr="Compte public à l'abandon"),
    condition=Bilingual(
        en="A public social account (active or marked dormant; not parked) last posted more than "
        "dormancy_days (90) days before the audit date, or is marked dormant with no known last post.",
        fr="Un compte social public (actif ou marqué à l'abandon ; pas en veille) a publié pour la "
        "dernière fois plus de dormancy_days (90) jours avant la date de l'audit, ou est marqué à "
        "l'abandon sans date de dernière publication.",
    ),
    action=Bilingual(
        en="Decide for this account: revive it with a realistic rhythm and an owner, or park it (a pinned "
        "message pointing to the active channels, handle kept), or close it and remove its links.",
        fr="Trancher pour ce compte : le relancer avec un rythme réaliste et un responsable, ou le mettre "
        "en veille (message épinglé renvoyant vers les canaux actifs, nom de compte conservé), ou le "
        "fermer et retirer ses liens.",
    ),
    thresholds=("dormancy_days",),
)
def dormant_channels(audit: Audit, context: Context) -> Outcome:
    limit = context.thresholds["dormancy_days"]
    findings: list[Finding] = []
    missing: list[str] = []
    subjects: list[str] = []
    for i, channel in enumerate(audit.channels):
        if channel.platform not in PUBLIC_PLATFORMS or channel.status not in (
            ChannelStatus.ACTIVE,
            ChannelStatus.DORMANT,
        ):
            continue
        if channel.last_post is None:
            if channel.status is ChannelStatus.DORMANT:
                findings.append(
                    context.finding(
                        say(
                            "{channel} is marked dormant. A public account left silent tells visitors the "
                            "organisation is not listening, which annoys more than having no account.",
                            "{channel} est marqué à l'abandon. Un compte public laissé muet dit aux visiteurs "
                            "que l'organisation n'écoute pas, ce qui agace plus que l'absence de compte.",
                            channel=channel_label(channel),
                        ),
                        [Evidence(f"channels.{i}.status", channel.status)],
                        [channel.id],
                        about=channel.name,
                    )
                )
            else:
                missing.append(f"channels.{i}.last_post")
                subjects.append(channel.id)
            continue
        silent = (context.today - channel.last_post).days
        if silent <= limit:
            continue
        findings.append(
            context.finding(
                say(
                    "{channel} last posted on {last_post}, {days} days before the audit (threshold: {limit} days). "
                    "A visitor finds an account that looks abandoned; the method notes that created-then-"
                    "ignored accounts annoy people more than no account at all.",
                    "{channel} a publié pour la dernière fois le {last_post}, {days} jours avant l'audit "
                    "(seuil : {limit} jours). Le visiteur trouve un compte qui paraît délaissé ; la méthode note "
                    "que les comptes créés puis ignorés agacent davantage que l'absence de compte.",
                    channel=channel_label(channel),
                    last_post=channel.last_post,
                    days=silent,
                    limit=limit,
                ),
                [
                    Evidence(
                        f"channels.{i}.last_post",
                        channel.last_post,
                        threshold=limit,
                        note=say("{days} days without a post", "{days} jours sans publication", days=silent),
                    )
                ],
                [channel.id],
                about=channel.name,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            missing,
            subjects,
            Bilingual(
                en="The date of the last post is not recorded for these public accounts.",
                fr="La date de dernière publication n'est pas renseignée pour ces comptes publics.",
            ),
        ),
    ]


@rule(
    "CH-SPREAD",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("004", "003"),
    title=Bilingual(en="Spread over too many channels", fr="Dispersion sur trop de canaux"),
    condition=Bilingual(
        en="The active social channels need more than the team's weekly hours, counting hours_per_channel "
        "(3) hours a week for each; major when they need at least twice the hours, minor below.",
        fr="Les canaux sociaux actifs demandent plus que les heures hebdomadaires de l'équipe, à raison "
        "de hours_per_channel (3) heures par semaine chacun ; majeur quand ils en demandent au moins le "
        "double, mineur en deçà.",
    ),
    action=Bilingual(
        en="Rank the active social channels by what they bring to the primary objective, keep the ones "
        "the team's hours can sustain, and park the others.",
        fr="Classer les canaux sociaux actifs selon leur apport à l'objectif principal, garder ceux que les "
        "heures de l'équipe permettent de tenir, et mettre les autres en veille.",
    ),
    thresholds=("hours_per_channel",),
)
def spread_too_thin(audit: Audit, context: Context) -> Outcome:
    available = audit.organisation.hours_per_week
    if available is None:
        return context.not_assessed(
            ("organisation.hours_per_week",),
            Bilingual(
                en="The team's weekly hours for social media are not recorded.",
                fr="Les heures hebdomadaires de l'équipe consacrées aux réseaux sociaux ne sont pas renseignées.",
            ),
        )
    per_channel = context.thresholds["hours_per_channel"]
    count = len(context.active_social)
    needed = count * per_channel
    if needed <= available:
        return []
    sustainable = int(available // per_channel) if per_channel else count
    return [
        context.finding(
            say(
                "{count} active social channels need about {needed} hours a week ({per_channel} each) and "
                "the team has {available}: it can keep about {sustainable} well. The others get whatever "
                "time is left; one well-kept account does more than several neglected ones.",
                "{count} canaux sociaux actifs demandent environ {needed} heures par semaine ({per_channel} "
                "chacun) et l'équipe en a {available} : elle peut en tenir correctement environ "
                "{sustainable}. Les autres reçoivent le temps qui reste ; un compte bien tenu fait plus "
                "que plusieurs comptes délaissés.",
                count=count,
                needed=needed,
                per_channel=per_channel,
                available=available,
                sustainable=sustainable,
            ),
            [
                Evidence("organisation.hours_per_week", available, threshold=needed),
                Evidence(
                    "channels", [channel.id for _, channel in context.active_social], note=_ACTIVE_SOCIAL
                ),
            ],
            [channel.id for _, channel in context.active_social],
            severity=Severity.MAJOR if needed >= 2 * available else Severity.MINOR,
        )
    ]


@rule(
    "CH-LOW-ENGAGEMENT",
    severity=Severity.MINOR,
    theme=Theme.CHANNELS,
    seeds=("004",),
    title=Bilingual(en="Large audience, weak engagement", fr="Grande audience, faible engagement"),
    condition=Bilingual(
        en="An active social channel with at least large_audience (1,000) followers has an engagement "
        "rate under engagement_ratio_low (0.5) times the industry benchmark of the same metric.",
        fr="Un canal social actif d'au moins large_audience (1 000) abonnés a un taux d'engagement "
        "inférieur à engagement_ratio_low (0,5) fois la référence du secteur pour la même mesure.",
    ),
    action=Bilingual(
        en="Look at the posts that did engage and at who the followers are; shift the content toward "
        "what this audience answers (questions, local or behind-the-scenes content) and stop buying or "
        "chasing followers.",
        fr="Regarder les publications qui ont fait réagir et qui sont les abonnés ; orienter les contenus "
        "vers ce à quoi ce public répond (questions, contenus locaux ou coulisses) et cesser d'acheter ou "
        "de courir après les abonnés.",
    ),
    thresholds=("large_audience", "engagement_ratio_low"),
)
def low_engagement(audit: Audit, context: Context) -> Outcome:
    large = context.thresholds["large_audience"]
    ratio_low = context.thresholds["engagement_ratio_low"]
    index: BenchmarkIndex | None = None
    findings: list[Finding] = []
    no_data: tuple[list[str], list[str]] = ([], [])
    no_benchmark: tuple[list[str], list[str]] = ([], [])
    for i, channel in context.active_social:
        if channel.audience_size is None:
            no_data[0].append(f"channels.{i}.audience_size")
            no_data[1].append(channel.id)
            continue
        if channel.audience_size < large:
            continue
        if channel.engagement is None:
            no_data[0].append(f"channels.{i}.engagement")
            no_data[1].append(channel.id)
            continue
        index = index or BenchmarkIndex(audit)
        metric = channel.engagement.definition
        row = index.lookup(channel.platform, metric)
        if row is None or row.metric != metric or row.value <= 0:
            no_benchmark[0].append(f"settings.benchmarks[{channel.platform.value}, {metric}]")
            no_benchmark[1].append(channel.id)
            continue
        rate = channel.engagement.percent
        ratio = rate / row.value
        if ratio >= ratio_low:
            continue
        findings.append(
            context.finding(
                say(
                    "{channel} has {audience} followers but an engagement rate of {rate}% ({metric}), "
                    "{share}% of the benchmark: {benchmark}. The audience is there in number, not in "
                    "attention: 500 followers who react are worth more than 5,000 who never do.",
                    "{channel} compte {audience} abonnés mais un taux d'engagement de {rate} % ({metric}), "
                    "soit {share} % de la référence : {benchmark}. Le public est là en nombre, pas en "
                    "attention : 500 abonnés qui réagissent valent mieux que 5 000 qui ne réagissent jamais.",
                    channel=channel_label(channel),
                    audience=channel.audience_size,
                    rate=rate,
                    metric=metric,
                    share=round(100 * ratio),
                    benchmark=say(
                        "{value}% for {industry} on {platform} ({source}, {year})",
                        "{value} % pour {industry} sur {platform} ({source}, {year})",
                        value=row.value,
                        industry=row.industry,
                        platform=row.platform,
                        source=row.source_title,
                        year=str(row.year),
                    ),
                ),
                [
                    Evidence(f"channels.{i}.audience_size", channel.audience_size, threshold=large),
                    Evidence(
                        f"channels.{i}.engagement",
                        rate,
                        threshold=ratio_low * row.value,
                        note=say("benchmark: {row}", "référence : {row}", row=describe(row)),
                    ),
                ],
                [channel.id],
                about=channel.name,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            *no_data,
            Bilingual(
                en="The audience size or the engagement of these active social channels is not recorded.",
                fr="La taille d'audience ou l'engagement de ces canaux sociaux actifs n'est pas renseigné.",
            ),
        ),
        *gaps(
            context,
            *no_benchmark,
            Bilingual(
                en="No benchmark row has the same platform and metric code as these channels' engagement; "
                "add one for the client's sector in settings.benchmarks to compare them.",
                fr="Aucune ligne de référence n'a la même plateforme et le même code de mesure que "
                "l'engagement de ces canaux ; en ajouter une pour le secteur du client dans "
                "settings.benchmarks permettrait de les comparer.",
            ),
        ),
    ]


@rule(
    "CH-SLOW-RESPONSE",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("001",),
    title=Bilingual(en="Answers slower than the audience expects", fr="Réponses plus lentes que l'attente"),
    condition=Bilingual(
        en="An active channel's median response time exceeds the platform's expectation "
        "(response_minutes.<platform>, e.g. 60 minutes on X, 240 on Facebook or Instagram).",
        fr="Le temps de réponse médian d'un canal actif dépasse l'attente propre à sa plateforme "
        "(response_minutes.<plateforme>, par exemple 60 minutes sur X, 240 sur Facebook ou Instagram).",
    ),
    action=Bilingual(
        en="Name who answers on this channel and when, set monitoring slots within the expected delay, "
        "and prepare approved answers to the frequent questions so nobody waits for a validation.",
        fr="Désigner qui répond sur ce canal et quand, fixer des créneaux de veille compatibles avec le "
        "délai attendu, et préparer des réponses validées aux questions fréquentes pour ne plus attendre "
        "de validation.",
    ),
    thresholds=RESPONSE_KEYS,
)
def slow_response(audit: Audit, context: Context) -> Outcome:
    findings: list[Finding] = []
    missing: list[str] = []
    subjects: list[str] = []
    for i, channel in context.active:
        expected = context.expectation(channel.platform)
        median = channel.median_response_minutes
        if median is None:
            if expected is not None and channel.platform.is_social:
                missing.append(f"channels.{i}.median_response_minutes")
                subjects.append(channel.id)
            continue
        if expected is None or median <= expected:
            continue
        findings.append(
            context.finding(
                say(
                    "{channel} answers in {median} minutes (median) where its audience expects an answer "
                    "within {expected}. Questions left waiting in public frustrate the people who ask and "
                    "show everyone else that nobody listens.",
                    "{channel} répond en {median} minutes (médiane) quand son public attend une réponse en "
                    "moins de {expected}. Les questions laissées en attente, en public, frustrent ceux qui "
                    "les posent et montrent à tous que personne n'écoute.",
                    channel=channel_label(channel),
                    median=median,
                    expected=expected,
                ),
                [Evidence(f"channels.{i}.median_response_minutes", median, threshold=expected)],
                [channel.id],
                about=channel.name,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            missing,
            subjects,
            Bilingual(
                en="The median response time of these active social channels is not recorded.",
                fr="Le temps de réponse médian de ces canaux sociaux actifs n'est pas renseigné.",
            ),
        ),
    ]


@rule(
    "CH-DUPLICATE",
    severity=Severity.MINOR,
    theme=Theme.CHANNELS,
    seeds=("001",),
    title=Bilingual(en="Same content pushed unchanged", fr="Mêmes contenus copiés-collés"),
    condition=Bilingual(
        en="An active channel receives content pushed unchanged from other channels.",
        fr="Un canal actif reçoit des contenus repris tels quels d'autres canaux.",
    ),
    action=Bilingual(
        en="Write down what this channel adds over the others (format, tone, audience) and adapt each "
        "post to it; stop automatic cross-posting.",
        fr="Écrire ce que ce canal apporte de plus que les autres (format, ton, public) et adapter chaque "
        "publication en conséquence ; arrêter la publication croisée automatique.",
    ),
)
def duplicated_content(audit: Audit, context: Context) -> Outcome:
    findings: list[Finding] = []
    missing: list[str] = []
    subjects: list[str] = []
    for i, channel in context.active:
        if channel.cross_posted_unchanged is None:
            if channel.platform.is_social:
                missing.append(f"channels.{i}.cross_posted_unchanged")
                subjects.append(channel.id)
            continue
        if not channel.cross_posted_unchanged:
            continue
        findings.append(
            context.finding(
                say(
                    "{channel} gets the same posts as other channels, unchanged. A channel that repeats the "
                    "others gives nobody a reason to follow it: each one must add something of its own.",
                    "{channel} reçoit les mêmes publications que d'autres canaux, sans adaptation. Un canal "
                    "qui répète les autres ne donne à personne de raison de le suivre : chacun doit "
                    "apporter quelque chose en propre.",
                    channel=channel_label(channel),
                ),
                [Evidence(f"channels.{i}.cross_posted_unchanged", True)],
                [channel.id],
                about=channel.name,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            missing,
            subjects,
            Bilingual(
                en="Whether these active social channels repeat other channels' content is not recorded.",
                fr="On ignore si ces canaux sociaux actifs reprennent tels quels les contenus d'autres canaux.",
            ),
        ),
    ]


@rule(
    "CH-NO-OWNER",
    severity=Severity.MAJOR,
    theme=Theme.CHANNELS,
    seeds=("003", "004"),
    title=Bilingual(en="Channel with no named owner", fr="Canal sans responsable désigné"),
    condition=Bilingual(
        en="An active or dormant channel has no named owner.",
        fr="Un canal actif ou à l'abandon n'a pas de responsable désigné.",
    ),
    action=Bilingual(
        en="Name one person responsible for the channel (posting, answers, access codes), with a backup, "
        "and record it in the governance document.",
        fr="Désigner une personne responsable du canal (publications, réponses, codes d'accès), avec un "
        "suppléant, et l'inscrire dans le document de gouvernance.",
    ),
)
def channel_without_owner(audit: Audit, context: Context) -> Outcome:
    return [
        context.finding(
            say(
                "Nobody is named as the owner of {channel}. A channel that belongs to everybody is kept by "
                "nobody: its rhythm, its answers and even its passwords drift.",
                "Personne n'est désigné comme responsable de {channel}. Un canal qui appartient à tout le "
                "monde n'est tenu par personne : son rythme, ses réponses et jusqu'à ses mots de passe "
                "s'égarent.",
                channel=channel_label(channel),
            ),
            [Evidence(f"channels.{i}.owner", channel.owner)],
            [channel.id],
            about=channel.name,
        )
        for i, channel in enumerate(audit.channels)
        if channel.status in (ChannelStatus.ACTIVE, ChannelStatus.DORMANT) and not channel.owner.strip()
    ]


@rule(
    "CH-SHINY",
    severity=Severity.MINOR,
    theme=Theme.CHANNELS,
    seeds=("002",),
    title=Bilingual(en="New network joined without assessment", fr="Nouveau réseau rejoint sans évaluation"),
    condition=Bilingual(
        en="A channel on an emerging network (active, dormant or planned) was not assessed before launch.",
        fr="Un canal sur un réseau émergent (actif, à l'abandon ou prévu) n'a pas été évalué avant son "
        "lancement.",
    ),
    action=Bilingual(
        en="Assess the network now: are the target stakeholders there, do peers use it, what does it add, "
        "what will it cost each week? Keep it, park it or close it according to the answer.",
        fr="Évaluer ce réseau maintenant : les parties prenantes visées y sont-elles, les pairs "
        "l'utilisent-ils, qu'apporte-t-il, que coûtera-t-il chaque semaine ? Le garder, le mettre en "
        "veille ou le fermer selon la réponse.",
    ),
)
def shiny_network(audit: Audit, context: Context) -> Outcome:
    findings: list[Finding] = []
    missing: list[str] = []
    subjects: list[str] = []
    for i, channel in enumerate(audit.channels):
        if not channel.emerging or channel.status in (ChannelStatus.PARKED, ChannelStatus.CLOSED):
            continue
        if channel.assessed_before_launch is None:
            missing.append(f"channels.{i}.assessed_before_launch")
            subjects.append(channel.id)
            continue
        if channel.assessed_before_launch:
            continue
        findings.append(
            context.finding(
                say(
                    "{channel} is on a network everybody talks about, and it was started without an "
                    "assessment. A new network is an opportunity to weigh, not a bandwagon: it costs the same "
                    "planning and hours as any other, and may fade as fast as it rose.",
                    "{channel} est sur un réseau dont tout le monde parle, et il a été lancé sans "
                    "évaluation. Un nouveau réseau est une occasion à peser, pas un train à prendre : il "
                    "demande la même préparation et les mêmes heures qu'un autre, et peut disparaître aussi "
                    "vite qu'il est apparu.",
                    channel=channel_label(channel),
                ),
                [
                    Evidence(f"channels.{i}.emerging", True),
                    Evidence(f"channels.{i}.assessed_before_launch", False),
                ],
                [channel.id],
                about=channel.name,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            missing,
            subjects,
            Bilingual(
                en="Whether these channels on emerging networks were assessed before launch is not recorded.",
                fr="On ignore si ces canaux sur des réseaux émergents ont été évalués avant leur lancement.",
            ),
        ),
    ]


@rule(
    "CH-OFFLINE-OVERLAP",
    severity=Severity.MINOR,
    theme=Theme.CHANNELS,
    seeds=("003",),
    title=Bilingual(
        en="Traditional channel duplicating a cheaper digital one", fr="Canal traditionnel en doublon"
    ),
    condition=Bilingual(
        en="An active traditional channel (not the website or blog) carries content repeated from other "
        "channels (cross_posted_unchanged) to stakeholders that an active social channel also reaches, for "
        "objectives that channel also serves, at a higher monthly cost (budget plus hours at hourly_rate). "
        "A traditional channel with content of its own is integrated, not duplicated.",
        fr="Un canal traditionnel actif (hors site web et blog) porte des contenus repris d'autres canaux "
        "(cross_posted_unchanged) vers des parties prenantes qu'un canal social actif touche aussi, pour "
        "des objectifs que ce canal sert aussi, à un coût mensuel plus élevé (budget plus heures au taux "
        "hourly_rate). Un canal traditionnel doté de contenus propres est intégré, pas dupliqué.",
    ),
    action=Bilingual(
        en="Compare what the two channels bring to these stakeholders, then integrate them (one message, "
        "adapted to each), reduce the traditional channel, or replace it with the digital one.",
        fr="Comparer ce que les deux canaux apportent à ces parties prenantes, puis les intégrer (un "
        "message, adapté à chacun), réduire le canal traditionnel, ou le remplacer par le canal numérique.",
    ),
    thresholds=("hourly_rate",),
)
def offline_overlap(audit: Audit, context: Context) -> Outcome:
    rate = context.thresholds["hourly_rate"]
    currency = audit.engagement.currency
    findings: list[Finding] = []
    missing: list[str] = []
    subjects: list[str] = []
    for i, traditional in context.active:
        if traditional.platform not in REPLACEABLE_PLATFORMS or not traditional.stakeholders:
            continue
        if not traditional.objectives:
            continue
        reached, served = set(traditional.stakeholders), set(traditional.objectives)
        twins = [
            (j, digital)
            for j, digital in context.active_social
            if reached <= set(digital.stakeholders) and served <= set(digital.objectives)
        ]
        if not twins or traditional.cross_posted_unchanged is False:
            continue
        if traditional.cross_posted_unchanged is None:
            missing.append(f"channels.{i}.cross_posted_unchanged")
            subjects.append(traditional.id)
            continue
        cost = monthly_cost(traditional, rate)
        priced = [(c, j, digital) for j, digital in twins if (c := monthly_cost(digital, rate)) is not None]
        if cost is None or not priced:
            unpriced = [(i, traditional)] if cost is None else twins
            missing += [
                f"channels.{k}.{field}" for k, _ in unpriced for field in ("hours_per_week", "monthly_budget")
            ]
            subjects += [channel.id for _, channel in unpriced]
            continue
        twin_cost, j, twin = min(priced, key=lambda item: item[0])
        if cost <= twin_cost:
            continue
        findings.append(
            context.finding(
                say(
                    "{traditional} repeats content from other channels and costs about {cost} {currency} a "
                    "month to reach {stakeholders}; {digital} reaches the same people for the same "
                    "objectives for about {twin_cost} {currency}. Carrying one message twice to the same "
                    "people doubles the effort; the method asks to integrate or replace rather than "
                    "duplicate.",
                    "{traditional} reprend des contenus d'autres canaux et coûte environ {cost} {currency} "
                    "par mois pour toucher {stakeholders} ; {digital} touche les mêmes personnes pour les "
                    "mêmes objectifs pour environ {twin_cost} {currency}. Porter deux fois le même message "
                    "aux mêmes personnes double l'effort ; la méthode demande d'intégrer ou de remplacer "
                    "plutôt que de dupliquer.",
                    traditional=channel_label(traditional),
                    digital=channel_label(twin),
                    cost=cost,
                    twin_cost=twin_cost,
                    currency=currency,
                    stakeholders=[
                        audit.stakeholders[context.stakeholder_index[s]].name
                        for s in traditional.stakeholders
                    ],
                ),
                [
                    Evidence(f"channels.{i}.cross_posted_unchanged", True),
                    Evidence(f"channels.{i}.monthly_budget", traditional.monthly_budget),
                    Evidence(
                        f"channels.{i}.hours_per_week",
                        traditional.hours_per_week,
                        note=_cost_note(cost, currency),
                    ),
                    Evidence(f"channels.{j}.stakeholders", list(twin.stakeholders)),
                    Evidence(f"channels.{j}.objectives", list(twin.objectives)),
                    Evidence(
                        f"channels.{j}.hours_per_week",
                        twin.hours_per_week,
                        note=_cost_note(twin_cost, currency),
                    ),
                ],
                [traditional.id, twin.id],
                about=traditional.name,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            missing,
            subjects,
            Bilingual(
                en="These traditional channels reach the audience of a social channel for the same "
                "objectives, but whether they repeat other channels' content, or what they cost (hours, "
                "budget), is not recorded.",
                fr="Ces canaux traditionnels touchent le public d'un canal social pour les mêmes objectifs, "
                "mais on ignore s'ils reprennent les contenus d'autres canaux, ou ce qu'ils coûtent "
                "(heures, budget).",
            ),
        ),
    ]


@rule(
    "CH-UNCLAIMED",
    severity=Severity.MINOR,
    theme=Theme.CHANNELS,
    seeds=("003",),
    title=Bilingual(en="Brand handle not claimed", fr="Nom de compte non réservé"),
    condition=Bilingual(
        en="A major platform (Facebook, Instagram, LinkedIn, X, TikTok, YouTube) is used by a target "
        "stakeholder group (share at least platform_use_share or level at least platform_use_level) and "
        "the client has no channel there of any status (a parked handle counts as claimed).",
        fr="Une grande plateforme (Facebook, Instagram, LinkedIn, X, TikTok, YouTube) est utilisée par un "
        "groupe visé (part au moins égale à platform_use_share ou niveau au moins égal à "
        "platform_use_level) et le client n'y a aucun canal, quel que soit son statut (un compte en "
        "veille compte comme réservé).",
    ),
    action=Bilingual(
        en="Register the brand's handle on the platform now, fill in the profile with a pointer to the "
        "active channels, and leave it parked until the audit says it is worth running.",
        fr="Réserver dès maintenant le nom de la marque sur la plateforme, remplir le profil avec un renvoi "
        "vers les canaux actifs, et le laisser en veille jusqu'à ce que l'audit juge utile de l'animer.",
    ),
    thresholds=("platform_use_share", "platform_use_level"),
)
def unclaimed_handles(audit: Audit, context: Context) -> Outcome:
    if not audit.stakeholders:
        return context.not_assessed(("stakeholders",), NO_STAKEHOLDERS)
    targets = [(i, s) for i, s in enumerate(audit.stakeholders) if s.id in context.target_stakeholders]
    if not any(s.platforms for _, s in targets):
        return context.not_assessed(
            [f"stakeholders.{i}.platforms" for i, _ in targets],
            Bilingual(
                en="The platforms the target stakeholders use are not recorded.",
                fr="Les plateformes qu'utilisent les parties prenantes visées ne sont pas renseignées.",
            ),
            [s.id for _, s in targets],
        )
    claimed = {channel.platform for channel in audit.channels}
    findings: list[Finding] = []
    for platform in MAJOR_PLATFORMS:
        if platform in claimed:
            continue
        users = [
            (i, m, s, use)
            for i, s in targets
            for m, use in enumerate(s.platforms)
            if use.platform is platform and context.uses(use)
        ]
        if not users:
            continue
        findings.append(
            context.finding(
                say(
                    "{stakeholders} use {platform}, and the organisation holds no account there, not even a "
                    "parked one. Someone else may take the brand's name, and a later start would begin "
                    "without it.",
                    "{stakeholders} utilisent {platform}, et l'organisation n'y détient aucun compte, pas "
                    "même en veille. Quelqu'un d'autre peut prendre le nom de la marque, et un lancement "
                    "ultérieur devrait s'en passer.",
                    stakeholders=[s.name for _, _, s, _ in users],
                    platform=platform,
                ),
                [
                    Evidence(
                        f"stakeholders.{i}.platforms.{m}",
                        use_value(use),
                        threshold=context.thresholds[
                            "platform_use_share" if use.share is not None else "platform_use_level"
                        ],
                    )
                    for i, m, _, use in users
                ]
                + [Evidence("channels.*.platform", sorted(claimed), note=_CLAIMED_NOTE)],
                [s.id for _, _, s, _ in users],
                about=platform.label,
                action=say(
                    "Register the brand's handle on {platform} now, fill in the profile with a pointer to the "
                    "active channels, and leave it parked until the audit says it is worth running.",
                    "Réserver dès maintenant le nom de la marque sur {platform}, remplir le profil avec un "
                    "renvoi vers les canaux actifs, et le laisser en veille jusqu'à ce que l'audit juge utile "
                    "de l'animer.",
                    platform=platform,
                ),
            )
        )
    return findings
