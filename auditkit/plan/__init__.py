"""The method's plan table: how each finding of the diagnosis becomes a roadmap action.

:data:`PLAN` holds the :class:`Step` each rule of the catalogue declares with itself,
per kind of channel recommendation (``REC-*``) and for the closing review (``NEXT-ROUND``)
(:mod:`~auditkit.plan.method_steps`), in the method's order (:mod:`~auditkit.plan.table`). A step
holds its :class:`Phase`, the earliest stage it belongs to, its effort and owner, the steps to do
first and its modelled :class:`Effect` on the audit (:mod:`~auditkit.steps.effects`); its texts are in
the ``plan`` catalogue, named after its key. :mod:`auditkit.roadmap` turns these steps into a staged,
capacity-checked plan.
"""

from auditkit.plan.method_steps import ABSORBING, ALREADY_SETTLED, ALWAYS, VERDICT_KEYS
from auditkit.plan.table import ANCHORED, METHOD_ORDER, PLAN, PLAN_ORDER, action_id, fallback_step
from auditkit.steps import UNPREDICTABLE, Effect, FallbackStep, Phase, Step

__all__ = [
    "ABSORBING",
    "ALREADY_SETTLED",
    "ALWAYS",
    "ANCHORED",
    "METHOD_ORDER",
    "PLAN",
    "PLAN_ORDER",
    "UNPREDICTABLE",
    "VERDICT_KEYS",
    "Effect",
    "FallbackStep",
    "Phase",
    "Step",
    "action_id",
    "fallback_step",
]
