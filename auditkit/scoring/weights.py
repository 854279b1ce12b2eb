"""The scoring weights: their defaults, names and documentation, and the checks of a consultant's overrides."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from auditkit.errors import AuditkitError, Problem
from auditkit.locale import Message, label, msg
from auditkit.model import Audit, StrategyComponentKey
from auditkit.thresholds import ProblemList, threshold_problems

__all__ = [
    "STRATEGY_STEPS",
    "STRATEGY_WEIGHTS",
    "WEIGHTS",
    "WEIGHT_MAXIMUM",
    "Weight",
    "settings_problems",
    "weight_problems",
    "weights_for",
]


@dataclass(frozen=True)
class Weight:
    """A default weight, the factor's name and what it rewards."""

    default: float
    label: Message
    doc: Message


def _weight(default: float, factor: str) -> Weight:
    return Weight(default, msg(f"settings.weight.{factor}.name"), msg(f"settings.weight.{factor}.doc"))


STRATEGY_STEPS = (
    "objectives",
    "audiences",
    "inventory",
    "added_value",
    "channels",
    "editorial_line",
    "indicators",
    "roles",
    "obstacles",
)
"""The nine steps of the method, in order (message ``scoring.step.<step>`` names each)."""

STRATEGY_WEIGHTS: dict[str, float] = {
    "objectives": 0.13,
    "audiences": 0.10,
    "indicators": 0.10,
    "evaluation_plan": 0.07,
    "channels": 0.07,
    "roles": 0.07,
    "editorial_line": 0.05,
    "added_value": 0.04,
    "objectives_aligned": 0.04,
    "inventory": 0.03,
    "measurable_actions": 0.03,
    "content_plan": 0.03,
    "monitoring": 0.03,
    "ownership": 0.03,
    "calendar": 0.02,
    "content_pillars": 0.02,
    "distribution_plan": 0.02,
    "budget": 0.02,
    "moderation": 0.02,
    "crisis_plan": 0.02,
    "review": 0.02,
    "obstacles": 0.01,
    "governance": 0.01,
    "policy": 0.01,
    "exit_plan": 0.01,
}
"""Default weight of each strategy factor (a step of the method, a strategy component or the review),
most important first; ``scoring.strategy.reason.<factor>`` says in one line why it weighs what it does.

Objectives, audiences, indicators and measurement weigh most: every other part is judged against them.
Documents a small organisation can do without (governance, policy, exit plan) weigh least."""


def _strategy_weight(factor: str, default: float) -> Weight:
    name = (
        msg(f"scoring.step.{factor}")
        if factor in STRATEGY_STEPS or factor == "review"
        else label(StrategyComponentKey(factor))
    )
    return Weight(default, name, msg(f"scoring.strategy.reason.{factor}"))


def _results_weight(default: float, factor: str) -> Weight:
    return Weight(default, msg(f"scoring.weight.{factor}.name"), msg(f"scoring.weight.{factor}.doc"))


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
    **{
        f"strategy.{factor}": _strategy_weight(factor, default)
        for factor, default in STRATEGY_WEIGHTS.items()
    },
    "results.objectives": _results_weight(0.5, "progress"),
    "results.engagement": _results_weight(0.5, "engagement_results"),
    "overall.fit": _weight(0.15, "coverage"),
    "overall.health": _weight(0.10, "channel_health"),
    "overall.strategy": _weight(0.30, "strategy"),
    "overall.organisation": _weight(0.20, "organisation"),
    "overall.results": _results_weight(0.25, "results"),
}
"""Every scoring weight with its default; override per audit in ``audit.settings.weights``."""


_DEFAULT_WEIGHTS = {key: float(weight.default) for key, weight in WEIGHTS.items()}

WEIGHT_MAXIMUM = 100.0
"""Largest weight an audit may set; only the ratios between the weights of one group matter."""


def weight_problems(overrides: Mapping[str, float]) -> list[Problem]:
    """What is wrong with ``overrides`` (``settings.weights``): unknown keys, values out of range, or a
    group (``fit``, ``health``, ``org``, ``strategy``, ``results``, ``overall``) whose weights would all be
    zero."""
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
    if not overrides:
        return dict(_DEFAULT_WEIGHTS)
    problems = weight_problems(overrides)
    if problems:
        raise AuditkitError(ProblemList(tuple(problems)))
    return {key: float(overrides.get(key, weight.default)) for key, weight in WEIGHTS.items()}


def settings_problems(audit: Audit) -> list[Problem]:
    """Every problem of the audit's scoring weights and rule thresholds (empty when both are usable)."""
    return weight_problems(audit.settings.weights) + threshold_problems(audit.settings.thresholds)
