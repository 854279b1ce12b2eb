"""The staged roadmap: the audit's findings turned into actions at 1, 3, 6, 9 and 12 months.

The method (DOMAIN §9) asks for a plan, not only a critique: specific steps in specific windows, by
priority, never everything at once. :func:`build_roadmap` builds it from the diagnosis, the channel
recommendations of the scorecard and the consultant's edits stored in the audit file.

Generation
==========
:data:`PLAN` is the one table that turns findings into actions. Each rule id of the catalogue (and
each channel recommendation, ``REC-*``, plus the closing ``NEXT-ROUND``) has one :class:`Step`: its
phase, the earliest stage it belongs to, its effort, its owner, the steps that must be done first,
its texts and its modelled effect on the scores. The phases follow the method: **foundations**
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
stages are not capped and the roadmap says so.

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import ValidationError

from auditkit.diagnose import RULES, Diagnosis, Finding, Severity, Theme, add_months, diagnose
from auditkit.errors import AuditkitError
from auditkit.i18n import Bilingual
from auditkit.model import (
    ROADMAP_STAGES,
    ActionEdit,
    Audit,
    Cadence,
    ChannelStatus,
    ComponentStatus,
    Consultation,
    GeneratedSnapshot,
    Indicator,
    Language,
    Lens,
    ManualAction,
    ObjectiveKind,
    OwnerRole,
    SponsorEngagement,
    StrategyComponent,
    StrategyComponentKey,
    Training,
)
from auditkit.platforms import Platform
from auditkit.scoring import ChannelScore, Recommendation, Scorecard, score
from auditkit.thresholds import response_expectation, thresholds_for

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


class Phase(StrEnum):
    """Where an action sits in the method's order."""

    FOUNDATIONS = "foundations"
    FIXES = "fixes"
    PLANNING = "planning"
    GROWTH = "growth"
    REVIEW = "review"

    @property
    def label(self) -> Bilingual:
        return _PHASE_LABELS[self]

    @property
    def order(self) -> int:
        return list(Phase).index(self)


_PHASE_LABELS = {
    Phase.FOUNDATIONS: _B("Foundations", "Fondations"),
    Phase.FIXES: _B("Fixes and closures", "Corrections et fermetures"),
    Phase.PLANNING: _B("Planning and content", "Planification et contenus"),
    Phase.GROWTH: _B("Growth", "Développement"),
    Phase.REVIEW: _B("Review", "Bilan"),
}

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

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every scheduled action, stage by stage, in the order they are to be done."""
        return tuple(action for stage in self.stages for action in stage.actions)

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


# -- the plan table ----------------------------------------------------------------------------------

Effect = Callable[[Audit, tuple[str, ...]], None]
"""Makes a copy of the audit look as it will once the action is done (for the projected scores)."""


@dataclass(frozen=True)
class Step:
    """One row of :data:`PLAN`: how the findings of one rule become an action.

    ``title`` and ``done_when`` may hold ``{names}``: the items concerned, in words.
    """

    phase: Phase
    month: int
    hours: float
    hours_each: float
    owner: str
    after: tuple[str, ...]
    title: Bilingual
    description: Bilingual
    done_when: Bilingual
    effect: Effect | None = None
    effect_doc: Bilingual | None = None
    joins: tuple[str, ...] = ()
    severity: Severity = Severity.MAJOR
    """Severity of a recommendation action with no finding behind it."""
    anchored: bool = False
    """Always scheduled in its own stage, before anything else competes for the time (the closing review)."""


def _component(key: StrategyComponentKey) -> Effect:
    def effect(audit: Audit, subjects: tuple[str, ...]) -> None:
        audit.strategy.components[key] = StrategyComponent(status=ComponentStatus.PRESENT)

    return effect


def _component_doc(label_en: str, label_fr: str) -> Bilingual:
    return _B(
        f"the strategy component '{label_en}' becomes present",
        f"la composante de stratégie « {label_fr} » devient présente",
    )


def _organisation(**values: Any) -> Effect:
    def effect(audit: Audit, subjects: tuple[str, ...]) -> None:
        for name, value in values.items():
            setattr(audit.organisation, name, value)

    return effect


def _channels(**values: Any) -> Effect:
    def effect(audit: Audit, subjects: tuple[str, ...]) -> None:
        for channel in audit.channels:
            if channel.id in subjects:
                for name, value in values.items():
                    setattr(channel, name, value)

    return effect


def _reduce_channels(audit: Audit, subjects: tuple[str, ...]) -> None:
    for channel in audit.channels:
        if channel.id in subjects and channel.hours_per_week is not None:
            channel.hours_per_week = channel.hours_per_week / 2


def _answer_in_time(audit: Audit, subjects: tuple[str, ...]) -> None:
    for channel in audit.channels:
        expected = response_expectation(audit, channel.platform)
        if channel.id in subjects and expected is not None:
            channel.median_response_minutes = min(channel.median_response_minutes or expected, expected)


def _shorten_validation(audit: Audit, subjects: tuple[str, ...]) -> None:
    expectations = [
        minutes
        for channel in audit.channels
        if channel.status is ChannelStatus.ACTIVE
        and (minutes := response_expectation(audit, channel.platform)) is not None
    ]
    target = min(expectations, default=60.0) / 60
    current = audit.organisation.validation_delay_hours
    audit.organisation.validation_delay_hours = target if current is None else min(current, target)


def _assign_people(audit: Audit, subjects: tuple[str, ...]) -> None:
    organisation = audit.organisation
    if not organisation.content_creators:
        organisation.content_creators = ["(named in the roadmap)"]
    if not organisation.responders:
        organisation.responders = ["(named in the roadmap)"]


def _keep_objectives(audit: Audit, subjects: tuple[str, ...]) -> None:
    limit = int(thresholds_for(audit)["objectives_max"])
    ranked = sorted(audit.objectives, key=lambda objective: not objective.primary)
    kept = {objective.id for objective in ranked[:limit]}
    for channel in audit.channels:
        channel.objectives = [objective_id for objective_id in channel.objectives if objective_id in kept]
    audit.objectives = [objective for objective in audit.objectives if objective.id in kept]


def _one_primary(audit: Audit, subjects: tuple[str, ...]) -> None:
    chosen = next(
        (o.id for o in audit.objectives if o.primary), audit.objectives[0].id if audit.objectives else ""
    )
    for objective in audit.objectives:
        objective.primary = objective.id == chosen


def _make_smart(audit: Audit, subjects: tuple[str, ...]) -> None:
    deadline = add_months(audit.engagement.audit_date, 12)
    for objective in audit.objectives:
        if objective.id in subjects:
            objective.metric = objective.metric or "(defined in the roadmap)"
            objective.baseline = 0.0 if objective.baseline is None else objective.baseline
            objective.target = objective.baseline + 1 if objective.target is None else objective.target
            objective.deadline = objective.deadline or deadline


_ROI_KINDS = frozenset({ObjectiveKind.SALES, ObjectiveKind.RECRUITMENT, ObjectiveKind.PROSPECTING})


def _add_fitting_indicator(audit: Audit, subjects: tuple[str, ...]) -> None:
    for objective in audit.objectives:
        if objective.id in subjects:
            lens = Lens.ROI if objective.kind in _ROI_KINDS else Lens.ROA
            indicator = Indicator(name="(defined in the roadmap)", lens=lens)
            objective.indicators = [*objective.indicators, indicator]


def _consult(audit: Audit, subjects: tuple[str, ...]) -> None:
    for stakeholder in audit.stakeholders:
        if stakeholder.consultation is Consultation.NONE:
            stakeholder.consultation = Consultation.SURVEY


def _lengthen_lead_time(audit: Audit, subjects: tuple[str, ...]) -> None:
    needed = thresholds_for(audit)["lead_time_days"]
    current = audit.organisation.publishing_lead_time_days
    audit.organisation.publishing_lead_time_days = needed if current is None else max(current, needed)


def _reviewed(audit: Audit, subjects: tuple[str, ...]) -> None:
    audit.strategy.last_reviewed = audit.engagement.audit_date


_UNPREDICTABLE = _B(
    "not modelled: the result depends on choices or audience reactions the audit cannot predict",
    "non modélisé : le résultat dépend de choix ou de réactions du public que l'audit ne peut prévoir",
)

PLAN: dict[str, Step] = {
    # -- foundations ---------------------------------------------------------------------------------
    "ORG-NO-SPONSOR": Step(
        Phase.FOUNDATIONS, 1, 3, 0, "strategy_owner", (),
        _B("Win a sponsor in top management", "Obtenir un sponsor à la direction"),
        _B(
            "Present the audit's main findings to the decision makers in one short meeting and agree "
            "who in management backs the plan, arbitrates and unblocks resources.",
            "Présenter les principaux constats de l'audit aux décideurs lors d'une réunion courte et "
            "convenir de qui, à la direction, soutient le plan, arbitre et débloque les moyens.",
        ),
        _B(
            "A named member of management has approved the roadmap.",
            "Un membre nommé de la direction a validé la feuille de route.",
        ),
        _organisation(sponsor=SponsorEngagement.SUPPORTIVE),
        _B("top management becomes supportive", "la direction devient favorable"),
    ),
    "ORG-NO-RESOURCES": Step(
        Phase.FOUNDATIONS, 1, 2, 0, "management", ("ORG-NO-SPONSOR",),
        _B("Name who creates content and who answers", "Désigner qui crée les contenus et qui répond"),
        _B(
            "Assign, by name, the people who create content and those who answer questions, and have "
            "their managers plan the hours this takes.",
            "Désigner nommément les personnes qui créent les contenus et celles qui répondent aux "
            "questions, et faire prévoir par leurs responsables le temps que cela demande.",
        ),
        _B(
            "Content creators and responders are named and their hours are in their schedules.",
            "Les créateurs de contenu et les répondants sont nommés et leurs heures sont planifiées.",
        ),
        _assign_people,
        _B("content creators and responders are named", "créateurs de contenu et répondants sont nommés"),
    ),
    "ORG-INTERN": Step(
        Phase.FOUNDATIONS, 1, 2, 0, "management", ("ORG-NO-SPONSOR",),
        _B("Give the strategy to an experienced owner", "Confier la stratégie à un responsable expérimenté"),
        _B(
            "Move the ownership of the strategy from the intern to an experienced member of staff; the "
            "intern can keep producing content under that person's direction.",
            "Transférer la responsabilité de la stratégie du stagiaire à un collaborateur expérimenté ; "
            "le stagiaire peut continuer à produire des contenus sous sa direction.",
        ),
        _B(
            "The strategy's owner is an experienced, permanent member of staff.",
            "La stratégie est portée par un collaborateur expérimenté et permanent.",
        ),
        _organisation(strategy_owner_role=OwnerRole.COMMUNICATIONS_MANAGER),
        _B("a communications manager owns the strategy", "un responsable de la communication porte la stratégie"),
    ),
    "OBJ-NONE": Step(
        Phase.FOUNDATIONS, 1, 6, 0, "strategy_owner", ("ORG-NO-SPONSOR",),
        _B("Set the communication objectives", "Fixer les objectifs de communication"),
        _B(
            "Hold a workshop with management to write one to three objectives tied to the business "
            "goals, and choose the primary one.",
            "Animer un atelier avec la direction pour rédiger un à trois objectifs reliés aux objectifs "
            "de l'organisation, et choisir l'objectif principal.",
        ),
        _B(
            "One to three objectives are written down and approved, one of them primary.",
            "Un à trois objectifs sont rédigés et validés, dont un principal.",
        ),
        None,
        _UNPREDICTABLE,
    ),
    "OBJ-TOO-MANY": Step(
        Phase.FOUNDATIONS, 1, 3, 0, "strategy_owner", ("ORG-NO-SPONSOR",),
        _B("Narrow the objectives down to three", "Réduire les objectifs à trois"),
        _B(
            "Rank the current objectives with management, keep three at most and park the others for "
            "a later round.",
            "Classer les objectifs actuels avec la direction, en garder trois au plus et remettre les "
            "autres à un prochain cycle.",
        ),
        _B("No more than three objectives remain active.", "Trois objectifs au plus restent actifs."),
        _keep_objectives,
        _B("only the first three objectives (primary first) remain", "seuls les trois premiers objectifs (le principal d'abord) restent"),
    ),
    "OBJ-NO-PRIMARY": Step(
        Phase.FOUNDATIONS, 1, 1, 0, "management", ("OBJ-NONE", "OBJ-TOO-MANY"),
        _B("Choose the primary objective", "Choisir l'objectif principal"),
        _B(
            "Decide which objective wins when priorities conflict and write it at the top of the strategy.",
            "Décider quel objectif l'emporte en cas de conflit de priorités et l'inscrire en tête de la "
            "stratégie.",
        ),
        _B("Exactly one objective is marked primary.", "Un seul objectif est marqué comme principal."),
        _one_primary,
        _B("exactly one objective is primary", "un seul objectif est principal"),
    ),
    "OBJ-NOT-SMART": Step(
        Phase.FOUNDATIONS, 1, 1.5, 1, "strategy_owner", ("OBJ-NONE", "OBJ-TOO-MANY"),
        _B("Make the objectives measurable: {names}", "Rendre les objectifs mesurables : {names}"),
        _B(
            "Give each objective a metric, its current value, a target and a deadline, so that progress "
            "can be shown rather than felt.",
            "Donner à chaque objectif un indicateur, sa valeur actuelle, une cible et une échéance, pour "
            "que les progrès se montrent au lieu de se deviner.",
        ),
        _B(
            "Each objective has a baseline, a target and a deadline: {names}.",
            "Chaque objectif a une valeur de départ, une cible et une échéance : {names}.",
        ),
        _make_smart,
        _B("the objectives get a baseline, a target and a deadline", "les objectifs reçoivent valeur de départ, cible et échéance"),
    ),
    "ENV-NO-STAKEHOLDERS": Step(
        Phase.FOUNDATIONS, 1, 4, 0, "strategy_owner", ("OBJ-NONE",),
        _B("Describe the target audiences", "Décrire les publics cibles"),
        _B(
            "List the audiences the objectives aim at, how important each is, how digitally literate it "
            "is and which platforms it uses.",
            "Lister les publics visés par les objectifs, leur importance, leur aisance numérique et les "
            "plateformes qu'ils utilisent.",
        ),
        _B(
            "The key audiences are described in the audit file with their platforms.",
            "Les publics clés sont décrits dans le fichier d'audit avec leurs plateformes.",
        ),
        None,
        _UNPREDICTABLE,
    ),
    "STR-GOVERNANCE": Step(
        Phase.FOUNDATIONS, 1, 3, 0, "management", ("ORG-NO-SPONSOR",),
        _B("Settle who decides and who approves", "Fixer qui décide et qui valide"),
        _B(
            "Write a one-page governance note: who owns the strategy, who approves what, who speaks for "
            "the organisation, and how disagreements are settled.",
            "Rédiger une note de gouvernance d'une page : qui porte la stratégie, qui valide quoi, qui "
            "s'exprime au nom de l'organisation et comment les désaccords sont tranchés.",
        ),
        _B("The governance note is approved and shared.", "La note de gouvernance est validée et diffusée."),
        _component(StrategyComponentKey.GOVERNANCE),
        _component_doc("governance", "gouvernance"),
    ),
    "STR-OWNERSHIP": Step(
        Phase.FOUNDATIONS, 1, 3, 0, "strategy_owner", (),
        _B("Secure the ownership of accounts and data", "Sécuriser la propriété des comptes et des données"),
        _B(
            "List every account with its administrators, move the admin rights and passwords to the "
            "organisation (not to a person or an agency alone), and state who owns the contacts and data.",
            "Lister chaque compte avec ses administrateurs, ramener les droits d'administration et les "
            "mots de passe à l'organisation (et non à une seule personne ou agence), et préciser à qui "
            "appartiennent les contacts et les données.",
        ),
        _B(
            "Every account has at least two administrators from the organisation.",
            "Chaque compte a au moins deux administrateurs internes à l'organisation.",
        ),
        _component(StrategyComponentKey.OWNERSHIP),
        _component_doc("ownership", "propriété des comptes"),
    ),
    "STR-CRISIS-PLAN": Step(
        Phase.FOUNDATIONS, 1, 6, 0, "strategy_owner", ("STR-GOVERNANCE",),
        _B("Write the crisis plan", "Rédiger le plan de crise"),
        _B(
            "Write down how a crisis is spotted, who is alerted, who speaks, the first holding messages "
            "and when posts are paused; rehearse it once.",
            "Écrire comment une crise est repérée, qui est alerté, qui prend la parole, les premiers "
            "messages d'attente et quand suspendre les publications ; le tester une fois.",
        ),
        _B("The crisis plan is approved and has been rehearsed.", "Le plan de crise est validé et a été testé."),
        _component(StrategyComponentKey.CRISIS_PLAN),
        _component_doc("crisis plan", "plan de crise"),
    ),
    "STR-EDITORIAL-LINE": Step(
        Phase.FOUNDATIONS, 1, 6, 0, "strategy_owner", ("OBJ-NONE", "ENV-NO-STAKEHOLDERS"),
        _B("Define the editorial line", "Définir la ligne éditoriale"),
        _B(
            "Write the positioning, the tone and the three to five content pillars that follow from the "
            "objectives and audiences, with examples of what to publish and what not to.",
            "Formuler le positionnement, le ton et les trois à cinq piliers de contenu qui découlent des "
            "objectifs et des publics, avec des exemples de ce qu'on publie et de ce qu'on ne publie pas.",
        ),
        _B("The editorial line is written and approved.", "La ligne éditoriale est rédigée et validée."),
        _component(StrategyComponentKey.EDITORIAL_LINE),
        _component_doc("editorial line", "ligne éditoriale"),
    ),
    "ERR-INSPIRATION": Step(
        Phase.FOUNDATIONS, 1, 4, 0, "strategy_owner", ("OBJ-NONE", "ENV-NO-STAKEHOLDERS"),
        _B("Replace 'lack of inspiration' with a positioning", "Remplacer le « manque d'inspiration » par un positionnement"),
        _B(
            "The low posting rhythm comes from a missing positioning, not from a lack of ideas: write "
            "the positioning and a list of recurring formats the team can draw from.",
            "Le faible rythme de publication vient d'un positionnement absent, pas d'un manque d'idées : "
            "formuler le positionnement et une liste de formats récurrents où l'équipe pourra puiser.",
        ),
        _B(
            "A written positioning and a list of recurring formats exist.",
            "Un positionnement écrit et une liste de formats récurrents existent.",
        ),
        _component(StrategyComponentKey.EDITORIAL_LINE),
        _component_doc("editorial line", "ligne éditoriale"),
        joins=("STR-EDITORIAL-LINE",),
    ),
    "DEC-NOT-NOW": Step(
        Phase.FOUNDATIONS, 1, 2, 0, "management", (),
        _B("Decide 'not now' and set the reassessment date", "Décider « pas maintenant » et fixer la date de réexamen"),
        _B(
            "No objective is served by social media today: record the decision, claim and park the "
            "handles the organisation will want later, and put the reassessment date in the calendar.",
            "Aucun objectif n'est servi par les réseaux sociaux aujourd'hui : consigner la décision, "
            "réserver les noms de compte utiles plus tard et inscrire la date de réexamen à l'agenda.",
        ),
        _B(
            "The decision is recorded, handles are parked and the reassessment is booked.",
            "La décision est consignée, les comptes sont réservés et le réexamen est planifié.",
        ),
        None,
        _UNPREDICTABLE,
    ),
    "KPI-MISSING": Step(
        Phase.FOUNDATIONS, 3, 1.5, 1, "strategy_owner", ("OBJ-NOT-SMART",),
        _B("Give each objective its indicators: {names}", "Donner ses indicateurs à chaque objectif : {names}"),
        _B(
            "For each objective, choose one or two indicators with the lens that fits it (ROI, ROA or "
            "RONI) and say where each is measured.",
            "Pour chaque objectif, choisir un ou deux indicateurs selon l'angle qui lui convient (ROI, "
            "ROA ou RONI) et préciser où chacun se mesure.",
        ),
        _B("Each objective has at least one indicator: {names}.", "Chaque objectif a au moins un indicateur : {names}."),
        _add_fitting_indicator,
        _B("each objective gets an indicator with the fitting lens", "chaque objectif reçoit un indicateur adapté"),
    ),
    "KPI-LENS-MISMATCH": Step(
        Phase.FOUNDATIONS, 3, 1, 0.5, "strategy_owner", ("KPI-MISSING",),
        _B("Measure each objective with the fitting lens: {names}", "Mesurer chaque objectif avec l'angle adapté : {names}"),
        _B(
            "Add the missing kind of indicator: attention (reach, traffic, engagement) for awareness and "
            "loyalty, traced results (orders, sign-ups, hires) for sales and recruitment.",
            "Ajouter le type d'indicateur qui manque : l'attention (portée, trafic, engagement) pour la "
            "notoriété et la fidélisation, des résultats tracés (commandes, inscriptions, embauches) "
            "pour les ventes et le recrutement.",
        ),
        _B("Each objective has an indicator of the fitting lens: {names}.", "Chaque objectif a un indicateur de l'angle adapté : {names}."),
        _add_fitting_indicator,
        _B("each objective gets an indicator with the fitting lens", "chaque objectif reçoit un indicateur adapté"),
    ),
    "ENV-UNCONSULTED": Step(
        Phase.FOUNDATIONS, 3, 6, 0, "strategy_owner", ("ENV-NO-STAKEHOLDERS",),
        _B("Ask the key audiences what they expect", "Interroger les publics clés sur leurs attentes"),
        _B(
            "Run a short survey or a few interviews with the key audiences: which platforms they use, "
            "what they want to hear from the organisation, how they like to ask questions.",
            "Mener un court questionnaire ou quelques entretiens auprès des publics clés : plateformes "
            "utilisées, ce qu'ils attendent de l'organisation, comment ils préfèrent poser leurs questions.",
        ),
        _B(
            "The answers of at least one key audience are summarised in the audit file.",
            "Les réponses d'au moins un public clé sont résumées dans le fichier d'audit.",
        ),
        _consult,
        _B("the audiences not yet consulted are surveyed", "les publics non consultés sont interrogés"),
    ),
    "ENV-NO-PEERS": Step(
        Phase.FOUNDATIONS, 3, 4, 0, "community_manager", (),
        _B("Analyse peers and competitors", "Analyser les pairs et les concurrents"),
        _B(
            "Pick three to five peers or competitors and note where they are present, how often they "
            "post and what works for them.",
            "Choisir trois à cinq pairs ou concurrents et relever où ils sont présents, à quel rythme ils "
            "publient et ce qui fonctionne pour eux.",
        ),
        _B("At least three peers are described in the audit file.", "Au moins trois pairs sont décrits dans le fichier d'audit."),
        None,
        _UNPREDICTABLE,
    ),
    "STR-BUDGET": Step(
        Phase.FOUNDATIONS, 3, 3, 0, "management", ("OBJ-NONE", "OBJ-NO-PRIMARY"),
        _B("Set a yearly budget", "Fixer un budget annuel"),
        _B(
            "Budget the tools, any outsourcing, sponsored campaigns and training for the year, in line "
            "with the primary objective.",
            "Budgéter les outils, l'éventuelle sous-traitance, les campagnes sponsorisées et la formation "
            "pour l'année, en cohérence avec l'objectif principal.",
        ),
        _B("A yearly budget is approved.", "Un budget annuel est validé."),
        _component(StrategyComponentKey.BUDGET),
        _component_doc("budget", "budget"),
    ),
    # -- fixes and closures --------------------------------------------------------------------------
    "REC-CLOSE": Step(
        Phase.FIXES, 1, 1, 1, "channel_owners", ("STR-OWNERSHIP",),
        _B("Close the accounts that do not pay off: {names}", "Fermer les comptes qui ne servent pas : {names}"),
        _B(
            "Post a short farewell pointing to the channels that remain, download the archive, then "
            "close or hide each account; keep the handle registered so that nobody else takes it.",
            "Publier un court message d'au revoir qui renvoie vers les canaux conservés, télécharger "
            "l'archive, puis fermer ou masquer chaque compte ; garder le nom de compte pour que personne "
            "ne le reprenne.",
        ),
        _B("These accounts are closed, their handles kept: {names}.", "Ces comptes sont fermés, leurs noms conservés : {names}."),
        _channels(status=ChannelStatus.CLOSED),
        _B("the channels are closed", "les canaux sont fermés"),
    ),
    "REC-PARK": Step(
        Phase.FIXES, 1, 0.5, 0.5, "channel_owners", ("STR-OWNERSHIP",),
        _B("Park the accounts kept for later: {names}", "Mettre en réserve les comptes gardés pour plus tard : {names}"),
        _B(
            "Stop publishing, update the profile to point to the active channels and keep the handle; "
            "reassess on the date the scorecard gives.",
            "Cesser de publier, mettre à jour le profil pour renvoyer vers les canaux actifs et garder le "
            "nom de compte ; réexaminer à la date donnée par la notation.",
        ),
        _B("These accounts are silent and point to the active channels: {names}.", "Ces comptes sont silencieux et renvoient vers les canaux actifs : {names}."),
        _channels(status=ChannelStatus.PARKED),
        _B("the channels are parked", "les canaux sont mis en réserve"),
        severity=Severity.MINOR,
    ),
    "CH-DORMANT": Step(
        Phase.FIXES, 1, 1, 1, "channel_owners", ("STR-OWNERSHIP",),
        _B("Revive or close the dormant accounts: {names}", "Relancer ou fermer les comptes en sommeil : {names}"),
        _B(
            "An abandoned account annoys the people who find it: for each, either schedule posts again "
            "with a named owner, or close it.",
            "Un compte abandonné agace ceux qui le trouvent : pour chacun, soit reprendre les "
            "publications avec un responsable nommé, soit le fermer.",
        ),
        _B("No public account is left without a recent post: {names}.", "Aucun compte public ne reste sans publication récente : {names}."),
        None,
        _UNPREDICTABLE,
    ),
    "CH-NO-OWNER": Step(
        Phase.FIXES, 1, 0.5, 0.5, "strategy_owner", ("ORG-NO-RESOURCES",),
        _B("Name an owner for each channel: {names}", "Nommer un responsable pour chaque canal : {names}"),
        _B(
            "Give each channel one named person who publishes, answers and reports on it.",
            "Confier chaque canal à une personne nommée qui publie, répond et rend compte.",
        ),
        _B("Each of these channels has a named owner: {names}.", "Chacun de ces canaux a un responsable nommé : {names}."),
        _channels(owner="(named in the roadmap)"),
        _B("the channels get a named owner", "les canaux reçoivent un responsable nommé"),
    ),
    "CH-UNCLAIMED": Step(
        Phase.FIXES, 1, 0.5, 0.5, "community_manager", ("STR-OWNERSHIP",),
        _B("Claim the brand's handle: {names}", "Réserver le nom de la marque : {names}"),
        _B(
            "Register the brand's name on the major platforms where it is still free, fill in the "
            "profile and leave it parked.",
            "Enregistrer le nom de la marque sur les grandes plateformes où il est encore libre, "
            "compléter le profil et le laisser en réserve.",
        ),
        _B("The handle is registered on each of: {names}.", "Le nom est enregistré sur chacune de : {names}."),
        None,
        _UNPREDICTABLE,
    ),
    "CH-SHINY": Step(
        Phase.FIXES, 1, 2, 1, "strategy_owner", ("OBJ-NONE",),
        _B("Assess the new networks before going on: {names}", "Évaluer les nouveaux réseaux avant de continuer : {names}"),
        _B(
            "For each network started because everybody talked about it, check whether the audiences "
            "are there and which objective it serves; pause it if neither holds.",
            "Pour chaque réseau lancé parce que tout le monde en parlait, vérifier que les publics y sont "
            "et quel objectif il sert ; le suspendre si ni l'un ni l'autre ne tient.",
        ),
        _B("Each of these networks has a written go/no-go: {names}.", "Chacun de ces réseaux a une décision écrite : {names}."),
        _channels(assessed_before_launch=True),
        _B("the networks are assessed", "les réseaux sont évalués"),
    ),
    "CH-SPREAD": Step(
        Phase.FIXES, 1, 2, 0, "management", ("OBJ-NO-PRIMARY",),
        _B("Match the number of channels to the team's time", "Ajuster le nombre de canaux au temps de l'équipe"),
        _B(
            "The team cannot keep every active channel well: rank them by the objectives they serve and "
            "reduce or close the weakest until the hours add up.",
            "L'équipe ne peut pas bien tenir tous les canaux actifs : les classer selon les objectifs "
            "qu'ils servent et réduire ou fermer les plus faibles jusqu'à ce que les heures suffisent.",
        ),
        _B(
            "The hours the active channels need fit in the team's week.",
            "Les heures qu'exigent les canaux actifs tiennent dans la semaine de l'équipe.",
        ),
        None,
        _UNPREDICTABLE,
        joins=("REC-REDUCE",),
    ),
    "REC-REDUCE": Step(
        Phase.FIXES, 3, 1, 0.5, "strategy_owner", ("OBJ-NO-PRIMARY",),
        _B("Reduce the effort on: {names}", "Réduire l'effort sur : {names}"),
        _B(
            "Cut these channels to a minimal, regular rhythm and move the hours saved to the channels "
            "that serve the objectives best.",
            "Ramener ces canaux à un rythme minimal et régulier et reporter les heures gagnées sur les "
            "canaux qui servent le mieux les objectifs.",
        ),
        _B("The weekly hours on these channels are halved: {names}.", "Les heures hebdomadaires sur ces canaux sont divisées par deux : {names}."),
        _reduce_channels,
        _B("the channels' weekly hours are halved", "les heures hebdomadaires des canaux sont divisées par deux"),
    ),
    "REC-FIX": Step(
        Phase.FIXES, 3, 3, 2, "channel_owners", ("CH-NO-OWNER",),
        _B("Repair how these channels are run: {names}", "Corriger la tenue de ces canaux : {names}"),
        _B(
            "These channels serve an objective but are run below par: work on their weakest point, as "
            "the scorecard names it.",
            "Ces canaux servent un objectif mais sont mal tenus : travailler leur point le plus faible, "
            "tel que la notation l'indique.",
        ),
        _B(
            "The health score of each of these channels reaches 60: {names}.",
            "Le score de santé de chacun de ces canaux atteint 60 : {names}.",
        ),
        None,
        _UNPREDICTABLE,
    ),
    "CH-NO-OBJECTIVE": Step(
        Phase.FIXES, 3, 1, 0.5, "strategy_owner", ("OBJ-NONE", "OBJ-TOO-MANY"),
        _B("Give each channel an objective, or stop it: {names}", "Donner un objectif à chaque canal, ou l'arrêter : {names}"),
        _B(
            "For each channel that serves no objective, write which objective it serves and how, or "
            "reduce it to a minimum.",
            "Pour chaque canal qui ne sert aucun objectif, écrire lequel il sert et comment, ou le "
            "réduire au minimum.",
        ),
        _B("Each of these channels serves a named objective: {names}.", "Chacun de ces canaux sert un objectif nommé : {names}."),
        None,
        _UNPREDICTABLE,
    ),
    "CH-NO-AUDIENCE": Step(
        Phase.FIXES, 3, 1, 0.5, "strategy_owner", ("ENV-NO-STAKEHOLDERS",),
        _B("Check whom these channels reach: {names}", "Vérifier qui ces canaux touchent : {names}"),
        _B(
            "These channels reach none of the target audiences: check the figures, then refocus the "
            "content on an audience or reduce the channel.",
            "Ces canaux ne touchent aucun des publics cibles : vérifier les chiffres, puis recentrer les "
            "contenus sur un public ou réduire le canal.",
        ),
        _B("Each of these channels names the audiences it reaches: {names}.", "Chacun de ces canaux nomme les publics qu'il touche : {names}."),
        None,
        _UNPREDICTABLE,
    ),
    "ORG-SLOW-VALIDATION": Step(
        Phase.FIXES, 3, 3, 0, "management", ("STR-GOVERNANCE",),
        _B("Shorten the validation loop", "Raccourcir le circuit de validation"),
        _B(
            "Agree on what the community manager may publish or answer without approval (with ready "
            "answers for frequent questions) and a fast track for the rest.",
            "Convenir de ce que le community manager peut publier ou répondre sans validation (avec des "
            "réponses types aux questions fréquentes) et d'une voie rapide pour le reste.",
        ),
        _B(
            "Answers go out within the channels' expected response time.",
            "Les réponses partent dans le délai attendu sur chaque canal.",
        ),
        _shorten_validation,
        _B("validation fits within the channels' response expectation", "la validation tient dans le délai de réponse attendu"),
    ),
    "CH-SLOW-RESPONSE": Step(
        Phase.FIXES, 3, 2, 1, "community_manager", ("ORG-NO-RESOURCES", "ORG-SLOW-VALIDATION", "CH-NO-OWNER"),
        _B("Answer faster on: {names}", "Répondre plus vite sur : {names}"),
        _B(
            "Set notification and on-duty slots so that questions are answered within the time the "
            "platform's users expect.",
            "Organiser notifications et créneaux de permanence pour répondre aux questions dans le délai "
            "qu'attendent les utilisateurs de la plateforme.",
        ),
        _B(
            "The median response time is within the expectation on: {names}.",
            "Le temps de réponse médian respecte le délai attendu sur : {names}.",
        ),
        _answer_in_time,
        _B("the median response time meets the expectation", "le temps de réponse médian respecte le délai attendu"),
    ),
    "CH-DUPLICATE": Step(
        Phase.FIXES, 3, 1, 1, "community_manager", ("STR-EDITORIAL-LINE",),
        _B("Stop pushing the same post everywhere: {names}", "Cesser de publier le même message partout : {names}"),
        _B(
            "Write down what each channel adds, and adapt each post to its channel's format and audience "
            "instead of copying it unchanged.",
            "Écrire ce que chaque canal apporte et adapter chaque publication au format et au public du "
            "canal au lieu de la recopier telle quelle.",
        ),
        _B("Posts are adapted per channel: {names}.", "Les publications sont adaptées à chaque canal : {names}."),
        _channels(cross_posted_unchanged=False),
        _B("the channels stop cross-posting unchanged", "les canaux cessent de recopier les mêmes messages"),
    ),
    "ERR-NOT-MEASURING": Step(
        Phase.FIXES, 3, 3, 0, "strategy_owner", ("KPI-MISSING",),
        _B("Start a monthly report", "Mettre en place un bilan mensuel"),
        _B(
            "Build a one-page monthly report of the indicators, with a short comment on what worked, and "
            "one per campaign; the figures come from the platforms and the web analytics, not from memory.",
            "Construire un bilan mensuel d'une page avec les indicateurs et un court commentaire sur ce "
            "qui a marché, et un bilan par campagne ; les chiffres viennent des plateformes et de "
            "l'analyse web, pas de l'impression.",
        ),
        _B("Two monthly reports in a row have been shared.", "Deux bilans mensuels consécutifs ont été diffusés."),
        _organisation(reporting_cadence=Cadence.MONTHLY),
        _B("results are reported monthly", "les résultats font l'objet d'un bilan mensuel"),
    ),
    "CH-OFFLINE-OVERLAP": Step(
        Phase.FIXES, 6, 2, 1, "strategy_owner", ("ENV-UNCONSULTED",),
        _B("Merge the traditional channels that duplicate digital ones: {names}", "Rapprocher les canaux traditionnels qui doublent le numérique : {names}"),
        _B(
            "These traditional channels reach the same audience as a digital one at a higher cost: "
            "decide for each whether to replace it, integrate it or keep it for a distinct purpose.",
            "Ces canaux traditionnels touchent le même public qu'un canal numérique pour un coût plus "
            "élevé : décider pour chacun s'il faut le remplacer, l'intégrer ou le garder pour un usage "
            "distinct.",
        ),
        _B("Each of these channels has a recorded decision: {names}.", "Chacun de ces canaux a une décision consignée : {names}."),
        None,
        _UNPREDICTABLE,
    ),
    # -- planning and content ------------------------------------------------------------------------
    "STR-REVIEW": Step(
        Phase.PLANNING, 3, 2, 0, "strategy_owner", ("OBJ-NONE",),
        _B("Review the strategy and book a monthly review", "Revoir la stratégie et planifier une revue mensuelle"),
        _B(
            "Revisit the strategy with this audit's results, then book a short monthly review of the "
            "figures and of what to adjust.",
            "Revoir la stratégie à la lumière de cet audit, puis planifier une courte revue mensuelle "
            "des chiffres et des ajustements.",
        ),
        _B("The strategy is dated this month and the next reviews are booked.", "La stratégie est datée de ce mois et les prochaines revues sont planifiées."),
        _reviewed,
        _B("the strategy is reviewed on the audit date", "la stratégie est revue à la date de l'audit"),
    ),
    "STR-POLICY": Step(
        Phase.PLANNING, 3, 4, 0, "strategy_owner", ("STR-GOVERNANCE",),
        _B("Write the social media policy", "Rédiger la charte des réseaux sociaux"),
        _B(
            "Write short guidelines for staff who speak on social media: what they may say for the "
            "organisation, confidentiality, tone, and what to do when in doubt.",
            "Rédiger des règles courtes pour les collaborateurs qui s'expriment sur les réseaux : ce "
            "qu'ils peuvent dire au nom de l'organisation, confidentialité, ton, et que faire en cas de doute.",
        ),
        _B("The policy is approved and shared with staff.", "La charte est validée et diffusée aux collaborateurs."),
        _component(StrategyComponentKey.POLICY),
        _component_doc("policy", "charte"),
    ),
    "STR-MODERATION": Step(
        Phase.PLANNING, 3, 3, 0, "community_manager", ("STR-POLICY", "STR-EDITORIAL-LINE"),
        _B("Write the moderation guidelines", "Rédiger les règles de modération"),
        _B(
            "Write how comments are answered, hidden or escalated, with ready answers for the frequent "
            "cases, and publish a short house-rules note on the pages.",
            "Écrire comment répondre aux commentaires, les masquer ou les faire remonter, avec des "
            "réponses types pour les cas fréquents, et publier une courte règle de conduite sur les pages.",
        ),
        _B("The moderation guidelines are in use.", "Les règles de modération sont appliquées."),
        _component(StrategyComponentKey.MODERATION),
        _component_doc("moderation", "modération"),
    ),
    "STR-MONITORING": Step(
        Phase.PLANNING, 3, 1, 0, "community_manager", ("ORG-NO-RESOURCES",),
        _B("Set fixed slots to monitor and react", "Fixer des créneaux de veille et de réaction"),
        _B(
            "Book daily slots to read mentions, comments and messages, and set alerts on the brand's name.",
            "Réserver des créneaux quotidiens pour lire mentions, commentaires et messages, et créer des "
            "alertes sur le nom de la marque.",
        ),
        _B("Monitoring slots are in the team's calendar.", "Les créneaux de veille sont à l'agenda de l'équipe."),
        _component(StrategyComponentKey.MONITORING),
        _component_doc("monitoring", "veille"),
    ),
    "STR-CALENDAR": Step(
        Phase.PLANNING, 3, 4, 0, "community_manager", ("STR-EDITORIAL-LINE", "OBJ-NOT-SMART"),
        _B("Set up the editorial calendar", "Mettre en place le calendrier éditorial"),
        _B(
            "Build a shared calendar of the posts of the next weeks, by channel, with the key dates of "
            "the year and a fixed publishing schedule.",
            "Construire un calendrier partagé des publications des semaines à venir, par canal, avec les "
            "temps forts de l'année et un rythme de publication fixe.",
        ),
        _B(
            "The calendar covers the next four weeks and is kept up to date.",
            "Le calendrier couvre les quatre semaines à venir et est tenu à jour.",
        ),
        _component(StrategyComponentKey.CALENDAR),
        _component_doc("calendar", "calendrier"),
    ),
    "ERR-CALENDAR-NOT-STRATEGY": Step(
        Phase.PLANNING, 3, 4, 0, "strategy_owner", ("STR-EDITORIAL-LINE", "ENV-NO-STAKEHOLDERS", "KPI-MISSING"),
        _B("Put a strategy behind the calendar", "Adosser le calendrier à une stratégie"),
        _B(
            "The calendar exists but nothing steers it: tie each slot to an audience, a priority network, "
            "a content pillar and the indicator it should move.",
            "Le calendrier existe mais rien ne le guide : rattacher chaque créneau à un public, un réseau "
            "prioritaire, un pilier de contenu et l'indicateur qu'il doit faire bouger.",
        ),
        _B(
            "Every slot of the calendar names its audience, pillar and indicator.",
            "Chaque créneau du calendrier indique son public, son pilier et son indicateur.",
        ),
        _component(StrategyComponentKey.CONTENT_PILLARS),
        _component_doc("content pillars", "piliers de contenu"),
    ),
    "STR-EVALUATION-PLAN": Step(
        Phase.PLANNING, 3, 4, 0, "strategy_owner", ("KPI-MISSING", "ERR-NOT-MEASURING"),
        _B("Write the evaluation plan", "Rédiger le plan d'évaluation"),
        _B(
            "Write which indicators are read when, by whom, against which targets, and what decision "
            "each review can lead to.",
            "Écrire quels indicateurs sont lus, quand, par qui, au regard de quelles cibles, et quelle "
            "décision chaque revue peut entraîner.",
        ),
        _B("The evaluation plan is approved.", "Le plan d'évaluation est validé."),
        _component(StrategyComponentKey.EVALUATION_PLAN),
        _component_doc("evaluation plan", "plan d'évaluation"),
    ),
    "OBJ-ORPHAN": Step(
        Phase.PLANNING, 3, 2, 1, "strategy_owner", ("OBJ-NOT-SMART", "ENV-NO-STAKEHOLDERS", "REC-CLOSE"),
        _B("Choose a channel for each objective: {names}", "Choisir un canal pour chaque objectif : {names}"),
        _B(
            "No channel serves these objectives yet: pick the existing channel that reaches their "
            "audience best, or drop the objective for this round.",
            "Aucun canal ne sert encore ces objectifs : choisir le canal existant qui touche le mieux "
            "leur public, ou renoncer à l'objectif pour ce cycle.",
        ),
        _B("Each of these objectives is served by a named channel: {names}.", "Chacun de ces objectifs est servi par un canal nommé : {names}."),
        None,
        _UNPREDICTABLE,
    ),
    "STR-CONTENT-PLAN": Step(
        Phase.PLANNING, 6, 8, 0, "community_manager", ("STR-EDITORIAL-LINE", "STR-CALENDAR"),
        _B("Write the content plan", "Rédiger le plan de contenus"),
        _B(
            "Turn the editorial line into a plan: recurring formats per pillar, who produces what, how "
            "much ahead, and a stock of ready posts.",
            "Traduire la ligne éditoriale en plan : formats récurrents par pilier, qui produit quoi, avec "
            "quelle avance, et une réserve de publications prêtes.",
        ),
        _B("The content plan is written and a month of posts is ready.", "Le plan de contenus est écrit et un mois de publications est prêt."),
        _component(StrategyComponentKey.CONTENT_PLAN),
        _component_doc("content plan", "plan de contenus"),
    ),
    "STR-DISTRIBUTION-PLAN": Step(
        Phase.PLANNING, 6, 4, 0, "community_manager", ("STR-CONTENT-PLAN", "CH-DUPLICATE"),
        _B("Write the distribution plan", "Rédiger le plan de diffusion"),
        _B(
            "Decide which content goes to which channel, at what time, in which format, and which part "
            "is sponsored.",
            "Décider quels contenus vont sur quel canal, à quel moment, sous quel format, et quelle part "
            "est sponsorisée.",
        ),
        _B("The distribution plan is written and followed.", "Le plan de diffusion est écrit et suivi."),
        _component(StrategyComponentKey.DISTRIBUTION_PLAN),
        _component_doc("distribution plan", "plan de diffusion"),
    ),
    "ERR-URGENCY": Step(
        Phase.PLANNING, 6, 2, 0, "strategy_owner", ("STR-CALENDAR",),
        _B("Plan publications with lead time", "Planifier les publications à l'avance"),
        _B(
            "Agree with the other departments on a minimum lead time for requests, and announce events "
            "in phases (teaser, reminder, live, follow-up) instead of two days before.",
            "Convenir avec les autres services d'un délai minimal pour les demandes, et annoncer les "
            "événements par étapes (teasing, rappel, direct, suite) plutôt que deux jours avant.",
        ),
        _B(
            "Requests arrive with the agreed lead time.",
            "Les demandes arrivent avec le délai convenu.",
        ),
        _lengthen_lead_time,
        _B("the publishing lead time reaches the threshold", "le délai de publication atteint le seuil"),
    ),
    "STR-EXIT-PLAN": Step(
        Phase.PLANNING, 6, 3, 0, "strategy_owner", ("STR-OWNERSHIP",),
        _B("Write the exit plan", "Rédiger le plan de sortie"),
        _B(
            "Write how a channel is closed when it stops serving an objective: notice to the audience, "
            "archive, redirection, handle kept.",
            "Écrire comment fermer un canal qui ne sert plus d'objectif : annonce au public, archivage, "
            "redirection, nom de compte conservé.",
        ),
        _B("The exit plan is approved.", "Le plan de sortie est validé."),
        _component(StrategyComponentKey.EXIT_PLAN),
        _component_doc("exit plan", "plan de sortie"),
    ),
    "ORG-NO-TRAINING": Step(
        Phase.PLANNING, 6, 6, 0, "strategy_owner", ("ORG-NO-RESOURCES", "STR-POLICY"),
        _B("Train the people in their roles", "Former les personnes à leur rôle"),
        _B(
            "Give each role the training it needs (publishing, answering, measuring, managing), starting "
            "with a short quiz to find what they do not know yet.",
            "Donner à chaque rôle la formation dont il a besoin (publier, répondre, mesurer, piloter), en "
            "commençant par un court quiz pour repérer ce qu'ils ne savent pas encore.",
        ),
        _B("Everyone in a social media role has been trained.", "Chaque personne ayant un rôle sur les réseaux a été formée."),
        _organisation(training=Training.ALL),
        _B("everyone in a role is trained", "chaque personne en poste est formée"),
    ),
    # -- growth --------------------------------------------------------------------------------------
    "CH-LOW-ENGAGEMENT": Step(
        Phase.GROWTH, 6, 4, 2, "community_manager", ("STR-EDITORIAL-LINE", "STR-CONTENT-PLAN"),
        _B("Win back engagement on: {names}", "Regagner de l'engagement sur : {names}"),
        _B(
            "The audience is large but silent: test formats that invite answers (questions, behind the "
            "scenes, replies to comments) and keep what the figures show works.",
            "L'audience est large mais muette : tester des formats qui appellent la réponse (questions, "
            "coulisses, réponses aux commentaires) et garder ce que les chiffres valident.",
        ),
        _B(
            "The engagement rate reaches half the industry benchmark on: {names}.",
            "Le taux d'engagement atteint la moitié de la référence du secteur sur : {names}.",
        ),
        None,
        _UNPREDICTABLE,
    ),
    "REC-INVEST": Step(
        Phase.GROWTH, 6, 6, 4, "channel_owners", ("STR-CONTENT-PLAN", "ERR-NOT-MEASURING", "REC-CLOSE", "REC-FIX"),
        _B("Invest in the channels that work: {names}", "Investir dans les canaux qui fonctionnent : {names}"),
        _B(
            "Put the hours freed by the closures and reductions into these channels (or launch them, if "
            "planned): more regular posts, a sponsored test, answers to every comment.",
            "Reporter sur ces canaux les heures libérées par les fermetures et réductions (ou les lancer, "
            "s'ils sont prévus) : publications plus régulières, un test sponsorisé, réponse à chaque "
            "commentaire.",
        ),
        _B(
            "These channels' indicators improve for three months in a row: {names}.",
            "Les indicateurs de ces canaux progressent trois mois de suite : {names}.",
        ),
        None,
        _UNPREDICTABLE,
        severity=Severity.MINOR,
    ),
    "REC-NOT-NOW": Step(
        Phase.GROWTH, 3, 1, 0.5, "strategy_owner", ("ENV-UNCONSULTED",),
        _B("Reassess the planned channels: {names}", "Réexaminer les canaux prévus : {names}"),
        _B(
            "These channels are not worth launching now: on the reassessment date, check again whether "
            "the audiences use them and which objective they would serve.",
            "Ces canaux ne valent pas d'être lancés maintenant : à la date de réexamen, vérifier à "
            "nouveau si les publics les utilisent et quel objectif ils serviraient.",
        ),
        _B("A written go/no-go exists for each of: {names}.", "Une décision écrite existe pour chacun de : {names}."),
        None,
        _UNPREDICTABLE,
        severity=Severity.MINOR,
    ),
    "ENV-PEER-GAP": Step(
        Phase.GROWTH, 9, 3, 1, "strategy_owner", ("ENV-NO-PEERS", "ENV-UNCONSULTED", "REC-CLOSE", "REC-FIX"),
        _B("Assess the platforms where peers meet your audiences", "Évaluer les plateformes où les pairs rencontrent vos publics"),
        _B(
            "Peers are active where key audiences are and the organisation is not: assess whether a "
            "presence there would serve an objective, with the hours it would take.",
            "Des pairs sont actifs là où se trouvent des publics clés, sans l'organisation : évaluer si "
            "une présence servirait un objectif, et les heures qu'elle demanderait.",
        ),
        _B(
            "Each of these platforms has a written go/no-go with its cost.",
            "Chacune de ces plateformes a une décision écrite avec son coût.",
        ),
        None,
        _UNPREDICTABLE,
    ),
    # -- review --------------------------------------------------------------------------------------
    "NEXT-ROUND": Step(
        Phase.REVIEW, 12, 4, 0, "strategy_owner", (),
        _B("Run the next audit round", "Mener le prochain cycle d'audit"),
        _B(
            "Audit again with the same method (auditkit new --from this file), compare the scores with "
            "this round and set the next year's roadmap.",
            "Refaire l'audit avec la même méthode (auditkit new --from ce fichier), comparer les scores "
            "avec ce cycle et fixer la feuille de route de l'année suivante.",
        ),
        _B("The next round's report is delivered.", "Le rapport du cycle suivant est remis."),
        None,
        _UNPREDICTABLE,
        anchored=True,
    ),
}  # fmt: skip
"""Every rule of the catalogue, every channel recommendation (``REC-*``) and the closing review, as steps.

Efforts are typical hours for a small team doing the work itself; the consultant edits them per action.
"""

_RECOMMENDATION_KEYS: dict[Recommendation, str] = {
    Recommendation.CLOSE: "REC-CLOSE",
    Recommendation.PARK: "REC-PARK",
    Recommendation.REDUCE: "REC-REDUCE",
    Recommendation.FIX: "REC-FIX",
    Recommendation.INVEST: "REC-INVEST",
    Recommendation.NOT_NOW: "REC-NOT-NOW",
}
_ALREADY = {Recommendation.CLOSE: ChannelStatus.CLOSED, Recommendation.PARK: ChannelStatus.PARKED}
_ABSORBING = ("REC-CLOSE", "REC-PARK")
_ALWAYS = ("NEXT-ROUND",)
_FALLBACK_MONTH = {Severity.CRITICAL: 1, Severity.MAJOR: 3, Severity.MINOR: 6}
_FALLBACK_PHASE = {
    Theme.OBJECTIVES: Phase.FOUNDATIONS,
    Theme.INDICATORS: Phase.FOUNDATIONS,
    Theme.ENVIRONMENT: Phase.FOUNDATIONS,
    Theme.ORGANISATION: Phase.FOUNDATIONS,
    Theme.DECISION: Phase.FOUNDATIONS,
    Theme.CHANNELS: Phase.FIXES,
    Theme.STRATEGY: Phase.PLANNING,
    Theme.PRACTICES: Phase.PLANNING,
}


def action_id(key: str) -> str:
    """The stable id of the action a plan key (a rule id, ``REC-*``) gives: the key in lower case."""
    return key.lower()


_ORDER = {key: index for index, key in enumerate(PLAN)}
_ANCHORED = frozenset(action_id(key) for key, step in PLAN.items() if step.anchored)


def _fallback_step(finding: Finding) -> Step:
    rule = RULES.get(finding.rule)
    title = rule.title if rule else finding.title
    return Step(
        _FALLBACK_PHASE.get(finding.theme, Phase.PLANNING),
        _FALLBACK_MONTH.get(finding.severity, 6),
        4,
        1,
        "strategy_owner",
        (),
        title,
        rule.action if rule else finding.action,
        _B(
            f"The finding '{title.en}' no longer appears in the diagnosis.",
            f"Le constat « {title.fr} » n'apparaît plus dans le diagnostic.",
        ),
        None,
        _UNPREDICTABLE,
    )


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
        item.channel_id: _RECOMMENDATION_KEYS[item.recommendation]
        for item in _recommended(audit, scorecard)
        if _RECOMMENDATION_KEYS[item.recommendation] in _ABSORBING
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
        key = _RECOMMENDATION_KEYS[item.recommendation]
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
        step = PLAN.get(rule_id) or _fallback_step(items[0])
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
    for key in _ALWAYS:
        drafts.setdefault(key, _Draft(key, PLAN[key], PLAN[key].month))
    rate = thresholds_for(audit)["hourly_rate"]
    ordered = sorted(drafts.values(), key=lambda draft: (_ORDER.get(draft.key, len(_ORDER)), draft.key))
    return tuple(_action(audit, draft, set(drafts), aliases, rate) for draft in ordered)


def _recommended(audit: Audit, scorecard: Scorecard) -> list[ChannelScore]:
    """The channel recommendations that call for an action (a closed channel needs no closing)."""
    statuses = {channel.id: channel.status for channel in audit.channels}
    return [
        item
        for item in scorecard.channels
        if item.recommendation in _RECOMMENDATION_KEYS
        and item.channel_id in statuses
        and statuses[item.channel_id] is not _ALREADY.get(item.recommendation)
    ]


def _action(audit: Audit, draft: _Draft, present: set[str], aliases: dict[str, str], rate: float) -> Action:
    step = draft.step
    names = _names(draft.labels)
    severities = [finding.severity for finding in draft.findings]
    severity = min(severities, key=_SEVERITY_RANK.__getitem__) if severities else step.severity
    effort = step.hours + step.hours_each * max(len(draft.subjects) - 1, 0)
    moot = draft.key in _ABSORBING
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
        effect=_join(docs) if docs else _UNPREDICTABLE,
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
        action_id(dependency) for dependency in sorted(found, key=lambda k: _ORDER.get(k, len(_ORDER)))
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
        if action.pinned or action.id in _ANCHORED
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
        _ORDER.get(action.id.upper(), len(_ORDER)),
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
    return (phase, severity, _ORDER.get(action.id.upper(), len(_ORDER)), action.id)


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
    capacities = {
        month: None if weekly is None else weekly * (due - start).days / 7
        for month, (start, due) in dates.items()
    }
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
    return Roadmap(
        stages=tuple(stages),
        notes=_notes(audit, weekly, stages, backlog, rate),
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
    )


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


def _changes_since(action: Action, base: GeneratedSnapshot | None) -> tuple[Change, ...]:
    if base is None:
        return ()
    changes: list[Change] = []
    gone = [rule for rule in base.findings if rule not in action.findings]
    new = [rule for rule in action.findings if rule not in base.findings]
    if gone or new:
        changes.append(
            Change(
                action.id,
                ChangeKind.FINDINGS_CHANGED,
                _B(
                    "Findings behind this action changed since the edit:"
                    + (f" no longer present: {', '.join(gone)};" if gone else "")
                    + (f" new: {', '.join(new)};" if new else ""),
                    "Les constats à l'origine de cette action ont changé depuis la modification :"
                    + (f" disparus : {', '.join(gone)} ;" if gone else "")
                    + (f" nouveaux : {', '.join(new)} ;" if new else ""),
                ),
            )
        )
    left = [s for s in base.subjects if s not in action.subjects]
    added = [s for s in action.subjects if s not in base.subjects]
    if left or added:
        changes.append(
            Change(
                action.id,
                ChangeKind.SUBJECTS_CHANGED,
                _B(
                    "Items concerned changed since the edit:"
                    + (f" no longer concerned: {', '.join(left)};" if left else "")
                    + (f" now concerned: {', '.join(added)};" if added else ""),
                    "Les éléments concernés ont changé depuis la modification :"
                    + (f" plus concernés : {', '.join(left)} ;" if left else "")
                    + (f" désormais concernés : {', '.join(added)} ;" if added else ""),
                ),
            )
        )
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


def _notes(
    audit: Audit, weekly: float | None, stages: Sequence[Stage], backlog: Sequence[Action], rate: float
) -> tuple[Bilingual, ...]:
    notes: list[Bilingual] = []
    declared = audit.organisation.hours_per_week
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
        total = sum(stage.capacity_hours or 0 for stage in stages)
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
    moved = sum(len(stage.overflow) for stage in stages) - len([a for a in backlog if not a.pinned])
    if moved > 0 or backlog:
        waiting = sum(action.effort_hours for action in backlog)
        notes.append(
            _B(
                f"{moved} action(s) moved to a later stage for lack of time; {len(backlog)} action(s) "
                f"({_hours(waiting).en} h) wait in the backlog, beyond month 12.",
                f"{moved} action(s) décalée(s) faute de temps ; {len(backlog)} action(s) "
                f"({_hours(waiting).fr} h) attend(ent) dans la réserve, au-delà du mois 12.",
            )
        )
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
