"""The method taught at each step of the guided audit: a folded panel at the top of the step.

Each notebook opens with what the method asks at that point and why, the steps of the method's nine
(DOMAIN §1), the classic errors (§8) and the questions clients ask (seed 002) that belong there, short
examples and pitfalls; the environment step adds an interview guide for consulting stakeholders. Every
word is a ``teaching.*`` message, written in Markdown and shown as safe HTML. The panel carries
:data:`TEACHING_CLASS`, which the presentation mode hides when the consultant works in front of a client.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import ipywidgets as widgets
from markupsafe import Markup

from auditkit.locale import Message, label, msg
from auditkit.model import Consultation
from auditkit.report.markdown import render_markdown
from auditkit.ui.fields import field_label
from auditkit.ui.session import AuditSession
from auditkit.ui.steps import STEP_BY_KEY
from auditkit.ui.toolbar import TEACHING_CLASS

NINE_STEPS = tuple(range(1, 10))
"""The nine steps of a strategy (DOMAIN §1), by number: messages ``teaching.nine.<n>.name`` and ``.why``."""

CLASSIC_ERRORS = ("ERR-URGENCY", "ERR-CALENDAR-NOT-STRATEGY", "ERR-INSPIRATION", "ERR-NOT-MEASURING")
"""The four classic errors (DOMAIN §8), by the id of the rule that diagnoses each."""

CLIENT_QUESTIONS = ("post_now", "buzz", "new_network", "roi")
"""The four questions a social-media manager should not be asked (seed 002), and what lies behind each."""

AUDIENCES = ("customers", "staff", "funders", "public")
"""The kinds of stakeholder the interview guide has questions for: customers or members, staff or
volunteers, funders or partners, pupils, parents or residents."""

QUESTIONS_PER_AUDIENCE = 3


@dataclass(frozen=True)
class Lesson:
    """What one notebook teaches: its share of the method, and how many examples and pitfalls it gives."""

    nine: tuple[int, ...] = ()
    errors: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    examples: int = 2
    pitfalls: int = 2
    interview: bool = False


LESSONS: dict[str, Lesson] = {
    "start": Lesson(),
    "objectives": Lesson(nine=(1, 7), questions=("buzz",)),
    "environment": Lesson(nine=(2,), interview=True, examples=1),
    "channels": Lesson(nine=(3, 4, 5), questions=("new_network",)),
    "scoring": Lesson(errors=("ERR-NOT-MEASURING",), questions=("roi",)),
    "strategy": Lesson(
        nine=(6, 8),
        errors=("ERR-URGENCY", "ERR-CALENDAR-NOT-STRATEGY", "ERR-INSPIRATION"),
        questions=("post_now",),
        examples=1,
    ),
    "roadmap": Lesson(nine=(9,)),
    "report": Lesson(),
}
"""Where each part of the method is taught: at the step where the consultant gathers its evidence."""


def _where(number: int) -> str:
    """The key of the step that teaches step ``number`` of the nine."""
    return next(key for key, lesson in LESSONS.items() if number in lesson.nine)


@dataclass(frozen=True)
class Line:
    """One line of a panel: a catalogue message and its Markdown mark (``# `` heading, ``- `` item...)."""

    mark: str
    message: Message

    def markdown(self, language: str) -> str:
        text = self.message(language)
        if self.mark.startswith("#"):
            return f"\n{self.mark}{text}\n\n"
        if self.mark:
            return f"{self.mark}{text}\n"
        return f"\n{text}\n\n"


def _section(heading: str, messages: list[Message], mark: str = "- ", level: str = "# ") -> list[Line]:
    return [Line(level, msg(heading)), *(Line(mark, message) for message in messages)]


def interview_guide() -> list[Line]:
    """The interview guide (under its own title): questions by kind of stakeholder, every way of consulting,
    and how to record the answers."""
    labels = {
        "platforms": field_label("Stakeholder", "platforms"),
        "share": field_label("PlatformUse", "share"),
        "level": field_label("PlatformUse", "level"),
        "consultation": field_label("Stakeholder", "consultation"),
        "note": field_label("Stakeholder", "consultation_note"),
    }
    lines = [
        Line("", msg("teaching.interview.intro")),
        Line("# ", msg("teaching.interview.heading.questions")),
    ]
    for audience in AUDIENCES:
        lines.append(Line("", msg(f"teaching.interview.{audience}.name")))
        lines += [
            Line("- ", msg(f"teaching.interview.{audience}.{n}"))
            for n in range(1, QUESTIONS_PER_AUDIENCE + 1)
        ]
    methods = [
        msg("teaching.interview.method", kind=label(kind), how=msg(f"teaching.interview.method.{kind.value}"))
        for kind in Consultation
    ]
    lines += _section("teaching.interview.heading.methods", methods)
    records = [msg(f"teaching.interview.record.{part}", **labels) for part in ("platforms", "how", "note")]
    lines += _section("teaching.interview.heading.record", records)
    example = [msg("teaching.interview.example", **labels)]
    lines += _section("teaching.interview.heading.example", example, "")
    return lines


def _map_of_the_method() -> list[Line]:
    items = []
    for number in NINE_STEPS:
        step = STEP_BY_KEY[_where(number)]
        where = msg("teaching.nine.where", number=f"{step.number:02d}", title=step.title)
        items.append(msg("teaching.nine.map_item", name=msg(f"teaching.nine.{number}.name"), where=where))
    return _section("teaching.heading.map", items, "1. ")


def lesson_parts(step: str) -> list[tuple[Message | None, list[Line]]]:
    """The panel of ``step`` in parts, line by line; a part with a title is folded under it."""
    lesson = LESSONS[step]
    lines = _section("teaching.heading.why", [msg(f"teaching.{step}.why")], "")
    if step == "start":
        lines += _map_of_the_method()
    if lesson.nine:
        nine = [
            msg(
                "teaching.nine.item",
                number=number,
                name=msg(f"teaching.nine.{number}.name"),
                why=msg(f"teaching.nine.{number}.why"),
            )
            for number in lesson.nine
        ]
        lines += _section("teaching.heading.nine", nine)
    if lesson.errors:
        errors = [
            msg(
                "teaching.error.item",
                rule=rule,
                name=msg(f"teaching.error.{rule}.name"),
                signs=msg(f"teaching.error.{rule}.signs"),
            )
            for rule in lesson.errors
        ]
        lines += _section("teaching.heading.errors", errors)
    if lesson.questions:
        questions = [
            msg(
                "teaching.question.item",
                asked=msg(f"teaching.question.{key}.asked"),
                answer=msg(f"teaching.question.{key}.answer"),
            )
            for key in lesson.questions
        ]
        lines += _section("teaching.heading.questions", questions)
    parts: list[tuple[Message | None, list[Line]]] = [(None, lines)]
    if lesson.interview:
        parts.append((msg("teaching.interview.title"), interview_guide()))
    examples = [msg(f"teaching.{step}.example.{n}") for n in range(1, lesson.examples + 1)]
    pitfalls = [msg(f"teaching.{step}.pitfall.{n}") for n in range(1, lesson.pitfalls + 1)]
    parts.append(
        (
            None,
            _section("teaching.heading.examples", examples) + _section("teaching.heading.pitfalls", pitfalls),
        )
    )
    return parts


def lesson_messages(step: str) -> list[Message]:
    """Every catalogue message the panel of ``step`` shows, nested ones included."""
    found: list[Message] = []
    pending = [title for title, _ in lesson_parts(step) if title]
    pending += [line.message for _, lines in lesson_parts(step) for line in lines]
    while pending:
        message = pending.pop(0)
        found.append(message)
        pending += [value for value in message.params.values() if isinstance(value, Message)]
    return found


def _markdown(lines: list[Line], language: str) -> str:
    text = "".join(line.markdown(language) for line in lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


STYLE = """<style>
.auditkit-teaching { width: 100%; }
.auditkit-teaching .widget-html-content { line-height: 1.45; }
.auditkit-teaching details { border: 1px solid #c7d2fe; border-left: 4px solid #4f46e5; border-radius: 4px;
  background: #f8f9ff; padding: 0.35em 0.9em; margin: 0.2em 0 0.8em; max-width: 62em; }
.auditkit-teaching summary { cursor: pointer; font-weight: 600; color: #312e81; }
.auditkit-teaching summary small { font-weight: 400; color: #4b5563; }
.auditkit-teaching h4 { margin: 0.9em 0 0.3em; font-size: 1.02em; color: #1f2937; }
.auditkit-teaching details details { border: 1px solid #c7d2fe; background: #fff; margin: 0.8em 0 0.4em; }
.auditkit-teaching p { margin: 0.3em 0; }
.auditkit-teaching ul, .auditkit-teaching ol { margin: 0.2em 0 0.4em; padding-left: 1.4em; }
.auditkit-teaching li { margin: 0.15em 0; }
.auditkit-teaching code { background: #eef2ff; padding: 0 0.2em; border-radius: 3px; }
</style>"""


def lesson_html(step: str, language: str) -> str:
    """The folded panel of ``step`` in ``language``: a ``<details>`` element whose summary opens it."""
    summary = msg("teaching.panel.summary", title=STEP_BY_KEY[step].title)(language)
    hint = msg("teaching.panel.hint")(language)
    body = ""
    for title, lines in lesson_parts(step):
        part = render_markdown(_markdown(lines, language), language)
        if title:
            part = Markup(
                f"<details><summary>{html.escape(title(language), quote=False)}</summary>{part}</details>"
            )
        body += part
    return (
        f'{STYLE}<details class="{TEACHING_CLASS}-panel"><summary>{html.escape(summary, quote=False)} '
        f"<small>{html.escape(hint, quote=False)}</small></summary>{body}</details>"
    )


def teaching_panel(session: AuditSession, step: str) -> widgets.HTML:
    """The step's teaching in the audit's language, folded; it follows a change of the audit's language."""
    if step not in LESSONS:
        raise KeyError(step)
    shown = session.language
    panel = widgets.HTML(lesson_html(step, shown), layout=widgets.Layout(width="100%"))
    panel.add_class(TEACHING_CLASS)

    def follow(_event: object) -> None:
        nonlocal shown
        if session.language != shown:
            shown = session.language
            panel.value = lesson_html(step, shown)

    session.on_change(follow)
    return panel


__all__ = [
    "AUDIENCES",
    "CLASSIC_ERRORS",
    "CLIENT_QUESTIONS",
    "LESSONS",
    "NINE_STEPS",
    "TEACHING_CLASS",
    "Lesson",
    "lesson_html",
    "lesson_messages",
    "lesson_parts",
    "teaching_panel",
]
