"""Step 00: open or create the audit, describe the engagement, and see how far each step has gone.

The consultant's name typed for a new audit is kept in the workspace's preferences and proposed for the
next one."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from auditkit import store
from auditkit.errors import AuditkitError
from auditkit.model import IndustryKind
from auditkit.ui.common import heading, step_box
from auditkit.ui.fields import choice, field_label, form, labelled, language_options
from auditkit.ui.progress import progress_view
from auditkit.ui.session import AuditSession, Event, in_app, new_audit, page_address, set_current
from auditkit.ui.steps import STEPS
from auditkit.ui.workspace import preferences, remember, workspace_path

ENGAGEMENT_FIELDS = ["client", "consultant", "audit_date", "round", "language", "currency"]


def _audit_files(folder: Path) -> list[str]:
    """The names of the folder's audit files (links leading out of it left out)."""
    return sorted(path.name for path in folder.glob(f"*{store.SUFFIX}") if _in_workspace(folder, path.name))


def _in_workspace(folder: Path, name: str) -> bool:
    try:
        workspace_path(folder, name)
    except AuditkitError:
        return False
    return True


class StartPanel:
    """Open an existing audit file of the folder, or create a new one; then make it the current audit."""

    def __init__(self, session: AuditSession, folder: Path | None = None) -> None:
        self.session = session
        self.folder = folder or Path.cwd()
        say = session.say
        self.message = widgets.HTML()
        self.files = widgets.Combobox(
            options=_audit_files(self.folder),
            value=session.path.name,
            placeholder=say("ui.start.path"),
            ensure_option=False,
            layout=widgets.Layout(width="28em"),
        )
        self.open_button = widgets.Button(
            description=say("ui.start.open_button"), icon="folder-open", layout=widgets.Layout(width="auto")
        )
        self.open_button.on_click(lambda _: self.open(self.files.value))
        self.file_name = widgets.Text(placeholder="client-2026", layout=widgets.Layout(width="28em"))
        self.client = widgets.Text(layout=widgets.Layout(width="28em"))
        self.consultant = widgets.Text(
            value=str(
                preferences(self.folder).get("consultant") or session.audit.engagement.consultant or ""
            ),
            layout=widgets.Layout(width="28em"),
        )
        self.industry = choice(IndustryKind, session.language, False, "", widgets.Layout(width="28em"))
        self.language = widgets.Dropdown(
            options=language_options(), value=session.language, layout=widgets.Layout(width="12em")
        )
        self.audit_date = widgets.DatePicker(value=date.today(), layout=widgets.Layout(width="14em"))
        self.create_button = widgets.Button(
            description=say("ui.start.create_button"),
            icon="plus",
            button_style="success",
            layout=widgets.Layout(width="auto"),
        )
        self.create_button.on_click(lambda _: self.create())
        self.widget = widgets.VBox(
            [
                heading(say("ui.start.open")),
                labelled(say("ui.start.path"), self.files, self.open_button),
                heading(say("ui.start.create")),
                labelled(say("ui.common.file_name"), self.file_name),
                labelled(session.text(field_label("Engagement", "client")), self.client),
                labelled(session.text(field_label("Engagement", "consultant")), self.consultant),
                labelled(session.text(field_label("ClientProfile", "industry")), self.industry),
                labelled(say("ui.common.language"), self.language),
                labelled(session.text(field_label("Engagement", "audit_date")), self.audit_date),
                labelled("", self.create_button),
                self.message,
            ]
        )

    def open(self, name: str) -> bool:
        """Work on the audit file ``name`` of the folder from now on (a name, not a path: see :func:`workspace_path`)."""
        try:
            path = workspace_path(self.folder, name)
            self.session.switch(path)
        except AuditkitError as error:
            self._fail(self.session.error_text(error))
            return False
        set_current(path, self.folder)
        self.message.value = self._opened(path)
        return True

    def _opened(self, path: Path) -> str:
        """What :meth:`open` says: in ``auditkit app``, with the link that carries the audit to the next step."""
        say = self.session.say
        if not in_app():
            return html.escape(say("ui.start.opened", path=path.name))
        following = STEPS[1]
        address = page_address(following.notebook, path, self.folder)
        link = html.escape(say("ui.step.next", title=self.session.text(following.title)))
        return (
            html.escape(say("workspace.opened_here", path=path.name))
            + f'<br><a class="auditkit-next" href="{html.escape(address, quote=True)}">{link}</a>'
        )

    def create(self) -> bool:
        """Create the audit described by the form, then work on it."""
        name, client = self.file_name.value.strip(), self.client.value.strip()
        if not name or not client:
            self._fail(self.session.say("ui.start.no_name"))
            return False
        try:
            path = new_audit(
                workspace_path(self.folder, name, store.SUFFIX),
                client,
                self.industry.value,
                self.language.value,
                self.audit_date.value or date.today(),
                self.consultant.value.strip(),
            )
        except AuditkitError as error:
            self._fail(self.session.error_text(error))
            return False
        remember(self.folder, consultant=self.consultant.value.strip())
        self.files.options = _audit_files(self.folder)
        self.files.value = path.name
        return self.open(path.name)

    def _fail(self, text: str) -> None:
        self.message.value = f'<span class="auditkit-error">⚠ {html.escape(text)}</span>'


def start_step(session: AuditSession, folder: Path | None = None) -> widgets.VBox:
    """The engagement form, the open / create panel and the progress table."""
    body = widgets.VBox()
    shown_language: list[str] = []

    def build() -> None:
        shown_language[:] = [session.language]
        body.children = [
            heading(session.say("ui.start.engagement")),
            form(session, ("engagement",), ENGAGEMENT_FIELDS, on_reload=False),
            StartPanel(session, folder).widget,
        ]

    def on_change(event: Any) -> None:
        if event is Event.RELOAD or (event is Event.EDIT and session.language != shown_language[0]):
            build()

    build()
    session.on_change(on_change)
    return step_box(
        session,
        "start",
        [body, heading(session.say("ui.start.progress")), progress_view(session)],
    )
