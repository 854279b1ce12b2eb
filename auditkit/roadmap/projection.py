"""The scores each stage is projected to reach once its actions are done.

Each step states its modelled effect: what becomes true in the audit once it is done (a strategy
component becomes present, a channel is closed, reporting becomes monthly, top management
supportive...). The projected scores of a stage are those :func:`auditkit.scoring.score` gives a copy
of the audit where every action scheduled up to that stage has had its effect
(:func:`auditkit.scoring.projected_scores`, which leaves out what the overall score does not need).
A stage that adds no effect keeps the scores of the stage before; the copy is scored only after a stage
that changed it. Steps whose outcome the audit cannot predict (an engagement rate, a new audience, a
choice between channels) have no modelled effect and move no score: the projection counts what the
plan itself changes, not hoped-for results. Actions in the backlog, dropped or added by hand have no
effect.
"""

from __future__ import annotations

from collections.abc import Sequence

from auditkit.model import Audit
from auditkit.roadmap.actions import Action
from auditkit.roadmap.stages import STAGES
from auditkit.scoring import Scorecard, projected_scores

__all__ = ["Projected", "projection"]

Projected = tuple[float | None, float | None, int | None]
"""Overall score, strategy completeness and maturity level (``None`` while the audit is incomplete: a plan
does not supply the data the audit lacks)."""


def projection(audit: Audit, actions: Sequence[Action], today: Scorecard) -> dict[int, Projected]:
    """Overall score, strategy completeness and maturity level once each stage's actions are done."""
    effects = {
        month: [
            (covered.effect, covered.subjects)
            for action in actions
            if action.stage == month
            for covered in action.covers
            if covered.effect is not None
        ]
        for month in STAGES
    }
    level = today.level.number if today.level is not None else None
    reached: Projected = (today.overall.value, today.strategy_completeness.value, level)
    if not any(effects.values()):
        return dict.fromkeys(STAGES, reached)
    future = audit.model_copy(deep=True)
    projected: dict[int, Projected] = {}
    for month in STAGES:
        for effect, subjects in effects[month]:
            effect(future, subjects)
        if effects[month]:
            scores = projected_scores(future, with_level=today.level is not None)
            level = scores.level.number if scores.level is not None else None
            reached = (scores.overall.value, scores.strategy_completeness.value, level)
        projected[month] = reached
    return projected
