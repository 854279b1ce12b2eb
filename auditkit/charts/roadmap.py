"""The roadmap: actions on a timeline by stage, and the scores projected at the end of each stage."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
    from auditkit.roadmap import Roadmap
    from auditkit.scoring import Scorecard


def roadmap_timeline(roadmap: Roadmap, language: str = "en", style: ChartStyle = DEFAULT_STYLE) -> go.Figure:
    """A Gantt-like timeline: each action spans the window of its stage (months 0-1, 1-3, ... 9-12)."""
    formatter = Formatter(language)
    lang = formatter.code
    title = formatter.label("chart.roadmap_timeline.title")
    rows: list[tuple[int, int, Any]] = []
    start = 0
    for stage in roadmap.stages:
        rows += [(start, stage.month, action) for action in stage.actions]
        start = stage.month
    if not rows:
        return empty_figure(style, lang, title)
    palette = [style.primary, style.accent, "#5b8c5a", "#8e6c8a", "#4a90a4"]
    names = unique_labels([category_label(formatter.text(action.title), 48) for _, _, action in rows])
    data = []
    for number, stage in enumerate(roadmap.stages):
        members = [i for i, (_, month, _) in enumerate(rows) if month == stage.month]
        if not members:
            continue
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "name": formatter.label("report.roadmap.by_month", n=stage.month),
                "y": [names[i] for i in members],
                "base": [rows[i][0] for i in members],
                "x": [rows[i][1] - rows[i][0] for i in members],
                "customdata": [
                    [plotly_text(rows[i][2].owner_label(lang)), formatter.hours(rows[i][2].effort_hours)]
                    for i in members
                ],
                "marker": {"color": palette[number % len(palette)]},
                "hovertemplate": "%{y}<br>"
                + formatter.label("report.roadmap.owner")
                + ": %{customdata[0]}<br>"
                + formatter.label("report.roadmap.effort")
                + ": %{customdata[1]}<extra></extra>",
            }
        )
    months = [0, *[stage.month for stage in roadmap.stages]]
    return go.Figure(
        {
            "data": data,
            "layout": figure_layout(
                style,
                lang,
                title,
                90 + 22 * len(rows),
                showlegend=False,
                barmode="overlay",
                bargap=0.25,
                xaxis=axis(
                    style,
                    title={"text": formatter.label("chart.roadmap_timeline.month_axis")},
                    tickvals=months,
                    range=[0, max(months)],
                    side="top",
                ),
                yaxis=axis(
                    style, autorange="reversed", showgrid=False, categoryorder="array", categoryarray=names
                ),
            ),
        }
    )


def projected_scores(
    roadmap: Roadmap,
    scorecard: Scorecard,
    language: str = "en",
    style: ChartStyle = DEFAULT_STYLE,
) -> go.Figure:
    """The overall score (labelled) and strategy completeness (dotted) today and after each roadmap stage."""
    formatter = Formatter(language)
    lang = formatter.code
    title = formatter.label("chart.projected_scores.title")
    if not roadmap.stages:
        return empty_figure(style, lang, title)
    months = [0, *[stage.month for stage in roadmap.stages]]
    ticks = [
        formatter.label("chart.projected_scores.today"),
        *[formatter.label("chart.projected_scores.stage_month", n=m) for m in months[1:]],
    ]
    ticks[1] = "<br>" + ticks[1]
    series = [
        (
            formatter.label("report.summary.overall_score"),
            [scorecard.overall.value, *[stage.projected_overall for stage in roadmap.stages]],
            style.primary,
        ),
        (
            formatter.label("report.strategy.strategy_completeness"),
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
            "layout": figure_layout(
                style,
                lang,
                title,
                340,
                legend={"orientation": "h", "y": -0.2, "x": 0, "yanchor": "top"},
                xaxis=axis(style, tickvals=months, ticktext=ticks, tickangle=0, showgrid=False),
                yaxis=axis(
                    style, range=[0, 105], dtick=20, title={"text": formatter.label("report.scorecard.score")}
                ),
            ),
        }
    )
