"""The value types of the audit model: identifiers, texts, and numbers with the range a consultant can meet.

Every text refuses control characters, and every number has bounds, so that whatever the model accepts can
be scheduled, scored, rendered and exported by the later steps. Where a tiny positive value would still
overflow them (a divisor, a capacity), the smallest value besides 0 is checked too. A type's description is
a catalogue message (``store.field.*``) that states its range: the JSON Schema and the validation problems
quote it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, Field

from auditkit.errors import InvalidValue
from auditkit.locale import msg

__all__ = [
    "MAX_AUDIENCE",
    "MAX_MINUTES",
    "MAX_POSTS_PER_WEEK",
    "MAX_WEEKLY_HOURS",
    "Audience",
    "BenchmarkValue",
    "DelayHours",
    "EffortHours",
    "EngagementBase",
    "Identifier",
    "ImprovementShare",
    "Interactions",
    "LeadDays",
    "Measure",
    "Money",
    "NonNegative",
    "Percent",
    "PostsPerWeek",
    "ResponseMinutes",
    "Share",
    "ShortText",
    "TeamHours",
    "Text",
    "WeeklyHours",
]


def _without_controls(*, multiline: bool) -> Callable[[str], str]:
    """A check refusing control characters (C0, DEL, C1), which exports and spreadsheets cannot hold.

    A multi-line text keeps tabs and line breaks (``\\t``, ``\\n``, ``\\r``); a one-line text has none.
    The text is refused rather than cleaned, so that nothing the consultant typed is lost unseen.
    """
    allowed = frozenset("\t\n\r") if multiline else frozenset()
    refusal = "store.check.control_character_text" if multiline else "store.check.control_character_line"

    def check(text: str) -> str:
        for position, character in enumerate(text, start=1):
            if character not in allowed and unicodedata.category(character) == "Cc":
                raise InvalidValue(msg(refusal, code=f"U+{ord(character):04X}", position=position))
        return text

    return check


def _zero_or_from(smallest: float) -> Callable[[float], float]:
    """A check refusing a positive number below ``smallest``: such a value means nothing and, as a divisor
    or a capacity, makes the arithmetic of the later steps overflow."""

    def check(value: float) -> float:
        if 0 < value < smallest:
            raise InvalidValue(msg("store.check.zero_or_at_least", given=repr(value), smallest=smallest))
        return value

    return check


def _range(minimum: float, maximum: float, about: str) -> Any:
    """The bounds of a number and its description, the message ``store.field.range.<about>``."""
    return Field(ge=minimum, le=maximum, description=f"store.field.range.{about}")


Identifier = Annotated[
    str,
    Field(
        min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_-]*$", description="store.field.identifier"
    ),
]
Text = Annotated[str, Field(max_length=5000), AfterValidator(_without_controls(multiline=True))]
"""A multi-line free text: tabs and line breaks allowed, no other control character."""
ShortText = Annotated[str, Field(max_length=300), AfterValidator(_without_controls(multiline=False))]
"""A one-line free text: no control character at all (no tab, no line break)."""

MAX_WEEKLY_HOURS = 168
"""Hours in a week: the most one channel (or a threshold per channel) can take."""
MAX_AUDIENCE = 1e10
"""Largest audience: ten billion, more than anybody's followers."""
MAX_POSTS_PER_WEEK = 1000
"""Most posts a week: about 140 a day."""
MAX_MINUTES = 525_600
"""Minutes in a year: the longest response time."""

NonNegative = Annotated[float, Field(ge=0)]
Share = Annotated[float, Field(ge=0, le=1, description="store.field.share")]
WeeklyHours = Annotated[float, _range(0, MAX_WEEKLY_HOURS, "channel_hours")]
TeamHours = Annotated[float, _range(0, 1000, "team_hours"), AfterValidator(_zero_or_from(0.1))]
EffortHours = Annotated[float, _range(0, 2000, "effort_hours")]
Money = Annotated[float, _range(0, 1e12, "money")]
Audience = Annotated[float, _range(0, MAX_AUDIENCE, "audience")]
Interactions = Annotated[float, _range(0, 1e12, "interactions")]
EngagementBase = Annotated[float, _range(0, 1e12, "engagement_base"), AfterValidator(_zero_or_from(1))]
PostsPerWeek = Annotated[float, _range(0, MAX_POSTS_PER_WEEK, "posts_per_week")]
Percent = Annotated[float, _range(0, 1000, "percent")]
ResponseMinutes = Annotated[float, _range(0, MAX_MINUTES, "response_minutes")]
DelayHours = Annotated[float, _range(0, 8760, "validation_delay_hours")]
LeadDays = Annotated[float, _range(0, 365, "lead_time_days")]
Measure = Annotated[float, _range(-1e12, 1e12, "measure")]
BenchmarkValue = Annotated[float, _range(0, 1e9, "benchmark_value"), AfterValidator(_zero_or_from(0.001))]
ImprovementShare = Annotated[float, _range(0, 1, "improvement_share"), AfterValidator(_zero_or_from(0.01))]
