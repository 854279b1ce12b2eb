"""The bar above every step's widgets: the save status, undo and redo, and the presentation mode.

Presentation mode is for a client watching: the notebook holding the bar (in JupyterLab as in Voilà) hides
its code cells, its prompts and the method's teaching panels (elements of class :data:`TEACHING_CLASS`),
through a style sheet that applies only while the bar carries :data:`PRESENTING_CLASS`. The choice is kept
in the workspace's preferences, so that the next notebook opens the same way.
"""

from __future__ import annotations

import ipywidgets as widgets

from auditkit.ui.session import AuditSession
from auditkit.ui.workspace import preferences, remember

TEACHING_CLASS = "auditkit-teaching"
"""The class of the method's teaching panels, hidden in presentation mode."""
PRESENTING_CLASS = "auditkit-presenting"
"""The class the bar carries in presentation mode."""
PRESENTING = ".jp-Notebook:has(.auditkit-presenting)"

STYLE = f"""
<style>
{PRESENTING} .jp-CodeCell .jp-Cell-inputWrapper,
{PRESENTING} .jp-CodeCell:not(:has(.jp-OutputArea-child)),
{PRESENTING} .jp-OutputArea-prompt,
{PRESENTING} .jp-OutputArea-promptOverlay,
{PRESENTING} .jp-Collapser,
{PRESENTING} .jp-InputPrompt,
{PRESENTING} .{TEACHING_CLASS} {{ display: none !important; }}
{PRESENTING} .jp-Cell {{ padding-top: 0; padding-bottom: 0; }}
.auditkit-step textarea {{ font-family: var(--jp-ui-font-family, system-ui, sans-serif) !important;
  font-size: var(--jp-widgets-font-size, 13px); line-height: 1.35; }}
.auditkit-step .widget-html-content {{ overflow-wrap: anywhere; }}
.auditkit-toolbar {{ align-items: center; gap: 4px; flex-wrap: wrap; }}
.auditkit-toolbar .auditkit-status {{ flex: 1 1 20em; }}
</style>
"""


class Toolbar:
    """The save status with undo, redo and the presentation switch, following the session."""

    def __init__(self, session: AuditSession) -> None:
        self.session = session
        say = session.say
        self.folder = session.path.parent
        self.undo_button = widgets.Button(
            description=say("ui.toolbar.undo"), icon="undo", tooltip=say("ui.toolbar.undo_hint")
        )
        self.redo_button = widgets.Button(
            description=say("ui.toolbar.redo"), icon="repeat", tooltip=say("ui.toolbar.redo_hint")
        )
        for button in (self.undo_button, self.redo_button):
            button.layout = widgets.Layout(width="auto")
        self.undo_button.on_click(lambda _: session.undo())
        self.redo_button.on_click(lambda _: session.redo())
        self.presentation = widgets.ToggleButton(
            value=bool(preferences(self.folder).get("presentation", False)),
            description=say("ui.toolbar.presentation"),
            tooltip=say("ui.toolbar.presentation_hint"),
            icon="desktop",
            layout=widgets.Layout(width="auto"),
        )
        self.presentation.observe(self._on_presentation, "value")
        self.widget = widgets.HBox(
            [widgets.HTML(STYLE), session.status_bar, self.undo_button, self.redo_button, self.presentation]
        )
        self.widget.add_class("auditkit-toolbar")
        self._show_presentation()
        self._show_history()
        session.on_change(lambda _event: self._show_history())

    def _on_presentation(self, _change: object) -> None:
        self._show_presentation()
        remember(self.folder, presentation=self.presentation.value)

    def _show_presentation(self) -> None:
        if self.presentation.value:
            self.widget.add_class(PRESENTING_CLASS)
        else:
            self.widget.remove_class(PRESENTING_CLASS)

    def _show_history(self) -> None:
        self.undo_button.disabled = not self.session.can_undo
        self.redo_button.disabled = not self.session.can_redo


def toolbar(session: AuditSession) -> widgets.HBox:
    """The bar shown above a step's widgets (see :class:`Toolbar`)."""
    return Toolbar(session).widget


__all__ = ["PRESENTING_CLASS", "TEACHING_CLASS", "Toolbar", "toolbar"]
