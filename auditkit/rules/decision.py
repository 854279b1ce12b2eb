"""The decision rule (DOMAIN §2, seed 003): "not now" is a legitimate conclusion of an audit."""

from __future__ import annotations

from auditkit.diagnose import Context, Evidence, Outcome, Severity, Theme, add_months, rule, say
from auditkit.i18n import Bilingual
from auditkit.model import Audit, ChannelStatus
from auditkit.platforms import MAJOR_PLATFORMS
from auditkit.rules._common import channel_label
from auditkit.rules.environment import NO_STAKEHOLDERS
from auditkit.rules.objectives import no_objectives

_SERVED_BY_SOCIAL = Bilingual(
    en="objectives served by active social channels", fr="objectifs servis par des canaux sociaux actifs"
)


_LEVELS = (
    Bilingual(en="none", fr="nul"),
    Bilingual(en="low", fr="faible"),
    Bilingual(en="medium", fr="moyen"),
    Bilingual(en="high", fr="fort"),
)


@rule(
    "DEC-NOT-NOW",
    severity=Severity.CRITICAL,
    theme=Theme.DECISION,
    seeds=("003",),
    title=Bilingual(en="Social media: not now", fr="Réseaux sociaux : pas maintenant"),
    condition=Bilingual(
        en="No objective is served by an active social channel, and either none of the target "
        "stakeholders uses a social network at the presence thresholds (platform_use_share, "
        "platform_use_level), or active traditional channels already serve every objective while nothing "
        "records the audience on social networks.",
        fr="Aucun objectif n'est servi par un canal social actif, et soit aucune des parties prenantes "
        "visées n'utilise un réseau social aux seuils de présence (platform_use_share, "
        "platform_use_level), soit des canaux traditionnels actifs servent déjà tous les objectifs sans "
        "que rien n'indique la présence du public sur les réseaux sociaux.",
    ),
    action=Bilingual(
        en="Conclude 'not now' explicitly; keep the effort on the channels that serve the objectives; "
        "claim and park the brand's handles on the major platforms; set a reassessment date "
        "(reassess_months after the audit).",
        fr="Conclure explicitement « pas maintenant » ; garder l'effort sur les canaux qui servent les "
        "objectifs ; réserver et mettre en veille les noms de la marque sur les grandes plateformes ; "
        "fixer une date de réexamen (reassess_months après l'audit).",
    ),
    thresholds=("platform_use_share", "platform_use_level", "reassess_months"),
)
def not_now(audit: Audit, context: Context) -> Outcome:
    if not audit.objectives:
        return no_objectives(context)
    if any(channel.objectives for _, channel in context.active_social):
        return []
    targets = [(i, s) for i, s in enumerate(audit.stakeholders) if s.id in context.target_stakeholders]
    if any(use.platform.is_social and context.uses(use) for _, s in targets for use in s.platforms):
        return []
    unknown = [(i, s) for i, s in targets if not s.platforms]
    traditional = [
        (i, channel) for i, channel in context.active if not channel.platform.is_social and channel.objectives
    ]
    covered = {objective_id for _, channel in traditional for objective_id in channel.objectives}
    all_covered = all(objective.id in covered for objective in audit.objectives)
    if targets and not unknown:
        reason = say(
            "none of the target audiences ({names}) uses a social network enough to be reached there "
            "(presence: a share of at least {share} or a '{level}' use)",
            "aucun des publics visés ({names}) n'utilise assez un réseau social pour y être touché "
            "(présence : une part d'au moins {share} ou un usage « {level} »)",
            names=[s.name for _, s in targets],
            share=context.thresholds["platform_use_share"],
            level=_LEVELS[min(int(context.thresholds["platform_use_level"]), 3)],
        )
    elif all_covered:
        reason = say(
            "active traditional channels ({channels}) already serve every objective, and nothing in the "
            "audit shows the target audiences on social networks",
            "des canaux traditionnels actifs ({channels}) servent déjà tous les objectifs, et rien dans "
            "l'audit ne montre les publics visés sur les réseaux sociaux",
            channels=[channel_label(channel) for _, channel in traditional],
        )
    elif not targets:
        return context.not_assessed(("stakeholders",), NO_STAKEHOLDERS)
    else:
        return context.not_assessed(
            [f"stakeholders.{i}.platforms" for i, _ in unknown],
            Bilingual(
                en="No objective is served on social media today, but the platforms these target "
                "stakeholders use are not recorded, so 'not now' cannot be told from 'not yet tried'.",
                fr="Aucun objectif n'est servi sur les réseaux sociaux aujourd'hui, mais les plateformes "
                "qu'utilisent ces parties prenantes visées ne sont pas renseignées : impossible de "
                "distinguer « pas maintenant » de « jamais essayé ».",
            ),
            [s.id for _, s in unknown],
        )
    months = round(context.thresholds["reassess_months"])
    reassess_on = add_months(context.today, months)
    social = [
        (i, channel)
        for i, channel in enumerate(audit.channels)
        if channel.platform.is_social and channel.status in (ChannelStatus.ACTIVE, ChannelStatus.DORMANT)
    ]
    claimed = {channel.platform for channel in audit.channels}
    unclaimed = [platform for platform in MAJOR_PLATFORMS if platform not in claimed]
    steps = [
        Bilingual(
            en="Record the decision 'not now' and keep the effort on the channels that serve the objectives.",
            fr="Acter la décision « pas maintenant » et garder l'effort sur les canaux qui servent les objectifs.",
        )
    ]
    if social:
        steps.append(
            say(
                "Park {channels}: a pinned message pointing to the channels that stay active, handles kept.",
                "Mettre en veille {channels} : un message épinglé renvoyant vers les canaux qui restent "
                "actifs, noms de compte conservés.",
                channels=[channel_label(channel) for _, channel in social],
            )
        )
    if unclaimed:
        steps.append(
            say(
                "Claim the brand's handle on {platforms} and leave it parked with a short profile.",
                "Réserver le nom de la marque sur {platforms} et le laisser en veille avec un profil court.",
                platforms=unclaimed,
            )
        )
    steps.append(
        say(
            "Reassess on {date}: if the audiences have moved to social networks by then, 'not now' becomes "
            "'now'.",
            "Réexaminer le {date} : si les publics sont passés sur les réseaux sociaux d'ici là, « pas "
            "maintenant » devient « maintenant ».",
            date=reassess_on,
        )
    )
    evidence = [Evidence("channels.*.objectives", [], note=_SERVED_BY_SOCIAL)]
    evidence += [
        Evidence(
            f"stakeholders.{i}.platforms",
            [
                f"{use.platform.value}: {use.share if use.share is not None else use.level}"
                for use in s.platforms
            ],
            threshold=context.thresholds["platform_use_share"],
        )
        for i, s in targets
        if s.platforms
    ]
    evidence.append(
        Evidence(
            "engagement.audit_date",
            context.today,
            threshold=months,
            note=say("reassess on {date}", "réexaminer le {date}", date=reassess_on),
        )
    )
    return [
        context.finding(
            say(
                "None of the {count} objectives is served by an active social channel, and {reason}. "
                "Social media is a means, not an end: here it has no job to do yet, and 'not now' is a "
                "sound conclusion, to be reassessed on {date}.",
                "Aucun des {count} objectifs n'est servi par un canal social actif, et {reason}. Les "
                "réseaux sociaux sont un moyen, pas une fin : ici, ils n'ont pas encore de rôle à jouer, "
                "et « pas maintenant » est une conclusion fondée, à réexaminer le {date}.",
                count=len(audit.objectives),
                reason=reason,
                date=reassess_on,
            ),
            evidence,
            [objective.id for objective in audit.objectives] + [channel.id for _, channel in social],
            action=Bilingual(en=" ".join(step.en for step in steps), fr=" ".join(step.fr for step in steps)),
        )
    ]
