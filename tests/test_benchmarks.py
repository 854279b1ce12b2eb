"""The packaged benchmark figures and the choice of the row a client is compared with."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from auditkit.benchmarks import (
    ALL_INDUSTRIES,
    COLUMNS,
    POSTS_PER_WEEK,
    BenchmarkIndex,
    benchmarks_path,
    describe,
    industries_for,
    load_benchmarks,
    lookup,
    metric_definitions,
    read_benchmarks,
)
from auditkit.errors import AuditkitError
from auditkit.model import Audit, BenchmarkRow, ClientProfile, Engagement, IndustryKind, Settings
from auditkit.platforms import Platform

ER_FOLLOWERS = "rivaliq_er_per_post_by_follower"
ER_VIEWS = "rivaliq_er_by_view"


def audit_for(
    industry: IndustryKind = IndustryKind.COMMERCIAL_B2C,
    sector: str = "",
    overrides: list[BenchmarkRow] | None = None,
) -> Audit:
    return Audit(
        engagement=Engagement(client="Client", audit_date=date(2026, 9, 15)),
        client=ClientProfile(industry=industry, sector=sector),
        settings=Settings(benchmarks=overrides or []),
    )


def override(value: float, year: int, metric: str = ER_FOLLOWERS, industry: str = "Bakeries") -> BenchmarkRow:
    return BenchmarkRow(
        platform=Platform.INSTAGRAM,
        industry=industry,
        metric=metric,
        value=value,
        unit="%",
        year=year,
        source_title=f"Consultant's panel of local bakeries, {year}",
    )


def test_every_packaged_row_is_sourced_and_defined() -> None:
    rows = load_benchmarks()
    definitions = metric_definitions()
    assert len(rows) == 46
    for row in rows:
        assert row.source_title.strip() and row.source_url.startswith("https://")
        assert 2015 <= row.year <= 2026
        assert row.value > 0
        assert definitions[row.metric]("en") and definitions[row.metric]("fr")
    assert set(definitions) == {row.metric for row in rows}
    assert {row.unit for row in rows if row.metric == POSTS_PER_WEEK} == {"posts/week"}


def test_packaged_file_keeps_the_reference_metric_codes_and_figures() -> None:
    with benchmarks_path().open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    assert tuple(records[0]) == COLUMNS
    facebook_2024 = next(
        r
        for r in records
        if r["platform"] == "facebook" and r["metric"] == ER_FOLLOWERS and r["year"] == "2024"
    )
    assert (facebook_2024["value"], facebook_2024["industry"]) == ("0.063", ALL_INDUSTRIES)
    assert facebook_2024["source_url"] == "https://smk.co/?p=31338"


def test_load_returns_a_new_list_each_time() -> None:
    first = load_benchmarks()
    first.clear()
    assert load_benchmarks()


@pytest.mark.parametrize(
    ("industry", "sector", "expected"),
    [
        (IndustryKind.EDUCATION_HIGHER, "", ("Higher Education", ALL_INDUSTRIES)),
        (IndustryKind.NONPROFIT_ASSOCIATION, "", ("Nonprofits", ALL_INDUSTRIES)),
        (IndustryKind.NONPROFIT_CHARITY, "", ("Nonprofits", ALL_INDUSTRIES)),
        (IndustryKind.HEALTHCARE, "hospital", (ALL_INDUSTRIES,)),
        (IndustryKind.EDUCATION_SECONDARY, "college", (ALL_INDUSTRIES,)),
        (IndustryKind.COMMERCIAL_B2C, "Boulangerie-pâtisserie", ("Food & Beverage", ALL_INDUSTRIES)),
        (IndustryKind.COMMERCIAL_B2C, "Hôtel & tourisme", ("Travel", ALL_INDUSTRIES)),
        (IndustryKind.COMMERCIAL_B2B, "SaaS software", ("Tech & Software", ALL_INDUSTRIES)),
        (IndustryKind.COMMERCIAL_B2B, "technical consulting", (ALL_INDUSTRIES,)),
        (IndustryKind.NONPROFIT_CAUSE, "cycling charity", ("Nonprofits", ALL_INDUSTRIES)),
    ],
)
def test_industries_for_maps_kind_and_sector_keywords(
    industry: IndustryKind, sector: str, expected: tuple[str, ...]
) -> None:
    assert industries_for(ClientProfile(industry=industry, sector=sector)) == expected


def test_lookup_prefers_the_clients_industry_then_the_newest_year() -> None:
    university = audit_for(IndustryKind.EDUCATION_HIGHER)
    row = lookup(university, Platform.INSTAGRAM, ER_FOLLOWERS)
    assert row is not None
    assert (row.industry, row.year, row.value) == ("Higher Education", 2025, 2.10)
    fallback = lookup(university, Platform.LINKEDIN, ER_FOLLOWERS)
    assert fallback is not None and fallback.industry == ALL_INDUSTRIES


def test_lookup_falls_back_to_all_industries_newest_year() -> None:
    row = lookup(audit_for(), Platform.FACEBOOK, ER_FOLLOWERS)
    assert row is not None
    assert (row.industry, row.year, row.value) == (ALL_INDUSTRIES, 2024, 0.063)


def test_lookup_uses_the_sector_industry_before_all_industries() -> None:
    bakery = audit_for(sector="boulangerie")
    row = lookup(bakery, Platform.TIKTOK, ER_VIEWS)
    assert row is not None and (row.industry, row.value) == ("Food & Beverage", 2.6)
    assert lookup(bakery, Platform.INSTAGRAM, ER_FOLLOWERS).industry == ALL_INDUSTRIES  # type: ignore[union-attr]


def test_audit_override_wins_over_packaged_rows_even_when_older() -> None:
    audit = audit_for(IndustryKind.EDUCATION_HIGHER, overrides=[override(1.5, 2020)])
    row = lookup(audit, Platform.INSTAGRAM, ER_FOLLOWERS)
    assert row is not None and (row.industry, row.value) == ("Bakeries", 1.5)


def test_newest_audit_override_wins() -> None:
    audit = audit_for(overrides=[override(1.5, 2024), override(0.9, 2021), override(1.2, 2025)])
    row = lookup(audit, Platform.INSTAGRAM, ER_FOLLOWERS)
    assert row is not None and row.value == 1.2


def test_override_for_another_metric_is_not_used() -> None:
    audit = audit_for(overrides=[override(9.9, 2026, metric="my_own_rate")])
    row = lookup(audit, Platform.INSTAGRAM, ER_FOLLOWERS)
    assert row is not None and row.value == 0.47
    mine = lookup(audit, Platform.INSTAGRAM, "my_own_rate")
    assert mine is not None and mine.value == 9.9


def test_metric_must_match_exactly() -> None:
    audit = audit_for()
    buffer = lookup(audit, Platform.FACEBOOK, "buffer_er_by_impressions")
    assert buffer is not None and buffer.metric == "buffer_er_by_impressions" and buffer.value == 5.07
    assert lookup(audit, Platform.FACEBOOK, "engagement rate") is None
    assert lookup(audit, Platform.YOUTUBE, ER_FOLLOWERS) is None
    assert lookup(audit, Platform.NEWSLETTER, POSTS_PER_WEEK) is None


def test_index_agrees_with_lookup_for_every_platform_and_metric() -> None:
    audit = audit_for(IndustryKind.NONPROFIT_CAUSE, sector="fashion", overrides=[override(1.0, 2020)])
    index = BenchmarkIndex(audit)
    for platform in Platform:
        for metric in metric_definitions():
            assert index.lookup(platform, metric) == lookup(audit, platform, metric)


def test_describe_cites_value_source_and_year_in_both_languages() -> None:
    row = lookup(audit_for(), Platform.INSTAGRAM, POSTS_PER_WEEK)
    assert row is not None
    text = describe(row)
    english = text("en")
    assert english.startswith("4.5 posts/week") and "Rival IQ 2023" in english and "2023" in english
    assert text("fr").startswith("4,5 posts/week")


def write_csv(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


GOOD_ROW = {
    "platform": "instagram",
    "industry": "Bakeries",
    "metric": "panel_er",
    "value": "1.2",
    "unit": "%",
    "year": "2025",
    "definition": "Interactions per post over followers.",
    "definition_fr": "Interactions par publication rapportées aux abonnés.",
    "source_title": "Panel",
    "source_url": "https://example.org",
}


def test_read_benchmarks_reads_a_valid_file(tmp_path: Path) -> None:
    table = read_benchmarks(write_csv(tmp_path / "ok.csv", [GOOD_ROW]))
    assert table.rows[0].platform is Platform.INSTAGRAM and table.rows[0].value == 1.2
    assert table.definitions["panel_er"]("fr").startswith("Interactions par")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"platform": "myspace"}, "line 2: platform"),
        ({"value": "high"}, "line 2: value"),
        ({"year": "1850"}, "line 2: year"),
        ({"definition_fr": ""}, "line 2: definition"),
    ],
)
def test_read_benchmarks_names_the_line_and_field(
    tmp_path: Path, change: dict[str, str], message: str
) -> None:
    path = write_csv(tmp_path / "bad.csv", [GOOD_ROW | change])
    with pytest.raises(AuditkitError, match=message) as error:
        read_benchmarks(path)
    assert str(path) in str(error.value)


def test_read_benchmarks_refuses_two_definitions_of_one_metric(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", [GOOD_ROW, GOOD_ROW | {"definition": "Something else."}])
    with pytest.raises(AuditkitError, match="line 3: metric 'panel_er' is defined differently"):
        read_benchmarks(path)


def test_read_benchmarks_lists_missing_columns(tmp_path: Path) -> None:
    columns = tuple(c for c in COLUMNS if c != "source_url")
    path = write_csv(tmp_path / "bad.csv", [{k: v for k, v in GOOD_ROW.items() if k in columns}], columns)
    with pytest.raises(AuditkitError, match="missing column"):
        read_benchmarks(path)
    with pytest.raises(AuditkitError, match="cannot be read"):
        read_benchmarks(tmp_path / "absent.csv")
