"""Reading an export: every dialect platforms write, and a message naming the file for every bad one."""

from __future__ import annotations

import codecs
import os
import time
import tracemalloc
from pathlib import Path

import pytest
from csv_samples import BAD_FILES, ENGLISH_DAYS, FRENCH_POSTS, NBSP

from auditkit.csv_import import (
    ColumnKind,
    CsvImportError,
    CsvTable,
    Target,
    parse_number,
    read_csv,
    read_csv_file,
    suggest_mapping,
)


def _read(text: str, encoding: str = "utf-8", name: str = "export.csv") -> CsvTable:
    return read_csv(text.encode(encoding), name)


# -- dialects -----------------------------------------------------------------------------------------


def test_semicolons_french_dates_and_spaces_as_thousands() -> None:
    table = _read(FRENCH_POSTS)
    assert table.delimiter == ";"
    assert table.encoding == "utf-8"
    kinds = {column.name: column.kind for column in table.columns}
    assert kinds["Date de publication"] is ColumnKind.DATE
    assert kinds["Abonnés"] is ColumnKind.NUMBER
    assert kinds["Publication"] is ColumnKind.TEXT
    followers = table.columns[2]
    assert [parse_number(value, followers.decimal) for _, value in table.values(2)] == [
        1180,
        1190,
        1205,
        1210,
    ]


def test_commas_iso_dates_quoted_thousands_and_percent() -> None:
    table = _read(ENGLISH_DAYS)
    assert table.delimiter == ","
    assert table.columns[1].decimal == "."
    assert table.columns[2].kind is ColumnKind.PERCENT
    assert parse_number("1,002", table.columns[1].decimal) == 1002


def test_utf8_with_bom_keeps_the_first_header_clean() -> None:
    table = read_csv(codecs.BOM_UTF8 + FRENCH_POSTS.encode("utf-8"), "bom.csv")
    assert table.encoding == "utf-8-sig"
    assert table.header[0] == "Date de publication"


def test_latin1_windows_export() -> None:
    text = FRENCH_POSTS.replace("\u202f", " ").replace("\u00a0", " ").replace("û", "u")
    table = read_csv(text.encode("cp1252"), "latin1.csv")
    assert table.encoding == "cp1252"
    assert table.header[2] == "Abonnés"
    assert suggest_mapping(table).columns[2] is Target.FOLLOWERS


def test_tab_separated_utf16_excel_export() -> None:
    text = "Jour\tAbonnés\tTaux d'engagement (%)\n23/11/2026\t1 500\t0,8\n24/11/2026\t1 510\t1,2\n"
    table = read_csv(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "excel.txt")
    assert (table.delimiter, table.encoding) == ("\t", "utf-16")
    assert table.columns[2].decimal == ","


def test_decimal_comma_with_point_thousands() -> None:
    table = _read("Date;Impressions;Taux\n01/02/2026;1.234.567;1,5\n02/02/2026;2.000;0,25\n")
    assert table.columns[1].decimal == ","
    assert [parse_number(value, ",") for _, value in table.values(1)] == [1234567, 2000]
    assert [parse_number(value, table.columns[2].decimal) for _, value in table.values(2)] == [1.5, 0.25]


def test_month_first_dates_when_the_column_proves_it() -> None:
    table = _read("Date,Followers\n11/02/2026,10\n11/23/2026,12\n")
    assert table.columns[0].day_first is False


def test_excel_separator_line_names_the_separator() -> None:
    table = _read("sep=;\nDate;Abonnés\n01/01/2026;1 200\n02/01/2026;1 300\n")
    assert (table.delimiter, table.header) == (";", ("Date", "Abonnés"))
    assert table.lines == (3, 4)
    assert suggest_mapping(table).columns == {0: Target.DATE, 1: Target.FOLLOWERS}


def test_dialect_and_column_kinds_in_words() -> None:
    table = read_csv(codecs.BOM_UTF8 + FRENCH_POSTS.encode("utf-8"), "bom.csv")
    assert table.dialect("fr") == "séparateur ';', UTF-8 avec BOM"
    assert table.dialect("en") == "';' separated, UTF-8 with BOM"
    assert table.columns[2].kind.label("fr") == "nombre"
    assert table.columns[2].kind.label("en") == "number"
    tabs = read_csv(b"Jour\tAbonnes\n23/11/2026\t1\n", "tabs.txt")
    assert (tabs.dialect("en"), tabs.dialect("fr")) == (
        "tab separated, UTF-8",
        "séparateur tabulation, UTF-8",
    )


def test_an_unnamed_column_is_named_by_its_position_in_each_language() -> None:
    table = _read("Date;;Abonnés\n01/01/2026;x;10\n02/01/2026;y;12\n")
    assert table.header[1] == ""
    title = table.columns[1].title
    assert not isinstance(title, str)
    assert (title("en"), title("fr")) == ("column 2", "colonne 2")


def test_rows_that_do_not_match_the_header_are_left_out_with_their_line() -> None:
    table = _read("Date;Abonnés\n01/01/2026;10\n02/01/2026;11;x;y\n03/01/2026;12\n04/01/2026;13\n")
    assert table.lines == (2, 4, 5)
    assert [note("en") for note in table.skipped] == ["line 3: 4 fields where the header has 2"]
    assert [note("fr") for note in table.skipped] == [f"ligne 3{NBSP}: 4 champs alors que l'en-tête en a 2"]


# -- bad files -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_files_get_a_message_naming_the_file(kind: str) -> None:
    data, expected, line = BAD_FILES[kind]
    with pytest.raises(CsvImportError) as caught:
        read_csv(data, f"{kind}.csv")
    message = str(caught.value)
    assert message.startswith(f"{kind}.csv")
    assert expected in message
    assert caught.value.line == line
    assert caught.value.name == f"{kind}.csv"
    if line is not None:
        assert f"{kind}.csv, line {line}:" in message


@pytest.mark.parametrize(
    ("kind", "french"),
    [
        ("empty", "le fichier est vide"),
        ("xlsx", "classeur Excel"),
        ("json", "document JSON"),
        ("header_only", "une ligne d'en-tête seulement"),
        ("one_column", "une seule colonne"),
        ("ragged", "ne correspondent pas aux 3 colonnes"),
        ("no_usable_column", "aucune colonne utilisable"),
    ],
)
def test_bad_file_messages_exist_in_french(kind: str, french: str) -> None:
    data, english, line = BAD_FILES[kind]
    with pytest.raises(CsvImportError) as caught:
        read_csv(data, f"{kind}.csv")
    error = caught.value
    assert english in error.text("en") and error.text("en") == str(error) == error.message("en")
    localized = error.text("fr")
    assert localized == error.message("fr")
    assert localized.startswith(f"{kind}.csv")
    assert french in localized
    if line is not None:
        assert f"{kind}.csv, ligne {line}{NBSP}:" in localized
    else:
        assert localized.startswith(f"{kind}.csv{NBSP}: ")


def test_the_columns_found_are_listed_when_none_is_usable() -> None:
    with pytest.raises(CsvImportError) as caught:
        read_csv(BAD_FILES["no_usable_column"][0], "people.csv")
    assert "(columns found: Nom, Ville; expected e.g. Date, Followers, Engagement rate)" in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(CsvImportError, match="no such file"):
        read_csv_file(tmp_path / "nope.csv")
    with pytest.raises(CsvImportError, match="is a folder"):
        read_csv_file(tmp_path)


# -- files that used to raise something else than CsvImportError ----------------------------------------


def test_a_line_over_128_kib_is_read_whole() -> None:
    post = "x" * 140_000
    table = _read(f"Date,Publication,Followers\n2026-01-01,{post},10\n2026-01-02,short,12\n")
    assert table.rows[0] == ("2026-01-01", post, "10")


def test_line_breaks_inside_quoted_fields_are_kept() -> None:
    table = _read(
        'Date;Publication;Abonnés\n01/01/2026;"Horaires :\r\nlundi\nmardi";10\n02/01/2026;Pain;12\n'
    )
    assert table.rows[0][1] == "Horaires :\r\nlundi\nmardi"
    assert table.lines == (2, 5)


def test_one_windows_line_in_a_utf8_file_is_the_only_line_read_as_windows_1252() -> None:
    data = (
        "Date;Abonnés;Publication\n01/01/2026;10;Pâtisserie\n".encode()
        + "02/01/2026;12;Crème brûlée\n".encode("cp1252")
        + "03/01/2026;14;Café\n".encode()
    )
    table = read_csv(data, "mixed.csv")
    assert table.encoding == "utf-8"
    assert table.header[1] == "Abonnés"
    assert [row[2] for row in table.rows] == ["Pâtisserie", "Crème brûlée", "Café"]
    assert table.fallback_lines == (3,)
    assert [note("en") for note in table.notes] == [
        "line 3 is not UTF-8 like the rest of the file: read as Windows-1252 (Latin-1); check its accents"
    ]
    assert table.notes[0]("fr").startswith("la ligne 3 n'est pas en UTF-8 comme le reste du fichier")


def test_many_windows_lines_in_a_utf8_file_are_listed_then_counted() -> None:
    text = "Date;Abonnés;Publication\n" + "".join(f"{day:02d}/01/2026;{day};Café\n" for day in range(1, 16))
    lines = text.encode().split(b"\n")
    data = b"\n".join(lines[:2] + [line.decode().encode("cp1252") for line in lines[2:]])
    note = read_csv(data, "mixed.csv").notes[0]
    assert note("en").startswith("lines 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 4 others are not UTF-8")


def test_a_file_over_the_size_limit_is_refused_with_its_size() -> None:
    with pytest.raises(CsvImportError) as caught:
        read_csv(b"Date,Followers\n" + b"2026-01-01,1\n" * 1_600_000, "huge.csv")
    assert str(caught.value) == (
        "huge.csv: the file is 20.8 MB; an export is read up to 20 MB (export a shorter period, or split the file)"
    )
    assert "le fichier fait 20,8 Mo" in caught.value.text("fr")


def test_a_50_mb_file_is_refused_from_its_size_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as file:
        file.truncate(50_000_000)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(CsvImportError, match="the file is 50 MB; an export is read up to 20 MB"):
            read_csv_file(path)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 0.5
    assert peak < 1_000_000


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "export.csv"
    os.mkfifo(pipe)
    with pytest.raises(CsvImportError, match="is not a regular file"):
        read_csv_file(pipe)


@pytest.mark.parametrize("first_cell", ["Total", "Totaux", "Grand total", "total :"])
def test_a_totals_row_is_left_out_with_a_note(first_cell: str) -> None:
    table = read_csv(f"Title,Views\n{first_cell},30\nBread,10\nCake,20\n".encode(), "export.csv")
    assert [row[0] for row in table.rows] == ["Bread", "Cake"]
    assert [note("en") for note in table.notes] == [
        f"line 2: a totals row ('{first_cell}'), not one period or post; left out"
    ]
