"""The quiz bank: questions on the method, in French and English, each tied to the rules it teaches.

The bank is data (``data/workshop/quiz.json``), validated on loading by the models below: every question
has both languages, a right answer among its options, a short explanation, and cites the rules
(:data:`auditkit.diagnose.RULES`) or the sections of the method (DOMAIN §1 to §10) it teaches. Its
categories are the themes of the rules (:class:`~auditkit.findings.Theme`), so a participant's score by
category points at the part of the method to read again.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from auditkit import resources
from auditkit.diagnose import RULES
from auditkit.findings import Theme
from auditkit.locale import Message, msg
from auditkit.locale.formats import typography

__all__ = [
    "METHOD_SECTIONS",
    "THEME_SECTION",
    "CategoryScore",
    "Kind",
    "LocalText",
    "Option",
    "Question",
    "QuizBank",
    "QuizScore",
    "bank_path",
    "load_bank",
    "score",
    "section_title",
]

METHOD_SECTIONS = tuple(range(1, 11))
"""The sections of the method a question may cite (DOMAIN §1, the nine steps, to §10, teaching)."""
THEME_SECTION = {
    Theme.OBJECTIVES: 2,
    Theme.INDICATORS: 3,
    Theme.ENVIRONMENT: 4,
    Theme.CHANNELS: 5,
    Theme.STRATEGY: 6,
    Theme.ORGANISATION: 7,
    Theme.PRACTICES: 8,
    Theme.DECISION: 9,
}
"""The section of the method (DOMAIN) that teaches each theme of rules."""
TRUE_FALSE = ("true", "false")
"""The options of a true-or-false question, in the order they are shown."""

Filled = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
QuestionId = Annotated[str, StringConstraints(pattern=r"^[a-z]+-\d{2}$")]


class Kind(StrEnum):
    """How a question asks: pick one answer, say true or false, or spot the error in a client's situation."""

    CHOICE = "choice"
    TRUE_FALSE = "true_false"
    SPOT_ERROR = "spot_error"


class LocalText(BaseModel):
    """A text of the bank in French and in English."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    fr: Filled
    en: Filled

    def __call__(self, lang: str) -> str:
        """The text in ``lang`` with its typography (English for a language the bank does not have)."""
        text = self.fr if str(lang).split("_")[0] == "fr" else self.en
        return typography(text, str(lang))


class Option(LocalText):
    """One answer offered by a multiple-choice or spot-the-error question."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z]$")]


class Question(BaseModel):
    """One question: what is asked, the options, the right one, why, and what of the method it teaches."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: QuestionId
    category: Theme
    kind: Kind
    situation: LocalText | None = None
    prompt: LocalText
    options: tuple[Option, ...] = ()
    answer: Filled
    explanation: LocalText
    rules: tuple[str, ...] = ()
    sections: tuple[int, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.kind is Kind.TRUE_FALSE and self.options:
            raise ValueError(f"{self.id}: a true-or-false question has no options of its own")
        if self.kind is not Kind.TRUE_FALSE and len(self.options) < 2:
            raise ValueError(f"{self.id}: a question needs at least two options")
        if len({option.id for option in self.options}) != len(self.options):
            raise ValueError(f"{self.id}: two options share an id")
        if self.answer not in self.choices:
            raise ValueError(f"{self.id}: the answer {self.answer!r} is not one of {self.choices}")
        if (self.kind is Kind.SPOT_ERROR) != (self.situation is not None):
            raise ValueError(f"{self.id}: a situation is what a spot-the-error question, and only it, has")
        if not (self.rules or self.sections):
            raise ValueError(
                f"{self.id}: a question cites the rules or the sections of the method it teaches"
            )
        unknown = [rule_id for rule_id in self.rules if rule_id not in RULES]
        if unknown:
            raise ValueError(f"{self.id}: no rule has the id {', '.join(unknown)}")
        outside = [section for section in self.sections if section not in METHOD_SECTIONS]
        if outside:
            raise ValueError(f"{self.id}: the method has no section {outside}")
        return self

    @property
    def choices(self) -> tuple[str, ...]:
        """The ids of the answers a participant may give."""
        return TRUE_FALSE if self.kind is Kind.TRUE_FALSE else tuple(option.id for option in self.options)

    def is_right(self, choice: str) -> bool:
        """Whether ``choice`` is the right answer."""
        return choice == self.answer

    def choice_text(self, choice: str, lang: str) -> str:
        """The words of option ``choice`` in ``lang``."""
        if self.kind is Kind.TRUE_FALSE:
            return msg(f"workshop.quiz.{choice}")(lang)
        return next(option for option in self.options if option.id == choice)(lang)

    def shown_choices(self, seed: str) -> tuple[str, ...]:
        """The option ids in the order one participant sees them: shuffled, the same at every reload."""
        if self.kind is Kind.TRUE_FALSE:
            return TRUE_FALSE
        order = list(self.choices)
        random.Random(f"{seed}/{self.id}").shuffle(order)
        return tuple(order)


class QuizBank(BaseModel):
    """Every question, with unique ids, and at least one per category."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: Annotated[int, Field(ge=1)]
    questions: tuple[Question, ...]

    @model_validator(mode="after")
    def _complete(self) -> Self:
        ids = [question.id for question in self.questions]
        repeated = sorted({question_id for question_id in ids if ids.count(question_id) > 1})
        if repeated:
            raise ValueError(f"question ids used twice: {', '.join(repeated)}")
        empty = [theme.value for theme in Theme if not self.in_category(theme)]
        if empty:
            raise ValueError(f"categories without questions: {', '.join(empty)}")
        return self

    def in_category(self, category: Theme) -> tuple[Question, ...]:
        """The questions of ``category``, in bank order."""
        return tuple(question for question in self.questions if question.category is category)

    def question(self, question_id: str) -> Question:
        """The question ``question_id``.

        Raises:
            KeyError: no question has that id.
        """
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def selection(self, per_category: int, seed: str) -> tuple[str, ...]:
        """Question ids for one quiz: ``per_category`` drawn from each category (all, when it has fewer),
        in the order of the method's themes; the same ``seed`` gives the same selection."""
        draw = random.Random(seed)
        chosen: list[str] = []
        for theme in Theme:
            ids = [question.id for question in self.in_category(theme)]
            chosen += sorted(draw.sample(ids, min(per_category, len(ids))), key=ids.index)
        return tuple(chosen)


def bank_path() -> Path:
    """The bundled quiz bank."""
    return resources.data_dir() / "workshop" / "quiz.json"


@cache
def _cached_bank(path: Path) -> QuizBank:
    return QuizBank.model_validate(json.loads(path.read_text(encoding="utf-8")))


def load_bank(path: Path | None = None) -> QuizBank:
    """The quiz bank at ``path`` (the bundled one by default), validated, read once.

    Raises:
        pydantic.ValidationError: the bank breaks a rule of :class:`QuizBank` or :class:`Question`.
    """
    return _cached_bank((path or bank_path()).resolve())


@dataclass(frozen=True)
class CategoryScore:
    """How one participant did in one category."""

    category: Theme
    asked: int
    answered: int
    right: int

    @property
    def share(self) -> float:
        """Right answers over questions asked (0 when none was asked)."""
        return self.right / self.asked if self.asked else 0.0


@dataclass(frozen=True)
class QuizScore:
    """A participant's score: right answers overall and by category, and the questions missed."""

    categories: tuple[CategoryScore, ...]
    missed: tuple[str, ...]

    @property
    def right(self) -> int:
        """Right answers in all."""
        return sum(category.right for category in self.categories)

    @property
    def asked(self) -> int:
        """Questions in the quiz."""
        return sum(category.asked for category in self.categories)

    @property
    def answered(self) -> int:
        """Questions answered so far."""
        return sum(category.answered for category in self.categories)

    def weakest(self) -> tuple[CategoryScore, ...]:
        """The categories with a wrong answer, the lowest share first."""
        return tuple(
            sorted(
                (category for category in self.categories if category.right < category.answered),
                key=lambda category: (category.share, -category.asked),
            )
        )


def score(bank: QuizBank, asked: Iterable[str], answers: Mapping[str, str]) -> QuizScore:
    """Score the ``answers`` (question id to choice) given to the questions ``asked``, by category.

    An answer to a question that was not asked does not count.
    """
    questions = [bank.question(question_id) for question_id in asked]
    categories = []
    for theme in Theme:
        mine = [question for question in questions if question.category is theme]
        if not mine:
            continue
        given = [question for question in mine if question.id in answers]
        right = sum(question.is_right(answers[question.id]) for question in given)
        categories.append(CategoryScore(theme, len(mine), len(given), right))
    missed = tuple(q.id for q in questions if q.id in answers and not q.is_right(answers[q.id]))
    return QuizScore(tuple(categories), missed)


def section_title(section: int) -> Message:
    """The title of section ``section`` of the method, to say where to read next."""
    return msg(f"workshop.section.{section}")
