"""Rules on the operating environment (DOMAIN §4): stakeholders described and asked, peers analysed."""

from __future__ import annotations

from auditkit.findings import Context, Evidence, Finding, Outcome, Severity, Theme, rule
from auditkit.locale import label, msg
from auditkit.model import Audit, ChannelStatus, Consultation, PlatformUse
from auditkit.platforms import Platform
from auditkit.rules._common import gaps
from auditkit.steps import Phase, Step
from auditkit.steps.effects import (
    CONSULT_AUDIENCES,
)

NO_STAKEHOLDERS = msg("rule.environment.no_stakeholders")

_CLIENT_PLATFORMS = msg("rule.environment.client_platforms_note")


def use_value(use: PlatformUse) -> float | str:
    """How a stakeholder group's use of a platform was recorded: its share, else its level."""
    return use.share if use.share is not None else str(use.level)


@rule(
    "ENV-NO-STAKEHOLDERS",
    severity=Severity.CRITICAL,
    theme=Theme.ENVIRONMENT,
    seeds=("001", "003"),
    step=Step(phase=Phase.FOUNDATIONS, month=1, hours=4, owner="strategy_owner", after=("OBJ-NONE",)),
)
def stakeholders_missing(audit: Audit, context: Context) -> Outcome:
    if audit.stakeholders:
        return []
    return [
        context.finding(
            msg("rule.ENV-NO-STAKEHOLDERS.explanation"),
            [Evidence("stakeholders", [])],
        )
    ]


@rule(
    "ENV-UNCONSULTED",
    severity=Severity.MAJOR,
    theme=Theme.ENVIRONMENT,
    seeds=("003",),
    step=Step(
        phase=Phase.FOUNDATIONS,
        month=3,
        hours=6,
        owner="strategy_owner",
        after=("ENV-NO-STAKEHOLDERS",),
        effect=CONSULT_AUDIENCES,
    ),
)
def unconsulted_stakeholders(audit: Audit, context: Context) -> Outcome:
    if not audit.stakeholders:
        return context.not_assessed(("stakeholders",), NO_STAKEHOLDERS)
    if any(s.consultation is not Consultation.NONE for s in audit.stakeholders):
        return []
    return [
        context.finding(
            msg(
                "rule.ENV-UNCONSULTED.explanation",
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
    step=Step(phase=Phase.FOUNDATIONS, month=3, hours=4, owner="community_manager"),
)
def peers_missing(audit: Audit, context: Context) -> Outcome:
    if audit.peers:
        return []
    return [
        context.finding(
            msg("rule.ENV-NO-PEERS.explanation"),
            [Evidence("peers", [])],
        )
    ]


@rule(
    "ENV-PEER-GAP",
    severity=Severity.MAJOR,
    theme=Theme.ENVIRONMENT,
    seeds=("003",),
    thresholds=("key_stakeholder_importance", "platform_use_share", "platform_use_level"),
    step=Step(
        phase=Phase.GROWTH,
        month=9,
        hours=3,
        hours_each=1,
        owner="strategy_owner",
        after=("ENV-NO-PEERS", "ENV-UNCONSULTED", "REC-CLOSE", "REC-FIX"),
    ),
)
def peer_gap(audit: Audit, context: Context) -> Outcome:
    if not audit.peers:
        return context.not_assessed(
            ("peers",),
            msg("rule.ENV-PEER-GAP.no_peers"),
        )
    if not any(peer.presence for peer in audit.peers):
        return context.not_assessed(
            [f"peers.{i}.presence" for i in range(len(audit.peers))],
            msg("rule.ENV-PEER-GAP.no_presence"),
        )
    if not audit.stakeholders:
        return context.not_assessed(("stakeholders",), NO_STAKEHOLDERS)
    floor = context.thresholds["key_stakeholder_importance"]
    key = [(i, s) for i, s in enumerate(audit.stakeholders) if s.importance >= floor]
    unknown = [(i, s) for i, s in key if not s.platforms]
    missing_reason = msg("rule.ENV-PEER-GAP.no_platforms")
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
                msg(
                    "rule.ENV-PEER-GAP.explanation",
                    peers=names,
                    count=len(names),
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
                about=label(platform),
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
