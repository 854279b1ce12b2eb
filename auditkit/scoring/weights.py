"""The scoring weights: their defaults, names and documentation, and the checks of a consultant's overrides."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from auditkit.errors import AuditkitError, Problem
from auditkit.locale import Message, msg
from auditkit.model import Audit
from auditkit.thresholds import ProblemList, threshold_problems

__all__ = ["WEIGHTS", "WEIGHT_MAXIMUM", "Weight", "settings_problems", "weight_problems", "weights_for"]


@dataclass(frozen=True)
class Weight:
    """A default weight, the factor's name and what it rewards."""

    default: float
    label: Message
    doc: Message


def _weight(default: float, factor: str) -> Weight:
    return Weight(default, msg(f"settings.weight.{factor}.name"), msg(f"settings.weight.{factor}.doc"))


WEIGHTS: dict[str, Weight] = {
    "fit.reach": _weight(0.35, "reach"),
    "fit.activity": _weight(0.10, "activity"),
    "fit.recency": _weight(0.10, "recency"),
    "fit.engagement": _weight(0.20, "engagement"),
    "fit.responsiveness": _weight(0.10, "responsiveness"),
    "fit.effort": _weight(0.15, "effort"),
    "health.activity": _weight(0.20, "activity"),
    "health.recency": _weight(0.25, "recency"),
    "health.engagement": _weight(0.20, "engagement"),
    "health.responsiveness": _weight(0.15, "responsiveness"),
    "health.ownership": _weight(0.10, "ownership"),
    "health.originality": _weight(0.10, "originality"),
    "org.sponsor": _weight(0.15, "sponsor"),
    "org.owner": _weight(0.15, "owner"),
    "org.resources": _weight(0.15, "resources"),
    "org.validation": _weight(0.10, "validation"),
    "org.training": _weight(0.10, "training"),
    "org.hours": _weight(0.10, "hours"),
    "org.budget": _weight(0.08, "budget"),
    "org.reporting": _weight(0.10, "reporting"),
    "org.lead_time": _weight(0.07, "lead_time"),
    "overall.fit": _weight(0.20, "coverage"),
    "overall.health": _weight(0.15, "channel_health"),
    "overall.strategy": _weight(0.40, "strategy"),
    "overall.organisation": _weight(0.25, "organisation"),
}
"""Every scoring weight with its default; override per audit in ``audit.settings.weights``."""


WEIGHT_MAXIMUM = 100.0
"""Largest weight an audit may set; only the ratios between the weights of one group matter."""


def weight_problems(overrides: Mapping[str, float]) -> list[Problem]:
    """What is wrong with ``overrides`` (``settings.weights``): unknown keys, values out of range, or a
    group (``fit``, ``health``, ``org``, ``overall``) whose weights would all be zero."""
    problems: list[Problem] = []
    unknown = sorted(set(overrides) - WEIGHTS.keys())
    if unknown:
        named = ", ".join(repr(key) for key in unknown)
        problem = msg("settings.problem.weights.unknown", keys=named, valid=", ".join(WEIGHTS))
        problems.append(Problem("settings.weights", problem))
    for key, value in overrides.items():
        if key in WEIGHTS and not 0 <= value <= WEIGHT_MAXIMUM:
            problem = msg(
                "settings.problem.weights.out_of_range", value=f"{value:g}", maximum=f"{WEIGHT_MAXIMUM:g}"
            )
            problems.append(Problem(f"settings.weights.{key}", problem))
    for group in dict.fromkeys(key.split(".")[0] for key in WEIGHTS):
        keys = [key for key in WEIGHTS if key.startswith(f"{group}.")]
        if all(overrides.get(key, WEIGHTS[key].default) == 0 for key in keys):
            problem = msg("settings.problem.weights.all_zero", group=group, keys=", ".join(keys))
            problems.append(Problem("settings.weights", problem))
    return problems


def weights_for(audit: Audit) -> dict[str, float]:
    """The defaults of :data:`WEIGHTS` overridden by ``audit.settings.weights``.

    Raises:
        AuditkitError: ``settings.weights`` has an unknown key (the message lists the valid ones), a
            value out of range, or a group whose weights are all zero.
    """
    overrides = audit.settings.weights
    problems = weight_problems(overrides)
    if problems:
        raise AuditkitError(ProblemList(tuple(problems)))
    return {key: float(overrides.get(key, weight.default)) for key, weight in WEIGHTS.items()}


def settings_problems(audit: Audit) -> list[Problem]:
    """Every problem of the audit's scoring weights and rule thresholds (empty when both are usable)."""
    return weight_problems(audit.settings.weights) + threshold_problems(audit.settings.thresholds)
