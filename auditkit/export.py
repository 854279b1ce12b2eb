"""The roadmap as files a client opens: CSV, Excel workbook, iCalendar and Markdown.

:func:`write_roadmap` picks the format from the file's extension (:data:`FORMATS`) and writes
atomically: the file is written beside the target under a temporary name, flushed, then renamed over
it, so an interrupted export never leaves half a file. Texts are in the language asked for (the
audit's by default); ids, rule ids and dates stay as they are so that the files can be joined with
the audit's JSON outputs.

* ``.csv``: one row per scheduled or backlog action, the columns of :data:`CSV_COLUMNS` in that order.
* ``.xlsx``: a summary sheet (one row per stage, then the notes) and one sheet per stage (plus the
  backlog when it is not empty): bold, frozen header row, set column widths, wrapped text.
* ``.ics``: one all-day event per stage milestone (on the stage's date) and one per dated action
  (from its start to its due date); UIDs are derived from the client, the audit date and the action
  id, so a re-imported calendar updates its events instead of duplicating them.
* ``.md``: the readable plan, stage by stage; ``auditkit roadmap`` prints it.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from auditkit import store
from auditkit.errors import AuditkitError
from auditkit.i18n import Bilingual
from auditkit.model import Language
from auditkit.roadmap import Action, Roadmap, Stage

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "check_format",
    "render_csv",
    "render_ics",
    "render_markdown",
    "render_xlsx",
    "write_roadmap",
]

_B = Bilingual

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

_LABELS: dict[str, Bilingual] = {
    "roadmap": _B("Roadmap", "Feuille de route"),
    "audit_of": _B("Audit of {date}", "Audit du {date}"),
    "summary": _B("Summary", "Synthèse"),
    "month": _B("Month", "Mois"),
    "month_n": _B("Month {n}", "Mois {n}"),
    "by": _B("By", "Échéance"),
    "from": _B("From", "Début"),
    "actions": _B("Actions", "Actions"),
    "hours": _B("Hours", "Heures"),
    "capacity": _B("Capacity (h)", "Capacité (h)"),
    "cost": _B("Cost", "Coût"),
    "projected_overall": _B("Projected overall score", "Score global projeté"),
    "projected_completeness": _B("Projected strategy completeness", "Complétude projetée de la stratégie"),
    "moved_later": _B("Moved to a later stage", "Décalées à une étape suivante"),
    "today": _B(
        "Today: overall score {overall}, strategy completeness {completeness}.",
        "Aujourd'hui : score global {overall}, complétude de la stratégie {completeness}.",
    ),
    "order": _B("#", "n°"),
    "id": _B("Id", "Identifiant"),
    "title": _B("Action", "Action"),
    "description": _B("Description", "Description"),
    "owner": _B("Owner", "Responsable"),
    "effort": _B("Effort (h)", "Effort (h)"),
    "done_when": _B("Done when", "Terminé quand"),
    "start": _B("Start", "Début"),
    "due": _B("Due", "Échéance"),
    "severity": _B("Severity", "Gravité"),
    "findings": _B("Answers", "Répond à"),
    "depends_on": _B("Depends on", "Dépend de"),
    "note": _B("Note", "Remarque"),
    "consultant_note": _B("Consultant's note", "Note du consultant"),
    "changes": _B("To review", "À revoir"),
    "effect": _B("Modelled effect", "Effet modélisé"),
    "backlog": _B("Backlog", "En attente"),
    "backlog_row": _B("Backlog (beyond month 12)", "En attente (au-delà du mois 12)"),
    "backlog_intro": _B(
        "Actions the team's time cannot hold within twelve months.",
        "Actions que le temps de l'équipe ne permet pas de tenir en douze mois.",
    ),
    "year_total": _B(
        "Whole plan: {needed} h of work for {capacity} h of capacity over the year.",
        "Plan complet : {needed} h de travail pour {capacity} h de capacité sur l'année.",
    ),
    "dropped": _B("Dropped by the consultant", "Écartées par le consultant"),
    "changes_title": _B("Changes to review", "Changements à revoir"),
    "notes": _B("Notes", "Remarques"),
    "none": _B("No action in this stage.", "Aucune action à cette étape."),
    "not_assessed": _B("not assessed", "non évalué"),
    "over_capacity": _B("over capacity", "au-delà de la capacité"),
    "unlimited": _B("not capped", "non plafonnée"),
    "manual": _B("added by hand", "ajoutée à la main"),
    "edited": _B("edited", "modifiée"),
    "milestone": _B("Month {n} milestone: {count} action(s) due", "Jalon du mois {n} : {count} action(s) à terminer"),
    "client": _B("Client", "Client"),
    "currency": _B("Currency", "Devise"),
}  # fmt: skip

Renderer = Callable[[Roadmap, Language], bytes]


def write_roadmap(roadmap: Roadmap, path: Path | str, lang: Language | str | None = None) -> Path:
    """Write ``roadmap`` to ``path`` in the format its extension names, atomically; returns the path.

    Raises:
        AuditkitError: the extension is not one of :data:`FORMATS`, or the folder cannot be written.
    """
    path = Path(path)
    renderer = check_format(path)
    language = Language(lang or roadmap.language)
    store.write_atomically(path, renderer(roadmap, language))
    return path


def check_format(path: Path | str) -> Renderer:
    """The renderer of ``path``'s extension.

    Raises:
        AuditkitError: the extension is not one of :data:`FORMATS` (the message lists them).
    """
    path = Path(path)
    renderer = FORMATS.get(path.suffix.lower())
    if renderer is None:
        given = f"extension '{path.suffix}'" if path.suffix else "a file without extension"
        raise AuditkitError(
            f"{path}: cannot export a roadmap to {given} (valid extensions: {', '.join(FORMATS)})"
        )
    return renderer


# -- shared helpers ----------------------------------------------------------------------------------


def _label(key: str, lang: Language, **values: object) -> str:
    text = _LABELS[key](lang)
    return text.format(**values) if values else text


def _colon(lang: Language) -> str:
    return " :" if lang is Language.FR else ":"


def _number(value: float | None, lang: Language, digits: int = 1) -> str:
    if value is None:
        return _label("not_assessed", lang)
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\u00a0").replace(".", ",") if lang is Language.FR else text


def _money(value: float, currency: str, lang: Language) -> str:
    return f"{_number(value, lang, 2)} {currency}"


def _year_total(roadmap: Roadmap, lang: Language) -> str:
    return _label(
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


def _record(status: str, order: int, action: Action, roadmap: Roadmap, lang: Language) -> dict[str, Any]:
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


def render_csv(roadmap: Roadmap, lang: Language = Language.EN) -> bytes:
    """One row per scheduled or backlog action, columns :data:`CSV_COLUMNS`; UTF-8 with a BOM for Excel."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for status, order, action in _rows(roadmap):
        writer.writerow(_record(status, order, action, roadmap, lang))
    return buffer.getvalue().encode("utf-8-sig")


# -- Excel -------------------------------------------------------------------------------------------

_STAGE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("order", 5),
    ("title", 36),
    ("description", 60),
    ("owner", 20),
    ("effort", 10),
    ("cost", 12),
    ("done_when", 40),
    ("start", 12),
    ("due", 12),
    ("severity", 10),
    ("findings", 24),
    ("depends_on", 24),
    ("note", 40),
    ("id", 22),
)
_SUMMARY_COLUMNS: tuple[tuple[str, int], ...] = (
    ("month", 10),
    ("from", 12),
    ("by", 12),
    ("actions", 10),
    ("hours", 10),
    ("capacity", 13),
    ("cost", 13),
    ("projected_overall", 16),
    ("projected_completeness", 18),
    ("moved_later", 50),
)


def render_xlsx(roadmap: Roadmap, lang: Language = Language.EN) -> bytes:
    """A summary sheet and one sheet per stage (plus the backlog), ready to hand over."""
    from openpyxl import Workbook

    workbook = Workbook()
    summary = workbook.active
    summary.title = _label("summary", lang)
    _header(summary, _SUMMARY_COLUMNS, lang)
    for stage in roadmap.stages:
        summary.append(
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
            ]
        )
    if roadmap.backlog:
        summary.append(
            [
                _label("backlog_row", lang),
                None,
                None,
                len(roadmap.backlog),
                round(roadmap.backlog_hours, 2),
                None,
                round(sum(action.cost for action in roadmap.backlog), 2),
            ]
        )
    _finish(summary, _SUMMARY_COLUMNS, summary.max_row)
    colon = _colon(lang)
    about = [
        f"{_label('client', lang)}{colon} {roadmap.client}",
        _label("audit_of", lang, date=roadmap.audit_date.isoformat()),
        f"{_label('currency', lang)}{colon} {roadmap.currency}",
    ]
    if roadmap.capacity_hours is not None:
        about.append(_year_total(roadmap, lang))
    if roadmap.shortfall is not None:
        about.append(roadmap.shortfall(lang))
    for text in ["", *about, ""]:
        _paragraph(summary, text)
    _paragraph(summary, _label("notes", lang), bold=True)
    for note in roadmap.notes:
        _paragraph(summary, note(lang))
    for stage in roadmap.stages:
        _action_sheet(workbook, _label("month_n", lang, n=stage.month), stage.actions, roadmap, lang)
    if roadmap.backlog:
        _action_sheet(workbook, _label("backlog", lang), roadmap.backlog, roadmap, lang)
    created = datetime.combine(roadmap.audit_date, datetime.min.time())
    workbook.properties.creator = "auditkit"
    workbook.properties.title = f"{_label('roadmap', lang)}{_colon(lang)} {roadmap.client}"
    workbook.properties.created = created
    workbook.properties.modified = created
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _action_sheet(
    workbook: Any, title: str, actions: tuple[Action, ...], roadmap: Roadmap, lang: Language
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
        sheet.append(
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
                action.severity.label(lang) if action.severity else "",
                ", ".join(action.findings),
                "\n".join(titles.get(d, d) for d in action.depends_on),
                note,
                action.id,
            ]
        )
    _finish(sheet, _STAGE_COLUMNS, len(actions) + 1, money_column=6)


def _paragraph(sheet: Any, text: str, *, bold: bool = False) -> None:
    """A line of text under a table, across the table's width, tall enough for its length."""
    from openpyxl.styles import Alignment, Font

    sheet.append([text])
    row = sheet.max_row
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(_SUMMARY_COLUMNS))
    cell = sheet.cell(row=row, column=1)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    cell.font = Font(bold=bold)
    width = sum(width for _, width in _SUMMARY_COLUMNS)
    sheet.row_dimensions[row].height = 15 * max(1, -(-len(text) // width))


def _header(sheet: Any, columns: tuple[tuple[str, int], ...], lang: Language) -> None:
    from openpyxl.styles import Font, PatternFill

    sheet.append([_label(key, lang) for key, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
    sheet.freeze_panes = "A2"


def _finish(sheet: Any, columns: tuple[tuple[str, int], ...], last_row: int, money_column: int = 7) -> None:
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


def render_ics(roadmap: Roadmap, lang: Language = Language.EN) -> bytes:
    """An event per stage milestone and per dated action, in ``lang``; stable UIDs."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//auditkit//roadmap//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{_label('roadmap', lang)}{_colon(lang)} {roadmap.client}")
    stamp = datetime.combine(roadmap.audit_date, datetime.min.time(), tzinfo=UTC)
    prefix = f"{_slug(roadmap.client)}-{roadmap.audit_date.isoformat()}"
    titles = {action.id: action.title(lang) for action in roadmap.actions}
    for stage in roadmap.stages:
        event = Event()
        event.add("uid", f"{prefix}-stage-{stage.month}@auditkit")
        event.add("dtstamp", stamp)
        event.add("dtstart", stage.due)
        event.add("dtend", stage.due + timedelta(days=1))
        summary = _label("milestone", lang, n=stage.month, count=len(stage.actions))
        event.add("summary", summary, parameters={"LANGUAGE": lang.value})
        event.add("description", _milestone_text(stage, lang), parameters={"LANGUAGE": lang.value})
        event.add("categories", [_label("roadmap", lang)])
        calendar.add_component(event)
        for action in stage.actions:
            if action.start is None or action.due is None:
                continue
            item = Event()
            item.add("uid", f"{prefix}-{action.id}@auditkit")
            item.add("dtstamp", stamp)
            item.add("dtstart", action.start)
            item.add("dtend", max(action.due, action.start) + timedelta(days=1))
            item.add("summary", action.title(lang), parameters={"LANGUAGE": lang.value})
            item.add("description", _action_text(action, titles, lang), parameters={"LANGUAGE": lang.value})
            item.add("categories", [_label("month_n", lang, n=stage.month)])
            calendar.add_component(item)
    return calendar.to_ical()


def _milestone_text(stage: Stage, lang: Language) -> str:
    lines = [f"- {action.title(lang)}" for action in stage.actions]
    lines.append(f"{_label('hours', lang)}{_colon(lang)} {_number(stage.hours, lang)}")
    lines.append(
        f"{_label('projected_overall', lang)}{_colon(lang)} {_number(stage.projected_overall, lang)}"
    )
    return "\n".join(lines)


def _action_text(action: Action, titles: dict[str, str], lang: Language) -> str:
    lines = [
        action.description(lang),
        f"{_label('done_when', lang)}{_colon(lang)} {action.done_when(lang)}",
        f"{_label('owner', lang)}{_colon(lang)} {action.owner_label(lang)}",
        f"{_label('effort', lang)}{_colon(lang)} {_number(action.effort_hours, lang)}",
    ]
    if action.depends_on:
        lines.append(
            f"{_label('depends_on', lang)}{_colon(lang)} "
            + "; ".join(titles.get(d, d) for d in action.depends_on)
        )
    return "\n".join(lines)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "client"


# -- Markdown ----------------------------------------------------------------------------------------


def render_markdown(roadmap: Roadmap, lang: Language = Language.EN) -> str:
    """The plan as Markdown: a summary table, then each stage's actions, backlog, changes and notes."""
    colon = _colon(lang)
    lines = [
        f"# {_label('roadmap', lang)}{colon} {_inline(roadmap.client)}",
        "",
        _label("audit_of", lang, date=roadmap.audit_date.isoformat()),
        "",
        _label(
            "today",
            lang,
            overall=_number(roadmap.current_overall, lang),
            completeness=_number(roadmap.current_completeness, lang),
        ),
        "",
        "| "
        + " | ".join(
            _label(key, lang)
            for key in (
                "month",
                "by",
                "actions",
                "hours",
                "capacity",
                "projected_overall",
                "projected_completeness",
            )
        )
        + " |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for stage in roadmap.stages:
        capacity = (
            _label("unlimited", lang) if stage.capacity_hours is None else _number(stage.capacity_hours, lang)
        )
        lines.append(
            f"| {stage.month} | {stage.due.isoformat()} | {len(stage.actions)} | {_number(stage.hours, lang)} | "
            f"{capacity} | {_number(stage.projected_overall, lang)} | "
            f"{_number(stage.projected_completeness, lang)} |"
        )
    if roadmap.backlog:
        lines.append(
            f"| {_label('backlog_row', lang)} | | {len(roadmap.backlog)} | "
            f"{_number(roadmap.backlog_hours, lang)} | | | |"
        )
    if roadmap.capacity_hours is not None:
        lines += ["", _year_total(roadmap, lang)]
    if roadmap.shortfall is not None:
        lines += ["", f"**{_inline(roadmap.shortfall(lang))}**"]
    titles = {a.id: a.title(lang) for a in (*roadmap.actions, *roadmap.backlog, *roadmap.dropped)}
    for stage in roadmap.stages:
        lines += [
            "",
            f"## {_label('month_n', lang, n=stage.month)} ({stage.start.isoformat()} → {stage.due.isoformat()})",
            "",
        ]
        hours = f"{_label('hours', lang)}{colon} {_number(stage.hours, lang)}"
        if stage.capacity_hours is not None:
            hours += f" / {_number(stage.capacity_hours, lang)}"
            if stage.over_capacity:
                hours += f" ({_label('over_capacity', lang)})"
        lines.append(
            f"{hours} · {_label('cost', lang)}{colon} {_money(stage.cost, roadmap.currency, lang)} · "
            f"{_label('projected_overall', lang)}{colon} {_number(stage.projected_overall, lang)}"
        )
        if stage.overflow:
            moved = ", ".join(titles.get(action_id, action_id) for action_id in stage.overflow)
            lines += ["", f"{_label('moved_later', lang)}{colon} {_inline(moved)}"]
        if not stage.actions:
            lines += ["", _label("none", lang)]
        for order, action in enumerate(stage.actions, 1):
            lines += _action_lines(order, action, roadmap, titles, lang, colon)
    if roadmap.backlog:
        lines += ["", f"## {_label('backlog', lang)}", "", _label("backlog_intro", lang)]
        for order, action in enumerate(roadmap.backlog, 1):
            lines += _action_lines(order, action, roadmap, titles, lang, colon)
    if roadmap.dropped:
        lines += ["", f"## {_label('dropped', lang)}", ""]
        lines += [f"- {_inline(action.title(lang))} (`{action.id}`)" for action in roadmap.dropped]
    if roadmap.changes:
        lines += ["", f"## {_label('changes_title', lang)}", ""]
        lines += [
            f"- `{change.action_id}`{colon} {_inline(change.message(lang))}" for change in roadmap.changes
        ]
    lines += ["", f"## {_label('notes', lang)}", ""]
    lines += [f"- {note(lang)}" for note in roadmap.notes]
    return "\n".join(lines) + "\n"


def _action_lines(
    order: int, action: Action, roadmap: Roadmap, titles: dict[str, str], lang: Language, colon: str
) -> list[str]:
    tags = []
    if action.origin == "manual":
        tags.append(_label("manual", lang))
    elif action.edited:
        tags.append(_label("edited", lang))
    if action.over_capacity:
        tags.append(_label("over_capacity", lang))
    tag = f" _({', '.join(tags)})_" if tags else ""
    facts = [
        f"{_label('owner', lang)}{colon} {_inline(action.owner_label(lang))}",
        f"{_label('effort', lang)}{colon} {_number(action.effort_hours, lang)}",
        f"{_label('cost', lang)}{colon} {_money(action.cost, roadmap.currency, lang)}",
    ]
    if action.start and action.due:
        facts.append(f"{action.start.isoformat()} → {action.due.isoformat()}")
    lines = ["", f"### {order}. {_inline(action.title(lang))}{tag}", "", " · ".join(facts), ""]
    lines += [_inline(line) for line in action.description(lang).splitlines()]
    lines += ["", f"- **{_label('done_when', lang)}**{colon} {_inline(action.done_when(lang))}"]
    if action.findings:
        lines.append(
            f"- **{_label('findings', lang)}**{colon} " + ", ".join(f"`{r}`" for r in action.findings)
        )
    if action.depends_on:
        lines.append(
            f"- **{_label('depends_on', lang)}**{colon} "
            + "; ".join(_inline(titles.get(d, d)) for d in action.depends_on)
        )
    if action.effect:
        lines.append(f"- **{_label('effect', lang)}**{colon} {_inline(action.effect(lang))}")
    for text in (action.note(lang) if action.note else "", action.consultant_note):
        if text:
            lines.append(f"- **{_label('note', lang)}**{colon} {_inline(text)}")
    lines += [
        f"- **{_label('changes', lang)}**{colon} {_inline(change.message(lang))}" for change in action.changes
    ]
    lines.append(f"- `{action.id}`")
    return lines


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
