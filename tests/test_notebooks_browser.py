"""A real browser: JupyterLab serves 01_objectives, headless Chromium runs it and types into a widget.

The change must reach the audit file on disk (validated, debounced, atomic save) while the notebook
stays open: what a consultant types survives a closed tab or a kernel restart.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditkit import store
from auditkit.report.pdf import CHROMIUM_FLAGS
from auditkit.resources import notebooks_dir

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [flag for flag in CHROMIUM_FLAGS if flag != "--headless"]
TOKEN = "auditkit-browser-test"
NEW_STATEMENT = "Grow repeat visits by 20 % before June 2027 (typed in Chromium)"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_server(url: str, process: subprocess.Popen[bytes], timeout: float = 45) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"JupyterLab did not answer at {url} within {timeout} s")


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """JupyterLab on a free loopback port with a token, serving a folder holding 01_objectives."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    folder = tmp_path / "workspace"
    folder.mkdir()
    shutil.copyfile(notebooks_dir() / "01_objectives.ipynb", folder / "01_objectives.ipynb")
    port = _free_port()
    environment = os.environ | {
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
    }
    log = (tmp_path / "lab.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={folder}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ],
        cwd=folder,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_for_server(f"http://127.0.0.1:{port}/api/status?token={TOKEN}", process)
        yield f"http://127.0.0.1:{port}", folder
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        log.close()


def test_typing_in_a_widget_saves_the_audit_file(lab: tuple[str, Path]) -> None:
    from playwright.sync_api import sync_playwright

    base, folder = lab
    audit_file = folder / "my-audit.audit.json"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(30_000)
            page.goto(f"{base}/lab/tree/01_objectives.ipynb?token={TOKEN}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", state="visible")
            page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(
                state="visible", timeout=45_000
            )
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
            statement = page.locator(".auditkit-field-statement textarea").first
            try:
                statement.wait_for(state="visible", timeout=45_000)
            except Exception:
                page.screenshot(path=str(folder.parent / "failure.png"), full_page=True)
                raise
            assert audit_file.exists(), "the notebook should have created its working copy"
            revision = store.load(audit_file).revision
            statement.fill(NEW_STATEMENT)
            deadline = time.monotonic() + 20
            while True:
                saved = store.load(audit_file)
                if saved.objectives[0].statement == NEW_STATEMENT:
                    break
                assert time.monotonic() < deadline, "the typed statement never reached the audit file"
                time.sleep(0.2)
            assert saved.revision > revision
            page.locator(".auditkit-status", has_text="✓").first.wait_for(state="visible", timeout=10_000)
            statement.fill("")
            page.locator(".auditkit-field-statement.auditkit-invalid").first.wait_for(state="attached")
            time.sleep(1.0)
            assert store.load(audit_file).objectives[0].statement == NEW_STATEMENT
        finally:
            browser.close()
