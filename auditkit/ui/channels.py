"""Step 03: the channel inventory, with figures imported from a platform's CSV export."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from pydantic import ValidationError

from auditkit import store
from auditkit.csv_import import DEFAULT_DEFINITION
from auditkit.locale import label, msg
from auditkit.locale.formats import DASH, decimal, percent_points
from auditkit.model import Audit, Channel, EngagementMeasure
from auditkit.platforms import Platform
from auditkit.ui.common import definition_choice, heading, show_definition, step_box
from auditkit.ui.csv_import import CsvImportPanel
from auditkit.ui.fields import (
    INVALID_CLASS,
    LABEL_WIDTH,
    enum_label,
    field,
    field_label,
    shown_at,
    typed_at,
)
from auditkit.ui.lists import ItemList, column_header, derived_id
from auditkit.ui.session import AuditSession, Event

HEAD_FIELDS = [
    "name",
    "platform",
    "handle",
    "handle_state",
    "status",
    "operator",
    "owner",
    "audience_size",
    "posts_per_week",
]
TAIL_FIELDS = ["median_response_minutes", "last_post", "started", "hours_per_week", "monthly_budget"]
JUDGEMENT_FIELDS = ["cross_posted_unchanged", "added_value", "emerging", "assessed_before_launch"]
MEASURE_FIELDS = ("rate", "interactions", "base")

INVENTORY_COLUMNS = (
    "ui.column.channel",
    "ui.field.platform",
    "ui.field.status",
    "ui.field.audience",
    "ui.field.posts_per_week",
    "ui.column.engagement_rate",
    "ui.field.owner",
)
DEFINITION_WIDTH = "22em"
NUMBER_WIDTH = "9em"


def new_channel(audit: Audit, name: str) -> Channel:
    """The channel "Add" appends once its name is typed; its id comes from the name."""
    return Channel(id=derived_id(audit, "channels", name), name=name, platform=Platform.OTHER_SOCIAL)


class EngagementEditor:
    """The engagement measure of a channel: definition, then a rate or interactions over a base."""

    def __init__(self, session: AuditSession, index: int) -> None:
        self.session = session
        self.path = ("channels", index, "engagement")
        self.error: str | None = None
        self.definition = definition_choice(session, widgets.Layout(width=DEFINITION_WIDTH))
        self.numbers = {
            name: widgets.Text(
                placeholder=session.text(field_label("EngagementMeasure", name)),
                tooltip=session.text(field_label("EngagementMeasure", name)),
                layout=widgets.Layout(width=NUMBER_WIDTH),
            )
            for name in MEASURE_FIELDS
        }
        self.message = widgets.HTML()
        for control in (self.definition, *self.numbers.values()):
            control.add_class("auditkit-field-engagement")
        self._updating = False
        self.refresh()
        for control in (self.definition, *self.numbers.values()):
            control.observe(self._on_value, "value")
        caption = widgets.HTML(
            html.escape(session.text(field_label("Channel", "engagement"))),
            tooltip=session.say("ui.channels.engagement_hint"),
            layout=widgets.Layout(width=LABEL_WIDTH, min_width=LABEL_WIDTH),
        )
        columns = [(session.say("ui.channels.definition"), DEFINITION_WIDTH)] + [
            (session.text(field_label("EngagementMeasure", name)), NUMBER_WIDTH) for name in MEASURE_FIELDS
        ]
        self.widget = widgets.VBox(
            [
                column_header(columns, indent=LABEL_WIDTH),
                widgets.HBox([caption, self.definition, *self.numbers.values()]),
                self.message,
            ]
        )

    def refresh(self) -> None:
        measure: EngagementMeasure | None = self.session.get(self.path)
        self._updating = True
        try:
            show_definition(self.definition, measure.definition if measure else DEFAULT_DEFINITION)
            for name, control in self.numbers.items():
                control.value = shown_at(
                    self.session, (*self.path, name), getattr(measure, name) if measure else None
                )
        finally:
            self._updating = False
        self._show(None)

    def _on_value(self, _change: dict[str, Any]) -> None:
        if self._updating:
            return
        try:
            values = {
                name: typed_at(self.session, (*self.path, name), control.value)
                for name, control in self.numbers.items()
            }
        except ValueError as error:
            self._show(str(error))
            return
        measure: EngagementMeasure | None = None
        if any(value is not None for value in values.values()):
            try:
                measure = EngagementMeasure(
                    definition=self.definition.value.strip() or DEFAULT_DEFINITION, **values
                )
            except ValidationError as error:
                self._show(self.session.problems_text(store.validation_problems(error)))
                return
        problems = self.session.set(self.path, measure)
        self._show(self.session.problems_text(problems) if problems else None)

    def _show(self, message: str | None) -> None:
        self.error = message
        for control in (self.definition, *self.numbers.values()):
            (control.add_class if message else control.remove_class)(INVALID_CLASS)
        self.message.value = (
            f'<span class="auditkit-error">⚠ {html.escape(message)}</span>' if message else ""
        )


def channel_editor(session: AuditSession, index: int) -> widgets.VBox:
    """Every field of the channel at ``index``."""
    path = ("channels", index)
    head = [field(session, (*path, name)).widget for name in HEAD_FIELDS]
    engagement = EngagementEditor(session, index)
    tail = [field(session, (*path, name)).widget for name in TAIL_FIELDS]
    references = [field(session, (*path, name)).widget for name in ("objectives", "stakeholders")]
    judgement = [field(session, (*path, name)).widget for name in JUDGEMENT_FIELDS]
    return widgets.VBox([*head, engagement.widget, *tail, *references, *judgement])


def inventory_html(audit: Audit) -> str:
    """The channel inventory as an HTML table (every typed text escaped)."""
    language = audit.engagement.language
    head = "".join(f"<th>{html.escape(msg(column)(language))}</th>" for column in INVENTORY_COLUMNS)
    rows = []
    for channel in audit.channels:
        engagement = channel.engagement
        cells = [
            html.escape(channel.name),
            html.escape(label(channel.platform)(language)),
            html.escape(label(channel.status)(language)),
            f'<span class="num">{decimal(channel.audience_size, language)}</span>',
            decimal(channel.posts_per_week, language, 1),
            percent_points(engagement.percent, language, 2) if engagement else DASH,
            html.escape(channel.owner or DASH),
        ]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return f'<table class="auditkit-table auditkit-inventory"><tr>{head}</tr>{"".join(rows)}</table>'


def channels_step(session: AuditSession) -> widgets.VBox:
    """The inventory table, the channel list with its editor, and the CSV import."""
    inventory = widgets.HTML(inventory_html(session.audit))
    items = ItemList(
        session,
        "channels",
        title=lambda channel: f"{channel.name} · {enum_label(channel.status, session.language)}",
        editor=lambda index: channel_editor(session, index),
        new_item=new_channel,
        placeholder="ui.new.channel",
    )

    def on_change(event: Event) -> None:
        if event is not Event.SAVED:
            inventory.value = inventory_html(session.audit)

    session.on_change(on_change)
    importer = CsvImportPanel(session, on_applied=items.refresh)
    return step_box(
        session,
        "channels",
        [
            heading(session.say("ui.channels.inventory")),
            inventory,
            heading(session.say("ui.channels.edit")),
            items.widget,
            importer.widget,
        ],
    )
