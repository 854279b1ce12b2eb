"""The roadmap widget says what else a move sent elsewhere, and why (in-process, no browser)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from auditkit.resources import example_audits
from auditkit.roadmap import ChangeKind
from auditkit.ui import session as session_module
from auditkit.ui.roadmap import RoadmapView
from auditkit.ui.session import AuditSession

BAKERY = next(path for path in example_audits() if path.name == "boulangerie-martin.audit.json")


@pytest.fixture
def view(tmp_path: Path) -> Iterator[RoadmapView]:
    path = tmp_path / "client.audit.json"
    shutil.copyfile(BAKERY, path)
    session = AuditSession(path)
    session.audit.organisation.hours_per_week = 20.0
    yield RoadmapView(session)
    session_module._SESSIONS.clear()


def _walk(widget: Any) -> Iterator[Any]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _find(root: Any, css_class: str) -> Any:
    return next(item for item in _walk(root) if css_class in getattr(item, "_dom_classes", ()))


def _plain(text: str) -> str:
    """HTML text with apostrophes unescaped and French no-break spaces as plain ones."""
    return text.replace("&#x27;", "'").replace("\u202f", " ").replace("\u00a0", " ")


def test_moving_an_action_says_what_moved_with_it_and_why(view: RoadmapView) -> None:
    dependent = next(a for a in view.roadmap.actions if "str-editorial-line" in a.depends_on and a.stage < 6)
    view.select.value = "str-editorial-line"
    _find(view.detail, "auditkit-roadmap-stage").value = 6
    assert view.roadmap.action(dependent.id).stage == 6
    shown = _plain(view.message.value)
    assert "Ce qui a bougé avec, et pourquoi :" in shown
    assert _plain(f"« {dependent.title('fr')} » passe au mois 6 avec") in shown
    assert "dont elle dépend" in shown
    kinds = {change.kind for change in view.roadmap.action(dependent.id).changes}
    assert ChangeKind.MOVED_WITH_DEPENDENCY in kinds
    view.select.value = dependent.id
    why = _plain(_find(view.detail, "auditkit-roadmap-why").value)
    assert "passe au mois 6 avec" in why and "Priorité : " in why
