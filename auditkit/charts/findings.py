"""How many findings each theme has, by severity."""

from __future__ import annotations

from typing import TYPE_CHECKING

import plotly.graph_objects as go

from auditkit.charts.layout import (
    axis,
    empty_figure,
    figure_layout,
)
from auditkit.charts.style import (
    DEFAULT_STYLE,
    SEVERITY_COLORS,
    ChartStyle,
)
from auditkit.locale.formatter import Formatter

if TYPE_CHECKING:
    from auditkit.diagnose import Diagnosis


def findings_by_theme(
    diagnosis: Diagnosis, language: str = "en", style: ChartStyle = DEFAULT_STYLE
) -> go.Figure:
    """Stacked bars: how many findings each theme has, by severity."""
    from auditkit.diagnose import Severity, Theme

    formatter = Formatter(language)
    lang = formatter.code
    title = formatter.label("report.summary.findings_count")
    themes = [t for t in Theme if any(f.theme is t for f in diagnosis.findings)]
    if not themes:
        return empty_figure(style, lang, title)
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
            "layout": figure_layout(
                style,
                lang,
                title,
                110 + 28 * len(themes),
                barmode="stack",
                bargap=0.3,
                legend={"orientation": "h", "y": -0.12, "x": 0, "yanchor": "top", "traceorder": "normal"},
                xaxis=axis(style, dtick=1, rangemode="tozero"),
                yaxis=axis(style, autorange="reversed", showgrid=False),
            ),
        }
    )
