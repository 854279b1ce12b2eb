"""One verdict per channel: the scorecard's recommendation reconciled with the findings of the diagnosis.

The scorecard's decision tree and the rules each judge a channel from their own angle, and can disagree
(the tree says "invest" in a newsletter a rule finds repeating a cheaper twin). :func:`reconcile` hears
them all and keeps one verdict per channel, by a precedence a consultant would sign:

* every source proposes a verdict: the scorecard its recommendation, each rule about the channel the
  verdict its advice implies (:data:`STANCES`: a problem to repair is "fix", a traditional channel
  repeating a cheaper digital twin is "merge", a channel serving no objective or audience is "reduce");
* the most cautious proposal wins, in the order of :class:`Verdict` (invest < maintain < fix < merge <
  reduce < not now < park < close): nothing is invested in before it is repaired, a duplicate is
  merged before anything more goes into it, a dead account is closed rather than improved;
* when the team's hours cannot keep every social network (rule CH-SPREAD), the best ones are kept and
  the others reduced; when social media serve no objective now (rule DEC-NOT-NOW), every social
  account is parked (planned ones: not now), whatever else was proposed: the method parks handles
  rather than closing them, so they are there when the reassessment says "now".

Each overruled proposal is recorded with the reason the winner won (a :class:`Message`). Findings keep
their diagnosis, but an overruled finding's advice becomes the verdict's, so no channel is told two
things; :attr:`Verdicts.diagnosis` holds the reconciled findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from auditkit.diagnose import Diagnosis, Finding
from auditkit.locale import Message, label, msg
from auditkit.model import Audit, Channel, ChannelOperator, ChannelStatus
from auditkit.platforms import Platform
from auditkit.rules.channel_choice import capacity
from auditkit.scoring import ChannelScore, Scorecard
from auditkit.thresholds import add_months, hours_needed, thresholds_for

__all__ = [
    "STANCES",
    "STEPPING_BACK",
    "ChannelVerdict",
    "Overruling",
    "Verdict",
    "Verdicts",
    "reconcile",
]


class Verdict(StrEnum):
    """What to do with a channel, from the most committed to the most withdrawn (the precedence order)."""

    INVEST = "invest"
    MAINTAIN = "maintain"
    FIX = "fix"
    MERGE = "merge"
    """Integrate with a digital twin that reaches the same people: one message, adapted to each."""
    REDUCE = "reduce"
    NOT_NOW = "not_now"
    PARK = "park"
    CLOSE = "close"

    @property
    def label(self) -> Message:
        """The verdict in words (``enum.verdict.<value>``)."""
        return label(self)

    @property
    def rank(self) -> int:
        """Its place in the precedence order: the higher rank wins."""
        return _ORDER.index(self)


_ORDER = tuple(Verdict)

STEPPING_BACK = frozenset({Verdict.MERGE, Verdict.REDUCE, Verdict.NOT_NOW, Verdict.PARK, Verdict.CLOSE})
"""Verdicts that take effort away from a channel: none of them may stand beside "invest"."""

STANCES: dict[str, Verdict] = {
    "CH-SLOW-RESPONSE": Verdict.FIX,
    "CH-DUPLICATE": Verdict.FIX,
    "CH-NO-OWNER": Verdict.FIX,
    "CH-LOW-ENGAGEMENT": Verdict.FIX,
    "CH-SHINY": Verdict.FIX,
    "CH-DORMANT": Verdict.FIX,
    "CH-NO-OBJECTIVE": Verdict.REDUCE,
    "CH-NO-AUDIENCE": Verdict.REDUCE,
    "CH-OFFLINE-OVERLAP": Verdict.MERGE,
    "CH-SPREAD": Verdict.REDUCE,
    "DEC-NOT-NOW": Verdict.PARK,
}
"""The verdict each rule's advice implies for the channels it names.

CH-OFFLINE-OVERLAP speaks for its traditional channel only (its twin is the one to keep), CH-SPREAD for
the social networks the hours cannot keep, DEC-NOT-NOW for every social account (binding).
"""

_SCORECARD = "scorecard"
_UPKEPT = frozenset({ChannelStatus.ACTIVE, ChannelStatus.DORMANT, ChannelStatus.PLANNED})


@dataclass(frozen=True)
class Overruling:
    """A proposal that lost: who made it (``scorecard`` or a rule id), what it was, and why it lost."""

    source: str
    proposed: Verdict
    why: Message

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"source": self.source, "proposed": self.proposed.value, "why": _text(self.why, lang)}


@dataclass(frozen=True)
class ChannelVerdict:
    """The one verdict on a channel, where it came from, and what it overruled."""

    channel_id: str
    name: str
    platform: Platform
    verdict: Verdict
    source: str
    """Who the verdict came from: ``scorecard`` or a rule id."""
    reasons: tuple[Message, ...]
    """Why: the winning source's reasons, main one first."""
    overruled: tuple[Overruling, ...]
    hours_needed: float
    """Weekly hours the channel needs to be kept well (:func:`~auditkit.thresholds.hours_needed`)."""
    recommendation: Verdict
    """What the scorecard's decision tree recommended."""
    reassess_on: date | None = None
    twin: str | None = None
    """For "merge": the name of the channel it is merged with."""

    @property
    def advice(self) -> Message:
        """What to do, in one sentence."""
        if self.verdict is Verdict.MERGE and self.twin is not None:
            return msg("verdicts.advice.merge", channel=self.name, twin=self.twin)
        return msg(f"verdicts.advice.{self.verdict.value}", channel=self.name)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "id": self.channel_id,
            "name": self.name,
            "platform": self.platform.value,
            "verdict": self.verdict.value,
            "verdict_label": _text(self.verdict.label, lang),
            "source": self.source,
            "recommendation": self.recommendation.value,
            "advice": _text(self.advice, lang),
            "reasons": [_text(reason, lang) for reason in self.reasons],
            "overruled": [item.to_dict(lang) for item in self.overruled],
            "hours_needed": self.hours_needed,
            "reassess_on": self.reassess_on.isoformat() if self.reassess_on else None,
        }


@dataclass(frozen=True)
class Verdicts:
    """Every channel's verdict, and the diagnosis whose advice follows them."""

    channels: tuple[ChannelVerdict, ...]
    diagnosis: Diagnosis
    """The findings, with the advice of those a verdict overruled replaced by the verdict's."""
    not_now: bool
    """True when rule DEC-NOT-NOW fired: social media serve no objective now."""
    answered: Mapping[int, Verdict]
    """For a finding (by position in ``diagnosis.findings``) a verdict's action answers, that verdict: the
    finding was overruled by it, or agrees with a verdict that steps back from its channels."""

    def __getitem__(self, channel_id: str) -> ChannelVerdict:
        for item in self.channels:
            if item.channel_id == channel_id:
                return item
        raise KeyError(channel_id)

    def answering(self, finding: Finding) -> Verdict | None:
        """The verdict whose channel action answers ``finding`` (``None``: the finding's own action does)."""
        for position, item in enumerate(self.diagnosis.findings):
            if item == finding or (item.rule, item.subjects) == (finding.rule, finding.subjects):
                return self.answered.get(position)
        return None

    @property
    def labels(self) -> dict[str, Message]:
        """Each channel's verdict in words, by channel id."""
        return {item.channel_id: item.verdict.label for item in self.channels}

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"not_now": self.not_now, "channels": [item.to_dict(lang) for item in self.channels]}

    def to_text(self, lang: str) -> str:
        """One line per channel (verdict, advice), and under it every overruled proposal and why."""
        lines = [msg("verdicts.text.heading")(lang)]
        for item in self.channels:
            source = _source_label(item.source)
            line = msg(
                "verdicts.text.line",
                name=item.name,
                verdict=item.verdict.label,
                source=source,
                advice=item.advice,
            )
            lines.append(f"  {line(lang)}")
            if item.overruled:
                proposals = [
                    msg("verdicts.text.proposal", source=_source_label(o.source), proposed=o.proposed.label)
                    for o in item.overruled
                ]
                why = msg(f"verdicts.precedence.{item.verdict.value}")
                lines.append(f"      {msg('verdicts.text.overrules', proposals=proposals, why=why)(lang)}")
        return "\n".join(lines) + "\n"


def _text(message: Message, lang: str | None) -> str | dict[str, str]:
    return message.to_dict() if lang is None else message(lang)


@dataclass(frozen=True)
class _Proposal:
    source: str
    verdict: Verdict
    reasons: tuple[Message, ...]
    binding: bool = False
    twin: str | None = None
    """For CH-OFFLINE-OVERLAP: the digital twin the proposal relies on being kept."""


def reconcile(audit: Audit, scorecard: Scorecard, diagnosis: Diagnosis) -> Verdicts:
    """One verdict per channel from ``scorecard`` and ``diagnosis``, and the diagnosis made to agree."""
    thresholds = thresholds_for(audit)
    channels = {channel.id: channel for channel in audit.channels}
    scored = {item.channel_id: item for item in scorecard.channels if item.channel_id in channels}
    not_now = any(finding.rule == "DEC-NOT-NOW" for finding in diagnosis.findings)
    proposals: dict[str, list[_Proposal]] = {cid: [_scorecard_proposal(item)] for cid, item in scored.items()}
    for finding in diagnosis.findings:
        for channel_id, proposal in _finding_proposals(finding, channels):
            if channel_id in proposals:
                proposals[channel_id].append(proposal)
    if not_now:
        for channel_id, channel in channels.items():
            if (
                channel.platform.is_social
                and channel.status is ChannelStatus.PLANNED
                and channel_id in proposals
            ):
                proposals[channel_id].append(
                    _Proposal("DEC-NOT-NOW", Verdict.NOT_NOW, (msg("verdicts.reason.not_now"),), binding=True)
                )
    spread = next((finding for finding in diagnosis.findings if finding.rule == "CH-SPREAD"), None)
    kept: list[str] = []
    if spread is not None:
        kept = _kept_social(audit, scorecard, proposals, channels, thresholds)
        own_social = {
            channel_id
            for channel_id, channel in channels.items()
            if channel.platform.is_social and channel.operator is ChannelOperator.OWN
        }
        for channel_id in spread.subjects:
            if channel_id in proposals and channel_id not in kept and channel_id in own_social:
                proposals[channel_id].append(
                    _Proposal("CH-SPREAD", Verdict.REDUCE, (msg("verdicts.reason.spread"),))
                )
    for channel_id, listed in proposals.items():
        proposals[channel_id] = [p for p in listed if p.twin is None or _twin_kept(p.twin, proposals)]
    twins = {
        channel_id: channels[proposal.twin].name
        for channel_id, listed in proposals.items()
        for proposal in listed
        if proposal.twin is not None
    }
    reassess_on = add_months(audit.engagement.audit_date, round(thresholds["reassess_months"]))
    verdicts = tuple(
        _verdict(channels[cid], scored[cid], proposals[cid], thresholds, twins.get(cid), reassess_on)
        for cid in scored
    )
    by_id = {item.channel_id: item for item in verdicts}
    findings: list[Finding] = []
    answered: dict[int, Verdict] = {}
    for position, finding in enumerate(diagnosis.findings):
        reconciled, answer = _reconciled(finding, by_id, channels)
        findings.append(reconciled)
        if answer is not None:
            answered[position] = answer
    return Verdicts(verdicts, replace(diagnosis, findings=tuple(findings)), not_now, answered)


def _scorecard_proposal(item: ChannelScore) -> _Proposal:
    return _Proposal(_SCORECARD, Verdict(item.recommendation.value), item.reasons)


def _stance_subjects(finding: Finding, channels: Mapping[str, Channel]) -> list[str]:
    """The channels a finding's advice speaks for (see :data:`STANCES`)."""
    named = [subject for subject in finding.subjects if subject in channels]
    if finding.rule == "CH-OFFLINE-OVERLAP":
        return named[:1]
    if finding.rule == "CH-SPREAD":
        return []
    if finding.rule == "DEC-NOT-NOW":
        return [subject for subject in named if channels[subject].platform.is_social]
    return named


def _finding_proposals(finding: Finding, channels: Mapping[str, Channel]) -> Iterable[tuple[str, _Proposal]]:
    stance = STANCES.get(finding.rule)
    if stance is None:
        return []
    binding = finding.rule == "DEC-NOT-NOW"
    reason = msg("verdicts.reason.not_now") if binding else finding.title
    twin = finding.subjects[1] if finding.rule == "CH-OFFLINE-OVERLAP" and len(finding.subjects) > 1 else None
    return [
        (subject, _Proposal(finding.rule, _for_status(stance, channels[subject]), (reason,), binding, twin))
        for subject in _stance_subjects(finding, channels)
    ]


def _twin_kept(twin: str, proposals: Mapping[str, list[_Proposal]]) -> bool:
    """A channel is merged into its twin only if the twin itself is kept (not reduced, parked or closed)."""
    return twin in proposals and _winner(proposals[twin]).verdict not in STEPPING_BACK


def _for_status(verdict: Verdict, channel: Channel) -> Verdict:
    """A planned channel is launched or not: anything short of investing in it means "not now"."""
    if channel.status is ChannelStatus.PLANNED and verdict in {
        Verdict.MAINTAIN,
        Verdict.FIX,
        Verdict.MERGE,
        Verdict.REDUCE,
    }:
        return Verdict.NOT_NOW
    return verdict


def _winner(proposals: list[_Proposal]) -> _Proposal:
    binding = [proposal for proposal in proposals if proposal.binding]
    pool = binding or proposals
    return max(pool, key=lambda proposal: proposal.verdict.rank)


def _kept_social(
    audit: Audit,
    scorecard: Scorecard,
    proposals: Mapping[str, list[_Proposal]],
    channels: Mapping[str, Channel],
    thresholds: Mapping[str, float],
) -> list[str]:
    """The social networks the team's hours keep: the best verdicts first, then the primary fit, the health."""
    team = capacity(audit, thresholds)
    primary = {objective.id for objective in audit.objectives if objective.primary}

    def merit(channel_id: str) -> tuple[int, float, float, float]:
        verdict = _winner(proposals[channel_id]).verdict
        fits = [
            score.value
            for (cid, oid), score in scorecard.matrix.items()
            if cid == channel_id and score.value is not None and oid in channels[channel_id].objectives
        ]
        primary_fits = [
            score.value
            for (cid, oid), score in scorecard.matrix.items()
            if cid == channel_id and score.value is not None and oid in primary
        ]
        health = next(
            (item.health.value or 0.0 for item in scorecard.channels if item.channel_id == channel_id), 0.0
        )
        return (-verdict.rank, max(primary_fits, default=0.0), max(fits, default=0.0), health)

    candidates = [
        channel_id
        for channel_id, channel in channels.items()
        if channel.platform.is_social
        and channel.status in _UPKEPT
        and channel_id in proposals
        and _winner(proposals[channel_id]).verdict not in STEPPING_BACK
    ]
    ranked = sorted(candidates, key=merit, reverse=True)
    return ranked[: max(1, team.social_kept if team is not None else len(ranked))]


def _verdict(
    channel: Channel,
    scored: ChannelScore,
    proposals: list[_Proposal],
    thresholds: Mapping[str, float],
    twin: str | None,
    reassess_on: date,
) -> ChannelVerdict:
    winner = _winner(proposals)
    why = msg(f"verdicts.precedence.{winner.verdict.value}")
    overruled = tuple(
        Overruling(
            proposal.source,
            proposal.verdict,
            msg(
                "verdicts.overruled",
                source=_source_label(proposal.source),
                proposed=proposal.verdict.label,
                winner=_source_label(winner.source),
                verdict=winner.verdict.label,
                why=why,
            ),
        )
        for proposal in _distinct(proposals)
        if proposal.verdict is not winner.verdict
    )
    later = winner.verdict in {Verdict.NOT_NOW, Verdict.PARK}
    return ChannelVerdict(
        channel_id=channel.id,
        name=channel.name,
        platform=channel.platform,
        verdict=winner.verdict,
        source=winner.source,
        reasons=winner.reasons,
        overruled=overruled,
        hours_needed=hours_needed(channel, thresholds),
        recommendation=Verdict(scored.recommendation.value),
        reassess_on=(scored.reassess_on or reassess_on) if later else None,
        twin=twin if winner.verdict is Verdict.MERGE else None,
    )


def _distinct(proposals: list[_Proposal]) -> list[_Proposal]:
    seen: set[tuple[str, Verdict]] = set()
    unique = []
    for proposal in proposals:
        if (proposal.source, proposal.verdict) not in seen:
            seen.add((proposal.source, proposal.verdict))
            unique.append(proposal)
    return unique


def _source_label(source: str) -> Message:
    if source == _SCORECARD:
        return msg("verdicts.source.scorecard")
    return msg("verdicts.source.rule", rule=msg(f"rule.{source}.title"))


def _reconciled(
    finding: Finding, verdicts: Mapping[str, ChannelVerdict], channels: Mapping[str, Channel]
) -> tuple[Finding, Verdict | None]:
    """The finding with its advice made to follow the verdicts, and the verdict whose action answers it."""
    if finding.rule == "CH-SPREAD":
        return replace(finding, action=_spread_action(finding, verdicts)), None
    stance = STANCES.get(finding.rule)
    subjects = [s for s in _stance_subjects(finding, channels) if s in verdicts]
    if stance is None or not subjects:
        return finding, None
    final = {verdicts[s].verdict for s in subjects}
    answer = next(iter(final)) if len(final) == 1 else None
    if finding.rule == "DEC-NOT-NOW":
        return finding, None
    overruled = [s for s in subjects if verdicts[s].verdict is not _for_status(stance, channels[s])]
    if not overruled:
        return finding, answer if answer in STEPPING_BACK else None
    advice = [verdicts[s].advice for s in overruled]
    action = advice[0]
    for more in advice[1:]:
        action = msg("verdicts.advice.and", first=action, then=more)
    return replace(finding, action=action), answer


def _spread_action(finding: Finding, verdicts: Mapping[str, ChannelVerdict]) -> Message:
    """CH-SPREAD's advice, naming the social networks the verdicts keep and those they cut back."""
    social = [verdicts[s] for s in finding.subjects if s in verdicts and verdicts[s].platform.is_social]
    keep = [item.name for item in social if item.verdict not in STEPPING_BACK]
    reduce = [item.name for item in social if item.verdict is Verdict.REDUCE]
    if not keep:
        return msg("verdicts.spread.action_none")
    if not reduce:
        return msg("verdicts.spread.action_keep", keep=keep)
    return msg("verdicts.spread.action_keep_reduce", keep=keep, reduce=reduce)
