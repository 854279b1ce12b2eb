"""The consultant's words and set-aside findings in the report notebook, in process: typed or clicked,
saved in the audit file, shown again when the notebook runs anew, and in the report."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
from ui_samples import ManualTimer

from auditkit import store
from auditkit.model import ReportSection
from auditkit.report import render_report
from auditkit.resources import examples_dir
from auditkit.ui import session as session_module
from auditkit.ui.commentary import CommentaryEditor
from auditkit.ui.findings import FindingsView
from auditkit.ui.report import report_step
from auditkit.ui.session import AuditSession

EXAMPLE = examples_dir() / "boulangerie-martin.audit.json"
PAYLOAD = "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"


@pytest.fixture
def audit_file(tmp_path: Path) -> Path:
    path = tmp_path / "client.audit.json"
    shutil.copyfile(EXAMPLE, path)
    return path


@pytest.fixture
def timer() -> ManualTimer:
    return ManualTimer()


@pytest.fixture
def session(audit_file: Path, timer: ManualTimer) -> Iterator[AuditSession]:
    yield AuditSession(audit_file, timer=timer)
    session_module._SESSIONS.clear()


def walk(widget: Any) -> Iterator[Any]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def buttons(root: Any, css_class: str) -> list[widgets.Button]:
    return [item for item in walk(root) if css_class in getattr(item, "_dom_classes", ())]


def test_the_summary_and_a_comment_are_saved_previewed_and_shown_again(
    session: AuditSession, timer: ManualTimer, audit_file: Path
) -> None:
    editor = CommentaryEditor(session)

    editor.summary.box.value = "The bakery **knows its customers**.\n- first\n- second"
    editor.section(ReportSection.ROADMAP).box.value = "Start with *the intern*."
    timer.run()

    saved = store.load(audit_file).commentary
    assert saved.summary == "The bakery **knows its customers**.\n- first\n- second"
    assert saved.sections == {ReportSection.ROADMAP: "Start with *the intern*."}
    assert "<strong>knows its customers</strong>" in editor.summary.preview.value
    assert "<li>second</li>" in editor.summary.preview.value
    assert "auditkit-prose" in editor.summary.box._dom_classes

    session_module._SESSIONS.clear()
    again = CommentaryEditor(AuditSession(audit_file, timer=timer))
    assert again.summary.box.value == saved.summary
    assert again.section(ReportSection.ROADMAP).box.value == "Start with *the intern*."
    assert again.section(ReportSection.CONTEXT).box.value == ""


def test_an_emptied_comment_leaves_the_file(
    session: AuditSession, timer: ManualTimer, audit_file: Path
) -> None:
    editor = CommentaryEditor(session)
    box = editor.section(ReportSection.FINDINGS).box
    box.value = "A comment"
    timer.run()
    box.value = "   "
    timer.run()

    assert store.load(audit_file).commentary.sections == {}


def test_the_preview_shows_a_payload_as_text(session: AuditSession) -> None:
    editor = CommentaryEditor(session)
    editor.summary.box.value = PAYLOAD

    preview = editor.summary.preview.value
    assert "<script" not in preview and "<img" not in preview and "javascript:" not in _hrefs(preview)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in preview


def test_a_finding_is_set_aside_only_with_a_reason_and_can_be_restored(
    session: AuditSession, timer: ManualTimer, audit_file: Path
) -> None:
    view = FindingsView(session)
    row = next(row for row in view.findings.children if "STR-POLICY" in _rules_of(view, row))
    open_form, _ = row.children[0].children
    assert len(row.children) == 1, "the form is built when first asked for"
    open_form.click()
    assert row.children[1].layout.display == "flex"
    reason, actions, feedback = row.children[1].children
    confirm = actions.children[0]
    confirm.click()
    assert "reason" in feedback.value or "motif" in feedback.value
    assert session.audit.commentary.set_aside == []

    reason.value = "Four people: a *policy* would be a formality."
    confirm.click()
    timer.run()

    [entry] = store.load(audit_file).commentary.set_aside
    assert (entry.rule, entry.subject, entry.reason) == (
        "STR-POLICY",
        None,
        "Four people: a *policy* would be a formality.",
    )
    assert entry.by == session.audit.engagement.consultant and entry.on is not None
    assert "STR-POLICY" not in view.diagnosis.fired  # type: ignore[union-attr]
    [listed] = view.set_aside.children
    assert "<em>policy</em>" in listed.children[1].value

    listed.children[0].click()
    timer.run()
    assert store.load(audit_file).commentary.set_aside == []
    assert "STR-POLICY" in view.diagnosis.fired  # type: ignore[union-attr]


def test_a_finding_about_a_channel_is_set_aside_for_that_channel_only(
    session: AuditSession, timer: ManualTimer, audit_file: Path
) -> None:
    view = FindingsView(session)
    row = next(
        row
        for row in view.findings.children
        if "CH-DUPLICATE" in _rules_of(view, row) and "newsletter" in _subjects_of(view, row)
    )
    row.children[0].children[0].click()
    row.children[1].children[0].value = "Another list of readers"
    row.children[1].children[1].children[0].click()
    timer.run()

    [entry] = store.load(audit_file).commentary.set_aside
    assert (entry.rule, entry.subject) == ("CH-DUPLICATE", "newsletter")
    assert [f.subjects for f in view.diagnosis.for_rule("CH-DUPLICATE")] == [("facebook",)]  # type: ignore[union-attr]


def test_an_entry_that_sets_nothing_aside_can_be_removed(
    session: AuditSession, timer: ManualTimer, audit_file: Path
) -> None:
    session.set(("commentary", "set_aside"), [{"rule": "CH-SHINY", "reason": "Kept from last year"}])
    view = FindingsView(session)

    [row] = view.set_aside.children
    assert "auditkit-warning" in row.children[1].value
    row.children[0].click()
    timer.run()

    assert store.load(audit_file).commentary.set_aside == []


def test_notebook_edits_reach_the_report(session: AuditSession, timer: ManualTimer, audit_file: Path) -> None:
    step = report_step(session)
    commentary = next(
        item for item in walk(step) if "auditkit-commentary-summary" in getattr(item, "_dom_classes", ())
    )
    commentary.value = "Our *first* advice. " + PAYLOAD
    findings = FindingsView(session)
    row = next(row for row in findings.findings.children if "STR-POLICY" in _rules_of(findings, row))
    row.children[0].children[0].click()
    row.children[1].children[0].value = "Too small for a policy"
    row.children[1].children[1].children[0].click()
    timer.run()

    report = render_report(store.load(audit_file), "en")

    assert "Our <em>first</em> advice." in report
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "<script>alert" not in report
    appendix = report.split('id="set-aside"', 1)[1]
    assert "Too small for a policy" in appendix and "No social media policy" in appendix


def test_every_word_of_the_new_views_comes_from_the_catalogue(
    session: AuditSession, pseudo_locale: str
) -> None:
    session.audit.engagement.language = pseudo_locale
    session.set(
        ("commentary", "set_aside"),
        [{"rule": "CH-SHINY", "reason": "x"}, {"rule": "STR-POLICY", "reason": "x"}],
    )
    texts: list[str] = []
    findings, commentary = FindingsView(session), CommentaryEditor(session)
    for row in findings.findings.children:
        row.children[0].children[0].click()
    for section in ReportSection:
        commentary.section(section)
    for view in (findings, commentary):
        for item in walk(view.widget):
            if isinstance(item, widgets.HTML):
                texts.append(
                    html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", item.value, flags=re.DOTALL))
                )
            texts += [str(getattr(item, name, "") or "") for name in ("description", "placeholder")]
        if isinstance(view, CommentaryEditor):
            texts += [view.accordion.get_title(i) for i in range(len(view.accordion.children))]
    typed = session.audit.model_dump_json()
    allowed = set(re.findall(r"\w+", typed))
    outside: set[str] = set()
    for text in texts:
        while re.search(r"⟦[^⟦⟧]*⟧", text):
            text = re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
        outside.update(word for word in re.findall(r"[^\W\d_]{2,}", text) if word not in allowed)
    assert not outside, f"words not from the catalogue: {sorted(outside)}"


def _rules_of(view: FindingsView, row: Any) -> str:
    index = list(view.findings.children).index(row)
    return view.diagnosis.findings[index].rule  # type: ignore[union-attr]


def _subjects_of(view: FindingsView, row: Any) -> tuple[str, ...]:
    index = list(view.findings.children).index(row)
    return view.diagnosis.findings[index].subjects  # type: ignore[union-attr]


def _hrefs(markup: str) -> str:
    return " ".join(re.findall(r'href="([^"]*)"', markup))
