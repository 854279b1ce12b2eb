"""What every step shares: its explanation in the audit's language and the frame around its widgets."""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets
from IPython.display import Markdown

from auditkit.ui.fields import style_sheet
from auditkit.ui.session import AuditSession
from auditkit.ui.texts import STEP_BY_KEY, STEPS

PLOTLY_RENDERER = "plotly_mimetype+notebook"
"""Plotly's renderer in the notebooks: the plotly MIME type for JupyterLab and Voilà, plus an HTML
version with plotly.js embedded once (offline), so that a notebook exported by nbconvert keeps its
figures."""

_NEXT = {"en": "Next step", "fr": "Étape suivante"}


def configure_plotly() -> None:
    """Set plotly's renderer explicitly (the kernel's default exports blank figures).

    Called by the steps that draw charts; plotly.io is imported only then (it costs seconds).
    """
    import plotly.io as pio

    if pio.renderers.default != PLOTLY_RENDERER:
        pio.renderers.default = PLOTLY_RENDERER


def explain(session: AuditSession, step: str) -> Markdown:
    """The step's title and explanation in the audit's language, with a link to the next step."""
    current = STEP_BY_KEY[step]
    lines = [f"## {current.number:02d} · {session.text(current.title)}", "", session.text(current.intro)]
    following = [item for item in STEPS if item.number == current.number + 1]
    if following:
        nxt = following[0]
        lines += ["", f"*{_NEXT[session.language.value]}: [{session.text(nxt.title)}]({nxt.notebook})*"]
    return Markdown("\n".join(lines))


def heading(text: str, level: int = 3) -> widgets.HTML:
    """A heading inside a step's widgets."""
    return widgets.HTML(f"<h{level}>{html.escape(text)}</h{level}>")


def step_box(session: AuditSession, step: str, children: Sequence[widgets.Widget]) -> widgets.VBox:
    """The frame of a step: style sheet, save status, then the step's widgets."""
    box = widgets.VBox([style_sheet(), session.status_bar, *children])
    box.add_class(f"auditkit-step-{step}")
    return box
