"""The client against its peers and the industry benchmark, per platform."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from auditkit.benchmarks import POSTS_PER_WEEK, BenchmarkIndex, describe
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
from auditkit.locale.formatter import Formatter
from auditkit.model import Audit, ChannelStatus
from auditkit.platforms import Platform

if TYPE_CHECKING:
    pass


def peer_benchmark(audit: Audit, language: str | None = None, style: ChartStyle = DEFAULT_STYLE) -> go.Figure:
    """The client against its peers, per platform: posts per week and engagement rate.

    Bars show the client's figure and the peers' median (the whisker spans the lowest to the highest
    peer); a diamond marks the industry benchmark row the scoring uses for the same metric.
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
    posts_benchmarks = [index.lookup(p, POSTS_PER_WEEK) for p in platforms]
    engagement_benchmarks = [
        next(
            (
                index.lookup(p, c.engagement.definition)
                for c in client
                if c.platform is p and c.engagement is not None
            ),
            None,
        )
        for p in platforms
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
            [
                _mean(c.engagement.percent for c in client if c.platform is p and c.engagement)
                for p in platforms
            ],
            [
                [(name, pr.engagement_rate) for name, pr in peer_presence if pr.platform is p]
                for p in platforms
            ],
            engagement_benchmarks,
            formatter.label("report.scorecard.engagement_rate") + " (%)",
            ":.2f",
        ),
    ]
    data: list[dict[str, Any]] = []
    tops: list[float] = []
    for number, (xaxis, yaxis, client_values, peer_values, benchmarks, _, digits) in enumerate(panels):
        shown = number == 0
        medians = [_median(v for _, v in values) for values in peer_values]
        tops.append(
            max(
                [
                    *(v for v in client_values if v is not None),
                    *(v for values in peer_values for _, v in values if v is not None),
                    *(row.value for row in benchmarks if row is not None),
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
        data.append(
            {
                "type": "bar",
                "name": formatter.label("chart.peer_benchmark.peers_median"),
                "legendgroup": "peers",
                "showlegend": shown,
                "x": labels,
                "y": medians,
                "customdata": [_peer_lines(values, formatter) for values in peer_values],
                "error_y": {
                    "type": "data",
                    "symmetric": False,
                    "array": [
                        _spread(values, median, max)
                        for values, median in zip(peer_values, medians, strict=True)
                    ],
                    "arrayminus": [
                        _spread(values, median, min)
                        for values, median in zip(peer_values, medians, strict=True)
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
        )
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": formatter.label("chart.peer_benchmark.industry_benchmark"),
                "legendgroup": "benchmark",
                "showlegend": shown,
                "x": labels,
                "y": [None if row is None else row.value for row in benchmarks],
                "customdata": ["" if row is None else plotly_text(describe(row)(lang)) for row in benchmarks],
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
                xaxis=axis(style, domain=[0, 0.46], showgrid=False),
                xaxis2=axis(style, domain=[0.54, 1], showgrid=False),
                yaxis=axis(style, title={"text": panels[0][5]}, **_headroom(tops[0])),
                yaxis2=axis(style, anchor="x2", title={"text": panels[1][5]}, **_headroom(tops[1])),
                barmode="group",
                bargap=0.25,
            ),
        }
    )


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
