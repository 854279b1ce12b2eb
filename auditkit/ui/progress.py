"""How far each step of the guided audit has gone, at a glance, from the audit's content alone."""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import StrEnum

import ipywidgets as widgets

from auditkit.locale import Message, label, msg
from auditkit.model import Audit, ChannelStatus, StrategyComponentKey
from auditkit.ui.session import AuditSession
from auditkit.ui.steps import STEPS


class StepState(StrEnum):
    """How far a step has gone; named by the ``enum.step_state.*`` messages."""

    TODO = "todo"
    STARTED = "started"
    DONE = "done"

    @property
    def symbol(self) -> str:
        return {"todo": "○", "started": "◐", "done": "●"}[self.value]


@dataclass(frozen=True)
class StepProgress:
    """Where one step stands: its state and a one-line summary of what is there."""

    step: str
    state: StepState
    detail: Message


def _objectives(audit: Audit) -> StepProgress:
    objectives = audit.objectives
    if not objectives:
        return StepProgress("objectives", StepState.TODO, msg("ui.progress.objectives.none"))
    primary = sum(o.primary for o in objectives)
    smart = sum(
        o.target is not None and o.baseline is not None and o.deadline is not None for o in objectives
    )
    measured = sum(bool(o.indicators) for o in objectives)
    complete = len(objectives) <= 3 and primary == 1 and smart == measured == len(objectives)
    detail = msg(
        "ui.progress.objectives", objectives=len(objectives), primary=primary, smart=smart, measured=measured
    )
    return StepProgress("objectives", StepState.DONE if complete else StepState.STARTED, detail)


def _environment(audit: Audit) -> StepProgress:
    peers, stakeholders = len(audit.peers), len(audit.stakeholders)
    described = sum(bool(s.platforms) for s in audit.stakeholders)
    detail = msg("ui.progress.environment", peers=peers, stakeholders=stakeholders, described=described)
    if not peers and not stakeholders:
        state = StepState.TODO
    elif peers and stakeholders and described == stakeholders:
        state = StepState.DONE
    else:
        state = StepState.STARTED
    return StepProgress("environment", state, detail)


def _channels(audit: Audit) -> StepProgress:
    channels = audit.channels
    active = [c for c in channels if c.status is ChannelStatus.ACTIVE]
    figured = [
        c for c in active if c.audience_size is not None and c.posts_per_week is not None and c.last_post
    ]
    detail = msg("ui.progress.channels", channels=len(channels), active=len(active), figured=len(figured))
    if not channels:
        return StepProgress("channels", StepState.TODO, detail)
    state = StepState.DONE if len(figured) == len(active) else StepState.STARTED
    return StepProgress("channels", state, detail)


def _scoring(audit: Audit) -> StepProgress:
    target = audit.settings.target_level
    detail = msg(
        "ui.progress.scoring",
        weights=len(audit.settings.weights),
        target=target or msg("ui.progress.target_not_set"),
    )
    if not audit.channels or not audit.objectives:
        return StepProgress("scoring", StepState.TODO, detail)
    return StepProgress("scoring", StepState.DONE if target else StepState.STARTED, detail)


def _strategy(audit: Audit) -> StepProgress:
    components = len(audit.strategy.components)
    organisation = audit.organisation.model_dump()
    known = sum(value not in (None, "", []) for value in organisation.values())
    total = len(StrategyComponentKey)
    detail = msg(
        "ui.progress.strategy", components=components, total=total, known=known, facts=len(organisation)
    )
    if not components and not known:
        return StepProgress("strategy", StepState.TODO, detail)
    done = components == total and known >= 0.8 * len(organisation)
    return StepProgress("strategy", StepState.DONE if done else StepState.STARTED, detail)


def _roadmap(audit: Audit) -> StepProgress:
    edits, added = len(audit.roadmap.edits), len(audit.roadmap.added)
    detail = msg("ui.progress.roadmap", edits=edits, added=added)
    if not audit.objectives and not audit.channels:
        return StepProgress("roadmap", StepState.TODO, detail)
    return StepProgress("roadmap", StepState.DONE if edits or added else StepState.STARTED, detail)


def _report(audit: Audit) -> StepProgress:
    if audit.objectives and audit.channels:
        return StepProgress("report", StepState.STARTED, msg("ui.progress.report.ready"))
    return StepProgress("report", StepState.TODO, msg("ui.progress.report.waiting"))


def _start(audit: Audit) -> StepProgress:
    engagement = audit.engagement
    detail = msg(
        "ui.progress.start",
        client=engagement.client,
        round=str(engagement.round),
        date=engagement.audit_date.isoformat(),
    )
    return StepProgress("start", StepState.DONE, detail)


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
            f"<td>{html.escape(label(item.state)(language))}</td>"
            f"<td>{html.escape(item.detail(language))}</td></tr>"
        )
    return f'<table class="auditkit-table auditkit-progress">{"".join(rows)}</table>'


def progress_view(session: AuditSession) -> widgets.HTML:
    """The progress table as a widget that follows every change of the audit."""
    view = widgets.HTML(progress_html(session.audit))
    session.on_change(lambda event: setattr(view, "value", progress_html(session.audit)))
    return view
