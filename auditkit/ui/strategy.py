"""Step 05: the strategy's components (present, partial, absent or not assessed) and the organisation."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from auditkit.locale import label
from auditkit.model import ComponentStatus, StrategyComponent, StrategyComponentKey
from auditkit.ui.common import heading, step_box
from auditkit.ui.fields import INVALID_CLASS, blank_choice, choice, field_label, form, known, shown_choice
from auditkit.ui.obstacles import obstacles_list
from auditkit.ui.session import AuditSession, Event

ORGANISATION_FIELDS = [
    "sponsor",
    "strategy_owner_role",
    "strategy_owner",
    "content_creators",
    "responders",
    "validation_delay_hours",
    "training",
    "hours_per_week",
    "monthly_budget",
    "reporting_cadence",
    "publishing_lead_time_days",
    "image_consent",
    "safeguarding",
]


class ComponentRow:
    """One strategy component: its status (or not assessed), a note and where the evidence is."""

    def __init__(self, session: AuditSession, key: StrategyComponentKey) -> None:
        self.session = session
        self.key = key
        self.error: str | None = None
        language = session.language
        self.status = choice(
            ComponentStatus,
            language,
            True,
            blank_choice(session.say("ui.input.not_assessed")),
            widgets.Layout(width="13em"),
        )
        self.note = widgets.Textarea(
            placeholder=session.text(field_label("StrategyComponent", "note")),
            rows=2,
            layout=widgets.Layout(width="auto", flex="1 1 22em"),
        )
        self.evidence = widgets.Text(
            placeholder=session.text(field_label("StrategyComponent", "evidence")),
            layout=widgets.Layout(width="16em"),
        )
        self.status.add_class(f"auditkit-component-{key.value}")
        self.message = widgets.HTML()
        self._updating = False
        self.refresh()
        for control in (self.status, self.note, self.evidence):
            control.observe(self._on_value, "value")
        name = widgets.HTML(html.escape(label(key)(language)), layout=widgets.Layout(width="17em"))
        self.widget = widgets.VBox(
            [widgets.HBox([name, self.status, self.note, self.evidence]), self.message]
        )

    def refresh(self) -> None:
        component = self.session.audit.strategy.components.get(self.key)
        self._updating = True
        try:
            self.status.value = shown_choice(component.status if component else None)
            self.note.value = component.note if component else ""
            self.evidence.value = component.evidence if component else ""
            self.note.disabled = self.evidence.disabled = component is None
        finally:
            self._updating = False
        self._show(None)

    def _on_value(self, _change: dict[str, Any]) -> None:
        if self._updating:
            return
        status = known(self.status.value)
        note, evidence = self.note.value, self.evidence.value

        def change(audit: Any) -> None:
            components = audit.strategy.components
            if status is None:
                components.pop(self.key, None)
            else:
                components[self.key] = StrategyComponent(status=status, note=note, evidence=evidence)

        problems = self.session.edit(change)
        self.note.disabled = self.evidence.disabled = status is None
        self._show(self.session.problems_text(problems) if problems else None)

    def _show(self, message: str | None) -> None:
        self.error = message
        for control in (self.note, self.evidence):
            (control.add_class if message else control.remove_class)(INVALID_CLASS)
        self.message.value = (
            f'<span class="auditkit-error">⚠ {html.escape(message)}</span>' if message else ""
        )


def strategy_step(session: AuditSession) -> widgets.VBox:
    """The strategy components, the last review and obstacles, and the organisation."""
    rows = [ComponentRow(session, key) for key in StrategyComponentKey]

    def on_change(event: Event) -> None:
        if event is Event.RELOAD:
            for row in rows:
                row.refresh()

    session.on_change(on_change)
    return step_box(
        session,
        "strategy",
        [
            heading(session.say("ui.strategy.components")),
            widgets.VBox([row.widget for row in rows]),
            heading(session.say("ui.strategy.review")),
            form(session, ("strategy",), ["last_reviewed"]),
            obstacles_list(session),
            heading(session.say("ui.strategy.organisation")),
            form(session, ("organisation",), ORGANISATION_FIELDS),
        ],
    )
