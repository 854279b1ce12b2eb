"""Real-shaped exports of Meta Business Suite, LinkedIn, X, YouTube Studio and TikTok, French and English:
the tool recognised, the mapping a consultant would choose, and what it puts on the channel."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from csv_samples import NARROW_NBSP, NBSP

from auditkit.csv_import import (
    CsvTable,
    Definition,
    Source,
    Target,
    apply_plan,
    plan_import,
    propose_mapping,
    read_csv,
    read_csv_file,
    suggest_definition,
)
from auditkit.csv_import.cells import matches
from auditkit.csv_import.mapping import AUDIENCE_CHANGES, FOLLOWER_LIKE
from auditkit.model import Audit, Channel, EngagementMeasure
from auditkit.platforms import Platform

EXPORTS = Path(__file__).with_name("exports")
AUDIENCES = {"facebook": 900, "instagram": 2340, "linkedin": 410, "x": 1200, "youtube": 350, "tiktok": 1800}


@dataclass(frozen=True)
class Expected:
    """What the import must propose for one export, and what it must compute from it."""

    channel: str
    source: Source
    mapping: dict[str, Target]
    definition: Definition
    posts_per_week: float | None
    last_post: date | None
    engagement: tuple[float, float] | float
    """(interactions, base) for a rate computed from counts, or the rate in percent."""
    audience: int | None = None
    """The audience size applied; None when the export has no total (the channel keeps its own)."""
    not_audience: tuple[str, ...] = ()
    rows_are_posts: bool = True
    notes: tuple[str, ...] = field(default=())


EXPECTED: dict[str, Expected] = {
    "meta_facebook_en.csv": Expected(
        "facebook",
        Source.META,
        {
            "Publish time": Target.DATE,
            "Reach": Target.REACH,
            "Reactions, comments and shares": Target.INTERACTIONS,
        },
        Definition.BY_REACH,
        round(5 / (26 / 7), 2),
        date(2026, 11, 27),
        (280, 7000),
    ),
    "meta_instagram_fr.csv": Expected(
        "instagram",
        Source.META,
        {
            "Date": Target.DATE,
            "Couverture Instagram": Target.REACH,
            "Interactions avec le contenu Instagram": Target.INTERACTIONS,
            "Followers Instagram": Target.FOLLOWERS,
        },
        Definition.BY_REACH,
        None,
        None,
        (254, 3348),
        audience=2352,
        not_audience=("Nouveaux followers Instagram",),
        rows_are_posts=False,
    ),
    "linkedin_en.csv": Expected(
        "linkedin",
        Source.LINKEDIN,
        {
            "Created date": Target.DATE,
            "Impressions": Target.REACH,
            "Likes": Target.INTERACTIONS,
            "Comments": Target.INTERACTIONS,
            "Reposts": Target.INTERACTIONS,
            "Engagement rate": Target.ENGAGEMENT_RATE,
        },
        Definition.LINKEDIN_RATE,
        round(4 / (22 / 7), 2),
        date(2026, 11, 24),
        round(100 * (0.061758 + 0.090076 + 0.032061 + 0.072449) / 4, 4),
        not_audience=("Follows",),
        notes=("'Engagement rate' holds fractions (all values at most 1): read as 6.41 %",),
    ),
    "linkedin_fr.csv": Expected(
        "linkedin",
        Source.LINKEDIN,
        {
            "Date de création": Target.DATE,
            "Impressions": Target.REACH,
            "J'aime": Target.INTERACTIONS,
            "Commentaires": Target.INTERACTIONS,
            "Republications": Target.INTERACTIONS,
            "Taux d'engagement": Target.ENGAGEMENT_RATE,
        },
        Definition.LINKEDIN_RATE,
        round(4 / (22 / 7), 2),
        date(2026, 11, 26),
        round(100 * (0.066445 + 0.036842 + 0.091315 + 0.047312) / 4, 4),
        not_audience=("Suivis",),
        notes=("'Taux d'engagement' holds fractions (all values at most 1): read as 6.05 %",),
    ),
    "x_en.csv": Expected(
        "x",
        Source.X,
        {
            "Date": Target.DATE,
            "Impressions": Target.REACH,
            "Engagements": Target.INTERACTIONS,
            "Create Post": Target.POSTS,
        },
        Definition.X_RATE,
        5.0,
        date(2026, 11, 7),
        (285, 8855),
        not_audience=("New follows", "Unfollows"),
        rows_are_posts=False,
    ),
    "x_fr.csv": Expected(
        "x",
        Source.X,
        {
            "Date": Target.DATE,
            "Impressions": Target.REACH,
            "Engagements": Target.INTERACTIONS,
            "Créer un post": Target.POSTS,
        },
        Definition.X_RATE,
        5.0,
        date(2026, 11, 14),
        (256, 7390),
        not_audience=("Nouveaux abonnements", "Désabonnements"),
        rows_are_posts=False,
    ),
    "youtube_en.csv": Expected(
        "youtube",
        Source.YOUTUBE,
        {
            "Video publish time": Target.DATE,
            "Views": Target.REACH,
            "Likes": Target.INTERACTIONS,
            "Comments added": Target.INTERACTIONS,
            "Shares": Target.INTERACTIONS,
        },
        Definition.BY_VIEWS,
        round(4 / (24 / 7), 2),
        date(2026, 11, 26),
        (323, 6160),
        not_audience=("Subscribers",),
        notes=("line 2: a totals row ('Total'), not one period or post; left out",),
    ),
    "youtube_fr.csv": Expected(
        "youtube",
        Source.YOUTUBE,
        {
            "Heure de publication de la vidéo": Target.DATE,
            "Vues": Target.REACH,
            "J'aime": Target.INTERACTIONS,
            "Commentaires ajoutés": Target.INTERACTIONS,
            "Partages": Target.INTERACTIONS,
        },
        Definition.BY_VIEWS,
        round(3 / (24 / 7), 2),
        date(2026, 11, 27),
        (397, 7890),
        not_audience=("Abonnés",),
        notes=("line 2: a totals row ('Total'), not one period or post; left out",),
    ),
    "tiktok_en.csv": Expected(
        "tiktok",
        Source.TIKTOK,
        {
            "Post time": Target.DATE,
            "Total likes": Target.INTERACTIONS,
            "Total comments": Target.INTERACTIONS,
            "Total shares": Target.INTERACTIONS,
            "Total views": Target.REACH,
        },
        Definition.BY_VIEWS,
        round(5 / (26 / 7), 2),
        date(2026, 11, 28),
        (2061, 35180),
    ),
    "tiktok_fr.csv": Expected(
        "tiktok",
        Source.TIKTOK,
        {
            "Heure de publication": Target.DATE,
            "Total des J'aime": Target.INTERACTIONS,
            "Total des commentaires": Target.INTERACTIONS,
            "Total des partages": Target.INTERACTIONS,
            "Total des vues": Target.REACH,
        },
        Definition.BY_VIEWS,
        round(4 / (26 / 7), 2),
        date(2026, 11, 29),
        (2381, 38300),
    ),
}


@pytest.fixture
def channels_audit(minimal_audit: Audit) -> Audit:
    minimal_audit.channels = [
        Channel(id=platform, name=platform.title(), platform=Platform(platform), audience_size=size)
        for platform, size in AUDIENCES.items()
    ]
    return minimal_audit


def _read(name: str) -> CsvTable:
    return read_csv_file(EXPORTS / name)


def test_there_is_an_english_and_a_french_export_of_each_of_the_five_tools() -> None:
    files = sorted(path.name for path in EXPORTS.glob("*.csv"))
    assert files == sorted(EXPECTED)
    sources = {expected.source for expected in EXPECTED.values()}
    assert sources == set(Source) - {Source.UNKNOWN}
    for source in sources:
        languages = {
            name.rsplit("_", 1)[1] for name, expected in EXPECTED.items() if expected.source is source
        }
        assert languages == {"en.csv", "fr.csv"}, source


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_tool_and_the_mapping_a_consultant_would_choose(name: str) -> None:
    expected = EXPECTED[name]
    table = _read(name)
    proposal = propose_mapping(table)
    assert proposal.source is expected.source
    assert {
        table.header[index]: target for index, target in proposal.mapping.columns.items()
    } == expected.mapping
    assert proposal.mapping.rows_are_posts is expected.rows_are_posts
    assert tuple(table.header[index] for index, _ in proposal.not_audience) == expected.not_audience


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_column_counting_a_change_in_followers_feeds_the_audience_size(name: str) -> None:
    table = _read(name)
    proposal = propose_mapping(table)
    for index in proposal.mapping.indexes(Target.FOLLOWERS):
        assert not matches(table.header[index], AUDIENCE_CHANGES + FOLLOWER_LIKE)
    changes = [
        column.index for column in table.columns if matches(column.name, AUDIENCE_CHANGES + FOLLOWER_LIKE)
    ]
    assert {index for index, _ in proposal.not_audience} >= set(changes)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_values_applied_to_the_channel(channels_audit: Audit, name: str) -> None:
    expected = EXPECTED[name]
    table = _read(name)
    mapping = propose_mapping(table).mapping
    channel = channels_audit.channel(expected.channel)
    definition = suggest_definition(table, mapping, channel)
    assert definition == expected.definition
    plan = plan_import(channels_audit, expected.channel, table, mapping, definition)
    assert [note("en") for note in plan.notes] == list(expected.notes)
    applied = apply_plan(channels_audit, plan).channel(expected.channel)
    assert applied.audience_size == (expected.audience or AUDIENCES[expected.channel])
    assert applied.posts_per_week == expected.posts_per_week
    assert applied.last_post == expected.last_post
    engagement = applied.engagement
    assert isinstance(engagement, EngagementMeasure) and engagement.definition == expected.definition.value
    if isinstance(expected.engagement, tuple):
        assert (engagement.interactions, engagement.base, engagement.rate) == (*expected.engagement, None)
    else:
        assert engagement.rate == pytest.approx(expected.engagement, abs=1e-3)


def test_the_meta_export_of_the_issue_keeps_2340_followers_when_it_has_no_total(
    channels_audit: Audit,
) -> None:
    text = (EXPORTS / "meta_instagram_fr.csv").read_text(encoding="utf-8")
    without_total = "\n".join(line.rsplit(",", 1)[0] for line in text.splitlines()) + "\n"
    table = read_csv(without_total.encode("utf-8"), "statistiques-instagram.csv")
    proposal = propose_mapping(table)
    assert Target.FOLLOWERS not in proposal.mapping.columns.values()
    assert [reason("en") for _, reason in proposal.not_audience] == [
        "'Nouveaux followers Instagram': a change, not a total"
    ]
    assert [reason("fr") for _, reason in proposal.not_audience] == [
        f"'Nouveaux followers Instagram'{NBSP}: une variation, pas un total"
    ]
    plan = plan_import(channels_audit, "instagram", table, proposal.mapping)
    assert "channels.1.audience_size" not in {change.field for change in plan.changes}
    assert apply_plan(channels_audit, plan).channel("instagram").audience_size == 2340


def test_an_export_of_no_known_tool_is_said_unknown_and_named_by_its_own_rate() -> None:
    table = read_csv(
        b"Date,Followers,Engagement rate\n2026-11-01,980,2.5%\n2026-11-02,985,3.5%\n", "stats.csv"
    )
    proposal = propose_mapping(table)
    assert proposal.source is Source.UNKNOWN
    assert suggest_definition(
        table, proposal.mapping, Channel(id="c", name="C", platform=Platform.FACEBOOK)
    ) == (Definition.EXPORT_RATE)


@pytest.mark.parametrize(
    ("name", "english", "french"),
    [
        (
            "youtube_fr.csv",
            "'Abonnés': YouTube Studio counts there the subscribers gained minus those lost over the period, "
            "not a total",
            f"'Abonnés'{NBSP}: YouTube Studio y compte les abonnés gagnés moins les abonnés perdus sur la "
            "période, pas un total",
        ),
        (
            "x_en.csv",
            "'New follows': a change, not a total",
            f"'New follows'{NBSP}: une variation, pas un total",
        ),
    ],
)
def test_why_a_follower_column_is_not_the_audience_size_in_each_language(
    name: str, english: str, french: str
) -> None:
    reason = propose_mapping(_read(name)).not_audience[0][1]
    assert (reason("en"), reason("fr")) == (english, french)


def test_a_linkedin_follower_export_counts_followers_gained_each_day() -> None:
    table = read_csv(
        b"Date,Sponsored followers,Organic followers,Auto-invited followers,Total followers\n"
        b"11/02/2026,0,3,0,3\n11/03/2026,1,2,0,3\n11/16/2026,0,4,1,5\n",
        "linkedin-followers.csv",
    )
    proposal = propose_mapping(table)
    assert proposal.source is Source.LINKEDIN
    assert Target.FOLLOWERS not in proposal.mapping.columns.values()
    assert proposal.not_audience[-1][1]("en") == (
        "'Total followers': LinkedIn counts there the followers gained each day, not a total"
    )
    assert proposal.not_audience[-1][1]("fr") == (
        f"'Total followers'{NBSP}: LinkedIn y compte les abonnés gagnés chaque jour, pas un total"
    )


def test_each_definition_and_tool_has_a_name_in_each_language() -> None:
    assert (
        Definition.PER_POST_BY_FOLLOWERS.name_in_words("en") == "interactions per post divided by followers"
    )
    assert Definition.LINKEDIN_RATE.name_in_words("en") == (
        "engagements divided by impressions (LinkedIn's engagement rate)"
    )
    assert Definition.BY_REACH.name_in_words("fr") == "interactions divisées par la couverture"
    for definition in Definition:
        english, french = definition.name_in_words("en"), definition.name_in_words("fr")
        assert english != french and "rivaliq" not in definition.value and "buffer" not in definition.value
    assert Source.LINKEDIN.label("fr") == "statistiques de Page LinkedIn"
    assert Source.UNKNOWN.label("en") == "an unrecognised tool"


def test_the_totals_row_note_in_french() -> None:
    note = _read("youtube_fr.csv").notes[0]
    assert note("fr") == (
        f"ligne 2{NBSP}: une ligne de totaux ('Total'), ni une période ni une publication{NARROW_NBSP}; écartée"
    )
