"""What changed between two rounds of one client's audit, computed once from their two runs.

:func:`compare_runs` pairs the rounds' channels, objectives and findings (:mod:`auditkit.compare.matching`)
and gives a :class:`Comparison`: score deltas, findings resolved, new and persisting, objectives'
progress, the previous roadmap's actions against the follow-up the consultant recorded, strategy
components whose answer changed, and channels opened, parked or closed. It renders itself as text, as a
JSON document (:mod:`auditkit.compare.output`) and, through :mod:`auditkit.report.compare_page`, as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from auditkit.compare.matching import FindingPairs, Matches, match_findings, match_subjects
from auditkit.findings import Finding, Severity
from auditkit.locale import Message
from auditkit.model import ChannelStatus, ComponentStatus, FollowUpStatus, StrategyComponentKey
from auditkit.platforms import Platform
from auditkit.roadmap import Action
from auditkit.run import AuditRun

__all__ = [
    "ActionStatus",
    "ChannelChange",
    "Comparison",
    "ComponentChange",
    "FindingChange",
    "ObjectiveChange",
    "ScoreDelta",
    "compare_runs",
]

SCORES = ("overall", "strategy", "organisation", "results")
"""The headline scores compared, in the order they are shown."""


@dataclass(frozen=True)
class ScoreDelta:
    """One score in both rounds (``None``: not assessed in that round)."""

    key: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.after is None else round(self.after - self.before, 1)


@dataclass(frozen=True)
class FindingChange:
    """A finding resolved, new or persisting; ``subjects`` are in the new round's ids when it has them."""

    rule: str
    status: str
    title: Message
    subjects: tuple[str, ...]
    severity_before: Severity | None
    severity_after: Severity | None

    @property
    def severity(self) -> Severity:
        return self.severity_after or self.severity_before or Severity.INFO


@dataclass(frozen=True)
class ChannelChange:
    """One channel in both rounds: its health and status before and after, and what happened to it."""

    id_before: str | None
    id_after: str | None
    name: str
    platform: Platform
    health_before: float | None
    health_after: float | None
    status_before: ChannelStatus | None
    status_after: ChannelStatus | None

    @property
    def movement(self) -> str | None:
        """``opened``, ``parked``, ``closed`` (or ``dormant``, ``planned``) when the status changed."""
        if self.status_before == self.status_after:
            return None
        if self.status_after is None:
            return "closed"
        return "opened" if self.status_after is ChannelStatus.ACTIVE else self.status_after.value

    @property
    def delta(self) -> float | None:
        if self.health_before is None or self.health_after is None:
            return None
        return round(self.health_after - self.health_before, 1)


@dataclass(frozen=True)
class ObjectiveChange:
    """An objective of the new round: where it stood then and now against its target."""

    id: str
    statement: str
    unit: str
    baseline: float | None
    target: float | None
    deadline: date | None
    before: float | None
    after: float | None
    progress_before: float | None
    progress_after: float | None
    on_track: bool | None


@dataclass(frozen=True)
class ActionStatus:
    """An action of the previous round's roadmap and where it stands now.

    ``status`` is the consultant's follow-up, or ``done`` inferred when every finding the action
    answered is resolved (``inferred``), or ``None`` when nothing says. ``elapsed``: its due date has
    passed by the new round's audit date.
    """

    id: str
    title: Message
    stage: int | None
    due: date | None
    status: FollowUpStatus | None
    inferred: bool
    note: str
    elapsed: bool

    @property
    def done(self) -> bool:
        return self.status is FollowUpStatus.DONE

    @property
    def overdue(self) -> bool:
        return self.elapsed and self.status not in (FollowUpStatus.DONE, FollowUpStatus.DROPPED)


@dataclass(frozen=True)
class ComponentChange:
    """A strategy component whose answer changed between the rounds."""

    key: StrategyComponentKey
    before: ComponentStatus | None
    after: ComponentStatus | None


class Comparison:
    """Two rounds of one client's audit and everything that changed between them, computed on demand."""

    def __init__(self, before: AuditRun, after: AuditRun) -> None:
        self.before = before
        self.after = after

    @cached_property
    def matches(self) -> Matches:
        return match_subjects(self.before.audit, self.after.audit)

    @cached_property
    def finding_pairs(self) -> FindingPairs:
        return match_findings(
            self.before.reconciled.diagnosis.findings, self.after.reconciled.diagnosis.findings, self.matches
        )

    @cached_property
    def scores(self) -> tuple[ScoreDelta, ...]:
        """Overall, strategy completeness, organisation readiness and results, before and after."""
        old, new = self.before.scorecard, self.after.scorecard
        pairs = (
            (old.overall, new.overall),
            (old.strategy_completeness, new.strategy_completeness),
            (old.organisation_readiness, new.organisation_readiness),
            (old.results, new.results),
        )
        return tuple(ScoreDelta(key, a.value, b.value) for key, (a, b) in zip(SCORES, pairs, strict=True))

    @property
    def overall(self) -> ScoreDelta:
        return self.scores[0]

    @cached_property
    def levels(self) -> tuple[int | None, int | None]:
        """The maturity level of each round."""
        old, new = self.before.scorecard.level, self.after.scorecard.level
        return (old.number if old else None, new.number if new else None)

    @cached_property
    def findings(self) -> tuple[FindingChange, ...]:
        """Resolved, then new, then persisting findings, most severe first within each."""
        pairs = self.finding_pairs
        subject = self.matches.subject
        resolved = [
            _change(f, "resolved", tuple(subject(s) for s in f.subjects), f.severity, None)
            for f in pairs.resolved
        ]
        new = [_change(f, "new", f.subjects, None, f.severity) for f in pairs.new]
        persisting = [
            _change(n, "persisting", n.subjects, o.severity, n.severity) for o, n in pairs.persisting
        ]
        ordered = [
            sorted(group, key=lambda c: (c.severity.rank, c.rule)) for group in (resolved, new, persisting)
        ]
        return tuple(change for group in ordered for change in group)

    def findings_with(self, status: str) -> tuple[FindingChange, ...]:
        """The findings ``resolved``, ``new`` or ``persisting``."""
        return tuple(change for change in self.findings if change.status == status)

    @cached_property
    def channels(self) -> tuple[ChannelChange, ...]:
        """Every channel of either round, paired, in the new round's order, then the old channels gone."""
        old_health = {c.channel_id: c.health.value for c in self.before.scorecard.channels}
        new_health = {c.channel_id: c.health.value for c in self.after.scorecard.channels}
        paired = {new_id: old_id for old_id, new_id in self.matches.channels.items()}
        old_channels = {c.id: c for c in self.before.audit.channels}
        rows: list[ChannelChange] = []
        for channel in self.after.audit.channels:
            old = old_channels.get(paired.get(channel.id, ""))
            rows.append(
                ChannelChange(
                    old.id if old else None,
                    channel.id,
                    channel.name,
                    channel.platform,
                    old_health.get(old.id) if old else None,
                    new_health.get(channel.id),
                    old.status if old else None,
                    channel.status,
                )
            )
        for old in self.before.audit.channels:
            if old.id not in self.matches.channels:
                rows.append(
                    ChannelChange(
                        old.id, None, old.name, old.platform, old_health.get(old.id), None, old.status, None
                    )
                )
        return tuple(rows)

    @cached_property
    def matrix(self) -> tuple[tuple[str, str, float | None, float | None], ...]:
        """(channel, objective, fit before, fit after) for each pair of the new round's matrix."""
        back_channel = {new: old for old, new in self.matches.channels.items()}
        back_objective = {new: old for old, new in self.matches.objectives.items()}
        old_matrix = self.before.scorecard.matrix
        rows = []
        for (channel, objective), fit in self.after.scorecard.matrix.items():
            old = old_matrix.get((back_channel.get(channel, ""), back_objective.get(objective, "")))
            rows.append((channel, objective, old.value if old else None, fit.value))
        return tuple(rows)

    @cached_property
    def objectives(self) -> tuple[ObjectiveChange, ...]:
        """Each objective of the new round, against its value and progress in the previous one."""
        back = {new: old for old, new in self.matches.objectives.items()}
        old_objectives = {o.id: o for o in self.before.audit.objectives}
        old_progress = {p.objective_id: p for p in self.before.scorecard.progress}
        new_progress = {p.objective_id: p for p in self.after.scorecard.progress}
        rows = []
        for objective in self.after.audit.objectives:
            old = old_objectives.get(back.get(objective.id, ""))
            before = (old.current if old.current is not None else old.baseline) if old else None
            was = old_progress.get(old.id) if old else None
            now = new_progress.get(objective.id)
            rows.append(
                ObjectiveChange(
                    objective.id,
                    objective.statement,
                    objective.unit,
                    objective.baseline,
                    objective.target,
                    objective.deadline,
                    before,
                    objective.current,
                    was.progress if was else None,
                    now.progress if now else None,
                    now.on_track if now else None,
                )
            )
        return tuple(rows)

    @cached_property
    def actions(self) -> tuple[ActionStatus, ...]:
        """The previous round's roadmap actions, with the follow-up recorded in the new round."""
        follow_up = {item.action_id: item for item in self.after.audit.roadmap.follow_up}
        resolved_rules = {f.rule for f in self.finding_pairs.resolved}
        still = {f.rule for f in self.after.reconciled.diagnosis.findings}
        day = self.after.audit.engagement.audit_date
        rows = []
        for action in self.before.roadmap.actions:
            recorded = follow_up.get(action.id)
            status = recorded.status if recorded else None
            inferred = recorded is None and _answered(action, resolved_rules, still)
            rows.append(
                ActionStatus(
                    action.id,
                    action.title,
                    action.stage,
                    action.due,
                    FollowUpStatus.DONE if inferred else status,
                    inferred,
                    recorded.note if recorded else "",
                    action.due is not None and action.due <= day,
                )
            )
        return tuple(rows)

    @property
    def actions_done(self) -> tuple[ActionStatus, ...]:
        return tuple(action for action in self.actions if action.done)

    @property
    def actions_overdue(self) -> tuple[ActionStatus, ...]:
        return tuple(action for action in self.actions if action.overdue)

    @cached_property
    def components(self) -> tuple[ComponentChange, ...]:
        """The strategy components whose status changed, in the method's order."""
        old = self.before.audit.strategy.components
        new = self.after.audit.strategy.components
        rows = []
        for key in StrategyComponentKey:
            before = old[key].status if key in old else None
            after = new[key].status if key in new else None
            if before != after:
                rows.append(ComponentChange(key, before, after))
        return tuple(rows)


def _change(
    finding: Finding,
    status: str,
    subjects: tuple[str, ...],
    before: Severity | None,
    after: Severity | None,
) -> FindingChange:
    return FindingChange(finding.rule, status, finding.title, subjects, before, after)


def _answered(action: Action, resolved: set[str], still: set[str]) -> bool:
    """Whether every finding ``action`` answered is resolved (an action answering none says nothing)."""
    rules = set(action.findings)
    return bool(rules) and rules <= resolved and not rules & still


def compare_runs(before: AuditRun, after: AuditRun) -> Comparison:
    """The comparison of two rounds (``before`` the earlier one); nothing is computed until asked for."""
    return Comparison(before, after)
