"""Charts in the step widgets: the plotly MIME type in an output widget, redrawn only when their data changed."""

from __future__ import annotations

import json

import plotly.graph_objects as go

from auditkit.ui.figures import PLOTLY_MIME, LiveFigure


def _bars(values: list[int]) -> go.Figure:
    return go.Figure(go.Bar(y=values), layout={"title": {"text": "Reach"}})


def test_a_chart_is_the_plotly_mime_type_without_plotly_js() -> None:
    chart = LiveFigure(_bars([1, 2]), key=(1, 2))
    [output] = chart.widget.outputs
    assert output["data"][PLOTLY_MIME]["data"][0]["y"] == [1, 2]
    assert output["data"]["text/plain"] == "Reach"
    assert len(json.dumps(output)) < 10_000, "plotly.js does not travel with a chart"


def test_a_chart_is_redrawn_only_when_its_data_changed() -> None:
    chart = LiveFigure(_bars([1, 2]), key=(1, 2))
    assert not chart.update((1, 2), lambda: _bars([9, 9]))
    assert chart.widget.outputs[0]["data"][PLOTLY_MIME]["data"][0]["y"] == [1, 2]
    assert chart.update((3, 4), lambda: _bars([3, 4]))
    assert chart.widget.outputs[0]["data"][PLOTLY_MIME]["data"][0]["y"] == [3, 4]
    assert chart.figure.data[0].y == (3, 4)
