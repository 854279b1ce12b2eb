"""A real browser on a 13-inch screen: every guided notebook in JupyterLab, in presentation mode.

Headless Chromium at 1,280 x 800 opens each notebook and runs it. Once the presentation switch is turned
on (in the first notebook; the workspace keeps the choice for the others), no code cell shows, and no
list box cuts its lines (each ``select`` is as wide as its text). A screenshot of every notebook is
saved under ``$TMPDIR/auditkit-notebooks/`` as a test artefact.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from benchmarks.bench_notebooks import (
    CHROMIUM,
    CHROMIUM_ARGS,
    NOTEBOOKS,
    VIEWPORT,
    jupyterlab,
    open_and_run,
    open_lab,
    workspace,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VISIBLE_CODE = """() => [...document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-Cell-inputWrapper')]
  .filter(input => input.offsetParent !== null).length"""
CUT_LISTS = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .auditkit-step select[size]')]
  .filter(select => select.offsetParent !== null && select.scrollWidth > select.clientWidth)
  .map(select => select.className + ': ' + select.scrollWidth + ' > ' + select.clientWidth)"""


def test_presentation_mode_hides_the_code_and_lists_are_not_cut(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    shots = Path(os.environ.get("TMPDIR") or tempfile.gettempdir()) / "auditkit-notebooks"
    shots.mkdir(parents=True, exist_ok=True)
    folder = workspace(tmp_path / "workspace")
    with jupyterlab(folder, tmp_path / "lab") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.set_default_timeout(60_000)
            for number, notebook in enumerate(NOTEBOOKS):
                open_lab(page, base, timeout=150)
                open_and_run(page, notebook, timeout=150)
                if number == 0:
                    assert page.evaluate(VISIBLE_CODE) > 0, "code cells show outside presentation mode"
                    page.locator(".auditkit-toolbar .widget-toggle-button").first.click()
                    page.locator(".auditkit-presenting").first.wait_for(state="attached")
                page.wait_for_function(f"() => ({VISIBLE_CODE})() === 0", timeout=10_000)
                page.screenshot(path=str(shots / f"{notebook.removesuffix('.ipynb')}.png"))
                assert page.evaluate(CUT_LISTS) == [], notebook
        finally:
            browser.close()
