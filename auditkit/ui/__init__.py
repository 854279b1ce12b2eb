"""Widgets of the guided audit notebooks: every step edits the audit file and saves it as you type.

A notebook cell opens the audit and shows a step::

    from auditkit import ui

    session = ui.open_session(audit_path)   # the audit file; a copy of the example when missing
    ui.explain(session, "objectives")        # the step's explanation, in the audit's language
    ui.objectives_step(session)              # the widgets

Each builder returns an ipywidgets container bound to ``session``: every change is validated as it is
typed (an invalid value is shown as such and never saved) and saved a moment later, atomically. A name
is imported when first used, so that a notebook loads only the step it shows.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from auditkit.ui.channels import channels_step
    from auditkit.ui.common import configure_plotly, explain
    from auditkit.ui.environment import environment_step
    from auditkit.ui.objectives import objectives_step
    from auditkit.ui.progress import progress, progress_view
    from auditkit.ui.report import report_figures, report_step
    from auditkit.ui.roadmap import roadmap_step
    from auditkit.ui.scoring import scoring_step
    from auditkit.ui.session import AuditSession, Event, open_session
    from auditkit.ui.start import start_step
    from auditkit.ui.strategy import strategy_step

__all__ = [
    "AuditSession",
    "Event",
    "channels_step",
    "configure_plotly",
    "environment_step",
    "explain",
    "objectives_step",
    "open_session",
    "progress",
    "progress_view",
    "report_figures",
    "report_step",
    "roadmap_step",
    "scoring_step",
    "start_step",
    "strategy_step",
]

_HOMES = {
    "AuditSession": "auditkit.ui.session",
    "Event": "auditkit.ui.session",
    "channels_step": "auditkit.ui.channels",
    "configure_plotly": "auditkit.ui.common",
    "environment_step": "auditkit.ui.environment",
    "explain": "auditkit.ui.common",
    "objectives_step": "auditkit.ui.objectives",
    "open_session": "auditkit.ui.session",
    "progress": "auditkit.ui.progress",
    "progress_view": "auditkit.ui.progress",
    "report_figures": "auditkit.ui.report",
    "report_step": "auditkit.ui.report",
    "roadmap_step": "auditkit.ui.roadmap",
    "scoring_step": "auditkit.ui.scoring",
    "start_step": "auditkit.ui.start",
    "strategy_step": "auditkit.ui.strategy",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'auditkit.ui' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
