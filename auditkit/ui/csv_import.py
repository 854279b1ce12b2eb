"""The column-mapping widget of the CSV import: load a file, confirm the mapping, preview, apply.

The logic lives in :mod:`auditkit.csv_import`; this module only shows it: the tool the export comes
from, the proposed mapping (each column's name and an example value), why a follower column is not used
as the audience size, and the engagement definition in words. The file is an upload, or
the name of a file in the workspace folder (never a path: see :func:`~auditkit.ui.workspace.workspace_path`).
Nothing changes in the audit before the user has seen the preview of the changes (old value → new value)
and pressed "Apply"; "Undo the import" then puts the earlier values back. Every text is a catalogue message, read in the audit's language.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from auditkit.csv_import import (
    TARGET_LABELS,
    CsvImportError,
    CsvTable,
    Definition,
    ImportPlan,
    Mapping,
    Proposal,
    Source,
    Target,
    apply_plan,
    definition_name,
    guess_channel,
    plan_import,
    propose_mapping,
    read_csv,
    read_csv_file,
    suggest_definition,
    undo_plan,
)
from auditkit.errors import AuditkitError
from auditkit.locale import Message, formats, msg, show
from auditkit.model import EngagementMeasure
from auditkit.ui.lists import column_header
from auditkit.ui.session import AuditSession
from auditkit.ui.workspace import workspace_path

COLUMN_WIDTH = "24em"
TARGET_WIDTH = "20em"
SHOWN_NOTES = 12


def _short(text: str, length: int = 24) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def describe_value(value: object, lang: str) -> str:
    """A channel field's value as a person reads it in language ``lang``."""
    if value is None:
        return formats.DASH
    if isinstance(value, EngagementMeasure):
        shown = formats.percent_points(value.percent, lang, 2)
        if value.rate is None:
            interactions = formats.decimal(value.interactions, lang, 2)
            shown = f"{interactions} / {formats.decimal(value.base, lang, 2)} = {shown}"
        return f"{shown} ({show(definition_name(value.definition), lang)})"
    if isinstance(value, date):
        return formats.day(value, lang)
    if isinstance(value, float | int):
        return formats.decimal(value, lang, 2)
    return str(value)


def _error_html(text: str, tag: str = "span") -> str:
    return f'<{tag} class="auditkit-error">⚠ {html.escape(text)}</{tag}>'


class CsvImportPanel:
    """Load a CSV export, map its columns, preview the changes on a channel, then apply them.

    Args:
        session: the audit session.
        on_applied: called with the channel's index after an import was applied.
        folder: the workspace folder, where a typed file name is looked for (default: the audit's).
    """

    def __init__(
        self,
        session: AuditSession,
        on_applied: Callable[[int], None] | None = None,
        folder: Path | None = None,
    ) -> None:
        self.session = session
        self.folder = folder or session.path.parent
        self._on_applied = on_applied
        self.table: CsvTable | None = None
        self.plan: ImportPlan | None = None
        say = self.say
        self.upload = widgets.FileUpload(
            accept=".csv,.txt,.tsv,text/csv", multiple=False, description=say(msg("csv.ui.upload"))
        )
        self.upload.layout.width = "auto"
        self.upload.observe(self._on_upload, "value")
        self.file_name = widgets.Text(
            placeholder=say(msg("csv_safety.ui.file_name")), layout=widgets.Layout(width="24em")
        )
        self.load_button = widgets.Button(
            description=say(msg("csv.ui.load")), icon="folder-open", layout=widgets.Layout(width="auto")
        )
        self.load_button.on_click(lambda _: self.load_name(self.file_name.value))
        self.channel = widgets.Dropdown(
            description=say(msg("csv.ui.channel")),
            layout=widgets.Layout(width="34em"),
            style={"description_width": "initial"},
        )
        self.rows_are_posts = widgets.Checkbox(description=say(msg("csv.ui.rows_are_posts")), indent=False)
        self.definition = widgets.Dropdown(
            description=say(msg("csv.ui.definition")),
            options=self._definition_options(None),
            layout=widgets.Layout(width="40em"),
            style={"description_width": "initial"},
        )
        self.info = widgets.HTML()
        self.proposal = widgets.HTML()
        self.applied: ImportPlan | None = None
        self.columns = widgets.VBox()
        self.preview_button = widgets.Button(
            description=say(msg("csv.ui.preview")),
            icon="eye",
            button_style="info",
            layout=widgets.Layout(width="auto"),
        )
        self.preview_button.on_click(lambda _: self.preview())
        self.apply_button = widgets.Button(
            description=say(msg("csv.ui.apply")),
            icon="check",
            button_style="success",
            disabled=True,
            layout=widgets.Layout(width="auto"),
        )
        self.apply_button.on_click(lambda _: self.apply())
        self.undo_button = widgets.Button(
            description=say(msg("csv.ui.undo")),
            icon="undo",
            layout=widgets.Layout(width="auto", display="none"),
        )
        self.undo_button.on_click(lambda _: self.undo())
        self.diff = widgets.HTML()
        self.message = widgets.HTML()
        headers = [(say(msg("csv.ui.file_column")), COLUMN_WIDTH), (say(msg("csv.ui.feeds")), TARGET_WIDTH)]
        self.mapping_box = widgets.VBox(
            [
                self.info,
                self.proposal,
                self.channel,
                column_header(headers),
                self.columns,
                self.rows_are_posts,
                self.definition,
                widgets.HBox([self.preview_button, self.apply_button]),
                self.diff,
            ]
        )
        self.mapping_box.layout.display = "none"
        for control in (self.channel, self.rows_are_posts, self.definition):
            control.observe(lambda _: self._invalidate(), "value")
        self.widget = widgets.VBox(
            [
                widgets.HTML(f"<h3>{html.escape(say(msg('csv.ui.title')))}</h3>"),
                widgets.HTML(f'<span class="auditkit-hint">{html.escape(say(msg("csv.ui.hint")))}</span>'),
                widgets.HBox([self.upload, self.file_name, self.load_button]),
                self.message,
                self.undo_button,
                self.mapping_box,
            ]
        )
        self.widget.add_class("auditkit-csv-import")
        self._selectors: dict[int, widgets.Dropdown] = {}

    @property
    def lang(self) -> str:
        """The code of the audit's language."""
        return str(self.session.language)

    def say(self, message: Message) -> str:
        """``message`` in the audit's language."""
        return message(self.lang)

    # -- loading ------------------------------------------------------------------------------------

    def load_bytes(self, data: bytes, name: str) -> bool:
        """Read an export; show its mapping, or a message naming the file when it is not usable."""
        try:
            table = read_csv(data, name)
        except CsvImportError as error:
            self._fail(self.say(error.message))
            return False
        self._show_table(table)
        return True

    def load_name(self, typed: str) -> bool:
        """Read the export named ``typed`` in the workspace folder (see :meth:`load_bytes`).

        A path, or a name that is a link leading out of the folder, is refused with a message.
        """
        try:
            path = workspace_path(self.folder, typed)
        except AuditkitError as error:
            self._fail(error.text(self.lang))
            return False
        try:
            table = read_csv_file(path, path.name)
        except CsvImportError as error:
            self._fail(self.say(error.message))
            return False
        self._show_table(table)
        return True

    def _on_upload(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if files:
            upload = files[0]
            self.load_bytes(bytes(upload["content"]), upload["name"])

    def _fail(self, text: str) -> None:
        self.table = None
        self.plan = None
        self.mapping_box.layout.display = "none"
        self.message.value = _error_html(text)

    def _show_table(self, table: CsvTable) -> None:
        audit = self.session.audit
        if not audit.channels:
            self._fail(self.say(msg("csv.ui.no_channel")))
            return
        self.table = table
        self.message.value = ""
        read = msg("csv.ui.read", name=table.name, count=len(table.rows), dialect=table.dialect)
        self.info.value = html.escape(self.say(read)) + _preview_table(table, self.lang)
        self.channel.options = [
            (f"{channel.name} ({show(channel.platform, self.lang)})", channel.id)
            for channel in audit.channels
        ]
        self.channel.value = guess_channel(audit, table.name) or audit.channels[0].id
        proposal = propose_mapping(table)
        mapping = proposal.mapping
        self.proposal.value = self._proposal_html(table, proposal)
        options = [(self.say(TARGET_LABELS[target]), target) for target in Target]
        self._selectors = {}
        rows = []
        for column in table.columns:
            sample = next((value for _, value in table.values(column.index)), "")
            label = msg("csv.ui.column", name=column.title, kind=column.kind.label, sample=_short(sample))
            selector = widgets.Dropdown(
                options=options,
                value=mapping.columns.get(column.index, Target.IGNORE),
                layout=widgets.Layout(width=TARGET_WIDTH),
            )
            selector.add_class(f"auditkit-csv-column-{column.index}")
            selector.observe(lambda change, i=column.index: self._on_column(i, change["new"]), "value")
            self._selectors[column.index] = selector
            name = widgets.HTML(
                html.escape(self.say(label)), layout=widgets.Layout(width=COLUMN_WIDTH, margin="0 2px")
            )
            rows.append(widgets.HBox([name, selector]))
        self.columns.children = rows
        self.rows_are_posts.value = mapping.rows_are_posts
        channel = audit.channel(self.channel.value)
        current = channel.engagement.definition if channel.engagement else None
        self.definition.options = self._definition_options(current)
        self.definition.value = suggest_definition(table, mapping, channel)
        self.mapping_box.layout.display = ""
        self._invalidate()

    # -- mapping, preview, apply --------------------------------------------------------------------

    @property
    def mapping(self) -> Mapping:
        """The mapping as the widgets show it."""
        columns = {
            index: selector.value
            for index, selector in self._selectors.items()
            if selector.value is not Target.IGNORE
        }
        return Mapping(columns, self.rows_are_posts.value)

    def set_target(self, index: int, target: Target) -> None:
        """Map column ``index`` to ``target`` (a single-column target leaves its previous column)."""
        self._selectors[index].value = target

    def _on_column(self, index: int, target: Target) -> None:
        moved = self.mapping.with_column(index, target)
        for other, selector in self._selectors.items():
            wanted = moved.columns.get(other, Target.IGNORE)
            if selector.value is not wanted:
                selector.value = wanted
        self._invalidate()

    def _invalidate(self) -> None:
        self.plan = None
        self.apply_button.disabled = True
        self.diff.value = ""

    def preview(self) -> ImportPlan | None:
        """Compute and show what the import would change; enables "Apply" when something would."""
        if self.table is None:
            return None
        try:
            plan = plan_import(
                self.session.audit,
                self.channel.value,
                self.table,
                self.mapping,
                self.definition.value or None,
            )
        except CsvImportError as error:
            self._invalidate()
            self.diff.value = _error_html(self.say(error.message))
            return None
        self.plan = plan
        self.apply_button.disabled = not plan.changes_anything
        self.diff.value = self._plan_html(plan)
        return plan

    def apply(self) -> bool:
        """Apply the previewed plan to the audit (never without a preview)."""
        plan = self.plan
        if plan is None or not plan.changes_anything:
            return False
        try:
            apply_plan(self.session.audit, plan)
        except CsvImportError as error:
            self._invalidate()
            self.diff.value = _error_html(self.say(error.message))
            return False
        problems = self.session.edit(lambda audit: apply_plan(audit, plan))
        if problems:
            self.diff.value += _error_html("; ".join(map(str, problems)), tag="p")
            return False
        channel = self.session.audit.channels[plan.channel_index]
        applied = msg("csv.ui.applied", channel=channel.name, count=len(plan.changes))
        self.message.value = html.escape(self.say(applied))
        self.applied = plan
        self.undo_button.layout.display = ""
        self._invalidate()
        if self._on_applied is not None:
            self._on_applied(plan.channel_index)
        return True

    def undo(self) -> bool:
        """Put back the values the last applied import changed (saved like any edit: a new revision)."""
        plan = self.applied
        if plan is None:
            return False
        try:
            undo_plan(self.session.audit, plan)
        except CsvImportError as error:
            self.message.value = _error_html(self.say(error.message))
            return False
        problems = self.session.edit(lambda audit: undo_plan(audit, plan))
        if problems:
            self.message.value = _error_html("; ".join(map(str, problems)))
            return False
        self.applied = None
        self.undo_button.layout.display = "none"
        channel = self.session.audit.channels[plan.channel_index]
        undone = msg("csv.ui.undone", channel=channel.name, count=len(plan.changes))
        self.message.value = html.escape(self.say(undone))
        self._invalidate()
        if self._on_applied is not None:
            self._on_applied(plan.channel_index)
        return True

    def _definition_options(self, current: str | None) -> list[tuple[str, str]]:
        """The engagement definitions in words, and the channel's own code when it is none of them."""
        options = [(self.say(definition.name_in_words), definition.value) for definition in Definition]
        if current and current not in {code for _, code in options}:
            options.append((current, current))
        return options

    def _proposal_html(self, table: CsvTable, proposal: Proposal) -> str:
        """The tool recognised, each proposed column with an example value, and the follower columns
        left out of the audience size with why."""
        say = self.say
        if proposal.source is Source.UNKNOWN:
            source = say(msg("csv.ui.source_unknown"))
        else:
            source = say(msg("csv.ui.source", source=proposal.source.label))
        proposed = [
            msg(
                "csv.ui.proposed_column",
                column=table.columns[index].title,
                target=TARGET_LABELS[target],
                sample=_short(next((value for _, value in table.values(index)), "")),
            )
            for index, target in sorted(proposal.mapping.columns.items())
        ]
        items = "".join(f"<li>{html.escape(say(line))}</li>" for line in proposed)
        body = f'<p class="auditkit-csv-source">{html.escape(source)}</p>'
        body += f"<p>{html.escape(say(msg('csv.ui.proposed')))}</p><ul>{items}</ul>"
        if proposal.not_audience:
            reasons = "".join(f"<li>{html.escape(say(reason))}</li>" for _, reason in proposal.not_audience)
            title = html.escape(say(msg("csv.ui.not_audience")))
            body += f'<p>{title}</p><ul class="auditkit-csv-not-audience">{reasons}</ul>'
        return body

    def _plan_html(self, plan: ImportPlan) -> str:
        say, lang = self.say, self.lang
        if not plan.changes:
            body = f"<p>{html.escape(say(msg('csv.ui.nothing')))}</p>"
        else:
            rows = "".join(
                f"<tr><td>{html.escape(say(change.label))}</td>"
                f'<td class="auditkit-old">{html.escape(describe_value(change.old, lang))}</td>'
                f'<td class="auditkit-new">{html.escape(describe_value(change.new, lang))}</td></tr>'
                for change in plan.changes
            )
            titles = "".join(
                f"<th>{html.escape(say(title))}</th>"
                for title in (msg("csv.ui.field"), msg("csv.ui.now"), msg("csv.ui.after"))
            )
            body = f'<table class="auditkit-table auditkit-csv-diff"><tr>{titles}</tr>{rows}</table>'
        engagement = next(
            (change.new for change in plan.changes if change.field.endswith(".engagement")), None
        )
        if isinstance(engagement, EngagementMeasure):
            named = msg("csv.ui.definition_named", definition=definition_name(engagement.definition))
            body += f'<p class="auditkit-csv-definition">{html.escape(say(named))}</p>'
        if plan.notes:
            items = "".join(f"<li>{html.escape(say(note))}</li>" for note in plan.notes[:SHOWN_NOTES])
            hidden = len(plan.notes) - SHOWN_NOTES
            more = f"<li>… (+{hidden})</li>" if hidden > 0 else ""
            summary = html.escape(say(msg("csv.ui.notes", count=len(plan.notes))))
            body += f"<details><summary>{summary}</summary><ul>{items}{more}</ul></details>"
        return body


def _preview_table(table: CsvTable, lang: str, rows: int = 5) -> str:
    head = "".join(f"<th>{html.escape(show(column.title, lang))}</th>" for column in table.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_short(value, 30))}</td>" for value in row) + "</tr>"
        for row in table.rows[:rows]
    )
    return f'<div style="overflow-x:auto"><table class="auditkit-table"><tr>{head}</tr>{body}</table></div>'
