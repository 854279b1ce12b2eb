"""Helpers of the workshop's browser tests: the app on a free port, and a participant driven in Chromium."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from auditkit.workshop.server import KERNEL_POOLS

CHROMIUM = Path("/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def workshop_app(
    folder: Path, participants: int, log: Path
) -> Iterator[tuple[str, str, subprocess.Popen[bytes]]]:
    """``auditkit app --workshop folder`` in English on a free port: (base address, token, process)."""
    port = free_port()
    command = [sys.executable, "-m", "auditkit", "app", "--workshop", str(folder), "--port", str(port)]
    command += ["--participants", str(participants)]
    with log.open("wb") as output:
        app = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=os.environ | {"AUDITKIT_LANG": "en"}
        )
        try:
            token = ""
            deadline = time.monotonic() + 30
            while not token and time.monotonic() < deadline:
                text = log.read_text(encoding="utf-8", errors="replace")
                token = text.split("token=")[1].split()[0] if "token=" in text else ""
                time.sleep(0.2)
            wait_for_pools(log, app)
            yield f"http://127.0.0.1:{port}", token, app
        finally:
            if app.poll() is None:
                app.send_signal(signal.SIGTERM)
                app.wait(timeout=60)


def wait_for_pools(log: Path, process: subprocess.Popen[bytes], timeout: float = 180) -> None:
    """Wait until Voilà says every page's pre-started kernels are ready (rendering a page to find out
    would take one of them)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        text = log.read_text(encoding="utf-8", errors="replace")
        if all(f"Kernel pool of {page} is filled" in text for page in KERNEL_POOLS):
            return
        time.sleep(0.3)
    raise TimeoutError(f"the workshop's kernels were not ready within {timeout:.0f} s: see {log}")


def take_quiz(page: Any, address: str, name: str, timeout_ms: int = 60_000) -> tuple[float, int]:
    """Open the quiz at ``address``, join as ``name`` and answer every question (always the first option
    shown). Returns the seconds from opening the page to the first question, and the answers sent."""
    page.set_default_timeout(timeout_ms)
    opened = time.monotonic()
    page.goto(address)
    page.locator(".auditkit-join-name input").fill(name)
    page.locator(".auditkit-join-button").click()
    options = page.locator(".auditkit-quiz-options")
    options.wait_for(state="visible")
    first_question = time.monotonic() - opened
    sent = 0
    while True:
        options.locator(".widget-radio-box label").first.click()
        page.locator(".auditkit-quiz-answer").click()
        sent += 1
        page.locator(".auditkit-quiz-feedback").wait_for(state="visible")
        following = page.locator(".auditkit-quiz-next")
        label = following.inner_text()
        following.click()
        if "results" in label.lower() or "résultats" in label.lower():
            page.locator(".auditkit-quiz-score").wait_for(state="visible")
            return first_question, sent
        page.locator(".auditkit-quiz-feedback").wait_for(state="detached")
