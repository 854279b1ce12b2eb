"""Kernel-side time from a weight-slider change to the heatmap's new data, on the 30-channel audit.

Run: ``.venv/bin/python -m benchmarks.bench_ui [--runs N]``. Target: median under 50 ms.

"slider change" is what the browser's message does in the kernel: set the slider's value. The
measured path is the real one of notebook 04: the change is validated on a copy of the audit and
accepted (its save is debounced, off this path), the scorecard is recomputed, and the new
figure is sent to the heatmap and health charts whose data changed. The naive alternative, measured in
the same run, rebuilds the step's whole widget tree (new charts, sliders and scorecard).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from auditkit import store
from auditkit.scoring import score
from auditkit.ui.scoring import ScoringView
from auditkit.ui.session import AuditSession
from benchmarks.synthetic import large_audit

TARGET_MS = 50.0


class _Handle:
    def cancel(self) -> None:
        """Nothing to cancel: the benchmark never runs the delayed save."""


def _no_save(delay: float, action: Callable[[], None]) -> _Handle:
    return _Handle()


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="measured changes per variant (default: 40)")
    args = parser.parse_args(argv)
    audit = large_audit()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.audit.json"
        store.save(audit, path)
        session = AuditSession(path, timer=_no_save)
        view = ScoringView(session)
        slider = view.sliders["fit.reach"]
        values = [0.2 + 0.6 * (i % 2) for i in range(args.runs + 3)]

        live: list[float] = []
        changed = 0
        for index, value in enumerate(values):
            before: Any = view.heatmap.figure.data[0].z
            started = time.perf_counter()
            slider.value = value
            elapsed = time.perf_counter() - started
            changed += view.heatmap.figure.data[0].z != before
            if index >= 3:
                live.append(elapsed)

        naive: list[float] = []
        for index in range(min(args.runs, 15) + 1):
            started = time.perf_counter()
            ScoringView(session)
            elapsed = time.perf_counter() - started
            if index:
                naive.append(elapsed)

        scoring: list[float] = []
        for _ in range(args.runs):
            started = time.perf_counter()
            score(session.audit)
            scoring.append(time.perf_counter() - started)

    channels, objectives = len(audit.channels), len(audit.objectives)
    live_ms, naive_ms = _median_ms(live), _median_ms(naive)
    print(f"audit: {channels} channels x {objectives} objectives (benchmarks.synthetic.large_audit)")
    print(f"heatmap data changed on {changed} of {len(values)} slider changes")
    print(f"slider change -> heatmap's new data, in place: median {live_ms:.1f} ms over {len(live)} changes")
    print(f"  of which score(): median {_median_ms(scoring):.1f} ms")
    print(
        f"naive: rebuild the step's widget tree:         median {naive_ms:.1f} ms over {len(naive)} rebuilds"
    )
    print(f"ratio in place / naive: {live_ms / naive_ms:.2f} (naive is {naive_ms / live_ms:.1f}x slower)")
    verdict = "OK" if live_ms < TARGET_MS else "OVER TARGET"
    print(f"target: median under {TARGET_MS:.0f} ms -> {verdict}")
    return 0 if live_ms < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
