"""The consultant's edits applied to the generated actions, and what changed underneath them since.

Each edit keeps a snapshot of the generated action it was made on; a regenerated roadmap compares it
with the new one and reports what changed underneath (:class:`~auditkit.roadmap.actions.Change`): the
finding is no longer present (the edit stays stored but applies to nothing), the findings or items
concerned changed, the generated text or effort changed. Findings are named by their titles and items by
their names, never by rule codes or ids.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from auditkit.diagnose import RULES
from auditkit.locale import Message, msg
from auditkit.locale.formats import short
from auditkit.model import ActionEdit, Audit, GeneratedSnapshot, ManualAction
from auditkit.model.ids import item_names
from auditkit.platforms import Platform
from auditkit.roadmap.actions import Action, Change, ChangeKind
from auditkit.roadmap.stages import EPSILON
from auditkit.roadmap.texts import commas, hours, semicolons, written

__all__ = ["snapshot", "with_edits"]

NAME_LENGTH = 60
"""Characters of an item's name (an objective's statement) a change message quotes."""
PLATFORMS = frozenset(Platform)


def with_edits(
    audit: Audit, generated: Sequence[Action], rate: float
) -> tuple[list[Action], list[Action], tuple[Change, ...]]:
    """The generated actions with the consultant's edits applied, plus the hand-added ones.

    Returns the actions still in the plan, the dropped ones, and every change to look at.
    """
    edits = {edit.action_id: edit for edit in audit.roadmap.edits}
    names = {item_id: short(name.rstrip(" ."), NAME_LENGTH) for item_id, name in item_names(audit).items()}
    active: list[Action] = []
    dropped: list[Action] = []
    changes: list[Change] = []
    for action in generated:
        edit = edits.get(action.id)
        if edit is None:
            active.append(action)
            continue
        edited = _edited(action, edit, rate, names)
        changes += edited.changes
        (dropped if edit.dropped else active).append(edited)
    generated_ids = {action.id for action in generated}
    changes += [_gone(edit) for edit in audit.roadmap.edits if edit.action_id not in generated_ids]
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
                msg("roadmap.change.unknown_dependency", dependency=d),
            )
            for d in unknown
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


def _edited(action: Action, edit: ActionEdit, rate: float, names: Mapping[str, str]) -> Action:
    effort = action.effort_hours if edit.effort_hours is None else edit.effort_hours
    if edit.cost is not None:
        cost = edit.cost
    else:
        cost = action.cost if edit.effort_hours is None else round(effort * rate, 2)
    return replace(
        action,
        title=written({"en": edit.title_en, "fr": edit.title_fr}, action.title),
        description=written({"en": edit.description_en, "fr": edit.description_fr}, action.description),
        done_when=written({"en": edit.done_when_en, "fr": edit.done_when_fr}, action.done_when),
        owner_role=edit.owner_role or action.owner_role,
        effort_hours=effort,
        cost=cost,
        stage=edit.stage or action.stage,
        pinned=edit.stage is not None,
        edited=True,
        consultant_note=edit.note,
        changes=_changes_since(action, edit.base, names),
    )


def _manual(added: ManualAction) -> Action:
    return Action(
        id=added.id,
        title=written({"en": added.title_en, "fr": added.title_fr}),
        description=written({"en": added.description_en, "fr": added.description_fr}),
        findings=(),
        objectives=(),
        owner_role=added.owner_role,
        effort_hours=added.effort_hours,
        cost=added.cost,
        done_when=written({"en": added.done_when_en, "fr": added.done_when_fr}),
        stage=added.stage,
        depends_on=tuple(added.depends_on),
        origin="manual",
        planned_stage=added.stage,
        pinned=True,
        consultant_note=added.note,
    )


def _finding_titles(rules: Sequence[str]) -> list[Any]:
    """The findings of ``rules`` by their titles."""
    return [RULES[rule].title if rule in RULES else rule for rule in rules]


def _subject_names(subjects: Sequence[str], names: Mapping[str, str]) -> list[Any]:
    """The items by name (a platform by its label); those no longer in the audit are counted, not named."""
    named: list[Any] = []
    for subject in subjects:
        if subject in names:
            named.append(names[subject])
        elif subject in PLATFORMS:
            named.append(Platform(subject))
    removed = len(subjects) - len(named)
    return [*named, msg("roadmap.change.subjects_removed", count=removed)] if removed else named


def _gone(edit: ActionEdit) -> Change:
    base = edit.base
    key = edit.action_id.upper()
    own = RULES[key].title if key in RULES else edit.action_id
    title = written({"en": base.title_en, "fr": base.title_fr}) if base else own
    rules = commas(_finding_titles(base.findings)) if base and base.findings else own
    return Change(
        edit.action_id, ChangeKind.FINDING_GONE, msg("roadmap.change.finding_gone", title=title, rules=rules)
    )


def _fingerprint(action: Action) -> str:
    """A digest of the generated texts: their message ids and parameters, in no particular language."""
    payload = json.dumps([repr(text) for text in (action.title, action.description, action.done_when)])
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def snapshot(action: Action) -> GeneratedSnapshot:
    """What an edit remembers of the generated action it was made on."""
    return GeneratedSnapshot(
        title_en=action.title("en")[:300],
        title_fr=action.title("fr")[:300],
        fingerprint=_fingerprint(action),
        findings=list(action.findings),
        subjects=list(action.subjects),
        effort_hours=action.effort_hours,
    )


def _listed_change(
    before: Sequence[str], now: Sequence[str], what: str, named: Callable[[list[str]], list[Any]]
) -> Message | None:
    """What left and what joined a list since the edit, in words (``None`` when nothing changed)."""
    gone = [item for item in before if item not in now]
    new = [item for item in now if item not in before]
    if not gone and not new:
        return None
    parts = [
        msg(f"roadmap.change.{what}_{side}", items=commas(named(items)))
        for side, items in (("gone", gone), ("new", new))
        if items
    ]
    return msg(f"roadmap.change.{what}_changed", parts=semicolons(parts))


def _changes_since(
    action: Action, base: GeneratedSnapshot | None, names: Mapping[str, str]
) -> tuple[Change, ...]:
    if base is None:
        return ()
    changes: list[Change] = []
    findings = _listed_change(base.findings, action.findings, "findings", _finding_titles)
    if findings is not None:
        changes.append(Change(action.id, ChangeKind.FINDINGS_CHANGED, findings))
    subjects = _listed_change(
        base.subjects, action.subjects, "subjects", lambda items: _subject_names(items, names)
    )
    if subjects is not None:
        changes.append(Change(action.id, ChangeKind.SUBJECTS_CHANGED, subjects))
    if base.fingerprint != _fingerprint(action):
        changes.append(Change(action.id, ChangeKind.TEXT_CHANGED, msg("roadmap.change.text_changed")))
    if abs(base.effort_hours - action.effort_hours) > EPSILON:
        effort = msg(
            "roadmap.change.effort_changed", before=hours(base.effort_hours), now=hours(action.effort_hours)
        )
        changes.append(Change(action.id, ChangeKind.EFFORT_CHANGED, effort))
    return tuple(changes)
