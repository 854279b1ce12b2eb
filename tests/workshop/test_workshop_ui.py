"""The workshop pages, driven as a participant and a facilitator would, without a browser."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets
import pytest

from auditkit.ui.workshop_home import home_page
from auditkit.ui.workshop_quiz import QuizPage
from auditkit.ui.workshop_room import FacilitatorPage
from auditkit.ui.workshop_training import TrainingPage
from auditkit.workshop.session import Workshop, open_workshop
from auditkit.workshop.training import load_reference


@pytest.fixture
def workshop(tmp_path: Path) -> Workshop:
    return open_workshop(tmp_path / "room", language="fr", per_category=1)


def _find(box: widgets.Widget, kind: type, css: str = "") -> list[widgets.Widget]:
    found = []
    if isinstance(box, kind) and (not css or css in box._dom_classes):
        found.append(box)
    for child in getattr(box, "children", ()):
        found += _find(child, kind, css)
    return found


def _text(box: widgets.Widget) -> str:
    return html.unescape(" ".join(item.value for item in _find(box, widgets.HTML)))


def _join(page: QuizPage | TrainingPage, name: str) -> None:
    body = page.body
    _find(body, widgets.Text, "auditkit-join-name")[0].value = name
    _find(body, widgets.Button, "auditkit-join-button")[0].click()


def _answer(page: QuizPage, right: bool) -> None:
    assert page.question is not None
    options = _find(page.body, widgets.RadioButtons, "auditkit-quiz-options")[0]
    question = page.question
    options.value = question.answer if right else next(c for c in question.choices if c != question.answer)
    _find(page.body, widgets.Button, "auditkit-quiz-answer")[0].click()


def _next(page: QuizPage) -> None:
    _find(page.body, widgets.Button, "auditkit-quiz-next")[0].click()


def test_a_participant_takes_the_quiz_with_feedback_and_a_score_by_category(workshop: Workshop) -> None:
    page = QuizPage(workshop)
    _join(page, "Ana B.")
    assert "ana-b" in page.banner.value
    for number in range(len(workshop.settings.questions)):
        _answer(page, right=number % 2 == 0)
        feedback = html.unescape(_find(page.body, widgets.HTML)[-1].value)
        assert ("Bonne réponse" in feedback) == (number % 2 == 0)
        assert "Ce que la question enseigne" in feedback or "Où la méthode le dit" in feedback
        _next(page)
    texts = _text(page.body)
    assert "4 bonnes réponses sur 8" in texts
    assert "À lire ensuite" in texts and "La méthode, section" in texts
    [chart] = _find(page.body, widgets.HTML, "auditkit-chart")
    assert "auditkit-bar-label" in chart.value, "the chart by category is missing"


def test_an_answer_is_required_before_going_on(workshop: Workshop) -> None:
    page = QuizPage(workshop)
    _join(page, "Ana")
    _find(page.body, widgets.Button, "auditkit-quiz-answer")[0].click()
    assert "Choisissez d'abord" in _text(page.body)
    assert workshop.participant("ana").answers == []  # type: ignore[union-attr]


def test_a_reloaded_page_resumes_at_the_next_question(workshop: Workshop) -> None:
    page = QuizPage(workshop)
    _join(page, "Ana")
    _answer(page, right=True)
    _next(page)
    _answer(page, right=False)
    reloaded = QuizPage(open_workshop(workshop.folder))
    _join(reloaded, "ana")
    assert "Bon retour" in reloaded.banner.value and "2 réponses" in reloaded.banner.value
    assert reloaded.question is not None
    assert reloaded.question.id == workshop.settings.questions[2]


def test_joining_with_nothing_typed_says_so(workshop: Workshop) -> None:
    page = QuizPage(workshop)
    _join(page, "  ")
    assert "Saisissez votre nom" in _text(page.join_box.widget)
    assert not workshop.participants()


def test_the_training_page_saves_the_draft_and_reviews_it(workshop: Workshop) -> None:
    reference = load_reference()
    page = TrainingPage(workshop, reference)
    _join(page, "Ana")
    page.flags["CH-DORMANT"].value = True
    page.flags["ORG-INTERN"].value = True
    page.priorities.value = ("CH-DORMANT",)
    saved = workshop.participant("ana")
    assert saved is not None
    assert saved.training.findings == ("CH-DORMANT", "ORG-INTERN")
    assert saved.training.priorities == ("CH-DORMANT",)
    assert saved.training.submitted_at is None
    _find(page.body, widgets.Button, "auditkit-training-check")[0].click()
    review = html.unescape(page.review.value)
    assert "Vous avez trouvé 1 des 13 constats" in review
    assert "Ce qui vous a échappé" in review and "Ce que le cas ne justifie pas" in review
    assert workshop.participant("ana").training.submitted_at is not None  # type: ignore[union-attr]
    again = TrainingPage(workshop, reference)
    _join(again, "Ana")
    assert again.flags["ORG-INTERN"].value and again.priorities.value == ("CH-DORMANT",)


def test_the_facilitator_sees_every_participant_and_the_consensus(workshop: Workshop) -> None:
    for name in ("Ana", "Bruno"):
        quiz = QuizPage(workshop)
        _join(quiz, name)
        _answer(quiz, right=name == "Ana")
        training = TrainingPage(workshop, load_reference())
        _join(training, name)
        training.flags["CH-DORMANT"].value = True
        training.flags["ORG-INTERN"].value = name == "Bruno"
        training.submit()
    page = FacilitatorPage(workshop, load_reference())
    assert page.refresh(force=True)
    counts = html.unescape(page.counts.value)
    assert "2 participants connectés" in counts and "2 réponses reçues sur 16" in counts
    assert "Ana" in page.people.value and "Bruno" in page.people.value
    assert "partagée sur 1 constat" in html.unescape(page.split.value)
    assert html.unescape(page.charts.value).count("<figure") == 3
    assert "Les bonnes réponses de la salle par catégorie" in html.unescape(page.charts.value)
    assert page.consensus.value.count('class="auditkit-bar-label"') >= 2
    assert not page.refresh(), "nothing changed: nothing to redraw"
    workshop.join("Chloé")
    assert page.refresh()


def test_the_home_page_lists_the_pages_by_title(workshop: Workshop) -> None:
    text = _text(home_page(workshop.folder))
    assert "Le quiz" in text and "Le cas d'entraînement" in text and "La vue de l'animateur" in text
    assert "quiz.ipynb" in text and ">quiz.ipynb<" not in text
