"""Where the audiences are: platform use by stakeholder group."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import plotly.graph_objects as go

from auditkit.charts.layout import (
    axis,
    category_label,
    empty_figure,
    figure_layout,
    unique_labels,
)
from auditkit.charts.style import (
    DEFAULT_STYLE,
    LEVEL_SHARES,
    USE_COLORSCALE,
    ChartStyle,
)
from auditkit.locale.formatter import Formatter
from auditkit.model import Audit, ChannelStatus
from auditkit.platforms import Platform

if TYPE_CHECKING:
    pass


def stakeholder_platforms(
    audit: Audit, language: str | None = None, style: ChartStyle = DEFAULT_STYLE
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
    formatter = Formatter(language or audit.engagement.language)
    lang = formatter.code
    title = formatter.label("chart.stakeholder_platforms.title")
    groups = sorted(
        (s for s in audit.stakeholders if s.platforms), key=lambda s: (-s.importance, s.name.casefold())
    )
    if not groups:
        return empty_figure(style, lang, title)
    weight: dict[Platform, float] = {}
    for group in groups:
        for use in group.platforms:
            weight[use.platform] = weight.get(use.platform, 0.0) + group.importance * _share(use)
    platforms = sorted(weight, key=lambda p: (-weight[p], list(Platform).index(p)))
    present = {c.platform for c in audit.channels if c.status is ChannelStatus.ACTIVE}
    columns = [formatter.enum(p) + (" ●" if p in present else "") for p in platforms]
    rows = unique_labels([f"{category_label(g.name, 40)} ({g.importance}/5)" for g in groups])
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
                        "title": {
                            "text": formatter.label("chart.stakeholder_platforms.usage_share"),
                            "side": "right",
                        },
                        "tickformat": ".0%",
                        "thickness": 12,
                    },
                }
            ],
            "layout": figure_layout(
                style,
                lang,
                title,
                120 + 34 * len(groups),
                subtitle=formatter.label("chart.stakeholder_platforms.client_present")
                if present.intersection(platforms)
                else "",
                xaxis=axis(style, tickangle=0 if len(platforms) <= 5 else -30, showgrid=False),
                yaxis=axis(style, autorange="reversed", showgrid=False),
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
