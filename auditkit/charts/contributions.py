"""What makes a score: each factor's points against the most it could give."""

from __future__ import annotations

from typing import TYPE_CHECKING

import plotly.graph_objects as go

from auditkit.charts.layout import (
    axis,
    category_label,
    empty_figure,
    figure_layout,
    plotly_text,
    unique_labels,
)
from auditkit.charts.style import (
    DEFAULT_STYLE,
    ChartStyle,
)
from auditkit.locale.formatter import Formatter

if TYPE_CHECKING:
    from auditkit.scoring import Score


def contributions(
    score: Score, title: str, language: str = "en", style: ChartStyle = DEFAULT_STYLE
) -> go.Figure:
    """What makes a score: each factor's points (solid) against the most it could give (light).

    Args:
        score: a :class:`~auditkit.scoring.Score` with its contributions.
        title: the figure's title (for instance "Strategy completeness").
        language: "en" or "fr".
        style: colours and font.
    """
    formatter = Formatter(language)
    lang = formatter.code
    factors = list(score.contributions)
    if not factors:
        return empty_figure(style, lang, title)
    assessed_weight = sum(c.weight for c in factors if c.value is not None) or 1.0
    names = unique_labels([category_label(formatter.text(c.label), 40) for c in factors])
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
                        formatter.label("report.document.not_assessed")
                        if c.value is None
                        else formatter.decimal(c.points, 1)
                        for c in factors
                    ],
                    "textposition": "outside",
                    "cliponaxis": False,
                    "marker": {"color": style.primary},
                    "hovertemplate": hover,
                    "showlegend": False,
                },
            ],
            "layout": figure_layout(
                style,
                lang,
                plotly_text(title),
                90 + 26 * len(factors),
                barmode="overlay",
                bargap=0.35,
                xaxis=axis(
                    style, title={"text": formatter.label("report.strategy.points")}, rangemode="tozero"
                ),
                yaxis=axis(style, autorange="reversed", showgrid=False),
            ),
        }
    )
