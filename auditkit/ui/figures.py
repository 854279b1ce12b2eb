"""Charts inside the step widgets, drawn by the plotly renderer JupyterLab and Voilà already have.

A :class:`LiveFigure` is an output widget holding one plotly figure as the plotly MIME type. The
browser draws it with the ``jupyterlab-plotly`` renderer, whose plotly.js is a static file the browser
loads once and caches. A plotly ``FigureWidget`` would instead send plotly.js (5 MB) through the
kernel's socket with every chart, and take two seconds to create in the kernel. Redrawing sends the
new figure's JSON (a few kilobytes), and only when the data it is drawn from changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets
import plotly.graph_objects as go

PLOTLY_MIME = "application/vnd.plotly.v1+json"
CONFIG = {"displaylogo": False, "responsive": True}
"""plotly.js options of every chart: no plotly logo in the toolbar, the width of the page."""


def figure_output(figure: go.Figure) -> dict[str, Any]:
    """``figure`` as a notebook output (plotly's MIME type, with its title as the plain-text form)."""
    shown = json.loads(figure.to_json(validate=False))
    shown["config"] = CONFIG
    title = figure.layout.title.text or ""
    return {
        "output_type": "display_data",
        "data": {PLOTLY_MIME: shown, "text/plain": title},
        "metadata": {},
    }


class LiveFigure:
    """A chart that is redrawn only when the data it is drawn from changed.

    ``update(key, build)`` does nothing when ``key`` equals the last one; otherwise it shows
    ``build()``. ``figure`` is the figure shown.
    """

    def __init__(self, figure: go.Figure, key: object = None) -> None:
        self.widget = widgets.Output()
        self.widget.outputs = (figure_output(figure),)
        self.widget.add_class("auditkit-chart")
        self.figure = figure
        self.key = key

    def update(self, key: object, build: Callable[[], go.Figure]) -> bool:
        """Show ``build()`` unless ``key`` equals the last one; True when the chart changed."""
        if key is not None and key == self.key:
            return False
        self.figure = build()
        self.widget.outputs = (figure_output(self.figure),)
        self.key = key
        return True
