"""What the facilitator sees of the room: who joined, the answers in, the scores, the questions missed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from auditkit.findings import Theme
from auditkit.workshop.session import Workshop

__all__ = ["CategoryTally", "ParticipantResult", "QuestionTally", "RoomSummary", "summarise"]


@dataclass(frozen=True)
class ParticipantResult:
    """One participant's progress: answers given and right answers."""

    code: str
    name: str
    answered: int
    right: int
    finished: bool


@dataclass(frozen=True)
class QuestionTally:
    """How the room answered one question: how many answered, how many missed, each option's count."""

    question: str
    answered: int
    wrong: int
    choices: dict[str, int]

    @property
    def missed_share(self) -> float:
        """Wrong answers over answers (0 when nobody answered)."""
        return self.wrong / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class CategoryTally:
    """The room's answers in one category."""

    category: Theme
    answered: int
    right: int

    @property
    def share(self) -> float:
        """Right answers over answers (0 when nobody answered)."""
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class RoomSummary:
    """The room at one moment, read from the participants' files."""

    questions: tuple[str, ...]
    participants: tuple[ParticipantResult, ...]
    tallies: tuple[QuestionTally, ...]
    categories: tuple[CategoryTally, ...]

    @property
    def answers_in(self) -> int:
        """Answers recorded, all participants together."""
        return sum(participant.answered for participant in self.participants)

    @property
    def finished(self) -> int:
        """Participants who answered every question."""
        return sum(participant.finished for participant in self.participants)

    def distribution(self) -> dict[int, int]:
        """For each possible number of right answers (0 to the quiz's length), how many finished
        participants got it."""
        counts = Counter(participant.right for participant in self.participants if participant.finished)
        return {right: counts.get(right, 0) for right in range(len(self.questions) + 1)}

    def most_missed(self, limit: int = 5) -> tuple[QuestionTally, ...]:
        """The questions with the highest share of wrong answers (at least one wrong), worst first."""
        missed = [tally for tally in self.tallies if tally.wrong]
        missed.sort(
            key=lambda tally: (-tally.missed_share, -tally.wrong, self.questions.index(tally.question))
        )
        return tuple(missed[:limit])


def summarise(workshop: Workshop) -> RoomSummary:
    """The room as the participants' files say now."""
    questions = workshop.settings.questions
    answered: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    choices: dict[str, Counter[str]] = {question: Counter() for question in questions}
    category_answered: Counter[Theme] = Counter()
    category_right: Counter[Theme] = Counter()
    results = []
    for participant in workshop.participants():
        given = {q: choice for q, choice in participant.answered().items() if q in choices}
        right = 0
        for question_id, choice in given.items():
            question = workshop.bank.question(question_id)
            correct = question.is_right(choice)
            right += correct
            answered[question_id] += 1
            wrong[question_id] += not correct
            choices[question_id][choice] += 1
            category_answered[question.category] += 1
            category_right[question.category] += correct
        finished = len(given) == len(questions)
        results.append(ParticipantResult(participant.code, participant.name, len(given), right, finished))
    return RoomSummary(
        questions=questions,
        participants=tuple(results),
        tallies=tuple(QuestionTally(q, answered[q], wrong[q], dict(choices[q])) for q in questions),
        categories=tuple(
            CategoryTally(theme, category_answered[theme], category_right[theme])
            for theme in Theme
            if category_answered[theme]
        ),
    )
