"""Time scoring plus diagnosis of a large audit: the notebooks recompute them on every widget change.

Run from the repository's top level::

    .venv/bin/python benchmarks/bench_scoring.py [--repeat N]

The audit is ``benchmarks.synthetic.large_audit()``: 30 channels, 3 objectives, 10 stakeholders and
8 peers. Target: median under 20 ms. In the same run it measures two naive alternatives and prints
how much slower they are:

* re-validating the audit from its JSON text before every run (``Audit.model_validate_json``), as a
  notebook that reloads the file on each change would;
* looking benchmarks up by re-reading and re-validating ``data/benchmarks.csv`` on every lookup,
  instead of the index built once per run.

When ``auditkit.diagnose`` cannot be imported yet, scoring is timed alone and the output says so.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditkit import scoring
from auditkit.benchmarks import BenchmarkIndex, benchmarks_path, read_benchmarks
from auditkit.model import Audit, BenchmarkRow
from auditkit.platforms import Platform
from benchmarks.synthetic import large_audit

TARGET_MS = 20.0


def _diagnose() -> tuple[Callable[[Audit], object] | None, str]:
    try:
        from auditkit.diagnose import diagnose
    except ImportError as error:
        return None, f"auditkit.diagnose not importable ({error}): scoring timed ALONE, re-run later"
    return diagnose, "score + diagnose"


def _interleaved_ms(variants: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Run the variants in turn, ``repeat`` rounds, so that they share the machine's load alike."""
    for run in variants.values():
        for _ in range(3):
            run()
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(repeat):
        for name, run in variants.items():
            start = time.perf_counter()
            run()
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def _p90(times: list[float]) -> float:
    return statistics.quantiles(times, n=10)[-1]


class _CsvScanIndex(BenchmarkIndex):
    """The naive lookup: read and validate the CSV file again on every call."""

    def lookup(self, platform: Platform, metric: str) -> BenchmarkRow | None:
        override = self._overrides.get((platform, metric))
        if override is not None:
            return override
        rows = read_benchmarks(benchmarks_path()).rows
        matching = [row for row in rows if row.platform is platform and row.metric == metric]
        for industry in self.industries:
            found = [row for row in matching if row.industry == industry]
            if found:
                return max(found, key=lambda row: row.year)
        return None


@contextmanager
def _naive_lookup() -> Iterator[None]:
    from auditkit.scoring import context

    context.BenchmarkIndex = _CsvScanIndex  # type: ignore[misc]
    try:
        yield
    finally:
        context.BenchmarkIndex = BenchmarkIndex  # type: ignore[misc]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100, help="timed runs per variant (default 100)")
    args = parser.parse_args(argv)
    audit = large_audit()
    document = audit.model_dump_json()
    diagnose, what = _diagnose()

    def pipeline(current: Audit) -> None:
        scoring.score(current)
        if diagnose is not None:
            diagnose(current)

    print(
        f"audit: {len(audit.channels)} channels, {len(audit.objectives)} objectives, "
        f"{len(audit.stakeholders)} stakeholders, {len(audit.peers)} peers; {args.repeat} runs each"
    )
    print(f"measured: {what}")

    def with_csv_scan() -> None:
        with _naive_lookup():
            pipeline(audit)

    results = _interleaved_ms(
        {
            "fast (validated audit, benchmark index)": lambda: pipeline(audit),
            "naive: Audit.model_validate_json each run": lambda: pipeline(
                Audit.model_validate_json(document)
            ),
            "naive: CSV re-read on every benchmark lookup": with_csv_scan,
        },
        args.repeat,
    )
    median = statistics.median(next(iter(results.values())))
    print(f"{'variant':<44} {'median ms':>10} {'p90 ms':>8} {'x fast':>7}")
    for name, times in results.items():
        ratio = statistics.median(times) / median
        print(f"{name:<44} {statistics.median(times):>10.2f} {_p90(times):>8.2f} {ratio:>7.1f}")
    verdict = "OK" if median < TARGET_MS else "TOO SLOW"
    print(f"target: median < {TARGET_MS:g} ms -> {verdict} ({median:.2f} ms)")
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
