"""The client against its peers and the industry benchmark, per platform."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from typing import Any

import plotly.graph_objects as go

from auditkit.benchmarks import POSTS_PER_WEEK, BenchmarkIndex, BenchmarkMatch, describe
from auditkit.charts.layout import (
    axis,
    category_label,
    empty_figure,
    figure_layout,
    plotly_text,
)
from auditkit.charts.style import (
    DEFAULT_STYLE,
    ChartStyle,
)
from auditkit.definitions import same_computation
from auditkit.locale.formatter import Formatter
from auditkit.model import Audit, Channel, ChannelStatus, PeerPresence
from auditkit.platforms import Platform


def peer_benchmark(audit: Audit, language: str | None = None, style: ChartStyle = DEFAULT_STYLE) -> go.Figure:
    """The client against its peers, per platform: posts per week and engagement rate.

    Bars show the client's figure and the peers' median (the whisker spans the lowest to the highest
    peer); a diamond marks the closest benchmark computed the same way as the client's figure, its hover
    saying how close it is (like for like or indicative); a benchmark declined is not drawn. A peer's
    engagement rate is compared only when it was computed the same way as the client's on that platform
    (``engagement_definition``); the others stay out of the engagement panel and the subtitle says so.
    """
    formatter = Formatter(language or audit.engagement.language)
    lang = formatter.code
    title = formatter.label("chart.peer_benchmark.title")
    client = [
        c for c in audit.channels if c.is_social and c.status in {ChannelStatus.ACTIVE, ChannelStatus.DORMANT}
    ]
    peer_presence = [(peer.name, p) for peer in audit.peers for p in peer.presence]
    platforms = [
        p
        for p in Platform
        if any(c.platform is p for c in client)
        or any(presence.platform is p for _, presence in peer_presence)
    ]
    if not platforms or not peer_presence:
        return empty_figure(style, lang, title)
    index = BenchmarkIndex(audit)
    labels = [formatter.enum(p) for p in platforms]
    posting = [next((c for c in client if c.platform is p), None) for p in platforms]
    measured = [next((c for c in client if c.platform is p and c.engagement), None) for p in platforms]
    posts_benchmarks = [_comparable(index, c, POSTS_PER_WEEK) for c in posting]
    engagement_benchmarks = [
        None if c is None or c.engagement is None else _comparable(index, c, c.engagement.definition)
        for c in measured
    ]
    panels = [
        (
            "x",
            "y",
            [_mean(c.posts_per_week for c in client if c.platform is p) for p in platforms],
            [
                [(name, pr.posts_per_week) for name, pr in peer_presence if pr.platform is p]
                for p in platforms
            ],
            posts_benchmarks,
            formatter.label("report.scorecard.posts_per_week"),
            ":.1f",
        ),
        (
            "x2",
            "y2",
            [None if c is None or c.engagement is None else c.engagement.percent for c in measured],
            [_like_rates(peer_presence, p, c) for p, c in zip(platforms, measured, strict=True)],
            engagement_benchmarks,
            formatter.label("report.scorecard.engagement_rate") + " (%)",
            ":.2f",
        ),
    ]
    compared = sum(len(values) for values in panels[1][3] or [])
    rated = sum(pr.engagement_rate is not None for _, pr in peer_presence)
    subtitle = formatter.label("chart.peer_benchmark.peers_rates_left_out") if rated > compared else ""
    data: list[dict[str, Any]] = []
    tops: list[float] = []
    for number, (xaxis, yaxis, client_values, peer_values, benchmarks, _, digits) in enumerate(panels):
        shown = number == 0
        tops.append(
            max(
                [
                    *(v for v in client_values if v is not None),
                    *(v for values in peer_values or [] for _, v in values if v is not None),
                    *(match.row.value for match in benchmarks if match is not None and match.row),
                ],
                default=0.0,
            )
        )
        data.append(
            {
                "type": "bar",
                "name": formatter.label("chart.peer_benchmark.client"),
                "legendgroup": "client",
                "showlegend": shown,
                "x": labels,
                "y": client_values,
                "marker": {"color": style.primary},
                "xaxis": xaxis,
                "yaxis": yaxis,
                "hovertemplate": "%{x}: %{y"
                + digits
                + "}<extra>"
                + formatter.label("chart.peer_benchmark.client")
                + "</extra>",
            }
        )
        if peer_values is not None and any(peer_values):
            peers = _peers_trace(peer_values, labels, formatter, style, xaxis, yaxis, digits)
            data.append(peers | {"showlegend": not any(d.get("legendgroup") == "peers" for d in data)})
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": formatter.label("chart.peer_benchmark.industry_benchmark"),
                "legendgroup": "benchmark",
                "showlegend": shown,
                "x": labels,
                "y": [
                    None if match is None or match.row is None else match.row.value for match in benchmarks
                ],
                "customdata": [_benchmark_text(match, lang) for match in benchmarks],
                "marker": {
                    "symbol": "diamond",
                    "size": 11,
                    "color": "#1c2430",
                    "line": {"color": "white", "width": 1},
                },
                "xaxis": xaxis,
                "yaxis": yaxis,
                "hovertemplate": "%{x}: %{y"
                + digits
                + "}<br>%{customdata}<extra>"
                + formatter.label("chart.peer_benchmark.industry_benchmark")
                + "</extra>",
            }
        )
    return go.Figure(
        {
            "data": data,
            "layout": figure_layout(
                style,
                lang,
                title,
                380,
                subtitle=subtitle,
                xaxis=axis(style, domain=[0, 0.46], showgrid=False),
                xaxis2=axis(style, domain=[0.54, 1], showgrid=False),
                yaxis=axis(style, title={"text": panels[0][5]}, **_headroom(tops[0])),
                yaxis2=axis(style, anchor="x2", title={"text": panels[1][5]}, **_headroom(tops[1])),
                barmode="group",
                bargap=0.25,
            ),
        }
    )


def _comparable(index: BenchmarkIndex, channel: Channel | None, metric: str) -> BenchmarkMatch | None:
    """The channel's closest benchmark of ``metric``, or ``None`` when there is none or it was declined."""
    match = None if channel is None else index.closest(channel, metric)
    return match if match is not None and match.comparable and match.row is not None else None


def _benchmark_text(match: BenchmarkMatch | None, lang: str) -> str:
    if match is None or match.row is None:
        return ""
    return plotly_text(describe(match.row)(lang)) + "<br>" + plotly_text(match.summary(lang))


def _peers_trace(
    peer_values: list[list[tuple[str, float | None]]],
    labels: list[str],
    formatter: Formatter,
    style: ChartStyle,
    xaxis: str,
    yaxis: str,
    digits: str,
) -> dict[str, Any]:
    """The peers' median bars with a whisker from the lowest to the highest peer."""
    medians = [_median(v for _, v in values) for values in peer_values]
    return {
        "type": "bar",
        "name": formatter.label("chart.peer_benchmark.peers_median"),
        "legendgroup": "peers",
        "x": labels,
        "y": medians,
        "customdata": [_peer_lines(values, formatter) for values in peer_values],
        "error_y": {
            "type": "data",
            "symmetric": False,
            "array": [
                _spread(values, median, max) for values, median in zip(peer_values, medians, strict=True)
            ],
            "arrayminus": [
                _spread(values, median, min) for values, median in zip(peer_values, medians, strict=True)
            ],
            "color": "#6b7785",
            "thickness": 1.2,
        },
        "marker": {"color": style.accent},
        "xaxis": xaxis,
        "yaxis": yaxis,
        "hovertemplate": "%{x}: %{y"
        + digits
        + "}<br>%{customdata}<extra>"
        + formatter.label("chart.peer_benchmark.peers_median")
        + "</extra>",
    }


def _like_rates(
    peer_presence: list[tuple[str, PeerPresence]], platform: Platform, channel: Channel | None
) -> list[tuple[str, float | None]]:
    """The peers' engagement rates on ``platform`` computed the same way as the client's channel there."""
    if channel is None or channel.engagement is None:
        return []
    own = channel.engagement.definition
    return [
        (name, presence.engagement_rate)
        for name, presence in peer_presence
        if presence.platform is platform
        and presence.engagement_rate is not None
        and presence.engagement_definition
        and same_computation(presence.engagement_definition, own)
    ]


def _headroom(top: float) -> dict[str, Any]:
    """A value axis from zero with room above the highest bar, whisker or marker."""
    return {"range": [0, top * 1.12]} if top > 0 else {"rangemode": "tozero"}


def _mean(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.fmean(known) if known else None


def _median(values: Iterable[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def _spread(values: list[tuple[str, float | None]], median: float | None, pick: Any) -> float:
    known = [v for _, v in values if v is not None]
    return abs(pick(known) - median) if known and median is not None else 0.0


def _peer_lines(values: list[tuple[str, float | None]], formatter: Formatter) -> str:
    return "<br>".join(
        f"{category_label(name, 30)}: {formatter.decimal(v)}" for name, v in values if v is not None
    )
