"""The report's "progress since round N" section: the previous round, when known, against this one."""

from __future__ import annotations

from dataclasses import dataclass

from auditkit.compare import Comparison, PreviousRoundError, compare_runs, previous_of
from auditkit.locale import formats
from auditkit.locale.formatter import Formatter
from auditkit.report.compare_page import comparison_figures
from auditkit.report.render import Chart, figure_chart
from auditkit.run import AuditRun

__all__ = ["Progress", "progress_section"]

RULES_LISTED = 6
"""How many rule titles a sentence of the section names before "and N more"."""


@dataclass(frozen=True)
class Progress:
    """What the section shows: its title, plain sentences, and the before/after chart (or why not)."""

    title: str
    lines: tuple[str, ...]
    chart: Chart | None
    comparison: Comparison | None


def progress_section(run: AuditRun, formatter: Formatter) -> Progress | None:
    """The section for ``run``, or ``None`` when the audit names no previous round.

    A previous round that cannot be read gives a section that says so, instead of failing the report.
    """
    try:
        previous = previous_of(run)
    except PreviousRoundError as error:
        round_number = max(run.audit.engagement.round - 1, 1)
        title = formatter.label("compare.progress.title", round=round_number)
        return Progress(
            title,
            (formatter.label("compare.progress.missing", problem=error.text(formatter.code)),),
            None,
            None,
        )
    if previous is None:
        return None
    comparison = compare_runs(previous, run)
    before = previous.audit.engagement
    overall = comparison.overall
    delta = overall.delta
    lines = [
        formatter.label(
            "compare.progress.lead",
            round=before.round,
            date=formatter.date(before.audit_date),
            before=formatter.decimal(overall.before, 1),
            after=formatter.decimal(overall.after, 1),
            delta="—" if delta is None else ("+" if delta > 0 else "") + formatter.decimal(delta, 1),
        )
    ]
    groups = (
        ("resolved", "compare.progress.improved"),
        ("persisting", "compare.progress.not_improved"),
        ("new", "compare.progress.appeared"),
    )
    for status, message_id in groups:
        changes = comparison.findings_with(status)
        if changes:
            titles = sorted({change.title(formatter.code).split(":")[0].strip() for change in changes})
            named = formats.join(
                titles[:RULES_LISTED] + (["…"] if len(titles) > RULES_LISTED else []), formatter.code
            )
            lines.append(formatter.label(message_id, count=len(changes), rules=named))
        elif status == "resolved":
            lines.append(formatter.label("compare.progress.nothing_resolved"))
    chart = figure_chart("chart-progress", comparison_figures(comparison, formatter)["scores"])
    title = formatter.label("compare.progress.title", round=before.round)
    return Progress(title, tuple(lines), chart, comparison)
