"""What every step shares: its explanation in the audit's language, the frame around its widgets, and the
controls several steps use (engagement definitions by name, weights as percentages)."""

from __future__ import annotations

import base64
import html
import mimetypes
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from IPython.display import Markdown

from auditkit.benchmarks import metric_definitions
from auditkit.csv_import import Definition, definition_name
from auditkit.locale import Message, msg
from auditkit.locale.formats import percent_points
from auditkit.locale.parsing import NumberInput, read_number
from auditkit.model import Audit
from auditkit.ui.fields import INVALID_CLASS, style_sheet
from auditkit.ui.session import AuditSession, page_address
from auditkit.ui.steps import STEP_BY_KEY, STEPS
from auditkit.ui.teaching import teaching_panel
from auditkit.ui.toolbar import toolbar

PLOTLY_RENDERER = "plotly_mimetype"
"""Plotly's renderer in the notebooks: the plotly MIME type, drawn by JupyterLab's and Voilà's plotly
renderer, and by :func:`auditkit.report.export_notebook` in an offline HTML export. Plotly's
"notebook" renderer would put plotly.js (5 MB) in the notebook's first chart output, sent through the
kernel's socket and saved in the notebook file."""

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
    """The frame of a step: style sheet, the bar (save status, undo, presentation mode), the method's
    teaching (folded), then the step's widgets."""
    box = widgets.VBox([style_sheet(), toolbar(session), teaching_panel(session, step), *children])
    box.add_class("auditkit-step")
    box.add_class(f"auditkit-step-{step}")
    return box


ENGAGEMENT_DEFINITIONS = (
    "rivaliq_er_per_post_by_follower",
    "rivaliq_er_by_view",
    "buffer_er_by_impressions",
    "hootsuite_er_per_post_avg",
    "socialinsider_er_avg",
)
"""The benchmark publishers' engagement definitions, named in the catalogue (``ui.definition.<code>`` and
its ``.hint``), in the order a consultant meets them."""


def definition_options(audit: Audit) -> list[tuple[str, str]]:
    """The engagement definitions a channel may use, named in the audit's language: the publishers', then
    the computations a CSV import records, then the audit's own codes (named as the consultant wrote them)."""
    language = audit.engagement.language
    options = [(msg(f"ui.definition.{code}")(language), code) for code in ENGAGEMENT_DEFINITIONS]
    for definition in Definition:
        name = definition_name(definition.value)
        text = name(language) if isinstance(name, Message) else name
        options.append((text[:1].upper() + text[1:], definition.value))
    named = {code for _, code in options}
    own = {row.metric for row in audit.settings.benchmarks if row.unit == "%"}
    own |= {channel.engagement.definition for channel in audit.channels if channel.engagement}
    return options + [(code, code) for code in sorted(own - named)]


def definition_hint(code: str, language: str) -> str:
    """One line on how an engagement definition is computed (the benchmark file's words for a code the
    catalogue does not explain; empty for a consultant's own code)."""
    if code in ENGAGEMENT_DEFINITIONS:
        return msg(f"ui.definition.{code}.hint")(language)
    if code in {definition.value for definition in Definition}:
        name = definition_name(code)
        return name(language) if isinstance(name, Message) else name
    known = metric_definitions().get(code)
    return known(language) if known else ""


def definition_choice(session: AuditSession, layout: widgets.Layout) -> widgets.Dropdown:
    """A drop-down of engagement definitions by their names; the chosen one's explanation is its tooltip.

    Its value is the definition's code; show one with :func:`show_definition`.
    """
    dropdown = widgets.Dropdown(options=definition_options(session.audit), layout=layout)
    language = session.language

    def explain(_change: object = None) -> None:
        dropdown.tooltip = definition_hint(dropdown.value or "", language)

    dropdown.observe(explain, "value")
    explain()
    return dropdown


def show_definition(dropdown: widgets.Dropdown, code: str) -> None:
    """Select ``code`` in a :func:`definition_choice` drop-down (added under its own name if unknown)."""
    if code not in [value for _, value in dropdown.options]:
        dropdown.options = [*dropdown.options, (code, code)]
    dropdown.value = code


def percent_slider(slider: widgets.FloatSlider, language: str) -> widgets.HBox:
    """``slider`` (a value from 0 to 1) with its value written as a percentage in ``language``, in a box
    where the percentage may also be typed (``35 %``, ``35``, ``12,5``); the slider's own readout is hidden.
    """
    accepts = NumberInput(minimum=0, percent=True)
    box = widgets.Text(continuous_update=False, layout=widgets.Layout(width="6em"))
    box.add_class("auditkit-percent-readout")
    slider.readout = False
    updating = False

    def show(_change: object = None) -> None:
        nonlocal updating
        updating = True
        try:
            box.value = percent_points(100 * slider.value, language, 2)
        finally:
            updating = False
        box.remove_class(INVALID_CLASS)
        box.tooltip = None

    def typed(change: dict[str, Any]) -> None:
        if updating:
            return
        value = read_number(change["new"], language, accepts)
        if value is None or isinstance(value, Message):
            box.add_class(INVALID_CLASS)
            box.tooltip = value(language) if isinstance(value, Message) else None
            return
        slider.max = max(slider.max, value / 100)
        slider.value = round(value / 100, 6)
        show()

    slider.observe(show, "value")
    box.observe(typed, "value")
    show()
    return widgets.HBox([slider, box])
