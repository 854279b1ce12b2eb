"""The comparison of rounds as one self-contained HTML page, offline, like the report.

The page reuses the report's machinery (:mod:`auditkit.report.render`): the same Jinja environment with
autoescaping and typography, the same CSS, the vendored plotly.js embedded once and the same
Content-Security-Policy, which forbids every network request and every script but the page's own.
Its values come from :func:`auditkit.compare.comparison_dict`, the document ``compare --json`` prints.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import plotly.graph_objects as go
from markupsafe import Markup

from auditkit import __version__, charts
from auditkit.compare import Comparison, Trends, comparison_dict, trends_dict
from auditkit.locale.formatter import Formatter
from auditkit.report.render import (
    CHART_CONFIG,
    asset_text,
    chart_scripts,
    content_security_policy,
    figure_chart,
    plotly_locale,
    script_json,
    template_environment,
)

__all__ = ["comparison_figures", "render_compare", "trend_figures"]

_BEFORE, _AFTER = "#9aa5b1", "#1f5f8b"
_LAYOUT: dict[str, Any] = {
    "margin": {"l": 60, "r": 20, "t": 50, "b": 60},
    "height": 340,
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
    "legend": {"orientation": "h", "y": -0.2},
    "template": "none",
}


def comparison_figures(comparison: Comparison, formatter: Formatter) -> dict[str, go.Figure]:
    """The before/after bars of the headline scores."""
    document = comparison_dict(comparison, formatter.code)
    labels = [score["label"] for score in document["scores"]]
    rounds = document["before"]["round"], document["after"]["round"]
    figure = go.Figure(
        [
            go.Bar(
                name=formatter.label("compare.page.round", round=number),
                x=labels,
                y=[score[side] for score in document["scores"]],
                marker_color=colour,
            )
            for side, number, colour in (("before", rounds[0], _BEFORE), ("after", rounds[1], _AFTER))
        ]
    )
    figure.update_layout(
        title=formatter.label("compare.chart.scores"), barmode="group", yaxis={"range": [0, 100]}, **_LAYOUT
    )
    return {"scores": figure}


def trend_figures(trends: Trends, formatter: Formatter) -> dict[str, go.Figure]:
    """Round after round: the overall score, each objective's value and each channel's health."""
    document = trends_dict(trends)
    rounds = [formatter.label("compare.page.round", round=item["round"]) for item in document["rounds"]]

    def lines(title: str, series: list[tuple[str, list[float | None]]], bounded: bool) -> go.Figure:
        figure = go.Figure(
            [go.Scatter(name=name, x=rounds, y=values, mode="lines+markers") for name, values in series]
        )
        figure.update_layout(title=title, yaxis={"range": [0, 100]} if bounded else {}, **_LAYOUT)
        return figure

    return {
        "overall": lines(
            formatter.label("compare.chart.overall"),
            [(formatter.label("compare.score.overall"), document["overall"])],
            True,
        ),
        "objectives": lines(
            formatter.label("compare.chart.objectives"),
            [(_short(item["name"]), item["values"]) for item in document["objectives"]],
            False,
        ),
        "channels": lines(
            formatter.label("compare.chart.channels"),
            [(_short(item["name"]), item["health"]) for item in document["channels"]],
            True,
        ),
    }


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= 40 else line[:39] + "…"


def _signed(value: float | None, formatter: Formatter) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + formatter.decimal(value, 1)


def render_compare(trends: Trends, lang: str) -> str:
    """The page comparing the last two of ``trends``' rounds, with the trajectories when there are three
    or more, in language ``lang``."""
    formatter = Formatter(lang)
    comparison = trends.latest
    figures = comparison_figures(comparison, formatter)
    if len(trends.runs) > 2:
        figures |= {f"trend-{name}": figure for name, figure in trend_figures(trends, formatter).items()}
    scripts = chart_scripts("gzip")
    style = charts.ChartStyle()
    context = {
        "f": formatter,
        "t": formatter.label,
        "lang": formatter.code,
        "version": __version__,
        "today": date.today(),
        "day": lambda text: formatter.date(date.fromisoformat(text)) if text else "—",
        "signed": lambda value: _signed(value, formatter),
        "c": comparison_dict(comparison, formatter.code),
        "trends": trends_dict(trends) if len(trends.runs) > 2 else None,
        "charts": {name: figure_chart(f"chart-{name}", figure) for name, figure in figures.items()},
        "scripts": scripts,
        "csp": Markup.escape(content_security_policy(scripts.digests)),
        "css": Markup(asset_text("report.css")),
        "primary": style.primary,
        "accent": style.accent,
        "chart_config": script_json(
            {
                "plotly": CHART_CONFIG,
                "locale": formatter.code,
                "localeModule": plotly_locale(formatter.code),
                "failure": formatter.label("report.document.charts_failed"),
            }
        ),
    }
    return template_environment().get_template("compare.html.j2").render(context)
