"""Print a report to PDF with headless Chromium, when it is installed.

Chromium is looked up in ``$AUDITKIT_CHROMIUM`` (a path), then on ``PATH`` (``chromium``,
``chromium-browser``, ``google-chrome``). It runs without network access to anything (the report's own
Content-Security-Policy forbids every request) and with a throw-away profile.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from auditkit.errors import AuditkitError
from auditkit.locale import Number, msg

CHROMIUM_ENV = "AUDITKIT_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
"""Flags of every headless Chromium auditkit starts (no sandbox: it may run as root in containers)."""

PRINT_WINDOW = (770, 1100)
"""Window size (CSS px) whose report column draws charts exactly as wide as an A4 page's text."""


VIRTUAL_TIME_BUDGET_MS = 5000
"""Virtual time Chromium lets pass before printing: the charts are drawn after the load event (once
plotly.js is inflated), and virtual time only advances while the page is idle, so a slow machine
still prints every chart."""


class ChromiumNotFoundError(AuditkitError):
    """``--pdf`` was asked for but no headless Chromium can be found."""


def find_chromium() -> Path:
    """The Chromium executable to print with.

    Raises:
        ChromiumNotFoundError: ``$AUDITKIT_CHROMIUM`` names no executable file, or none is on ``PATH``.
    """
    configured = os.environ.get(CHROMIUM_ENV)
    if configured:
        path = Path(configured)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise ChromiumNotFoundError(
            msg("report.error.chromium_not_executable", variable=CHROMIUM_ENV, value=configured)
        )
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise ChromiumNotFoundError(
        msg("report.error.chromium_not_found", names=", ".join(CHROMIUM_NAMES), variable=CHROMIUM_ENV)
    )


def html_to_pdf(html_path: Path | str, pdf_path: Path | str, timeout: float = 120) -> Path:
    """Print ``html_path`` (a report on disk) to ``pdf_path``, atomically; returns ``pdf_path``.

    Raises:
        ChromiumNotFoundError: Chromium is not installed.
        AuditkitError: Chromium failed or timed out (nothing is written).
    """
    chromium = find_chromium()
    html_path, pdf_path = Path(html_path).resolve(), Path(pdf_path)
    partial = pdf_path.with_name(f".{pdf_path.name}.{os.getpid()}.tmp")
    width, height = PRINT_WINDOW
    with tempfile.TemporaryDirectory(prefix="auditkit-chromium-") as profile:
        command = [
            str(chromium),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            "--no-pdf-header-footer",
            f"--virtual-time-budget={VIRTUAL_TIME_BUDGET_MS}",
            f"--print-to-pdf={partial}",
            html_path.as_uri(),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            partial.unlink(missing_ok=True)
            raise AuditkitError(
                msg(
                    "report.error.print_timeout",
                    path=str(pdf_path),
                    seconds=Number(timeout, decimals=3, grouping=False),
                )
            ) from None
    if result.returncode != 0 or not partial.is_file() or partial.stat().st_size == 0:
        partial.unlink(missing_ok=True)
        last_line = result.stderr.strip().splitlines()[-1:]
        raise AuditkitError(
            msg(
                "report.error.print_failed",
                path=str(pdf_path),
                chromium=str(chromium),
                code=str(result.returncode),
                detail=last_line[0] if last_line else msg("report.error.print_failed_silently"),
            )
        )
    os.replace(partial, pdf_path)
    return pdf_path
