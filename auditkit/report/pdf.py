"""Print a report to PDF with headless Chromium, when it is installed, its contents list numbered.

Chromium is looked up in ``$AUDITKIT_CHROMIUM`` (a path), then on ``PATH`` (``chromium``,
``chromium-browser``, ``google-chrome``). It runs without network access to anything (the report's own
Content-Security-Policy forbids every request) and with a throw-away profile. Chromium cannot number a
contents list itself (no ``target-counter()``): the report is printed once, the page each section lands on
is read from the PDF's named destinations (the contents links' targets), written into the contents list,
and the report printed again, in the same browser.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import IO

import pypdf

from auditkit.errors import AuditkitError
from auditkit.locale import Number, msg
from auditkit.report.devtools import Browser, DevToolsError, DevToolsTimeout

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

CHARTS_SETTLED = "document.documentElement.getAttribute('data-charts') !== 'pending'"
"""True once the page's charts are drawn or have failed (pages without charts have no such attribute)."""
FILL_CONTENTS = """(pages => {
  let changed = 0;
  document.querySelectorAll("[data-contents-page]").forEach(entry => {
    const page = String(pages[entry.getAttribute("data-contents-page")] ?? "");
    if (entry.textContent !== page) { entry.textContent = page; changed += 1; }
  });
  return changed;
})"""
"""Writes each section's page number into the contents list (the elements ``data-contents-page`` marks with
their section's id); returns how many numbers changed."""
EXIT_WAIT_S = 5
"""How long a browser that stopped answering is given to exit, for its exit code."""
CONTENTS_PASSES = 3
"""At most this many prints after the first: numbering the contents never moves a section in practice
(the list keeps its lines), but a page count that changes is followed until it settles."""


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


def section_pages(pdf: bytes) -> dict[str, int]:
    """The page (from 1) each named destination of ``pdf`` points to, by its name (an element id)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    pages = {
        str(name).lstrip("/"): reader.get_destination_page_number(destination)
        for name, destination in reader.named_destinations.items()
    }
    return {name: index + 1 for name, index in pages.items() if index is not None}


def print_numbered(browser: Browser) -> bytes:
    """The loaded page printed to PDF, its contents list showing the page of each section."""
    pdf = browser.print_pdf()
    for _ in range(CONTENTS_PASSES):
        if not browser.evaluate(f"{FILL_CONTENTS}({json.dumps(section_pages(pdf))})"):
            break
        pdf = browser.print_pdf()
    return pdf


class PrintError(Exception):
    """Chromium could not print: its exit code (-1 while it still runs) and what went wrong ("" once it
    has exited: its log says it)."""

    def __init__(self, exit_code: int, detail: str) -> None:
        super().__init__(detail)
        self.exit_code, self.detail = exit_code, detail


def _print(chromium: Path, flags: list[str], html_path: Path, deadline: float, log: IO[bytes]) -> bytes:
    browser = Browser(chromium, flags, deadline, log)
    try:
        with browser:
            browser.open(html_path.as_uri())
            browser.wait_for(CHARTS_SETTLED)
            return print_numbered(browser)
    except DevToolsTimeout:
        raise
    except (DevToolsError, OSError, pypdf.errors.PyPdfError) as error:
        try:
            code = browser.process.wait(timeout=EXIT_WAIT_S)
        except subprocess.TimeoutExpired:
            raise PrintError(-1, str(error)) from error
        raise PrintError(code, "") from error


def html_to_pdf(html_path: Path | str, pdf_path: Path | str, timeout: float = 120) -> Path:
    """Print ``html_path`` (a report on disk) to ``pdf_path``, atomically; returns ``pdf_path``.

    Raises:
        ChromiumNotFoundError: Chromium is not installed.
        AuditkitError: Chromium failed or timed out (nothing is written).
    """
    chromium = find_chromium()
    html_path, pdf_path = Path(html_path).resolve(), Path(pdf_path)
    width, height = PRINT_WINDOW
    with tempfile.TemporaryDirectory(prefix="auditkit-chromium-") as folder:
        log_path = Path(folder) / "chromium.log"
        flags = [
            *CHROMIUM_FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--window-size={width},{height}",
        ]
        with log_path.open("wb") as log:
            try:
                pdf = _print(chromium, flags, html_path, time.monotonic() + timeout, log)
            except DevToolsTimeout:
                raise AuditkitError(
                    msg(
                        "report.error.print_timeout",
                        path=str(pdf_path),
                        seconds=Number(timeout, decimals=3, grouping=False),
                    )
                ) from None
            except PrintError as error:
                last_line = log_path.read_text(errors="replace").strip().splitlines()[-1:]
                raise AuditkitError(
                    msg(
                        "report.error.print_failed",
                        path=str(pdf_path),
                        chromium=str(chromium),
                        code=str(error.exit_code),
                        detail=last_line[0]
                        if last_line
                        else error.detail or msg("report.error.print_failed_silently"),
                    )
                ) from None
    partial = pdf_path.with_name(f".{pdf_path.name}.{os.getpid()}.tmp")
    partial.write_bytes(pdf)
    os.replace(partial, pdf_path)
    return pdf_path
