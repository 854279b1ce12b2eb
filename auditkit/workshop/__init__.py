"""Workshops: a quiz bank on the method, sessions where each participant's work is a file of their own,
and a training case with a checker. Nothing here reads or writes a consultant's audit."""

from auditkit.workshop.quiz import Kind, Question, QuizBank, QuizScore, load_bank, score
from auditkit.workshop.session import Participant, TrainingDraft, Workshop, code_for, open_workshop

__all__ = [
    "Kind",
    "Participant",
    "Question",
    "QuizBank",
    "QuizScore",
    "TrainingDraft",
    "Workshop",
    "code_for",
    "load_bank",
    "open_workshop",
    "score",
]
