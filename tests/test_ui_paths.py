"""File names typed in the widgets stay in the workspace; the current audit belongs to one browser (issue 15).

The attacks of the issue, replayed: "Create" with ``../../outside/planted``, "Open" with a path outside,
a report named ``../outside/made/by-participant``, links leading out of the folder, and one participant
of ``auditkit app`` redirecting everyone's current audit.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditkit import store
from auditkit.errors import AuditkitError
from auditkit.model import Language
from auditkit.resources import examples_dir
from auditkit.ui import session as session_module
from auditkit.ui.common import explain
from auditkit.ui.report import ReportView
from auditkit.ui.roadmap import RoadmapView
from auditkit.ui.session import CURRENT_POINTER, AuditSession, open_session, resolve_audit_path
from auditkit.ui.start import StartPanel
from auditkit.ui.workspace import NAME_LIMIT, workspace_path

EXAMPLE = examples_dir() / "boulangerie-martin.audit.json"
APP = {"SERVER_SOFTWARE": "voila/0.5.13"}
"""What Voilà puts in the environment of a page's kernel (with the page's ``QUERY_STRING``)."""


class NoTimer:
    """Saves never run by themselves: the tests flush when they mean to."""

    def __call__(self, delay: float, action: object) -> NoTimer:
        return self

    def cancel(self) -> None:
        pass


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``tmp_path/outside`` beside the workspace ``tmp_path/work/space``, each holding audits (in English)."""
    workspace = tmp_path / "work" / "space"
    (tmp_path / "outside").mkdir()
    workspace.mkdir(parents=True)
    english = store.load(EXAMPLE)
    english.engagement.language = Language.EN
    for name in ("my-audit", "second"):
        store.save(english, workspace / f"{name}.audit.json")
    shutil.copyfile(EXAMPLE, tmp_path / "outside" / "theirs.audit.json")
    return workspace


@pytest.fixture
def session(tree: Path) -> Iterator[AuditSession]:
    yield AuditSession(tree / "my-audit.audit.json", timer=NoTimer())
    session_module._SESSIONS.clear()
    session_module._CURRENT.clear()


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tree: Path) -> Path:
    """This kernel serves a page of ``auditkit app`` from the workspace."""
    for name, value in APP.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("QUERY_STRING", "")
    monkeypatch.chdir(tree)
    return tree


def everything_under(folder: Path) -> dict[str, bytes]:
    return {str(path): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


# -- one check -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["acme-2026", " Café des Arts ", "v1.2", "..hidden-dots", "x" * 250])
def test_a_name_is_a_file_of_the_workspace(tree: Path, typed: str) -> None:
    assert workspace_path(tree, typed) == tree / typed.strip()
    assert workspace_path(tree, typed, ".html").name == typed.strip() + ".html"
    assert workspace_path(tree, "plan.csv", ".csv") == tree / "plan.csv"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "no file name given"),
        ("   ", "no file name given"),
        ("..", "is a path, not a file name"),
        (".", "is a path, not a file name"),
        ("../../outside/planted", "“../../outside/planted” is a path, not a file name"),
        ("/etc/passwd", "“/etc/passwd” is a path, not a file name"),
        ("sub/name", "is a path, not a file name"),
        ("..\\outside", "is a path, not a file name"),
        ("name\x0bwith-a-tab", "“name\\x0bwith-a-tab” is a path"),
        ("x" * (NAME_LIMIT + 1), f"at most {NAME_LIMIT}"),
    ],
)
def test_a_path_is_refused_with_what_was_typed_and_what_is_valid(tree: Path, typed: str, says: str) -> None:
    with pytest.raises(AuditkitError) as refused:
        workspace_path(tree, typed)
    assert says in refused.value.text("en")
    assert refused.value.text("fr") != refused.value.text("en")


def test_a_link_leading_out_of_the_workspace_is_refused(tree: Path) -> None:
    (tree / "trap.html").symlink_to(tree.parent.parent / "outside" / "theirs.audit.json")
    (tree / "loop").symlink_to(tree / "loop")
    (tree / "inside.audit.json").symlink_to(tree / "second.audit.json")
    for typed in ("trap", "loop"):
        with pytest.raises(AuditkitError, match="leads outside the workspace folder “space”"):
            workspace_path(tree, typed, ".html" if typed == "trap" else "")
    assert workspace_path(tree, "inside.audit.json") == tree / "inside.audit.json"


# -- the widgets ---------------------------------------------------------------------------------------


def test_create_with_a_path_outside_creates_nothing(tree: Path, session: AuditSession) -> None:
    before = everything_under(tree.parent.parent)
    panel = StartPanel(session, tree)
    panel.client.value = "Planted"
    panel.language.value = Language.EN
    for typed in ("../../outside/planted", str(tree.parent.parent / "outside" / "planted")):
        panel.file_name.value = typed
        assert not panel.create()
        assert "is a path, not a file name" in panel.message.value
    assert everything_under(tree.parent.parent) == before
    assert not (tree.parent.parent / "outside" / "planted.audit.json").exists()
    assert session.path == tree / "my-audit.audit.json"


def test_open_with_a_path_outside_changes_nothing(tree: Path, session: AuditSession) -> None:
    theirs = tree.parent.parent / "outside" / "theirs.audit.json"
    (tree / "link.audit.json").symlink_to(theirs)
    before = everything_under(tree.parent.parent)
    panel = StartPanel(session, tree)
    assert "link.audit.json" not in panel.files.options
    for typed in (str(theirs), "../../outside/theirs.audit.json", "link.audit.json"):
        assert not panel.open(typed)
        assert "⚠" in panel.message.value
    assert session.path == tree / "my-audit.audit.json"
    assert not (tree / CURRENT_POINTER).exists()
    session.set(("notes",), "Autosaved notes.")
    assert session.flush()
    assert store.load(tree / "my-audit.audit.json").notes == "Autosaved notes."
    assert store.load(theirs).revision == store.load(EXAMPLE).revision
    del before[str(tree / "my-audit.audit.json")]
    after = everything_under(tree.parent.parent)
    del after[str(tree / "my-audit.audit.json")]
    after.pop(str(tree / "my-audit.audit.json.bak"), None)
    assert after == before


def test_report_named_outside_the_workspace_is_not_written(tree: Path, session: AuditSession) -> None:
    outside = tree.parent / "outside"
    target = tree.parent.parent / "outside" / "theirs.audit.json"
    (tree / "trap.html").symlink_to(target)
    kept = target.read_bytes()
    view = ReportView(session, tree)
    for typed in ("../outside/made/by-participant", str(outside / "abs"), "trap"):
        view.file_name.value = typed
        assert view.export() == []
        assert "auditkit-error" in view.message.value
    assert not outside.exists()
    assert target.read_bytes() == kept
    view.file_name.value = "client-report"
    assert view.export() == [tree / "client-report.html"]


def test_roadmap_export_named_outside_the_workspace_is_not_written(tree: Path, session: AuditSession) -> None:
    view = RoadmapView(session, tree)
    for typed in ("../outside/plan", "/tmp/plan", ".."):
        view.file_name.value = typed
        assert view.export() is None
        assert "is a path, not a file name" in view.export_message.value
    assert not (tree.parent / "outside").exists()
    view.file_name.value = "plan"
    assert view.export() == tree / f"plan{view.format.value}"


# -- the current audit ----------------------------------------------------------------------------------


def kernel_of_another_browser(workspace: Path, query: str = "") -> str:
    """The audit a new page of ``auditkit app`` opens, in a kernel of its own (a separate process)."""
    code = "from auditkit.ui.session import resolve_audit_path; print(resolve_audit_path(None).name)"
    env = {**os.environ, **APP, "QUERY_STRING": query}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=workspace, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_in_the_app_one_browser_choice_does_not_change_another(app: Path, session: AuditSession) -> None:
    (app / CURRENT_POINTER).write_text("second.audit.json\n", encoding="utf-8")
    assert resolve_audit_path(None) == app / "my-audit.audit.json", "a shared pointer file is never read"
    (app / CURRENT_POINTER).unlink()
    panel = StartPanel(session, app)
    assert panel.open("second.audit.json")
    assert resolve_audit_path(None) == app / "second.audit.json"
    assert not (app / CURRENT_POINTER).exists(), "nor written"
    assert kernel_of_another_browser(app) == "my-audit.audit.json"
    assert 'href="01_objectives.ipynb?audit=second.audit.json"' in panel.message.value
    assert kernel_of_another_browser(app, "audit=second.audit.json") == "second.audit.json"
    assert "(02_environment.ipynb?audit=second.audit.json)" in explain(session, "objectives").data


def test_an_address_naming_a_file_outside_opens_the_default(
    app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = everything_under(app.parent.parent)
    for query in ("audit=../../outside/theirs.audit.json", "audit=/etc/passwd", "audit=missing.audit.json"):
        monkeypatch.setenv("QUERY_STRING", query)
        session = open_session(None, timer=NoTimer())
        assert session.path == app / "my-audit.audit.json"
        assert "is not an audit file of the workspace folder" in session.notice.value
        session_module._SESSIONS.clear()
    assert everything_under(app.parent.parent) == before


def test_in_jupyterlab_the_current_audit_is_a_name_in_the_workspace(
    tree: Path, session: AuditSession
) -> None:
    panel = StartPanel(session, tree)
    assert panel.open("second.audit.json")
    assert (tree / CURRENT_POINTER).read_text(encoding="utf-8") == "second.audit.json\n"
    assert "(02_environment.ipynb)" in explain(session, "objectives").data
    session_module._CURRENT.clear()
    assert resolve_audit_path(None, tree) == tree / "second.audit.json"
    for planted in (
        "../../outside/theirs.audit.json",
        str(tree.parent.parent / "outside" / "theirs.audit.json"),
    ):
        (tree / CURRENT_POINTER).write_text(planted + "\n", encoding="utf-8")
        assert resolve_audit_path(None, tree) == tree / "my-audit.audit.json"


def test_voila_pages_carry_the_audit_from_page_to_page(tmp_path: Path) -> None:
    from auditkit.cli import main

    workspace = tmp_path / "workspace"
    assert main(["init", str(workspace)]) == 0
    second = store.load(workspace / "my-audit.audit.json")
    second.engagement.client = "Second Client Of The Workshop"
    store.save(second, workspace / "second.audit.json")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "auditkit", "app", str(workspace), "--port", str(port)]
    server = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    address = f"http://127.0.0.1:{port}/voila/render/01_objectives.ipynb"
    try:
        pages = {query: _page(f"{address}{query}", server) for query in ("?audit=second.audit.json", "")}
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    assert "second.audit.json" in pages["?audit=second.audit.json"]
    assert "02_environment.ipynb?audit=second.audit.json" in pages["?audit=second.audit.json"]
    assert "second.audit.json" not in pages[""]
    assert not (workspace / CURRENT_POINTER).exists()


def _page(address: str, server: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(address, timeout=30) as answer:
                page: str = answer.read().decode("utf-8")
                return page
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"Voilà did not serve {address}")
