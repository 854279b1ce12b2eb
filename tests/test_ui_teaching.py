"""The method taught at each step: a folded panel per notebook, in the audit's language, hidden when presenting."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import auditkit.rules  # noqa: F401  (registers the rules)
from auditkit.findings import RULES
from auditkit.locale import label, msg
from auditkit.model import Consultation, Language
from auditkit.resources import examples_dir
from auditkit.ui import session as session_module
from auditkit.ui.fields import field_label
from auditkit.ui.objectives import objectives_step
from auditkit.ui.session import AuditSession
from auditkit.ui.steps import STEPS
from auditkit.ui.teaching import (
    AUDIENCES,
    CLASSIC_ERRORS,
    CLIENT_QUESTIONS,
    LESSONS,
    NINE_STEPS,
    TEACHING_CLASS,
    lesson_html,
    lesson_messages,
    teaching_panel,
)
from auditkit.ui.toolbar import PRESENTING_CLASS, STYLE

LANGUAGES = ("en", "fr")
STEP_KEYS = [step.key for step in STEPS]
INTERVIEW_FIELDS = (
    ("Stakeholder", "platforms"),
    ("PlatformUse", "share"),
    ("PlatformUse", "level"),
    ("Stakeholder", "consultation"),
    ("Stakeholder", "consultation_note"),
)


class _Pending:
    """A delayed save that never runs: these tests read the session, not the file."""

    def cancel(self) -> None:
        """Nothing to cancel."""


def _never(_delay: float, _action: Callable[[], None]) -> _Pending:
    return _Pending()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AuditSession]:
    path = tmp_path / "client.audit.json"
    shutil.copyfile(examples_dir() / "boulangerie-martin.audit.json", path)
    yield AuditSession(path, timer=_never)
    session_module._SESSIONS.clear()


def _ids(step: str) -> set[str]:
    return {message.id for message in lesson_messages(step)}


def _taught_at(prefix: str) -> dict[str, set[str]]:
    """For each message id starting with ``prefix``, the steps (other than the start's map) that teach it."""
    places: dict[str, set[str]] = {}
    for step in STEP_KEYS:
        lesson = LESSONS[step]
        for message_id in _ids(step):
            if message_id.startswith(prefix) and (step != "start" or lesson.nine):
                places.setdefault(message_id, set()).add(step)
    return places


def _read(markup: str) -> str:
    """What a person reads of the panel: no style sheet, no tags."""
    return html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", markup, flags=re.DOTALL))


def _walk(widget: Any) -> Iterator[Any]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("step", STEP_KEYS)
def test_every_step_has_a_folded_panel_in_both_languages(step: str, lang: str) -> None:
    markup = lesson_html(step, lang)
    assert re.search(r"<details[^>]*>\s*<summary>", markup) and "<details open" not in markup
    headings = re.findall(r"<h4>(.*?)</h4>", markup)
    assert len(headings) >= 3, headings
    assert len(_read(markup).split()) > 120, "a panel says what the method asks, with examples and pitfalls"


def test_the_two_languages_say_different_words() -> None:
    for step in STEP_KEYS:
        assert _read(lesson_html(step, "en")) != _read(lesson_html(step, "fr"))


def test_each_of_the_nine_steps_is_taught_once_where_it_applies() -> None:
    places = _taught_at("teaching.nine.")
    for number in NINE_STEPS:
        assert len(places.get(f"teaching.nine.{number}.why", set())) == 1, number
    assert places["teaching.nine.1.why"] == {"objectives"}
    assert places["teaching.nine.2.why"] == {"environment"}
    assert places["teaching.nine.6.why"] == {"strategy"}


def test_the_start_step_maps_the_nine_steps_to_their_notebooks() -> None:
    ids = _ids("start")
    assert {f"teaching.nine.{number}.name" for number in NINE_STEPS} <= ids
    text = _read(lesson_html("start", "en"))
    assert "in notebook 02 · Environment" in text


def test_each_classic_error_is_taught_and_is_a_rule() -> None:
    places = _taught_at("teaching.error.")
    assert set(CLASSIC_ERRORS) <= set(RULES)
    for rule in CLASSIC_ERRORS:
        assert places.get(f"teaching.error.{rule}.signs"), rule
    assert places["teaching.error.ERR-NOT-MEASURING.signs"] == {"scoring"}
    assert "ERR-URGENCY" in _read(lesson_html("strategy", "fr"))


def test_each_of_the_four_questions_is_taught() -> None:
    places = _taught_at("teaching.question.")
    for key in CLIENT_QUESTIONS:
        assert places.get(f"teaching.question.{key}.answer"), key
    assert places["teaching.question.new_network.answer"] == {"channels"}
    assert places["teaching.question.roi.answer"] == {"scoring"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_interview_guide_covers_every_way_of_consulting_and_names_the_fields(lang: str) -> None:
    ids = _ids("environment")
    assert {f"teaching.interview.method.{kind.value}" for kind in Consultation} <= ids
    assert {f"teaching.interview.{audience}.{n}" for audience in AUDIENCES for n in (1, 2, 3)} <= ids
    markup = lesson_html("environment", lang)
    guide = msg("teaching.interview.title")(lang)
    assert re.search(rf"<details><summary>{re.escape(html.escape(guide, quote=False))}</summary>", markup)
    text = _read(markup)
    for kind in Consultation:
        assert label(kind)(lang) in text, kind
    for model, name in INTERVIEW_FIELDS:
        assert field_label(model, name)(lang) in text, name
    example = text.split(_read(msg("teaching.interview.heading.example")(lang)))[1]
    for model, name in (INTERVIEW_FIELDS[0], *INTERVIEW_FIELDS[3:]):
        assert field_label(model, name)(lang) in example, name
    assert not any(
        message.startswith("teaching.interview.") for step in STEP_KEYS[3:] for message in _ids(step)
    )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("step", STEP_KEYS)
def test_no_markdown_mark_is_left_in_the_panel(step: str, lang: str) -> None:
    markup = lesson_html(step, lang)
    assert "<h4>" in markup and "<li>" in markup
    text = _read(markup)
    assert not re.search(r"\*|`|__|\]\(|^\s*(#|- |\d+\. )", text, flags=re.MULTILINE), text
    assert not re.search(r"[«»]\s*[«»]", text), "a French quotation mark doubled by the typography"


def test_the_panel_carries_the_class_presentation_mode_hides(session: AuditSession) -> None:
    panel = teaching_panel(session, "objectives")
    assert TEACHING_CLASS in panel._dom_classes
    assert f".{TEACHING_CLASS} " in STYLE and PRESENTING_CLASS in STYLE
    box = objectives_step(session)
    assert [TEACHING_CLASS in item._dom_classes for item in _walk(box)].count(True) == 1


def test_the_panel_is_in_the_audit_language_and_follows_it(session: AuditSession) -> None:
    panel = teaching_panel(session, "environment")
    assert "Guide d'entretien" in panel.value
    session.set(("engagement", "language"), Language.EN)
    assert "Interview guide" in panel.value


def test_every_word_of_every_panel_comes_from_the_catalogue(pseudo_locale: str) -> None:
    for step in STEP_KEYS:
        text = _read(lesson_html(step, pseudo_locale))
        while re.search(r"⟦[^⟦⟧]*⟧", text):
            text = re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
        assert not re.findall(r"[^\W\d_]{2,}", text), (step, text)
