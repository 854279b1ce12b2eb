"""Applying a previewed import plan: the only step that changes the audit."""

from __future__ import annotations

from auditkit.csv_import.errors import CsvImportError
from auditkit.csv_import.preview import ImportPlan
from auditkit.locale import msg
from auditkit.model import Audit, EngagementMeasure


def apply_plan(audit: Audit, plan: ImportPlan) -> Audit:
    """A validated copy of ``audit`` with the plan's changes made to its channel.

    Raises:
        CsvImportError: the plan's channel is no longer where the preview found it.
    """
    document = audit.model_dump()
    channel = document["channels"][plan.channel_index]
    if channel["id"] != plan.channel_id:
        raise CsvImportError(plan.source, msg("csv.error.channel_moved", channel=plan.channel_id))
    for change in plan.changes:
        name = change.field.rsplit(".", 1)[1]
        value = change.new
        channel[name] = value.model_dump() if isinstance(value, EngagementMeasure) else value
    return Audit.model_validate(document)
