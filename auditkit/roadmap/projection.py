"""The scores each stage is projected to reach once its actions are done.

Each step states its modelled effect: what becomes true in the audit once it is done (a strategy
component becomes present, a channel is closed, reporting becomes monthly, top management
supportive...). The projected scores of a stage are the real :func:`auditkit.scoring.score` of a copy
of the audit where every action scheduled up to that stage has had its effect. Steps whose outcome the
audit cannot predict (an engagement rate, a new audience, a choice between channels) have no modelled
effect and move no score: the projection counts what the plan itself changes, not hoped-for results.
Actions in the backlog, dropped or added by hand have no effect.
"""

from __future__ import annotations

from collections.abc import Sequence

from auditkit.model import Audit
from auditkit.roadmap.actions import Action
from auditkit.roadmap.stages import STAGES
from auditkit.scoring import Scorecard, score

__all__ = ["Projected", "projection"]

Projected = tuple[float | None, float | None, int | None]
"""Overall score, strategy completeness and maturity level."""


def projection(audit: Audit, actions: Sequence[Action], today: Scorecard) -> dict[int, Projected]:
    """Overall score, strategy completeness and maturity level once each stage's actions are done."""
    future = audit.model_copy(deep=True)
    projected: dict[int, Projected] = {}
    card = today
    for month in STAGES:
        effects = [
            (covered.effect, covered.subjects)
            for action in actions
            if action.stage == month
            for covered in action.covers
            if covered.effect is not None
        ]
        for effect, subjects in effects:
            effect(future, subjects)
        if effects:
            card = score(future)
        level = card.level.number if card.overall.value is not None else None
        projected[month] = (card.overall.value, card.strategy_completeness.value, level)
    return projected
