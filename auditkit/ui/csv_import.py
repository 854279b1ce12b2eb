"""The column-mapping widget of the CSV import: load a file, confirm the mapping, preview, apply.

The logic lives in :mod:`auditkit.csv_import`; this module only shows it. Nothing changes in the
audit before the user has seen the preview of the changes (old value → new value) and pressed
"Apply".
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from auditkit.benchmarks import metric_definitions
from auditkit.csv_import import (
    REACH_DEFINITION,
    TARGET_LABELS,
    CsvImportError,
    CsvTable,
    ImportPlan,
    Mapping,
    Target,
    apply_plan,
    guess_channel,
    plan_import,
    read_csv,
    read_csv_file,
    suggest_definition,
    suggest_mapping,
)
from auditkit.i18n import Bilingual
from auditkit.model import EngagementMeasure, Language
from auditkit.report.i18n import Formatter
from auditkit.ui.lists import column_header
from auditkit.ui.session import AuditSession

_B = Bilingual
TEXTS: dict[str, Bilingual] = {
    "title": _B("Import figures from a platform's CSV export", "Importer les chiffres d'un export CSV"),
    "upload": _B("Choose a CSV file", "Choisir un fichier CSV"),
    "path": _B("…or a path on the server", "…ou un chemin sur le serveur"),
    "load": _B("Read the file", "Lire le fichier"),
    "channel": _B("Channel", "Canal"),
    "rows_are_posts": _B("Each row is one post", "Chaque ligne est une publication"),
    "definition": _B("Engagement definition", "Définition de l'engagement"),
    "preview": _B("Preview the changes", "Voir les changements"),
    "apply": _B("Apply to the channel", "Appliquer au canal"),
    "read": _B(
        "{name}: {rows} rows, {dialect}. Check which column feeds which field, then preview.",
        "{name} : {rows} lignes, {dialect}. Vérifiez quelle colonne alimente quel champ, puis prévisualisez.",
    ),
    "field": _B("Field", "Champ"),
    "now": _B("Now", "Actuellement"),
    "after": _B("After the import", "Après l'import"),
    "nothing": _B(
        "The file agrees with the channel: nothing would change.",
        "Le fichier concorde avec le canal : rien ne changerait.",
    ),
    "applied": _B(
        "✓ Applied to {channel}: {count} field(s) changed.",
        "✓ Appliqué à {channel} : {count} champ(s) modifié(s).",
    ),
    "no_channel": _B(
        "Add a channel first (the import fills an existing channel).",
        "Ajoutez d'abord un canal (l'import remplit un canal existant).",
    ),
    "notes": _B("Left out or read with care", "Écarté ou lu avec prudence"),
    "column": _B("{name} ({kind}; e.g. {sample})", "{name} ({kind} ; ex. {sample})"),
    "file_column": _B("Column of the file", "Colonne du fichier"),
    "feeds": _B("Feeds the channel's field", "Alimente le champ du canal"),
    "hint": _B(
        "Export the statistics from the platform as CSV (any separator, French or English), then "
        "choose the file. Nothing changes in the audit before you preview and apply.",
        "Exportez les statistiques de la plateforme en CSV (tout séparateur, français ou anglais), puis "
        "choisissez le fichier. Rien ne change dans l'audit avant l'aperçu et l'application.",
    ),
}
COLUMN_WIDTH = "24em"
TARGET_WIDTH = "20em"


def _short(text: str, length: int = 24) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def describe_value(value: object, language: Language) -> str:
    """A channel field's value as a person reads it."""
    formatter = Formatter(language)
    if value is None:
        return "—"
    if isinstance(value, EngagementMeasure):
        shown = formatter.percent_points(value.percent, 2)
        if value.rate is None:
            shown = f"{formatter.decimal(value.interactions)} / {formatter.decimal(value.base)} = {shown}"
        return f"{shown} ({value.definition})"
    if isinstance(value, date):
        return formatter.date(value)
    if isinstance(value, float | int):
        return formatter.decimal(value, 2)
    return str(value)


class CsvImportPanel:
    """Load a CSV export, map its columns, preview the changes on a channel, then apply them.

    Args:
        session: the audit session.
        on_applied: called with the channel's index after an import was applied.
    """

    def __init__(self, session: AuditSession, on_applied: Callable[[int], None] | None = None) -> None:
        self.session = session
        self._on_applied = on_applied
        self.table: CsvTable | None = None
        self.plan: ImportPlan | None = None
        say = self.say
        self.upload = widgets.FileUpload(
            accept=".csv,.txt,.tsv,text/csv", multiple=False, description=say("upload")
        )
        self.upload.layout.width = "auto"
        self.upload.observe(self._on_upload, "value")
        self.path = widgets.Text(placeholder=say("path"), layout=widgets.Layout(width="24em"))
        self.load_button = widgets.Button(
            description=say("load"), icon="folder-open", layout=widgets.Layout(width="auto")
        )
        self.load_button.on_click(lambda _: self.load_path(self.path.value))
        self.channel = widgets.Dropdown(
            description=say("channel"),
            layout=widgets.Layout(width="34em"),
            style={"description_width": "initial"},
        )
        self.rows_are_posts = widgets.Checkbox(description=say("rows_are_posts"), indent=False)
        self.definition = widgets.Combobox(
            description=say("definition"),
            options=sorted({*metric_definitions(), REACH_DEFINITION}),
            ensure_option=False,
            layout=widgets.Layout(width="30em"),
            style={"description_width": "initial"},
        )
        self.info = widgets.HTML()
        self.columns = widgets.VBox()
        self.preview_button = widgets.Button(
            description=say("preview"), icon="eye", button_style="info", layout=widgets.Layout(width="auto")
        )
        self.preview_button.on_click(lambda _: self.preview())
        self.apply_button = widgets.Button(
            description=say("apply"),
            icon="check",
            button_style="success",
            disabled=True,
            layout=widgets.Layout(width="auto"),
        )
        self.apply_button.on_click(lambda _: self.apply())
        self.diff = widgets.HTML()
        self.message = widgets.HTML()
        self.mapping_box = widgets.VBox(
            [
                self.info,
                self.channel,
                column_header([(say("file_column"), COLUMN_WIDTH), (say("feeds"), TARGET_WIDTH)]),
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
                widgets.HTML(f"<h3>{html.escape(say('title'))}</h3>"),
                widgets.HTML(f'<span class="auditkit-hint">{html.escape(say("hint"))}</span>'),
                widgets.HBox([self.upload, self.path, self.load_button]),
                self.message,
                self.mapping_box,
            ]
        )
        self.widget.add_class("auditkit-csv-import")
        self._selectors: dict[int, widgets.Dropdown] = {}

    def say(self, key: str, **values: object) -> str:
        return self.session.text(TEXTS[key], **values)

    # -- loading ------------------------------------------------------------------------------------

    def load_bytes(self, data: bytes, name: str) -> bool:
        """Read an export; show its mapping, or a message naming the file when it is not usable."""
        try:
            table = read_csv(data, name)
        except CsvImportError as error:
            self._fail(error.localized(self.session.language))
            return False
        self._show_table(table)
        return True

    def load_path(self, path: str | Path) -> bool:
        """Read an export from a path on the server (see :meth:`load_bytes`)."""
        try:
            table = read_csv_file(Path(path).expanduser())
        except CsvImportError as error:
            self._fail(error.localized(self.session.language))
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
        self.message.value = f'<span class="auditkit-error">⚠ {html.escape(text)}</span>'

    def _show_table(self, table: CsvTable) -> None:
        audit = self.session.audit
        if not audit.channels:
            self._fail(self.say("no_channel"))
            return
        self.table = table
        self.message.value = ""
        language = self.session.language
        self.info.value = html.escape(
            self.say("read", name=table.name, rows=len(table.rows), dialect=table.dialect(language))
        ) + _preview_table(table)
        self.channel.options = [(f"{c.name} ({c.platform.label})", c.id) for c in audit.channels]
        self.channel.value = guess_channel(audit, table.name) or audit.channels[0].id
        mapping = suggest_mapping(table)
        options = [(TARGET_LABELS[target](language), target) for target in Target]
        self._selectors = {}
        rows = []
        for column in table.columns:
            sample = next((value for _, value in table.values(column.index)), "")
            label = self.say(
                "column", name=column.name, kind=column.kind.label(language), sample=_short(sample)
            )
            selector = widgets.Dropdown(
                options=options,
                value=mapping.columns.get(column.index, Target.IGNORE),
                layout=widgets.Layout(width=TARGET_WIDTH),
            )
            selector.add_class(f"auditkit-csv-column-{column.index}")
            selector.observe(lambda change, i=column.index: self._on_column(i, change["new"]), "value")
            self._selectors[column.index] = selector
            rows.append(
                widgets.HBox(
                    [
                        widgets.HTML(
                            html.escape(label), layout=widgets.Layout(width=COLUMN_WIDTH, margin="0 2px")
                        ),
                        selector,
                    ]
                )
            )
        self.columns.children = rows
        self.rows_are_posts.value = mapping.rows_are_posts
        self.definition.value = suggest_definition(table, mapping, audit.channel(self.channel.value))
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
            message = error.localized(self.session.language)
            self.diff.value = f'<span class="auditkit-error">⚠ {html.escape(message)}</span>'
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
            message = error.localized(self.session.language)
            self.diff.value = f'<span class="auditkit-error">⚠ {html.escape(message)}</span>'
            return False
        problems = self.session.edit(lambda audit: apply_plan(audit, plan))
        if problems:
            self.diff.value += f'<p class="auditkit-error">⚠ {html.escape("; ".join(map(str, problems)))}</p>'
            return False
        channel = self.session.audit.channels[plan.channel_index]
        self.message.value = html.escape(self.say("applied", channel=channel.name, count=len(plan.changes)))
        self._invalidate()
        if self._on_applied is not None:
            self._on_applied(plan.channel_index)
        return True

    def _plan_html(self, plan: ImportPlan) -> str:
        language = self.session.language
        if not plan.changes:
            body = f"<p>{html.escape(self.say('nothing'))}</p>"
        else:
            rows = "".join(
                f"<tr><td>{html.escape(change.label(language))}</td>"
                f'<td class="auditkit-old">{html.escape(describe_value(change.old, language))}</td>'
                f'<td class="auditkit-new">{html.escape(describe_value(change.new, language))}</td></tr>'
                for change in plan.changes
            )
            body = (
                f'<table class="auditkit-table auditkit-csv-diff"><tr><th>{html.escape(self.say("field"))}</th>'
                f"<th>{html.escape(self.say('now'))}</th><th>{html.escape(self.say('after'))}</th></tr>{rows}</table>"
            )
        if plan.notes:
            items = "".join(f"<li>{html.escape(note(language))}</li>" for note in plan.notes[:12])
            more = f"<li>… (+{len(plan.notes) - 12})</li>" if len(plan.notes) > 12 else ""
            body += f"<details><summary>{html.escape(self.say('notes'))} ({len(plan.notes)})</summary><ul>{items}{more}</ul></details>"
        return body


def _preview_table(table: CsvTable, rows: int = 5) -> str:
    head = "".join(f"<th>{html.escape(name)}</th>" for name in table.header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_short(value, 30))}</td>" for value in row) + "</tr>"
        for row in table.rows[:rows]
    )
    return f'<div style="overflow-x:auto"><table class="auditkit-table"><tr>{head}</tr>{body}</table></div>'
