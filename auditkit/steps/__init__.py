"""What a finding becomes in the roadmap: the :class:`Step` each rule declares, and its modelled effect.

A rule names its step in its own declaration (``@rule(..., step=Step(...))``); the channel
recommendations and the closing review declare theirs in :mod:`auditkit.plan`.
"""

from auditkit.steps.step import UNPREDICTABLE, Effect, FallbackStep, Phase, Step

__all__ = ["UNPREDICTABLE", "Effect", "FallbackStep", "Phase", "Step"]
