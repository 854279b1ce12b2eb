"""Shared by the Word and PowerPoint export tests: the bakery's exports, once per language, and an audit
whose typed texts are markup and control characters."""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

from auditkit import store
from auditkit.model import Audit
from auditkit.report.office import Export, prepare
from auditkit.report.render import report_context
from auditkit.resources import example_audits

BAKERY = next(path for path in example_audits() if path.name == "boulangerie-martin.audit.json")
HOSTILE_CLIENT = '<script>alert(1)</script> & <b>Boulangerie</b>\x07\x1b "Martin"'
SHOWN_CLIENT = '<script>alert(1)</script> & <b>Boulangerie</b> "Martin"'
"""How the hostile client name must read in a document: as typed, its control characters dropped."""
CONSULTANT_SUMMARY = (
    "La priorité : **mesurer** avant de publier.\n\n- *Un* canal de moins\n- <img src=x onerror=alert(1)>"
)


@cache
def bakery_export(lang: str) -> Export:
    """The bakery's report context and pictures in ``lang`` (one headless Chromium per language)."""
    return prepare(store.load(BAKERY), lang)


def hostile_export(lang: str) -> Export:
    """The bakery with markup in the client's name and the consultant's texts, and control characters the
    file's validation would refuse (set past it), with the bakery's pictures (the texts are tested)."""
    audit: Audit = store.load(BAKERY)
    audit.commentary.summary = CONSULTANT_SUMMARY
    audit = audit.model_copy(
        update={
            "engagement": audit.engagement.model_copy(update={"client": HOSTILE_CLIENT}),
            "notes": "Notes <w:p>injected</w:p>\x0b end",
        }
    )
    return Export(report_context(audit, lang), bakery_export(lang).images)


def convert_with_libreoffice(document: Path, folder: Path) -> Path:
    """``document`` converted to PDF by headless LibreOffice (a throw-away profile); the PDF's path."""
    result = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "pdf"),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    )
    converted = folder / "pdf" / f"{document.stem}.pdf"
    assert converted.is_file(), result.stdout + result.stderr
    return converted
