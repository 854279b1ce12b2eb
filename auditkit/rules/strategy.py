"""Rules on what a strategy must contain (DOMAIN §6), and on revisiting it.

Each component rule reads ``audit.strategy.components[key]``:

- key absent: the audit does not say, so the rule is not assessed;
- status ``absent``: the rule fires at its severity, as far as the organisation needs the component
  (:mod:`auditkit.rules.requirements`: a micro business needs a one-page plan, not a governance charter);
- status ``partial``: one step less severe again (major becomes minor), because a component that exists
  in part still leaves its essentials to improvisation, but less so than none at all;
- status ``present``: silent.

Texts naming the organisation's people take its words (:mod:`auditkit.vocabulary`).
"""

from __future__ import annotations

from dataclasses import dataclass

from auditkit.findings import Check, Context, Evidence, Outcome, Severity, Theme, rule
from auditkit.locale import label, msg
from auditkit.locale.formats import short
from auditkit.model import Audit, ComponentStatus, StrategyComponentKey
from auditkit.rules.requirements import Need, need_of, reason_of, required_severity
from auditkit.steps import Phase, Step
from auditkit.steps.effects import REVIEW_STRATEGY, component
from auditkit.thresholds import months_between

_PARTIAL_EXTENT = msg("rule.strategy.partial_extent")
_MONTHS_NOTE = msg("rule.strategy.months_note")


@dataclass(frozen=True)
class ComponentRule:
    """A rule that fires when a strategy component is absent or partial.

    Its texts are ``rule.<id>.title``, ``.condition``, ``.action``, ``.explanation`` (with the component's
    ``{status}`` and the ``{extent}`` of a partial one) and ``.not_recorded``.
    """

    rule_id: str
    key: StrategyComponentKey
    severity: Severity
    """The severity of a missing component the organisation needs as a document of its own."""
    seeds: tuple[str, ...]
    step: Step


COMPONENT_RULES: tuple[ComponentRule, ...] = (
    ComponentRule(
        "STR-CONTENT-PLAN",
        StrategyComponentKey.CONTENT_PLAN,
        Severity.MAJOR,
        ("004",),
        Step(
            phase=Phase.PLANNING,
            month=6,
            hours=8,
            owner="community_manager",
            after=("STR-EDITORIAL-LINE", "STR-CALENDAR"),
            effect=component(StrategyComponentKey.CONTENT_PLAN),
        ),
    ),
    ComponentRule(
        "STR-DISTRIBUTION-PLAN",
        StrategyComponentKey.DISTRIBUTION_PLAN,
        Severity.MINOR,
        ("004",),
        Step(
            phase=Phase.PLANNING,
            month=6,
            hours=4,
            owner="community_manager",
            after=("STR-CONTENT-PLAN", "CH-DUPLICATE"),
            effect=component(StrategyComponentKey.DISTRIBUTION_PLAN),
        ),
    ),
    ComponentRule(
        "STR-BUDGET",
        StrategyComponentKey.BUDGET,
        Severity.MAJOR,
        ("004", "001"),
        Step(
            phase=Phase.FOUNDATIONS,
            month=3,
            hours=3,
            owner="management",
            after=("OBJ-NONE", "OBJ-NO-PRIMARY"),
            effect=component(StrategyComponentKey.BUDGET),
        ),
    ),
    ComponentRule(
        "STR-CRISIS-PLAN",
        StrategyComponentKey.CRISIS_PLAN,
        Severity.MAJOR,
        ("004", "003"),
        Step(
            phase=Phase.FOUNDATIONS,
            month=1,
            hours=6,
            owner="strategy_owner",
            after=("STR-GOVERNANCE",),
            effect=component(StrategyComponentKey.CRISIS_PLAN),
        ),
    ),
    ComponentRule(
        "STR-EXIT-PLAN",
        StrategyComponentKey.EXIT_PLAN,
        Severity.MINOR,
        ("004",),
        Step(
            phase=Phase.PLANNING,
            month=6,
            hours=3,
            owner="strategy_owner",
            after=("STR-OWNERSHIP",),
            effect=component(StrategyComponentKey.EXIT_PLAN),
        ),
    ),
    ComponentRule(
        "STR-EVALUATION-PLAN",
        StrategyComponentKey.EVALUATION_PLAN,
        Severity.MAJOR,
        ("004",),
        Step(
            phase=Phase.PLANNING,
            month=3,
            hours=4,
            owner="strategy_owner",
            after=("KPI-MISSING", "ERR-NOT-MEASURING"),
            effect=component(StrategyComponentKey.EVALUATION_PLAN),
        ),
    ),
    ComponentRule(
        "STR-EDITORIAL-LINE",
        StrategyComponentKey.EDITORIAL_LINE,
        Severity.MAJOR,
        ("001", "000"),
        Step(
            phase=Phase.FOUNDATIONS,
            month=1,
            hours=6,
            owner="strategy_owner",
            after=("OBJ-NONE", "ENV-NO-STAKEHOLDERS"),
            effect=component(StrategyComponentKey.EDITORIAL_LINE),
        ),
    ),
    ComponentRule(
        "STR-GOVERNANCE",
        StrategyComponentKey.GOVERNANCE,
        Severity.MAJOR,
        ("003",),
        Step(
            phase=Phase.FOUNDATIONS,
            month=1,
            hours=3,
            owner="management",
            after=("ORG-NO-SPONSOR",),
            effect=component(StrategyComponentKey.GOVERNANCE),
        ),
    ),
    ComponentRule(
        "STR-POLICY",
        StrategyComponentKey.POLICY,
        Severity.MINOR,
        ("003",),
        Step(
            phase=Phase.PLANNING,
            month=3,
            hours=4,
            owner="strategy_owner",
            after=("STR-GOVERNANCE",),
            effect=component(StrategyComponentKey.POLICY),
        ),
    ),
    ComponentRule(
        "STR-OWNERSHIP",
        StrategyComponentKey.OWNERSHIP,
        Severity.MAJOR,
        ("003",),
        Step(
            phase=Phase.FOUNDATIONS,
            month=1,
            hours=3,
            owner="strategy_owner",
            effect=component(StrategyComponentKey.OWNERSHIP),
        ),
    ),
    ComponentRule(
        "STR-MODERATION",
        StrategyComponentKey.MODERATION,
        Severity.MINOR,
        ("003",),
        Step(
            phase=Phase.PLANNING,
            month=3,
            hours=3,
            owner="community_manager",
            after=("STR-POLICY", "STR-EDITORIAL-LINE"),
            effect=component(StrategyComponentKey.MODERATION),
        ),
    ),
    ComponentRule(
        "STR-CALENDAR",
        StrategyComponentKey.CALENDAR,
        Severity.MAJOR,
        ("003", "000"),
        Step(
            phase=Phase.PLANNING,
            month=3,
            hours=4,
            owner="community_manager",
            after=("STR-EDITORIAL-LINE", "OBJ-NOT-SMART"),
            effect=component(StrategyComponentKey.CALENDAR),
        ),
    ),
    ComponentRule(
        "STR-MONITORING",
        StrategyComponentKey.MONITORING,
        Severity.MINOR,
        ("003",),
        Step(
            phase=Phase.PLANNING,
            month=3,
            hours=1,
            owner="community_manager",
            after=("ORG-NO-RESOURCES",),
            effect=component(StrategyComponentKey.MONITORING),
        ),
    ),
)
"""The component rules, in catalogue order."""


def _component_check(entry: ComponentRule) -> Check:
    def check(audit: Audit, context: Context) -> Outcome:
        """The rule ``entry``: its strategy component is absent or partial."""
        component = context.component(entry.key)
        path = f"strategy.components.{entry.key.value}"
        if component is None:
            return context.not_assessed((path,), msg(f"rule.{entry.rule_id}.not_recorded"))
        if component.status is ComponentStatus.PRESENT:
            return []
        partial = component.status is ComponentStatus.PARTIAL
        explanation = msg(
            f"rule.{entry.rule_id}.explanation",
            status=label(component.status),
            extent=_PARTIAL_EXTENT if partial else "",
            **context.words,
        )
        reason = reason_of(entry.key, audit.client)
        if reason is not None:
            explanation = msg("rule.strategy.component_need", text=explanation, reason=reason)
        if component.note.strip():
            explanation = msg(
                "rule.strategy.component_note", text=explanation, note=short(component.note, 160)
            )
        evidence = [Evidence(f"{path}.status", component.status)]
        if component.note.strip():
            evidence.append(Evidence(f"{path}.note", component.note))
        need = need_of(entry.key, audit.client)
        severity = required_severity(entry.severity, need)
        action = None
        if need is not Need.ESSENTIAL:
            action = msg(
                f"rule.strategy.action_{need.value}", action=context.rule.action.format(**context.words)
            )
        return [
            context.finding(
                explanation, evidence, severity=severity.lowered() if partial else severity, action=action
            )
        ]

    check.__name__ = check.__qualname__ = f"check_{entry.key.value}"
    return check


for _entry in COMPONENT_RULES:
    rule(
        _entry.rule_id, severity=_entry.severity, theme=Theme.STRATEGY, seeds=_entry.seeds, step=_entry.step
    )(_component_check(_entry))


@rule(
    "STR-REVIEW",
    severity=Severity.MINOR,
    theme=Theme.STRATEGY,
    seeds=("004",),
    thresholds=("review_months",),
    step=Step(
        phase=Phase.PLANNING,
        month=3,
        hours=2,
        owner="strategy_owner",
        after=("OBJ-NONE",),
        effect=REVIEW_STRATEGY,
    ),
)
def stale_strategy(audit: Audit, context: Context) -> Outcome:
    reviewed = audit.strategy.last_reviewed
    if reviewed is None:
        return context.not_assessed(
            ("strategy.last_reviewed",),
            msg("rule.STR-REVIEW.no_review_date"),
        )
    limit = context.thresholds["review_months"]
    months = months_between(reviewed, context.today)
    if months <= limit:
        return []
    return [
        context.finding(
            msg(
                "rule.STR-REVIEW.explanation",
                reviewed=reviewed,
                months=round(months),
                limit=limit,
            ),
            [Evidence("strategy.last_reviewed", reviewed, threshold=limit, note=_MONTHS_NOTE)],
        )
    ]
