"""The thresholds of the diagnostic rules: documented defaults, overridable per audit.

Every number a rule compares a client's figure with lives in :data:`THRESHOLDS`, with its unit and an
explanation of why the default is what it is (a catalogue message, ``settings.threshold.<key>.doc``). A consultant overrides a threshold for one
client in ``audit.settings.thresholds`` (for instance ``{"dormancy_days": 60}``); an unknown key or an
out-of-range value is an error that names the key and what would be valid.

Response expectations are thresholds too: ``response_minutes.<platform>`` (for instance
``response_minutes.x``) overrides :data:`auditkit.platforms.RESPONSE_EXPECTATION_MINUTES`.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from auditkit.errors import AuditkitError, Problem
from auditkit.locale import Message, msg
from auditkit.model import Audit, Channel, ChannelOperator, ChannelStatus, Level
from auditkit.platforms import RESPONSE_EXPECTATION_MINUTES, Platform
from auditkit.values import MAX_AUDIENCE, MAX_MINUTES, MAX_POSTS_PER_WEEK, MAX_WEEKLY_HOURS

__all__ = [
    "DAYS_PER_MONTH",
    "HOURS_KEYS",
    "LEVEL_VALUES",
    "RESPONSE_KEYS",
    "RESPONSE_PREFIX",
    "RESPONSE_SOURCES",
    "ROADMAP_THRESHOLDS",
    "SCORING_THRESHOLDS",
    "THRESHOLDS",
    "ProblemList",
    "Threshold",
    "add_months",
    "hours_key",
    "hours_needed",
    "months_between",
    "response_expectation",
    "response_key",
    "threshold_problems",
    "thresholds_for",
]


@dataclass(frozen=True)
class Threshold:
    """A documented default a rule compares with, and the range of its valid overrides.

    The range is what a consultant can meet (``maximum`` is always finite), so that an override can be
    compared, rendered and exported like the figures it judges.
    """

    default: float
    unit: str
    doc: Message
    maximum: float
    minimum: float = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "default": self.default,
            "unit": self.unit,
            "doc": self.doc.to_dict(),
            "minimum": self.minimum,
            "maximum": self.maximum,
        }


LEVEL_VALUES: dict[Level, int] = {Level.NONE: 0, Level.LOW: 1, Level.MEDIUM: 2, Level.HIGH: 3}
"""Numeric value of a usage level, compared with the ``platform_use_level`` threshold."""

RESPONSE_PREFIX = "response_minutes."


def response_key(platform: Platform) -> str:
    """The threshold key of a platform's response expectation, e.g. ``response_minutes.x``."""
    return f"{RESPONSE_PREFIX}{platform.value}"


def _threshold(key: str, default: float, unit: str, minimum: float, maximum: float) -> Threshold:
    return Threshold(default, unit, msg(f"settings.threshold.{key}.doc"), maximum, minimum)


_TEN_YEARS_IN_DAYS = 3653
"""The longest span of days a threshold counts: ten years."""

_GENERAL: dict[str, Threshold] = {
    key: _threshold(key, *figures)
    for key, figures in {
        "objectives_max": (3, "objectives", 1, 100),
        "dormancy_days": (90, "days", 1, _TEN_YEARS_IN_DAYS),
        "large_audience": (1000, "followers", 0, MAX_AUDIENCE),
        "engagement_ratio_low": (0.5, "ratio", 0, 1),
        "hours_per_channel": (3, "hours/week", 0, MAX_WEEKLY_HOURS),
        "hours_per_listing": (0.5, "hours/week", 0, MAX_WEEKLY_HOURS),
        "hours_per_app": (1, "hours/week", 0, MAX_WEEKLY_HOURS),
        "hours_per_traditional": (1, "hours/week", 0, MAX_WEEKLY_HOURS),
        "review_months": (6, "months", 1, 120),
        "lead_time_days": (7, "days", 0, 365),
        "inspiration_posts_per_week": (2, "posts/week", 0, MAX_POSTS_PER_WEEK),
        "reporting_interval_days": (31, "days", 1, _TEN_YEARS_IN_DAYS),
        "key_stakeholder_importance": (4, "importance 1-5", 1, 5),
        "platform_use_share": (0.3, "share", 0, 1),
        "platform_use_level": (2, "level 0-3", 0, 3),
        "reassess_months": (3, "months", 1, 24),
        "hourly_rate": (50, "currency/hour", 0, 1e6),
        "quick_win_hours": (2, "hours", 0, 40),
        "incomplete_share": (0.25, "share", 0, 1),
        "results_managed": (0.5, "share", 0, 1),
        "on_track_progress": (0.5, "share", 0, 1),
    }.items()
}
"""The thresholds of the rules; each ``(default, unit, minimum, maximum)`` is a range a consultant meets:
at most 100 objectives, ten years of days, 120 months, a week's 168 hours per channel, the largest
audience and posting rhythm a channel may have, an hourly rate of a million in any currency."""

SCORING_THRESHOLDS = frozenset({"incomplete_share", "results_managed", "on_track_progress"})
"""The thresholds the maturity level is decided with (:mod:`auditkit.scoring`) rather than a rule."""
ROADMAP_THRESHOLDS = frozenset({"quick_win_hours"})
"""The thresholds the roadmap reads rather than a rule: the largest effort of a quick win."""

RESPONSE_SOURCES = msg("settings.threshold.response_minutes.sources")
"""Where the response expectations come from (the last part of their documentation)."""

THRESHOLDS: dict[str, Threshold] = _GENERAL | {
    response_key(platform): Threshold(
        minutes,
        "minutes",
        msg("settings.threshold.response_minutes.doc", label=platform, sources=RESPONSE_SOURCES),
        maximum=MAX_MINUTES,
        minimum=1,
    )
    for platform, minutes in RESPONSE_EXPECTATION_MINUTES.items()
}
"""Every rule threshold by key, with its default, unit and documentation."""

_DEFAULTS: dict[str, float] = {key: threshold.default for key, threshold in THRESHOLDS.items()}
RESPONSE_KEYS: tuple[str, ...] = tuple(key for key in THRESHOLDS if key.startswith(RESPONSE_PREFIX))
"""The keys of the per-platform response expectations."""


HOURS_KEYS: tuple[str, ...] = (
    "hours_per_channel",
    "hours_per_listing",
    "hours_per_app",
    "hours_per_traditional",
)
"""The weekly hours a channel needs to be kept well, one threshold per platform family: social networks
(``hours_per_channel``), listings and review sites, institutional apps, and traditional channels."""

_UPKEEP_STATUSES = frozenset({ChannelStatus.ACTIVE, ChannelStatus.DORMANT, ChannelStatus.PLANNED})


def hours_key(platform: Platform) -> str:
    """The threshold giving the weekly hours a channel on ``platform`` needs (its platform family's)."""
    if platform.is_social:
        return "hours_per_channel"
    if platform.is_listing:
        return "hours_per_listing"
    if platform.is_institutional_app:
        return "hours_per_app"
    return "hours_per_traditional"


def hours_needed(channel: Channel, thresholds: Mapping[str, float]) -> float:
    """Weekly hours ``channel`` needs to be kept well: its family's threshold, or what it already takes if more.

    A parked or closed channel needs none; one a partner or an influencer runs needs only the hours the
    audit records for the client's own team. The scorecard and rule CH-SPREAD both count with this figure.
    """
    if channel.status not in _UPKEEP_STATUSES:
        return 0.0
    if channel.operator is not ChannelOperator.OWN:
        return channel.hours_per_week or 0.0
    return max(float(thresholds[hours_key(channel.platform)]), channel.hours_per_week or 0.0)


def threshold_problems(overrides: Mapping[str, float]) -> list[Problem]:
    """What is wrong with ``overrides`` (``settings.thresholds``): unknown keys and out-of-range values."""
    problems: list[Problem] = []
    for key, value in overrides.items():
        threshold = THRESHOLDS.get(key)
        where = f"settings.thresholds.{key}"
        if threshold is None:
            problems.append(
                Problem(where, msg("settings.problem.thresholds.unknown", valid=", ".join(THRESHOLDS)))
            )
        elif not threshold.minimum <= value <= threshold.maximum:
            bounds = {"minimum": threshold.minimum, "maximum": threshold.maximum, "unit": threshold.unit}
            problem = msg("settings.problem.thresholds.out_of_bounds", value=f"{value:g}", **bounds)
            problems.append(Problem(where, problem))
    return problems


@dataclass(frozen=True)
class ProblemList:
    """Problems as one text, a line each, in the language asked for: the message of an error."""

    problems: tuple[Problem, ...]

    def __call__(self, lang: str) -> str:
        return "\n".join(problem.text(lang) for problem in self.problems)


def thresholds_for(audit: Audit) -> dict[str, float]:
    """The thresholds of this audit: the defaults, overridden by ``audit.settings.thresholds``.

    Raises:
        AuditkitError: an override names an unknown key (the message lists the valid ones) or a
            value outside the threshold's range.
    """
    overrides = audit.settings.thresholds
    if not overrides:
        return dict(_DEFAULTS)
    problems = threshold_problems(overrides)
    if problems:
        raise AuditkitError(ProblemList(tuple(problems)))
    return _DEFAULTS | overrides


def response_expectation(audit: Audit, platform: Platform) -> float | None:
    """Minutes within which ``platform``'s audience expects an answer, or ``None`` if unknown."""
    return thresholds_for(audit).get(response_key(platform))


DAYS_PER_MONTH = 365.25 / 12
"""Mean length of a calendar month in days, to turn a span of days into months."""


def months_between(earlier: date, later: date) -> float:
    """Months from ``earlier`` to ``later`` (mean-length months; 0 when ``later`` is not after it)."""
    return max(0, (later - earlier).days) / DAYS_PER_MONTH


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later, clamped to the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
