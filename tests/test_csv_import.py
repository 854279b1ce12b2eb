"""CSV import: every dialect platforms export, the mapping suggestion, the preview, and every bad file."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from auditkit.csv_import import (
    ColumnKind,
    CsvImportError,
    Mapping,
    Target,
    apply_plan,
    guess_channel,
    parse_date,
    parse_number,
    plan_import,
    read_csv,
    read_csv_file,
    suggest_definition,
    suggest_mapping,
)
from auditkit.model import Audit, Channel, EngagementMeasure
from auditkit.platforms import Platform

FRENCH_POSTS = (
    "Date de publication;Publication;Abonnés;J'aime;Commentaires;Partages;Portée\n"
    "02/11/2026;Pain de la semaine;1\u202f180;40;5;3;1\u00a0200\n"
    "09/11/2026;Atelier du samedi;1 190;22;1;0;800\n"
    "16/11/2026;Bûche de Noël;1.205;61;12;9;2 000\n"
    "23/11/2026;Horaires des fêtes;1 210;18;0;2;1 000\n"
)
ENGLISH_DAYS = (
    "Date,Followers,Engagement rate,Posts,Impressions\n"
    "2026-11-01,980,2.5%,1,1500\n"
    "2026-11-02,985,3.5%,0,900\n"
    '2026-11-03,"1,002",3.0%,2,"1,250"\n'
    "2026-11-14,1010,,1,700\n"
)


@pytest.fixture
def audit(minimal_audit: Audit) -> Audit:
    minimal_audit.channels = [
        Channel(id="facebook", name="Page Facebook", platform=Platform.FACEBOOK, audience_size=900),
        Channel(id="instagram", name="Instagram", platform=Platform.INSTAGRAM),
    ]
    return minimal_audit


def _read(text: str, encoding: str = "utf-8", name: str = "export.csv") -> object:
    return read_csv(text.encode(encoding), name)


# -- dialects -----------------------------------------------------------------------------------------


def test_semicolons_french_dates_and_spaces_as_thousands() -> None:
    table = _read(FRENCH_POSTS)
    assert table.delimiter == ";"
    assert table.encoding == "UTF-8"
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
    assert table.encoding == "UTF-8 with BOM"
    assert table.header[0] == "Date de publication"


def test_latin1_windows_export() -> None:
    text = FRENCH_POSTS.replace("\u202f", " ").replace("\u00a0", " ").replace("û", "u")
    table = read_csv(text.encode("cp1252"), "latin1.csv")
    assert table.encoding.startswith("Windows-1252")
    assert table.header[2] == "Abonnés"
    assert suggest_mapping(table).columns[2] is Target.FOLLOWERS


def test_tab_separated_utf16_excel_export() -> None:
    text = "Jour\tAbonnés\tTaux d'engagement (%)\n23/11/2026\t1 500\t0,8\n24/11/2026\t1 510\t1,2\n"
    table = read_csv(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "excel.txt")
    assert (table.delimiter, table.encoding) == ("\t", "UTF-16")
    assert table.columns[2].decimal == ","


def test_decimal_comma_with_point_thousands() -> None:
    table = _read("Date;Impressions;Taux\n01/02/2026;1.234.567;1,5\n02/02/2026;2.000;0,25\n")
    assert table.columns[1].decimal == ","
    assert [parse_number(value, ",") for _, value in table.values(1)] == [1234567, 2000]
    assert [parse_number(value, table.columns[2].decimal) for _, value in table.values(2)] == [1.5, 0.25]


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("1 234,5", ",", 1234.5),
        ("1\u00a0234,5", ",", 1234.5),
        ("1\u202f234,5", ",", 1234.5),
        ("1.234,5", ",", 1234.5),
        ("1,234.5", ".", 1234.5),
        ("12,5 %", ",", 12.5),
        ("-3", ".", -3.0),
        ("1,23,4", ".", None),
        ("abc", ".", None),
        ("", ".", None),
    ],
)
def test_parse_number(text: str, decimal: str, expected: float | None) -> None:
    assert parse_number(text, decimal) == expected


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("23/11/2026", True, date(2026, 11, 23)),
        ("23/11/2026 14:05", True, date(2026, 11, 23)),
        ("2026-11-23", True, date(2026, 11, 23)),
        ("2026-11-23T09:00:00+01:00", True, date(2026, 11, 23)),
        ("11/23/2026", False, date(2026, 11, 23)),
        ("23.11.26", True, date(2026, 11, 23)),
        ("23 novembre 2026", True, date(2026, 11, 23)),
        ("1er déc. 2026", True, date(2026, 12, 1)),
        ("Nov 23, 2026", True, date(2026, 11, 23)),
        ("31/02/2026", True, None),
        ("soon", True, None),
    ],
)
def test_parse_date(text: str, day_first: bool, expected: date | None) -> None:
    assert parse_date(text, day_first) == expected


def test_month_first_dates_when_the_column_proves_it() -> None:
    table = _read("Date,Followers\n11/02/2026,10\n11/23/2026,12\n")
    assert table.columns[0].day_first is False


# -- mapping -------------------------------------------------------------------------------------------


def test_suggested_mapping_from_french_headers() -> None:
    table = _read(FRENCH_POSTS)
    mapping = suggest_mapping(table)
    assert mapping.columns == {
        0: Target.DATE,
        2: Target.FOLLOWERS,
        3: Target.INTERACTIONS,
        4: Target.INTERACTIONS,
        5: Target.INTERACTIONS,
        6: Target.REACH,
    }
    assert mapping.rows_are_posts


def test_suggested_mapping_from_english_headers_prefers_reach_words() -> None:
    table = _read("Date,Reach,Impressions,Followers\n2026-01-01,1,2,3\n2026-01-02,1,2,3\n")
    mapping = suggest_mapping(table)
    assert mapping.indexes(Target.REACH) == [1]
    assert 2 not in mapping.columns
    assert not mapping.rows_are_posts


def test_a_header_matching_a_target_but_holding_text_is_not_mapped() -> None:
    table = _read("Date;Abonnés;Likes\n01/01/2026;beaucoup;3\n02/01/2026;peu;4\n")
    assert 1 not in suggest_mapping(table).columns


def test_with_column_moves_a_single_target_and_keeps_summed_ones() -> None:
    mapping = Mapping({0: Target.DATE, 1: Target.FOLLOWERS, 2: Target.INTERACTIONS})
    moved = mapping.with_column(3, Target.FOLLOWERS).with_column(4, Target.INTERACTIONS)
    assert moved.columns == {
        0: Target.DATE,
        2: Target.INTERACTIONS,
        3: Target.FOLLOWERS,
        4: Target.INTERACTIONS,
    }
    assert moved.with_column(0, Target.IGNORE).columns.get(0) is None


def test_guess_channel_from_the_file_name(audit: Audit) -> None:
    assert guess_channel(audit, "Instagram_insights_2026-11.csv") == "instagram"
    assert guess_channel(audit, "export-facebook.csv") == "facebook"
    assert guess_channel(audit, "stats.csv") is None


# -- preview and apply -----------------------------------------------------------------------------


def test_plan_from_posts_export_computes_every_channel_field(audit: Audit) -> None:
    table = _read(FRENCH_POSTS)
    mapping = suggest_mapping(table)
    definition = suggest_definition(table, mapping, audit.channel("facebook"))
    assert definition == "er_by_reach"
    plan = plan_import(audit, "facebook", table, mapping, definition)
    changes = {change.field: (change.old, change.new) for change in plan.changes}
    assert changes["channels.0.last_post"] == (None, date(2026, 11, 23))
    assert changes["channels.0.audience_size"] == (900, 1210)
    assert changes["channels.0.posts_per_week"] == (None, round(4 / (22 / 7), 2))
    engagement = changes["channels.0.engagement"][1]
    assert isinstance(engagement, EngagementMeasure)
    assert (engagement.interactions, engagement.base) == (173, 5000)
    assert engagement.definition == "er_by_reach"


def test_plan_from_daily_export_uses_posts_column_and_mean_rate(audit: Audit) -> None:
    table = _read(ENGLISH_DAYS)
    plan = plan_import(audit, "instagram", table, suggest_mapping(table))
    changes = {change.field.rsplit(".", 1)[1]: change.new for change in plan.changes}
    assert changes["audience_size"] == 1010
    assert changes["posts_per_week"] == 2.0
    assert changes["last_post"] == date(2026, 11, 14)
    assert changes["engagement"].rate == 3.0


def test_fraction_rates_are_read_as_percent_and_said_so(audit: Audit) -> None:
    table = _read("Date,Engagement rate\n2026-01-01,0.02\n2026-01-02,0.04\n")
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    assert plan.changes[0].new.rate == 3.0
    assert any("fractions" in note for note in plan.notes)


def test_bad_cells_are_left_out_with_their_line(audit: Audit) -> None:
    table = _read(
        "Date;Abonnés\n01/01/2026;100\n02/01/2026;n/a\n03/01/2026;120\n04/01/2026;130\n05/01/2026;140\n"
    )
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    assert plan.changes[0].new == 140
    assert "line 3: 'n/a' in column 'Abonnés' is not a number; left out" in plan.notes


def test_preview_changes_nothing_and_apply_changes_only_the_channel(audit: Audit) -> None:
    before = audit.model_dump()
    table = _read(FRENCH_POSTS)
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    assert audit.model_dump() == before
    updated = apply_plan(audit, plan)
    assert audit.model_dump() == before
    assert updated.channel("facebook").audience_size == 1210
    assert updated.channel("instagram") == audit.channel("instagram")
    assert updated.model_dump(exclude={"channels"}) == audit.model_dump(exclude={"channels"})


def test_a_file_that_agrees_with_the_channel_plans_no_change(audit: Audit) -> None:
    table = _read("Date;Abonnés\n01/01/2026;900\n")
    assert not plan_import(audit, "facebook", table, suggest_mapping(table)).changes_anything


# -- bad files -------------------------------------------------------------------------------------------

BAD_FILES: dict[str, tuple[bytes, str, int | None]] = {
    "empty": (b"", "the file is empty", None),
    "blank": (b"  \n\n \r\n", "the file is empty", None),
    "binary": (bytes(range(256)) * 8, "binary file", None),
    "xlsx": (b"PK\x03\x04\x14\x00\x06\x00" + bytes(100), "Excel workbook", None),
    "pdf": (b"%PDF-1.7\n" + bytes(50), "PDF", None),
    "json": (b'{"followers": 120, "date": "2026-01-01"}', "JSON document", None),
    "json_list": (b'[{"a": 1}, {"a": 2}]', "JSON document", None),
    "html": (b"<!DOCTYPE html><html><body>login</body></html>", "HTML", None),
    "header_only": (b"Date;Abonn\xc3\xa9s;Port\xc3\xa9e\n", "only a header line", 1),
    "one_column": (b"hello world\nthis is not a table\nat all\n", "a single column", 1),
    "ragged": (b"a,b,c\n1\n2\n3,4,5,6,7\nx\n", "do not match the header", 2),
    "no_usable_column": (b"Nom;Ville\nMartin;Tours\nDupont;Blois\n", "no usable column", None),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_files_get_a_message_naming_the_file(kind: str) -> None:
    data, expected, line = BAD_FILES[kind]
    with pytest.raises(CsvImportError) as caught:
        read_csv(data, f"{kind}.csv")
    message = str(caught.value)
    assert message.startswith(f"{kind}.csv")
    assert expected in message
    assert caught.value.line == line
    if line is not None:
        assert f"{kind}.csv, line {line}:" in message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(CsvImportError, match="no such file"):
        read_csv_file(tmp_path / "nope.csv")
    with pytest.raises(CsvImportError, match="is a folder"):
        read_csv_file(tmp_path)


def test_nothing_mapped_is_refused_and_changes_nothing(audit: Audit) -> None:
    before = audit.model_dump()
    table = _read(FRENCH_POSTS)
    with pytest.raises(CsvImportError, match="no column is mapped"):
        plan_import(audit, "facebook", table, Mapping({}))
    assert audit.model_dump() == before


def test_mapped_columns_without_usable_values_are_refused(audit: Audit) -> None:
    table = _read("Date;Abonnés;Note\n01/01/2026;10;x\n02/01/2026;12;y\n")
    with pytest.raises(CsvImportError, match="none of the mapped columns holds a usable value"):
        plan_import(audit, "facebook", table, Mapping({2: Target.FOLLOWERS}))


def test_excel_separator_line_names_the_separator() -> None:
    table = _read("sep=;\nDate;Abonnés\n01/01/2026;1 200\n02/01/2026;1 300\n")
    assert (table.delimiter, table.header) == (";", ("Date", "Abonnés"))
    assert table.lines == (3, 4)
    assert suggest_mapping(table).columns == {0: Target.DATE, 1: Target.FOLLOWERS}


# -- messages in the audit's language -----------------------------------------------------------------


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
    assert english in caught.value.localized("en") and caught.value.localized("en") == str(caught.value)
    localized = caught.value.localized("fr")
    assert localized.startswith(f"{kind}.csv")
    assert french in localized
    if line is not None:
        assert f"{kind}.csv, ligne {line} :" in localized


def test_dialect_column_kinds_and_notes_in_french(audit: Audit) -> None:
    table = read_csv(codecs.BOM_UTF8 + FRENCH_POSTS.encode("utf-8"), "bom.csv")
    assert table.dialect("fr") == "séparateur ';', UTF-8 avec BOM"
    assert table.dialect("en") == "';' separated, UTF-8 with BOM"
    assert table.columns[2].kind.label("fr") == "nombre"
    table = _read(
        "Date;Abonnés\n01/01/2026;100\n02/01/2026;n/a\n03/01/2026;120\n04/01/2026;130\n05/01/2026;140\n"
    )
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    assert [note("fr") for note in plan.notes] == [
        "ligne 3 : 'n/a' dans la colonne 'Abonnés' n'est pas un nombre ; écarté"
    ]
    fractions = _read("Date,Engagement rate\n2026-01-01,0.02\n2026-01-02,0.05\n")
    note = plan_import(audit, "facebook", fractions, suggest_mapping(fractions)).notes[0]
    assert note.endswith("read as 3.5 %") and note("fr").endswith("lu comme 3,5 %")
