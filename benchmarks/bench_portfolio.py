"""Time ``auditkit portfolio`` over generated audits, against the whole pipeline and rendering each report.

Run from the repository's top level::

    .venv/bin/python -m benchmarks.bench_portfolio [--audits 200] [--skip-reports]

The audits come from ``tests/synthetic_audits.py`` (seeded, varied, valid), one client each, written
to a temporary folder. Three figures, each wall time with the CPU time beside it:

* the portfolio as a whole command (a new process, as a consultant runs it): it computes only what its
  page shows (score, level, critical findings, the scheduled actions; the previous round's overall
  score) over the processors available;
* the whole pipeline of every audit in this process (scorecard, diagnosis, verdicts, the roadmap with
  its projected scores): what the portfolio computed before it was cut down to its page;
* rendering every client's report, one after the other, with a progress bar: the naive alternative.

Target: the portfolio of 200 audits under 5 s.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from auditkit import store
from auditkit.compare.portfolio import available_cores
from auditkit.report.render import render_report
from auditkit.run import AuditRun

TARGET_S = 5.0
ROOT = Path(__file__).resolve().parent.parent


def _progress(done: int, total: int, label: str) -> None:
    width = 30
    filled = round(width * done / total)
    sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def write_audits(folder: Path, count: int) -> list[Path]:
    """``count`` synthetic audits in ``folder``, one client each."""
    sys.path.insert(0, str(ROOT / "tests"))
    from synthetic_audits import synthetic_audits

    paths = []
    for index, audit in enumerate(synthetic_audits(count)):
        audit.engagement.client = f"{audit.engagement.client} {index:03d}"
        path = folder / f"client-{index:03d}{store.SUFFIX}"
        store.save(audit, path)
        paths.append(path)
        _progress(index + 1, count, "writing audits ")
    return paths


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of ``work`` (the CPU of this process and of the children it waited for)."""

    def cpu() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    wall, used = time.perf_counter(), cpu()
    work()
    return time.perf_counter() - wall, cpu() - used


def _whole_pipeline(paths: list[Path]) -> None:
    for index, path in enumerate(paths):
        run = AuditRun(store.load(path), path=path)
        _ = run.reconciled, run.roadmap
        _progress(index + 1, len(paths), "whole pipeline   ")


def _reports(paths: list[Path]) -> None:
    for index, path in enumerate(paths):
        render_report(AuditRun(store.load(path), path=path))
        _progress(index + 1, len(paths), "rendering reports")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--audits", type=int, default=200)
    parser.add_argument("--skip-reports", action="store_true", help="do not render the reports (slow)")
    options = parser.parse_args()
    count = options.audits
    with tempfile.TemporaryDirectory() as workdir:
        folder = Path(workdir) / "audits"
        folder.mkdir()
        paths = write_audits(folder, count)
        command = [sys.executable, "-m", "auditkit", "portfolio", str(folder), "-o", f"{workdir}/index.html"]
        portfolio = _timed(lambda: subprocess.run(command, check=True, capture_output=True))
        pipeline = _timed(lambda: _whole_pipeline(paths))
        reports = None if options.skip_reports else _timed(lambda: _reports(paths))
    verdict = "ok" if portfolio[0] < TARGET_S else "over target"
    print(f"{count} audits, {available_cores()} processors      wall      cpu")
    print(
        f"auditkit portfolio (whole command) {portfolio[0]:7.2f} s {portfolio[1]:7.2f} s   target {TARGET_S:.0f} s: {verdict}"
    )
    print(
        f"whole pipeline of each audit       {pipeline[0]:7.2f} s {pipeline[1]:7.2f} s   {pipeline[0] / portfolio[0]:.1f} times the portfolio"
    )
    if reports is not None:
        print(
            f"rendering {count} reports           {reports[0]:7.2f} s {reports[1]:7.2f} s   {reports[0] / portfolio[0]:.1f} times the portfolio"
        )


if __name__ == "__main__":
    main()
