"""What every step shares: its explanation in the audit's language and the frame around its widgets."""

from __future__ import annotations

import base64
import html
import mimetypes
import sys
from collections.abc import Sequence
from pathlib import Path

import ipywidgets as widgets
from IPython.display import Markdown

from auditkit.ui.fields import style_sheet
from auditkit.ui.session import AuditSession, page_address
from auditkit.ui.steps import STEP_BY_KEY, STEPS

PLOTLY_RENDERER = "plotly_mimetype+notebook"
"""Plotly's renderer in the notebooks: the plotly MIME type for JupyterLab and Voilà, plus an HTML
version with plotly.js embedded once (offline), so that a notebook exported by nbconvert keeps its
figures."""

DOWNLOAD_LIMIT = 30_000_000
"""Bytes above which a written file gets no download link (it would travel through the kernel's socket)."""
_TYPES = {".md": "text/markdown", ".ics": "text/calendar", ".csv": "text/csv"}


SLOW_OPTIONAL_IMPORTS = ("rfc3987_syntax",)
"""Optional modules that plotly's import chain (plotly.io -> nbformat -> jsonschema) loads when present
and that the notebooks never use: rfc3987_syntax compiles a grammar for seconds, only to check IRI
formats in JSON schemas. Each chart-drawing kernel (and each Voilà page) is spared that time."""


def configure_plotly() -> None:
    """Set plotly's renderer explicitly (the kernel's default exports blank figures).

    Called by the steps that draw charts; plotly.io is imported only then. Before that, the modules
    of :data:`SLOW_OPTIONAL_IMPORTS` are marked absent (unless already imported), so that the import
    chain skips them, as it does where they are not installed.
    """
    for name in SLOW_OPTIONAL_IMPORTS:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]
    import plotly.io as pio

    if pio.renderers.default != PLOTLY_RENDERER:
        pio.renderers.default = PLOTLY_RENDERER


def explain(session: AuditSession, step: str) -> Markdown:
    """The step's title and explanation in the audit's language, with a link to the next step.

    In ``auditkit app`` the link carries the audit's name, so that the next page opens the same audit.
    """
    current = STEP_BY_KEY[step]
    lines = [f"## {current.number:02d} · {session.text(current.title)}", "", session.text(current.intro)]
    following = [item for item in STEPS if item.number == current.number + 1]
    if following:
        link = f"[{session.text(following[0].title)}]({page_address(following[0].notebook, session.path)})"
        lines += ["", f"*{session.say('ui.step.next', title=link)}*"]
    return Markdown("\n".join(lines))  # type: ignore[no-untyped-call]


def heading(text: str, level: int = 3) -> widgets.HTML:
    """A heading inside a step's widgets."""
    return widgets.HTML(f"<h{level}>{html.escape(text)}</h{level}>")


def download_link(session: AuditSession, path: Path) -> str:
    """A link that downloads the file ``path`` in the browser (HTML; empty for a file too large).

    The file travels inside the link (a ``data:`` address), so it works where the server does not
    serve the workspace's files, as in Voilà.
    """
    data = path.read_bytes()
    if len(data) > DOWNLOAD_LIMIT:
        return ""
    kind = _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    address = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
    text = session.say("ui.common.download", name=path.name)
    return (
        f'<a class="auditkit-download" download="{html.escape(path.name, quote=True)}" '
        f'href="{address}">⬇ {html.escape(text)}</a>'
    )


def step_box(session: AuditSession, step: str, children: Sequence[widgets.Widget]) -> widgets.VBox:
    """The frame of a step: style sheet, save status, then the step's widgets."""
    box = widgets.VBox([style_sheet(), session.status_bar, *children])
    box.add_class(f"auditkit-step-{step}")
    return box
