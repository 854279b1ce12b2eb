"""The preview of an import: what would change on the channel, what was left out, and refusals."""

from __future__ import annotations

from datetime import date

import pytest
from csv_samples import ENGLISH_DAYS, FRENCH_POSTS, NARROW_NBSP, NBSP, ONE_BAD_CELL

from auditkit.csv_import import (
    CsvImportError,
    CsvTable,
    Mapping,
    Target,
    plan_import,
    read_csv,
    suggest_definition,
    suggest_mapping,
)
from auditkit.model import Audit, EngagementMeasure


def _read(text: str) -> CsvTable:
    return read_csv(text.encode("utf-8"), "export.csv")


def test_plan_from_posts_export_computes_every_channel_field(audit: Audit) -> None:
    table = _read(FRENCH_POSTS)
    mapping = suggest_mapping(table)
    definition = suggest_definition(table, mapping, audit.channel("facebook"))
    assert definition == "interactions_by_reach"
    plan = plan_import(audit, "facebook", table, mapping, definition)
    changes = {change.field: (change.old, change.new) for change in plan.changes}
    assert changes["channels.0.last_post"] == (None, date(2026, 11, 23))
    assert changes["channels.0.audience_size"] == (900, 1210)
    assert changes["channels.0.posts_per_week"] == (None, round(4 / (22 / 7), 2))
    engagement = changes["channels.0.engagement"][1]
    assert isinstance(engagement, EngagementMeasure)
    assert (engagement.interactions, engagement.base) == (173, 5000)
    assert engagement.definition == "interactions_by_reach"
    labels = {change.field.rsplit(".", 1)[1]: change.label for change in plan.changes}
    assert labels["posts_per_week"]("en") == "Posts per week"
    assert labels["posts_per_week"]("fr") == "Publications par semaine"
    assert labels["audience_size"]("en") == "Followers (audience size)"


def test_plan_from_daily_export_uses_posts_column_and_mean_rate(audit: Audit) -> None:
    table = _read(ENGLISH_DAYS)
    plan = plan_import(audit, "instagram", table, suggest_mapping(table))
    changes = {change.field.rsplit(".", 1)[1]: change.new for change in plan.changes}
    assert changes["audience_size"] == 1010
    assert changes["posts_per_week"] == 2.0
    assert changes["last_post"] == date(2026, 11, 14)
    engagement = changes["engagement"]
    assert isinstance(engagement, EngagementMeasure) and engagement.rate == 3.0


def test_fraction_rates_are_read_as_percent_and_said_so(audit: Audit) -> None:
    table = _read("Date,Engagement rate\n2026-01-01,0.02\n2026-01-02,0.04\n")
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    engagement = plan.changes[0].new
    assert isinstance(engagement, EngagementMeasure) and engagement.rate == 3.0
    assert any("fractions" in note("en") for note in plan.notes)


def test_the_fraction_note_gives_the_rate_in_each_language(audit: Audit) -> None:
    fractions = _read("Date,Engagement rate\n2026-01-01,0.02\n2026-01-02,0.05\n")
    note = plan_import(audit, "facebook", fractions, suggest_mapping(fractions)).notes[0]
    assert note("en") == "'Engagement rate' holds fractions (all values at most 1): read as 3.5 %"
    assert note("fr") == (
        f"'Engagement rate' contient des fractions (toutes les valeurs au plus 1){NBSP}: lu comme 3,5 %"
    )


def test_bad_cells_are_left_out_with_their_line(audit: Audit) -> None:
    table = _read(ONE_BAD_CELL)
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    assert plan.changes[0].new == 140
    assert [note("en") for note in plan.notes] == [
        "line 3: 'n/a' in column 'Abonnés' is not a number; left out"
    ]
    assert [note("fr") for note in plan.notes] == [
        f"ligne 3{NBSP}: 'n/a' dans la colonne 'Abonnés' n'est pas un nombre{NARROW_NBSP}; écarté"
    ]


def test_bad_dates_are_left_out_with_their_line(audit: Audit) -> None:
    table = _read("Date;Abonnés\n01/01/2026;100\n02/01/2026;110\n03/01/2026;120\n04/01/2026;130\nsoon;140\n")
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    assert "line 6: 'soon' in column 'Date' is not a date; left out" in [note("en") for note in plan.notes]


def test_posts_without_dates_are_not_counted_and_said_so(audit: Audit) -> None:
    table = _read("Publication;Abonnés\nPain;100\nAtelier;110\n")
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    assert [note("en") for note in plan.notes] == [
        "posts per week need a date column (map one to 'Date of the row'); not computed"
    ]
    assert plan.notes[0]("fr") == (
        "les publications par semaine demandent une colonne de dates "
        f"(associez-en une à «{NBSP}Date de la ligne{NBSP}»){NARROW_NBSP}; non calculées"
    )


def test_a_file_that_agrees_with_the_channel_plans_no_change(audit: Audit) -> None:
    table = _read("Date;Abonnés\n01/01/2026;900\n")
    assert not plan_import(audit, "facebook", table, suggest_mapping(table)).changes_anything


def test_nothing_mapped_is_refused_and_changes_nothing(audit: Audit) -> None:
    before = audit.model_dump()
    table = _read(FRENCH_POSTS)
    with pytest.raises(CsvImportError, match="no column is mapped"):
        plan_import(audit, "facebook", table, Mapping({}))
    assert audit.model_dump() == before


def test_mapped_columns_without_usable_values_are_refused(audit: Audit) -> None:
    table = _read("Date;Abonnés;Note\n01/01/2026;10;x\n02/01/2026;12;y\n")
    with pytest.raises(CsvImportError, match="none of the mapped columns holds a usable value") as caught:
        plan_import(audit, "facebook", table, Mapping({2: Target.FOLLOWERS}))
    assert str(caught.value) == (
        "export.csv: none of the mapped columns holds a usable value (see the notes: "
        "line 2: 'x' in column 'Note' is not a number; left out; "
        "line 3: 'y' in column 'Note' is not a number; left out)"
    )
    assert "(voir les remarques" in caught.value.text("fr")


def test_an_unknown_channel_is_a_key_error(audit: Audit) -> None:
    with pytest.raises(KeyError):
        plan_import(audit, "tiktok", _read(FRENCH_POSTS), Mapping({0: Target.DATE}))


# -- figures no channel field can take: refused at preview, with their line and column -------------------


def test_a_negative_count_is_refused_at_preview_with_its_line_and_column(audit: Audit) -> None:
    table = _read("Date,Net followers\n2026-01-01,5\n2026-01-02,-3\n2026-01-03,2\n")
    with pytest.raises(CsvImportError) as caught:
        plan_import(audit, "facebook", table, Mapping({0: Target.DATE, 1: Target.FOLLOWERS}))
    error = caught.value
    assert (error.line, error.column) == (3, "Net followers")
    assert str(error) == (
        "export.csv, line 3, column 'Net followers': -3 is negative, and the field 'Followers (audience size)' "
        "cannot be (expected 0 or more: map another column to it, or ignore this one)"
    )
    assert error.text("fr").startswith(f"export.csv, ligne 3, colonne 'Net followers'{NBSP}: -3 est négatif")


def test_negative_interactions_are_refused_at_preview(audit: Audit) -> None:
    table = _read("Date,Likes,Reach\n2026-01-01,5,100\n2026-01-02,-30,100\n")
    with pytest.raises(CsvImportError, match="line 3, column 'Likes': -30 is negative") as caught:
        plan_import(audit, "facebook", table, Mapping({1: Target.INTERACTIONS, 2: Target.REACH}))
    assert caught.value.column == "Likes"


@pytest.mark.parametrize(
    ("header", "target"),
    [("Followers", Target.FOLLOWERS), ("Engagement rate", Target.ENGAGEMENT_RATE), ("Reach", Target.REACH)],
)
def test_a_figure_hundreds_of_digits_long_is_refused_at_preview(
    audit: Audit, header: str, target: Target
) -> None:
    table = _read(f"Date,Likes,{header}\n2026-01-01,3,1\n2026-01-02,4,{'9' * 400}\n")
    mapping = Mapping({0: Target.DATE, 1: Target.INTERACTIONS, 2: target})
    with pytest.raises(CsvImportError) as caught:
        plan_import(audit, "facebook", table, mapping)
    assert (caught.value.line, caught.value.column) == (3, header)
    assert "is too large for the field" in str(caught.value)
    assert "(expected at most 1,000,000,000,000: is this the right column?)" in str(caught.value)


def test_a_value_the_audit_model_refuses_is_refused_at_preview_naming_the_field(audit: Audit) -> None:
    table = _read(ENGLISH_DAYS)
    with pytest.raises(CsvImportError) as caught:
        plan_import(audit, "instagram", table, suggest_mapping(table), definition="x" * 301)
    assert str(caught.value).startswith("export.csv: the channel cannot take this value of 'Engagement': ")


def test_the_preview_says_which_lines_were_read_as_windows_1252(audit: Audit) -> None:
    data = "Date;Abonnés;Note\n01/01/2026;10;Pâte\n".encode() + "02/01/2026;12;Crème\n".encode("cp1252")
    table = read_csv(data, "mixed.csv")
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    assert [note("en") for note in plan.notes] == [
        "line 3 is not UTF-8 like the rest of the file: read as Windows-1252 (Latin-1); check its accents"
    ]


# -- interactions per post divided by followers: the file's total, else the channel's -------------------


def test_per_post_interactions_without_a_base_are_divided_by_the_channels_followers(audit: Audit) -> None:
    table = _read("Date;Publication;J'aime;Commentaires\n02/11/2026;Pain;40;5\n09/11/2026;Atelier;20;3\n")
    mapping = suggest_mapping(table)
    assert (
        suggest_definition(table, mapping, audit.channel("facebook")) == "interactions_per_post_by_followers"
    )
    plan = plan_import(audit, "facebook", table, mapping)
    engagement = {change.field: change.new for change in plan.changes}["channels.0.engagement"]
    assert isinstance(engagement, EngagementMeasure)
    assert (engagement.interactions, engagement.base) == (34, 900)


def test_per_day_interactions_are_divided_by_the_posts_of_the_period(audit: Audit) -> None:
    table = _read(
        "Date,Posts,Likes,Followers\n2026-11-01,2,30,500\n2026-11-02,0,6,505\n2026-11-03,1,12,510\n"
    )
    plan = plan_import(audit, "facebook", table, suggest_mapping(table))
    engagement = {change.field: change.new for change in plan.changes}["channels.0.engagement"]
    assert isinstance(engagement, EngagementMeasure)
    assert (engagement.interactions, engagement.base) == (16, 510)


def test_per_post_interactions_without_any_follower_count_are_not_computed_and_said_so(audit: Audit) -> None:
    table = _read("Date;Publication;J'aime\n02/11/2026;Pain;40\n09/11/2026;Atelier;20\n")
    plan = plan_import(audit, "instagram", table, suggest_mapping(table))
    assert "channels.1.engagement" not in {change.field for change in plan.changes}
    assert plan.notes[-1]("en") == (
        "interactions per post are divided by followers, and neither the file nor the channel gives a "
        "follower total; engagement not computed"
    )
