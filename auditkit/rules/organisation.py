"""Rules on the organisation (DOMAIN §7): sponsor, owner, processes, resources, training."""

from __future__ import annotations

from auditkit.diagnose import Context, Evidence, Outcome, Severity, Theme, rule, say
from auditkit.i18n import Bilingual
from auditkit.model import Audit, Organisation, OwnerRole, SponsorEngagement, Training
from auditkit.rules._common import channel_label
from auditkit.thresholds import RESPONSE_KEYS

_EXPECTATION_NOTE = Bilingual(en="expected answer within (minutes)", fr="réponse attendue sous (minutes)")


def _not_recorded(context: Context, field: str, what: Bilingual) -> Outcome:
    return context.not_assessed(
        (f"organisation.{field}",),
        say("The audit does not record {what}.", "L'audit ne renseigne pas {what}.", what=what),
    )


def _untouched(organisation: Organisation) -> bool:
    return (
        not organisation.content_creators
        and not organisation.responders
        and not organisation.strategy_owner.strip()
        and all(
            getattr(organisation, name) is None
            for name, info in Organisation.model_fields.items()
            if info.default is None
        )
    )


@rule(
    "ORG-NO-SPONSOR",
    severity=Severity.MAJOR,
    theme=Theme.ORGANISATION,
    seeds=("001",),
    title=Bilingual(en="Top management not engaged", fr="Direction non impliquée"),
    condition=Bilingual(
        en="Top management's engagement is 'none' (major) or only 'aware' (minor).",
        fr="L'implication de la direction est « none » (majeur) ou seulement « aware » (mineur).",
    ),
    action=Bilingual(
        en="Brief the decision makers in one hour: what the audience does on social media, what peers "
        "achieve, the risks of absence, and what the plan asks of them; get one of them to sponsor it.",
        fr="Sensibiliser les décideurs en une heure : ce que fait le public sur les réseaux sociaux, ce "
        "qu'obtiennent les pairs, les risques de l'absence et ce que le plan attend d'eux ; obtenir que "
        "l'un d'eux le parraine.",
    ),
)
def no_sponsor(audit: Audit, context: Context) -> Outcome:
    sponsor = audit.organisation.sponsor
    if sponsor is None:
        return _not_recorded(
            context,
            "sponsor",
            Bilingual(en="top management's engagement", fr="l'implication de la direction"),
        )
    if sponsor not in (SponsorEngagement.NONE, SponsorEngagement.AWARE):
        return []
    if sponsor is SponsorEngagement.NONE:
        explanation = say(
            "Top management is not engaged in social media. Without a sponsor, the resources, the budget and "
            "the shorter validation loops the channels need will not be granted, and social media stays a "
            "side task.",
            "La direction ne s'implique pas dans les réseaux sociaux. Sans commanditaire, les ressources, "
            "le budget et les circuits de validation courts dont les canaux ont besoin ne seront pas "
            "accordés, et les réseaux sociaux resteront une tâche annexe.",
        )
    else:
        explanation = say(
            "Top management is aware of social media but does not back it. Awareness is not support: when "
            "the plan needs hours, budget or faster approvals, nobody at the top will carry the request.",
            "La direction connaît les réseaux sociaux mais ne les soutient pas. Être informé n'est pas "
            "soutenir : quand le plan demandera des heures, un budget ou des validations plus rapides, "
            "personne à la tête ne portera la demande.",
        )
    return [
        context.finding(
            explanation,
            [Evidence("organisation.sponsor", sponsor)],
            severity=Severity.MAJOR if sponsor is SponsorEngagement.NONE else Severity.MINOR,
        )
    ]


@rule(
    "ORG-INTERN",
    severity=Severity.MAJOR,
    theme=Theme.ORGANISATION,
    seeds=("004",),
    title=Bilingual(en="Strategy in an intern's hands", fr="Stratégie confiée à un stagiaire"),
    condition=Bilingual(
        en="The strategy owner's role is 'intern'.", fr="Le responsable de la stratégie est un stagiaire."
    ),
    action=Bilingual(
        en="Give the strategy to a permanent staff member who knows the business (the intern can assist "
        "and produce content), and keep the account passwords with that person.",
        fr="Confier la stratégie à un salarié permanent qui connaît l'activité (le stagiaire peut assister "
        "et produire des contenus), et lui confier les mots de passe des comptes.",
    ),
)
def intern_owner(audit: Audit, context: Context) -> Outcome:
    role = audit.organisation.strategy_owner_role
    if role is None:
        return _not_recorded(
            context,
            "strategy_owner_role",
            Bilingual(en="who holds the strategy", fr="qui porte la stratégie"),
        )
    if role is not OwnerRole.INTERN:
        return []
    owner = audit.organisation.strategy_owner.strip()
    return [
        context.finding(
            say(
                "The social media strategy is held by an intern{who}. An intern rarely knows the business, "
                "its history and its customers well enough to speak for it, and leaves at the end of the "
                "placement with what was learnt; internships are for learning and assisting, not for "
                "running the function.",
                "La stratégie des réseaux sociaux est portée par un stagiaire{who}. Un stagiaire connaît "
                "rarement assez l'activité, son histoire et ses clients pour parler en son nom, et repart "
                "avec ce qu'il a appris à la fin du stage ; un stage sert à apprendre et à assister, pas à "
                "piloter la fonction.",
                who=f" ({owner})" if owner else "",
            ),
            [Evidence("organisation.strategy_owner_role", role)],
        )
    ]


@rule(
    "ORG-SLOW-VALIDATION",
    severity=Severity.MAJOR,
    theme=Theme.ORGANISATION,
    seeds=("001",),
    title=Bilingual(
        en="Validation slower than the channels allow", fr="Validation trop lente pour les canaux"
    ),
    condition=Bilingual(
        en="The content validation delay exceeds the strictest response expectation of the active social "
        "channels (response_minutes.<platform>).",
        fr="Le délai de validation des contenus dépasse l'attente de réponse la plus stricte des canaux "
        "sociaux actifs (response_minutes.<plateforme>).",
    ),
    action=Bilingual(
        en="Shorten the validation loop for social media: pre-approved answers and topics, a named person "
        "allowed to publish without a second approval, and an escalation path only for sensitive cases.",
        fr="Raccourcir le circuit de validation pour les réseaux sociaux : réponses et sujets validés "
        "d'avance, une personne désignée autorisée à publier sans seconde validation, et une escalade "
        "réservée aux cas sensibles.",
    ),
    thresholds=RESPONSE_KEYS,
)
def slow_validation(audit: Audit, context: Context) -> Outcome:
    delay_hours = audit.organisation.validation_delay_hours
    if delay_hours is None:
        return _not_recorded(
            context,
            "validation_delay_hours",
            Bilingual(en="how long content validation takes", fr="la durée de validation des contenus"),
        )
    delay = delay_hours * 60
    expected = [
        (expectation, i, channel)
        for i, channel in context.active_social
        if (expectation := context.expectation(channel.platform)) is not None
    ]
    too_slow = [(expectation, i, channel) for expectation, i, channel in expected if delay > expectation]
    if not too_slow:
        return []
    strictest, _, channel = min(too_slow, key=lambda item: item[0])
    return [
        context.finding(
            say(
                "Validating content takes {hours} hours ({minutes} minutes), while the audience of "
                "{channel} expects an answer within {strictest} minutes. With every answer waiting for "
                "approval, the channels cannot meet their own pace; on Twitter the usual wait is about "
                "half an hour.",
                "La validation des contenus prend {hours} heures ({minutes} minutes), alors que le public "
                "de {channel} attend une réponse en moins de {strictest} minutes. Si chaque réponse attend "
                "une validation, les canaux ne peuvent pas tenir leur propre rythme ; sur Twitter, "
                "l'attente habituelle est d'environ une demi-heure.",
                hours=delay_hours,
                minutes=delay,
                channel=channel_label(channel),
                strictest=strictest,
            ),
            [Evidence("organisation.validation_delay_hours", delay_hours, threshold=strictest / 60)]
            + [
                Evidence(
                    f"channels.{i}.platform",
                    slow.platform,
                    threshold=expectation,
                    note=_EXPECTATION_NOTE,
                )
                for expectation, i, slow in too_slow
            ],
            [slow.id for _, _, slow in too_slow],
        )
    ]


@rule(
    "ORG-NO-RESOURCES",
    severity=Severity.MAJOR,
    theme=Theme.ORGANISATION,
    seeds=("001",),
    title=Bilingual(en="Nobody assigned to create or to answer", fr="Personne pour créer ou répondre"),
    condition=Bilingual(
        en="There are active social channels and nobody is assigned to create content, or nobody to "
        "answer questions.",
        fr="Des canaux sociaux sont actifs et personne n'est chargé de créer les contenus, ou personne de "
        "répondre aux questions.",
    ),
    action=Bilingual(
        en="Name who creates content and who answers on each channel, with the hours it takes, and have "
        "their managers plan for that load.",
        fr="Désigner qui crée les contenus et qui répond sur chaque canal, avec les heures que cela "
        "demande, et faire prévoir cette charge par leurs responsables.",
    ),
)
def no_resources(audit: Audit, context: Context) -> Outcome:
    organisation = audit.organisation
    if _untouched(organisation):
        return context.not_assessed(
            ("organisation.content_creators", "organisation.responders"),
            Bilingual(
                en="The organisation section of the audit is not filled in yet.",
                fr="La partie organisation de l'audit n'est pas encore remplie.",
            ),
        )
    if not context.active_social:
        return []
    roles = []
    evidence = []
    if not organisation.content_creators:
        roles.append(Bilingual(en="create content", fr="créer les contenus"))
        evidence.append(Evidence("organisation.content_creators", []))
    if not organisation.responders:
        roles.append(Bilingual(en="answer questions", fr="répondre aux questions"))
        evidence.append(Evidence("organisation.responders", []))
    if not roles:
        return []
    return [
        context.finding(
            say(
                "{count} social channels are active, yet nobody is assigned to {roles}. The work then "
                "falls to whoever has a moment, with no manager planning for it: posts and answers "
                "depend on goodwill.",
                "{count} canaux sociaux sont actifs, mais personne n'est chargé de {roles}. Le travail "
                "revient alors à qui a un moment, sans qu'aucun responsable ne le prévoie : publications "
                "et réponses dépendent de la bonne volonté.",
                count=len(context.active_social),
                roles=Bilingual(
                    en=" or to ".join(r.en for r in roles), fr=" ni de ".join(r.fr for r in roles)
                ),
            ),
            evidence,
            [channel.id for _, channel in context.active_social],
        )
    ]


@rule(
    "ORG-NO-TRAINING",
    severity=Severity.MINOR,
    theme=Theme.ORGANISATION,
    seeds=("003",),
    title=Bilingual(en="No training for the roles", fr="Aucune formation aux rôles"),
    condition=Bilingual(
        en="Nobody in the social media roles has been trained for them (training 'none').",
        fr="Personne dans les rôles liés aux réseaux sociaux n'a été formé (formation « none »).",
    ),
    action=Bilingual(
        en="Plan a training fitted to each role (content, community management, measurement) within the "
        "next quarter, then a yearly refresh; a short quiz shows each person's gaps first.",
        fr="Prévoir une formation adaptée à chaque rôle (contenus, animation de communauté, mesure) dans le "
        "trimestre, puis une mise à jour annuelle ; un court quiz révèle d'abord les lacunes de chacun.",
    ),
)
def no_training(audit: Audit, context: Context) -> Outcome:
    training = audit.organisation.training
    if training is None:
        return _not_recorded(
            context,
            "training",
            Bilingual(
                en="whether the people in the roles were trained",
                fr="si les personnes en poste ont été formées",
            ),
        )
    if training is not Training.NONE:
        return []
    return [
        context.finding(
            say(
                "Nobody in the social media roles has had training for them. Most people do not know what "
                "they do not know: learning by trial costs time and exposes the brand to avoidable "
                "mistakes, and platforms change too fast to rely on habits.",
                "Personne dans les rôles liés aux réseaux sociaux n'a été formé. La plupart des gens "
                "ignorent ce qu'ils ignorent : apprendre par tâtonnement coûte du temps et expose la "
                "marque à des erreurs évitables, et les plateformes évoluent trop vite pour s'en remettre "
                "aux habitudes.",
            ),
            [Evidence("organisation.training", training)],
        )
    ]
