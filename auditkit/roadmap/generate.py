"""The actions the method gives for an audit: its findings and channel recommendations through the plan table.

:data:`auditkit.plan.PLAN` is the one table that turns findings into actions. Each rule id of the
catalogue (and each channel recommendation, ``REC-*``, plus the closing ``NEXT-ROUND``) has one
:class:`~auditkit.plan.Step`: its phase, the earliest stage it belongs to, its effort, its owner, the
steps that must be done first, its texts and its modelled effect on the scores.

* One action per rule, covering every item it fired on (its ``subjects``: channels, objectives...);
  its id is the rule id in lower case (``str-crisis-plan``), so a regenerated roadmap finds the
  consultant's edits again. Effort is ``hours`` for the first item plus ``hours_each`` per other one.
* Channel verdicts (:mod:`auditkit.verdicts`: the scorecard's recommendations reconciled with the
  findings) give one action per kind (``rec-close``, ``rec-park``, ``rec-reduce``, ``rec-merge``,
  ``rec-fix``, ``rec-invest``, ``rec-not-now``) listing the channels, so each channel is named by one
  of them at most; a channel already closed or parked needs nothing. The findings of a channel being
  closed, parked, reduced or merged are answered by that action (fixing an account you close is
  wasted work; a finding the verdict overruled is moot). ``rec-fix`` lists only channels no finding
  covers.
* A few rules join another action when it exists (``ERR-INSPIRATION`` into the editorial line,
  ``CH-SPREAD`` into the reductions): a consultant writes one step, not two.
* A rule missing from the table still gets an action (earliest stage by severity: critical 1,
  major 3, minor 6, info findings get none), so every critical finding is answered.
* Dependencies are the table's ``after`` keys that have an action in this roadmap; a key without an
  action is looked through (its own ``after`` keys apply), so "objectives first" holds even when the
  step in between is not needed.
* Cost is the effort priced at the ``hourly_rate`` threshold (in the audit's currency).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from auditkit.diagnose import RULES, Diagnosis, Finding, Severity, diagnose
from auditkit.locale import Message, msg
from auditkit.model import Audit
from auditkit.plan import (
    ABSORBING,
    ALREADY_SETTLED,
    ALWAYS,
    PLAN,
    PLAN_ORDER,
    UNPREDICTABLE,
    VERDICT_KEYS,
    Step,
    action_id,
    fallback_step,
)
from auditkit.platforms import Platform
from auditkit.roadmap.actions import Action, Covered
from auditkit.roadmap.stages import stage_dates, stage_of
from auditkit.roadmap.texts import bullets, commas, lines, semicolons
from auditkit.rules.requirements import Need, need_of
from auditkit.rules.strategy import COMPONENT_RULES
from auditkit.scoring import Scorecard, score
from auditkit.thresholds import thresholds_for
from auditkit.verdicts import STANCES, ChannelVerdict, Verdicts, reconcile
from auditkit.vocabulary import words

__all__ = ["generated_actions"]

ONE_PAGE_PLAN = "STR-ONE-PAGE-PLAN"

Label = Message | Platform | str
"""What an item is called in a title: a text, a platform, or a name the consultant typed."""


@dataclass
class _Draft:
    key: str
    step: Step
    month: int
    subjects: list[str] = field(default_factory=list)
    covers: dict[str, list[str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    reasons: list[Message] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    moot: set[str] = field(default_factory=set)

    def label(self, label: Label) -> None:
        if label not in self.labels:
            self.labels.append(label)

    def cover(self, rule: str, subjects: Iterable[str], *, own: bool) -> None:
        listed = self.covers.setdefault(rule, [])
        for subject in subjects:
            if subject not in listed:
                listed.append(subject)
            if own and subject not in self.subjects:
                self.subjects.append(subject)


def _draft(drafts: dict[str, _Draft], key: str, step: Step | None = None) -> _Draft:
    step = step or PLAN[key]
    return drafts.setdefault(key, _Draft(key, step, step.month))


def generated_actions(
    audit: Audit,
    scorecard: Scorecard | None = None,
    diagnosis: Diagnosis | None = None,
    verdicts: Verdicts | None = None,
) -> tuple[Action, ...]:
    """The actions the method gives for this audit, before edits and capacity (``stage`` = planned stage).

    Dependencies are resolved; the order is the plan table's. ``verdicts`` (reconciled from ``scorecard``
    and ``diagnosis``) and the parts they come from are computed when not given.
    """
    if verdicts is None:
        diagnosis = diagnosis if diagnosis is not None else diagnose(audit)
        scorecard = scorecard if scorecard is not None else score(audit, diagnosis)
        verdicts = reconcile(audit, scorecard, diagnosis)
    findings = [f for f in verdicts.diagnosis.findings if f.rule in PLAN or f.severity is not Severity.INFO]
    recommended = _recommended(audit, verdicts)
    acted = {item.channel_id for item in recommended}
    pending: dict[str, list[Finding]] = {}
    drafts: dict[str, _Draft] = {}
    overruled: set[str] = set()
    for finding in findings:
        answer = verdicts.answering(finding)
        key = VERDICT_KEYS.get(answer) if answer is not None else None
        answered = [s for s in finding.subjects if s in acted and verdicts[s].verdict is answer]
        moot = STANCES.get(finding.rule) is not answer
        if key is not None and answered and (key in ABSORBING or moot):
            draft = _draft(drafts, key)
            draft.cover(finding.rule, answered, own=False)
            draft.findings.append(finding)
            if moot:
                draft.moot.add(finding.rule)
                overruled.update(answered)
        else:
            pending.setdefault(finding.rule, []).append(finding)
    fixed = {
        s for rule, items in pending.items() if rule.startswith("CH-") for f in items for s in f.subjects
    }
    dates = stage_dates(audit.engagement.audit_date)
    for item in recommended:
        key = VERDICT_KEYS[item.verdict]
        if key == "REC-FIX" and item.channel_id in fixed and item.channel_id not in overruled:
            continue
        draft = _draft(drafts, key)
        draft.cover(key, [item.channel_id], own=True)
        draft.label(item.name)
        reasons = semicolons(item.reasons) if item.reasons else ""
        draft.reasons.append(msg("roadmap.action.channel_reasons", name=item.name, reasons=reasons))
        if key == "REC-NOT-NOW" and item.reassess_on is not None:
            draft.month = max(draft.month, stage_of(item.reassess_on, dates))
    aliases: dict[str, str] = {}
    brief = _one_page_rules(audit, pending)
    for rule_id, items in pending.items():
        step = PLAN.get(rule_id) or fallback_step(items[0])
        target = ONE_PAGE_PLAN if rule_id in brief else None
        target = target or next((key for key in step.joins if key in drafts or key in pending), None)
        if target is not None:
            aliases[rule_id] = target
            _draft(drafts, target)
        draft = _draft(drafts, rule_id, step) if target is None else drafts[target]
        for finding in items:
            subjects = finding.subjects if target is None else _joined_subjects(finding, target, verdicts)
            draft.cover(finding.rule, subjects, own=target is None)
            draft.findings.append(finding)
            for label in _finding_labels(audit, finding) if target is None else ():
                draft.label(label)
    for key in ALWAYS:
        _draft(drafts, key)
    rate = thresholds_for(audit)["hourly_rate"]
    ordered = sorted(
        drafts.values(), key=lambda draft: (PLAN_ORDER.get(draft.key, len(PLAN_ORDER)), draft.key)
    )
    spoken = words(audit.client)
    return tuple(_action(audit, draft, set(drafts), aliases, rate, spoken) for draft in ordered)


def _one_page_rules(audit: Audit, pending: Mapping[str, list[Finding]]) -> set[str]:
    """The component rules whose findings one short plan answers: those the client needs only a few lines
    of, when there are at least two (one alone keeps its own action)."""
    brief = {
        entry.rule_id
        for entry in COMPONENT_RULES
        if entry.rule_id in pending and need_of(entry.key, audit.client) is not Need.ESSENTIAL
    }
    return brief if len(brief) > 1 else set()


def _joined_subjects(finding: Finding, target: str, verdicts: Verdicts) -> list[str]:
    """The subjects a finding joined to a channel action brings to it: only channels with that verdict."""
    channels = {item.channel_id: item.verdict for item in verdicts.channels}
    return [s for s in finding.subjects if s not in channels or VERDICT_KEYS.get(channels[s]) == target]


def _recommended(audit: Audit, verdicts: Verdicts) -> list[ChannelVerdict]:
    """The channel verdicts that call for an action (a closed channel needs no closing)."""
    statuses = {channel.id: channel.status for channel in audit.channels}
    return [
        item
        for item in verdicts.channels
        if item.verdict in VERDICT_KEYS
        and item.channel_id in statuses
        and statuses[item.channel_id] is not ALREADY_SETTLED.get(item.verdict)
    ]


def _action(
    audit: Audit,
    draft: _Draft,
    present: set[str],
    aliases: dict[str, str],
    rate: float,
    spoken: dict[str, Message],
) -> Action:
    step = draft.step
    names = _names(draft.labels)
    severities = [finding.severity for finding in draft.findings]
    severity = min(severities, key=lambda severity: severity.rank) if severities else step.severity
    items = draft.covers if step.per_finding else draft.subjects
    effort = step.hours + step.hours_each * max(len(items) - 1, 0)
    covers = tuple(
        sorted(
            (Covered(rule, tuple(subjects), rule in draft.moot) for rule, subjects in draft.covers.items()),
            key=lambda cover: cover.moot,
        )
    )
    docs = list(dict.fromkeys(PLAN[c.rule].effect_doc for c in covers if c.effect is not None))
    rules = [rule for rule in RULES if rule in draft.covers] + [
        rule for rule in draft.covers if rule not in RULES and rule not in PLAN
    ]
    return Action(
        id=action_id(draft.key),
        title=step.title.format(names=names, **spoken),
        description=_description(step.description.format(**spoken), draft),
        findings=tuple(rules),
        objectives=_objectives(audit, [s for subjects in draft.covers.values() for s in subjects]),
        owner_role=step.owner,
        effort_hours=effort,
        cost=round(effort * rate, 2),
        done_when=step.done_when.format(names=names, **spoken),
        stage=draft.month,
        depends_on=_dependencies(draft.key, step, present, aliases),
        subjects=tuple(dict.fromkeys([*draft.subjects, *(s for c in covers for s in c.subjects)])),
        covers=covers,
        severity=severity,
        phase=step.phase,
        planned_stage=draft.month,
        effect=semicolons(docs) if docs else UNPREDICTABLE,
        leadership=spoken["owner"],
    )


def _description(base: Message, draft: _Draft) -> Message:
    parts = [base]
    if draft.reasons:
        parts += [msg("roadmap.action.why_per_channel"), *bullets(draft.reasons)]
    titles = list(dict.fromkeys(finding.title for finding in draft.findings))
    if titles:
        parts += [msg("roadmap.action.findings_answered"), *bullets(titles)]
    return lines(parts)


def _dependencies(key: str, step: Step, present: set[str], aliases: dict[str, str]) -> tuple[str, ...]:
    found: list[str] = []
    seen: set[str] = {key}
    queue = list(step.after)
    while queue:
        wanted = queue.pop(0)
        if wanted in seen:
            continue
        seen.add(wanted)
        resolved = aliases.get(wanted, wanted)
        if resolved in present and resolved != key:
            if resolved not in found:
                found.append(resolved)
        elif wanted in PLAN:
            queue += PLAN[wanted].after
    return tuple(
        action_id(dependency)
        for dependency in sorted(found, key=lambda k: PLAN_ORDER.get(k, len(PLAN_ORDER)))
    )


def _short(text: str, limit: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _subject_name(audit: Audit, subject: str) -> Label:
    for channel in audit.channels:
        if channel.id == subject:
            return channel.name
    for objective in audit.objectives:
        if objective.id == subject:
            return _short(objective.statement.rstrip(" ."))
    for group in (audit.stakeholders, audit.peers):
        for item in group:
            if item.id == subject:
                return item.name
    try:
        return Platform(subject)
    except ValueError:
        return subject


def _finding_labels(audit: Audit, finding: Finding) -> list[Label]:
    """What a finding is about, in words: what its title adds to the rule's, else its subjects."""
    about = finding.about
    if about is not None:
        return [
            _subject_name(audit, about) if isinstance(about, str) and about in finding.subjects else about
        ]
    return [_subject_name(audit, subject) for subject in finding.subjects]


def _names(labels: Sequence[Label], shown: int = 3) -> Message | str:
    if len(labels) <= shown:
        return commas(labels)
    return msg("roadmap.action.names_and_more", names=commas(labels[:shown]), count=len(labels) - shown)


def _objectives(audit: Audit, subjects: Sequence[str]) -> tuple[str, ...]:
    wanted = set(subjects)
    for channel in audit.channels:
        if channel.id in wanted:
            wanted.update(channel.objectives)
    return tuple(objective.id for objective in audit.objectives if objective.id in wanted)
