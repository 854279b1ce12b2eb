"""``auditkit app --workshop``: the Voilà command, and a server that stops cleanly on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil
import pytest

from auditkit.cli import build_parser
from auditkit.workshop.server import WorkshopServer, workshop_command, workshop_notebooks


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_command_serves_the_workshop_pages_with_kernels_for_the_room(tmp_path: Path) -> None:
    server = WorkshopServer(tmp_path, 8899, "127.0.0.1", 20, 90, "abcd1234")
    command = workshop_command(server)
    assert str(workshop_notebooks()) in command
    assert "--Voila.token=abcd1234" in command and "--Voila.port_retries=0" in command
    pools = json.loads(next(arg for arg in command if "kernel_pools_config" in arg).split("=", 1)[1])
    assert pools["quiz.ipynb"]["pool_size"] == 25
    assert WorkshopServer(tmp_path, 8899, "127.0.0.1", 2, 90, "x").pools()["quiz.ipynb"]["pool_size"] == 3
    assert all(pool["pool_size"] >= 1 for pool in pools.values())
    assert "--MappingKernelManager.cull_idle_timeout=5400" in command
    assert server.address() == "http://localhost:8899/voila/render/home.ipynb?token=abcd1234"


def test_the_app_takes_the_workshop_options() -> None:
    args = build_parser("en", ["app"]).parse_args(
        ["app", "--workshop", "room", "--host", "0.0.0.0", "--port", "9000", "--participants", "12"]
    )
    assert (args.workshop, args.ip, args.port, args.participants) == (Path("room"), "0.0.0.0", 9000, 12)


def _wait_for(address: str, deadline: float) -> str:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(address, timeout=30) as answer:
                return str(answer.read().decode("utf-8"))
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.5)
    raise AssertionError(f"{address} never answered")


def _final_address(address: str) -> str:
    try:
        with urllib.request.urlopen(address, timeout=30) as answer:
            return str(answer.geturl())
    except urllib.error.HTTPError as refused:
        return f"login refused {refused.code}"


@pytest.mark.slow
def test_sigterm_stops_the_app_its_kernels_and_frees_the_port(tmp_path: Path) -> None:
    port = _free_port()
    command = [sys.executable, "-m", "auditkit", "app", "--workshop", str(tmp_path / "room")]
    command += ["--port", str(port), "--participants", "1"]
    app = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert app.stdout is not None
    try:
        banner = "".join(app.stdout.readline() for _ in range(4))
        token = banner.split("token=")[1].split()[0]
        page = _wait_for(
            f"http://127.0.0.1:{port}/voila/render/home.ipynb?token={token}", time.monotonic() + 120
        )
        assert "application/vnd.jupyter.widget-view+json" in page
        assert "login" in _final_address(f"http://127.0.0.1:{port}/voila/render/quiz.ipynb"), (
            "a page opened without the access token should ask for it"
        )
        deadline = time.monotonic() + 60
        children: list[psutil.Process] = []
        while time.monotonic() < deadline and len(children) < 3:
            children = psutil.Process(app.pid).children(recursive=True)
            time.sleep(0.5)
        assert len(children) >= 3, "Voilà and its pre-started kernels should be running"
        os.kill(app.pid, signal.SIGTERM)
        assert app.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
            app.wait(timeout=60)
    _gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, f"left running: {[process.cmdline() for process in alive]}"
    with socket.socket() as probe:  # as a new server would: connections in TIME_WAIT do not hold the port
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))
        probe.listen()
    assert (tmp_path / "room" / "session.json").is_file()
