"""The strategy's obstacles: what stands in the way, from when, and which actions of the plan it threatens.

The consultant picks the threatened actions by their titles in the audit's language; the file keeps the
ids of the rules those actions answer (``Obstacle.affects``), which the roadmap schedules before the date.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from auditkit.findings import RULES
from auditkit.locale import msg
from auditkit.model import Audit, Obstacle
from auditkit.plan import PLAN
from auditkit.ui.fields import field, field_label, message_slot, slot_html
from auditkit.ui.lists import RowList
from auditkit.ui.session import AuditSession, Event, FieldPath

OBSTACLES_PATH: FieldPath = ("strategy", "obstacles")
TEXT_WIDTH = "24em"
DEADLINE_WIDTH = "11em"
ACTIONS_WIDTH = "26em"
ANY_ITEMS = "…"
"""Stands for the items an action will name (its title's ``{names}``): the roadmap knows them, not the list."""


def action_options(language: str, chosen: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The actions an obstacle may threaten, as ``(title, rule id)`` sorted by title in ``language``.

    Only actions that answer a rule are offered (``affects`` holds rule ids); an id of ``chosen`` that
    names no rule is kept, shown as itself, so that opening a file never drops it.
    """
    offered = sorted(
        ((msg(step.title.id, names=ANY_ITEMS)(language), key) for key, step in PLAN.items() if key in RULES),
        key=lambda option: option[0].casefold(),
    )
    known = {key for _, key in offered}
    return offered + [(rule_id, rule_id) for rule_id in chosen if rule_id not in known]


class ThreatenedActions:
    """A multiple choice of the actions an obstacle threatens, written back as rule ids."""

    def __init__(self, session: AuditSession, path: FieldPath) -> None:
        self.session = session
        self.path = path
        self.error: str | None = None
        self.control = widgets.SelectMultiple(
            rows=4,
            tooltip=session.say("ui.obstacles.affects_hint"),
            layout=widgets.Layout(width="max-content", min_width=ACTIONS_WIDTH),
        )
        self.control.add_class("auditkit-field-affects")
        self.message = message_slot(self.control, indent=False)
        self.widget = widgets.VBox([self.control, self.message])
        self._updating = False
        self.refresh()
        self.control.observe(self._on_value, "value")

    def refresh(self) -> None:
        chosen: list[str] = list(self.session.get(self.path) or [])
        self._updating = True
        try:
            self.control.options = action_options(self.session.language, chosen)
            self.control.value = tuple(chosen)
        finally:
            self._updating = False
        self._show(None)

    def _on_value(self, change: dict[str, Any]) -> None:
        if self._updating:
            return
        problems = self.session.set(self.path, list(change["new"]))
        self._show(self.session.problems_text(problems) if problems else None)

    def _show(self, error: str | None) -> None:
        self.error = error
        self.message.value = slot_html(error)


def new_obstacle(audit: Audit, text: str) -> Obstacle:
    """The obstacle "Add" appends once its text is typed."""
    return Obstacle(text=text)


def obstacle_row(session: AuditSession, path: FieldPath) -> list[widgets.Widget]:
    """The text, the date and the threatened actions of one obstacle."""
    return [
        field(
            session, (*path, "text"), label=session.say("ui.obstacles.text"), compact=True, width=TEXT_WIDTH
        ).widget,
        field(
            session,
            (*path, "deadline"),
            label=session.say("ui.obstacles.deadline"),
            compact=True,
            width=DEADLINE_WIDTH,
        ).widget,
        ThreatenedActions(session, (*path, "affects")).widget,
    ]


def obstacles_list(session: AuditSession) -> widgets.VBox:
    """The obstacles as rows to add, remove and reorder, refreshed when the audit is reloaded."""
    rows = RowList(
        session,
        OBSTACLES_PATH,
        label=session.text(field_label("Strategy", "obstacles")),
        row=lambda path: obstacle_row(session, path),
        new_row=new_obstacle,
        placeholder="ui.new.obstacle",
        header=[
            (session.say("ui.obstacles.text"), TEXT_WIDTH),
            (session.say("ui.obstacles.deadline"), DEADLINE_WIDTH),
            (session.say("ui.obstacles.affects"), ACTIONS_WIDTH),
        ],
    )
    session.on_change(lambda event: rows.refresh() if event is Event.RELOAD else None)
    rows.widget.add_class("auditkit-obstacles")
    return rows.widget
