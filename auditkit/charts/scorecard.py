"""The channel scorecard: health per channel and the channel x objective fit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import plotly.graph_objects as go

from auditkit.charts.layout import (
    axis,
    category_label,
    empty_figure,
    figure_layout,
    plotly_text,
    score_text,
    unique_labels,
    wrapped_label,
)
from auditkit.charts.style import (
    DEFAULT_STYLE,
    RECOMMENDATION_COLORS,
    SCORE_COLORSCALE,
    ChartStyle,
)
from auditkit.locale.formatter import Formatter
from auditkit.model import Audit

if TYPE_CHECKING:
    from auditkit.scoring import Scorecard

HEADER_CHARACTERS = 56
"""Characters across the heatmap's column labels at the narrowest width it is drawn at (printed A4)."""


def channel_health(
    scorecard: Scorecard, language: str = "en", style: ChartStyle = DEFAULT_STYLE
) -> go.Figure:
    """Horizontal bars of each channel's health score (0-100), coloured by its recommendation."""
    formatter = Formatter(language)
    lang = formatter.code
    title = formatter.label("chart.channel_health.title")
    channels = sorted(
        scorecard.channels, key=lambda c: (c.health.value is None, -(c.health.value or 0), c.name.casefold())
    )
    if not channels:
        return empty_figure(style, lang, title)
    names = unique_labels([category_label(c.name, 36) for c in channels])
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
                "text": [score_text(channels[i].health.value, formatter) for i in members],
                "textposition": "outside",
                "cliponaxis": False,
                "marker": {"color": RECOMMENDATION_COLORS.get(str(recommendation), style.primary)},
                "hovertemplate": "%{y}<br>"
                + formatter.label("report.scorecard.health")
                + ": %{text}<br>"
                + plotly_text(formatter.enum(recommendation))
                + "<extra></extra>",
            }
        )
    return go.Figure(
        {
            "data": traces,
            "layout": figure_layout(
                style,
                lang,
                title,
                110 + 26 * len(channels),
                xaxis=axis(style, range=[0, 108], dtick=20),
                yaxis=axis(
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
    language: str | None = None,
    style: ChartStyle = DEFAULT_STYLE,
) -> go.Figure:
    """Heatmap of the channel x objective fit scores (0-100; grey where not assessed).

    Args:
        scorecard: the audit's scorecard (``scorecard.matrix`` is keyed ``(channel_id, objective_id)``).
        audit: the audit, for the objectives' statements.
        language: "en" or "fr" (default: the audit's language).
        style: colours and font.
    """
    formatter = Formatter(language or audit.engagement.language)
    lang = formatter.code
    title = formatter.label("chart.channel_objective.title")
    channels = [
        c
        for c in scorecard.channels
        if any((c.channel_id, o.id) in scorecard.matrix for o in audit.objectives)
    ]
    if not channels or not audit.objectives:
        return empty_figure(style, lang, title)
    width = max(10, min(28, HEADER_CHARACTERS // len(audit.objectives)))
    columns = unique_labels([wrapped_label(o.statement, width, 4) for o in audit.objectives])
    rows = unique_labels([category_label(c.name, 36) for c in channels])
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    for channel in channels:
        pairs = [(channel.channel_id, o.id) for o in audit.objectives]
        scores = [scorecard.matrix.get(pair) for pair in pairs]
        z.append([None if s is None else s.value for s in scores])
        text.append(
            [
                "" if s is None else _bold(score_text(s.value, formatter), pair in scorecard.serves)
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
                    + formatter.label("report.scorecard.score")
                    + ": %{text}<extra></extra>",
                    "zmin": 0,
                    "zmax": 100,
                    "colorscale": SCORE_COLORSCALE,
                    "xgap": 2,
                    "ygap": 2,
                    "colorbar": {
                        "title": {"text": formatter.label("report.scorecard.score")},
                        "thickness": 12,
                    },
                }
            ],
            "layout": figure_layout(
                style,
                lang,
                title,
                140 + 30 * len(channels),
                xaxis=axis(style, side="top", showgrid=False, tickangle=0),
                yaxis=axis(style, autorange="reversed", showgrid=False),
                plot_bgcolor="#eceff3",
                subtitle=formatter.label("chart.channel_objective.serves_bold") if scorecard.serves else "",
            ),
        }
    )


def _bold(text: str, bold: bool) -> str:
    return f"<b>{text}</b>" if bold else text
