"""Time the quick commands: ``auditkit --version`` and ``auditkit validate`` on the examples.

Run from the repository's top level::

    .venv/bin/python -m benchmarks.bench_cli [--repeat N]

Each command is a whole process, started in turn with the others so that they share the machine's
load alike. In the same run it times ``python -c pass`` (the floor: the interpreter alone) and the
naive alternative, a command line that imports the whole package before it looks at its arguments.
Target: ``auditkit --version`` under 0.25 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_VERSION_S = 0.25
ROOT = Path(__file__).resolve().parent.parent
EVERYTHING = (
    "auditkit.cli auditkit.store auditkit.scoring auditkit.diagnose auditkit.roadmap auditkit.export "
    "auditkit.charts auditkit.report.render auditkit.ui"
)


def commands() -> dict[str, list[str]]:
    """The commands timed, by name."""
    examples = sorted(str(path) for path in (ROOT / "data" / "examples").glob("*.audit.json"))
    auditkit = [sys.executable, "-m", "auditkit"]
    eager = f"import importlib; [importlib.import_module(m) for m in {EVERYTHING.split()!r}]"
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "auditkit --version": [*auditkit, "--version"],
        f"auditkit validate ({len(examples)} examples)": [*auditkit, "validate", *examples],
        "naive: import everything first": [sys.executable, "-c", eager],
    }


def measure(repeat: int) -> dict[str, list[float]]:
    """Seconds per run of each command, ``repeat`` interleaved rounds after one warm-up round."""
    timed = commands()
    times: dict[str, list[float]] = {name: [] for name in timed}
    for round_ in range(repeat + 1):
        for name, argv in timed.items():
            start = time.perf_counter()
            done = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT)
            if done.returncode:
                raise SystemExit(f"{name} exited {done.returncode}:\n{done.stderr}")
            if round_:
                times[name].append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="rounds of measurement (default 15)")
    args = parser.parse_args(argv)
    times = measure(args.repeat)
    floor = statistics.median(times["python -c pass"])
    naive = statistics.median(times["naive: import everything first"])
    print(f"{'command':<40} {'min s':>7} {'median s':>9} {'max s':>7} {'x python':>9} {'x naive':>8}")
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"{name:<40} {min(values):>7.3f} {median:>9.3f} {max(values):>7.3f} "
            f"{median / floor:>9.1f} {median / naive:>8.2f}"
        )
    version = statistics.median(times["auditkit --version"])
    verdict = "met" if version < TARGET_VERSION_S else "MISSED"
    print(f"target: auditkit --version under {TARGET_VERSION_S} s: {version:.3f} s, {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
