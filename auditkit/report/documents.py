"""Write the report as an editable file: a Word document (``.docx``) or a PowerPoint deck (``.pptx``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from auditkit import store
from auditkit.model import Audit, Language
from auditkit.report.branding import Branding
from auditkit.report.deck import build_deck
from auditkit.report.office import prepare
from auditkit.report.word_sections import build_document
from auditkit.run import AuditRun

DocumentFormat = Literal["docx", "pptx"]
DOCUMENT_FORMATS: tuple[DocumentFormat, ...] = ("docx", "pptx")


def write_document(
    source: Audit | AuditRun,
    path: Path | str,
    document_format: DocumentFormat,
    lang: Language | str | None = None,
    *,
    branding: Branding | None = None,
) -> Path:
    """Write the audit's report as a Word document (``docx``) or a PowerPoint deck (``pptx``) to ``path``.

    Nothing is written when Chromium is missing or fails, or when ``path`` is a folder, a device, a
    pipe or a socket. Through a symbolic link, the link's target is written.

    Raises:
        ChromiumNotFoundError: no headless Chromium is installed to draw the charts.
        AuditkitError: the audit's settings are invalid, the output is not a regular file, or the
            charts could not be drawn.
    """
    path = Path(path)
    store.check_replaceable(path)
    export = prepare(source, lang, branding)
    content = build_document(export) if document_format == "docx" else build_deck(export)
    path.parent.mkdir(parents=True, exist_ok=True)
    return store.write_atomically(path, content)
