"""The figures of auditkit.charts: right data, right language, user text shown literally, bundle-safe."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import plotly.graph_objects as go
import pytest

from auditkit import charts, store
from auditkit.diagnose import Diagnosis, diagnose
from auditkit.locale import msg
from auditkit.model import Audit, Channel, ChannelStatus, ClientProfile, Engagement, IndustryKind, Stakeholder
from auditkit.model import PlatformUse as Use
from auditkit.platforms import Platform
from auditkit.report.render import PLOTLY_BUNDLE
from auditkit.resources import example_audits
from auditkit.roadmap import Roadmap, build_roadmap
from auditkit.scoring import Scorecard, score

EXAMPLES = example_audits()


@cache
def _results(path: Path) -> tuple[Audit, Scorecard, Diagnosis, Roadmap]:
    audit = store.load(path)
    scorecard, diagnosis = score(audit), diagnose(audit)
    return audit, scorecard, diagnosis, build_roadmap(audit, scorecard, diagnosis)


def _figures(path: Path, language: str) -> dict[str, go.Figure]:
    audit, scorecard, diagnosis, roadmap = _results(path)
    return {
        "stakeholders": charts.stakeholder_platforms(audit, language),
        "health": charts.channel_health(scorecard, language),
        "matrix": charts.channel_objective_heatmap(scorecard, audit, language),
        "peers": charts.peer_benchmark(audit, language),
        "contributions": charts.contributions(scorecard.overall, "Overall", language),
        "findings": charts.findings_by_theme(diagnosis, language),
        "timeline": charts.roadmap_timeline(roadmap, language),
        "projection": charts.projected_scores(roadmap, scorecard, language),
    }


def _minimal() -> Audit:
    return Audit(
        engagement=Engagement(client="Empty Ltd", audit_date=date(2026, 1, 5)),
        client=ClientProfile(industry=IndustryKind.PUBLIC),
    )


def test_there_are_examples_to_draw() -> None:
    assert len(EXAMPLES) >= 2


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_figure_of_every_example_uses_only_bundled_trace_types(path: Path, language: str) -> None:
    bundled = set(re.findall(r'moduleType:"trace",name:"([a-z0-9]+)"', PLOTLY_BUNDLE.read_text()))
    assert bundled >= charts.TRACE_TYPES
    for name, figure in _figures(path, language).items():
        types = {trace.type for trace in figure.data}
        assert types, f"{name} has no trace for {path.name}"
        assert types <= charts.TRACE_TYPES, name
        expected = ",\u202f" if language == "fr" else ".,"
        assert figure.layout.separators == expected


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_heatmap_cells_are_the_scorecard_matrix(path: Path) -> None:
    audit, scorecard, _, _ = _results(path)
    heatmap = charts.channel_objective_heatmap(scorecard, audit).data[0]
    rows = [
        c
        for c in scorecard.channels
        if any((c.channel_id, o.id) in scorecard.matrix for o in audit.objectives)
    ]
    assert len(heatmap.z) == len(rows)
    for channel, cells in zip(rows, heatmap.z, strict=True):
        expected = [scorecard.matrix.get((channel.channel_id, o.id)) for o in audit.objectives]
        assert list(cells) == [None if s is None else s.value for s in expected]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_contribution_points_add_up_to_the_score(path: Path) -> None:
    _, scorecard, _, _ = _results(path)
    figure = charts.contributions(scorecard.strategy_completeness, "Strategy")
    points = figure.data[1].x
    assert sum(points) == pytest.approx(scorecard.strategy_completeness.value, abs=0.5)
    most = figure.data[0].x
    assert sum(most) == pytest.approx(100, abs=0.5)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_roadmap_figures_follow_the_stages(path: Path) -> None:
    _, scorecard, _, roadmap = _results(path)
    timeline = charts.roadmap_timeline(roadmap, "en")
    assert sum(len(trace.y) for trace in timeline.data) == len(roadmap.actions)
    for trace in timeline.data:
        for base, width in zip(trace.base, trace.x, strict=True):
            assert base + width in {stage.month for stage in roadmap.stages}
    overall = charts.projected_scores(roadmap, scorecard, "en").data[0]
    assert list(overall.x) == [0, 1, 3, 6, 9, 12]
    assert list(overall.y) == [scorecard.overall.value, *[s.projected_overall for s in roadmap.stages]]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_timeline_hover_names_the_owner_in_words(language: str) -> None:
    _, _, _, roadmap = _results(EXAMPLES[0])
    owners = [
        owner for trace in charts.roadmap_timeline(roadmap, language).data for owner, _ in trace.customdata
    ]
    assert owners == [action.owner_label(language) for action in roadmap.actions]
    assert not any("_" in owner for owner in owners)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_heatmap_objective_labels_stay_level_and_short(path: Path) -> None:
    audit, scorecard, _, _ = _results(path)
    figure = charts.channel_objective_heatmap(scorecard, audit, "fr")
    assert figure.layout.xaxis.tickangle == 0
    width = max(10, min(28, 56 // len(audit.objectives)))
    for label in figure.data[0].x:
        lines = label.split("<br>")
        assert len(lines) <= 4
        assert all(len(line) <= width for line in lines), label


def test_projected_score_labels_sit_away_from_the_completeness_line() -> None:
    for path in EXAMPLES:
        _, scorecard, _, roadmap = _results(path)
        overall, completeness = charts.projected_scores(roadmap, scorecard, "en").data
        for position, mine, other in zip(overall.textposition, overall.y, completeness.y, strict=True):
            assert position == ("bottom center" if other is not None and other > mine else "top center")
    st_aidans = next(path for path in EXAMPLES if path.name.startswith("st-aidans"))
    _, scorecard, _, roadmap = _results(st_aidans)
    assert "bottom center" in charts.projected_scores(roadmap, scorecard).data[0].textposition


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_peer_benchmark_axes_leave_room_above_every_value(path: Path) -> None:
    figure = charts.peer_benchmark(_results(path)[0], "en")
    for axis_name, axis in (("y", figure.layout.yaxis), ("y2", figure.layout.yaxis2)):
        values = [v for trace in figure.data if trace.yaxis == axis_name for v in trace.y if v is not None]
        values += [
            median + plus
            for trace in figure.data
            if trace.yaxis == axis_name and trace.error_y.array is not None
            for median, plus in zip(trace.y, trace.error_y.array, strict=True)
            if median is not None
        ]
        if max(values, default=0) > 0:
            assert axis.range[0] == 0 and axis.range[1] > max(values)


def _bakery_peers() -> go.Figure:
    bakery = next(path for path in EXAMPLES if path.name == "boulangerie-martin.audit.json")
    return charts.peer_benchmark(_results(bakery)[0], "en")


def test_peer_engagement_rates_of_unknown_definition_are_not_plotted_beside_the_clients() -> None:
    school = next(path for path in EXAMPLES if path.name == "st-aidans-college.audit.json")
    figure = charts.peer_benchmark(_results(school)[0], "en")
    engagement = [trace for trace in figure.data if trace.yaxis == "y2"]
    assert {trace.name for trace in engagement} == {"Client", "Industry benchmark"}
    posts = {trace.name for trace in figure.data if trace.yaxis == "y"}
    assert "Peers (median)" in posts
    assert "whose computation is not recorded, are left out" in figure.layout.title.subtitle.text


def test_peer_engagement_rates_computed_like_the_clients_are_compared() -> None:
    figure = _bakery_peers()
    peers = next(trace for trace in figure.data if trace.yaxis == "y2" and trace.name == "Peers (median)")
    rates = dict(zip(peers.x, peers.y, strict=True))
    assert rates["Facebook"] == pytest.approx(0.2) and rates["Instagram"] == pytest.approx(1.95)
    assert not figure.layout.title.subtitle.text


def test_peer_benchmark_diamond_is_the_closest_match_and_says_how_close() -> None:
    figure = _bakery_peers()
    diamond = next(trace for trace in figure.data if trace.yaxis == "y2" and trace.type == "scatter")
    assert list(diamond.x) == ["Facebook", "Instagram", "Pinterest"]
    assert list(diamond.y) == [0.063, 0.47, None]
    assert (
        "Rival IQ 2024" in diamond.customdata[0] and "indicative: same calculation" in diamond.customdata[0]
    )


def test_peer_benchmark_draws_no_diamond_for_a_declined_comparison() -> None:
    association = next(path for path in EXAMPLES if path.name == "asso-velo-solidaire.audit.json")
    figure = charts.peer_benchmark(_results(association)[0], "fr")
    diamond = next(trace for trace in figure.data if trace.yaxis == "y2" and trace.type == "scatter")
    by_platform = dict(zip(diamond.x, diamond.y, strict=True))
    assert by_platform["Facebook"] is None and by_platform["Instagram"] == 0.47
    assert "dont le calcul n'est pas connu" in figure.layout.title.subtitle.text


def test_stakeholders_most_important_first_and_client_presence_marked() -> None:
    audit = _minimal().model_copy(
        update={
            "stakeholders": [
                Stakeholder(
                    id="a", name="Minor", importance=1, platforms=[Use(platform=Platform.TIKTOK, share=0.9)]
                ),
                Stakeholder(
                    id="b",
                    name="Key",
                    importance=5,
                    platforms=[
                        Use(platform=Platform.FACEBOOK, level="high"),
                        Use(platform=Platform.TIKTOK, share=0.1),
                    ],
                ),
            ],
            "channels": [
                Channel(id="fb", name="Page", platform=Platform.FACEBOOK, status=ChannelStatus.ACTIVE)
            ],
        }
    )
    trace = charts.stakeholder_platforms(audit, "fr").data[0]
    assert [label.split(" (")[0] for label in trace.y] == ["Key", "Minor"]
    assert list(trace.x) == ["Facebook ●", "TikTok"]
    assert list(trace.z[0]) == [charts.LEVEL_SHARES["high"], 0.1]
    assert list(trace.text[0]) == ["élevé", "10\u00a0%"]
    assert list(trace.z[1]) == [None, 0.9]


def test_user_text_is_escaped_for_plotly_markup() -> None:
    payload = '<b>bold</b> <a href="javascript:alert(1)">x</a> & co'
    assert charts.plotly_text(payload) == (
        '&lt;b&gt;bold&lt;/b&gt; &lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt; &amp; co'
    )
    audit = _minimal().model_copy(
        update={
            "stakeholders": [
                Stakeholder(id="a", name=payload, platforms=[Use(platform=Platform.X, share=0.5)]),
            ]
        }
    )
    label = charts.stakeholder_platforms(audit).data[0].y[0]
    assert "<" not in label and "&lt;b&gt;" in label


def test_figures_without_data_say_so_in_the_language() -> None:
    audit = _minimal()
    for language, text in (("en", "Not enough data"), ("fr", "Pas assez de données")):
        figure = charts.stakeholder_platforms(audit, language)
        assert not figure.data
        assert figure.layout.annotations[0].text.startswith(text)
    assert not charts.peer_benchmark(audit).data


def test_figures_are_deterministic() -> None:
    first = {name: fig.to_plotly_json() for name, fig in _figures(EXAMPLES[0], "fr").items()}
    _results.cache_clear()
    second = {name: fig.to_plotly_json() for name, fig in _figures(EXAMPLES[0], "fr").items()}
    assert first == second


def test_charts_sit_below_the_report_layer() -> None:
    for source in Path(charts.__file__).parent.glob("*.py"):
        assert "auditkit.report" not in source.read_text(), source.name


@pytest.mark.parametrize("language", ["en", "fr"])
def test_chart_words_come_from_the_catalogue(language: str) -> None:
    figures = _figures(EXAMPLES[0], language)
    titles = {
        "stakeholders": "chart.stakeholder_platforms.title",
        "health": "chart.channel_health.title",
        "matrix": "chart.channel_objective.title",
        "peers": "chart.peer_benchmark.title",
        "timeline": "chart.roadmap_timeline.title",
        "projection": "chart.projected_scores.title",
    }
    for name, message_id in titles.items():
        assert figures[name].layout.title.text == msg(message_id)(language), name
    assert figures["timeline"].layout.xaxis.title.text == msg("chart.roadmap_timeline.month_axis")(language)
    empty = charts.stakeholder_platforms(_minimal(), language)
    assert empty.layout.annotations[0].text == msg("chart.no_data")(language)
