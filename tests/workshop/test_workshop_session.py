"""Sessions: one file per participant, atomic writes, no lost answer under concurrent writers, resume."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Callable
from pathlib import Path

import pytest

from auditkit.errors import AuditkitError
from auditkit.workshop.room import summarise
from auditkit.workshop.session import Participant, TrainingDraft, Workshop, code_for, open_workshop

WRITERS = 6


@pytest.fixture
def workshop(tmp_path: Path) -> Workshop:
    return open_workshop(tmp_path / "room", language="en")


def _right(workshop: Workshop, question_id: str) -> str:
    return workshop.bank.question(question_id).answer


def _wrong(workshop: Workshop, question_id: str) -> str:
    question = workshop.bank.question(question_id)
    return next(choice for choice in question.choices if choice != question.answer)


def test_a_code_is_made_from_the_name() -> None:
    assert code_for("  Marie-Hélène D. ") == "marie-helene-d"
    assert code_for("MARIE-HELENE-D") == "marie-helene-d"
    assert code_for("../../etc/passwd") == "etc-passwd"
    assert code_for("🙂").startswith("p-")


def test_the_session_is_written_once_and_shared(tmp_path: Path) -> None:
    first = open_workshop(tmp_path, language="en", per_category=1)
    again = open_workshop(tmp_path, language="fr", per_category=3)
    assert again.settings == first.settings
    assert len(first.settings.questions) == 8


def test_each_participant_has_a_file_of_their_own(workshop: Workshop) -> None:
    ana = workshop.join("Ana")
    bruno = workshop.join("Bruno")
    first = workshop.settings.questions[0]
    workshop.answer(ana.code, first, _right(workshop, first))
    files = sorted(path.name for path in workshop.participants_folder.glob("*.json"))
    assert files == ["ana.json", "bruno.json"]
    assert json.loads(workshop.participant_path("ana").read_text())["answers"][0]["question"] == first
    assert json.loads(workshop.participant_path(bruno.code).read_text())["answers"] == []


def test_a_participant_who_reloads_resumes_where_they_were(workshop: Workshop) -> None:
    ana = workshop.join("Ana")
    questions = workshop.settings.questions
    for question in questions[:3]:
        workshop.answer(ana.code, question, _right(workshop, question))
    reloaded = open_workshop(workshop.folder)
    again = reloaded.join("ana")
    assert again.joined_at == ana.joined_at
    assert reloaded.next_question(again) == questions[3]
    assert reloaded.score(again).right == 3


def test_the_first_answer_stays(workshop: Workshop) -> None:
    ana = workshop.join("Ana")
    question = workshop.settings.questions[0]
    workshop.answer(ana.code, question, _wrong(workshop, question))
    second = workshop.answer(ana.code, question, _right(workshop, question))
    assert not second.right
    assert len(workshop.participant("ana").answers) == 1  # type: ignore[union-attr]


def test_answers_are_checked(workshop: Workshop) -> None:
    ana = workshop.join("Ana")
    with pytest.raises(KeyError):
        workshop.answer(ana.code, "not-a-question", "a")
    with pytest.raises(ValueError, match="not an option"):
        workshop.answer(ana.code, workshop.settings.questions[0], "nope")
    first = workshop.settings.questions[0]
    with pytest.raises(AuditkitError):
        workshop.answer("nobody", first, _right(workshop, first))
    with pytest.raises(AuditkitError):
        workshop.join("   ")


def test_no_temporary_file_is_left(workshop: Workshop) -> None:
    ana = workshop.join("Ana")
    for question in workshop.settings.questions:
        workshop.answer(ana.code, question, _right(workshop, question))
    assert not [p for p in workshop.participants_folder.iterdir() if p.suffix == ".tmp"]


def _append_finding(finding: str) -> Callable[[Participant], None]:
    def change(participant: Participant) -> None:
        participant.training = TrainingDraft(findings=(*participant.training.findings, finding))

    return change


def _take_quiz(folder: str, name: str, shared: str) -> int:
    """One process: a participant answers every question, and adds a line to a file shared by all."""
    workshop = open_workshop(folder)
    code = workshop.join(name).code
    shared_code = workshop.join(shared).code
    for number, question in enumerate(workshop.settings.questions):
        workshop.answer(code, question, _right(workshop, question))
        workshop.update(shared_code, _append_finding(f"{code}-{number}"))
    return len(workshop.settings.questions)


def test_concurrent_writers_from_several_processes_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "room"
    open_workshop(folder)
    context = multiprocessing.get_context("spawn")
    names = [f"writer {number}" for number in range(WRITERS)]
    with context.Pool(WRITERS) as pool:
        sent = pool.starmap(_take_quiz, [(str(folder), name, "shared desk") for name in names])
    workshop = open_workshop(folder)
    room = summarise(workshop)
    assert room.answers_in == sum(sent)
    assert room.finished == WRITERS
    shared = workshop.participant("shared-desk")
    assert shared is not None
    assert len(shared.training.findings) == sum(sent), "a concurrent update of one file was lost"


def test_the_consultants_audit_is_never_touched(tmp_path: Path) -> None:
    audit = tmp_path / "my-audit.audit.json"
    audit.write_text("{}")
    workshop = open_workshop(tmp_path)
    ana = workshop.join("Ana")
    first = workshop.settings.questions[0]
    workshop.answer(ana.code, first, _wrong(workshop, first))
    assert audit.read_text() == "{}"
