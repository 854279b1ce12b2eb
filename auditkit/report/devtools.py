"""A headless Chromium driven through the DevTools protocol over its two pipes (``--remote-debugging-pipe``).

One browser start serves a page loaded once and printed as often as needed: the PDF export prints the
report, reads on which page each section lands, writes those numbers into the contents and prints again.
Chromium reads the protocol's commands on its file descriptor 3 and answers on 4, one JSON message per
NUL-terminated chunk; no network port is opened.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import IO, Any

COMMANDS_FD, ANSWERS_FD = 3, 4
"""The descriptors Chromium reads commands from and writes answers to, with ``--remote-debugging-pipe``."""
POLL_INTERVAL_S = 0.1


class DevToolsError(RuntimeError):
    """Chromium answered a command with an error, closed its pipe or did not answer in time."""


class DevToolsTimeout(DevToolsError):
    """Chromium did not answer before the deadline."""


class Browser:
    """A headless Chromium on one page, closed on leaving the ``with`` block.

    Args:
        chromium: the executable.
        flags: its command-line flags (``--remote-debugging-pipe`` is added).
        deadline: ``time.monotonic()`` after which every wait gives up with :class:`DevToolsTimeout`.
        log: where Chromium's standard error goes (for the message of a failure).
    """

    def __init__(self, chromium: Path, flags: Sequence[str], deadline: float, log: IO[bytes]) -> None:
        self.deadline = deadline
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()

        def connect_pipes() -> None:
            commands = fcntl.fcntl(commands_read, fcntl.F_DUPFD_CLOEXEC, 10)
            answers = fcntl.fcntl(answers_write, fcntl.F_DUPFD_CLOEXEC, 10)
            os.dup2(commands, COMMANDS_FD)
            os.dup2(answers, ANSWERS_FD)

        self.process = subprocess.Popen(
            [str(chromium), *flags, "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
            close_fds=False,
            preexec_fn=connect_pipes,
        )
        os.close(commands_read)
        os.close(answers_write)
        self._buffer = b""
        self._next_id = 0
        self._session = ""

    def __enter__(self) -> Browser:
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(target for target in targets if target["type"] == "page")
        self._session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)[
            "sessionId"
        ]
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        try:
            self._send("Browser.close", {}, "")
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self._commands)
            os.close(self._answers)

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send ``method`` (to the page once attached) and wait for its result."""
        message_id = self._send(method, params, self._session)
        while True:
            message = self._receive()
            if message.get("id") != message_id:
                continue
            if "error" in message:
                raise DevToolsError(f"{method}: {message['error'].get('message', message['error'])}")
            result: dict[str, Any] = message.get("result", {})
            return result

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript ``expression`` in the page (awaited when it is a promise)."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise DevToolsError(str(result["exceptionDetails"].get("text", "exception")))
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str) -> Any:
        """Evaluate ``expression`` until it is truthy, and return its value."""
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > self.deadline:
                raise DevToolsTimeout(expression)
            time.sleep(POLL_INTERVAL_S)

    def open(self, url: str) -> None:
        """Load ``url`` and wait until its document is complete."""
        self.call("Page.navigate", url=url)
        self.wait_for(f"location.href === {json.dumps(url)} && document.readyState === 'complete'")

    def print_pdf(self) -> bytes:
        """The page printed to PDF on its CSS page size, backgrounds included, without a browser header."""
        result = self.call("Page.printToPDF", printBackground=True, preferCSSPageSize=True)
        return base64.b64decode(result["data"])

    def _send(self, method: str, params: dict[str, Any], session: str) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        while data:
            data = data[os.write(self._commands, data) :]
        return self._next_id

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise DevToolsTimeout("no answer")
            readable, _, _ = select.select([self._answers], [], [], remaining)
            if not readable:
                raise DevToolsTimeout("no answer")
            chunk = os.read(self._answers, 1 << 20)
            if not chunk:
                raise DevToolsError("pipe closed")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        parsed: dict[str, Any] = json.loads(message)
        return parsed
