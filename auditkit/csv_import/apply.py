"""Applying a previewed import plan, the only step that changes the audit, and undoing it."""

from __future__ import annotations

from auditkit.csv_import.errors import CsvImportError
from auditkit.csv_import.preview import ImportPlan
from auditkit.locale import msg
from auditkit.model import Audit, EngagementMeasure


def apply_plan(audit: Audit, plan: ImportPlan) -> Audit:
    """A validated copy of ``audit`` with the plan's changes made to its channel (each field's new value).

    Raises:
        CsvImportError: the plan's channel is no longer where the preview found it.
    """
    return _with_values(audit, plan, {change.field: change.new for change in plan.changes})


def undo_plan(audit: Audit, plan: ImportPlan) -> Audit:
    """A validated copy of ``audit`` with the fields ``plan`` changed back to their values before it.

    Raises:
        CsvImportError: the plan's channel is no longer where the import found it.
    """
    return _with_values(audit, plan, {change.field: change.old for change in plan.changes})


def _with_values(audit: Audit, plan: ImportPlan, values: dict[str, object]) -> Audit:
    document = audit.model_dump()
    channel = document["channels"][plan.channel_index] if plan.channel_index < len(audit.channels) else None
    if channel is None or channel["id"] != plan.channel_id:
        raise CsvImportError(plan.source, msg("csv.error.channel_moved", channel=plan.channel_id))
    for path, value in values.items():
        name = path.rsplit(".", 1)[1]
        channel[name] = value.model_dump() if isinstance(value, EngagementMeasure) else value
    return Audit.model_validate(document)
