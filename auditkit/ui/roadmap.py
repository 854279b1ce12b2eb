"""Step 06: review the staged roadmap: move, edit, drop or add actions, then export the plan.

The roadmap is rebuilt from the audit after every edit (an :class:`auditkit.run.AuditRun` of it), so
the stages' hours, the capacity overflows and the projected scores always match what is shown. The
consultant's edits are stored in the audit file (``audit.roadmap``) by the functions of
:mod:`auditkit.roadmap`, and survive a regeneration. Text fields commit when the cursor leaves them
(not at each keystroke): an edit rebuilds the whole plan.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from auditkit import charts
from auditkit.errors import AuditkitError
from auditkit.export import write_roadmap
from auditkit.locale import msg
from auditkit.locale.formats import day, decimal
from auditkit.model import Audit
from auditkit.roadmap import (
    OWNER_ROLES,
    STAGES,
    Action,
    ChangeKind,
    Roadmap,
    add_action,
    drop_action,
    edit_action,
    restore_action,
)
from auditkit.run import AuditRun
from auditkit.ui.common import download_link, heading, step_box
from auditkit.ui.fields import NOT_KNOWN, known, language_options, shown_choice, typed_number
from auditkit.ui.figures import LiveFigure
from auditkit.ui.lists import column_header
from auditkit.ui.session import AuditSession, Event
from auditkit.ui.workspace import export_name, workspace_path

EXPORT_FORMATS = (".xlsx", ".csv", ".ics", ".md")

MOVE_KINDS = frozenset(
    {
        ChangeKind.STAGE_RAISED,
        ChangeKind.MOVED_WITH_DEPENDENCY,
        ChangeKind.MOVED_WITH_DEPENDENT,
        ChangeKind.MOVED_FOR_ROOM,
        ChangeKind.MOVED_UP,
        ChangeKind.DEADLINE_MISSED,
    }
)
"""The changes a move of the consultant's can cause elsewhere in the plan."""

TEXT_FIELDS = ("title", "description", "done_when")


def stages_html(roadmap: Roadmap, language: str) -> str:
    """The stages as an HTML table: window, hours against capacity, projected scores, action count."""
    head = "".join(
        f"<th>{html.escape(msg(f'ui.roadmap.{key}')(language))}</th>"
        for key in ("stage", "window", "hours", "projected", "actions")
    )
    rows = []
    for stage in roadmap.stages:
        capacity = "∞" if stage.capacity_hours is None else decimal(stage.capacity_hours, language, 1)
        warning = " ⚠" if stage.over_capacity else ""
        projected = f"{decimal(stage.projected_overall, language)} / {decimal(stage.projected_completeness, language)}"
        rows.append(
            "<tr>"
            f"<td>{html.escape(msg('ui.roadmap.month', n=stage.month)(language))}</td>"
            f"<td>{day(stage.start, language)} → {day(stage.due, language)}</td>"
            f"<td>{decimal(stage.hours, language, 1)} / {capacity}{warning}</td>"
            f"<td>{projected}</td>"
            f"<td>{len(stage.actions)}</td>"
            "</tr>"
        )
    notes = "".join(f"<li>{html.escape(note(language))}</li>" for note in roadmap.notes)
    changes = "".join(f"<li>{html.escape(change.message(language))}</li>" for change in roadmap.changes)
    text = f'<table class="auditkit-table auditkit-stages"><tr>{head}</tr>{"".join(rows)}</table>'
    if notes:
        text += f"<ul>{notes}</ul>"
    if changes:
        text += f"<p><b>{html.escape(msg('ui.roadmap.changes')(language))}</b></p><ul>{changes}</ul>"
    return text


def owner_label(role: str | None, language: str) -> str:
    """An owner role as a person reads it: a known role in ``language``, else the text as typed."""
    known = OWNER_ROLES.get(role or "")
    return known(language) if known else role or ""


def owner_role(text: str) -> str | None:
    """The owner role for a typed or picked text: a known role's code when the text names one."""
    text = text.strip()
    for code, label in OWNER_ROLES.items():
        if text.casefold() in {code.casefold(), *(name.casefold() for name in label.to_dict().values())}:
            return code
    return text or None


def _where(action: Action, dropped: bool, language: str) -> str:
    if dropped:
        return msg("ui.roadmap.dropped")(language)
    if action.stage is None:
        return msg("ui.roadmap.backlog")(language)
    return f"M{action.stage}"


class ActionEditor:
    """The fields of one action; each committed change is recorded in the audit as an edit."""

    def __init__(self, view: RoadmapView, action: Action, dropped: bool) -> None:
        self.view = view
        self.action = action
        session = view.session
        language = session.language
        say = session.say
        suffix = language
        stages: list[tuple[str, Any]] = [(say("ui.roadmap.month", n=month), month) for month in STAGES]
        if action.origin != "manual":
            stages.insert(0, (say("ui.roadmap.automatic"), NOT_KNOWN))
        self.stage = widgets.Dropdown(
            options=stages,
            value=action.stage if action.stage in STAGES else shown_choice(None),
            description=say("ui.roadmap.stage"),
            disabled=dropped,
            style={"description_width": "10em"},
            layout=widgets.Layout(width="26em"),
        )
        self.stage.add_class("auditkit-roadmap-stage")
        self.stage.observe(lambda change: self._commit(stage=known(change["new"])), "value")
        self.texts: dict[str, widgets.ValueWidget] = {}
        for name in TEXT_FIELDS:
            multiline = name == "description"
            control_type = widgets.Textarea if multiline else widgets.Text
            control = control_type(
                value=getattr(action, name)(language),
                description=say(f"ui.roadmap.{name}"),
                continuous_update=False,
                disabled=dropped,
                layout=widgets.Layout(width="46em"),
                style={"description_width": "10em"},
            )
            control.add_class(f"auditkit-roadmap-{name}")
            control.observe(
                lambda change, name=name: self._commit(**{f"{name}_{suffix}": change["new"]}), "value"
            )
            self.texts[name] = control
        self.owner = widgets.Combobox(
            value=owner_label(action.owner_role, language),
            options=[label(language) for label in OWNER_ROLES.values()],
            ensure_option=False,
            description=say("ui.roadmap.owner_role"),
            continuous_update=False,
            disabled=dropped,
            style={"description_width": "10em"},
            layout=widgets.Layout(width="30em"),
        )
        self.owner.add_class("auditkit-roadmap-owner_role")
        self.owner.observe(lambda change: self._commit(owner_role=owner_role(change["new"])), "value")
        self.numbers = {}
        for name in ("effort_hours", "cost"):
            control = widgets.Text(
                value=decimal(getattr(action, name), language, 2, grouping=False),
                description=say(f"ui.roadmap.{name}"),
                continuous_update=False,
                disabled=dropped,
                style={"description_width": "10em"},
            )
            control.add_class(f"auditkit-roadmap-{name}")
            control.observe(lambda change, name=name: self._commit_number(name, change["new"]), "value")
            self.numbers[name] = control
        self.note = widgets.Textarea(
            value=action.consultant_note,
            description=say("ui.roadmap.note"),
            continuous_update=False,
            disabled=dropped,
            layout=widgets.Layout(width="46em"),
            style={"description_width": "10em"},
        )
        self.note.observe(lambda change: self._commit(note=change["new"]), "value")
        self.drop_button = widgets.Button(
            description=say("ui.roadmap.drop"),
            icon="trash",
            button_style="danger",
            disabled=dropped,
            layout=widgets.Layout(width="auto"),
        )
        self.drop_button.on_click(lambda _: view.apply(lambda audit: drop_action(audit, action.id)))
        self.restore_button = widgets.Button(
            description=say("ui.roadmap.restore"),
            icon="undo",
            disabled=not action.edited or action.origin == "manual",
            layout=widgets.Layout(width="auto"),
        )
        self.restore_button.on_click(lambda _: view.apply(lambda audit: restore_action(audit, action.id)))
        origin = (
            say("ui.roadmap.manual")
            if action.origin == "manual"
            else say(
                "ui.roadmap.answers",
                rules="; ".join(msg(f"rule.{code}.title")(language) for code in action.findings) or "—",
            )
        )
        why = [action.note(language)] if action.note else []
        if action.priority_text is not None:
            why.insert(0, say("ui.roadmap.priority", text=action.priority_text))
        why += [change.message(language) for change in action.changes]
        info = widgets.HTML(
            f'<span class="auditkit-hint">{html.escape(origin)}</span>'
            + "".join(f"<br><i>{html.escape(line)}</i>" for line in why)
        )
        info.add_class("auditkit-roadmap-why")
        self.widget = widgets.VBox(
            [
                info,
                self.stage,
                *self.texts.values(),
                self.owner,
                *self.numbers.values(),
                self.note,
                widgets.HBox([self.drop_button, self.restore_button]),
            ]
        )

    def _commit(self, **fields: Any) -> None:
        if self.view.apply(lambda audit: edit_action(audit, self.action.id, **fields)) and "stage" in fields:
            self.view.show_moves()

    def _commit_number(self, name: str, text: str) -> None:
        try:
            value = typed_number(text, self.view.session.language)
        except ValueError as error:
            self.view.show_error(self.view.session.error_text(error))
            return
        self._commit(**{name: value})


class RoadmapView:
    """The stages table, the actions with the selected one's editor, the add form, export and charts."""

    def __init__(self, session: AuditSession, folder: Path | None = None) -> None:
        self.session = session
        self.folder = folder or session.path.parent
        self.run = AuditRun(session.audit)
        self.roadmap = self.run.roadmap
        language = session.language
        say = session.say
        self.stages = widgets.HTML()
        self.message = widgets.HTML()
        self.select = widgets.Select(layout=widgets.Layout(width="100%", height="14em"))
        self.select.add_class("auditkit-roadmap-actions")
        self._updating = False
        self.select.observe(lambda _: None if self._updating else self._show_editor(), "value")
        self.detail = widgets.VBox(layout=widgets.Layout(border="1px solid #e5e7eb", padding="6px"))
        self.new_stage = widgets.Dropdown(
            options=[(say("ui.roadmap.month", n=month), month) for month in STAGES],
            layout=widgets.Layout(width="10em"),
        )
        self.new_title = widgets.Text(
            placeholder=say("ui.roadmap.title"), layout=widgets.Layout(width="26em")
        )
        self.new_effort = widgets.Text(placeholder="0", layout=widgets.Layout(width="10em"))
        self.add_button = widgets.Button(
            description=say("ui.list.add"),
            icon="plus",
            button_style="success",
            layout=widgets.Layout(width="auto"),
        )
        self.add_button.on_click(lambda _: self.add())
        self.format = widgets.Dropdown(
            options=[(say(f"ui.roadmap.format{suffix}"), suffix) for suffix in EXPORT_FORMATS],
            layout=widgets.Layout(width="12em"),
        )
        self.file_name = widgets.Text(
            value=export_name(session.audit.engagement.client, "roadmap", session.language),
            placeholder=say("ui.common.file_name"),
            layout=widgets.Layout(width="20em"),
        )
        self.language = widgets.Dropdown(
            options=language_options(),
            value=language,
            layout=widgets.Layout(width="9em"),
        )
        self.export_button = widgets.Button(
            description=say("ui.roadmap.export_button"), icon="download", layout=widgets.Layout(width="auto")
        )
        self.export_button.on_click(lambda _: self.export())
        self.export_message = widgets.HTML()
        self.timeline = LiveFigure(charts.roadmap_timeline(self.roadmap, language))
        self.projection = LiveFigure(charts.projected_scores(self.roadmap, self.run.scorecard, language))
        self.widget = widgets.VBox(
            [
                heading(say("ui.roadmap.stages")),
                self.stages,
                heading(say("ui.roadmap.actions")),
                widgets.HTML(f'<span class="auditkit-hint">{html.escape(say("ui.roadmap.pick"))}</span>'),
                self.select,
                self.message,
                self.detail,
                heading(say("ui.roadmap.add_action")),
                column_header(
                    [
                        (say("ui.roadmap.stage"), "10em"),
                        (say("ui.roadmap.title"), "26em"),
                        (say("ui.roadmap.effort_hours"), "10em"),
                    ]
                ),
                widgets.HBox([self.new_stage, self.new_title, self.new_effort, self.add_button]),
                heading(say("ui.roadmap.export")),
                column_header(
                    [
                        (say("ui.common.file_name"), "20em"),
                        (say("ui.roadmap.format"), "12em"),
                        (say("ui.common.language"), "9em"),
                    ]
                ),
                widgets.HBox([self.file_name, self.format, self.language, self.export_button]),
                self.export_message,
                heading(say("ui.roadmap.charts")),
                self.timeline.widget,
                self.projection.widget,
            ]
        )
        self._show_roadmap()
        session.on_change(self._on_session)

    def entries(self) -> list[tuple[Action, bool]]:
        """Every action with whether it is dropped: scheduled stage by stage, then backlog, then dropped."""
        roadmap = self.roadmap
        return [
            *((action, False) for action in roadmap.actions),
            *((action, False) for action in roadmap.backlog),
            *((action, True) for action in roadmap.dropped),
        ]

    def apply(self, change: Callable[[Audit], None]) -> bool:
        """Record an edit of the roadmap in the audit (refused edits are shown, nothing is saved)."""
        problems = self.session.edit(change)
        if problems:
            self.show_error(self.session.problems_text(problems))
            return False
        self.message.value = ""
        return True

    def show_moves(self) -> None:
        """Say what else the last move sent elsewhere, and which dates it breaks."""
        language = self.session.language
        moved = [change.message(language) for change in self.roadmap.changes if change.kind in MOVE_KINDS]
        if moved:
            items = "".join(f"<li>{html.escape(text)}</li>" for text in moved)
            title = html.escape(self.session.say("ui.roadmap.moved_too"))
            self.message.value = f'<div class="auditkit-roadmap-moves"><b>{title}</b><ul>{items}</ul></div>'

    def show_error(self, text: str) -> None:
        self.message.value = f'<span class="auditkit-error">⚠ {html.escape(text)}</span>'

    def add(self) -> bool:
        """Add the action described by the add form to its stage."""
        title = self.new_title.value.strip()
        if not title:
            self.show_error(self.session.say("ui.roadmap.need_title"))
            return False
        try:
            effort = typed_number(self.new_effort.value, self.session.language) or 0.0
        except ValueError as error:
            self.show_error(self.session.error_text(error))
            return False
        language = self.session.language
        added: list[str] = []

        def change(audit: Audit) -> None:
            action = add_action(
                audit, self.new_stage.value, **{f"title_{language}": title}, effort_hours=effort
            )
            added.append(action.id)

        if not self.apply(change):
            return False
        self.new_title.value = self.new_effort.value = ""
        self.select.value = added[0]
        return True

    def export(self) -> Path | None:
        """Write the roadmap in the chosen format in the folder, under the name typed (see :func:`workspace_path`)."""
        try:
            path = workspace_path(self.folder, self.file_name.value.strip() or "roadmap", self.format.value)
            written = write_roadmap(self.roadmap, path, self.language.value)
        except (AuditkitError, OSError) as error:
            self.export_message.value = (
                f'<span class="auditkit-error">⚠ {html.escape(self.session.error_text(error))}</span>'
            )
            return None
        self.export_message.value = (
            html.escape(self.session.say("ui.common.written", paths=written.name))
            + "<br>"
            + download_link(self.session, written)
        )
        return written

    def refresh(self) -> None:
        """Rebuild the roadmap from the audit and show it (charts updated in place)."""
        run = AuditRun(self.session.audit)
        try:
            self.roadmap = run.roadmap
        except AuditkitError as error:
            self.show_error(self.session.error_text(error))
            return
        self.run, language, roadmap = run, self.session.language, self.roadmap
        self.timeline.update(None, lambda: charts.roadmap_timeline(roadmap, language))
        self.projection.update(None, lambda: charts.projected_scores(roadmap, run.scorecard, language))
        self._show_roadmap()

    def _show_roadmap(self) -> None:
        language = self.session.language
        self.stages.value = stages_html(self.roadmap, language)
        selected = self.select.value
        options = [
            (
                f"{_where(action, dropped, language)} · {action.title(language)} · {decimal(action.effort_hours, language, 1)} h",
                action.id,
            )
            for action, dropped in self.entries()
        ]
        ids = [value for _, value in options]
        self._updating = True
        try:
            self.select.options = options
            self.select.value = selected if selected in ids else (ids[0] if ids else None)
        finally:
            self._updating = False
        self._show_editor()

    def _show_editor(self) -> None:
        entries = {action.id: (action, dropped) for action, dropped in self.entries()}
        if self.select.value not in entries:
            self.detail.children = [widgets.HTML(html.escape(self.session.say("ui.roadmap.empty")))]
            return
        action, dropped = entries[self.select.value]
        self.detail.children = [ActionEditor(self, action, dropped).widget]

    def _on_session(self, event: Event) -> None:
        if event is not Event.SAVED:
            self.refresh()


def roadmap_step(session: AuditSession) -> widgets.VBox:
    """The roadmap step: stages, actions and their editor, add form, export, charts."""
    return step_box(session, "roadmap", [RoadmapView(session).widget])
