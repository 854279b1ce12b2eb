"""The roadmap as files a client opens: CSV, Excel workbook, iCalendar and Markdown.

:func:`write_roadmap` picks the format from the file's extension (:data:`FORMATS`) and writes
atomically: the file is written beside the target under a temporary name, flushed, then renamed over
it, so an interrupted export never leaves half a file. Texts are in the language asked for (the
audit's by default), from the ``export`` catalogue; ids, rule ids and dates stay as they are so that
the files can be joined with the audit's JSON outputs.

* ``.csv``: one row per scheduled or backlog action, the columns of :data:`CSV_COLUMNS` in that order.
* ``.xlsx``: a summary sheet (one row per stage, then the notes) and one sheet per stage (plus the
  backlog when it is not empty): bold, frozen header row, set column widths, wrapped text.
* ``.ics``: one all-day event per stage milestone (on the stage's date) and one per dated action
  (from its start to its due date); UIDs are derived from the client, the audit date and the action
  id, so a re-imported calendar updates its events instead of duplicating them.
* ``.md``: the readable plan, stage by stage; ``auditkit roadmap`` prints it.

Whatever a user typed is shown as typed and never run: every text goes through :func:`clean_text`
(no control characters in any format), a CSV cell a spreadsheet would read as a formula is written
with a leading single quote (:func:`csv_cell`), and every text of the workbook is a string cell,
never a formula (:func:`_xlsx_cell`).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from auditkit import store
from auditkit.errors import AuditkitError
from auditkit.locale import Message, msg, show
from auditkit.locale.formats import decimal, money
from auditkit.roadmap import Action, Roadmap, Stage

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "FORMULA_STARTS",
    "check_format",
    "clean_text",
    "csv_cell",
    "one_line",
    "render_csv",
    "render_ics",
    "render_markdown",
    "render_xlsx",
    "starts_formula",
    "write_roadmap",
]

CSV_COLUMNS: tuple[str, ...] = (
    "status",
    "stage",
    "order",
    "id",
    "title",
    "description",
    "owner_role",
    "owner",
    "effort_hours",
    "cost",
    "currency",
    "done_when",
    "start",
    "due",
    "severity",
    "phase",
    "findings",
    "subjects",
    "objectives",
    "depends_on",
    "origin",
    "edited",
    "pinned",
    "planned_stage",
    "over_capacity",
    "note",
    "consultant_note",
    "changes",
)
"""Columns of the CSV export, in order (a stable contract: new columns are only ever appended)."""

_MANY = 2
"""The ``count`` that picks the plural form of a label naming many things ("Actions", "Notes")."""

Renderer = Callable[[Roadmap, str], bytes]


def write_roadmap(roadmap: Roadmap, path: Path | str, lang: str | None = None) -> Path:
    """Write ``roadmap`` to ``path`` in the format its extension names, atomically; returns the path.

    Raises:
        AuditkitError: the extension is not one of :data:`FORMATS`, or the folder cannot be written.
    """
    path = Path(path)
    renderer = check_format(path)
    store.write_atomically(path, renderer(roadmap, str(lang or roadmap.language)))
    return path


def check_format(path: Path | str) -> Renderer:
    """The renderer of ``path``'s extension.

    Raises:
        AuditkitError: the extension is not one of :data:`FORMATS` (the message lists them).
    """
    path = Path(path)
    renderer = FORMATS.get(path.suffix.lower())
    if renderer is None:
        valid = ", ".join(FORMATS)
        if path.suffix:
            raise AuditkitError(
                msg("export.error.extension", path=str(path), extension=path.suffix, valid=valid)
            )
        raise AuditkitError(msg("export.error.no_extension", path=str(path), valid=valid))
    return renderer


# -- cells: shown as typed, never run ----------------------------------------------------------------

FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"):
``= + - @``, tab, carriage return and their full-width forms (U+FF1D, U+FF0B, U+FF0D, U+FF20)."""

_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85]")
"""Line breaks other than LF: CR LF, CR, and the control characters ``str.splitlines`` breaks on
(vertical tab is what Word's Shift+Enter gives)."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters (C0 but tab and LF, DEL, C1): a superset of what XLSX refuses (openpyxl's
``ILLEGAL_CHARACTERS_RE``), and nothing a reader of any export should get."""

_BREAK_AND_BLANKS = re.compile("[ \t]*\n[ \t\n]*")
"""A line break with the spaces and tabs around it: one space in a text kept on one line."""


def clean_text(text: str) -> str:
    """``text`` as every export can hold it: line breaks as LF, tabs kept, other control characters removed."""
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", text))


def one_line(text: str) -> str:
    """:func:`clean_text` on one line: each line break, with the spaces and tabs around it, as one space.

    Other spaces are kept as they are (the no-break spaces of French punctuation among them).
    """
    return _BREAK_AND_BLANKS.sub(" ", clean_text(text))


def starts_formula(text: str) -> bool:
    """True when a spreadsheet would read ``text``, alone in a cell, as a formula."""
    return text[:1] in FORMULA_STARTS


def csv_cell(value: object) -> object:
    """``value`` as a CSV cell: text cleaned, and quoted with a leading ``'`` when it would start a formula.

    Numbers (negative ones too), booleans and dates are left as they are.
    """
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    return "'" + text if starts_formula(text) else text


def _xlsx_cell(sheet: Any, value: Any) -> Any:
    """A workbook cell holding ``value`` (a text, number, date or ``None``) for ``sheet.append``.

    A text is cleaned and always a string cell, never a formula; one that would start a formula
    also gets Excel's quote prefix (what typing ``'`` before it gives): it shows as typed, and stays
    text when someone edits the cell.
    """
    from openpyxl.cell import WriteOnlyCell

    if not isinstance(value, str):
        return WriteOnlyCell(sheet, value)
    text = clean_text(value)
    cell = WriteOnlyCell(sheet, text)
    cell.data_type = "s"
    if starts_formula(text):
        cell.quotePrefix = True
    return cell


def _append(sheet: Any, values: Iterable[Any]) -> None:
    """Append ``values`` as the sheet's next row, through :func:`_xlsx_cell`."""
    sheet.append([_xlsx_cell(sheet, value) for value in values])


# -- shared helpers ----------------------------------------------------------------------------------


def _label(key: str, **values: object) -> Message:
    return msg(f"export.label.{key}", **values)


def _text(key: str, lang: str, **values: object) -> str:
    return _label(key, **values)(lang)


def _field(label: Message | str, value: object, lang: str) -> str:
    """``label: value``, as the language writes it."""
    return msg("export.field", label=label, value=value)(lang)


def _number(value: float | None, lang: str, digits: int = 1) -> str:
    if value is None:
        return _text("not_assessed", lang)
    return decimal(round(value, digits), lang, digits)


def _money(value: float, currency: str, lang: str) -> str:
    """An amount as the report writes it ("150 €", "£150"), so every export agrees."""
    return money(value, lang, currency)


def _year_total(roadmap: Roadmap, lang: str) -> str:
    return _text(
        "year_total",
        lang,
        needed=_number(roadmap.needed_hours, lang),
        capacity=_number(roadmap.capacity_hours, lang),
    )


def _rows(roadmap: Roadmap) -> list[tuple[str, int, Action]]:
    """``(status, order, action)`` for every scheduled action, then the backlog."""
    rows: list[tuple[str, int, Action]] = []
    for stage in roadmap.stages:
        rows += [("scheduled", order, action) for order, action in enumerate(stage.actions, 1)]
    rows += [("backlog", order, action) for order, action in enumerate(roadmap.backlog, 1)]
    return rows


def _record(status: str, order: int, action: Action, roadmap: Roadmap, lang: str) -> dict[str, Any]:
    return {
        "status": status,
        "stage": action.stage if action.stage is not None else "",
        "order": order,
        "id": action.id,
        "title": action.title(lang),
        "description": action.description(lang),
        "owner_role": action.owner_role,
        "owner": action.owner_label(lang),
        "effort_hours": round(action.effort_hours, 2),
        "cost": round(action.cost, 2),
        "currency": roadmap.currency,
        "done_when": action.done_when(lang),
        "start": action.start.isoformat() if action.start else "",
        "due": action.due.isoformat() if action.due else "",
        "severity": action.severity.value if action.severity else "",
        "phase": action.phase.value if action.phase else "",
        "findings": ";".join(action.findings),
        "subjects": ";".join(action.subjects),
        "objectives": ";".join(action.objectives),
        "depends_on": ";".join(action.depends_on),
        "origin": action.origin,
        "edited": action.edited,
        "pinned": action.pinned,
        "planned_stage": action.planned_stage if action.planned_stage is not None else "",
        "over_capacity": action.over_capacity,
        "note": action.note(lang) if action.note else "",
        "consultant_note": action.consultant_note,
        "changes": " | ".join(change.message(lang) for change in action.changes),
    }


# -- CSV ---------------------------------------------------------------------------------------------


def render_csv(roadmap: Roadmap, lang: str = "en") -> bytes:
    """One row per scheduled or backlog action, columns :data:`CSV_COLUMNS`; UTF-8 with a BOM for Excel."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for status, order, action in _rows(roadmap):
        record = _record(status, order, action, roadmap, lang)
        writer.writerow({column: csv_cell(value) for column, value in record.items()})
    return buffer.getvalue().encode("utf-8-sig")


# -- Excel -------------------------------------------------------------------------------------------

_STAGE_COLUMNS: tuple[tuple[Message, int], ...] = (
    (_label("order"), 5),
    (_label("action", count=1), 36),
    (_label("description"), 60),
    (_label("owner"), 20),
    (_label("effort"), 10),
    (_label("cost"), 12),
    (_label("done_when"), 40),
    (_label("start"), 12),
    (_label("due"), 12),
    (_label("severity"), 10),
    (_label("findings"), 24),
    (_label("depends_on"), 24),
    (_label("note", count=1), 40),
    (_label("id"), 22),
)
_SUMMARY_COLUMNS: tuple[tuple[Message, int], ...] = (
    (_label("month"), 10),
    (_label("from"), 12),
    (_label("by"), 12),
    (_label("action", count=_MANY), 10),
    (_label("hours"), 10),
    (_label("capacity"), 13),
    (_label("cost"), 13),
    (_label("projected_overall"), 16),
    (_label("projected_completeness"), 18),
    (_label("moved_later"), 50),
)


def render_xlsx(roadmap: Roadmap, lang: str = "en") -> bytes:
    """A summary sheet and one sheet per stage (plus the backlog), ready to hand over."""
    from openpyxl import Workbook

    workbook = Workbook()
    summary = workbook.worksheets[0]
    summary.title = _text("summary", lang)
    _header(summary, _SUMMARY_COLUMNS, lang)
    for stage in roadmap.stages:
        _append(
            summary,
            [
                stage.month,
                stage.start,
                stage.due,
                len(stage.actions),
                round(stage.hours, 2),
                None if stage.capacity_hours is None else round(stage.capacity_hours, 2),
                round(stage.cost, 2),
                None if stage.projected_overall is None else round(stage.projected_overall, 1),
                None if stage.projected_completeness is None else round(stage.projected_completeness, 1),
                ", ".join(roadmap.action(action_id).title(lang) for action_id in stage.overflow),
            ],
        )
    if roadmap.backlog:
        _append(
            summary,
            [
                _text("backlog_row", lang),
                None,
                None,
                len(roadmap.backlog),
                round(roadmap.backlog_hours, 2),
                None,
                round(sum(action.cost for action in roadmap.backlog), 2),
            ],
        )
    _finish(summary, _SUMMARY_COLUMNS, summary.max_row)
    about = [
        _field(_label("client"), roadmap.client, lang),
        _text("audit_of", lang, date=roadmap.audit_date.isoformat()),
        _field(_label("currency"), roadmap.currency, lang),
    ]
    if roadmap.capacity_hours is not None:
        about.append(_year_total(roadmap, lang))
    if roadmap.shortfall is not None:
        about.append(roadmap.shortfall(lang))
    for text in ["", *about, ""]:
        _paragraph(summary, text)
    _paragraph(summary, _text("note", lang, count=_MANY), bold=True)
    for note in roadmap.notes:
        _paragraph(summary, note(lang))
    for stage in roadmap.stages:
        _action_sheet(workbook, _text("month_n", lang, n=stage.month), stage.actions, roadmap, lang)
    if roadmap.backlog:
        _action_sheet(workbook, _text("backlog", lang), roadmap.backlog, roadmap, lang)
    created = datetime.combine(roadmap.audit_date, datetime.min.time())
    workbook.properties.creator = "auditkit"
    workbook.properties.title = clean_text(_field(_label("roadmap"), roadmap.client, lang))
    workbook.properties.created = created
    workbook.properties.modified = created
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _action_sheet(
    workbook: Any, title: str, actions: tuple[Action, ...], roadmap: Roadmap, lang: str
) -> None:
    sheet = workbook.create_sheet(title[:31])
    _header(sheet, _STAGE_COLUMNS, lang)
    titles = {action.id: action.title(lang) for action in (*roadmap.actions, *roadmap.backlog)}
    for order, action in enumerate(actions, 1):
        note = "\n".join(
            text
            for text in (
                action.note(lang) if action.note else "",
                action.consultant_note,
                *(change.message(lang) for change in action.changes),
            )
            if text
        )
        _append(
            sheet,
            [
                order,
                action.title(lang),
                action.description(lang),
                action.owner_label(lang),
                round(action.effort_hours, 2),
                round(action.cost, 2),
                action.done_when(lang),
                action.start,
                action.due,
                show(action.severity, lang) if action.severity else "",
                ", ".join(action.findings),
                "\n".join(titles.get(d, d) for d in action.depends_on),
                note,
                action.id,
            ],
        )
    _finish(sheet, _STAGE_COLUMNS, len(actions) + 1, money_column=6)


def _paragraph(sheet: Any, text: str, *, bold: bool = False) -> None:
    """A line of text under a table, across the table's width, tall enough for its length."""
    from openpyxl.styles import Alignment, Font

    _append(sheet, [text])
    row = sheet.max_row
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(_SUMMARY_COLUMNS))
    cell = sheet.cell(row=row, column=1)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    cell.font = Font(bold=bold)
    width = sum(width for _, width in _SUMMARY_COLUMNS)
    sheet.row_dimensions[row].height = 15 * max(1, -(-len(text) // width))


def _header(sheet: Any, columns: tuple[tuple[Message, int], ...], lang: str) -> None:
    from openpyxl.styles import Font, PatternFill

    _append(sheet, [label(lang) for label, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
    sheet.freeze_panes = "A2"


def _finish(
    sheet: Any, columns: tuple[tuple[Message, int], ...], last_row: int, money_column: int = 7
) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    for index, (_, width) in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, date):
                cell.number_format = "yyyy-mm-dd"
    for row in sheet.iter_rows(min_row=2, max_row=last_row, min_col=money_column, max_col=money_column):
        for cell in row:
            cell.number_format = "#,##0.00"


# -- iCalendar ---------------------------------------------------------------------------------------


def render_ics(roadmap: Roadmap, lang: str = "en") -> bytes:
    """An event per stage milestone and per dated action, in ``lang``; stable UIDs."""
    from icalendar import Calendar, Event

    language = {"LANGUAGE": str(lang)}
    calendar = Calendar()
    calendar.add("prodid", "-//auditkit//roadmap//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", one_line(_field(_label("roadmap"), roadmap.client, lang)))
    stamp = datetime.combine(roadmap.audit_date, datetime.min.time(), tzinfo=UTC)
    prefix = f"{_slug(roadmap.client)}-{roadmap.audit_date.isoformat()}"
    titles = {action.id: action.title(lang) for action in roadmap.actions}
    for stage in roadmap.stages:
        event = Event()
        event.add("uid", f"{prefix}-stage-{stage.month}@auditkit")
        event.add("dtstamp", stamp)
        event.add("dtstart", stage.due)
        event.add("dtend", stage.due + timedelta(days=1))
        event.add(
            "summary", _text("milestone", lang, n=stage.month, count=len(stage.actions)), parameters=language
        )
        event.add("description", clean_text(_milestone_text(stage, lang)), parameters=language)
        event.add("categories", [_text("roadmap", lang)])
        calendar.add_component(event)
        for action in stage.actions:
            if action.start is None or action.due is None:
                continue
            item = Event()
            item.add("uid", f"{prefix}-{action.id}@auditkit")
            item.add("dtstamp", stamp)
            item.add("dtstart", action.start)
            item.add("dtend", max(action.due, action.start) + timedelta(days=1))
            item.add("summary", one_line(action.title(lang)), parameters=language)
            item.add("description", clean_text(_action_text(action, titles, lang)), parameters=language)
            item.add("categories", [_text("month_n", lang, n=stage.month)])
            calendar.add_component(item)
    return bytes(calendar.to_ical())


def _milestone_text(stage: Stage, lang: str) -> str:
    lines = [f"- {action.title(lang)}" for action in stage.actions]
    lines.append(_field(_label("hours"), _number(stage.hours, lang), lang))
    lines.append(_field(_label("projected_overall"), _number(stage.projected_overall, lang), lang))
    return "\n".join(lines)


def _action_text(action: Action, titles: dict[str, str], lang: str) -> str:
    lines = [
        action.description(lang),
        _field(_label("done_when"), action.done_when(lang), lang),
        _field(_label("owner"), action.owner_label(lang), lang),
        _field(_label("effort"), _number(action.effort_hours, lang), lang),
    ]
    if action.depends_on:
        lines.append(
            _field(_label("depends_on"), "; ".join(titles.get(d, d) for d in action.depends_on), lang)
        )
    return "\n".join(lines)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "client"


# -- Markdown ----------------------------------------------------------------------------------------

_MARKDOWN_SUMMARY: tuple[Message, ...] = (
    _label("month"),
    _label("by"),
    _label("action", count=_MANY),
    _label("hours"),
    _label("capacity"),
    _label("projected_overall"),
    _label("projected_completeness"),
)


def render_markdown(roadmap: Roadmap, lang: str = "en") -> str:
    """The plan as Markdown: a summary table, then each stage's actions, backlog, changes and notes."""
    today = _text(
        "today",
        lang,
        overall=_number(roadmap.current_overall, lang),
        completeness=_number(roadmap.current_completeness, lang),
    )
    lines = [
        f"# {_field(_label('roadmap'), _inline(roadmap.client), lang)}",
        "",
        _text("audit_of", lang, date=roadmap.audit_date.isoformat()),
        "",
        today,
        "",
        "| " + " | ".join(label(lang) for label in _MARKDOWN_SUMMARY) + " |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for stage in roadmap.stages:
        capacity = (
            _text("unlimited", lang) if stage.capacity_hours is None else _number(stage.capacity_hours, lang)
        )
        lines.append(
            f"| {stage.month} | {stage.due.isoformat()} | {len(stage.actions)} | {_number(stage.hours, lang)} | "
            f"{capacity} | {_number(stage.projected_overall, lang)} | "
            f"{_number(stage.projected_completeness, lang)} |"
        )
    if roadmap.backlog:
        lines.append(
            f"| {_text('backlog_row', lang)} | | {len(roadmap.backlog)} | {_number(roadmap.backlog_hours, lang)} | | | |"
        )
    if roadmap.capacity_hours is not None:
        lines += ["", _year_total(roadmap, lang)]
    if roadmap.shortfall is not None:
        lines += ["", f"**{_inline(roadmap.shortfall(lang))}**"]
    titles = {a.id: a.title(lang) for a in (*roadmap.actions, *roadmap.backlog, *roadmap.dropped)}
    for stage in roadmap.stages:
        lines += [
            "",
            f"## {_text('month_n', lang, n=stage.month)} ({stage.start.isoformat()} → {stage.due.isoformat()})",
            "",
        ]
        hours = _field(_label("hours"), _number(stage.hours, lang), lang)
        if stage.capacity_hours is not None:
            hours += f" / {_number(stage.capacity_hours, lang)}"
            if stage.over_capacity:
                hours += f" ({_text('over_capacity', lang)})"
        cost = _field(_label("cost"), _money(stage.cost, roadmap.currency, lang), lang)
        projected = _field(_label("projected_overall"), _number(stage.projected_overall, lang), lang)
        lines.append(f"{hours} · {cost} · {projected}")
        if stage.warning is not None:
            lines += ["", f"**{_inline(stage.warning(lang))}**"]
        if stage.overflow:
            moved = ", ".join(titles.get(action_id, action_id) for action_id in stage.overflow)
            lines += ["", _field(_label("moved_later"), _inline(moved), lang)]
        if not stage.actions:
            lines += ["", _text("none", lang)]
        for order, action in enumerate(stage.actions, 1):
            lines += _action_lines(order, action, roadmap, titles, lang)
    if roadmap.backlog:
        lines += ["", f"## {_text('backlog', lang)}", "", _text("backlog_intro", lang)]
        for order, action in enumerate(roadmap.backlog, 1):
            lines += _action_lines(order, action, roadmap, titles, lang)
    if roadmap.dropped:
        lines += ["", f"## {_text('dropped', lang)}", ""]
        lines += [f"- {_inline(action.title(lang))} (`{action.id}`)" for action in roadmap.dropped]
    if roadmap.changes:
        lines += ["", f"## {_text('changes_title', lang)}", ""]
        lines += [
            f"- {_field(f'`{change.action_id}`', _inline(change.message(lang)), lang)}"
            for change in roadmap.changes
        ]
    lines += ["", f"## {_text('note', lang, count=_MANY)}", ""]
    lines += [f"- {_inline(note(lang))}" for note in roadmap.notes]
    return clean_text("\n".join(lines) + "\n")


def _action_lines(
    order: int, action: Action, roadmap: Roadmap, titles: dict[str, str], lang: str
) -> list[str]:
    tags = []
    if action.origin == "manual":
        tags.append(_text("manual", lang))
    elif action.edited:
        tags.append(_text("edited", lang))
    if action.over_capacity:
        tags.append(_text("over_capacity", lang))
    tag = f" _({', '.join(tags)})_" if tags else ""
    facts = [
        _field(_label("owner"), _inline(action.owner_label(lang)), lang),
        _field(_label("effort"), _number(action.effort_hours, lang), lang),
        _field(_label("cost"), _money(action.cost, roadmap.currency, lang), lang),
    ]
    if action.start and action.due:
        facts.append(f"{action.start.isoformat()} → {action.due.isoformat()}")
    lines = ["", f"### {order}. {_inline(action.title(lang))}{tag}", "", " · ".join(facts), ""]
    lines += [_inline(line) for line in action.description(lang).splitlines()]
    lines += ["", _item("done_when", _inline(action.done_when(lang)), lang)]
    if action.priority_text is not None:
        lines.append(_item("priority", _inline(action.priority_text(lang)), lang))
    if action.findings:
        lines.append(_item("findings", ", ".join(f"`{r}`" for r in action.findings), lang))
    if action.depends_on:
        lines.append(
            _item("depends_on", "; ".join(_inline(titles.get(d, d)) for d in action.depends_on), lang)
        )
    if action.effect:
        lines.append(_item("effect", _inline(action.effect(lang)), lang))
    for text in (action.note(lang) if action.note else "", action.consultant_note):
        if text:
            lines.append(_item("note", _inline(text), lang, count=1))
    lines += [_item("changes", _inline(change.message(lang)), lang) for change in action.changes]
    lines.append(f"- `{action.id}`")
    return lines


def _item(key: str, value: str, lang: str, **values: object) -> str:
    """A bulleted ``**label**: value`` line of an action."""
    return f"- {_field(f'**{_text(key, lang, **values)}**', value, lang)}"


def _inline(text: str) -> str:
    """``text`` on one line, with the characters Markdown would read as markup escaped.

    Underscores inside a word (``@shop_paris``) are left alone: Markdown reads no emphasis there.
    """
    flat = " ".join(text.split())
    return _MARKUP.sub(r"\\\g<0>", flat)


_MARKUP = re.compile(r"[\\`*\[\]<>]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")


FORMATS: dict[str, Renderer] = {
    ".csv": render_csv,
    ".xlsx": render_xlsx,
    ".ics": render_ics,
    ".md": lambda roadmap, lang: render_markdown(roadmap, lang).encode("utf-8"),
}
"""The export formats, by file extension."""
