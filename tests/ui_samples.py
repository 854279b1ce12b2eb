"""What the widget tests share: a timer that runs the session's delayed saves only when told to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class ManualTimer:
    """A :data:`~auditkit.ui.session.Timer` that runs nothing until the test says so."""

    def __init__(self) -> None:
        self.pending: list[tuple[Callable[[], None], _Handle]] = []

    def __call__(self, delay: float, action: Callable[[], None]) -> Any:
        handle = _Handle()
        self.pending.append((action, handle))
        return handle

    def run(self) -> None:
        pending, self.pending = self.pending, []
        for action, handle in pending:
            if not handle.cancelled:
                action()


class _Handle:
    cancelled = False

    def cancel(self) -> None:
        self.cancelled = True
