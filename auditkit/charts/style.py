"""Colours, fonts and the plotly trace types every figure of the package keeps to."""

from __future__ import annotations

from dataclasses import dataclass

from auditkit.model import Level

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
