"""The notebooks of the guided audit, in order; their titles and explanations are ``ui.step.*`` messages."""

from __future__ import annotations

from dataclasses import dataclass

from auditkit.locale import Message, msg


@dataclass(frozen=True)
class Step:
    """One notebook of the guided audit."""

    number: int
    key: str
    notebook: str

    @property
    def title(self) -> Message:
        return msg(f"ui.step.{self.key}.title")

    @property
    def intro(self) -> Message:
        return msg(f"ui.step.{self.key}.intro")


STEPS: tuple[Step, ...] = tuple(
    Step(number, key, f"{number:02d}_{key}.ipynb")
    for number, key in enumerate(
        ("start", "objectives", "environment", "channels", "scoring", "strategy", "roadmap", "report")
    )
)
"""The notebooks of the guided audit, in order."""

STEP_BY_KEY: dict[str, Step] = {step.key: step for step in STEPS}
