"""Write a report to disk: the HTML file, atomically, and optionally its PDF beside it."""

from __future__ import annotations

from pathlib import Path

from auditkit import store
from auditkit.model import Audit, Language
from auditkit.report.branding import Branding
from auditkit.report.pdf import find_chromium, html_to_pdf
from auditkit.report.render import render_report
from auditkit.run import AuditRun


def write_report(
    source: Audit | AuditRun,
    path: Path | str,
    lang: Language | str | None = None,
    pdf: bool = False,
    *,
    branding: Branding | None = None,
    appendix: bool = False,
    summary_only: bool = False,
) -> list[Path]:
    """Render the audit (or its run) and write the report to ``path``; with ``pdf``, also a ``.pdf`` beside it.

    ``appendix`` adds the technical appendix; ``summary_only`` writes the one-page brief instead of the
    whole report. Returns the files written. Nothing is written when the PDF is asked for and Chromium is missing,
    or when ``path`` (or the PDF's path) is a folder, a device, a pipe or a socket. Through a symbolic
    link, the link's target is written.

    Raises:
        ChromiumNotFoundError: ``pdf`` is true and no headless Chromium is installed.
        AuditkitError: the audit's settings are invalid, an output is not a regular file, or Chromium
            failed.
    """
    path = Path(path)
    pdf_path = path.with_suffix(".pdf")
    store.check_replaceable(path)
    if pdf:
        pdf_target = store.check_replaceable(pdf_path)
        find_chromium()
    html = render_report(source, lang, branding, appendix=appendix, summary_only=summary_only)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = [store.write_atomically(path, html)]
    if pdf:
        html_to_pdf(path, pdf_target)
        written.append(pdf_path)
    return written
