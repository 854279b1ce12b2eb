"""The plan table: every step in the method's order, and what the roadmap looks up in it."""

from __future__ import annotations

from auditkit.diagnose import RULES
from auditkit.findings import Finding, Severity, Theme
from auditkit.plan.method_steps import METHOD_STEPS
from auditkit.steps import FallbackStep, Phase, Step

__all__ = ["ANCHORED", "METHOD_ORDER", "PLAN", "PLAN_ORDER", "RULE_STEPS", "action_id", "fallback_step"]

METHOD_ORDER: tuple[str, ...] = (
    # foundations
    "ORG-NO-SPONSOR",
    "ORG-NO-RESOURCES",
    "ORG-INTERN",
    "ORG-IMAGE-CONSENT",
    "ORG-SAFEGUARDING",
    "OBJ-NONE",
    "OBJ-TOO-MANY",
    "OBJ-NO-PRIMARY",
    "OBJ-NOT-SMART",
    "ENV-NO-STAKEHOLDERS",
    "STR-GOVERNANCE",
    "STR-OWNERSHIP",
    "STR-CRISIS-PLAN",
    "STR-EDITORIAL-LINE",
    "ERR-INSPIRATION",
    "DEC-NOT-NOW",
    "KPI-MISSING",
    "KPI-LENS-MISMATCH",
    "ENV-UNCONSULTED",
    "ENV-NO-PEERS",
    "STR-BUDGET",
    # fixes
    "REC-CLOSE",
    "REC-PARK",
    "CH-DORMANT",
    "CH-NO-OWNER",
    "CH-UNCLAIMED",
    "CH-SHINY",
    "CH-SPREAD",
    "REC-REDUCE",
    "REC-MERGE",
    "REC-FIX",
    "CH-NO-OBJECTIVE",
    "CH-NO-AUDIENCE",
    "ORG-SLOW-VALIDATION",
    "CH-SLOW-RESPONSE",
    "CH-DUPLICATE",
    "ERR-NOT-MEASURING",
    "CH-OFFLINE-OVERLAP",
    # planning
    "STR-REVIEW",
    "STR-POLICY",
    "STR-MODERATION",
    "STR-MONITORING",
    "STR-CALENDAR",
    "ERR-CALENDAR-NOT-STRATEGY",
    "STR-EVALUATION-PLAN",
    "OBJ-ORPHAN",
    "STR-CONTENT-PLAN",
    "STR-DISTRIBUTION-PLAN",
    "ERR-URGENCY",
    "STR-EXIT-PLAN",
    "ORG-NO-TRAINING",
    "STR-ONE-PAGE-PLAN",
    # growth
    "CH-LOW-ENGAGEMENT",
    "REC-INVEST",
    "REC-NOT-NOW",
    "ENV-PEER-GAP",
    # review
    "NEXT-ROUND",
)
"""Every plan key in the method's order: by phase, then the order in which actions of equal priority come."""

RULE_STEPS: dict[str, Step] = {rule_id: rule.step for rule_id, rule in RULES.items() if rule.step is not None}
"""The step each rule declares with itself, by rule id, in the registry's order."""

_DECLARED = {**RULE_STEPS, **METHOD_STEPS}
PLAN: dict[str, Step] = {key: _DECLARED[key].for_key(key) for key in METHOD_ORDER}
"""Every rule of the catalogue, every channel recommendation (``REC-*``) and the closing review, as steps.

Efforts are typical hours for a small team doing the work itself; the consultant edits them per action.
"""


def action_id(key: str) -> str:
    """The stable id of the action a plan key (a rule id, ``REC-*``) gives: the key in lower case."""
    return key.lower()


PLAN_ORDER = {key: index for index, key in enumerate(PLAN)}
"""Each plan key's rank in the table: the method's order among actions of equal priority."""
ANCHORED = frozenset(action_id(key) for key, step in PLAN.items() if step.anchored)
"""Ids of the actions always scheduled in their own stage (the closing review)."""

_FALLBACK_MONTH = {Severity.CRITICAL: 1, Severity.MAJOR: 3, Severity.MINOR: 6}
_FALLBACK_PHASE = {
    Theme.OBJECTIVES: Phase.FOUNDATIONS,
    Theme.INDICATORS: Phase.FOUNDATIONS,
    Theme.ENVIRONMENT: Phase.FOUNDATIONS,
    Theme.ORGANISATION: Phase.FOUNDATIONS,
    Theme.DECISION: Phase.FOUNDATIONS,
    Theme.CHANNELS: Phase.FIXES,
    Theme.STRATEGY: Phase.PLANNING,
    Theme.PRACTICES: Phase.PLANNING,
}


def fallback_step(finding: Finding) -> Step:
    """The step of a rule missing from :data:`PLAN`: earliest stage by severity, phase by theme."""
    rule = RULES.get(finding.rule)
    return FallbackStep(
        phase=_FALLBACK_PHASE.get(finding.theme, Phase.PLANNING),
        month=_FALLBACK_MONTH.get(finding.severity, 6),
        hours=4,
        hours_each=1,
        owner="strategy_owner",
        key=finding.rule,
        rule_title=rule.title if rule else finding.title,
        rule_action=rule.action if rule else finding.action,
    )
