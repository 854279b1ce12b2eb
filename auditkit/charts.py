"""Plotly figures of an audit: stakeholders, scorecard, peers, score contributions, findings, roadmap.

The notebooks and the HTML report draw the same figures from these functions. They are pure: no I/O,
no renderer, no clock. Every text a person typed (names, statements, action titles) passes through
:func:`plotly_text`, so that plotly shows it literally instead of reading it as its own markup.
Numbers follow the language's separators (``layout.separators``); every figure only uses the
``bar``, ``heatmap`` and ``scatter`` trace types of plotly.js's "cartesian" partial bundle, which
the report embeds.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from auditkit.benchmarks import POSTS_PER_WEEK, BenchmarkIndex, describe
from auditkit.model import Audit, ChannelStatus, Language, Level
from auditkit.platforms import Platform
from auditkit.report.i18n import Formatter, language_of

if TYPE_CHECKING:
    from auditkit.diagnose import Diagnosis
    from auditkit.roadmap import Roadmap
    from auditkit.scoring import Score, Scorecard

__all__ = [
    "DEFAULT_STYLE",
    "SCORE_COLORSCALE",
    "TRACE_TYPES",
    "ChartStyle",
    "channel_health",
    "channel_objective_heatmap",
    "contributions",
    "findings_by_theme",
    "peer_benchmark",
    "plotly_text",
    "projected_scores",
    "roadmap_timeline",
    "stakeholder_platforms",
]

TRACE_TYPES = frozenset({"bar", "heatmap", "scatter"})
"""The plotly trace types these figures use: all in plotly.js's "cartesian" partial bundle."""

SCORE_COLORSCALE: list[list[float | str]] = [
    [0.0, "#c62828"],
    [0.35, "#ef8a3c"],
    [0.55, "#f6d55c"],
    [0.75, "#8cc66d"],
    [1.0, "#2e7d32"],
]
"""Red (0) to green (100); cells also carry their number, so colour is never the only cue."""

USE_COLORSCALE: list[list[float | str]] = [[0.0, "#f3f6fa"], [1.0, "#1f4e79"]]

LEVEL_SHARES: dict[Level, float] = {Level.NONE: 0.0, Level.LOW: 0.2, Level.MEDIUM: 0.5, Level.HIGH: 0.8}
"""Where a usage level without a measured share is placed on the share colour scale."""

RECOMMENDATION_COLORS = {
    "invest": "#2e7d32",
    "maintain": "#1f77b4",
    "fix": "#e0a100",
    "reduce": "#ef6c00",
    "close": "#c62828",
    "park": "#7f8c8d",
    "not_now": "#b0bec5",
}
SEVERITY_COLORS = {"critical": "#b71c1c", "major": "#ef6c00", "minor": "#f2c14e", "info": "#90a4ae"}
_SEPARATORS = {Language.EN: ".,", Language.FR: ",\u202f"}
_LABEL_LENGTH = 42
_HEADER_CHARACTERS = 56
"""Characters across the heatmap's column labels at the narrowest width it is drawn at (printed A4)."""


@dataclass(frozen=True)
class ChartStyle:
    """Colours and font of the figures (the report takes them from the consultant's branding).

    Attributes:
        primary: main series colour (default a deep blue).
        accent: second series colour (default an orange).
        font: CSS font family list.
        text: text colour.
        grid: grid line colour.
    """

    primary: str = "#1f4e79"
    accent: str = "#d9822b"
    font: str = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
    text: str = "#1c2430"
    grid: str = "#e3e8ef"


DEFAULT_STYLE = ChartStyle()


def plotly_text(text: str) -> str:
    """``text`` escaped for plotly's label markup, so ``<b>`` or ``<a href=...>`` show as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _short(text: str, length: int = _LABEL_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _label(text: str, length: int = _LABEL_LENGTH) -> str:
    return plotly_text(_short(text, length))


def _wrapped(text: str, width: int, lines: int) -> str:
    """``text`` escaped and broken into at most ``lines`` lines of about ``width`` characters."""
    words = " ".join(text.split()).split(" ")
    rows: list[str] = []
    while words and len(rows) < lines:
        row = words.pop(0)
        while words and len(row) + 1 + len(words[0]) <= width:
            row += " " + words.pop(0)
        rows.append(_short(row, width))
    if words:
        rows[-1] = _short(rows[-1] + " " + " ".join(words), width)
    return "<br>".join(plotly_text(row) for row in rows)


def _unique(labels: Sequence[str]) -> list[str]:
    """Category labels made unique (plotly merges equal categories) with invisible suffixes."""
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        count = seen.get(label, 0)
        seen[label] = count + 1
        unique.append(label + "\u200b" * count)
    return unique


def _layout(
    style: ChartStyle, language: Language, title: str, height: int, subtitle: str = "", **extra: Any
) -> dict[str, Any]:
    heading: dict[str, Any] = {"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}}
    if subtitle:
        heading["subtitle"] = {"text": subtitle, "font": {"size": 11, "color": "#6b7785"}}
    layout: dict[str, Any] = {
        "template": {},
        "title": heading,
        "height": height + (18 if subtitle else 0),
        "margin": {"l": 10, "r": 10, "t": 68 if subtitle else 50, "b": 10, "autoexpand": True},
        "font": {"family": style.font, "size": 12, "color": style.text},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "separators": _SEPARATORS[language],
        "hoverlabel": {"font": {"family": style.font}},
        "legend": {"orientation": "h", "y": -0.12, "x": 0, "yanchor": "top"},
    }
    layout.update(extra)
    return layout


def _axis(style: ChartStyle, **extra: Any) -> dict[str, Any]:
    axis: dict[str, Any] = {
        "gridcolor": style.grid,
        "zerolinecolor": style.grid,
        "linecolor": style.grid,
        "automargin": True,
    }
    axis.update(extra)
    return axis


def _empty(style: ChartStyle, language: Language, title: str) -> go.Figure:
    formatter = Formatter(language)
    hidden = {"visible": False}
    return go.Figure(
        {
            "data": [],
            "layout": _layout(
                style,
                language,
                title,
                160,
                xaxis=hidden,
                yaxis=hidden,
                annotations=[
                    {
                        "text": formatter.label("chart_no_data"),
                        "showarrow": False,
                        "xref": "paper",
                        "yref": "paper",
                        "x": 0.5,
                        "y": 0.5,
                        "font": {"size": 13, "color": "#6b7785"},
                    }
                ],
            ),
        }
    )


def _score_text(value: float | None, formatter: Formatter) -> str:
    return formatter.label("not_assessed") if value is None else formatter.number(value)


def stakeholder_platforms(
    audit: Audit, language: Language | str | None = None, style: ChartStyle = DEFAULT_STYLE
) -> go.Figure:
    """Heatmap of platform use by stakeholder group: where the audiences are, and where the client is.

    Rows are stakeholders, most important first; columns are platforms, most used first (weighted by
    importance); a "●" marks platforms where the client has an active channel. Cells show the share of
    the group using the platform, or its usage level when no share was measured.

    Args:
        audit: the audit.
        language: "en" or "fr" (default: the audit's language).
        style: colours and font.
    """
    lang = language_of(language or audit.engagement.language)
    formatter = Formatter(lang)
    title = formatter.label("chart_stakeholder_platforms")
    groups = sorted(
        (s for s in audit.stakeholders if s.platforms), key=lambda s: (-s.importance, s.name.casefold())
    )
    if not groups:
        return _empty(style, lang, title)
    weight: dict[Platform, float] = {}
    for group in groups:
        for use in group.platforms:
            weight[use.platform] = weight.get(use.platform, 0.0) + group.importance * _share(use)
    platforms = sorted(weight, key=lambda p: (-weight[p], list(Platform).index(p)))
    present = {c.platform for c in audit.channels if c.status is ChannelStatus.ACTIVE}
    columns = [formatter.enum(p) + (" ●" if p in present else "") for p in platforms]
    rows = _unique([f"{_label(g.name, 40)} ({g.importance}/5)" for g in groups])
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    for group in groups:
        uses = {use.platform: use for use in group.platforms}
        z.append([None if p not in uses else _share(uses[p]) for p in platforms])
        text.append([_use_text(uses.get(p), formatter) for p in platforms])
    return go.Figure(
        {
            "data": [
                {
                    "type": "heatmap",
                    "x": columns,
                    "y": rows,
                    "z": z,
                    "text": text,
                    "texttemplate": "%{text}",
                    "hovertemplate": "%{y}<br>%{x}: %{text}<extra></extra>",
                    "zmin": 0,
                    "zmax": 1,
                    "colorscale": USE_COLORSCALE,
                    "xgap": 2,
                    "ygap": 2,
                    "colorbar": {
                        "title": {"text": formatter.label("usage_share"), "side": "right"},
                        "tickformat": ".0%",
                        "thickness": 12,
                    },
                }
            ],
            "layout": _layout(
                style,
                lang,
                title,
                120 + 34 * len(groups),
                subtitle=formatter.label("client_present") if present.intersection(platforms) else "",
                xaxis=_axis(style, tickangle=0 if len(platforms) <= 5 else -30, showgrid=False),
                yaxis=_axis(style, autorange="reversed", showgrid=False),
                plot_bgcolor="#f7f8fa",
            ),
        }
    )


def _share(use: Any) -> float:
    return use.share if use.share is not None else LEVEL_SHARES[use.level]


def _use_text(use: Any, formatter: Formatter) -> str:
    if use is None:
        return ""
    if use.share is not None:
        return formatter.percent(use.share)
    return formatter.enum(use.level)


def channel_health(
    scorecard: Scorecard, language: Language | str = Language.EN, style: ChartStyle = DEFAULT_STYLE
) -> go.Figure:
    """Horizontal bars of each channel's health score (0-100), coloured by its recommendation."""
    lang = language_of(language)
    formatter = Formatter(lang)
    title = formatter.label("chart_channel_health")
    channels = sorted(
        scorecard.channels, key=lambda c: (c.health.value is None, -(c.health.value or 0), c.name.casefold())
    )
    if not channels:
        return _empty(style, lang, title)
    names = _unique([_label(c.name, 36) for c in channels])
    traces = []
    for recommendation in dict.fromkeys(c.recommendation for c in channels):
        members = [i for i, c in enumerate(channels) if c.recommendation == recommendation]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": formatter.enum(recommendation),
                "y": [names[i] for i in members],
                "x": [channels[i].health.value or 0 for i in members],
                "text": [_score_text(channels[i].health.value, formatter) for i in members],
                "textposition": "outside",
                "cliponaxis": False,
                "marker": {"color": RECOMMENDATION_COLORS.get(str(recommendation), style.primary)},
                "hovertemplate": "%{y}<br>"
                + formatter.label("health")
                + ": %{text}<br>"
                + plotly_text(formatter.enum(recommendation))
                + "<extra></extra>",
            }
        )
    return go.Figure(
        {
            "data": traces,
            "layout": _layout(
                style,
                lang,
                title,
                110 + 26 * len(channels),
                xaxis=_axis(style, range=[0, 108], dtick=20),
                yaxis=_axis(
                    style,
                    categoryorder="array",
                    categoryarray=names,
                    autorange="reversed",
                    showgrid=False,
                ),
                barmode="overlay",
                bargap=0.3,
            ),
        }
    )


def channel_objective_heatmap(
    scorecard: Scorecard,
    audit: Audit,
    language: Language | str | None = None,
    style: ChartStyle = DEFAULT_STYLE,
) -> go.Figure:
    """Heatmap of the channel x objective fit scores (0-100; grey where not assessed).

    Args:
        scorecard: the audit's scorecard (``scorecard.matrix`` is keyed ``(channel_id, objective_id)``).
        audit: the audit, for the objectives' statements.
        language: "en" or "fr" (default: the audit's language).
        style: colours and font.
    """
    lang = language_of(language or audit.engagement.language)
    formatter = Formatter(lang)
    title = formatter.label("chart_matrix")
    channels = [
        c
        for c in scorecard.channels
        if any((c.channel_id, o.id) in scorecard.matrix for o in audit.objectives)
    ]
    if not channels or not audit.objectives:
        return _empty(style, lang, title)
    width = max(10, min(28, _HEADER_CHARACTERS // len(audit.objectives)))
    columns = _unique([_wrapped(o.statement, width, 4) for o in audit.objectives])
    rows = _unique([_label(c.name, 36) for c in channels])
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    for channel in channels:
        pairs = [(channel.channel_id, o.id) for o in audit.objectives]
        scores = [scorecard.matrix.get(pair) for pair in pairs]
        z.append([None if s is None else s.value for s in scores])
        text.append(
            [
                "" if s is None else _bold(_score_text(s.value, formatter), pair in scorecard.serves)
                for s, pair in zip(scores, pairs, strict=True)
            ]
        )
    return go.Figure(
        {
            "data": [
                {
                    "type": "heatmap",
                    "x": columns,
                    "y": rows,
                    "z": z,
                    "text": text,
                    "texttemplate": "%{text}",
                    "hovertemplate": "%{y}<br>%{x}<br>"
                    + formatter.label("score")
                    + ": %{text}<extra></extra>",
                    "zmin": 0,
                    "zmax": 100,
                    "colorscale": SCORE_COLORSCALE,
                    "xgap": 2,
                    "ygap": 2,
                    "colorbar": {"title": {"text": formatter.label("score")}, "thickness": 12},
                }
            ],
            "layout": _layout(
                style,
                lang,
                title,
                140 + 30 * len(channels),
                xaxis=_axis(style, side="top", showgrid=False, tickangle=0),
                yaxis=_axis(style, autorange="reversed", showgrid=False),
                plot_bgcolor="#eceff3",
                subtitle=formatter.label("serves_bold") if scorecard.serves else "",
            ),
        }
    )


def _bold(text: str, bold: bool) -> str:
    return f"<b>{text}</b>" if bold else text


def peer_benchmark(
    audit: Audit, language: Language | str | None = None, style: ChartStyle = DEFAULT_STYLE
) -> go.Figure:
    """The client against its peers, per platform: posts per week and engagement rate.

    Bars show the client's figure and the peers' median (the whisker spans the lowest to the highest
    peer); a diamond marks the industry benchmark row the scoring uses for the same metric.
    """
    lang = language_of(language or audit.engagement.language)
    formatter = Formatter(lang)
    title = formatter.label("chart_peer_benchmark")
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
        return _empty(style, lang, title)
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
            formatter.label("posts_per_week"),
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
            formatter.label("engagement_rate") + " (%)",
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
                "name": formatter.label("client_series"),
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
                + formatter.label("client_series")
                + "</extra>",
            }
        )
        data.append(
            {
                "type": "bar",
                "name": formatter.label("peers_median"),
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
                + formatter.label("peers_median")
                + "</extra>",
            }
        )
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": formatter.label("industry_benchmark"),
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
                + formatter.label("industry_benchmark")
                + "</extra>",
            }
        )
    return go.Figure(
        {
            "data": data,
            "layout": _layout(
                style,
                lang,
                title,
                380,
                xaxis=_axis(style, domain=[0, 0.46], showgrid=False),
                xaxis2=_axis(style, domain=[0.54, 1], showgrid=False),
                yaxis=_axis(style, title={"text": panels[0][5]}, **_headroom(tops[0])),
                yaxis2=_axis(style, anchor="x2", title={"text": panels[1][5]}, **_headroom(tops[1])),
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
    return "<br>".join(f"{_label(name, 30)}: {formatter.decimal(v)}" for name, v in values if v is not None)


def contributions(
    score: Score, title: str, language: Language | str = Language.EN, style: ChartStyle = DEFAULT_STYLE
) -> go.Figure:
    """What makes a score: each factor's points (solid) against the most it could give (light).

    Args:
        score: a :class:`~auditkit.scoring.Score` with its contributions.
        title: the figure's title (for instance "Strategy completeness").
        language: "en" or "fr".
        style: colours and font.
    """
    lang = language_of(language)
    formatter = Formatter(lang)
    factors = list(score.contributions)
    if not factors:
        return _empty(style, lang, title)
    assessed_weight = sum(c.weight for c in factors if c.value is not None) or 1.0
    names = _unique([_label(formatter.text(c.label), 40) for c in factors])
    most = [0.0 if c.value is None else 100 * c.weight / assessed_weight for c in factors]
    hover = "%{y}<br>%{x:.1f} / %{customdata:.1f}<extra></extra>"
    return go.Figure(
        {
            "data": [
                {
                    "type": "bar",
                    "orientation": "h",
                    "y": names,
                    "x": most,
                    "customdata": most,
                    "marker": {"color": "#e3e8ef"},
                    "hoverinfo": "skip",
                    "showlegend": False,
                },
                {
                    "type": "bar",
                    "orientation": "h",
                    "y": names,
                    "x": [c.points for c in factors],
                    "customdata": most,
                    "text": [
                        formatter.label("not_assessed") if c.value is None else formatter.decimal(c.points, 1)
                        for c in factors
                    ],
                    "textposition": "outside",
                    "cliponaxis": False,
                    "marker": {"color": style.primary},
                    "hovertemplate": hover,
                    "showlegend": False,
                },
            ],
            "layout": _layout(
                style,
                lang,
                plotly_text(title),
                90 + 26 * len(factors),
                barmode="overlay",
                bargap=0.35,
                xaxis=_axis(style, title={"text": formatter.label("points")}, rangemode="tozero"),
                yaxis=_axis(style, autorange="reversed", showgrid=False),
            ),
        }
    )


def findings_by_theme(
    diagnosis: Diagnosis, language: Language | str = Language.EN, style: ChartStyle = DEFAULT_STYLE
) -> go.Figure:
    """Stacked bars: how many findings each theme has, by severity."""
    from auditkit.diagnose import Severity, Theme

    lang = language_of(language)
    formatter = Formatter(lang)
    title = formatter.label("findings_count")
    themes = [t for t in Theme if any(f.theme is t for f in diagnosis.findings)]
    if not themes:
        return _empty(style, lang, title)
    names = [formatter.enum(t) for t in themes]
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "name": formatter.enum(severity),
            "y": names,
            "x": [
                sum(1 for f in diagnosis.findings if f.theme is t and f.severity is severity) for t in themes
            ],
            "marker": {"color": SEVERITY_COLORS[severity.value]},
            "hovertemplate": "%{y}: %{x}<extra>" + formatter.enum(severity) + "</extra>",
        }
        for severity in Severity
        if any(f.severity is severity for f in diagnosis.findings)
    ]
    return go.Figure(
        {
            "data": data,
            "layout": _layout(
                style,
                lang,
                title,
                110 + 28 * len(themes),
                barmode="stack",
                bargap=0.3,
                legend={"orientation": "h", "y": -0.12, "x": 0, "yanchor": "top", "traceorder": "normal"},
                xaxis=_axis(style, dtick=1, rangemode="tozero"),
                yaxis=_axis(style, autorange="reversed", showgrid=False),
            ),
        }
    )


def roadmap_timeline(
    roadmap: Roadmap, language: Language | str = Language.EN, style: ChartStyle = DEFAULT_STYLE
) -> go.Figure:
    """A Gantt-like timeline: each action spans the window of its stage (months 0-1, 1-3, ... 9-12)."""
    lang = language_of(language)
    formatter = Formatter(lang)
    title = formatter.label("chart_timeline")
    rows: list[tuple[int, int, Any]] = []
    start = 0
    for stage in roadmap.stages:
        rows += [(start, stage.month, action) for action in stage.actions]
        start = stage.month
    if not rows:
        return _empty(style, lang, title)
    palette = [style.primary, style.accent, "#5b8c5a", "#8e6c8a", "#4a90a4"]
    names = _unique([_label(formatter.text(action.title), 48) for _, _, action in rows])
    data = []
    for number, stage in enumerate(roadmap.stages):
        members = [i for i, (_, month, _) in enumerate(rows) if month == stage.month]
        if not members:
            continue
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": formatter.label("by_month").format(n=stage.month),
                "y": [names[i] for i in members],
                "base": [rows[i][0] for i in members],
                "x": [rows[i][1] - rows[i][0] for i in members],
                "customdata": [
                    [plotly_text(rows[i][2].owner_label(lang)), formatter.hours(rows[i][2].effort_hours)]
                    for i in members
                ],
                "marker": {"color": palette[number % len(palette)]},
                "hovertemplate": "%{y}<br>"
                + formatter.label("owner")
                + ": %{customdata[0]}<br>"
                + formatter.label("effort")
                + ": %{customdata[1]}<extra></extra>",
            }
        )
    months = [0, *[stage.month for stage in roadmap.stages]]
    return go.Figure(
        {
            "data": data,
            "layout": _layout(
                style,
                lang,
                title,
                90 + 22 * len(rows),
                showlegend=False,
                barmode="overlay",
                bargap=0.25,
                xaxis=_axis(
                    style,
                    title={"text": formatter.label("month_axis")},
                    tickvals=months,
                    range=[0, max(months)],
                    side="top",
                ),
                yaxis=_axis(
                    style, autorange="reversed", showgrid=False, categoryorder="array", categoryarray=names
                ),
            ),
        }
    )


def projected_scores(
    roadmap: Roadmap,
    scorecard: Scorecard,
    language: Language | str = Language.EN,
    style: ChartStyle = DEFAULT_STYLE,
) -> go.Figure:
    """The overall score (labelled) and strategy completeness (dotted) today and after each roadmap stage."""
    lang = language_of(language)
    formatter = Formatter(lang)
    title = formatter.label("chart_projection")
    if not roadmap.stages:
        return _empty(style, lang, title)
    months = [0, *[stage.month for stage in roadmap.stages]]
    ticks = [formatter.label("today"), *[formatter.label("stage_month").format(n=m) for m in months[1:]]]
    ticks[1] = "<br>" + ticks[1]
    series = [
        (
            formatter.label("overall_score"),
            [scorecard.overall.value, *[stage.projected_overall for stage in roadmap.stages]],
            style.primary,
        ),
        (
            formatter.label("strategy_completeness"),
            [
                scorecard.strategy_completeness.value,
                *[stage.projected_completeness for stage in roadmap.stages],
            ],
            style.accent,
        ),
    ]
    overall, completeness = series[0][1], series[1][1]
    above = [
        "bottom center" if o is not None and c is not None and c > o else "top center"
        for o, c in zip(overall, completeness, strict=True)
    ]
    data = [
        {
            "type": "scatter",
            "mode": "lines+markers+text" if labelled else "lines+markers",
            "name": name,
            "x": months,
            "y": values,
            "text": [formatter.number(v) if v is not None else "" for v in values],
            "textposition": above,
            "cliponaxis": False,
            "line": {"color": color, "width": 2.5, "dash": "solid" if labelled else "dot"},
            "marker": {"size": 8},
            "hovertemplate": "%{y:.0f}<extra>" + name + "</extra>",
        }
        for (name, values, color), labelled in zip(series, (True, False), strict=True)
    ]
    return go.Figure(
        {
            "data": data,
            "layout": _layout(
                style,
                lang,
                title,
                340,
                legend={"orientation": "h", "y": -0.2, "x": 0, "yanchor": "top"},
                xaxis=_axis(style, tickvals=months, ticktext=ticks, tickangle=0, showgrid=False),
                yaxis=_axis(style, range=[0, 105], dtick=20, title={"text": formatter.label("score")}),
            ),
        }
    )
