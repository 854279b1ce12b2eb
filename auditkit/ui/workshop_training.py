"""The training case page: read a fictional client's brief, flag the findings you would report, pick your
first-month priorities, and have the draft checked against the reference answer.

The draft is saved to the participant's own file at every change; checking it marks it submitted, which
is what the facilitator's consensus view counts.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

import ipywidgets as widgets

from auditkit.diagnose import RULES
from auditkit.findings import Theme
from auditkit.locale import msg
from auditkit.ui.fields import style_sheet
from auditkit.ui.workshop_quiz import STYLE, JoinBox, session_folder
from auditkit.workshop.quiz import section_title
from auditkit.workshop.session import Participant, TrainingDraft, Workshop, open_workshop
from auditkit.workshop.training import (
    MAX_PRIORITIES,
    THEME_SECTION,
    Review,
    TrainingReference,
    check,
    load_reference,
)

__all__ = ["TrainingPage", "training_page"]


class TrainingPage:
    """The training case for one participant at a time in this page."""

    def __init__(self, workshop: Workshop, reference: TrainingReference) -> None:
        self.workshop = workshop
        self.reference = reference
        self.lang = workshop.settings.language
        self.code = ""
        self.updating = False
        self.flags: dict[str, widgets.Checkbox] = {}
        self.priorities = widgets.SelectMultiple(rows=6, layout=widgets.Layout(width="34em"))
        self.priorities.add_class("auditkit-training-priorities")
        self.note = widgets.HTML()
        self.review = widgets.HTML()
        self.body = widgets.VBox([JoinBox(workshop, self.joined).widget])
        self.widget = widgets.VBox(
            [
                style_sheet(),
                widgets.HTML(STYLE),
                widgets.HTML(f"<h2>{html.escape(self.say('workshop.training.title'))}</h2>"),
                self.body,
            ]
        )
        self.widget.add_class("auditkit-workshop")

    def say(self, message_id: str, **params: object) -> str:
        """A catalogue text in the session's language."""
        return msg(message_id, **params)(self.lang)

    def joined(self, participant: Participant, _resumed: bool) -> None:
        """Show the case, with the participant's saved draft in place."""
        self.code = participant.code
        brief = "".join(
            f"<p>{html.escape(block).replace(chr(10), '<br>')}</p>"
            for block in self.reference.brief(self.lang).split("\n\n")
        )
        groups: list[widgets.Widget] = []
        for theme in Theme:
            rules = [rule_id for rule_id in self.reference.candidates if RULES[rule_id].theme is theme]
            if not rules:
                continue
            groups.append(widgets.HTML(f"<b>{html.escape(self.say(f'workshop.category.{theme.value}'))}</b>"))
            for rule_id in rules:
                box = widgets.Checkbox(
                    value=rule_id in participant.training.findings,
                    description=msg(f"rule.{rule_id}.title")(self.lang),
                    indent=False,
                    layout=widgets.Layout(width="34em"),
                )
                box.add_class(f"auditkit-flag-{rule_id}")
                box.observe(lambda _change: self.changed(), "value")
                self.flags[rule_id] = box
                groups.append(box)
        self.refresh_priorities(participant.training.priorities)
        self.priorities.observe(lambda _change: self.changed(), "value")
        button = widgets.Button(description=self.say("workshop.training.check"), button_style="primary")
        button.add_class("auditkit-training-check")
        button.on_click(lambda _button: self.submit())
        self.body.children = [
            widgets.HTML(f"<div class='auditkit-situation'>{brief}</div>"),
            widgets.HTML(f"<h3>{html.escape(self.say('workshop.training.findings'))}</h3>"),
            *groups,
            widgets.HTML(
                f"<h3>{html.escape(self.say('workshop.training.priorities', count=MAX_PRIORITIES))}</h3>"
            ),
            self.priorities,
            self.note,
            button,
            self.review,
        ]

    def flagged(self) -> tuple[str, ...]:
        """The findings ticked, in the catalogue's order."""
        return tuple(rule_id for rule_id, box in self.flags.items() if box.value)

    def refresh_priorities(self, chosen: tuple[str, ...]) -> None:
        """Offer the flagged findings as priorities, keeping those still flagged."""
        flagged = self.flagged()
        self.updating = True
        try:
            self.priorities.options = [
                (msg(f"rule.{rule_id}.title")(self.lang), rule_id) for rule_id in flagged
            ]
            self.priorities.value = tuple(rule_id for rule_id in chosen if rule_id in flagged)
        finally:
            self.updating = False

    def changed(self) -> None:
        """Save the draft as it stands (at most :data:`MAX_PRIORITIES` priorities)."""
        if self.updating:
            return
        chosen = tuple(self.priorities.value)
        self.refresh_priorities(chosen)
        chosen = tuple(self.priorities.value)
        if len(chosen) > MAX_PRIORITIES:
            self.note.value = f"<p class='auditkit-invalid'>{html.escape(self.say('workshop.training.too_many', count=MAX_PRIORITIES))}</p>"
            chosen = chosen[:MAX_PRIORITIES]
        else:
            self.note.value = ""
        self.save(chosen, submitted=False)

    def save(self, priorities: tuple[str, ...], *, submitted: bool) -> TrainingDraft:
        """Write the draft to the participant's file (marked submitted when checked)."""
        saved = self.workshop.participant(self.code)
        when = datetime.now(UTC) if submitted else (saved.training.submitted_at if saved else None)
        draft = TrainingDraft(findings=self.flagged(), priorities=priorities, submitted_at=when)
        return self.workshop.save_training(self.code, draft)

    def submit(self) -> None:
        """Check the draft against the reference and say what was missed, over-flagged, and why."""
        draft = self.save(tuple(self.priorities.value)[:MAX_PRIORITIES], submitted=True)
        self.review.value = render_review(
            check(draft, self.reference), len(self.reference.findings), self.lang
        )


def render_review(review: Review, expected: int, lang: str) -> str:
    """The checker's verdict as HTML: found, missed (with why and where to read), over-flagged, priorities."""

    def say(message_id: str, **params: object) -> str:
        return html.escape(msg(message_id, **params)(lang))

    def title(rule_id: str) -> str:
        return html.escape(msg(f"rule.{rule_id}.title")(lang))

    parts = [f"<h3>{say('workshop.training.found', count=len(review.found), total=expected)}</h3>"]
    if review.missed:
        items = "".join(
            f"<li><b>{title(miss.rule)}</b>. {html.escape(miss.why(lang))} "
            f"<i>{say('workshop.quiz.read_section', number=miss.section, title=section_title(miss.section))}</i></li>"
            for miss in review.missed
        )
        parts.append(
            f"<h4>{say('workshop.training.missed')}</h4><ul class='auditkit-training-missed'>{items}</ul>"
        )
    if review.over_flagged:
        items = "".join(
            f"<li><b>{title(rule_id)}</b>. {say('workshop.training.over_why')} "
            f"<i>{say('workshop.quiz.read_section', number=THEME_SECTION[RULES[rule_id].theme], title=section_title(THEME_SECTION[RULES[rule_id].theme]))}</i></li>"
            for rule_id in review.over_flagged
        )
        parts.append(
            f"<h4>{say('workshop.training.over')}</h4><ul class='auditkit-training-over'>{items}</ul>"
        )
    lines = [
        say("workshop.training.priority_right", rule=msg(f"rule.{r}.title")) for r in review.priorities_right
    ]
    lines += [
        say("workshop.training.priority_later", rule=msg(f"rule.{r}.title"), month=month)
        for r, month in review.priorities_later
    ]
    lines += [
        say("workshop.training.priority_unfounded", rule=msg(f"rule.{r}.title"))
        for r in review.priorities_unfounded
    ]
    if lines:
        items = "".join(f"<li>{line}</li>" for line in lines)
        parts.append(f"<h4>{say('workshop.training.priorities_review')}</h4><ul>{items}</ul>")
    if review.complete:
        parts.append(f"<p>{say('workshop.training.complete')}</p>")
    return f"<div class='auditkit-training-review'>{''.join(parts)}</div>"


def training_page(folder: Path | str | None = None) -> widgets.VBox:
    """The training case page of the session in ``folder`` (by default the app's session folder)."""
    return TrainingPage(open_workshop(session_folder(folder)), load_reference()).widget
