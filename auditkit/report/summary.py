"""The executive summary: what the client must hear first, on one printed page.

The verdict in one sentence, the few problems that matter most for the primary objective (ranked by
consequence: severity, then whether they touch the primary objective, then the audience concerned),
the first moves of the roadmap with their month, and what the year should achieve. Every sentence is
built from the catalogue; none shows a rule code, an id or a setting.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditkit.diagnose import Finding, Severity
from auditkit.locale.formatter import Formatter
from auditkit.model import Audit
from auditkit.report.evidence import objective_name
from auditkit.roadmap import Roadmap
from auditkit.run import AuditRun
from auditkit.scoring import MATURITY_LEVELS, Scorecard

MOST_PROBLEMS = 5
FIRST_MOVES = 3


@dataclass(frozen=True)
class Move:
    """One of the first moves: the action's title, its month and when it is done."""

    title: str
    month: int
    done_when: str


@dataclass(frozen=True)
class Summary:
    """The executive summary's sentences, in the report's language."""

    verdict: str
    problems: tuple[str, ...]
    moves: tuple[Move, ...]
    year: tuple[str, ...]
    objectives: tuple[str, ...]


def executive_summary(run: AuditRun, formatter: Formatter) -> Summary:
    """The summary of ``run`` in ``formatter``'s language."""
    audit, scorecard, roadmap = run.audit, run.scorecard, run.roadmap
    findings = key_problems(run.reconciled.diagnosis.findings, audit)
    return Summary(
        verdict=verdict(audit, scorecard, formatter),
        problems=tuple(formatter.text(finding.title) for finding in findings),
        moves=tuple(
            Move(formatter.text(action.title), stage.month, formatter.text(action.done_when))
            for stage in roadmap.stages
            for action in stage.actions
        )[:FIRST_MOVES],
        year=year_outlook(roadmap, scorecard, formatter),
        objectives=objective_targets(audit, formatter),
    )


def verdict(audit: Audit, scorecard: Scorecard, formatter: Formatter) -> str:
    """The verdict in one sentence: the level and score, or why there is no level yet."""
    score = formatter.number(scorecard.overall.value)
    client = audit.engagement.client
    if scorecard.level is None or scorecard.incomplete is not None:
        gap = scorecard.incomplete
        return formatter.label(
            "report.verdict.incomplete",
            client=client,
            count=gap.not_assessed if gap else 0,
            rules=gap.rules if gap else 0,
            score=score,
        )
    return formatter.label(
        "report.verdict.level",
        client=client,
        level=scorecard.level.number,
        name=formatter.text(scorecard.level.name),
        score=score,
        meaning=formatter.text(scorecard.level.meaning),
    )


def key_problems(findings: tuple[Finding, ...] | list[Finding], audit: Audit) -> list[Finding]:
    """The problems that matter most for the primary objective, most consequential first.

    Ranked by severity, then whether the finding touches the primary objective (its channels, its
    audiences, or the whole organisation), then the audience of the channels concerned. A subject
    appears once: a second finding on exactly the same items is left for the findings section.
    Findings worth knowing only (``info``) are never key problems.
    """
    primary = {objective.id for objective in audit.objectives if objective.primary}
    primary_channels = {channel.id for channel in audit.channels if primary & set(channel.objectives)}
    primary_audiences = {
        stakeholder
        for objective in audit.objectives
        if objective.id in primary
        for stakeholder in objective.stakeholders
    }
    audiences = {channel.id: float(channel.audience_size or 0) for channel in audit.channels}
    everyone = sum(audiences.values())

    def touches_primary(finding: Finding) -> bool:
        subjects = set(finding.subjects)
        return (
            not subjects or bool(subjects & (primary | primary_channels | primary_audiences)) or not primary
        )

    def audience(finding: Finding) -> float:
        return (
            everyone if not finding.subjects else sum(audiences.get(item, 0.0) for item in finding.subjects)
        )

    ranked = sorted(
        (finding for finding in findings if finding.severity is not Severity.INFO),
        key=lambda finding: (finding.severity.rank, not touches_primary(finding), -audience(finding)),
    )
    chosen: list[Finding] = []
    seen: set[tuple[str, ...]] = set()
    for finding in ranked:
        if finding.subjects and tuple(sorted(finding.subjects)) in seen:
            continue
        seen.add(tuple(sorted(finding.subjects)))
        chosen.append(finding)
        if len(chosen) == MOST_PROBLEMS:
            break
    return chosen


def year_outlook(roadmap: Roadmap, scorecard: Scorecard, formatter: Formatter) -> tuple[str, ...]:
    """Where the year leads, in sentences that never contradict each other.

    The projection counts only the actions that fit in the year; when some wait, the sentence says
    the target is reached (or missed) with the actions that fit, and how many wait.
    """
    last = roadmap.stages[-1] if roadmap.stages else None
    if last is None or last.projected_overall is None or last.projected_level is None:
        return ()
    level = next(level for level in MATURITY_LEVELS if level.number == last.projected_level)
    lines = [
        formatter.label(
            "report.roadmap.year_projection",
            score=formatter.number(last.projected_overall),
            level=level.number,
            name=formatter.text(level.name),
        )
    ]
    target = scorecard.target_level
    waiting = len(roadmap.backlog)
    hours = formatter.hours(roadmap.backlog_hours)
    if target is not None:
        reached = level.number >= target.number
        if waiting:
            key = "target_reached_with_backlog" if reached else "target_missed_with_backlog"
            lines.append(
                formatter.label(f"report.roadmap.{key}", count=waiting, hours=hours, level=target.number)
            )
        else:
            lines.append(
                formatter.label(f"report.roadmap.{'target_reached' if reached else 'target_not_reached'}")
            )
    elif waiting:
        lines.append(formatter.label("report.roadmap.backlog_warning", count=waiting, hours=hours))
    return tuple(lines)


def capitalised(text: str) -> str:
    """``text`` with its first letter a capital."""
    return text[:1].upper() + text[1:]


def objective_targets(audit: Audit, formatter: Formatter) -> tuple[str, ...]:
    """Each objective with a target, as "what: from baseline to target by deadline" (primary first)."""
    lines = []
    for objective in sorted(audit.objectives, key=lambda item: not item.primary):
        if objective.target is None:
            continue
        start = "from_to" if objective.baseline is not None else "to"
        lines.append(
            formatter.label(
                f"report.summary.objective_{start}{'_by' if objective.deadline else ''}",
                what=capitalised(objective.metric or objective_name(objective.statement)),
                baseline=formatter.decimal(objective.baseline),
                target=formatter.decimal(objective.target),
                deadline=formatter.date(objective.deadline),
            )
        )
    return tuple(lines)
