"""Rules on the operating environment (DOMAIN §4): stakeholders described and asked, peers analysed."""

from __future__ import annotations

from auditkit.diagnose import Context, Evidence, Finding, Outcome, Severity, Theme, rule, say
from auditkit.i18n import Bilingual
from auditkit.model import Audit, ChannelStatus, Consultation, PlatformUse
from auditkit.platforms import Platform
from auditkit.rules._common import gaps

NO_STAKEHOLDERS = Bilingual(
    en="No stakeholder is described, so there is nothing to check (rule ENV-NO-STAKEHOLDERS fires instead).",
    fr="Aucune partie prenante n'est décrite : il n'y a rien à vérifier (la règle ENV-NO-STAKEHOLDERS se "
    "déclenche).",
)

_CLIENT_PLATFORMS = Bilingual(
    en="platforms with an active or planned channel of the client",
    fr="plateformes où le client a un canal actif ou prévu",
)


def use_value(use: PlatformUse) -> float | str:
    """How a stakeholder group's use of a platform was recorded: its share, else its level."""
    return use.share if use.share is not None else str(use.level)


@rule(
    "ENV-NO-STAKEHOLDERS",
    severity=Severity.CRITICAL,
    theme=Theme.ENVIRONMENT,
    seeds=("001", "003"),
    title=Bilingual(en="No target audience described", fr="Aucun public cible décrit"),
    condition=Bilingual(
        en="The audit describes no stakeholder.", fr="L'audit ne décrit aucune partie prenante."
    ),
    action=Bilingual(
        en="List the groups the organisation needs to reach (customers, prospects, members, recruits, "
        "press...), rate their importance and note their digital habits and the platforms they use.",
        fr="Lister les groupes que l'organisation doit toucher (clients, prospects, adhérents, candidats, "
        "presse...), noter leur importance, leurs habitudes numériques et les plateformes qu'ils utilisent.",
    ),
)
def stakeholders_missing(audit: Audit, context: Context) -> Outcome:
    if audit.stakeholders:
        return []
    return [
        context.finding(
            say(
                "The audit describes no target audience. Choosing channels, tone and content means choosing "
                "whom to talk to; without that, the organisation speaks to everybody and reaches nobody in "
                "particular.",
                "L'audit ne décrit aucun public cible. Choisir des canaux, un ton et des contenus, c'est "
                "choisir à qui parler ; sans cela, l'organisation s'adresse à tout le monde et ne touche "
                "personne en particulier.",
            ),
            [Evidence("stakeholders", [])],
        )
    ]


@rule(
    "ENV-UNCONSULTED",
    severity=Severity.MAJOR,
    theme=Theme.ENVIRONMENT,
    seeds=("003",),
    title=Bilingual(en="Stakeholders never asked", fr="Parties prenantes jamais consultées"),
    condition=Bilingual(
        en="No stakeholder's preferences were gathered (consultation 'none' for every group).",
        fr="Les préférences d'aucune partie prenante n'ont été recueillies (consultation « none » pour "
        "tous les groupes).",
    ),
    action=Bilingual(
        en="Ask the key groups where and how they want to hear from the organisation: a short survey, a "
        "few interviews, or questions at the counter or at events, and record the answers in the audit.",
        fr="Demander aux groupes clés où et comment ils veulent entendre l'organisation : un court "
        "questionnaire, quelques entretiens, ou des questions au comptoir ou lors d'événements, et "
        "consigner les réponses dans l'audit.",
    ),
)
def unconsulted_stakeholders(audit: Audit, context: Context) -> Outcome:
    if not audit.stakeholders:
        return context.not_assessed(("stakeholders",), NO_STAKEHOLDERS)
    if any(s.consultation is not Consultation.NONE for s in audit.stakeholders):
        return []
    return [
        context.finding(
            say(
                "None of the {count} stakeholder groups ({names}) was asked about its habits or "
                "preferences. The channel choices rest on the team's assumptions; the method warns that "
                "decisions made in a vacuum are the costly ones.",
                "Aucun des {count} groupes de parties prenantes ({names}) n'a été interrogé sur ses "
                "habitudes ou ses préférences. Le choix des canaux repose sur les suppositions de "
                "l'équipe ; la méthode prévient que les décisions prises en vase clos coûtent cher.",
                count=len(audit.stakeholders),
                names=[s.name for s in audit.stakeholders],
            ),
            [
                Evidence(f"stakeholders.{i}.consultation", s.consultation)
                for i, s in enumerate(audit.stakeholders)
            ],
            [s.id for s in audit.stakeholders],
        )
    ]


@rule(
    "ENV-NO-PEERS",
    severity=Severity.MINOR,
    theme=Theme.ENVIRONMENT,
    seeds=("003",),
    title=Bilingual(en="No peer or competitor analysed", fr="Aucun pair ni concurrent analysé"),
    condition=Bilingual(
        en="The audit lists no peer or competitor.", fr="L'audit ne cite aucun pair ni concurrent."
    ),
    action=Bilingual(
        en="Pick three to five peers or competitors and note, for each, the platforms they use, how often "
        "they post and how their audience responds.",
        fr="Choisir trois à cinq pairs ou concurrents et noter, pour chacun, les plateformes utilisées, le "
        "rythme de publication et la réaction de leur public.",
    ),
)
def peers_missing(audit: Audit, context: Context) -> Outcome:
    if audit.peers:
        return []
    return [
        context.finding(
            say(
                "No peer or competitor was analysed. Without them, the audit cannot say what is usual in "
                "the sector, which platforms its audience expects to find it on, or which practices are "
                "emerging.",
                "Aucun pair ni concurrent n'a été analysé. Sans eux, l'audit ne peut dire ce qui est "
                "courant dans le secteur, sur quelles plateformes son public s'attend à le trouver, ni "
                "quelles pratiques émergent.",
            ),
            [Evidence("peers", [])],
        )
    ]


@rule(
    "ENV-PEER-GAP",
    severity=Severity.MAJOR,
    theme=Theme.ENVIRONMENT,
    seeds=("003",),
    title=Bilingual(
        en="Absent where peers and key stakeholders are",
        fr="Absent là où sont les pairs et le public clé",
    ),
    condition=Bilingual(
        en="On a platform, at least one peer is active, a key stakeholder group (importance at least "
        "key_stakeholder_importance) is present (share at least platform_use_share or level at least "
        "platform_use_level), and the client has no active or planned channel.",
        fr="Sur une plateforme, au moins un pair est actif, un groupe de parties prenantes clé (importance "
        "au moins égale à key_stakeholder_importance) est présent (part au moins égale à "
        "platform_use_share ou niveau au moins égal à platform_use_level), et le client n'a aucun canal "
        "actif ou prévu.",
    ),
    action=Bilingual(
        en="Assess this platform for the objectives that aim at these stakeholders: what the peers do "
        "there, what it would cost, what it would add; then open it as a planned channel, or record why "
        "not.",
        fr="Évaluer cette plateforme pour les objectifs qui visent ces parties prenantes : ce qu'y font les "
        "pairs, ce qu'elle coûterait, ce qu'elle apporterait ; puis l'ouvrir comme canal prévu, ou noter "
        "pourquoi on s'en abstient.",
    ),
    thresholds=("key_stakeholder_importance", "platform_use_share", "platform_use_level"),
)
def peer_gap(audit: Audit, context: Context) -> Outcome:
    if not audit.peers:
        return context.not_assessed(
            ("peers",),
            Bilingual(
                en="No peer is analysed (rule ENV-NO-PEERS).",
                fr="Aucun pair n'est analysé (règle ENV-NO-PEERS).",
            ),
        )
    if not any(peer.presence for peer in audit.peers):
        return context.not_assessed(
            [f"peers.{i}.presence" for i in range(len(audit.peers))],
            Bilingual(
                en="The peers' presence on platforms is not recorded.",
                fr="La présence des pairs sur les plateformes n'est pas renseignée.",
            ),
        )
    if not audit.stakeholders:
        return context.not_assessed(("stakeholders",), NO_STAKEHOLDERS)
    floor = context.thresholds["key_stakeholder_importance"]
    key = [(i, s) for i, s in enumerate(audit.stakeholders) if s.importance >= floor]
    unknown = [(i, s) for i, s in key if not s.platforms]
    missing_reason = Bilingual(
        en="The platforms these key stakeholders use are not recorded.",
        fr="Les plateformes qu'utilisent ces parties prenantes clés ne sont pas renseignées.",
    )
    if key and len(unknown) == len(key):
        return context.not_assessed(
            [f"stakeholders.{i}.platforms" for i, _ in unknown], missing_reason, [s.id for _, s in unknown]
        )
    present = {
        channel.platform
        for channel in audit.channels
        if channel.status in (ChannelStatus.ACTIVE, ChannelStatus.PLANNED)
    }
    findings: list[Finding] = []
    for platform in Platform:
        if platform in present:
            continue
        peers = [
            (i, j, peer)
            for i, peer in enumerate(audit.peers)
            for j, presence in enumerate(peer.presence)
            if presence.platform is platform and presence.posts_per_week != 0
        ]
        if not peers:
            continue
        users = [
            (i, m, s, use)
            for i, s in key
            for m, use in enumerate(s.platforms)
            if use.platform is platform and context.uses(use)
        ]
        if not users:
            continue
        names = list(dict.fromkeys(peer.name for _, _, peer in peers))
        findings.append(
            context.finding(
                say(
                    "{peers} {verb_en} active on {platform}, where the key stakeholders {stakeholders} are, "
                    "and the client has no channel there. The audience is meeting the peers' voice there "
                    "and not the client's.",
                    "{peers} {verb_fr} sur {platform}, où se trouvent les parties prenantes clés "
                    "{stakeholders}, et le client n'y a aucun canal. Ce public y entend les pairs, pas "
                    "le client.",
                    peers=names,
                    verb_en="is" if len(names) == 1 else "are",
                    verb_fr="est actif" if len(names) == 1 else "sont actifs",
                    platform=platform,
                    stakeholders=[s.name for _, _, s, _ in users],
                ),
                [Evidence(f"peers.{i}.presence.{j}.platform", platform) for i, j, _ in peers]
                + [
                    Evidence(
                        f"stakeholders.{i}.platforms.{m}",
                        use_value(use),
                        threshold=context.thresholds[
                            "platform_use_share" if use.share is not None else "platform_use_level"
                        ],
                    )
                    for i, m, _, use in users
                ]
                + [Evidence("channels.*.platform", sorted(present), note=_CLIENT_PLATFORMS)],
                [peer.id for _, _, peer in peers] + [s.id for _, _, s, _ in users],
                about=platform.label,
            )
        )
    return [
        *findings,
        *gaps(
            context,
            [f"stakeholders.{i}.platforms" for i, _ in unknown],
            [s.id for _, s in unknown],
            missing_reason,
        ),
    ]
