"""Layouts and styles shared by widgets that never change theirs."""

from __future__ import annotations

import shutil
from pathlib import Path

import ipywidgets as widgets
from ui_samples import ManualTimer

from auditkit.resources import default_example
from auditkit.ui.fields import LABEL_WIDTH
from auditkit.ui.layouts import fixed_layout, plain_button_style, plain_text_style
from auditkit.ui.objectives import objectives_step
from auditkit.ui.session import AuditSession


def test_one_layout_per_setting() -> None:
    assert fixed_layout(width="15em") is fixed_layout(width="15em")
    assert fixed_layout(width="15em") is not fixed_layout(width="16em")
    assert fixed_layout(width="15em").width == "15em"
    assert plain_text_style() is plain_text_style() and plain_button_style() is plain_button_style()


def test_the_captions_of_a_step_share_one_layout_and_style(tmp_path: Path) -> None:
    path = tmp_path / "client.audit.json"
    shutil.copyfile(default_example(), path)
    session = AuditSession(path, timer=ManualTimer())

    def walk(widget: widgets.Widget) -> list[widgets.Widget]:
        return [widget, *(item for child in getattr(widget, "children", ()) for item in walk(child))]

    shown = walk(objectives_step(session))
    captions = [item for item in shown if isinstance(item, widgets.HTML) and item.layout.width == LABEL_WIDTH]
    assert len(captions) > 5
    assert len({id(caption.layout) for caption in captions}) == 1
    assert len({id(caption.style) for caption in captions}) == 1
