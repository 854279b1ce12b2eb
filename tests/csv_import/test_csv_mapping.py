"""Which column feeds which channel field: suggestions from French and English headers, and moves."""

from __future__ import annotations

from csv_samples import FRENCH_POSTS

from auditkit.csv_import import (
    TARGET_LABELS,
    CsvTable,
    Mapping,
    Target,
    guess_channel,
    read_csv,
    suggest_mapping,
)
from auditkit.model import Audit


def _read(text: str) -> CsvTable:
    return read_csv(text.encode("utf-8"), "export.csv")


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


def test_every_target_has_a_name_in_each_language() -> None:
    assert set(TARGET_LABELS) == set(Target)
    assert TARGET_LABELS[Target.FOLLOWERS]("en") == "Followers (audience size)"
    assert TARGET_LABELS[Target.FOLLOWERS]("fr") == "Abonnés (taille de l'audience)"
    assert {label("en") for label in TARGET_LABELS.values()}.isdisjoint(
        {label("fr") for label in TARGET_LABELS.values()}
    )


def test_a_column_holding_negative_numbers_is_not_suggested_as_a_count() -> None:
    table = _read("Date,Net followers,Followers\n2026-01-01,5,100\n2026-01-02,-3,97\n")
    assert suggest_mapping(table).columns == {0: Target.DATE, 2: Target.FOLLOWERS}
