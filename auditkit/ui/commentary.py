"""The consultant's words in the report: their executive summary and a comment per section.

Each text is a multi-line box in a proportional font with a live preview of its Markdown, exactly as the
report shows it (:func:`auditkit.report.markdown.render_markdown`). Every change is saved through the
session like any other field, so the texts live in the audit file and survive re-running the notebook.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from auditkit.locale import label
from auditkit.model import Audit, ReportSection
from auditkit.report.markdown import render_markdown
from auditkit.ui.common import heading
from auditkit.ui.session import AuditSession, Event

PROSE_STYLE = """
<style>
.auditkit-prose textarea { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-size: 0.95em; line-height: 1.4; }
.auditkit-preview { border-left: 3px solid #d1d5db; padding: 0 10px; color: #111827; min-height: 1.5em; }
.auditkit-preview h4, .auditkit-preview h5, .auditkit-preview h6 { margin: 0.4em 0 0.2em; }
</style>
"""

Read = Callable[[Audit], str]
Write = Callable[[Audit, str], None]


class MarkdownEditor:
    """One text of the consultant: a box, its live preview and the reason a change was refused."""

    def __init__(self, session: AuditSession, read: Read, write: Write, name: str) -> None:
        self.session = session
        self._read = read
        self._write = write
        self._updating = False
        self.box = widgets.Textarea(
            placeholder=session.say("ui.commentary.placeholder"),
            rows=6,
            layout=widgets.Layout(width="100%"),
        )
        self.box.add_class("auditkit-prose")
        self.box.add_class(f"auditkit-commentary-{name}")
        self.preview = widgets.HTML()
        self.preview.add_class("auditkit-preview")
        self.message = widgets.HTML()
        self.widget = widgets.VBox(
            [
                self.box,
                self.message,
                widgets.HTML(
                    f'<span class="auditkit-column">{html.escape(session.say("ui.commentary.preview"))}</span>'
                ),
                self.preview,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.refresh()
        self.box.observe(self._on_value, "value")

    def refresh(self) -> None:
        """Show the audit's text and its preview."""
        self._updating = True
        try:
            self.box.value = self._read(self.session.audit)
        finally:
            self._updating = False
        self._show_preview(self.box.value)
        self.message.value = ""

    def _on_value(self, change: dict[str, Any]) -> None:
        if self._updating:
            return
        text = str(change["new"])
        self._show_preview(text)
        problems = self.session.edit(lambda audit: self._write(audit, text))
        shown = self.session.problems_text(problems)
        self.message.value = f'<span class="auditkit-error">⚠ {html.escape(shown)}</span>' if shown else ""

    def _show_preview(self, text: str) -> None:
        self.preview.value = str(render_markdown(text, self.session.language))


def _summary(audit: Audit) -> str:
    return audit.commentary.summary


def _set_summary(audit: Audit, text: str) -> None:
    audit.commentary.summary = text


def _comment_of(section: ReportSection) -> tuple[Read, Write]:
    def read(audit: Audit) -> str:
        return audit.commentary.sections.get(section, "")

    def write(audit: Audit, text: str) -> None:
        sections = dict(audit.commentary.sections)
        if text.strip():
            sections[section] = text
        else:
            sections.pop(section, None)
        audit.commentary.sections = sections

    return read, write


class CommentaryEditor:
    """The executive summary and the comment of each section, each with its preview.

    A section's editor is built when its pane is first opened (:meth:`section`): eleven closed editors
    would otherwise be drawn for nothing each time the step opens.
    """

    def __init__(self, session: AuditSession) -> None:
        self.session = session
        say = session.say
        self.summary = MarkdownEditor(session, _summary, _set_summary, "summary")
        self.sections: dict[ReportSection, MarkdownEditor] = {}
        self.order = list(ReportSection)
        self.accordion = widgets.Accordion(children=[widgets.VBox() for _ in self.order])
        for index, section in enumerate(self.order):
            self.accordion.set_title(index, label(section)(session.language))
        self.accordion.selected_index = None
        self.accordion.observe(self._on_open, "selected_index")
        self.widget = widgets.VBox(
            [
                widgets.HTML(PROSE_STYLE),
                heading(say("ui.commentary.heading")),
                widgets.HTML(f'<span class="auditkit-hint">{html.escape(say("ui.commentary.hint"))}</span>'),
                heading(say("ui.commentary.summary"), 4),
                self.summary.widget,
                heading(say("ui.commentary.sections"), 4),
                self.accordion,
            ]
        )
        session.on_change(self._on_session)

    def section(self, section: ReportSection) -> MarkdownEditor:
        """The editor of ``section``'s comment, built and put in its pane the first time."""
        if section not in self.sections:
            editor = MarkdownEditor(self.session, *_comment_of(section), section.value)
            self.sections[section] = editor
            self.accordion.children[self.order.index(section)].children = [editor.widget]
        return self.sections[section]

    def _on_open(self, change: dict[str, Any]) -> None:
        if change["new"] is not None:
            self.section(self.order[change["new"]])

    def _on_session(self, event: Event) -> None:
        if event is Event.RELOAD:
            for editor in (self.summary, *self.sections.values()):
                editor.refresh()
