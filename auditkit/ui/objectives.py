"""Step 01: the objectives (SMART, at most three, one primary) and the indicators that prove them."""

from __future__ import annotations

import ipywidgets as widgets

from auditkit.model import Audit, Indicator, Lens, Objective, ObjectiveKind
from auditkit.ui.common import step_box
from auditkit.ui.fields import field, field_label
from auditkit.ui.lists import ItemList, RowList, compact_row, derived_id, labelled_columns
from auditkit.ui.session import AuditSession, FieldPath

OBJECTIVE_FIELDS = [
    "statement",
    "kind",
    "primary",
    "metric",
    "unit",
    "baseline",
    "target",
    "deadline",
    "current",
    "current_date",
]
INDICATOR_COLUMNS = (("name", "16em"), ("lens", "16em"), ("definition", "18em"), ("source", "12em"))


def new_objective(audit: Audit, statement: str) -> Objective:
    """The objective "Add" appends once its statement is typed; its id comes from the statement."""
    return Objective(
        id=derived_id(audit, "objectives", statement), statement=statement, kind=ObjectiveKind.AWARENESS
    )


def new_indicator(audit: Audit, name: str) -> Indicator:
    """The indicator "Add" appends once its name is typed."""
    return Indicator(name=name, lens=Lens.ROA)


def indicator_row(session: AuditSession, path: FieldPath) -> list[widgets.Widget]:
    """The compact fields of one indicator."""
    return compact_row(session, path, INDICATOR_COLUMNS)


def objective_editor(session: AuditSession, index: int) -> widgets.VBox:
    """Every field of the objective at ``index``."""
    path = ("objectives", index)
    fields = [field(session, (*path, name)).widget for name in OBJECTIVE_FIELDS]
    audiences = field(session, (*path, "stakeholders")).widget
    indicators = RowList(
        session,
        (*path, "indicators"),
        label=session.text(field_label("Objective", "indicators")),
        row=lambda row_path: indicator_row(session, row_path),
        new_row=new_indicator,
        placeholder="ui.new.indicator",
        header=labelled_columns(session, (*path, "indicators"), INDICATOR_COLUMNS),
    )
    return widgets.VBox([*fields, audiences, indicators.widget])


def objectives_step(session: AuditSession) -> widgets.VBox:
    """The objectives of the audit: a list to add, remove and reorder, and the selected one's editor."""
    items = ItemList(
        session,
        "objectives",
        title=lambda objective: ("★ " if objective.primary else "") + objective.statement,
        editor=lambda index: objective_editor(session, index),
        new_item=new_objective,
        placeholder="ui.new.objective",
    )
    return step_box(session, "objectives", [items.widget])
