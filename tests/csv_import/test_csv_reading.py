"""Reading an export: every dialect platforms write, and a message naming the file for every bad one."""

from __future__ import annotations

import codecs
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
