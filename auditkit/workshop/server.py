"""Serving pages with Voilà as a child process, and stopping it cleanly: no server, no kernel left behind.

:func:`serve` starts Voilà in a session of its own (so that Ctrl-C in the terminal reaches auditkit, not
Voilà directly), forwards SIGTERM and Ctrl-C to it as SIGTERM (Voilà then shuts its kernels down), and,
once Voilà has exited or after a grace period, ends whatever descendant is still running. The port is free
when :func:`serve` returns. :func:`workshop_command` is the Voilà command line of a workshop: the bundled
workshop pages, pre-started kernels for the expected room, idle kernels culled, an access token, and a
session folder given to every kernel through :data:`~auditkit.workshop.session.ENVIRONMENT`.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import secrets
import signal
import socket
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

from auditkit.resources import notebooks_dir

__all__ = [
    "GRACE_SECONDS",
    "WORKSHOP_CULL_MINUTES",
    "WorkshopServer",
    "serve",
    "serve_workshop",
    "workshop_command",
    "workshop_notebooks",
]

GRACE_SECONDS = 15.0
"""How long Voilà gets to shut its kernels down after SIGTERM before what is left is killed."""
WORKSHOP_CULL_MINUTES = 120.0
"""Idle minutes after which a workshop kernel is stopped, unless ``--cull-minutes`` says otherwise: longer
than a session, because Voilà's culling also stops the pre-started kernels waiting for a participant."""
HOME = "home.ipynb"
"""The workshop page ``auditkit app --workshop`` opens first."""
KERNEL_POOLS = {"quiz.ipynb": 1.25, "training.ipynb": 0.25, "home.ipynb": 0.1, "facilitator.ipynb": 0.0}
"""Pre-started kernels per page, as a share of the participants expected (at least one each): everyone
opens the quiz within a minute, some twice (a reload, the home page's link), hence a quarter more; the
training case comes later, when the pools have refilled."""
UNUSED_EXTENSIONS = ("jupyterlab-plotly", "anywidget")
"""JupyterLab extensions the workshop pages never need: Voilà would load them into every participant's
page (plotly.js alone is 5 MB of JavaScript to parse)."""
REFILL_DELAY_SECONDS = 120
"""How long Voilà waits before replacing a pre-started kernel a page took. Voilà queues the replacement
in the pool at once and hands it to a page even while it waits, so a page that finds every ready kernel
taken waits up to this long: the quiz's pool has spare kernels for reloads and latecomers
(:data:`KERNEL_POOLS`). Replacing at once would start twenty kernels while the room arrives, and slow
every page (median 23 s to the first question instead of 3 s for a room of 20 on a 2-core laptop)."""


def workshop_notebooks() -> Path:
    """The bundled folder of workshop pages."""
    return notebooks_dir() / "workshop"


@dataclass(frozen=True)
class WorkshopServer:
    """What a workshop's Voilà serves, and where."""

    folder: Path
    port: int
    host: str
    participants: int
    cull_minutes: float
    token: str

    def pools(self) -> dict[str, dict[str, int]]:
        """Voilà's kernel pools: pre-started kernels for each page."""
        return {
            page: {"pool_size": max(1, math.ceil(share * self.participants))}
            for page, share in KERNEL_POOLS.items()
        }

    def address(self, page: str = HOME) -> str:
        """The address of ``page``, with the access token (for the host the server listens on)."""
        host = self.host
        if host in ("127.0.0.1", "::1"):
            host = "localhost"
        elif host in ("0.0.0.0", "::"):
            host = socket.gethostname()
        return f"http://{host}:{self.port}/voila/render/{page}?token={self.token}"


def workshop_command(server: WorkshopServer) -> list[str]:
    """The Voilà command line that serves the workshop pages for ``server``."""
    command = [
        sys.executable,
        "-m",
        "voila",
        str(workshop_notebooks()),
        f"--port={server.port}",
        "--Voila.port_retries=0",
        f"--Voila.ip={server.host}",
        f"--Voila.token={server.token}",
        "--no-browser",
        "--VoilaConfiguration.preheat_kernel=True",
        f"--VoilaKernelManager.kernel_pools_config={json.dumps(server.pools())}",
        f"--VoilaKernelManager.fill_delay={REFILL_DELAY_SECONDS}",
        f"--VoilaConfiguration.extension_denylist={json.dumps(list(UNUSED_EXTENSIONS))}",
    ]
    if server.cull_minutes > 0:
        seconds = round(server.cull_minutes * 60)
        command += [
            f"--MappingKernelManager.cull_idle_timeout={seconds}",
            f"--MappingKernelManager.cull_interval={min(60, seconds)}",
            "--MappingKernelManager.cull_connected=False",
        ]
    return command


def _descendants(pid: int) -> list[Any]:
    """The processes started by ``pid``, their children included (kernels run in sessions of their own),
    as ``psutil.Process`` objects: ending one later never hits another process that reused its id."""
    try:
        import psutil
    except ImportError:  # psutil comes with IPython; without it, Voilà's own shutdown is relied on
        return []
    try:
        return list(psutil.Process(pid).children(recursive=True))
    except psutil.Error:
        return []


def _end(processes: Sequence[Any], grace: float) -> None:
    """SIGTERM each of ``processes`` still running, then SIGKILL those left after ``grace`` seconds."""
    import psutil

    running = [process for process in processes if process.is_running()]
    for process in running:
        with contextlib.suppress(psutil.Error):
            process.terminate()
    _gone, alive = psutil.wait_procs(running, timeout=grace)
    for process in alive:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(alive, timeout=grace)


def serve(
    command: Sequence[str], environment: Mapping[str, str] | None = None, grace: float = GRACE_SECONDS
) -> int:
    """Run ``command`` (a Voilà server) until it exits or auditkit gets SIGTERM or Ctrl-C; then stop it
    and every process it started. Returns Voilà's exit status, or 130 after Ctrl-C (143 after SIGTERM)."""
    server = subprocess.Popen(list(command), env=dict(environment or os.environ), start_new_session=True)
    stopped_by: list[int] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        stopped_by.append(signum)
        server.send_signal(signal.SIGTERM)

    previous = {number: signal.signal(number, stop) for number in (signal.SIGTERM, signal.SIGINT)}
    known: dict[int, Any] = {}
    try:
        while server.poll() is None and not stopped_by:
            known.update((process.pid, process) for process in _descendants(server.pid))
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.wait(timeout=1)
        known.update((process.pid, process) for process in _descendants(server.pid))
        try:
            server.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if known:
            _end(list(known.values()), grace=2)
    if stopped_by:
        return 130 if stopped_by[0] == signal.SIGINT else 128 + signal.SIGTERM
    return server.returncode


def serve_workshop(
    folder: Path, port: int, host: str, participants: int, cull_minutes: float | None, language: str
) -> int:
    """``auditkit app --workshop DIR``: create the session in ``folder`` if needed (in ``language``), print
    the addresses and the access token, and serve the workshop pages until stopped.

    Raises:
        AuditkitError: Voilà is not installed, or ``folder`` cannot hold a session.
    """
    import importlib.util

    from auditkit.errors import AuditkitError
    from auditkit.locale import msg
    from auditkit.workshop.session import ENVIRONMENT, open_workshop

    if importlib.util.find_spec("voila") is None:
        raise AuditkitError(msg("cli.app.no_voila"))
    workshop = open_workshop(folder, language=language)
    minutes = WORKSHOP_CULL_MINUTES if cull_minutes is None else cull_minutes
    server = WorkshopServer(folder.resolve(), port, host, max(1, participants), minutes, secrets.token_hex(4))
    kernels = sum(pool["pool_size"] for pool in server.pools().values())
    print(
        msg(
            "workshop.app.serving",
            folder=str(server.folder),
            count=server.participants,
            kernels=kernels,
            home=server.address(),
            facilitator=server.address("facilitator.ipynb"),
            token=server.token,
        )(workshop.settings.language),
        flush=True,
    )
    quiet = {"PYTHONWARNINGS": "ignore::DeprecationWarning"}  # traitlets on the JSON pools option
    return serve(workshop_command(server), {**os.environ, **quiet, ENVIRONMENT: str(server.folder)})
