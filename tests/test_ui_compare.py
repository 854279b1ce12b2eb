"""Notebooks 08 and 09 in process: two rounds compared and exported, and the workspace's portfolio."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from auditkit import store
from auditkit.compare import compare_runs
from auditkit.resources import example_audits
from auditkit.run import AuditRun
from auditkit.ui import session as session_module
from auditkit.ui.compare import CompareView, PortfolioView, compare_step, explain_page, portfolio_step
from auditkit.ui.session import AuditSession

XSS = '<img src=x onerror="alert(1)">'


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Path]:
    """Every shipped example (the bakery's three rounds among them) in one workspace folder."""
    for path in example_audits():
        shutil.copyfile(path, tmp_path / path.name)
    yield tmp_path
    session_module._SESSIONS.clear()


def _session(folder: Path, name: str, language: str | None = None) -> AuditSession:
    session = AuditSession(folder / name)
    if language is not None:
        session.audit.engagement.language = language  # type: ignore[assignment]
    return session


@pytest.mark.parametrize(("language", "resolved"), [("fr", "constats résolus"), ("en", "findings resolved")])
def test_defaults_to_this_audit_and_its_previous_round_with_the_findings_counted(
    workspace: Path, language: str, resolved: str
) -> None:
    view = CompareView(_session(workspace, "boulangerie-martin-round2.audit.json", language))
    assert (view.earlier.value, view.later.value) == (
        "boulangerie-martin.audit.json",
        "boulangerie-martin-round2.audit.json",
    )
    expected = compare_runs(
        AuditRun(store.load(workspace / "boulangerie-martin.audit.json")),
        AuditRun(store.load(workspace / "boulangerie-martin-round2.audit.json")),
    )
    count = len(expected.findings_with("resolved"))
    assert count > 0 and f"{count} {resolved}" in view.result.value
    assert "<h4>" in view.result.value and "auditkit-notice" not in view.result.value
    assert explain_page(view.session, "compare").data.startswith("## 08 · ")


def test_three_rounds_apart_show_the_trajectory(workspace: Path) -> None:
    view = CompareView(_session(workspace, "boulangerie-martin-round3.audit.json", "en"))
    assert "Over the rounds" not in view.result.value
    view.earlier.value = "boulangerie-martin.audit.json"
    assert len(view.trends().runs) == 3
    assert "Over the rounds" in view.result.value and "Round 3" in view.result.value


def test_export_writes_the_page_in_the_workspace_and_refuses_a_path(workspace: Path) -> None:
    view = CompareView(_session(workspace, "boulangerie-martin-round3.audit.json"))
    path = view.export()
    assert path is not None and path.parent == workspace and path.name.endswith("comparaison.html")
    assert "<!DOCTYPE html>" in path.read_text(encoding="utf-8")
    assert str(workspace) not in view.message.value and path.name in view.message.value
    view.file_name.value = "../outside"
    assert view.export() is None
    assert "auditkit-error" in view.message.value and not (workspace.parent / "outside.html").exists()


def test_rounds_that_cannot_be_compared_say_why(workspace: Path) -> None:
    view = CompareView(_session(workspace, "boulangerie-martin-round3.audit.json", "en"))
    view.earlier.value = view.later.value
    assert "The same file is chosen twice" in view.result.value
    view.earlier.value = "mairie-saint-clement.audit.json"
    assert "auditkit-notice" in view.result.value and "Mairie de Saint-Clément" in view.result.value
    assert view.export() is None


def test_a_single_round_in_the_folder_asks_for_the_earlier_one(tmp_path: Path) -> None:
    bakery = next(path for path in example_audits() if path.name == "boulangerie-martin-round2.audit.json")
    shutil.copyfile(bakery, tmp_path / bakery.name)
    view = CompareView(_session(tmp_path, bakery.name, "en"))
    assert view.earlier.value is None
    assert "holds no other audit file" in view.result.value
    session_module._SESSIONS.clear()


def test_portfolio_lists_filters_sorts_and_links_each_client(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workspace / "broken.audit.json").write_text("{", encoding="utf-8")
    source = (workspace / "asso-velo-solidaire.audit.json").read_text(encoding="utf-8")
    (workspace / "xss.audit.json").write_text(
        source.replace('"client": "', f'"client": "{XSS.replace(chr(34), chr(92) + chr(34))} ', 1),
        encoding="utf-8",
    )
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5")
    view = PortfolioView(_session(workspace, "boulangerie-martin.audit.json", "en"))
    assert len(view.rows()) == 5
    assert XSS not in view.table.value and "&lt;img src=x" in view.table.value
    assert "00_start.ipynb?audit=boulangerie-martin-round3.audit.json" in view.table.value
    assert "broken.audit.json" in view.widget.children[-1].value
    view.filter.value = "  BOULANGERIE "
    assert [row.client for row in view.rows()] == ["Boulangerie Martin"]
    view.filter.value = ""
    view.sort.value = "score"
    scores = [row.overall for row in view.rows()]
    assert scores == sorted(scores, key=lambda value: -(value or 0))
    assert explain_page(view.session, "portfolio").data.startswith("## 09 · ")


def test_both_pages_carry_the_bar_and_the_style_of_the_steps(workspace: Path) -> None:
    session = _session(workspace, "boulangerie-martin-round3.audit.json")
    for page in (compare_step(session), portfolio_step(session)):
        assert "auditkit-step" in page._dom_classes
        assert any("auditkit-toolbar" in child._dom_classes for child in page.children)
