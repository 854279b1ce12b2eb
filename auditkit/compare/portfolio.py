"""Every client of a folder at a glance: the latest round of each, its level, score, trend and what is due.

Files are grouped into clients by ``engagement.client`` and by the ``previous_round`` chain (a round
whose previous round is another file of the folder belongs to that file's client, even renamed). The
latest round of each client (by audit date, then round) is scored; the round before it gives the trend.
A file that cannot be read is listed with its error, never fatal.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

from auditkit import store
from auditkit.compare.trends import in_round_order
from auditkit.errors import AuditkitError
from auditkit.findings import Severity
from auditkit.run import AuditRun
from auditkit.scoring import projected_scores

__all__ = ["NEXT_ACTIONS", "ClientRow", "FileProblem", "Portfolio", "available_cores", "gather"]

NEXT_ACTIONS = 3
"""How many of the roadmap's next actions the portfolio lists per client."""


@dataclass(frozen=True)
class FileProblem:
    """A file of the folder that could not be read, and why."""

    path: Path
    error: AuditkitError

    def text(self, lang: str) -> str:
        return self.error.text(lang)


@dataclass(frozen=True)
class ClientRow:
    """One client: its latest round and the figures the portfolio shows."""

    client: str
    run: AuditRun
    rounds: int
    overall: float | None
    previous_overall: float | None
    level: int | None
    critical: int
    next_actions: tuple[tuple[str, date | None], ...]
    report: str
    """The report's file name, beside the portfolio page (where ``auditkit report --batch`` writes it)."""

    @property
    def trend(self) -> float | None:
        if self.overall is None or self.previous_overall is None:
            return None
        return round(self.overall - self.previous_overall, 1)


@dataclass(frozen=True)
class Portfolio:
    clients: tuple[ClientRow, ...]
    errors: tuple[FileProblem, ...]


def _group(runs: list[AuditRun]) -> list[list[AuditRun]]:
    """The runs grouped by client: same client name, or linked by ``previous_round``."""
    parent = list(range(len(runs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_path = {run.path.resolve(): i for i, run in enumerate(runs) if run.path is not None}
    by_name: dict[str, int] = {}
    for i, run in enumerate(runs):
        name = " ".join(run.audit.engagement.client.casefold().split())
        parent[root(i)] = root(by_name.setdefault(name, i))
        reference = run.audit.engagement.previous_round
        if reference and run.path is not None:
            linked = by_path.get((run.path.parent / reference).resolve())
            if linked is not None:
                parent[root(i)] = root(linked)
    groups: dict[int, list[AuditRun]] = {}
    for i, run in enumerate(runs):
        groups.setdefault(root(i), []).append(run)
    return list(groups.values())


@dataclass(frozen=True)
class _Figures:
    """What the portfolio shows of one client's latest round, small enough to pass between processes."""

    overall: float | None
    previous_overall: float | None
    level: int | None
    critical: int
    next_actions: tuple[tuple[str, date | None], ...]


def _figures(latest: AuditRun, previous: AuditRun | None) -> _Figures:
    """The latest round's score, level, critical findings and next actions due, and the previous round's
    overall score: only what the page shows (no projected scores, no reports)."""
    card = latest.scorecard
    critical = sum(f.severity is Severity.CRITICAL for f in latest.reconciled.diagnosis.findings)
    actions = sorted(latest.scheduled.staged, key=lambda a: (a.due or date.max, a.priority or 0))
    before = projected_scores(previous.audit, with_level=False).overall.value if previous else None
    return _Figures(
        overall=card.overall.value,
        previous_overall=before,
        level=card.level.number if card.level else None,
        critical=critical,
        next_actions=tuple((a.title(latest.lang), a.due) for a in actions[:NEXT_ACTIONS]),
    )


_GROUPS: list[list[AuditRun]] = []
"""The clients' rounds, oldest first, that the worker processes forked by :func:`gather` read by index."""


def _group_figures(index: int) -> _Figures | AuditkitError:
    ordered = _GROUPS[index]
    try:
        return _figures(ordered[-1], ordered[-2] if len(ordered) > 1 else None)
    except AuditkitError as error:
        return error


def _all_figures(groups: list[list[AuditRun]], workers: int) -> list[_Figures | AuditkitError]:
    """The figures of every group, over ``workers`` processes forked once the audits are read."""
    _GROUPS[:] = groups
    try:
        if workers <= 1 or len(groups) < 2 * workers or "fork" not in get_all_start_methods():
            return [_group_figures(index) for index in range(len(groups))]
        with get_context("fork").Pool(workers) as pool:
            return pool.map(
                _group_figures, range(len(groups)), chunksize=max(1, len(groups) // (4 * workers))
            )
    finally:
        _GROUPS.clear()


def available_cores() -> int:
    """The processors this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def gather(directory: Path, *, workers: int = 1) -> Portfolio:
    """The clients of the audit files in ``directory`` and its subfolders.

    With ``workers`` above one, the clients' figures are computed in that many processes (forked, where
    the platform can): the command line's way over a large folder.
    """
    runs: list[AuditRun] = []
    errors: list[FileProblem] = []
    for path in sorted(directory.rglob(f"*{store.SUFFIX}")):
        try:
            runs.append(AuditRun(store.load(path), path=path))
        except AuditkitError as error:
            errors.append(FileProblem(path, error))
    groups = [in_round_order(group) for group in _group(runs)]
    rows: list[ClientRow] = []
    for ordered, figures in zip(groups, _all_figures(groups, workers), strict=True):
        latest = ordered[-1]
        if isinstance(figures, AuditkitError):
            errors += [FileProblem(run.path, figures) for run in ordered if run.path is not None][-1:]
            continue
        name = latest.path.name if latest.path is not None else latest.audit.engagement.client
        rows.append(
            ClientRow(
                client=latest.audit.engagement.client,
                run=latest,
                rounds=len(ordered),
                overall=figures.overall,
                previous_overall=figures.previous_overall,
                level=figures.level,
                critical=figures.critical,
                next_actions=figures.next_actions,
                report=name.removesuffix(store.SUFFIX) + ".html",
            )
        )
    rows.sort(key=lambda row: row.client.casefold())
    return Portfolio(tuple(rows), tuple(errors))
