"""How far each step of the guided audit has gone, at a glance, from the audit's content alone."""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import StrEnum

import ipywidgets as widgets

from auditkit.i18n import Bilingual
from auditkit.model import Audit, ChannelStatus, StrategyComponentKey
from auditkit.ui.session import AuditSession
from auditkit.ui.texts import STEPS

_B = Bilingual


class State(StrEnum):
    TODO = "todo"
    STARTED = "started"
    DONE = "done"

    @property
    def symbol(self) -> str:
        return {"todo": "○", "started": "◐", "done": "●"}[self.value]


STATE_LABELS = {
    State.TODO: _B("to do", "à faire"),
    State.STARTED: _B("started", "commencé"),
    State.DONE: _B("done", "fait"),
}


@dataclass(frozen=True)
class StepProgress:
    """Where one step stands: its state and a one-line summary of what is there."""

    step: str
    state: State
    detail: Bilingual


def _objectives(audit: Audit) -> StepProgress:
    objectives = audit.objectives
    if not objectives:
        return StepProgress("objectives", State.TODO, _B("no objective yet", "aucun objectif pour l'instant"))
    primary = sum(o.primary for o in objectives)
    smart = sum(
        o.target is not None and o.baseline is not None and o.deadline is not None for o in objectives
    )
    measured = sum(bool(o.indicators) for o in objectives)
    complete = len(objectives) <= 3 and primary == 1 and smart == measured == len(objectives)
    detail = _B(
        f"{len(objectives)} objective(s), {primary} primary, {smart} with target, baseline and deadline, "
        f"{measured} with indicators",
        f"{len(objectives)} objectif(s), {primary} principal, {smart} avec cible, point de départ et échéance, "
        f"{measured} avec indicateurs",
    )
    return StepProgress("objectives", State.DONE if complete else State.STARTED, detail)


def _environment(audit: Audit) -> StepProgress:
    peers, stakeholders = len(audit.peers), len(audit.stakeholders)
    described = sum(bool(s.platforms) for s in audit.stakeholders)
    detail = _B(
        f"{peers} peer(s), {stakeholders} stakeholder group(s), {described} with their platforms",
        f"{peers} pair(s), {stakeholders} public(s), {described} avec leurs plateformes",
    )
    if not peers and not stakeholders:
        state = State.TODO
    elif peers and stakeholders and described == stakeholders:
        state = State.DONE
    else:
        state = State.STARTED
    return StepProgress("environment", state, detail)


def _channels(audit: Audit) -> StepProgress:
    channels = audit.channels
    active = [c for c in channels if c.status is ChannelStatus.ACTIVE]
    figured = [
        c for c in active if c.audience_size is not None and c.posts_per_week is not None and c.last_post
    ]
    detail = _B(
        f"{len(channels)} channel(s), {len(active)} active, {len(figured)} of them with audience, rhythm and last post",
        f"{len(channels)} canal(aux), {len(active)} actif(s), dont {len(figured)} avec audience, rythme et dernière publication",
    )
    if not channels:
        return StepProgress("channels", State.TODO, detail)
    return StepProgress("channels", State.DONE if len(figured) == len(active) else State.STARTED, detail)


def _scoring(audit: Audit) -> StepProgress:
    weights = len(audit.settings.weights)
    target = audit.settings.target_level
    detail = _B(
        f"{weights} weight(s) changed from the defaults; target level: {target or 'not set'}",
        f"{weights} poids modifié(s) ; niveau visé : {target or 'non fixé'}",
    )
    if not audit.channels or not audit.objectives:
        return StepProgress("scoring", State.TODO, detail)
    return StepProgress("scoring", State.DONE if target else State.STARTED, detail)


def _strategy(audit: Audit) -> StepProgress:
    components = len(audit.strategy.components)
    organisation = audit.organisation.model_dump()
    known = sum(value not in (None, "", []) for value in organisation.values())
    total = len(StrategyComponentKey)
    detail = _B(
        f"{components} of {total} components assessed; {known} of {len(organisation)} organisation facts known",
        f"{components} composantes sur {total} évaluées ; {known} informations sur {len(organisation)} "
        "connues sur l'organisation",
    )
    if not components and not known:
        return StepProgress("strategy", State.TODO, detail)
    done = components == total and known >= 0.8 * len(organisation)
    return StepProgress("strategy", State.DONE if done else State.STARTED, detail)


def _roadmap(audit: Audit) -> StepProgress:
    edits, added = len(audit.roadmap.edits), len(audit.roadmap.added)
    detail = _B(
        f"generated from the findings; {edits} action(s) edited, {added} added by hand",
        f"produite à partir des constats ; {edits} action(s) modifiée(s), {added} ajoutée(s) à la main",
    )
    if not audit.objectives and not audit.channels:
        return StepProgress("roadmap", State.TODO, detail)
    return StepProgress("roadmap", State.DONE if edits or added else State.STARTED, detail)


def _report(audit: Audit) -> StepProgress:
    ready = bool(audit.objectives and audit.channels)
    detail = (
        _B("ready to preview and export", "prêt à prévisualiser et exporter")
        if ready
        else _B("needs objectives and channels first", "demande d'abord des objectifs et des canaux")
    )
    return StepProgress("report", State.STARTED if ready else State.TODO, detail)


def _start(audit: Audit) -> StepProgress:
    engagement = audit.engagement
    detail = _B(
        f"{engagement.client}, round {engagement.round}, {engagement.audit_date.isoformat()}",
        f"{engagement.client}, édition {engagement.round}, {engagement.audit_date.isoformat()}",
    )
    return StepProgress("start", State.DONE, detail)


def progress(audit: Audit) -> list[StepProgress]:
    """The progress of every step, in order."""
    return [
        _start(audit),
        _objectives(audit),
        _environment(audit),
        _channels(audit),
        _scoring(audit),
        _strategy(audit),
        _roadmap(audit),
        _report(audit),
    ]


def progress_html(audit: Audit) -> str:
    """The progress table: one row per notebook, linked, with its state and summary (escaped)."""
    language = audit.engagement.language
    states = {item.step: item for item in progress(audit)}
    rows = []
    for step in STEPS:
        item = states[step.key]
        rows.append(
            f'<tr class="auditkit-progress-{item.state.value}">'
            f"<td>{item.state.symbol}</td>"
            f'<td><a href="{step.notebook}" target="_self">{step.number:02d} · {html.escape(step.title(language))}</a></td>'
            f"<td>{html.escape(STATE_LABELS[item.state](language))}</td>"
            f"<td>{html.escape(item.detail(language))}</td></tr>"
        )
    return f'<table class="auditkit-table auditkit-progress">{"".join(rows)}</table>'


def progress_view(session: AuditSession) -> widgets.HTML:
    """The progress table as a widget that follows every change of the audit."""
    view = widgets.HTML(progress_html(session.audit))
    session.on_change(lambda event: setattr(view, "value", progress_html(session.audit)))
    return view
