"""Step 04: the scores, with the weights as sliders; charts and scorecard follow each change in place.

The charts are :class:`~auditkit.ui.figures.LiveFigure` objects drawn from :mod:`auditkit.charts`; a
weight change recomputes the scorecard and redraws only the charts whose data changed. Widgets do not
survive a static export of the notebook (nbconvert without widget state): the exported form of the
scores is the HTML report (step 07), which draws the same figures from :mod:`auditkit.charts`.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from auditkit import charts
from auditkit.errors import AuditkitError
from auditkit.locale import label, msg
from auditkit.locale.formats import decimal, percent_points
from auditkit.model import Audit
from auditkit.scoring import WEIGHTS, Scorecard, score, weights_for
from auditkit.ui.common import heading, percent_slider, step_box
from auditkit.ui.fields import field
from auditkit.ui.figures import LiveFigure
from auditkit.ui.session import AuditSession, Event

WEIGHT_GROUPS = {
    "fit": "ui.score.fit",
    "health": "ui.score.channel_health",
    "org": "ui.score.organisation_readiness",
    "strategy": "ui.score.strategy_completeness",
    "results": "scoring.weight.results.name",
    "overall": "ui.score.overall",
}
"""The message naming each group of weights (a weight's key starts with its group)."""


def _set_weights(audit: Audit, weights: dict[str, float]) -> None:
    audit.settings.weights = weights


def heatmap_key(card: Scorecard, audit: Audit) -> tuple[Any, ...]:
    """What the channel-objective heatmap is drawn from."""
    return (
        audit.engagement.language,
        tuple((o.id, o.statement) for o in audit.objectives),
        tuple((c.channel_id, c.name) for c in card.channels),
        tuple((pair, fit.value) for pair, fit in card.matrix.items()),
    )


def health_key(card: Scorecard, audit: Audit) -> tuple[Any, ...]:
    """What the channel health chart is drawn from."""
    return (
        audit.engagement.language,
        tuple((c.channel_id, c.name, c.health.value, c.recommendation) for c in card.channels),
    )


def scorecard_html(card: Scorecard, audit: Audit) -> str:
    """The scorecard as HTML: overall score and level, strategy and organisation, one row per channel."""
    language = audit.engagement.language

    def say(message_id: str, **values: Any) -> str:
        return msg(message_id, **values)(language)

    def level_text(level: Any) -> str:
        if level is None:
            return say("ui.scoring.no_target")
        return say("ui.scoring.level", number=str(level.number), name=level.name(language))

    summary = [
        (say("ui.score.overall"), decimal(card.overall.value, language)),
        (
            say("ui.score.maturity_level"),
            card.incomplete.message(language) if card.incomplete else level_text(card.level),
        ),
        (say("ui.score.target_level"), level_text(card.target_level)),
        (say("ui.score.strategy_completeness"), decimal(card.strategy_completeness.value, language)),
        (say("ui.score.organisation_readiness"), decimal(card.organisation_readiness.value, language)),
        (say("scoring.weight.results.name"), decimal(card.results.value, language)),
    ]
    head = "".join(
        f"<tr><th>{html.escape(name)}</th><td>{html.escape(value)}</td></tr>" for name, value in summary
    )
    rows = "".join(
        "<tr>"
        f"<td>{html.escape(channel.name)}</td>"
        f"<td>{html.escape(label(channel.platform)(language))}</td>"
        f'<td class="num">{decimal(channel.health.value, language)}</td>'
        f"<td><b>{html.escape(channel.recommendation.label(language))}</b></td>"
        f"<td>{html.escape(channel.reasons[0](language) if channel.reasons else '')}</td>"
        "</tr>"
        for channel in card.channels
    )
    columns = [
        "ui.column.channel",
        "ui.field.platform",
        "ui.column.health",
        "ui.column.recommendation",
        "ui.column.reasons",
    ]
    channel_head = "".join(f"<th>{html.escape(say(column))}</th>" for column in columns)
    return (
        f'<table class="auditkit-table auditkit-summary">{head}</table><br>'
        f'<table class="auditkit-table auditkit-scorecard"><tr>{channel_head}</tr>{rows}</table>'
    )


class ScoringView:
    """Weight sliders, target level, the heatmap and health charts, and the scorecard, kept in sync."""

    def __init__(self, session: AuditSession) -> None:
        self.session = session
        self.card = score(session.audit)
        language = session.language
        audit = session.audit
        self.heatmap = LiveFigure(
            charts.channel_objective_heatmap(self.card, audit, language), heatmap_key(self.card, audit)
        )
        self.health = LiveFigure(charts.channel_health(self.card, language), health_key(self.card, audit))
        self.table = widgets.HTML(scorecard_html(self.card, session.audit))
        self.message = widgets.HTML()
        self.sliders: dict[str, widgets.FloatSlider] = {}
        self.totals: dict[str, widgets.HTML] = {}
        self.normalise_buttons: dict[str, widgets.Button] = {}
        self._updating = False
        self.groups = list(dict.fromkeys(key.split(".")[0] for key in WEIGHTS))
        self.accordion = widgets.Accordion(children=[widgets.VBox() for _ in self.groups])
        self.accordion.observe(lambda change: self.open_group(change["new"]), "selected_index")
        self.reset_button = widgets.Button(
            description=session.say("ui.scoring.reset"), icon="undo", layout=widgets.Layout(width="auto")
        )
        self.reset_button.on_click(lambda _: self.ask_reset())
        self.confirm_reset = widgets.Button(
            description=session.say("ui.scoring.reset_yes"), button_style="danger", icon="check"
        )
        self.cancel_reset = widgets.Button(description=session.say("ui.list.cancel"), icon="times")
        for button in (self.confirm_reset, self.cancel_reset):
            button.layout = widgets.Layout(width="auto")
        self.confirm_reset.on_click(lambda _: self.reset())
        self.cancel_reset.on_click(lambda _: self._hide_reset())
        self.reset_question = widgets.HBox(
            [
                widgets.HTML(html.escape(session.say("ui.scoring.reset_confirm"))),
                self.confirm_reset,
                self.cancel_reset,
            ]
        )
        self._hide_reset()
        self.accordion.selected_index = 0
        self._show_totals()
        self.target = field(session, ("settings", "target_level"))
        self.widget = widgets.VBox(
            [
                heading(session.say("ui.scoring.weights")),
                self.target.widget,
                self.accordion,
                self.reset_button,
                self.reset_question,
                self.message,
                heading(session.say("ui.scoring.charts")),
                self.heatmap.widget,
                self.health.widget,
                heading(session.say("ui.scoring.scorecard")),
                self.table,
            ]
        )
        session.on_change(self._on_session)

    def open_group(self, index: int | None) -> None:
        """Build the sliders of the group of weights at ``index`` the first time it is opened (a closed
        group costs the browser nothing: fifty sliders drawn at once would slow the step's opening)."""
        if index is None or self.groups[index] in self.totals:
            return
        group = self.groups[index]
        language = self.session.language
        weights = weights_for(self.session.audit)
        items: list[widgets.Widget] = []
        for key, weight in WEIGHTS.items():
            if key.split(".")[0] != group:
                continue
            slider = widgets.FloatSlider(
                value=weights[key],
                min=0.0,
                max=max(1.0, weights[key]),
                step=0.05,
                readout_format=".2f",
                continuous_update=False,
                description=weight.label(language),
                description_allow_html=False,
                tooltip=weight.doc(language),
                style={"description_width": "14em"},
                layout=widgets.Layout(width="34em"),
            )
            slider.add_class(f"auditkit-weight-{key.replace('.', '-')}")
            slider.observe(lambda change, key=key: self._on_slider(key, change["new"]), "value")
            self.sliders[key] = slider
            items.append(percent_slider(slider, language))
        self.totals[group] = widgets.HTML()
        button = widgets.Button(
            description=self.session.say("ui.scoring.normalise"),
            tooltip=self.session.say("ui.scoring.normalise_hint"),
            icon="balance-scale",
            layout=widgets.Layout(width="auto"),
        )
        button.on_click(lambda _: self._show(self.normalise(group)))
        self.normalise_buttons[group] = button
        items.append(widgets.HBox([self.totals[group], button], layout=widgets.Layout(align_items="center")))
        self.accordion.children[index].children = items
        self._show_totals()

    def set_weight(self, key: str, value: float) -> list[Any]:
        """Store weight ``key`` (a value equal to the default removes the override)."""
        overrides = dict(self.session.audit.settings.weights)
        if abs(value - WEIGHTS[key].default) < 1e-9:
            overrides.pop(key, None)
        else:
            overrides[key] = value
        return self.session.edit(
            lambda audit: _set_weights(audit, overrides), key=("settings", "weights", key)
        )

    def ask_reset(self) -> None:
        """Ask before every weight goes back to its default."""
        self.reset_question.layout.display = ""

    def reset(self) -> None:
        """Every weight back to its default (undoable, like every edit)."""
        self._hide_reset()
        self._show(self.session.edit(lambda audit: _set_weights(audit, {})))
        self._sync_sliders()

    def group_total(self, group: str) -> float:
        """The sum of the weights of ``group`` (the scores divide by it: each weight counts for its share)."""
        weights = weights_for(self.session.audit)
        return sum(value for key, value in weights.items() if key.split(".")[0] == group)

    def normalise(self, group: str) -> list[Any]:
        """Scale the weights of ``group`` so that they sum to 100 %, each keeping its share."""
        total = self.group_total(group)
        if total <= 0:
            return []
        weights = weights_for(self.session.audit)
        overrides = dict(self.session.audit.settings.weights)
        for key, value in weights.items():
            if key.split(".")[0] == group:
                scaled = round(value / total, 4)
                if abs(scaled - WEIGHTS[key].default) < 1e-9:
                    overrides.pop(key, None)
                else:
                    overrides[key] = scaled
        problems = self.session.edit(lambda audit: _set_weights(audit, overrides))
        self._sync_sliders()
        return problems

    def _hide_reset(self) -> None:
        self.reset_question.layout.display = "none"

    def _show_totals(self) -> None:
        """Each group's total under its sliders, and in its title when it is not 100 % (seen closed too)."""
        language = self.session.language
        for index, group in enumerate(self.groups):
            total = self.group_total(group)
            balanced = abs(total - 1) < 0.005
            shown = percent_points(100 * total, language, 1)
            name = self.session.say(WEIGHT_GROUPS[group])
            title = name if balanced else self.session.say("ui.scoring.group_total", group=name, total=shown)
            self.accordion.set_title(index, title)
            if group in self.totals:
                text = self.session.say("ui.scoring.total", total=shown)
                css = "auditkit-hint" if balanced else "auditkit-warning"
                self.totals[group].value = f'<span class="{css}">{html.escape(text)}</span>'
                self.normalise_buttons[group].layout.display = "none" if balanced else ""

    def refresh(self) -> None:
        """Recompute the scorecard and update the charts and the table in place."""
        audit = self.session.audit
        try:
            self.card = score(audit)
        except AuditkitError as error:
            self.message.value = (
                f'<span class="auditkit-error">⚠ {html.escape(self.session.error_text(error))}</span>'
            )
            return
        self._show_totals()
        card, language = self.card, audit.engagement.language
        self.heatmap.update(
            heatmap_key(card, audit), lambda: charts.channel_objective_heatmap(card, audit, language)
        )
        self.health.update(health_key(card, audit), lambda: charts.channel_health(card, language))
        self.table.value = scorecard_html(card, audit)

    def _on_slider(self, key: str, value: float) -> None:
        if not self._updating:
            self._show(self.set_weight(key, value))

    def _on_session(self, event: Event) -> None:
        if event is Event.SAVED:
            return
        if event is Event.RELOAD:
            self._sync_sliders()
            self.target.refresh()
        self.refresh()

    def _sync_sliders(self) -> None:
        weights = weights_for(self.session.audit)
        self._updating = True
        try:
            for key, slider in self.sliders.items():
                slider.max = max(slider.max, weights[key])
                slider.value = weights[key]
        finally:
            self._updating = False

    def _show(self, problems: list[Any]) -> None:
        text = self.session.problems_text(problems, located=True)
        self.message.value = f'<span class="auditkit-error">⚠ {html.escape(text)}</span>' if text else ""


def scoring_step(session: AuditSession) -> widgets.VBox:
    """The scoring step: weights, target level, live charts and scorecard."""
    return step_box(session, "scoring", [ScoringView(session).widget])
