"""The quiz bank: valid, complete in both languages, every reference real, scored by category."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from auditkit.diagnose import RULES
from auditkit.findings import Theme
from auditkit.locale import catalogue
from auditkit.workshop.quiz import (
    METHOD_SECTIONS,
    TRUE_FALSE,
    Kind,
    QuizBank,
    bank_path,
    load_bank,
    score,
    section_title,
)

DOMAIN = Path("/work/shared/DOMAIN.md")


@pytest.fixture(scope="module")
def bank() -> QuizBank:
    return load_bank()


def test_the_bank_has_at_least_sixty_questions_of_every_kind(bank: QuizBank) -> None:
    assert len(bank.questions) >= 60
    assert {question.kind for question in bank.questions} == set(Kind)


def test_every_category_of_the_method_has_questions(bank: QuizBank) -> None:
    assert all(len(bank.in_category(theme)) >= 4 for theme in Theme)


def test_every_question_exists_in_both_languages(bank: QuizBank) -> None:
    raw = json.loads(bank_path().read_text(encoding="utf-8"))["questions"]
    texts = ("prompt", "explanation", "situation")
    for question in raw:
        for key in texts:
            if key in question:
                assert set(question[key]) == {"fr", "en"}, (question["id"], key)
        for option in question.get("options", []):
            assert option["fr"].strip() and option["en"].strip(), question["id"]
    for question in bank.questions:
        assert question.prompt("fr") != question.prompt("en"), question.id


def test_every_rule_cited_exists(bank: QuizBank) -> None:
    cited = {rule_id for question in bank.questions for rule_id in question.rules}
    assert cited <= set(RULES)
    assert len(cited) >= 30, "the bank should teach most of the rules"


def test_every_section_cited_exists_in_the_method(bank: QuizBank) -> None:
    cited = {section for question in bank.questions for section in question.sections}
    assert cited <= set(METHOD_SECTIONS)
    for lang in ("fr", "en"):
        assert all(section_title(section)(lang) for section in METHOD_SECTIONS)
    if DOMAIN.exists():
        headings = set(map(int, re.findall(r"^## (\d+)\. ", DOMAIN.read_text(encoding="utf-8"), re.M)))
        assert cited <= headings


def test_every_answer_is_one_of_the_options(bank: QuizBank) -> None:
    for question in bank.questions:
        assert question.answer in question.choices
        if question.kind is Kind.TRUE_FALSE:
            assert question.choices == TRUE_FALSE
        else:
            assert len(question.options) >= 3
        if question.kind is Kind.SPOT_ERROR:
            assert question.situation is not None


def test_the_right_answer_is_not_always_in_the_same_place(bank: QuizBank) -> None:
    places = {
        question.shown_choices("someone").index(question.answer)
        for question in bank.questions
        if question.kind is not Kind.TRUE_FALSE
    }
    assert len(places) >= 3
    question = bank.question("obj-01")
    assert question.shown_choices("ana") == question.shown_choices("ana")


def test_true_false_labels_and_category_names_are_catalogued() -> None:
    for lang in ("fr", "en"):
        assert {f"workshop.quiz.{choice}" for choice in TRUE_FALSE} <= set(catalogue(lang))
        assert {f"workshop.category.{theme.value}" for theme in Theme} <= set(catalogue(lang))


def _raw_bank() -> dict:
    return json.loads(bank_path().read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda q: q.update(answer="z"), "is not one of"),
        (lambda q: q.update(rules=["OBJ-NOPE"]), "no rule has the id OBJ-NOPE"),
        (lambda q: q.update(sections=[12]), "no section"),
        (lambda q: q["prompt"].pop("fr"), "fr"),
        (lambda q: q.update(rules=[], sections=[]), "cites the rules"),
    ],
)
def test_a_broken_question_is_refused(change, complaint: str) -> None:  # type: ignore[no-untyped-def]
    raw = _raw_bank()
    change(raw["questions"][0])
    with pytest.raises(ValidationError, match=complaint):
        QuizBank.model_validate(raw)


def test_an_empty_category_is_refused() -> None:
    raw = _raw_bank()
    raw["questions"] = [q for q in raw["questions"] if q["category"] != "decision"]
    with pytest.raises(ValidationError, match="categories without questions: decision"):
        QuizBank.model_validate(raw)


def test_score_counts_right_answers_by_category(bank: QuizBank) -> None:
    asked = ("obj-01", "obj-02", "kpi-01", "dec-01")
    answers = {"obj-01": "c", "obj-02": "true", "kpi-01": "b", "env-01": "a"}
    result = score(bank, asked, answers)
    by_theme = {category.category: category for category in result.categories}
    assert set(by_theme) == {Theme.OBJECTIVES, Theme.INDICATORS, Theme.DECISION}
    assert (by_theme[Theme.OBJECTIVES].asked, by_theme[Theme.OBJECTIVES].right) == (2, 1)
    assert by_theme[Theme.DECISION].answered == 0
    assert (result.right, result.answered, result.asked) == (2, 3, 4)
    assert result.missed == ("obj-02",)
    assert [category.category for category in result.weakest()] == [Theme.OBJECTIVES]


def test_a_selection_draws_from_every_category_and_is_repeatable(bank: QuizBank) -> None:
    chosen = bank.selection(2, seed="room")
    assert len(chosen) == 2 * len(Theme)
    assert {bank.question(q).category for q in chosen} == set(Theme)
    assert chosen == bank.selection(2, seed="room")
    assert len(bank.selection(100, seed="room")) == len(bank.questions)
