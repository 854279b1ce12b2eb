"""The workshop's home page: the steps of the session and its pages, by title, in the session's language."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as widgets

from auditkit.locale import msg
from auditkit.ui.fields import style_sheet
from auditkit.ui.workshop_quiz import STYLE, session_folder
from auditkit.workshop.session import open_workshop

__all__ = ["PAGES", "home_page"]

PAGES = (
    ("quiz.ipynb", "workshop.home.quiz"),
    ("training.ipynb", "workshop.home.training"),
    ("facilitator.ipynb", "workshop.home.facilitator"),
)
"""The workshop's pages, in the order of the session: notebook, then the message that names it."""


def home_page(folder: Path | str | None = None) -> widgets.VBox:
    """The home page of the session in ``folder`` (by default the app's session folder)."""
    workshop = open_workshop(session_folder(folder))
    lang = workshop.settings.language

    def say(message_id: str, **params: object) -> str:
        return html.escape(msg(message_id, **params)(lang))

    steps = "".join(
        f"<li><a href='{notebook}' target='_self'><b>{say(key)}</b></a> — {say(key + '.what')}</li>"
        for notebook, key in PAGES
    )
    body = (
        f"<h1>{say('workshop.home.title')}</h1>"
        f"<p>{say('workshop.home.intro', count=len(workshop.settings.questions))}</p>"
        f"<ol class='auditkit-workshop-pages'>{steps}</ol>"
        f"<p><i>{say('workshop.home.privacy')}</i></p>"
    )
    box = widgets.VBox([style_sheet(), widgets.HTML(STYLE), widgets.HTML(body)])
    box.add_class("auditkit-workshop")
    return box
