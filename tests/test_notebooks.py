"""Every notebook runs headless, top to bottom, with papermill on every example audit, and leaves it valid.

The runs are independent (each notebook works on its own copy of the example) and execute in parallel
in a small process pool, once per test session; each test then checks one run.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import nbformat
import pytest

from auditkit import store
from auditkit.resources import example_audits, notebooks_dir
from auditkit.ui.steps import STEPS

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted(path.name for path in notebooks_dir().glob("*.ipynb"))
EXAMPLES = [path.name for path in example_audits()]
GUIDED = [step.notebook for step in STEPS]
"""The guided audit's notebooks, each linked to the next; the follow-up ones (compare, portfolio) come after."""
DEFAULT_RUNS = NOTEBOOKS[:2]
"""Notebooks also run with no audit_path (they all open it the same way; two show it works)."""
WORKERS = int(os.environ.get("AUDITKIT_NOTEBOOK_WORKERS", max(2, min(4, (os.cpu_count() or 2) * 2))))
HEAVY = {"04_scoring.ipynb", "06_roadmap.ipynb", "07_report.ipynb"}
"""Notebooks that draw charts (slower to start): scheduled first so the pool ends evenly."""
STEP_MIME = "application/vnd.jupyter.widget-view+json"


def _run(notebook: str, output: str, folder: str, audit_path: str | None) -> str | None:
    """Execute one notebook with papermill; the error's text when it fails."""
    import papermill

    parameters = {} if audit_path is None else {"audit_path": audit_path}
    try:
        papermill.execute_notebook(
            str(notebooks_dir() / notebook),
            output,
            parameters=parameters,
            cwd=folder,
            kernel_name="python3",
            progress_bar=False,
            request_save_on_cell_execute=False,
            execution_timeout=240,
        )
    except Exception as error:  # papermill raises its own error types and nbclient's
        return f"{type(error).__name__}: {error}"
    return None


@pytest.fixture(scope="session")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, Any]]:
    """Run every (notebook, example) pair, plus every notebook on the default working copy."""
    root = tmp_path_factory.mktemp("notebooks")
    jobs: dict[tuple[str, str], tuple[str, str, str, str | None]] = {}
    pairs = [(notebook, example) for example in EXAMPLES for notebook in NOTEBOOKS]
    pairs += [(notebook, "default") for notebook in DEFAULT_RUNS]
    for notebook, example in sorted(pairs, key=lambda pair: pair[0] not in HEAVY):
        folder = root / example.removesuffix(".audit.json") / notebook.removesuffix(".ipynb")
        folder.mkdir(parents=True)
        audit_path = None
        if example != "default":
            audit_path = str(folder / example)
            shutil.copyfile(next(p for p in example_audits() if p.name == example), audit_path)
        jobs[(notebook, example)] = (notebook, str(folder / f"out-{notebook}"), str(folder), audit_path)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=WORKERS, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {key: pool.submit(_run, *job) for key, job in jobs.items()}
        results = {
            key: {
                "error": future.result(),
                "output": Path(jobs[key][1]),
                "folder": Path(jobs[key][2]),
                "audit": jobs[key][3],
            }
            for key, future in futures.items()
        }
    print(f"\n{len(jobs)} notebook runs in {time.perf_counter() - started:.1f} s with {WORKERS} workers")
    return results


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_on_example(
    runs: dict[tuple[str, str], dict[str, Any]], notebook: str, example: str
) -> None:
    run = runs[(notebook, example)]
    assert run["error"] is None, run["error"]
    executed = nbformat.read(run["output"], as_version=4)
    outputs = [output for cell in executed.cells for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output.output_type == "error"]
    assert any(STEP_MIME in output.get("data", {}) for output in outputs), (
        "the step's widgets were not displayed"
    )
    explanation = next(output for output in outputs if "text/markdown" in output.get("data", {}))
    language = store.load(run["audit"]).engagement.language
    assert explanation.data["text/markdown"].startswith(f"## {notebook[:2]} · ")
    assert ("Étape suivante" in explanation.data["text/markdown"]) == (
        language == "fr" and notebook in GUIDED[:-1]
    )
    store.load(run["audit"])


@pytest.mark.parametrize("notebook", DEFAULT_RUNS)
def test_notebook_works_out_of_the_box_on_a_copy_of_the_example(
    runs: dict[tuple[str, str], dict[str, Any]], notebook: str
) -> None:
    run = runs[(notebook, "default")]
    assert run["error"] is None, run["error"]
    working_copy = store.load(run["folder"] / "my-audit.audit.json")
    assert working_copy.engagement.client
    assert working_copy.model_dump(exclude={"revision", "saved_at"}) == store.load(
        next(p for p in example_audits() if p.name == "boulangerie-martin.audit.json")
    ).model_dump(exclude={"revision", "saved_at"})


def test_report_notebook_keeps_its_charts_as_plain_outputs(
    runs: dict[tuple[str, str], dict[str, Any]], tmp_path: Path
) -> None:
    from auditkit.report import export_notebook

    path = runs[("07_report.ipynb", EXAMPLES[0])]["output"]
    executed = nbformat.read(path, as_version=4)
    outputs = [output for cell in executed.cells for output in cell.get("outputs", [])]
    figures = [output for output in outputs if "application/vnd.plotly.v1+json" in output.get("data", {})]
    assert len(figures) >= 5
    assert max(len(json.dumps(output)) for output in outputs) < 500_000, "plotly.js was put in an output"
    page = export_notebook(path, tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count('id="nb-chart-') == len(figures), "the offline export draws every chart"


def test_committed_notebooks_have_no_outputs() -> None:
    for name in NOTEBOOKS:
        notebook = nbformat.read(notebooks_dir() / name, as_version=4)
        nbformat.validate(notebook)
        assert "widgets" not in notebook.metadata
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert all(cell.outputs == [] and cell.execution_count is None for cell in code), name
        assert code[0].metadata.get("tags") == ["parameters"]
        assert "audit_path = None" in code[0].source
        assert all(len(cell.source.splitlines()) <= 5 for cell in code), f"{name}: cells should stay thin"


def test_auditkit_app_serves_the_workspace_with_voila(tmp_path: Path) -> None:
    import signal
    import socket
    import subprocess
    import sys
    import urllib.request

    from auditkit.cli import main

    workspace = tmp_path / "workspace"
    assert main(["init", str(workspace)]) == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "auditkit",
        "app",
        str(workspace),
        "--port",
        str(port),
        "--cull-minutes",
        "1",
    ]
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        page = ""
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/voila/render/00_start.ipynb", timeout=30
                ) as answer:
                    page = answer.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert "00 \\u00b7 D\\u00e9marrer" in page, "Voilà did not render the start notebook"
        assert STEP_MIME in page, "the start step's widgets are missing"
        assert "Traceback" not in page
        store.load(workspace / "my-audit.audit.json")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        log = server.communicate(timeout=20)[0].decode("utf-8", "replace")
    assert "Culling kernels with idle durations > 60 seconds" in log
