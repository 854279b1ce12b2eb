"""Plotly figures of an audit: stakeholders, scorecard, peers, score contributions, findings, roadmap.

The notebooks and the HTML report draw the same figures from these functions. They are pure: no I/O,
no renderer, no clock. Every text a person typed (names, statements, action titles) passes through
:func:`plotly_text`, so that plotly shows it literally instead of reading it as its own markup; every
other word comes from the message catalogue. Numbers follow the language's separators
(``layout.separators``, from its CLDR locale); every figure only uses the ``bar``, ``heatmap`` and
``scatter`` trace types of plotly.js's "cartesian" partial bundle, which the report embeds.
"""

from auditkit.charts.audience import stakeholder_platforms
from auditkit.charts.contributions import contributions
from auditkit.charts.findings import findings_by_theme
from auditkit.charts.layout import plotly_text
from auditkit.charts.peers import peer_benchmark
from auditkit.charts.roadmap import projected_scores, roadmap_timeline
from auditkit.charts.scorecard import channel_health, channel_objective_heatmap
from auditkit.charts.style import (
    DEFAULT_STYLE,
    LEVEL_SHARES,
    RECOMMENDATION_COLORS,
    SCORE_COLORSCALE,
    SEVERITY_COLORS,
    TRACE_TYPES,
    USE_COLORSCALE,
    ChartStyle,
)

__all__ = [
    "DEFAULT_STYLE",
    "LEVEL_SHARES",
    "RECOMMENDATION_COLORS",
    "SCORE_COLORSCALE",
    "SEVERITY_COLORS",
    "TRACE_TYPES",
    "USE_COLORSCALE",
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
