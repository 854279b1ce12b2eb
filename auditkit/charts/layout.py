"""What every figure shares: its frame and axes, the language's separators, escaped and shortened labels."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
from babel.numbers import get_decimal_symbol, get_group_symbol

from auditkit.charts.style import ChartStyle
from auditkit.locale import formats
from auditkit.locale.formatter import Formatter

LABEL_LENGTH = 42


def plotly_text(text: str) -> str:
    """``text`` escaped for plotly's label markup, so ``<b>`` or ``<a href=...>`` show as typed."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def separators(language: str) -> str:
    """plotly's ``layout.separators`` for ``language``: its decimal mark, then its thousands separator."""
    locale = formats.cldr(language)
    return get_decimal_symbol(locale) + get_group_symbol(locale)


def shortened(text: str, length: int = LABEL_LENGTH) -> str:
    """``text`` on one line, cut to ``length`` characters with an ellipsis, after a whole word when it can."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    words = cut.rsplit(" ", 1)[0] if " " in cut else cut
    if len(words) < length // 2:
        words = cut
    return words.rstrip(" ,;:.·-") + "…"


def category_label(text: str, length: int = LABEL_LENGTH) -> str:
    """``text`` shortened and escaped, as an axis category."""
    return plotly_text(shortened(text, length))


def wrapped_label(text: str, width: int, lines: int) -> str:
    """``text`` escaped and broken into at most ``lines`` lines of about ``width`` characters."""
    words = " ".join(text.split()).split(" ")
    rows: list[str] = []
    while words and len(rows) < lines:
        row = words.pop(0)
        while words and len(row) + 1 + len(words[0]) <= width:
            row += " " + words.pop(0)
        rows.append(shortened(row, width))
    if words:
        rows[-1] = shortened(rows[-1] + " " + " ".join(words), width)
    return "<br>".join(plotly_text(row) for row in rows)


def unique_labels(labels: Sequence[str]) -> list[str]:
    """Category labels made unique (plotly merges equal categories) with invisible suffixes."""
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        count = seen.get(label, 0)
        seen[label] = count + 1
        unique.append(label + "\u200b" * count)
    return unique


def figure_layout(
    style: ChartStyle, language: str, title: str, height: int, subtitle: str = "", **extra: Any
) -> dict[str, Any]:
    """A figure's layout: titled, ``height`` pixels high (more with a subtitle), ``extra`` settings."""
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
        "separators": separators(language),
        "hoverlabel": {"font": {"family": style.font}},
        "legend": {"orientation": "h", "y": -0.12, "x": 0, "yanchor": "top"},
    }
    layout.update(extra)
    return layout


def axis(style: ChartStyle, **extra: Any) -> dict[str, Any]:
    """An axis in the style's colours, with ``extra`` settings."""
    settings: dict[str, Any] = {
        "gridcolor": style.grid,
        "zerolinecolor": style.grid,
        "linecolor": style.grid,
        "automargin": True,
    }
    settings.update(extra)
    return settings


def empty_figure(style: ChartStyle, language: str, title: str) -> go.Figure:
    """A titled figure that says there is not enough data to draw it."""
    formatter = Formatter(language)
    hidden = {"visible": False}
    return go.Figure(
        {
            "data": [],
            "layout": figure_layout(
                style,
                language,
                title,
                160,
                xaxis=hidden,
                yaxis=hidden,
                annotations=[
                    {
                        "text": formatter.label("chart.no_data"),
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


def score_text(value: float | None, formatter: Formatter) -> str:
    """A 0-100 score as a whole number, or "not assessed"."""
    return formatter.label("report.document.not_assessed") if value is None else formatter.number(value)
