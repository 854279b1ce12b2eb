"""What one row of the plan table is: a :class:`Step`, its :class:`Phase` and its modelled :class:`Effect`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from auditkit.findings import Severity
from auditkit.locale import Message, label, msg
from auditkit.model import Audit
from auditkit.vocabulary import GENERIC_WORDS

UNPREDICTABLE = msg("plan.effect.unpredictable")
"""The effect of an action whose result depends on choices or reactions the audit cannot predict."""


class Phase(StrEnum):
    """Where an action sits in the method's order."""

    FOUNDATIONS = "foundations"
    FIXES = "fixes"
    PLANNING = "planning"
    GROWTH = "growth"
    REVIEW = "review"

    @property
    def label(self) -> Message:
        return label(self)

    @property
    def order(self) -> int:
        return list(Phase).index(self)


@dataclass(frozen=True)
class Effect:
    """What becomes true once an action is done: it changes a copy of the audit, for the projected scores.

    Its description in words is the catalogue message ``plan.effect.<name>``.
    """

    name: str
    apply: Callable[[Audit, tuple[str, ...]], None]
    """Changes the audit for the action's subjects (channel or objective ids; empty for the whole audit)."""

    @property
    def doc(self) -> Message:
        return msg(f"plan.effect.{self.name}")

    def __call__(self, audit: Audit, subjects: tuple[str, ...]) -> None:
        self.apply(audit, subjects)


@dataclass(frozen=True, kw_only=True)
class Step:
    """How the findings of one rule (or one kind of channel recommendation) become a roadmap action.

    A step's texts are the catalogue messages named after its key, ``plan.<KEY>.title``,
    ``plan.<KEY>.description`` and ``plan.<KEY>.done_when``; the table binds the key
    (:meth:`for_key`). ``title`` and ``done_when`` may hold ``{names}``: the items concerned, in words.
    """

    phase: Phase
    month: int
    """The earliest month of the roadmap the action belongs to."""
    hours: float
    """Typical effort in hours for the first item concerned."""
    hours_each: float = 0
    """Effort in hours for each further item concerned."""
    owner: str
    """The role that carries the action (a key of the roadmap's owner roles)."""
    after: tuple[str, ...] = ()
    """Keys of the steps to do first, when the roadmap has them."""
    effect: Effect | None = None
    """What the action changes in the audit, or ``None`` when its result cannot be predicted."""
    joins: tuple[str, ...] = ()
    """Keys of steps whose action, when the roadmap has it, answers this rule's findings too."""
    severity: Severity = Severity.MAJOR
    """Severity of a recommendation action with no finding behind it."""
    per_finding: bool = False
    """``hours_each`` counts each further finding the action answers, not each further item."""
    anchored: bool = False
    """Always scheduled in its own stage, before anything else competes for the time (the closing review)."""
    key: str = ""
    """The plan key: a rule id, ``REC-*`` or ``NEXT-ROUND``."""

    def for_key(self, key: str) -> Step:
        """This step bound to the plan key its texts are named after."""
        return replace(self, key=key)

    @property
    def title(self) -> Message:
        """The title, naming people in words that fit any organisation until ``format(**words(client))``."""
        return msg(f"plan.{self.key}.title", **GENERIC_WORDS)

    @property
    def description(self) -> Message:
        return msg(f"plan.{self.key}.description", **GENERIC_WORDS)

    @property
    def done_when(self) -> Message:
        return msg(f"plan.{self.key}.done_when", **GENERIC_WORDS)

    @property
    def effect_doc(self) -> Message:
        """The modelled effect in words."""
        return self.effect.doc if self.effect else UNPREDICTABLE


@dataclass(frozen=True, kw_only=True)
class FallbackStep(Step):
    """The step of a rule the table lacks: the rule's own title and action as its texts."""

    rule_title: Message
    rule_action: Message

    @property
    def title(self) -> Message:
        return self.rule_title

    @property
    def description(self) -> Message:
        return self.rule_action

    @property
    def done_when(self) -> Message:
        return msg("plan.fallback.done_when", title=self.rule_title)
