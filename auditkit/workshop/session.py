"""A workshop session: a folder where each participant's answers and work are a file of their own.

Layout of a session folder::

    session.json                 what the room shares: language and the quiz's questions (written once)
    participants/<code>.json     one participant: name, answers, training-case draft

A participant's file is only ever changed under a lock on that participant (:func:`_locked`), by reading
it, changing it and replacing it atomically (:func:`auditkit.store.write_atomically`): several kernels,
even two pages of the same participant, never clobber each other's answers, and a crash leaves the old
file or the new one. Reloading a page reads the file again and resumes where the participant was. The
consultant's audit is never read nor written here.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from auditkit import store
from auditkit.errors import AuditkitError
from auditkit.locale import msg
from auditkit.workshop.quiz import QuizBank, QuizScore, load_bank, score

__all__ = [
    "CODE_LENGTH",
    "ENVIRONMENT",
    "Answer",
    "Participant",
    "SessionSettings",
    "TrainingDraft",
    "Workshop",
    "code_for",
    "open_workshop",
]

ENVIRONMENT = "AUDITKIT_WORKSHOP"
"""The environment variable ``auditkit app --workshop DIR`` sets to the session folder for every page."""
SETTINGS_FILE = "session.json"
PARTICIPANTS = "participants"
CODE_LENGTH = 40
"""Characters a participant's code keeps from their name."""
DEFAULT_PER_CATEGORY = 2
"""Questions drawn from each of the eight categories for a room's quiz: sixteen in all."""

T = TypeVar("T")
Code = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class SessionSettings(BaseModel):
    """What the whole room shares: the language and the questions of the quiz, in order."""

    model_config = ConfigDict(extra="forbid")

    language: str = "fr"
    questions: tuple[str, ...]
    created_at: datetime = Field(default_factory=_now)


class Answer(BaseModel):
    """One answer given: to which question, which option, whether it was right, when."""

    model_config = ConfigDict(extra="forbid")

    question: str
    choice: str
    right: bool
    at: datetime = Field(default_factory=_now)


class TrainingDraft(BaseModel):
    """A participant's work on the training case: the findings they flag and their first-month priorities."""

    model_config = ConfigDict(extra="forbid")

    findings: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    submitted_at: datetime | None = None


class Participant(BaseModel):
    """One participant's file: who they are and everything they did, in the order they did it."""

    model_config = ConfigDict(extra="forbid")

    code: Code
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
    joined_at: datetime = Field(default_factory=_now)
    answers: list[Answer] = []
    training: TrainingDraft = TrainingDraft()

    def answered(self) -> dict[str, str]:
        """Question id to the choice given (the first answer counts: no second try)."""
        given: dict[str, str] = {}
        for answer in self.answers:
            given.setdefault(answer.question, answer.choice)
        return given


def code_for(typed: str) -> str:
    """The code a name or a code typed at joining becomes: lower-case letters, digits and dashes.

    ``"Marie-Hélène D."`` becomes ``marie-helene-d``; typing that code again finds the same participant.
    A name with no such character (only emoji, say) gets a fresh random code.
    """
    plain = unicodedata.normalize("NFKD", typed).encode("ascii", "ignore").decode("ascii").lower()
    words = "".join(char if char.isalnum() else " " for char in plain).split()
    code = "-".join(words)[:CODE_LENGTH].strip("-")
    return code or f"p-{secrets.token_hex(3)}"


class Workshop:
    """One session folder, read and written only through the careful helpers of this module."""

    def __init__(self, folder: Path, settings: SessionSettings, bank: QuizBank) -> None:
        self.folder = folder
        self.settings = settings
        self.bank = bank

    @property
    def participants_folder(self) -> Path:
        """Where the participants' files are."""
        return self.folder / PARTICIPANTS

    def participant_path(self, code: str) -> Path:
        """The file of participant ``code``."""
        return self.participants_folder / f"{code}.json"

    def join(self, typed: str) -> Participant:
        """The participant whose name or code is ``typed``: their file when it exists (a reload, or a
        second page), else a new file.

        Raises:
            AuditkitError: nothing was typed.
        """
        return self.join_or_resume(typed)[0]

    def join_or_resume(self, typed: str) -> tuple[Participant, bool]:
        """Like :meth:`join`, and whether the participant's file already existed (a resumed participant)."""
        if not typed.strip():
            raise AuditkitError(msg("workshop.join.empty"))
        code = code_for(typed)
        with self._locked(code):
            existing = self._read(code)
            if existing is not None:
                return existing, True
            participant = Participant(code=code, name=typed.strip()[:80])
            self._write(participant)
            return participant, False

    def participant(self, code: str) -> Participant | None:
        """Participant ``code`` as their file says now, or None when there is no such file."""
        return self._read(code)

    def answer(self, code: str, question_id: str, choice: str) -> Answer:
        """Record participant ``code``'s answer to a question of the quiz (the first answer stays).

        Raises:
            KeyError: the question is not in this session's quiz.
            ValueError: ``choice`` is not one of the question's options.
        """
        if question_id not in self.settings.questions:
            raise KeyError(question_id)
        question = self.bank.question(question_id)
        if choice not in question.choices:
            raise ValueError(f"{choice!r} is not an option of {question_id}")

        def record(participant: Participant) -> Answer:
            for earlier in participant.answers:
                if earlier.question == question_id:
                    return earlier
            given = Answer(question=question_id, choice=choice, right=question.is_right(choice))
            participant.answers.append(given)
            return given

        return self.update(code, record)

    def save_training(self, code: str, draft: TrainingDraft) -> TrainingDraft:
        """Replace participant ``code``'s training-case draft."""

        def replace(participant: Participant) -> TrainingDraft:
            participant.training = draft
            return draft

        return self.update(code, replace)

    def update(self, code: str, change: Callable[[Participant], T]) -> T:
        """Apply ``change`` to participant ``code``'s file under their lock, and write it atomically.

        Raises:
            AuditkitError: the participant has not joined.
        """
        with self._locked(code):
            participant = self._read(code)
            if participant is None:
                raise AuditkitError(msg("workshop.join.unknown", code=code))
            result = change(participant)
            self._write(participant)
            return result

    def next_question(self, participant: Participant) -> str | None:
        """The first question of the quiz the participant has not answered, None when they are done."""
        given = participant.answered()
        return next((q for q in self.settings.questions if q not in given), None)

    def score(self, participant: Participant) -> QuizScore:
        """The participant's score by category."""
        return score(self.bank, self.settings.questions, participant.answered())

    def participants(self) -> list[Participant]:
        """Every participant who joined, in the order they joined (files that cannot be read skipped)."""
        if not self.participants_folder.is_dir():
            return []
        found = [self._read(path.stem) for path in self.participants_folder.glob("*.json")]
        return sorted((p for p in found if p is not None), key=lambda p: (p.joined_at, p.code))

    def _read(self, code: str) -> Participant | None:
        try:
            text = self.participant_path(code).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        try:
            return Participant.model_validate_json(text)
        except ValidationError:
            return None

    def _write(self, participant: Participant) -> None:
        store.write_atomically(
            self.participant_path(participant.code), participant.model_dump_json(indent=2) + "\n"
        )

    @contextlib.contextmanager
    def _locked(self, code: str) -> Iterator[None]:
        """Hold the lock of participant ``code`` (a lock file beside theirs; released on exit, or when the
        process dies)."""
        self.participants_folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.participants_folder / f".{code}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)


def open_workshop(
    folder: Path | str,
    *,
    language: str = "fr",
    per_category: int = DEFAULT_PER_CATEGORY,
    bank: QuizBank | None = None,
) -> Workshop:
    """The session in ``folder``, created on first use with ``language`` and ``per_category`` questions
    drawn from each category (later calls read what the first one wrote, whatever they pass).

    Raises:
        AuditkitError: ``folder`` cannot be created, or its ``session.json`` is not a session's.
    """
    folder = Path(folder)
    bank = bank or load_bank()
    path = folder / SETTINGS_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder, os.O_RDONLY)
    except OSError as error:
        raise AuditkitError(
            msg("workshop.error.folder", path=str(folder), reason=str(error.strerror))
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        if not path.exists():
            questions = bank.selection(per_category, seed=secrets.token_hex(8))
            settings = SessionSettings(language=language, questions=questions)
            store.write_atomically(path, settings.model_dump_json(indent=2) + "\n")
        try:
            settings = SessionSettings.model_validate(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, ValidationError):
            raise AuditkitError(msg("workshop.error.settings", path=str(path))) from None
    finally:
        os.close(fd)
    unknown = [question for question in settings.questions if question not in {q.id for q in bank.questions}]
    if unknown:
        raise AuditkitError(msg("workshop.error.settings", path=str(path)))
    return Workshop(folder, settings, bank)
