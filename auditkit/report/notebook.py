"""Export an executed report notebook to one offline HTML file with the report's look.

nbconvert's own HTML fetches require.js, MathJax and the widget manager from CDNs, and plotly's
notebook renderer repeats plotly.js in the page. :func:`export_notebook` instead uses auditkit's
template (``nbconvert/auditkit_report``: code hidden, the report's stylesheet) and a preprocessor that
turns each plotly output (``application/vnd.plotly.v1+json``, which plotly's default
``plotly_mimetype`` renderers write) into the report's chart block; plotly.js is embedded once and the
page's Content-Security-Policy forbids every network request. Widget views, which cannot live without
a kernel, and plotly's own loader outputs are dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
from nbconvert import HTMLExporter
from nbconvert.preprocessors import ExecutePreprocessor, Preprocessor
from nbformat import NotebookNode

from auditkit import __version__, store
from auditkit.errors import AuditkitError
from auditkit.locale import msg
from auditkit.locale.formatter import Formatter
from auditkit.model import Language
from auditkit.report.render import (
    CHART_CONFIG,
    PACKAGE_DIR,
    Chart,
    asset_text,
    plotly_gzip_base64,
    plotly_locale,
    script_json,
    template_environment,
)

TEMPLATE_NAME = "auditkit_report"
TEMPLATES_DIR = PACKAGE_DIR / "nbconvert"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
DROPPED_MIMES = ("application/vnd.jupyter.widget-view+json", "application/javascript")
NOTEBOOK_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
    "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
)
"""Inline scripts of the notebook's own outputs may run; nothing may be fetched from anywhere."""


class ReportCharts(Preprocessor):
    """Turn plotly outputs into report chart blocks; drop outputs that need a kernel or a CDN."""

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, dict[str, Any]]:
        self._charts = 0
        return super().preprocess(nb, resources)  # type: ignore[no-untyped-call,no-any-return]

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict[str, Any], index: int
    ) -> tuple[NotebookNode, dict[str, Any]]:
        if cell.cell_type != "code":
            return cell, resources
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if PLOTLY_MIME in data:
                self._charts += 1
                output["data"] = {"text/html": _chart_html(f"nb-chart-{self._charts}", data[PLOTLY_MIME])}
                output["metadata"] = {}
            elif any(mime in data for mime in DROPPED_MIMES) or _plotly_loader(data):
                continue
            kept.append(output)
        cell.outputs = kept
        return cell, resources


def _chart_html(chart_id: str, figure: dict[str, Any]) -> str:
    chart = Chart(
        chart_id, "", script_json({"data": figure.get("data", []), "layout": figure.get("layout", {})})
    )
    macros = template_environment().get_template("components/chart.html.j2").module
    return str(macros.chart(chart))  # type: ignore[attr-defined]


def _plotly_loader(data: dict[str, Any]) -> bool:
    html = data.get("text/html", "")
    html = "".join(html) if isinstance(html, list) else html
    return "window.PlotlyConfig" in html or "cdn.plot.ly" in html


def export_notebook(
    ipynb_path: Path | str,
    html_path: Path | str,
    lang: Language | str | None = None,
    *,
    execute: bool = False,
    timeout: int = 600,
) -> Path:
    """Export a report notebook to ``html_path``: code hidden, report look, offline, atomic write.

    Args:
        ipynb_path: the notebook, normally already executed (with papermill, for instance).
        html_path: where to write the HTML file.
        lang: "fr" or "en" for the page's language and chart menus (default: the notebook's
            ``metadata.auditkit.language``, else English).
        execute: run the notebook first (in its folder, with its kernel) instead of using its outputs.
        timeout: seconds a cell may run when ``execute`` is true.

    Raises:
        AuditkitError: the notebook cannot be read, or a cell fails when executing.
    """
    ipynb_path, html_path = Path(ipynb_path), Path(html_path)
    try:
        notebook = nbformat.read(ipynb_path, as_version=4)  # type: ignore[no-untyped-call]
    except (OSError, ValueError) as error:
        raise AuditkitError(
            msg("report.error.notebook_unreadable", path=str(ipynb_path), detail=str(error))
        ) from None
    if execute:
        runner = ExecutePreprocessor(timeout=timeout)  # type: ignore[no-untyped-call]
        try:
            runner.preprocess(notebook, {"metadata": {"path": str(ipynb_path.parent.resolve())}})
        except Exception as error:  # nbclient raises CellExecutionError and kernel errors alike
            raise AuditkitError(
                msg("report.error.notebook_cell_failed", path=str(ipynb_path), detail=str(error))
            ) from None
    formatter = Formatter(lang or notebook.metadata.get("auditkit", {}).get("language") or Language.EN)
    exporter = HTMLExporter(  # type: ignore[no-untyped-call]
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(ReportCharts(), enabled=True)  # type: ignore[no-untyped-call]
    loader = asset_text("report.js")
    resources = {
        "auditkit": {
            "lang": formatter.code,
            "csp": NOTEBOOK_CSP,
            "version": __version__,
            "title": notebook.metadata.get("title") or ipynb_path.stem.replace("_", " "),
            "css": asset_text("report.css"),
            "notebook_css": asset_text("notebook.css"),
            "colophon": formatter.label("report.document.generated_with", version=__version__),
            "chart_config": script_json(
                {
                    "plotly": CHART_CONFIG,
                    "locale": formatter.code,
                    "localeModule": plotly_locale(formatter.code),
                    "failure": formatter.label("report.document.charts_failed"),
                }
            ),
            "plotly_gzip": plotly_gzip_base64(),
            "loader": loader,
        }
    }
    html, _ = exporter.from_notebook_node(notebook, resources=resources)
    html_path.parent.mkdir(parents=True, exist_ok=True)
    return store.write_atomically(html_path, html)
