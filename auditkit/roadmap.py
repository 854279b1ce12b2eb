"""The staged roadmap: the audit's findings turned into actions at 1, 3, 6, 9 and 12 months.

The method (DOMAIN §9) asks for a plan, not only a critique: specific steps in specific windows, by
priority, never everything at once. :func:`build_roadmap` builds it from the diagnosis, the channel
recommendations of the scorecard and the consultant's edits stored in the audit file.

Generation
==========
:data:`auditkit.plan.PLAN` is the one table that turns findings into actions. Each rule id of the
catalogue (and each channel recommendation, ``REC-*``, plus the closing ``NEXT-ROUND``) has one
:class:`~auditkit.plan.Step`: its phase, the earliest stage it belongs to, its effort, its owner, the
steps that must be done first, its texts and its modelled effect on the scores. The phases follow the method: **foundations**
(sponsor, objectives, audiences, editorial line, governance, ownership, crisis plan, indicators),
**fixes** (repairs and closures of the existing channels, the quick wins), **planning** (calendars,
content and distribution plans, policy, moderation, monitoring, measurement) and **growth** (invest,
launch, close the gaps with peers), then **review** (the next audit round at month 12).

* One action per rule, covering every item it fired on (its ``subjects``: channels, objectives...);
  its id is the rule id in lower case (``str-crisis-plan``), so a regenerated roadmap finds the
  consultant's edits again. Effort is ``hours`` for the first item plus ``hours_each`` per other one.
* Channel recommendations give one action per kind (``rec-close``, ``rec-park``, ``rec-reduce``,
  ``rec-fix``, ``rec-invest``, ``rec-not-now``) listing the channels; a channel already closed or
  parked needs nothing. The findings of a channel being closed or parked are answered by that closure
  (fixing an account you close is wasted work). ``rec-fix`` lists only channels no finding covers.
* A few rules join another action when it exists (``ERR-INSPIRATION`` into the editorial line,
  ``CH-SPREAD`` into the reductions): a consultant writes one step, not two.
* A rule missing from the table still gets an action (earliest stage by severity: critical 1,
  major 3, minor 6, info findings get none), so every critical finding is answered.
* Dependencies are the table's ``after`` keys that have an action in this roadmap; a key without an
  action is looked through (its own ``after`` keys apply), so "objectives first" holds even when the
  step in between is not needed.
* Cost is the effort priced at the ``hourly_rate`` threshold (in the audit's currency).

Capacity
========
A stage's window runs from the previous stage's date (the audit date for month 1) to its own: 1, 2,
3, 3 and 3 months. Its capacity is ``weeks in the window x organisation.hours_per_week x
roadmap.improvement_share`` (default 0.25: one hour in four of the declared social-media time goes to
improving, the rest keeps the channels running). Actions are placed in priority order (the most
severe first, a step inheriting the severity of what depends on it; then earliest stage, phase and
table order), each in the first stage from its earliest one whose remaining capacity holds it and
never before the actions it depends on. An action that does not fit moves to a later stage and says
so (``planned_stage``, a note, the stage's ``overflow`` list). Past month 12 it goes to the
**backlog**, except a critical action (or one a critical action depends on), which stays in month 12
flagged ``over_capacity``: a critical finding is never left out of the year. The closing review
(``NEXT-ROUND``) is anchored to month 12 and placed first there. When the team's hours are unknown,
stages are not capped and the roadmap says so. When actions wait in the backlog, the roadmap weighs
the whole plan against the year (``needed_hours``, ``capacity_hours``) and says what it would take to
hold it: the smallest improvement share, in steps of 5 %, whose schedule leaves nothing in the backlog
(``share_to_fit``, ``shortfall``), or that even all of the team's hours would not do.

Projection
==========
Each step states its modelled effect: what becomes true in the audit once it is done (a strategy
component becomes present, a channel is closed, reporting becomes monthly, top management
supportive...). The projected scores of a stage are the real :func:`auditkit.scoring.score` of a copy
of the audit where every action scheduled up to that stage has had its effect. Steps whose outcome the
audit cannot predict (an engagement rate, a new audience, a choice between channels) have no modelled
effect and move no score: the projection counts what the plan itself changes, not hoped-for results.
Actions in the backlog, dropped or added by hand have no effect.

Manual edits
============
The consultant's edits live in ``audit.roadmap`` (:class:`auditkit.model.RoadmapEdits`) and are
recorded by :func:`move_action`, :func:`edit_action`, :func:`drop_action`, :func:`restore_action`,
:func:`add_action` and :func:`remove_action` (no I/O: they update the audit in place; save it with
:mod:`auditkit.store`). A moved or added action is pinned to its stage, beyond the capacity if need
be, and the actions it depends on are brought to that stage at the latest; only when one of those is
itself pinned later is the pin raised to it, with a note. Each edit keeps a snapshot of
the generated action it was made on; a regenerated roadmap compares it with the new one and reports
what changed underneath (:class:`Change`): the finding is no longer present (the edit stays stored
but applies to nothing), the findings or items concerned changed, the generated text or effort
changed. :func:`acknowledge_changes` takes the current generated action as the new base.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import ValidationError

from auditkit.diagnose import RULES, Diagnosis, Finding, Severity, add_months, diagnose
from auditkit.errors import AuditkitError
from auditkit.i18n import Bilingual
from auditkit.model import (
    ROADMAP_STAGES,
    ActionEdit,
    Audit,
    GeneratedSnapshot,
    Language,
    ManualAction,
)
from auditkit.plan import (
    ABSORBING,
    ALREADY_SETTLED,
    ALWAYS,
    ANCHORED,
    PLAN,
    PLAN_ORDER,
    RECOMMENDATION_KEYS,
    UNPREDICTABLE,
    Effect,
    Phase,
    Step,
    action_id,
    fallback_step,
)
from auditkit.platforms import Platform
from auditkit.scoring import ChannelScore, Scorecard, score
from auditkit.thresholds import thresholds_for

__all__ = [
    "OWNER_ROLES",
    "PLAN",
    "STAGES",
    "Action",
    "Change",
    "ChangeKind",
    "Covered",
    "Phase",
    "Roadmap",
    "Stage",
    "Step",
    "acknowledge_changes",
    "add_action",
    "build_roadmap",
    "drop_action",
    "edit_action",
    "generated_actions",
    "move_action",
    "remove_action",
    "restore_action",
]

STAGES: tuple[int, ...] = ROADMAP_STAGES
"""Months at which the stages end."""

_B = Bilingual
_EPSILON = 1e-9
_SEVERITY_RANK = {Severity.CRITICAL: 0, Severity.MAJOR: 1, Severity.MINOR: 2, Severity.INFO: 3}


OWNER_ROLES: dict[str, Bilingual] = {
    "management": _B("Management", "Direction"),
    "strategy_owner": _B("Strategy owner", "Responsable de la stratégie"),
    "community_manager": _B("Community manager", "Community manager"),
    "channel_owners": _B("Channel owners", "Responsables des canaux"),
    "consultant": _B("Consultant", "Consultant"),
}
"""Roles an action can be given to; an edited or hand-added action may name anyone."""


class ChangeKind(StrEnum):
    """What changed underneath an edited action, or what the consultant's edit ran into."""

    FINDING_GONE = "finding_gone"
    FINDINGS_CHANGED = "findings_changed"
    SUBJECTS_CHANGED = "subjects_changed"
    TEXT_CHANGED = "text_changed"
    EFFORT_CHANGED = "effort_changed"
    STAGE_RAISED = "stage_raised"
    UNKNOWN_DEPENDENCY = "unknown_dependency"


@dataclass(frozen=True)
class Change:
    """One thing the consultant should look at on an edited or hand-added action."""

    action_id: str
    kind: ChangeKind
    message: Bilingual

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        return {"action": self.action_id, "kind": self.kind.value, "message": _text(self.message, lang)}


@dataclass(frozen=True)
class Covered:
    """The findings of one rule (or one kind of channel recommendation) an action answers."""

    rule: str
    subjects: tuple[str, ...]
    moot: bool = False
    """Answered by closing or parking the channel: the rule's own effect is not projected."""

    @property
    def effect(self) -> Effect | None:
        """What doing it changes in the audit, for the projected scores (``None``: not modelled)."""
        step = PLAN.get(self.rule)
        return None if self.moot or step is None else step.effect


@dataclass(frozen=True)
class Action:
    """One step of the roadmap.

    ``stage`` is the month of the stage it is scheduled in (``None`` in the backlog); ``planned_stage``
    the stage it was planned for before capacity moved it. ``start`` and ``due`` date it inside its
    stage, one action after another at the plan's weekly capacity.
    """

    id: str
    title: Bilingual
    description: Bilingual
    findings: tuple[str, ...]
    objectives: tuple[str, ...]
    owner_role: str
    effort_hours: float
    cost: float
    done_when: Bilingual
    stage: int | None
    depends_on: tuple[str, ...]
    origin: str = "generated"
    edited: bool = False
    subjects: tuple[str, ...] = ()
    covers: tuple[Covered, ...] = ()
    severity: Severity | None = None
    phase: Phase | None = None
    planned_stage: int | None = None
    pinned: bool = False
    over_capacity: bool = False
    start: date | None = None
    due: date | None = None
    note: Bilingual | None = None
    consultant_note: str = ""
    effect: Bilingual | None = None
    changes: tuple[Change, ...] = ()

    @property
    def moved(self) -> bool:
        """True when capacity (not the consultant) moved the action away from its planned stage."""
        return not self.pinned and self.planned_stage is not None and self.stage != self.planned_stage

    def owner_label(self, lang: Language | str) -> str:
        """The owner role in words."""
        role = OWNER_ROLES.get(self.owner_role)
        return role(lang) if role else self.owner_role

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """JSON-ready data; texts in ``lang``, or in both languages when ``lang`` is ``None``."""
        owner = OWNER_ROLES.get(self.owner_role)
        return {
            "id": self.id,
            "title": _text(self.title, lang),
            "description": _text(self.description, lang),
            "findings": list(self.findings),
            "subjects": list(self.subjects),
            "objectives": list(self.objectives),
            "owner_role": self.owner_role,
            "owner": _text(owner, lang) if owner else self.owner_role,
            "effort_hours": round(self.effort_hours, 2),
            "cost": round(self.cost, 2),
            "done_when": _text(self.done_when, lang),
            "stage": self.stage,
            "planned_stage": self.planned_stage,
            "depends_on": list(self.depends_on),
            "origin": self.origin,
            "edited": self.edited,
            "pinned": self.pinned,
            "severity": self.severity.value if self.severity else None,
            "phase": self.phase.value if self.phase else None,
            "over_capacity": self.over_capacity,
            "start": self.start.isoformat() if self.start else None,
            "due": self.due.isoformat() if self.due else None,
            "note": _text(self.note, lang) if self.note else None,
            "consultant_note": self.consultant_note,
            "effect": _text(self.effect, lang) if self.effect else None,
            "changes": [change.to_dict(lang) for change in self.changes],
        }


@dataclass(frozen=True)
class Stage:
    """The actions to finish by month ``month``, their hours against the stage's capacity.

    ``overflow`` lists the actions planned for this stage that capacity moved to a later one;
    ``projected_*`` are the scores once this stage's and the earlier stages' actions are done.
    """

    month: int
    actions: tuple[Action, ...]
    hours: float
    capacity_hours: float | None
    projected_overall: float | None
    projected_completeness: float | None
    overflow: tuple[str, ...]
    start: date
    due: date
    projected_level: int | None = None

    @property
    def over_capacity(self) -> bool:
        return self.capacity_hours is not None and self.hours > self.capacity_hours + _EPSILON

    @property
    def cost(self) -> float:
        return sum(action.cost for action in self.actions)

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        return {
            "month": self.month,
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "actions": [action.to_dict(lang) for action in self.actions],
            "hours": round(self.hours, 2),
            "capacity_hours": None if self.capacity_hours is None else round(self.capacity_hours, 2),
            "over_capacity": self.over_capacity,
            "cost": round(self.cost, 2),
            "overflow": list(self.overflow),
            "projected_overall": _round(self.projected_overall),
            "projected_completeness": _round(self.projected_completeness),
            "projected_level": self.projected_level,
        }


@dataclass(frozen=True)
class Roadmap:
    """The staged plan of one audit: five stages, the backlog, what was dropped, and why."""

    stages: tuple[Stage, ...]
    notes: tuple[Bilingual, ...]
    client: str
    audit_date: date
    currency: str
    language: Language
    backlog: tuple[Action, ...] = ()
    dropped: tuple[Action, ...] = ()
    changes: tuple[Change, ...] = ()
    weekly_capacity: float | None = None
    current_overall: float | None = None
    current_completeness: float | None = None
    current_level: int | None = None
    team_hours_per_week: float | None = None
    share_to_fit: float | None = None
    """The smallest ``roadmap.improvement_share`` (in steps of 5 %) that leaves no backlog; ``None``
    when nothing is in the backlog, the team's hours are unknown, or even all of them would not do."""

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every scheduled action, stage by stage, in the order they are to be done."""
        return tuple(action for stage in self.stages for action in stage.actions)

    @property
    def capacity_hours(self) -> float | None:
        """The hours the five stages hold together (``None`` when the team's hours are unknown)."""
        if self.weekly_capacity is None:
            return None
        return sum(stage.capacity_hours or 0.0 for stage in self.stages)

    @property
    def needed_hours(self) -> float:
        """The effort of every action still in the plan: scheduled and backlog."""
        return sum(action.effort_hours for action in (*self.actions, *self.backlog))

    @property
    def backlog_hours(self) -> float:
        return sum(action.effort_hours for action in self.backlog)

    @property
    def weekly_hours_to_fit(self) -> float | None:
        """The hours a week the whole plan needs on average over the year (``None`` when uncapped)."""
        if self.weekly_capacity is None or not self.stages:
            return None
        weeks = (self.stages[-1].due - self.stages[0].start).days / 7
        return self.needed_hours / weeks if weeks > 0 else None

    @property
    def shortfall(self) -> Bilingual | None:
        """When actions wait in the backlog: what it would take to hold the whole plan within the year."""
        if not self.backlog or not self.team_hours_per_week:
            return None
        return _to_fit(self, self.team_hours_per_week)

    def action(self, action_id: str) -> Action:
        """The scheduled, backlog or dropped action with this id (``KeyError`` if none)."""
        for action in (*self.actions, *self.backlog, *self.dropped):
            if action.id == action_id:
                return action
        raise KeyError(action_id)

    def stage(self, month: int) -> Stage:
        """The stage ending at ``month`` (``KeyError`` if none)."""
        for stage in self.stages:
            if stage.month == month:
                return stage
        raise KeyError(month)

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """The JSON document of ``auditkit roadmap --json``: ``stages`` in month order, and the rest."""
        return {
            "client": self.client,
            "audit_date": self.audit_date.isoformat(),
            "currency": self.currency,
            "weekly_capacity": _round(self.weekly_capacity),
            "current_overall": _round(self.current_overall),
            "current_completeness": _round(self.current_completeness),
            "current_level": self.current_level,
            "capacity_hours": _round(self.capacity_hours),
            "needed_hours": _round(self.needed_hours),
            "backlog_hours": _round(self.backlog_hours),
            "share_to_fit": self.share_to_fit,
            "stages": [stage.to_dict(lang) for stage in self.stages],
            "backlog": [action.to_dict(lang) for action in self.backlog],
            "dropped": [action.to_dict(lang) for action in self.dropped],
            "changes": [change.to_dict(lang) for change in self.changes],
            "notes": [_text(note, lang) for note in self.notes],
        }


def _text(value: Bilingual, lang: Language | str | None) -> str | dict[str, str]:
    return value.to_dict() if lang is None else value(lang)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


# -- generation --------------------------------------------------------------------------------------


@dataclass
class _Draft:
    key: str
    step: Step
    month: int
    subjects: list[str] = field(default_factory=list)
    covers: dict[str, list[str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    reasons: list[Bilingual] = field(default_factory=list)
    labels: list[Bilingual] = field(default_factory=list)

    def label(self, label: Bilingual) -> None:
        if label not in self.labels:
            self.labels.append(label)

    def cover(self, rule: str, subjects: Iterable[str], *, own: bool) -> None:
        listed = self.covers.setdefault(rule, [])
        for subject in subjects:
            if subject not in listed:
                listed.append(subject)
            if own and subject not in self.subjects:
                self.subjects.append(subject)


def generated_actions(
    audit: Audit, scorecard: Scorecard | None = None, diagnosis: Diagnosis | None = None
) -> tuple[Action, ...]:
    """The actions the method gives for this audit, before edits and capacity (``stage`` = planned stage).

    Dependencies are resolved; the order is the plan table's.
    """
    scorecard = scorecard if scorecard is not None else score(audit)
    diagnosis = diagnosis if diagnosis is not None else diagnose(audit)
    findings = [f for f in diagnosis.findings if f.rule in PLAN or f.severity is not Severity.INFO]
    absorbed = {
        item.channel_id: RECOMMENDATION_KEYS[item.recommendation]
        for item in _recommended(audit, scorecard)
        if RECOMMENDATION_KEYS[item.recommendation] in ABSORBING
    }
    pending: dict[str, list[Finding]] = {}
    drafts: dict[str, _Draft] = {}
    for finding in findings:
        if (
            finding.rule.startswith("CH-")
            and finding.subjects
            and all(s in absorbed for s in finding.subjects)
        ):
            key = absorbed[finding.subjects[0]]
            draft = drafts.setdefault(key, _Draft(key, PLAN[key], PLAN[key].month))
            draft.cover(finding.rule, finding.subjects, own=False)
            draft.findings.append(finding)
        else:
            pending.setdefault(finding.rule, []).append(finding)
    fixed = {
        s for rule, items in pending.items() if rule.startswith("CH-") for f in items for s in f.subjects
    }
    stage_dates = _stage_dates(audit.engagement.audit_date)
    for item in _recommended(audit, scorecard):
        key = RECOMMENDATION_KEYS[item.recommendation]
        if key == "REC-FIX" and item.channel_id in fixed:
            continue
        draft = drafts.setdefault(key, _Draft(key, PLAN[key], PLAN[key].month))
        draft.cover(key, [item.channel_id], own=True)
        draft.label(_B(item.name, item.name))
        draft.reasons.append(_reason_line(item.name, item.reasons))
        if key == "REC-NOT-NOW" and item.reassess_on is not None:
            draft.month = max(draft.month, _stage_of(item.reassess_on, stage_dates))
    aliases: dict[str, str] = {}
    for rule_id, items in pending.items():
        step = PLAN.get(rule_id) or fallback_step(items[0])
        target = next((key for key in step.joins if key in drafts or key in pending), None)
        if target is not None:
            aliases[rule_id] = target
            drafts.setdefault(target, _Draft(target, PLAN[target], PLAN[target].month))
        draft = (
            drafts.setdefault(rule_id, _Draft(rule_id, step, step.month))
            if target is None
            else drafts[target]
        )
        for finding in items:
            draft.cover(finding.rule, finding.subjects, own=target is None)
            draft.findings.append(finding)
            for label in _finding_labels(audit, finding) if target is None else ():
                draft.label(label)
    for key in ALWAYS:
        drafts.setdefault(key, _Draft(key, PLAN[key], PLAN[key].month))
    rate = thresholds_for(audit)["hourly_rate"]
    ordered = sorted(
        drafts.values(), key=lambda draft: (PLAN_ORDER.get(draft.key, len(PLAN_ORDER)), draft.key)
    )
    return tuple(_action(audit, draft, set(drafts), aliases, rate) for draft in ordered)


def _recommended(audit: Audit, scorecard: Scorecard) -> list[ChannelScore]:
    """The channel recommendations that call for an action (a closed channel needs no closing)."""
    statuses = {channel.id: channel.status for channel in audit.channels}
    return [
        item
        for item in scorecard.channels
        if item.recommendation in RECOMMENDATION_KEYS
        and item.channel_id in statuses
        and statuses[item.channel_id] is not ALREADY_SETTLED.get(item.recommendation)
    ]


def _action(audit: Audit, draft: _Draft, present: set[str], aliases: dict[str, str], rate: float) -> Action:
    step = draft.step
    names = _names(draft.labels)
    severities = [finding.severity for finding in draft.findings]
    severity = min(severities, key=_SEVERITY_RANK.__getitem__) if severities else step.severity
    effort = step.hours + step.hours_each * max(len(draft.subjects) - 1, 0)
    moot = draft.key in ABSORBING
    covers = tuple(
        sorted(
            (
                Covered(rule, tuple(subjects), moot and rule != draft.key)
                for rule, subjects in draft.covers.items()
            ),
            key=lambda cover: cover.moot,
        )
    )
    docs = list(dict.fromkeys(PLAN[c.rule].effect_doc for c in covers if c.effect is not None))
    rules = [rule for rule in RULES if rule in draft.covers] + [
        rule for rule in draft.covers if rule not in RULES and rule not in PLAN
    ]
    return Action(
        id=action_id(draft.key),
        title=_fill(step.title, names),
        description=_description(step.description, draft),
        findings=tuple(rules),
        objectives=_objectives(audit, [s for subjects in draft.covers.values() for s in subjects]),
        owner_role=step.owner,
        effort_hours=effort,
        cost=round(effort * rate, 2),
        done_when=_fill(step.done_when, names),
        stage=draft.month,
        depends_on=_dependencies(draft.key, step, present, aliases),
        subjects=tuple(dict.fromkeys([*draft.subjects, *(s for c in covers for s in c.subjects)])),
        covers=covers,
        severity=severity,
        phase=step.phase,
        planned_stage=draft.month,
        effect=_join(docs) if docs else UNPREDICTABLE,
    )


def _fill(text: Bilingual, names: Bilingual) -> Bilingual:
    return _B(text.en.replace("{names}", names.en), text.fr.replace("{names}", names.fr))


def _join(texts: Sequence[Bilingual], separator: str = "; ") -> Bilingual:
    return _B(separator.join(text.en for text in texts), separator.join(text.fr for text in texts))


def _description(base: Bilingual, draft: _Draft) -> Bilingual:
    parts = [base]
    if draft.reasons:
        parts.append(_B("Why, per channel:", "Pourquoi, par canal :"))
        parts += [_B(f"- {reason.en}", f"- {reason.fr}") for reason in draft.reasons]
    titles = list(dict.fromkeys(finding.title for finding in draft.findings))
    if titles:
        parts.append(_B("Findings answered:", "Constats traités :"))
        parts += [_B(f"- {title.en}", f"- {title.fr}") for title in titles]
    return _join(parts, "\n")


def _reason_line(name: str, reasons: Sequence[Bilingual]) -> Bilingual:
    return _B(
        f"{name}: " + "; ".join(reason.en for reason in reasons),
        f"{name} : " + " ; ".join(reason.fr for reason in reasons),
    )


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


def _subject_name(audit: Audit, subject: str) -> str:
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
        return Platform(subject).label
    except ValueError:
        return subject


def _finding_labels(audit: Audit, finding: Finding) -> list[Bilingual]:
    """What a finding is about, in words: the part its title adds to the rule's, else its subjects."""
    rule = RULES.get(finding.rule)
    if rule is not None:
        en = finding.title.en.removeprefix(rule.title.en + ": ")
        fr = finding.title.fr.removeprefix(rule.title.fr + "\u00a0: ").removeprefix(rule.title.fr + " : ")
        if en != finding.title.en and fr != finding.title.fr:
            if en in finding.subjects:
                en = fr = _subject_name(audit, en)
            return [_B(en, fr)]
    names = [_subject_name(audit, subject) for subject in finding.subjects]
    return [_B(name, name) for name in names]


def _names(labels: Sequence[Bilingual], shown: int = 3) -> Bilingual:
    if len(labels) <= shown:
        return _join(labels, ", ")
    head, more = _join(labels[:shown], ", "), len(labels) - shown
    return _B(f"{head.en} and {more} more", f"{head.fr} et {more} autres")


def _objectives(audit: Audit, subjects: Sequence[str]) -> tuple[str, ...]:
    wanted = set(subjects)
    for channel in audit.channels:
        if channel.id in wanted:
            wanted.update(channel.objectives)
    return tuple(objective.id for objective in audit.objectives if objective.id in wanted)


# -- stages, capacity and scheduling -----------------------------------------------------------------


def _stage_dates(audit_date: date) -> dict[int, tuple[date, date]]:
    """``month -> (start, due)`` of each stage's window."""
    dates: dict[int, tuple[date, date]] = {}
    start = audit_date
    for month in STAGES:
        due = add_months(audit_date, month)
        dates[month] = (start, due)
        start = due
    return dates


def _stage_of(day: date, dates: dict[int, tuple[date, date]]) -> int:
    return next((month for month in STAGES if day <= dates[month][1]), STAGES[-1])


def _weekly_capacity(audit: Audit) -> float | None:
    hours = audit.organisation.hours_per_week
    return None if hours is None else hours * audit.roadmap.improvement_share


@dataclass
class _Placement:
    stage: int | None
    planned: int
    over_capacity: bool = False
    note: Bilingual | None = None
    change: Change | None = None


def _schedule(
    actions: Sequence[Action], capacities: dict[int, float | None]
) -> tuple[dict[str, _Placement], dict[int, float]]:
    """Place every action in a stage (or the backlog, ``None``), in priority and dependency order."""
    by_id = {action.id: action for action in actions}
    dependents: dict[str, list[str]] = {action.id: [] for action in actions}
    for action in actions:
        for dependency in action.depends_on:
            dependents[dependency].append(action.id)
    urgency = _urgency(actions, dependents)
    deadlines = _deadlines(actions, dependents)
    waiting = {action.id: len(action.depends_on) for action in actions}
    heap = [_priority(action, urgency) for action in actions if not action.depends_on]
    heapq.heapify(heap)
    used = dict.fromkeys(STAGES, 0.0)
    placed: dict[str, _Placement] = {}
    while heap:
        action = by_id[heapq.heappop(heap)[-1]]
        placed[action.id] = _place(action, placed, used, capacities, urgency[action.id], deadlines[action.id])
        for dependent in dependents[action.id]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                heapq.heappush(heap, _priority(by_id[dependent], urgency))
    stuck = sorted(set(by_id) - set(placed))
    if stuck:
        raise AuditkitError(
            f"roadmap.added: these actions depend on each other in a circle: {', '.join(stuck)} "
            "(remove one of the depends_on links)"
        )
    return placed, used


def _urgency(actions: Sequence[Action], dependents: dict[str, list[str]]) -> dict[str, int]:
    """Severity rank (pinned -1), lowered to the most urgent of the actions waiting on it."""
    own = {
        action.id: -1
        if action.pinned or action.id in ANCHORED
        else _SEVERITY_RANK.get(action.severity or Severity.MINOR, 2)
        for action in actions
    }
    memo: dict[str, int] = {}

    def visit(action_id: str, trail: frozenset[str]) -> int:
        if action_id not in memo:
            ranks = [own[action_id]] + [
                visit(dependent, trail | {action_id})
                for dependent in dependents[action_id]
                if dependent not in trail
            ]
            memo[action_id] = min(ranks)
        return memo[action_id]

    return {action.id: visit(action.id, frozenset()) for action in actions}


def _priority(action: Action, urgency: dict[str, int]) -> tuple[Any, ...]:
    phase = action.phase.order if action.phase else len(Phase)
    return (
        urgency[action.id],
        action.stage or 0,
        phase,
        PLAN_ORDER.get(action.id.upper(), len(PLAN_ORDER)),
        action.id,
    )


def _deadlines(actions: Sequence[Action], dependents: dict[str, list[str]]) -> dict[str, int | None]:
    """The earliest stage an action moved by hand waits on this one in (``None`` when none does)."""
    pins = {action.id: action.stage for action in actions if action.pinned}
    memo: dict[str, int | None] = {}

    def visit(action_id: str, trail: frozenset[str]) -> int | None:
        if action_id not in memo:
            limits = [
                pins[dependent] if dependent in pins else visit(dependent, trail | {action_id})
                for dependent in dependents[action_id]
                if dependent not in trail
            ]
            memo[action_id] = min((limit for limit in limits if limit is not None), default=None)
        return memo[action_id]

    return {action.id: visit(action.id, frozenset()) for action in actions}


def _place(
    action: Action,
    placed: dict[str, _Placement],
    used: dict[int, float],
    capacities: dict[int, float | None],
    urgency: int,
    deadline: int | None,
) -> _Placement:
    before = [placed[dependency] for dependency in action.depends_on]
    planned = max([action.stage or STAGES[0], *(p.planned for p in before)])
    if any(p.stage is None for p in before):
        return _Placement(None, planned, note=_B(
            f"In the backlog: planned for month {planned}, but an action it depends on is in the backlog.",
            f"Dans la réserve : prévue au mois {planned}, mais une action dont elle dépend y est aussi.",
        ))  # fmt: skip
    after = max([STAGES[0], *(p.stage for p in before if p.stage is not None)])
    if action.pinned:
        return _pin(action, after, used, capacities)
    earliest = max(planned, after)
    limit = deadline if deadline is not None and deadline >= after else None
    if limit is not None and limit < earliest:
        planned = earliest = limit
    for stage in (month for month in STAGES if month >= earliest and (limit is None or month <= limit)):
        capacity = capacities[stage]
        if capacity is None or used[stage] + action.effort_hours <= capacity + _EPSILON:
            used[stage] += action.effort_hours
            return _Placement(stage, planned, note=_moved_note(planned, stage, after))
    if limit is not None:
        used[limit] += action.effort_hours
        return _Placement(limit, planned, _over(used, capacities, limit), _B(
            f"Planned for month {planned}; kept in month {limit} even beyond the team's time, because "
            "an action moved there by hand depends on it.",
            f"Prévue au mois {planned} ; gardée au mois {limit}, même au-delà du temps de l'équipe, car "
            "une action déplacée là à la main en dépend.",
        ))  # fmt: skip
    if urgency <= 0:
        last = STAGES[-1]
        used[last] += action.effort_hours
        why = _B(
            "it answers a critical finding, or one depends on it",
            "elle répond à un constat critique, ou une telle action en dépend",
        )
        if urgency < 0:
            why = _B(
                "the closing review or an action moved by hand depends on it",
                "le bilan de fin de cycle ou une action déplacée à la main en dépend",
            )
        return _Placement(last, planned, True, _B(
            f"Over capacity: planned for month {planned}, no stage had room left; kept in month {last} "
            f"because {why.en}.",
            f"Au-delà de la capacité : prévue au mois {planned}, aucune étape n'avait de place ; gardée au "
            f"mois {last} car {why.fr}.",
        ))  # fmt: skip
    return _Placement(None, planned, note=_B(
        f"In the backlog: planned for month {planned}, no stage up to month 12 had room for its "
        f"{_hours(action.effort_hours).en} h.",
        f"Dans la réserve : prévue au mois {planned}, aucune étape jusqu'au mois 12 n'avait la place "
        f"pour ses {_hours(action.effort_hours).fr} h.",
    ))  # fmt: skip


def _pin(
    action: Action, after: int, used: dict[int, float], capacities: dict[int, float | None]
) -> _Placement:
    stage = max(action.stage or STAGES[0], after)
    used[stage] += action.effort_hours
    change = None
    if stage != action.stage:
        change = Change(
            action.id,
            ChangeKind.STAGE_RAISED,
            _B(
                f"Moved by hand to month {action.stage}, but an action it depends on is in month "
                f"{stage}: scheduled in month {stage} (move that action too).",
                f"Déplacée à la main au mois {action.stage}, mais une action dont elle dépend est au "
                f"mois {stage} : planifiée au mois {stage} (déplacer aussi cette action).",
            ),
        )
    return _Placement(stage, action.stage or stage, _over(used, capacities, stage), change=change)


def _over(used: dict[int, float], capacities: dict[int, float | None], stage: int) -> bool:
    capacity = capacities[stage]
    return capacity is not None and used[stage] > capacity + _EPSILON


def _moved_note(planned: int, stage: int, after: int) -> Bilingual | None:
    if stage == planned:
        return None
    if stage == after:
        return _B(
            f"Planned for month {planned}; moved to month {stage} to follow an action it depends on.",
            f"Prévue au mois {planned} ; décalée au mois {stage} pour suivre une action dont elle dépend.",
        )
    return _B(
        f"Planned for month {planned}; moved to month {stage} because the team's time in the earlier "
        "stages was already taken.",
        f"Prévue au mois {planned} ; décalée au mois {stage} car le temps de l'équipe était déjà pris "
        "dans les étapes précédentes.",
    )


def _hours(value: float) -> Bilingual:
    text = f"{value:.1f}".removesuffix(".0")
    return _B(text, text.replace(".", ","))


def _in_stage_order(actions: Sequence[Action]) -> list[Action]:
    """The actions of one stage, each after those it depends on, then by phase and plan order."""
    ids = {action.id for action in actions}
    remaining = list(actions)
    ordered: list[Action] = []
    done: set[str] = set()
    while remaining:
        ready = [a for a in remaining if all(d in done or d not in ids for d in a.depends_on)] or remaining
        nxt = min(ready, key=_display_key)
        ordered.append(nxt)
        done.add(nxt.id)
        remaining.remove(nxt)
    return ordered


def _display_key(action: Action) -> tuple[Any, ...]:
    phase = action.phase.order if action.phase else len(Phase)
    severity = _SEVERITY_RANK.get(action.severity, 3) if action.severity else 3
    return (phase, severity, PLAN_ORDER.get(action.id.upper(), len(PLAN_ORDER)), action.id)


def _dated(actions: Sequence[Action], start: date, due: date, weekly: float | None) -> list[Action]:
    dated: list[Action] = []
    elapsed = 0.0
    for action in actions:
        if not weekly:
            dated.append(replace(action, start=start, due=due))
            continue
        begins = min(start + timedelta(days=round(elapsed / weekly * 7)), due)
        elapsed += action.effort_hours
        ends = min(max(start + timedelta(days=round(elapsed / weekly * 7)), begins), due)
        dated.append(replace(action, start=begins, due=ends))
    return dated


# -- the roadmap -------------------------------------------------------------------------------------


def build_roadmap(
    audit: Audit, scorecard: Scorecard | None = None, diagnosis: Diagnosis | None = None
) -> Roadmap:
    """The staged roadmap of ``audit``, with the consultant's edits applied and the projected scores.

    ``scorecard`` and ``diagnosis`` are computed when not given. Pure and deterministic.

    Raises:
        AuditkitError: the audit's settings are invalid, or hand-added actions depend on each other
            in a circle.
    """
    scorecard = scorecard if scorecard is not None else score(audit)
    diagnosis = diagnosis if diagnosis is not None else diagnose(audit)
    rate = thresholds_for(audit)["hourly_rate"]
    active, dropped, changes = _with_edits(audit, generated_actions(audit, scorecard, diagnosis), rate)
    dates = _stage_dates(audit.engagement.audit_date)
    weekly = _weekly_capacity(audit)
    capacities = _capacities(dates, weekly)
    placements, _ = _schedule(active, capacities)
    final: list[Action] = []
    for action in active:
        placement = placements[action.id]
        extra = () if placement.change is None else (placement.change,)
        changes += extra
        final.append(
            replace(
                action,
                stage=placement.stage,
                planned_stage=placement.planned,
                over_capacity=placement.over_capacity,
                note=placement.note,
                changes=action.changes + extra,
            )
        )
    projected = _projection(audit, final, scorecard)
    stages = []
    for month in STAGES:
        start, due = dates[month]
        actions = _dated(_in_stage_order([a for a in final if a.stage == month]), start, due, weekly)
        overall, completeness, level = projected[month]
        stages.append(
            Stage(
                month=month,
                actions=tuple(actions),
                hours=sum(action.effort_hours for action in actions),
                capacity_hours=capacities[month],
                projected_overall=overall,
                projected_completeness=completeness,
                overflow=tuple(a.id for a in final if a.planned_stage == month and a.moved),
                start=start,
                due=due,
                projected_level=level,
            )
        )
    backlog = tuple(_in_stage_order([action for action in final if action.stage is None]))
    roadmap = Roadmap(
        stages=tuple(stages),
        notes=(),
        backlog=backlog,
        dropped=tuple(dropped),
        changes=tuple(changes),
        client=audit.engagement.client,
        audit_date=audit.engagement.audit_date,
        currency=audit.engagement.currency,
        language=audit.engagement.language,
        weekly_capacity=weekly,
        current_overall=scorecard.overall.value,
        current_completeness=scorecard.strategy_completeness.value,
        current_level=scorecard.level.number if scorecard.overall.value is not None else None,
        team_hours_per_week=audit.organisation.hours_per_week,
        share_to_fit=_share_to_fit(audit, active, dates) if backlog else None,
    )
    return replace(roadmap, notes=_notes(audit, roadmap, rate))


def _capacities(dates: dict[int, tuple[date, date]], weekly: float | None) -> dict[int, float | None]:
    """Each stage's hours: its window's weeks at ``weekly`` hours (``None``: not capped)."""
    return {
        month: None if weekly is None else weekly * (due - start).days / 7
        for month, (start, due) in dates.items()
    }


def _share_to_fit(
    audit: Audit, actions: Sequence[Action], dates: dict[int, tuple[date, date]]
) -> float | None:
    """The smallest improvement share above the audit's, in steps of 5 %, whose schedule has no backlog."""
    declared = audit.organisation.hours_per_week
    if not declared:
        return None
    for step in range(1, 21):
        share = step / 20
        if share <= audit.roadmap.improvement_share:
            continue
        placements, _ = _schedule(actions, _capacities(dates, declared * share))
        if all(placement.stage is not None for placement in placements.values()):
            return share
    return None


def _with_edits(
    audit: Audit, generated: Sequence[Action], rate: float
) -> tuple[list[Action], list[Action], tuple[Change, ...]]:
    """The generated actions with the consultant's edits applied, plus the hand-added ones."""
    edits = {edit.action_id: edit for edit in audit.roadmap.edits}
    active: list[Action] = []
    dropped: list[Action] = []
    changes: list[Change] = []
    for action in generated:
        edit = edits.get(action.id)
        if edit is None:
            active.append(action)
            continue
        edited = _edited(action, edit, rate)
        changes += edited.changes
        (dropped if edit.dropped else active).append(edited)
    generated_ids = {action.id for action in generated}
    for edit in audit.roadmap.edits:
        if edit.action_id not in generated_ids:
            changes.append(_gone(edit))
    active += [_manual(added) for added in audit.roadmap.added]
    known = {action.id for action in active}
    dropped_ids = {action.id for action in dropped}
    resolved: list[Action] = []
    for action in active:
        unknown = [d for d in action.depends_on if d not in known and d not in dropped_ids]
        extra = tuple(
            Change(
                action.id,
                ChangeKind.UNKNOWN_DEPENDENCY,
                _B(
                    f"Depends on '{dependency}', which is not in the roadmap any more: ignored.",
                    f"Dépend de « {dependency} », qui n'est plus dans la feuille de route : ignoré.",
                ),
            )
            for dependency in unknown
        )
        changes += extra
        resolved.append(
            replace(
                action,
                depends_on=tuple(d for d in action.depends_on if d in known),
                changes=action.changes + extra,
            )
        )
    return resolved, dropped, tuple(changes)


def _override(generated: Bilingual, en: str | None, fr: str | None) -> Bilingual:
    return _B(en or generated.en, fr or generated.fr)


def _edited(action: Action, edit: ActionEdit, rate: float) -> Action:
    effort = action.effort_hours if edit.effort_hours is None else edit.effort_hours
    if edit.cost is not None:
        cost = edit.cost
    else:
        cost = action.cost if edit.effort_hours is None else round(effort * rate, 2)
    return replace(
        action,
        title=_override(action.title, edit.title_en, edit.title_fr),
        description=_override(action.description, edit.description_en, edit.description_fr),
        done_when=_override(action.done_when, edit.done_when_en, edit.done_when_fr),
        owner_role=edit.owner_role or action.owner_role,
        effort_hours=effort,
        cost=cost,
        stage=edit.stage or action.stage,
        pinned=edit.stage is not None,
        edited=True,
        consultant_note=edit.note,
        changes=_changes_since(action, edit.base),
    )


def _manual(added: ManualAction) -> Action:
    return Action(
        id=added.id,
        title=_B(added.title_en or added.title_fr, added.title_fr or added.title_en),
        description=_B(
            added.description_en or added.description_fr, added.description_fr or added.description_en
        ),
        findings=(),
        objectives=(),
        owner_role=added.owner_role,
        effort_hours=added.effort_hours,
        cost=added.cost,
        done_when=_B(added.done_when_en or added.done_when_fr, added.done_when_fr or added.done_when_en),
        stage=added.stage,
        depends_on=tuple(added.depends_on),
        origin="manual",
        planned_stage=added.stage,
        pinned=True,
        consultant_note=added.note,
    )


def _gone(edit: ActionEdit) -> Change:
    title = _B(edit.base.title_en, edit.base.title_fr) if edit.base else _B(edit.action_id, edit.action_id)
    rules = ", ".join(edit.base.findings) if edit.base and edit.base.findings else edit.action_id
    return Change(
        edit.action_id,
        ChangeKind.FINDING_GONE,
        _B(
            f"'{title.en}': finding no longer present ({rules}); the edit is kept in the file but applies "
            "to nothing.",
            f"« {title.fr} » : constat disparu ({rules}) ; la modification reste dans le fichier mais ne "
            "s'applique plus.",
        ),
    )


def _fingerprint(action: Action) -> str:
    texts = [action.title, action.description, action.done_when]
    payload = json.dumps([[text.en, text.fr] for text in texts], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def _snapshot(action: Action) -> GeneratedSnapshot:
    return GeneratedSnapshot(
        title_en=action.title.en[:300],
        title_fr=action.title.fr[:300],
        fingerprint=_fingerprint(action),
        findings=list(action.findings),
        subjects=list(action.subjects),
        effort_hours=action.effort_hours,
    )


def _listed_change(
    before: Sequence[str], now: Sequence[str], intro: Bilingual, gone_label: Bilingual, new_label: Bilingual
) -> Bilingual | None:
    """What left and what joined a list since the edit, in words (``None`` when nothing changed)."""
    gone = [item for item in before if item not in now]
    new = [item for item in now if item not in before]
    if not gone and not new:
        return None
    parts = [(gone_label, gone), (new_label, new)]
    en = "; ".join(f"{label.en}: {', '.join(items)}" for label, items in parts if items)
    fr = " ; ".join(f"{label.fr} : {', '.join(items)}" for label, items in parts if items)
    return _B(f"{intro.en}: {en}.", f"{intro.fr} : {fr}.")


def _changes_since(action: Action, base: GeneratedSnapshot | None) -> tuple[Change, ...]:
    if base is None:
        return ()
    changes: list[Change] = []
    findings = _listed_change(
        base.findings,
        action.findings,
        _B(
            "Findings behind this action changed since the edit",
            "Les constats à l'origine de cette action ont changé depuis la modification",
        ),
        _B("no longer present", "disparus"),
        _B("new", "nouveaux"),
    )
    if findings is not None:
        changes.append(Change(action.id, ChangeKind.FINDINGS_CHANGED, findings))
    subjects = _listed_change(
        base.subjects,
        action.subjects,
        _B(
            "Items concerned changed since the edit",
            "Les éléments concernés ont changé depuis la modification",
        ),
        _B("no longer concerned", "plus concernés"),
        _B("now concerned", "désormais concernés"),
    )
    if subjects is not None:
        changes.append(Change(action.id, ChangeKind.SUBJECTS_CHANGED, subjects))
    if base.fingerprint != _fingerprint(action):
        changes.append(
            Change(
                action.id,
                ChangeKind.TEXT_CHANGED,
                _B(
                    "Generated description changed since the edit (title, description or done-when text).",
                    "La description générée a changé depuis la modification (titre, description ou "
                    "critère d'achèvement).",
                ),
            )
        )
    if abs(base.effort_hours - action.effort_hours) > _EPSILON:
        changes.append(
            Change(
                action.id,
                ChangeKind.EFFORT_CHANGED,
                _B(
                    f"Generated effort changed from {_hours(base.effort_hours).en} h to "
                    f"{_hours(action.effort_hours).en} h.",
                    f"L'effort généré est passé de {_hours(base.effort_hours).fr} h à "
                    f"{_hours(action.effort_hours).fr} h.",
                ),
            )
        )
    return tuple(changes)


def _projection(
    audit: Audit, actions: Sequence[Action], today: Scorecard
) -> dict[int, tuple[float | None, float | None, int | None]]:
    """Overall score, strategy completeness and maturity level once each stage's actions are done."""
    future = audit.model_copy(deep=True)
    projected: dict[int, tuple[float | None, float | None, int | None]] = {}
    card = today
    for month in STAGES:
        effects = [
            (covered.effect, covered.subjects)
            for action in actions
            if action.stage == month
            for covered in action.covers
            if covered.effect is not None
        ]
        for effect, subjects in effects:
            effect(future, subjects)
        if effects:
            card = score(future)
        level = card.level.number if card.overall.value is not None else None
        projected[month] = (card.overall.value, card.strategy_completeness.value, level)
    return projected


def _notes(audit: Audit, roadmap: Roadmap, rate: float) -> tuple[Bilingual, ...]:
    notes: list[Bilingual] = []
    declared = roadmap.team_hours_per_week
    weekly = roadmap.weekly_capacity
    stages = roadmap.stages
    if weekly is None or declared is None:
        notes.append(
            _B(
                "The team's weekly hours are not in the audit (organisation.hours_per_week): the stages are "
                "not capped. Add them to see what the team can really hold.",
                "Les heures hebdomadaires de l'équipe ne figurent pas dans l'audit "
                "(organisation.hours_per_week) : les étapes ne sont pas plafonnées. Les renseigner pour "
                "voir ce que l'équipe peut vraiment absorber.",
            )
        )
    else:
        share = round(audit.roadmap.improvement_share * 100)
        total = roadmap.capacity_hours or 0.0
        notes.append(
            _B(
                f"Capacity: the team declares {_hours(declared).en} h a week for social media; {share}% of it "
                f"({_hours(weekly).en} h a week, roadmap.improvement_share) goes to this plan, "
                f"{_hours(total).en} h over the year. What does not fit moves to a later stage.",
                f"Capacité : l'équipe déclare {_hours(declared).fr} h par semaine pour les réseaux sociaux ; "
                f"{share} % de ce temps ({_hours(weekly).fr} h par semaine, roadmap.improvement_share) va à "
                f"ce plan, soit {_hours(total).fr} h sur l'année. Ce qui ne tient pas passe à une étape "
                "suivante.",
            )
        )
    backlog = roadmap.backlog
    moved = sum(len(stage.overflow) for stage in stages) - len([a for a in backlog if not a.pinned])
    if moved > 0:
        notes.append(
            _B(
                f"{moved} action(s) moved to a later stage for lack of time.",
                f"{moved} action(s) décalée(s) à une étape suivante faute de temps.",
            )
        )
    if backlog:
        notes.append(
            _B(
                f"{len(backlog)} action(s) ({_hours(roadmap.backlog_hours).en} h) do not fit within the year "
                "and wait in the backlog, beyond month 12.",
                f"{len(backlog)} action(s) ({_hours(roadmap.backlog_hours).fr} h) ne tien(nen)t pas dans "
                "l'année et reste(nt) en attente, au-delà du mois 12.",
            )
        )
    if roadmap.shortfall is not None:
        notes.append(roadmap.shortfall)
    crowded = [str(stage.month) for stage in stages if stage.over_capacity]
    if crowded:
        months = ", ".join(crowded)
        notes.append(
            _B(
                f"Over capacity in month(s) {months}: critical actions and actions moved by hand are kept "
                "there even when the team's time is short.",
                f"Au-delà de la capacité au(x) mois {months} : les actions critiques et celles déplacées à "
                "la main y restent même quand le temps de l'équipe manque.",
            )
        )
    notes.append(
        _B(
            f"Costs price each action's hours at {_hours(rate).en} {audit.engagement.currency} an hour "
            "(threshold hourly_rate).",
            f"Les coûts valorisent les heures de chaque action à {_hours(rate).fr} "
            f"{audit.engagement.currency} de l'heure (seuil hourly_rate).",
        )
    )
    notes.append(
        _B(
            "Projected scores assume each scheduled action has its modelled effect (shown with each "
            "action); results that depend on the audience, such as engagement, are not projected.",
            "Les scores projetés supposent que chaque action planifiée produit l'effet modélisé (indiqué "
            "pour chaque action) ; les résultats qui dépendent du public, comme l'engagement, ne sont "
            "pas projetés.",
        )
    )
    return tuple(notes)


def _to_fit(roadmap: Roadmap, declared: float) -> Bilingual:
    """What it would take to hold the whole plan within the year."""
    needed = _hours(roadmap.needed_hours)
    weekly = _hours(roadmap.weekly_hours_to_fit or 0.0)
    share = roadmap.share_to_fit
    team = _hours(declared)
    if share is not None:
        percent = round(share * 100)
        return _B(
            f"To hold the whole plan ({needed.en} h) within the year, the team needs about {weekly.en} h a "
            f"week for it: raise the share of its time given to the plan (roadmap.improvement_share) to "
            f"{percent}% of its {team.en} h, or drop or shorten actions.",
            f"Pour tenir tout le plan ({needed.fr} h) dans l'année, l'équipe doit y consacrer environ "
            f"{weekly.fr} h par semaine : porter la part de son temps consacrée au plan "
            f"(roadmap.improvement_share) à {percent} % de ses {team.fr} h, ou écarter ou raccourcir des "
            "actions.",
        )
    return _B(
        f"Even all of the {team.en} h a week the team declares for social media would not hold the whole "
        f"plan ({needed.en} h, about {weekly.en} h a week) within the year: plan extra help (another person, "
        "outside support) or drop actions.",
        f"Même la totalité des {team.fr} h par semaine que l'équipe déclare pour les réseaux sociaux ne "
        f"suffirait pas à tenir tout le plan ({needed.fr} h, environ {weekly.fr} h par semaine) dans "
        "l'année : prévoir un renfort (une autre personne, un appui extérieur) ou écarter des actions.",
    )


# -- the consultant's edits --------------------------------------------------------------------------

EDITABLE_FIELDS: tuple[str, ...] = (
    "stage",
    "title_en",
    "title_fr",
    "description_en",
    "description_fr",
    "done_when_en",
    "done_when_fr",
    "owner_role",
    "effort_hours",
    "cost",
    "note",
)
"""Fields :func:`edit_action` accepts (hand-added actions also accept ``depends_on``)."""


def move_action(audit: Audit, action_id: str, stage: int) -> None:
    """Pin an action to the stage ending at month ``stage`` (1, 3, 6, 9 or 12)."""
    edit_action(audit, action_id, stage=stage)


def edit_action(audit: Audit, action_id: str, **fields: Any) -> None:
    """Change fields of an action (see :data:`EDITABLE_FIELDS`); ``None`` gives a generated value back.

    Updates ``audit.roadmap`` in place; the edit records the generated action it was made on.

    Raises:
        AuditkitError: unknown action or field, or an invalid value (the message says what is valid).
    """
    manual = _manual_index(audit, action_id)
    allowed = (*EDITABLE_FIELDS, "depends_on") if manual is not None else EDITABLE_FIELDS
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise AuditkitError(
            f"roadmap: cannot edit {', '.join(unknown)} of '{action_id}' (editable: {', '.join(allowed)})"
        )
    if "stage" in fields and fields["stage"] is not None:
        _check_stage_value(fields["stage"])
    if manual is not None:
        current = audit.roadmap.added[manual]
        updated = _validated(ManualAction, current.model_dump() | fields, action_id)
        if "depends_on" in fields:
            _check_dependencies(audit, updated)
        added = list(audit.roadmap.added)
        added[manual] = updated
        audit.roadmap = audit.roadmap.model_copy(update={"added": added})
        return
    _record(audit, action_id, fields)


def drop_action(audit: Audit, action_id: str, note: str = "") -> None:
    """Drop an action: a generated one is kept aside (and listed as dropped), a hand-added one removed."""
    if _manual_index(audit, action_id) is not None:
        remove_action(audit, action_id)
        return
    _record(audit, action_id, {"dropped": True, "note": note} if note else {"dropped": True})


def restore_action(audit: Audit, action_id: str) -> None:
    """Forget every edit of a generated action (moved, edited or dropped): it is generated again as is."""
    remaining = [edit for edit in audit.roadmap.edits if edit.action_id != action_id]
    if len(remaining) == len(audit.roadmap.edits):
        edited = ", ".join(edit.action_id for edit in audit.roadmap.edits) or "none"
        raise AuditkitError(f"roadmap: action '{action_id}' has no edit to undo (edited actions: {edited})")
    audit.roadmap = audit.roadmap.model_copy(update={"edits": remaining})


def add_action(
    audit: Audit,
    stage: int,
    title_en: str = "",
    title_fr: str = "",
    **fields: Any,
) -> ManualAction:
    """Add an action by hand to the stage ending at month ``stage``; returns it (its id starts 'manual-').

    ``fields`` are those of :class:`auditkit.model.ManualAction` (description_en, owner_role,
    effort_hours, cost, depends_on, note...).
    """
    _check_stage_value(stage)
    taken = {added.id for added in audit.roadmap.added}
    base = "manual-" + (_slug(title_en or title_fr) or "action")
    base = base[:60]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    data = {"id": candidate, "stage": stage, "title_en": title_en, "title_fr": title_fr} | fields
    added = _validated(ManualAction, data, candidate)
    _check_dependencies(audit, added)
    audit.roadmap = audit.roadmap.model_copy(update={"added": [*audit.roadmap.added, added]})
    return added


def remove_action(audit: Audit, action_id: str) -> None:
    """Remove an action added by hand."""
    index = _manual_index(audit, action_id)
    if index is None:
        added = ", ".join(item.id for item in audit.roadmap.added) or "none"
        raise AuditkitError(
            f"roadmap: '{action_id}' was not added by hand (hand-added actions: {added}); "
            "use drop_action for a generated one"
        )
    audit.roadmap = audit.roadmap.model_copy(
        update={"added": [item for i, item in enumerate(audit.roadmap.added) if i != index]}
    )


def acknowledge_changes(audit: Audit, action_id: str | None = None) -> None:
    """Take the current generated action as the base of its edit (all edited actions when ``None``).

    The changes reported underneath those edits disappear until the generated action changes again.
    """
    generated = {action.id: action for action in generated_actions(audit)}
    edits = []
    for edit in audit.roadmap.edits:
        current = generated.get(edit.action_id)
        if current is not None and action_id in (None, edit.action_id):
            edit = edit.model_copy(update={"base": _snapshot(current)})
        edits.append(edit)
    audit.roadmap = audit.roadmap.model_copy(update={"edits": edits})


_Edit = TypeVar("_Edit", ActionEdit, ManualAction)


def _record(audit: Audit, action_id: str, fields: dict[str, Any]) -> None:
    generated = {action.id: action for action in generated_actions(audit)}
    if action_id not in generated:
        valid = ", ".join([*generated, *(added.id for added in audit.roadmap.added)])
        raise AuditkitError(f"roadmap: no action '{action_id}' in this audit's roadmap (one of: {valid})")
    edits = list(audit.roadmap.edits)
    index = next((i for i, edit in enumerate(edits) if edit.action_id == action_id), None)
    current = edits[index].model_dump() if index is not None else {"action_id": action_id}
    data = current | fields | {"base": _snapshot(generated[action_id]).model_dump()}
    edit = _validated(ActionEdit, data, action_id)
    if index is None:
        edits.append(edit)
    else:
        edits[index] = edit
    audit.roadmap = audit.roadmap.model_copy(update={"edits": edits})


def _validated(model: type[_Edit], data: dict[str, Any], action_id: str) -> _Edit:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item['loc']) or 'action'}: {item['msg']}"
            for item in error.errors(include_url=False)
        )
        raise AuditkitError(f"roadmap: cannot edit '{action_id}': {problems}") from None


def _check_stage_value(stage: object) -> None:
    if stage not in STAGES or isinstance(stage, bool):
        raise AuditkitError(
            f"roadmap: {stage!r} is not a stage (one of: {', '.join(str(month) for month in STAGES)})"
        )


def _check_dependencies(audit: Audit, added: ManualAction) -> None:
    manual = {item.id: item for item in audit.roadmap.added} | {added.id: added}
    generated = {action.id for action in generated_actions(audit)}
    unknown = [d for d in added.depends_on if d not in manual and d not in generated]
    if unknown:
        valid = ", ".join(sorted(generated | set(manual) - {added.id}))
        raise AuditkitError(
            f"roadmap: '{added.id}' depends on unknown action(s) {', '.join(unknown)} (one of: {valid})"
        )
    trail, frontier = set(), list(added.depends_on)
    while frontier:
        current = frontier.pop()
        if current == added.id:
            raise AuditkitError(
                f"roadmap: '{added.id}' would depend on itself through {', '.join(added.depends_on)}"
            )
        if current in trail or current not in manual:
            continue
        trail.add(current)
        frontier += manual[current].depends_on


def _manual_index(audit: Audit, action_id: str) -> int | None:
    return next((i for i, item in enumerate(audit.roadmap.added) if item.id == action_id), None)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48]
