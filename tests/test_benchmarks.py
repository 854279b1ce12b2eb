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
    REQUIRED_COLUMNS,
    BenchmarkIndex,
    Closeness,
    benchmarks_path,
    closest_benchmark,
    describe,
    industries_for,
    load_benchmarks,
    lookup,
    metric_definitions,
    read_benchmarks,
)
from auditkit.errors import AuditkitError
from auditkit.model import (
    Audit,
    BenchmarkRow,
    Channel,
    ClientProfile,
    Engagement,
    EngagementMeasure,
    IndustryKind,
    Settings,
)
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


AGGREGATORS = (
    "via",
    "smk.co",
    "teknojava",
    "shortsintel",
    "thatrandomagency",
    "apaya",
    "businessinsider",
    "immediatefuture",
    "roundabout",
    "digitalmarketingcommunity",
    "cuny",
)
PUBLISHERS = {"Rival IQ", "Hootsuite", "Socialinsider", "Buffer"}


def test_every_packaged_row_is_sourced_and_defined() -> None:
    rows = load_benchmarks()
    definitions = metric_definitions()
    assert len(rows) == 46
    for row in rows:
        assert row.publisher in PUBLISHERS and row.source_title.startswith(row.publisher)
        assert not row.source_url or row.source_url.startswith(
            f"https://www.{row.publisher.replace(' ', '').lower()}."
        )
        assert 2015 <= row.year <= 2026
        assert row.value > 0
        assert definitions[row.metric]("en") and definitions[row.metric]("fr")
    assert set(definitions) == {row.metric for row in rows}
    assert {row.unit for row in rows if row.metric == POSTS_PER_WEEK} == {"posts/week"}


def test_packaged_file_keeps_the_reference_metric_codes_and_figures() -> None:
    with benchmarks_path().open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    assert tuple(records[0]) == COLUMNS and set(REQUIRED_COLUMNS) < set(COLUMNS)
    facebook_2024 = next(
        r
        for r in records
        if r["platform"] == "facebook" and r["metric"] == ER_FOLLOWERS and r["year"] == "2024"
    )
    assert (facebook_2024["value"], facebook_2024["industry"]) == ("0.063", ALL_INDUSTRIES)
    assert facebook_2024["source_title"] == "Rival IQ 2024 Social Media Industry Benchmark Report"
    assert (facebook_2024["audience_min"], facebook_2024["audience_max"]) == ("25000", "1000000")


def test_no_figure_is_cited_through_an_aggregator() -> None:
    text = benchmarks_path().read_text(encoding="utf-8").casefold()
    assert not [name for name in AGGREGATORS if name in text]


def test_rival_iq_industry_report_rows_carry_the_studys_audience_band() -> None:
    for row in load_benchmarks():
        if "Industry Benchmark Report" not in row.source_title or row.year == 2017:
            continue
        expected = (25_000, 1_000_000) if row.platform is Platform.FACEBOOK else (5_000, None)
        assert (row.audience_min, row.audience_max) == expected, row


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
    assert english.startswith("4.5 posts a week") and "Rival IQ 2023" in english and "2023" in english
    assert text("fr").startswith("4,5 publications par semaine") and "tous secteurs confondus" in text("fr")
    assert row.metric not in english


def write_csv(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
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
    "audience_min": "1000",
    "audience_max": "",
    "publisher": "Consultant",
    "definition": "Interactions per post over followers.",
    "definition_fr": "Interactions par publication rapportées aux abonnés.",
    "source_title": "Panel",
    "source_url": "https://example.org",
}


def test_read_benchmarks_reads_a_valid_file(tmp_path: Path) -> None:
    table = read_benchmarks(write_csv(tmp_path / "ok.csv", [GOOD_ROW]))
    assert table.rows[0].platform is Platform.INSTAGRAM and table.rows[0].value == 1.2
    assert (table.rows[0].audience_min, table.rows[0].audience_max) == (1000, None)
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


def test_read_benchmarks_reads_a_file_without_the_band_and_publisher_columns(tmp_path: Path) -> None:
    table = read_benchmarks(write_csv(tmp_path / "old.csv", [GOOD_ROW], REQUIRED_COLUMNS))
    row = table.rows[0]
    assert (row.audience_min, row.audience_max, row.publisher) == (None, None, "")


def test_read_benchmarks_lists_missing_columns(tmp_path: Path) -> None:
    columns = tuple(c for c in COLUMNS if c != "source_url")
    path = write_csv(tmp_path / "bad.csv", [{k: v for k, v in GOOD_ROW.items() if k in columns}], columns)
    with pytest.raises(AuditkitError, match="missing column"):
        read_benchmarks(path)
    with pytest.raises(AuditkitError, match="cannot be read"):
        read_benchmarks(tmp_path / "absent.csv")


def channel(platform: Platform, audience: float | None, definition: str = ER_FOLLOWERS) -> Channel:
    return Channel(
        id="c",
        name="Page",
        platform=platform,
        audience_size=audience,
        engagement=EngagementMeasure(definition=definition, rate=0.05),
    )


def banded(value: float, low: float | None, high: float | None, industry: str = "Bakeries") -> BenchmarkRow:
    return override(value, 2025, industry=industry).model_copy(
        update={"audience_min": low, "audience_max": high}
    )


def test_bakery_page_of_14800_fans_gets_the_all_industries_25k_band_marked_indicative() -> None:
    bakery = audit_for(sector="Boulangerie-pâtisserie")
    match = closest_benchmark(bakery, channel(Platform.FACEBOOK, 14_800), ER_FOLLOWERS)
    assert match is not None and match.row is not None
    assert (match.row.value, match.row.industry, match.row.audience_min) == (0.063, ALL_INDUSTRIES, 25_000)
    assert match.closeness is Closeness.INDICATIVE and match.comparable
    assert match.summary("en") == (
        "indicative: same calculation, but a figure across all industries measured on accounts of 25,000 "
        "to 1,000,000 followers, while this account has 14,800 followers"
    )
    assert match.summary("fr") == (
        "indicatif\u00a0: même calcul, mais un chiffre tous secteurs confondus mesuré sur des comptes de "
        "25\u202f000 à 1\u202f000\u202f000 abonnés, alors que ce compte a 14\u202f800 abonnés"
    )


def test_same_band_and_sector_is_like_for_like() -> None:
    audit = audit_for(overrides=[banded(0.9, 10_000, 50_000)])
    match = closest_benchmark(audit, channel(Platform.INSTAGRAM, 14_800), ER_FOLLOWERS)
    assert match is not None and match.closeness is Closeness.LIKE_FOR_LIKE
    assert match.label("en") == "like for like" and match.label("fr") == "à l'identique"
    assert "for the Bakeries sector" in match.reason("en") and "du secteur Bakeries" in match.reason("fr")


def test_the_closest_band_wins_within_the_sector() -> None:
    rows = [banded(0.4, 50_000, 1_000_000), banded(1.8, None, 10_000), banded(0.9, 10_000, 50_000)]
    index = BenchmarkIndex(audit_for(overrides=rows))
    small = index.closest(channel(Platform.INSTAGRAM, 2_000), ER_FOLLOWERS)
    middle = index.closest(channel(Platform.INSTAGRAM, 30_000), ER_FOLLOWERS)
    large = index.closest(channel(Platform.INSTAGRAM, 200_000), ER_FOLLOWERS)
    assert [m.row.value for m in (small, middle, large) if m and m.row] == [1.8, 0.9, 0.4]
    near = index.closest(channel(Platform.INSTAGRAM, 2_000_000), ER_FOLLOWERS)
    assert near is not None and near.row is not None and near.row.value == 0.4
    assert near.closeness is Closeness.INDICATIVE and "2,000,000 followers" in near.reason("en")


def test_sector_row_wins_over_all_industries_and_falls_back_when_absent() -> None:
    university = BenchmarkIndex(audit_for(IndustryKind.EDUCATION_HIGHER))
    own = university.closest(channel(Platform.INSTAGRAM, 8_000), ER_FOLLOWERS)
    assert own is not None and own.row is not None and own.row.industry == "Higher Education"
    assert own.closeness is Closeness.LIKE_FOR_LIKE
    fallback = university.closest(channel(Platform.X, 8_000), ER_FOLLOWERS)
    assert fallback is not None and fallback.row is not None
    assert (fallback.row.industry, fallback.closeness) == ("Higher Education", Closeness.INDICATIVE)
    school = BenchmarkIndex(audit_for(IndustryKind.EDUCATION_SECONDARY))
    other = school.closest(channel(Platform.INSTAGRAM, 8_000), ER_FOLLOWERS)
    assert other is not None and other.row is not None and other.row.industry == ALL_INDUSTRIES
    assert other.closeness is Closeness.INDICATIVE
    assert "not for the client's own sector" in other.reason("en")
    assert "pas celui du secteur du client" in other.reason("fr")


def test_an_account_ten_times_off_the_band_is_declined_with_the_gap_in_words() -> None:
    match = closest_benchmark(audit_for(), channel(Platform.FACEBOOK, 300), ER_FOLLOWERS)
    assert match is not None and not match.comparable and match.closeness is Closeness.DECLINED
    assert match.row is not None and match.row.audience_min == 25_000
    assert "83 times smaller" in match.reason("en") and "83 fois plus petit" in match.reason("fr")
    assert match.summary("en").startswith("not compared: with 300 followers")


def test_a_different_definition_is_declined_not_compared() -> None:
    audit = audit_for()
    match = closest_benchmark(
        audit, channel(Platform.FACEBOOK, 14_800, "meta_er_by_reach"), "meta_er_by_reach"
    )
    assert match is not None and match.row is None and match.closeness is Closeness.DECLINED
    assert "interactions per post divided by followers" in match.reason("en")
    assert "meta_er_by_reach" in match.reason("fr") and ER_FOLLOWERS not in match.reason("fr")
    assert closest_benchmark(audit, channel(Platform.YOUTUBE, 500), ER_FOLLOWERS) is None


def test_an_unsplit_study_or_an_unknown_audience_is_at_best_indicative() -> None:
    unsplit = closest_benchmark(
        audit_for(overrides=[banded(1.0, None, None)]), channel(Platform.INSTAGRAM, 900), ER_FOLLOWERS
    )
    assert unsplit is not None and unsplit.closeness is Closeness.INDICATIVE
    assert "accounts of every size" in unsplit.reason("en") and "comptes de toutes tailles" in unsplit.reason(
        "fr"
    )
    unknown = closest_benchmark(audit_for(), channel(Platform.FACEBOOK, None), ER_FOLLOWERS)
    assert unknown is not None and unknown.closeness is Closeness.INDICATIVE
    assert "audience size is not recorded" in unknown.reason("en")


def test_a_neutral_definition_is_compared_with_the_publisher_metric_that_computes_it() -> None:
    audit = audit_for()
    imported = closest_benchmark(
        audit,
        channel(Platform.FACEBOOK, 14_800, "interactions_per_post_by_followers"),
        "interactions_per_post_by_followers",
    )
    typed = closest_benchmark(audit, channel(Platform.FACEBOOK, 14_800), ER_FOLLOWERS)
    assert imported is not None and typed is not None and imported.row == typed.row


def test_a_publisher_metric_without_a_formula_is_only_its_own_match() -> None:
    audit = audit_for()
    match = closest_benchmark(
        audit, channel(Platform.FACEBOOK, 14_800, "interactions_by_reach"), "interactions_by_reach"
    )
    assert match is not None and match.row is None
    assert "interactions divided by reach" in match.reason("en")
    assert "hootsuite" not in match.reason("en") and "formula" in match.reason("en")
