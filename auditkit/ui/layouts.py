"""Layouts and styles shared by the many widgets that never change theirs.

ipywidgets gives each widget a layout and a style of its own, each a model the browser creates; a step
of fifty fields would send it three hundred. Widgets whose layout and style never change share one
instance per setting instead.
"""

from __future__ import annotations

from functools import cache

import ipywidgets as widgets
from ipywidgets.widgets.widget_string import HTMLStyle


@cache
def fixed_layout(**settings: str) -> widgets.Layout:
    """One layout shared by every widget laid out with ``settings`` that never changes its layout: a
    step of fifty fields then sends the browser a handful of layouts, not a hundred and fifty."""
    return widgets.Layout(**settings)


@cache
def plain_button_style() -> widgets.ButtonStyle:
    """The style every button of the lists shares (none of them changes it)."""
    return widgets.ButtonStyle()


@cache
def plain_text_style() -> HTMLStyle:
    """The style every caption and message of a field shares (none of them changes it)."""
    return HTMLStyle()
