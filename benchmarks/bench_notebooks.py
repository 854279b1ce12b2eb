"""How fast the guided notebooks open: in a real JupyterLab in headless Chromium, in the kernel, and a slider.

Run: ``.venv/bin/python -m benchmarks.bench_notebooks [--runs 3] [--notebooks 00_start 04_scoring]``.

1. Browser: for each notebook, the time from opening it in a running JupyterLab (a double click in the
   file browser, its kernel started, "Run All Cells") to its last widget drawn (the step's widgets
   shown, every chart drawn, no widget still loading), on the machine as it is ("quiet") and with two
   CPU-bound processes running beside it ("loaded"); median of ``--runs``, each run with a fresh kernel
   in a freshly loaded JupyterLab page. Targets: under 3 s quiet, 6 s loaded. JupyterLab's own page
   load (before the file browser shows the files) is printed beside, outside the measure: it is the
   same for any notebook, and a consultant pays it once per working session.
2. Kernel: each notebook's code run through jupyter_client, cold (kernel start included) and warm (run
   again in the same kernel).
3. Slider: a weight slider's change to the heatmap's new data, in the kernel, on the 30-channel audit of
   :func:`benchmarks.synthetic.large_audit`. Target: under 0.3 s.

Run it on an otherwise quiet machine: "quiet" means what the machine is doing besides.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from auditkit import store
from auditkit.resources import default_example, notebooks_dir
from benchmarks.synthetic import large_audit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
TOKEN = "auditkit-bench"
VIEWPORT = {"width": 1280, "height": 800}
QUIET_TARGET, LOADED_TARGET, SLIDER_TARGET = 3.0, 6.0, 0.3
NOTEBOOKS = tuple(sorted(path.name for path in notebooks_dir().glob("0*.ipynb")))

DRAWN = """() => {
  const notebook = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  if (!notebook) return false;
  const cells = notebook.querySelectorAll('.jp-CodeCell');
  const last = cells[cells.length - 1];
  if (!last || !last.querySelector('.jp-OutputArea-output')) return false;
  if (!notebook.querySelector('.auditkit-step')) return false;
  if ([...notebook.querySelectorAll('.jp-OutputArea-output')].some(o => /Loading widget/.test(o.textContent))) return false;
  return [...notebook.querySelectorAll('.js-plotly-plot')].every(plot => plot.querySelector('.main-svg'));
}"""
"""True once the open notebook's last cell has its output, its step is shown and every chart is drawn."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def workspace(folder: Path, audit: Path | None = None) -> Path:
    """A workspace with the guided notebooks and a current audit (the bundled example unless ``audit``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in NOTEBOOKS:
        shutil.copyfile(notebooks_dir() / name, folder / name)
    source = audit or default_example()
    if source is not None:
        shutil.copyfile(source, folder / "my-audit.audit.json")
    return folder


@contextlib.contextmanager
def jupyterlab(folder: Path, state: Path) -> Iterator[str]:
    """JupyterLab serving ``folder`` on a free loopback port (its settings and runtime under ``state``)."""
    port = _free_port()
    environment = os.environ | {
        "JUPYTER_RUNTIME_DIR": str(state / "runtime"),
        "JUPYTER_CONFIG_DIR": str(state / "config"),
        "JUPYTERLAB_SETTINGS_DIR": str(state / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(state / "workspaces"),
    }
    news = state / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True, exist_ok=True)
    news.write_text('{"fetchNews": "false", "checkForUpdates": false}', encoding="utf-8")
    with (state / "lab.log").open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jupyterlab",
                "--no-browser",
                f"--port={port}",
                "--ServerApp.ip=127.0.0.1",
                f"--IdentityProvider.token={TOKEN}",
                f"--ServerApp.root_dir={folder}",
                "--LabApp.news_url=",
                "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                *(["--allow-root"] if os.geteuid() == 0 else []),
            ],
            cwd=folder,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{base}/api/status?token={TOKEN}", process)
            yield base
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=5)


def _wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with status {process.returncode}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.3)
    raise TimeoutError(f"JupyterLab did not answer at {url} within {timeout} s")


def stop_kernels(base: str) -> None:
    """Shut down every kernel of the server, so that the next opening starts a fresh one."""
    with urllib.request.urlopen(f"{base}/api/sessions?token={TOKEN}", timeout=10) as response:
        sessions = json.load(response)
    for session in sessions:
        request = urllib.request.Request(
            f"{base}/api/sessions/{session['id']}?token={TOKEN}", method="DELETE"
        )
        with contextlib.suppress(OSError):
            urllib.request.urlopen(request, timeout=10).close()


def open_lab(page: Any, base: str, timeout: float = 90) -> float:
    """Load JupyterLab with no document open; seconds until its file browser lists the files."""
    started = time.perf_counter()
    page.goto(f"{base}/lab?token={TOKEN}&reset")
    page.locator(".jp-DirListing-item").first.wait_for(state="visible", timeout=timeout * 1000)
    return time.perf_counter() - started


def open_and_run(page: Any, notebook: str, timeout: float = 90) -> float:
    """Open ``notebook`` from the file browser of a loaded JupyterLab and run all its cells; seconds
    until its last widget is drawn."""
    started = time.perf_counter()
    page.locator(".jp-DirListing-item", has_text=notebook).first.dblclick()
    page.wait_for_selector(
        ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell", state="visible", timeout=timeout * 1000
    )
    page.locator(".jp-StatusBar-Widget", has_text="Idle").first.wait_for(
        state="visible", timeout=timeout * 1000
    )
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    page.wait_for_function(DRAWN, timeout=timeout * 1000, polling=50)
    return time.perf_counter() - started


def browser_times(
    notebooks: tuple[str, ...], runs: int, folder: Path
) -> tuple[dict[str, list[float]], list[float]]:
    """Seconds from opening each notebook to its last widget drawn, ``runs`` times each, fresh kernels;
    and the seconds each JupyterLab page took to load."""
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {name: [] for name in notebooks}
    loads: list[float] = []
    with jupyterlab(workspace(folder / "workspace"), folder / "lab") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page(viewport=VIEWPORT)
            open_lab(page, base)
            open_and_run(page, notebooks[0])
            for _ in range(runs):
                for name in notebooks:
                    stop_kernels(base)
                    loads.append(open_lab(page, base))
                    times[name].append(open_and_run(page, name))
            page.close()
        finally:
            browser.close()
    return times, loads


@contextlib.contextmanager
def busy_processes(count: int = 2) -> Iterator[None]:
    """``count`` CPU-bound processes running beside the measure."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.terminate()
            spinner.wait(timeout=10)


def kernel_times(notebooks: tuple[str, ...], folder: Path) -> dict[str, tuple[float, float]]:
    """Seconds to run each notebook's code through jupyter_client: cold (kernel start included), warm."""
    import nbformat
    from jupyter_client.manager import start_new_kernel

    folder = workspace(folder / "kernel")
    results = {}
    for name in notebooks:
        cells = [
            cell.source
            for cell in nbformat.read(folder / name, as_version=4).cells
            if cell.cell_type == "code"
        ]
        started = time.perf_counter()
        manager, client = start_new_kernel(kernel_name="python3", cwd=str(folder))
        try:
            _execute(client, f"import os; os.chdir({str(folder)!r})")
            for source in cells:
                _execute(client, source)
            cold = time.perf_counter() - started
            warm_start = time.perf_counter()
            for source in cells:
                _execute(client, source)
            warm = time.perf_counter() - warm_start
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
        results[name] = (cold, warm)
    return results


def _execute(client: Any, source: str) -> None:
    reply = client.execute_interactive(source, timeout=120, output_hook=lambda message: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell failed: {reply['content'].get('ename')}: {reply['content'].get('evalue')}")


def slider_time(runs: int = 20) -> float:
    """Median seconds from a weight slider's change to the heatmap's new data, on the 30-channel audit."""
    from auditkit.ui.scoring import ScoringView
    from auditkit.ui.session import AuditSession

    class Handle:
        def cancel(self) -> None:
            """Nothing to cancel: the measure never runs the delayed save."""

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.audit.json"
        store.save(large_audit(channels=30), path)
        view = ScoringView(AuditSession(path, timer=lambda delay, action: Handle()))
        samples = []
        for index in range(runs + 2):
            started = time.perf_counter()
            view.sliders["fit.reach"].value = 0.2 + 0.6 * (index % 2)
            if index >= 2:
                samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _report(label: str, measured: tuple[dict[str, list[float]], list[float]], target: float) -> bool:
    times, loads = measured
    print(
        f"\nbrowser, {label}: open -> last widget drawn (median of {len(next(iter(times.values())))}), target < {target:g} s"
    )
    print(
        f"  (JupyterLab's own page load before it, outside the measure: median {statistics.median(loads):.2f} s)"
    )
    ok = True
    for name, samples in times.items():
        median = statistics.median(samples)
        ok &= median < target
        runs = ", ".join(f"{sample:.2f}" for sample in samples)
        print(f"  {name:<22} {median:6.2f} s   ({runs}){'' if median < target else '   OVER TARGET'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=3, help="openings per notebook and condition (default: 3)"
    )
    parser.add_argument(
        "--notebooks", nargs="*", default=None, help="notebook names without .ipynb (default: all)"
    )
    parser.add_argument("--skip-browser", action="store_true", help="only the kernel and slider measures")
    args = parser.parse_args(argv)
    notebooks = tuple(f"{name}.ipynb" for name in args.notebooks) if args.notebooks else NOTEBOOKS
    ok = True
    with tempfile.TemporaryDirectory(prefix="auditkit-bench-") as temporary:
        folder = Path(temporary)
        if not args.skip_browser:
            if not CHROMIUM.exists():
                print(f"no Chromium at {CHROMIUM}: browser measures skipped")
            else:
                ok &= _report("quiet", browser_times(notebooks, args.runs, folder / "quiet"), QUIET_TARGET)
                with busy_processes(2):
                    loaded = browser_times(notebooks, args.runs, folder / "loaded")
                ok &= _report("two CPU-bound processes beside", loaded, LOADED_TARGET)
        print("\nkernel (jupyter_client): cold = kernel start + every cell; warm = every cell again")
        for name, (cold, warm) in kernel_times(notebooks, folder).items():
            print(f"  {name:<22} cold {cold:6.2f} s   warm {warm:6.2f} s")
    slider = slider_time()
    ok &= slider < SLIDER_TARGET
    verdict = "OK" if slider < SLIDER_TARGET else "OVER TARGET"
    print(
        f"\nslider -> heatmap, 30 channels: median {slider * 1000:.0f} ms, target < {SLIDER_TARGET * 1000:.0f} ms: {verdict}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
