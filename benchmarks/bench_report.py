"""How fast and how small the HTML report is, against the naive ways, measured in one run.

Prints:

* the time to render and write a report in-process, and through the ``auditkit report`` command;
* the time of ``jupyter nbconvert --execute --to html --no-input`` on a notebook that computes the same
  audit and draws the same ten charts (plotly's "notebook" renderer, the usual way to get an offline
  HTML out of a notebook), and the ratio (target: the command takes 0.15 of nbconvert's time or less);
  for transparency, also nbconvert on a notebook that only imports auditkit (kernel start-up alone);
* the time headless Chromium takes to draw every chart, plotly.js embedded gzip+base64 or plain;
* the report's size, against the same report with plotly.js embedded plain, and against the naive
  ``include_plotlyjs=True`` on every figure, and nbconvert's HTML;
* the time of the editable exports, ``auditkit report --format docx`` and ``--format pptx`` (charts drawn
  by headless Chromium), and their size;
* the seconds per audit of ``auditkit report --batch DIR -j 2`` on 100 audits (copies of the examples),
  and with ``-j 1`` for comparison.

Run from the repository root: ``.venv/bin/python benchmarks/bench_report.py [--runs N] [--batch N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
import plotly.graph_objects as go

from auditkit import store
from auditkit.report.documents import DOCUMENT_FORMATS
from auditkit.report.render import render_report, report_context
from auditkit.report.write import write_report
from auditkit.resources import example_audits

BIN = Path(sys.executable).parent
NOTEBOOK = """\
import plotly.io as pio
from auditkit import charts, store
from auditkit.diagnose import diagnose
from auditkit.roadmap import build_roadmap
from auditkit.scoring import score

pio.renderers.default = "notebook"
audit = store.load({path!r})
scorecard, diagnosis = score(audit), diagnose(audit)
roadmap = build_roadmap(audit, scorecard, diagnosis)
lang = audit.engagement.language
figures = [
    charts.findings_by_theme(diagnosis, lang),
    charts.contributions(scorecard.overall, "Overall", lang),
    charts.stakeholder_platforms(audit, lang),
    charts.channel_health(scorecard, lang),
    charts.channel_objective_heatmap(scorecard, audit, lang),
    charts.peer_benchmark(audit, lang),
    charts.contributions(scorecard.strategy_completeness, "Strategy", lang),
    charts.contributions(scorecard.organisation_readiness, "Organisation", lang),
    charts.projected_scores(roadmap, scorecard, lang),
    charts.roadmap_timeline(roadmap, lang),
]
for figure in figures:
    figure.show()
"""


def timed(action: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock seconds of ``runs`` calls of ``action``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def run(command: list[str], cwd: Path) -> None:
    subprocess.run(
        command, cwd=cwd, check=True, capture_output=True, env=os.environ | {"PYTHONWARNINGS": "ignore"}
    )


def describe(times: list[float]) -> str:
    return f"median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}, n={len(times)})"


def naive_size(audit_path: Path) -> int:
    """Bytes of the same report with every figure exported by ``to_html(include_plotlyjs=True)``."""
    audit = store.load(audit_path)
    html = render_report(audit)
    context = report_context(audit)
    packed_start = html.index('<script type="application/octet-stream" id="plotly-gzip">')
    packed_end = html.index("</script>", packed_start) + len("</script>")
    size = len(html.encode()) - len(html[packed_start:packed_end].encode())
    for chart in context["charts"].values():
        size -= len(str(chart.json).encode())
    for chart in context["charts"].values():
        figure = go.Figure(json.loads(str(chart.json)))
        size += len(figure.to_html(full_html=False, include_plotlyjs=True).encode())
    return size


def browser_times(paths: list[Path], runs: int) -> dict[str, list[float]]:
    """Seconds from navigation to ``data-charts="ready"`` in headless Chromium, per file (if installed)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {}
    chromium = shutil.which("chromium")
    if chromium is None:
        return {}
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    times: dict[str, list[float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=args)
        for _ in range(runs):
            for path in paths:
                page = browser.new_page()
                start = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_selector("html[data-charts='ready']", state="attached", timeout=60_000)
                times.setdefault("gzip+base64" if path.name == "cli.html" else "plain", []).append(
                    time.perf_counter() - start
                )
                page.close()
        browser.close()
    return times


def print_document_times(example: Path, folder: Path, runs: int) -> None:
    """Seconds of ``auditkit report --format docx|pptx`` (headless Chromium draws the charts), if installed."""
    if shutil.which("chromium") is None:
        print("auditkit report --format docx|pptx: skipped (no chromium to draw the charts)")
        return
    for document_format in DOCUMENT_FORMATS:
        output = folder / f"cli.{document_format}"
        command = [
            str(BIN / "auditkit"),
            "report",
            str(example),
            "--format",
            document_format,
            "-o",
            str(output),
        ]
        times = timed(lambda command=command: run(command, folder), runs)
        size = output.stat().st_size / 1e6
        print(f"auditkit report --format {document_format} (new process): {describe(times)}, {size:.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (default 5; nbconvert gets 3)")
    parser.add_argument("--batch", type=int, default=100, help="audits in the batch (default 100)")
    args = parser.parse_args()
    example = next(
        (p for p in example_audits() if p.name == "boulangerie-martin.audit.json"), example_audits()[0]
    )
    audit = store.load(example)
    with tempfile.TemporaryDirectory(prefix="bench-report-") as tmp:
        folder = Path(tmp)
        print(f"audit: {example.name} ({len(audit.channels)} channels, language {audit.engagement.language})")

        cold = timed(lambda: write_report(audit, folder / "cold.html"), 1)[0]
        warm = timed(lambda: write_report(audit, folder / "warm.html"), args.runs)
        print(
            f"render + write, in-process: first {cold:.3f} s (compresses plotly.js once), then {describe(warm)}"
        )

        command = [str(BIN / "auditkit"), "report", str(example), "-o", str(folder / "cli.html")]
        cli = timed(lambda: run(command, folder), args.runs)
        print(f"auditkit report (new process): {describe(cli)}")
        print_document_times(example, folder, max(1, min(3, args.runs)))

        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(NOTEBOOK.format(path=str(example)))]
        nbformat.write(notebook, folder / "same_charts.ipynb")
        convert = [
            str(BIN / "jupyter"),
            "nbconvert",
            "--execute",
            "--to",
            "html",
            "--no-input",
            "same_charts.ipynb",
        ]
        nbconvert = timed(lambda: run(convert, folder), max(1, min(3, args.runs)))
        print(f"jupyter nbconvert --execute --to html --no-input (same charts): {describe(nbconvert)}")
        floor = nbformat.v4.new_notebook()
        floor.cells = [nbformat.v4.new_code_cell("import auditkit")]
        nbformat.write(floor, folder / "floor.ipynb")
        convert_floor = [*convert[:-1], "floor.ipynb"]
        print(
            f"  same command on a notebook that only imports auditkit: {describe(timed(lambda: run(convert_floor, folder), 1))}"
        )
        ratio = statistics.median(cli) / statistics.median(nbconvert)
        print(
            f"ratio auditkit report / nbconvert: {ratio:.3f} (target <= 0.15: {'met' if ratio <= 0.15 else 'NOT met'})"
        )

        report = (folder / "cli.html").stat().st_size
        plain = len(render_report(audit, embedding="plain").encode())
        naive = naive_size(example)
        converted = (folder / "same_charts.html").stat().st_size
        print(f"report size: {report:,} bytes (limit 1,500,000)")
        print(f"  with plotly.js embedded plain: {plain:,} bytes ({plain / report:.2f}x)")
        print(f"  with include_plotlyjs=True per figure: {naive:,} bytes ({naive / report:.1f}x)")
        print(f"  nbconvert's HTML of the same charts: {converted:,} bytes ({converted / report:.1f}x)")
        for other in example_audits():
            size = len(render_report(store.load(other)).encode())
            print(f"  {other.name}: {size:,} bytes")

        (folder / "plain.html").write_text(render_report(audit, embedding="plain"), encoding="utf-8")
        for name, draw in browser_times([folder / "cli.html", folder / "plain.html"], args.runs).items():
            print(f"headless Chromium, open until every chart is drawn ({name}): {describe(draw)}")

        batch_in, batch_out = folder / "batch", folder / "batch-out"
        batch_in.mkdir()
        sources = example_audits()
        for number in range(args.batch):
            source = sources[number % len(sources)]
            shutil.copy(source, batch_in / f"{number:03d}-{source.name}")
        for jobs in (2, 1):
            shutil.rmtree(batch_out, ignore_errors=True)
            command = [
                str(BIN / "auditkit"),
                "report",
                "--batch",
                str(batch_in),
                "-o",
                str(batch_out),
                "-j",
                str(jobs),
            ]
            seconds = timed(lambda command=command: run(command, folder), 1)[0]
            written = len(list(batch_out.glob("*.html")))
            print(
                f"batch of {args.batch} with -j {jobs}: {seconds:.2f} s, {seconds / args.batch:.3f} s per audit "
                f"({written} reports written)"
            )


if __name__ == "__main__":
    main()
