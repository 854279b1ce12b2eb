"""Step 07: the consultant's words, the findings they set aside, then the client's HTML report (preview
and export), and the report's charts for nbconvert.

The preview is the very file :func:`auditkit.report.write_report` writes, shown in a sandboxed frame.
:func:`report_figures` displays the report's charts as ordinary notebook outputs (not widgets), so
that an export of this notebook (``auditkit.report.export_notebook``) keeps them.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
from IPython.display import display

from auditkit.errors import AuditkitError
from auditkit.ui.commentary import CommentaryEditor
from auditkit.ui.common import configure_plotly, download_link, heading, step_box
from auditkit.ui.fields import language_options
from auditkit.ui.findings import FindingsView
from auditkit.ui.session import AuditSession
from auditkit.ui.workspace import export_name, workspace_path

PREVIEW_HEIGHT = "70vh"


def preview_html(report: str) -> str:
    """The report inside a sandboxed frame (scripts run, but isolated from the notebook page)."""
    return (
        f'<iframe class="auditkit-report-preview" sandbox="allow-scripts" srcdoc="{html.escape(report, quote=True)}" '
        f'style="width:100%;height:{PREVIEW_HEIGHT};border:1px solid #d1d5db"></iframe>'
    )


class ReportView:
    """Language, preview and export of the HTML report."""

    def __init__(self, session: AuditSession, folder: Path | None = None) -> None:
        self.session = session
        self.folder = folder or session.path.parent
        say = session.say
        labelled = {"description_width": "initial"}
        self.language = widgets.Dropdown(
            options=language_options(),
            value=session.language,
            description=say("ui.common.language"),
            style=labelled,
            layout=widgets.Layout(width="auto"),
        )
        self.file_name = widgets.Text(
            value=export_name(session.audit.engagement.client, "report", session.language),
            description=say("ui.common.file_name"),
            style=labelled,
            layout=widgets.Layout(width="24em"),
        )
        self.pdf = widgets.Checkbox(
            description=say("ui.report.pdf"), indent=False, layout=widgets.Layout(width="auto")
        )
        self.preview_button = widgets.Button(
            description=say("ui.report.preview"),
            icon="eye",
            button_style="info",
            layout=widgets.Layout(width="auto"),
        )
        self.preview_button.on_click(lambda _: self.preview())
        self.export_button = widgets.Button(
            description=say("ui.report.export"),
            icon="download",
            button_style="success",
            layout=widgets.Layout(width="auto"),
        )
        self.export_button.on_click(lambda _: self.export())
        self.message = widgets.HTML()
        self.frame = widgets.HTML()
        self.widget = widgets.VBox(
            [
                heading(say("ui.report.options")),
                widgets.HBox([self.language, self.file_name, self.pdf]),
                widgets.HBox([self.preview_button, self.export_button]),
                self.message,
                self.frame,
            ]
        )

    def preview(self) -> bool:
        """Render the report and show it below."""
        from auditkit.report import render_report
        from auditkit.run import AuditRun

        try:
            report = render_report(AuditRun(self.session.audit), self.language.value)
        except AuditkitError as error:
            self._fail(self.session.error_text(error))
            return False
        self.frame.value = preview_html(report)
        self.message.value = ""
        return True

    def export(self) -> list[Path]:
        """Write the report (and its PDF when asked) in the folder, under the name typed (see :func:`workspace_path`)."""
        from auditkit.report import write_report
        from auditkit.run import AuditRun

        try:
            path = workspace_path(self.folder, self.file_name.value.strip() or "report", ".html")
            if self.pdf.value:
                workspace_path(self.folder, path.with_suffix(".pdf").name)
            written = write_report(
                AuditRun(self.session.audit), path, self.language.value, pdf=self.pdf.value
            )
        except (AuditkitError, OSError) as error:
            self._fail(self.session.error_text(error))
            return []
        links = " ".join(download_link(self.session, path) for path in written)
        self.message.value = (
            html.escape(self.session.say("ui.common.written", paths=", ".join(p.name for p in written)))
            + "<br>"
            + links
        )
        return written

    def _fail(self, text: str) -> None:
        self.message.value = f'<span class="auditkit-error">⚠ {html.escape(text)}</span>'


def report_step(session: AuditSession) -> widgets.VBox:
    """The report step: findings to set aside, the consultant's texts, then language, preview, export."""
    views = (FindingsView(session), CommentaryEditor(session), ReportView(session))
    return step_box(session, "report", [view.widget for view in views])


def report_figures(session: AuditSession) -> None:
    """Display the report's charts as plain outputs: the very figures the report draws, in its order."""
    from auditkit.locale.formatter import Formatter
    from auditkit.report.render import report_figures as figures_of
    from auditkit.run import AuditRun

    configure_plotly()
    run = AuditRun(session.audit)
    for figure in figures_of(run, Formatter(session.language)).values():
        display(figure)  # type: ignore[no-untyped-call]
