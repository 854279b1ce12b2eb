"""The consultant's edits: move, edit, drop, restore, add and remove actions, stored in the audit.

The edits live in ``audit.roadmap`` (:class:`auditkit.model.RoadmapEdits`). These functions do no
I/O: they update the audit in place; save it with :mod:`auditkit.store`. An edit records the
generated action it was made on; :func:`acknowledge_changes` takes the current one as the new base.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import ValidationError

from auditkit.errors import AuditkitError, InvalidValue
from auditkit.locale import Message, msg
from auditkit.model import ActionEdit, Audit, ManualAction
from auditkit.roadmap.changes import snapshot
from auditkit.roadmap.generate import generated_actions
from auditkit.roadmap.stages import STAGES
from auditkit.roadmap.texts import commas, semicolons

__all__ = [
    "EDITABLE_FIELDS",
    "acknowledge_changes",
    "add_action",
    "drop_action",
    "edit_action",
    "move_action",
    "remove_action",
    "restore_action",
]

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
            msg(
                "roadmap.error.not_editable",
                fields=", ".join(unknown),
                action=action_id,
                editable=", ".join(allowed),
            )
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
        edited = _ids([edit.action_id for edit in audit.roadmap.edits])
        raise AuditkitError(msg("roadmap.error.nothing_to_restore", action=action_id, edited=edited))
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
    base = ("manual-" + (_slug(title_en or title_fr) or "action"))[:60]
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
        added = _ids([item.id for item in audit.roadmap.added])
        raise AuditkitError(msg("roadmap.error.not_added_by_hand", action=action_id, added=added))
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
            edit = edit.model_copy(update={"base": snapshot(current)})
        edits.append(edit)
    audit.roadmap = audit.roadmap.model_copy(update={"edits": edits})


_Edit = TypeVar("_Edit", ActionEdit, ManualAction)


def _record(audit: Audit, action_id: str, fields: dict[str, Any]) -> None:
    generated = {action.id: action for action in generated_actions(audit)}
    if action_id not in generated:
        valid = commas([*generated, *(added.id for added in audit.roadmap.added)])
        raise AuditkitError(msg("roadmap.error.unknown_action", action=action_id, valid=valid))
    edits = list(audit.roadmap.edits)
    index = next((i for i, edit in enumerate(edits) if edit.action_id == action_id), None)
    current = edits[index].model_dump() if index is not None else {"action_id": action_id}
    data = current | fields | {"base": snapshot(generated[action_id]).model_dump()}
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
        problems = [_problem(item) for item in error.errors(include_url=False)]
        raise AuditkitError(
            msg("roadmap.error.invalid_edit", action=action_id, problems=semicolons(problems))
        ) from None


def _problem(item: Any) -> Message:
    """One validation problem of an edit: the field, and what is wrong with it in the reader's language."""
    location = ".".join(str(part) for part in item["loc"]) or msg("roadmap.error.the_action")
    error = (item.get("ctx") or {}).get("error")
    if isinstance(error, InvalidValue):
        texts = [problem.message for problem in error.problems]
        return msg("roadmap.error.problem", location=location, problem=semicolons(texts))
    return msg("roadmap.error.problem", location=location, problem=item["msg"])


def _check_stage_value(stage: object) -> None:
    if stage not in STAGES or isinstance(stage, bool):
        raise AuditkitError(msg("roadmap.error.not_a_stage", stage=repr(stage), stages=commas(list(STAGES))))


def _check_dependencies(audit: Audit, added: ManualAction) -> None:
    manual = {item.id: item for item in audit.roadmap.added} | {added.id: added}
    generated = {action.id for action in generated_actions(audit)}
    unknown = [d for d in added.depends_on if d not in manual and d not in generated]
    if unknown:
        valid = commas(sorted(generated | set(manual) - {added.id}))
        raise AuditkitError(
            msg("roadmap.error.unknown_dependencies", action=added.id, unknown=commas(unknown), valid=valid)
        )
    trail: set[str] = set()
    frontier = list(added.depends_on)
    while frontier:
        current = frontier.pop()
        if current == added.id:
            raise AuditkitError(
                msg("roadmap.error.depends_on_itself", action=added.id, through=commas(added.depends_on))
            )
        if current in trail or current not in manual:
            continue
        trail.add(current)
        frontier += manual[current].depends_on


def _ids(ids: list[str]) -> Message | str:
    """Action ids in a list, or "none"."""
    return commas(ids) or msg("roadmap.error.none")


def _manual_index(audit: Audit, action_id: str) -> int | None:
    return next((i for i, item in enumerate(audit.roadmap.added) if item.id == action_id), None)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48]
