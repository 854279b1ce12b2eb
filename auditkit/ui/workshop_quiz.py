"""The participant's quiz page: join with a name or a code, one question at a time, feedback after each
answer, a final score by category with a chart, and what to read next.

Every answer is written to the participant's own file the moment it is given
(:mod:`auditkit.workshop.session`); a participant who reloads the page types the same name or code and
resumes at the first question they have not answered.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from pathlib import Path

import ipywidgets as widgets

from auditkit.errors import AuditkitError
from auditkit.locale import msg
from auditkit.ui.fields import style_sheet
from auditkit.ui.workshop_charts import CHART_STYLE, participant_categories
from auditkit.workshop.quiz import THEME_SECTION, Question, QuizScore, section_title
from auditkit.workshop.session import ENVIRONMENT, Participant, Workshop, open_workshop

__all__ = ["ENVIRONMENT", "JoinBox", "QuizPage", "quiz_page", "session_folder"]

STYLE = """<style>
.auditkit-workshop { max-width: 46em; font-size: 1.05em; }
.auditkit-situation { background: #f3f6fa; border-left: 4px solid #1f4e79; padding: .6em .9em; margin: .4em 0; }
.auditkit-feedback-right { border-left: 4px solid #2e7d32; padding: .4em .9em; background: #eef7ee; }
.auditkit-feedback-wrong { border-left: 4px solid #c62828; padding: .4em .9em; background: #fbeeee; }
.auditkit-workshop .widget-radio-box label { height: auto; white-space: normal; line-height: 1.35; margin-bottom: .45em; }
.auditkit-workshop .widget-radio-box { width: 100%; }
</style>"""


def session_folder(folder: Path | str | None) -> Path:
    """The session folder a page works in: ``folder``, else the one the app set, else the current one."""
    return Path(folder or os.environ.get(ENVIRONMENT) or ".")


def paragraph(text: str, css: str = "") -> widgets.HTML:
    """A paragraph of plain text (escaped), with an optional CSS class."""
    box = widgets.HTML(f"<p>{html.escape(text)}</p>")
    if css:
        box.add_class(css)
    return box


class JoinBox:
    """A name-or-code field and a button; ``on_joined`` gets the participant (new or resumed)."""

    def __init__(self, workshop: Workshop, on_joined: Callable[[Participant, bool], None]) -> None:
        lang = workshop.settings.language
        self.workshop = workshop
        self.on_joined = on_joined
        self.field = widgets.Text(
            placeholder=msg("workshop.join.placeholder")(lang), layout=widgets.Layout(width="18em")
        )
        self.field.add_class("auditkit-join-name")
        self.button = widgets.Button(description=msg("workshop.join.button")(lang), button_style="primary")
        self.button.add_class("auditkit-join-button")
        self.problem = widgets.HTML()
        self.button.on_click(lambda _button: self.join())
        self.widget = widgets.VBox(
            [
                paragraph(msg("workshop.join.help")(lang)),
                widgets.HBox([self.field, self.button]),
                self.problem,
            ]
        )

    def join(self) -> None:
        """Join with what was typed: resume that participant's file, or start one."""
        try:
            participant, resumed = self.workshop.join_or_resume(self.field.value)
        except AuditkitError as error:
            text = error.text(self.workshop.settings.language)
            self.problem.value = f"<p class='auditkit-invalid'>{html.escape(text)}</p>"
            return
        self.problem.value = ""
        self.on_joined(participant, resumed)


class QuizPage:
    """The quiz for one participant at a time in this page."""

    def __init__(self, workshop: Workshop) -> None:
        self.workshop = workshop
        self.lang = workshop.settings.language
        self.participant: Participant | None = None
        self.question: Question | None = None
        self.join_box = JoinBox(workshop, self.joined)
        self.banner = widgets.HTML()
        self.body = widgets.VBox()
        self.progress = widgets.HTML()
        self.progress.add_class("auditkit-quiz-progress")
        self.situation = widgets.HTML()
        self.situation.add_class("auditkit-situation")
        self.prompt = widgets.HTML()
        self.options = widgets.RadioButtons(options=[], value=None, layout=widgets.Layout(width="auto"))
        self.options.add_class("auditkit-quiz-options")
        self.answer_button = widgets.Button(
            description=self.say("workshop.quiz.submit"), button_style="primary"
        )
        self.answer_button.add_class("auditkit-quiz-answer")
        self.answer_button.on_click(lambda _button: self.answer())
        self.feedback = widgets.HTML()
        self.next_button = widgets.Button(button_style="success")
        self.next_button.add_class("auditkit-quiz-next")
        self.next_button.on_click(lambda _button: self.show_next())
        self.question_box = widgets.VBox(
            [
                self.progress,
                self.situation,
                self.prompt,
                self.options,
                self.answer_button,
                self.feedback,
                self.next_button,
            ]
        )
        self.widget = widgets.VBox(
            [
                style_sheet(),
                widgets.HTML(STYLE + CHART_STYLE),
                widgets.HTML(f"<h2>{html.escape(msg('workshop.quiz.title')(self.lang))}</h2>"),
                self.banner,
                self.body,
            ]
        )
        self.widget.add_class("auditkit-workshop")
        self.body.children = [self.join_box.widget]

    def say(self, message_id: str, **params: object) -> str:
        """A catalogue text in the session's language."""
        return msg(message_id, **params)(self.lang)

    def joined(self, participant: Participant, resumed: bool) -> None:
        """Greet the participant and show where they are."""
        self.participant = participant
        name, code = html.escape(participant.name), html.escape(participant.code)
        if resumed:
            text = self.say(
                "workshop.quiz.welcome_back", name=name, code=code, count=len(participant.answered())
            )
        else:
            text = self.say("workshop.quiz.welcome", name=name, code=code)
        self.banner.value = f"<p class='auditkit-welcome'>{text}</p>"
        self.show_next()

    def show_next(self) -> None:
        """The next unanswered question, or the results when there is none."""
        assert self.participant is not None
        self.participant = self.workshop.participant(self.participant.code) or self.participant
        question_id = self.workshop.next_question(self.participant)
        if question_id is None:
            self.show_results()
        else:
            self.show_question(self.workshop.bank.question(question_id))

    def show_question(self, question: Question) -> None:
        """One question, its options in this participant's order, and the answer button (the page's
        question widgets are reused from one question to the next: a participant's browser redraws
        texts, not a new form)."""
        assert self.participant is not None
        self.question = question
        questions = self.workshop.settings.questions
        number = questions.index(question.id) + 1
        progress = self.say("workshop.quiz.progress", number=number, total=len(questions))
        category = self.say(f"workshop.category.{question.category.value}")
        self.next_button.layout.display = "none"
        self.feedback.value = ""
        self.progress.value = f"<p>{html.escape(progress + ' · ' + category)}</p>"
        situation = question.situation(self.lang) if question.situation is not None else ""
        self.situation.value = f"<p>{html.escape(situation)}</p>" if situation else ""
        self.situation.layout.display = "" if situation else "none"
        self.prompt.value = f"<p><b>{html.escape(question.prompt(self.lang))}</b></p>"
        choices = question.shown_choices(self.participant.code)
        self.options.options = [(question.choice_text(choice, self.lang), choice) for choice in choices]
        self.options.value = None
        self.options.disabled = False
        self.answer_button.layout.display = ""
        if self.body.children != (self.question_box,):
            self.body.children = [self.question_box]

    def answer(self) -> None:
        """Record the chosen option, then say whether it was right, why, and what it teaches."""
        assert self.participant is not None and self.question is not None
        if self.options.value is None:
            self.feedback.value = (
                f"<p class='auditkit-invalid'>{html.escape(self.say('workshop.quiz.pick_one'))}</p>"
            )
            return
        question = self.question
        given = self.workshop.answer(self.participant.code, question.id, self.options.value)
        self.options.disabled = True
        self.answer_button.layout.display = "none"
        self.participant = self.workshop.participant(self.participant.code) or self.participant
        last = self.workshop.next_question(self.participant) is None
        self.next_button.description = self.say("workshop.quiz.see_results" if last else "workshop.quiz.next")
        self.next_button.layout.display = ""
        verdict = (
            self.say("workshop.quiz.right")
            if given.right
            else self.say("workshop.quiz.wrong", answer=question.choice_text(question.answer, self.lang))
        )
        css = "auditkit-feedback-right" if given.right else "auditkit-feedback-wrong"
        self.feedback.value = (
            f"<div class='{css} auditkit-quiz-feedback'><p><b>{html.escape(verdict)}</b></p>"
            f"<p>{html.escape(question.explanation(self.lang))}</p>"
            f"<p><i>{html.escape(self.teaches(question))}</i></p></div>"
        )

    def teaches(self, question: Question) -> str:
        """What a question teaches: the rules' titles, else the sections of the method."""
        if question.rules:
            titles = [msg(f"rule.{rule_id}.title") for rule_id in question.rules]
            return self.say("workshop.quiz.teaches_rules", rules=titles, count=len(titles))
        sections = [section_title(section) for section in question.sections]
        return self.say("workshop.quiz.teaches_sections", sections=sections, count=len(sections))

    def show_results(self) -> None:
        """The final score, by category with a chart, and what to read next."""
        assert self.participant is not None
        result = self.workshop.score(self.participant)
        chart = widgets.HTML(participant_categories(result.categories, self.lang))
        chart.add_class("auditkit-chart")
        summary = self.say("workshop.quiz.final", count=result.right, total=result.asked)
        self.body.children = [
            widgets.HTML(f"<h3 class='auditkit-quiz-score'>{html.escape(summary)}</h3>"),
            chart,
            widgets.HTML(self.reading(result)),
        ]

    def reading(self, result: QuizScore) -> str:
        """What to read next: the method's sections for the weakest categories, and the rules missed."""
        weakest = result.weakest()
        if not weakest:
            return f"<p>{html.escape(self.say('workshop.quiz.all_right'))}</p>"
        items = []
        for category in weakest:
            section = THEME_SECTION[category.category]
            missed = [
                msg(f"rule.{rule_id}.title")
                for question_id in result.missed
                for rule_id in self.workshop.bank.question(question_id).rules
                if self.workshop.bank.question(question_id).category is category.category
            ]
            line = self.say("workshop.quiz.read_section", number=section, title=section_title(section))
            if missed:
                line += " " + self.say("workshop.quiz.read_rules", rules=list(dict.fromkeys(missed)))
            items.append(f"<li>{html.escape(line)}</li>")
        title = html.escape(self.say("workshop.quiz.read_next"))
        return f"<h4>{title}</h4><ul class='auditkit-read-next'>{''.join(items)}</ul>"


def quiz_page(folder: Path | str | None = None) -> widgets.VBox:
    """The quiz page of the session in ``folder`` (by default the app's session folder, else the current
    folder; created on first use)."""
    return QuizPage(open_workshop(session_folder(folder))).widget
