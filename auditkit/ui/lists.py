"""List sections: add, edit, remove and reorder the rows of objectives, channels, peers, stakeholders.

:class:`ItemList` shows a list of items on the left and the editor of the selected one on the right
(one editor at a time, so that an inventory of thirty channels stays light in the browser).
:class:`RowList` edits small nested lists (indicators, platforms used, peers' presence) as rows of
compact fields under a line of column labels. Removing an objective or a stakeholder also takes its
id out of the items that referred to it, so the audit stays valid.

"Add" asks first for the item's name (its required text), and so does "Add" on rows that need one (an
indicator, an obstacle): nothing is saved until one is typed, the placeholder text is never taken for a
value, and an item's id is derived from that first real name (:func:`derived_id`). Ids stay out of sight:
the lists and editors show names.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from auditkit.errors import Problem
from auditkit.model import Audit
from auditkit.model.ids import REFERRING
from auditkit.model.ids import derived_id as derived_id
from auditkit.ui.fields import describe, field, field_label
from auditkit.ui.layouts import fixed_layout, plain_button_style
from auditkit.ui.session import AuditSession, Event, FieldPath, value_at

Column = tuple[str, str]
"""A column of a row of compact fields: the field's name (or a label) and its width, e.g. ``("name", "16em")``."""

TITLE_LENGTH = 90
"""Characters of an item's line in a list beyond which it is shortened at a word (the editor shows it whole)."""


def short_title(text: str, length: int = TITLE_LENGTH) -> str:
    """``text`` on one line, shortened at a word boundary with an ellipsis when longer than ``length``."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0] or text[: length - 1]
    return cut.rstrip(" ,;:.") + "…"


def references_to(audit: Audit, section: str, item_id: str) -> int:
    """How many items of the audit refer to the item ``item_id`` of ``section``."""
    return sum(
        item_id in getattr(item, name)
        for referring, name in REFERRING.get(section, ())
        for item in getattr(audit, referring)
    )


def remove_item(audit: Audit, section: str, index: int) -> None:
    """Remove item ``index`` of ``section`` and every reference to it."""
    removed = getattr(audit, section).pop(index)
    for referring, name in REFERRING.get(section, ()):
        for item in getattr(audit, referring):
            if removed.id in getattr(item, name):
                setattr(item, name, [ref for ref in getattr(item, name) if ref != removed.id])


def move_item(items: list[Any], index: int, offset: int) -> int:
    """Move ``items[index]`` by ``offset`` places (clamped); return its new index."""
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    return target


def compact_row(session: AuditSession, path: FieldPath, columns: Sequence[Column]) -> list[widgets.Widget]:
    """The compact fields ``columns`` of the item at ``path``, one per column."""
    return [field(session, (*path, name), compact=True, width=width).widget for name, width in columns]


def labelled_columns(session: AuditSession, list_path: FieldPath, columns: Sequence[Column]) -> list[Column]:
    """``columns`` of the items of the list at ``list_path``, with each field's label in the audit's language."""
    labelled = []
    for name, width in columns:
        _, model, _ = describe((*list_path, 0, name))
        labelled.append((session.text(field_label(model, name)), width))
    return labelled


def column_header(columns: Sequence[Column], *, indent: str | None = None) -> widgets.HBox:
    """A line of column labels (``(label, width)`` pairs) over rows of fields of the same widths."""
    labels = [
        widgets.HTML(
            f'<span class="auditkit-column">{html.escape(label)}</span>',
            layout=widgets.Layout(width=width, min_width=width, margin="0 2px"),
        )
        for label, width in columns
    ]
    if indent:
        labels.insert(0, widgets.HTML(layout=widgets.Layout(width=indent, min_width=indent, margin="0")))
    header = widgets.HBox(labels)
    header.add_class("auditkit-columns")
    return header


def _button(description: str, icon: str, tooltip: str, style: str = "") -> widgets.Button:
    return widgets.Button(
        description=description,
        icon=icon,
        tooltip=tooltip,
        button_style=style,
        layout=fixed_layout(width="auto"),
        style=plain_button_style(),
    )


class NameDraft:
    """The line where "Add" asks for a new item's name: a box showing an example as its placeholder,
    "Create" and "Cancel". A name typed (or "Create") is passed to ``create``; hidden until :meth:`show`.

    Args:
        session: the audit session.
        placeholder: the message id of the example shown in the empty box.
        css_class: the box's class.
        create: adds the item named by what was typed (it refuses a blank name).
    """

    def __init__(
        self, session: AuditSession, placeholder: str, css_class: str, create: Callable[[str], object]
    ) -> None:
        self.session = session
        self.name = widgets.Text(
            placeholder=session.say(placeholder),
            continuous_update=False,
            layout=widgets.Layout(width="auto", flex="1 1 auto"),
        )
        self.name.add_class(css_class)
        self.name.observe(lambda change: create(change["new"]) if change["new"].strip() else None, "value")
        self.create_button = _button(
            session.say("ui.list.create"), "check", session.say("ui.list.create_hint"), "success"
        )
        self.create_button.on_click(lambda _: create(self.name.value))
        cancel = _button(session.say("ui.list.cancel"), "times", session.say("ui.list.cancel"))
        cancel.on_click(lambda _: self.hide())
        self.widget = widgets.HBox([self.name, self.create_button, cancel])
        self.hide()

    @property
    def shown(self) -> bool:
        return bool(self.widget.layout.display != "none")

    def show(self) -> None:
        self.widget.layout.display = ""

    def hide(self) -> None:
        self.widget.layout.display = "none"
        self.name.value = ""

    def accepts(self, name: str, report: Callable[[list[Problem]], None]) -> bool:
        """True when the draft is open and ``name`` (stripped) is not blank; a blank name is reported."""
        if not self.shown:
            return False
        if not name:
            report([Problem("", self.session.say("ui.list.name_required"))])
            return False
        return True


class ItemList:
    """A list of items with the editor of the selected one.

    Args:
        session: the audit session.
        section: the audit's list attribute ("objectives", "stakeholders", "peers", "channels").
        title: the item's line in the list.
        editor: builds the editor of the item at an index (called when the selection changes).
        new_item: builds the item that "Add" appends, from the audit and the name typed for it.
        placeholder: the message id of the example shown in the empty name box of a new item.
    """

    def __init__(
        self,
        session: AuditSession,
        section: str,
        *,
        title: Callable[[Any], str],
        editor: Callable[[int], widgets.Widget],
        new_item: Callable[[Audit, str], Any],
        placeholder: str,
    ) -> None:
        self.session = session
        self.section = section
        self._title = title
        self._editor = editor
        self._new_item = new_item
        self._updating = False
        self.select = widgets.Select(
            layout=widgets.Layout(width="auto", flex="1 1 auto", min_width="20em", height="12em")
        )
        self.select.add_class(f"auditkit-list-{section}")
        self.select.observe(self._on_select, "value")
        self.add_button = _button(session.say("ui.list.add"), "plus", session.say("ui.list.add"), "success")
        self.up_button = _button("", "arrow-up", session.say("ui.list.up"))
        self.down_button = _button("", "arrow-down", session.say("ui.list.down"))
        self.remove_button = _button(
            session.say("ui.list.remove"), "trash", session.say("ui.list.remove"), "danger"
        )
        self.add_button.on_click(lambda _: self.start_new())
        self.up_button.on_click(lambda _: self.move(-1))
        self.down_button.on_click(lambda _: self.move(1))
        self.remove_button.on_click(lambda _: self.ask_remove())
        self.confirm_text = widgets.HTML()
        self.confirm_button = _button(
            session.say("ui.list.yes_remove"), "check", session.say("ui.list.yes_remove"), "danger"
        )
        self.cancel_button = _button(session.say("ui.list.cancel"), "times", session.say("ui.list.cancel"))
        self.confirm_button.on_click(lambda _: self.remove())
        self.cancel_button.on_click(lambda _: self._hide_confirm())
        self.confirm = widgets.HBox([self.confirm_text, self.confirm_button, self.cancel_button])
        self.draft = NameDraft(session, placeholder, f"auditkit-new-{section}", self.add)
        self.message = widgets.HTML()
        self.detail = widgets.VBox(
            layout=widgets.Layout(border="1px solid #e5e7eb", padding="6px", margin="6px 0")
        )
        buttons = widgets.VBox([self.add_button, self.up_button, self.down_button, self.remove_button])
        self.widget = widgets.VBox(
            [widgets.HBox([self.select, buttons]), self.draft.widget, self.confirm, self.message, self.detail]
        )
        self.widget.add_class("auditkit-item-list")
        session.on_change(self._on_session)
        self.refresh(0)

    @property
    def items(self) -> list[Any]:
        items: list[Any] = getattr(self.session.audit, self.section)
        return items

    @property
    def index(self) -> int | None:
        index: int | None = self.select.value
        return index

    def refresh(self, index: int | None = None) -> None:
        """Show the list again, select ``index`` (or keep the selection) and rebuild its editor."""
        count = len(self.items)
        if index is None:
            index = self.index
        index = None if not count else max(0, min(count - 1, index or 0))
        self._updating = True
        try:
            self.select.options = self._options()
            self.select.value = index
        finally:
            self._updating = False
        self._hide_confirm()
        self._show_detail()

    def start_new(self) -> None:
        """Ask for the new item's name (nothing is added before one is typed)."""
        self._hide_confirm()
        self.message.value = ""
        self.draft.show()

    def add(self, name: str) -> bool:
        """Append a new item named ``name`` (refused while the name is blank); True when it was added."""
        name = name.strip()
        if not self.draft.accepts(name, self._report):
            return False
        item = self._new_item(self.session.audit, name)
        problems = self.session.edit(lambda audit: getattr(audit, self.section).append(item))
        self._report(problems)
        if problems:
            return False
        self.draft.hide()
        self.refresh(len(self.items) - 1)
        return True

    def move(self, offset: int) -> None:
        if self.index is None:
            return
        index = self.index
        target = max(0, min(len(self.items) - 1, index + offset))
        self._report(self.session.edit(lambda audit: move_item(getattr(audit, self.section), index, offset)))
        self.refresh(target)

    def ask_remove(self) -> None:
        if self.index is None:
            return
        item = self.items[self.index]
        count = references_to(self.session.audit, self.section, item.id)
        more = self.session.say("ui.list.confirm_refs", count=count) if count else ""
        self.confirm_text.value = html.escape(
            self.session.say("ui.list.confirm_remove", name=self._title(item), more=more)
        )
        self.confirm.layout.display = ""

    def remove(self) -> None:
        if self.index is None:
            return
        index = self.index
        self._report(self.session.edit(lambda audit: remove_item(audit, self.section, index)))
        self.refresh(index)

    def _options(self) -> list[tuple[str, int]]:
        return [(f"{i + 1}. {short_title(self._title(item))}", i) for i, item in enumerate(self.items)]

    def _show_detail(self) -> None:
        if self.index is None:
            self.detail.children = [widgets.HTML(html.escape(self.session.say("ui.list.empty")))]
        else:
            self.detail.children = [self._editor(self.index)]

    def _hide_confirm(self) -> None:
        self.confirm.layout.display = "none"

    def _on_select(self, change: dict[str, Any]) -> None:
        if not self._updating:
            self._hide_confirm()
            self._show_detail()

    def _on_session(self, event: Event) -> None:
        if event is Event.RELOAD:
            self.refresh()
        elif event is Event.EDIT and len(self.items) == len(self.select.options):
            options = self._options()
            if options != list(self.select.options):
                index = self.index
                self._updating = True
                try:
                    self.select.options = options
                    self.select.value = index
                finally:
                    self._updating = False

    def _report(self, problems: list[Problem]) -> None:
        text = self.session.problems_text(problems, located=True)
        self.message.value = f'<span class="auditkit-error">⚠ {html.escape(text)}</span>' if text else ""


class RowList:
    """A small nested list edited as rows of compact fields, each with move and remove buttons.

    Args:
        session: the audit session.
        path: where the list lives, e.g. ``("objectives", 0, "indicators")``.
        label: the list's caption.
        row: builds the widgets of the row at a path.
        new_row: builds the row that "Add" appends, from the audit and the name typed for it ("" when
            the rows need none).
        placeholder: for rows that need a name (an indicator, an obstacle), the message id of the example
            shown in the empty name box: "Add" then asks for the name first, as :class:`ItemList` does.
        header: the ``(label, width)`` of each column, shown over the rows (see :func:`labelled_columns`).
    """

    def __init__(
        self,
        session: AuditSession,
        path: FieldPath,
        *,
        label: str,
        row: Callable[[FieldPath], list[widgets.Widget]],
        new_row: Callable[[Audit, str], Any],
        placeholder: str | None = None,
        header: Sequence[Column] = (),
    ) -> None:
        self.session = session
        self.path = path
        self._row = row
        self._new_row = new_row
        self.header = column_header(header)
        self.rows = widgets.VBox()
        self.message = widgets.HTML()
        self.add_button = _button(session.say("ui.list.add"), "plus", session.say("ui.list.add"))
        self.draft = (
            NameDraft(session, placeholder, f"auditkit-new-{path[-1]}", self.add) if placeholder else None
        )
        self.add_button.on_click(lambda _: self.start_new())
        caption = widgets.HTML(f"<b>{html.escape(label)}</b>")
        self.widget = widgets.VBox(
            [
                caption,
                self.header,
                self.rows,
                self.add_button,
                *([self.draft.widget] if self.draft else []),
                self.message,
            ]
        )
        self.widget.add_class(f"auditkit-rows-{path[-1]}")
        self.refresh()

    @property
    def items(self) -> list[Any]:
        items: list[Any] = value_at(self.session.audit, self.path)
        return items

    def refresh(self) -> None:
        rows = []
        for index in range(len(self.items)):
            up = _button("", "arrow-up", self.session.say("ui.list.up"))
            down = _button("", "arrow-down", self.session.say("ui.list.down"))
            remove = _button("", "trash", self.session.say("ui.list.remove"))
            up.on_click(lambda _, i=index: self.move(i, -1))
            down.on_click(lambda _, i=index: self.move(i, 1))
            remove.on_click(lambda _, i=index: self.remove(i))
            fields = self._row((*self.path, index))
            rows.append(
                widgets.HBox([*fields, up, down, remove], layout=widgets.Layout(align_items="flex-start"))
            )
        self.rows.children = rows
        self.header.layout.display = "" if rows else "none"

    def start_new(self) -> None:
        """Ask for the new row's name when the rows need one (nothing is added before it is typed), else add it."""
        self.message.value = ""
        if self.draft is None:
            self.add("")
        else:
            self.draft.show()

    def add(self, name: str) -> bool:
        """Append a new row named ``name`` (refused while blank when the rows need a name); True when added."""
        name = name.strip()
        if self.draft is not None and not self.draft.accepts(name, self._report):
            return False
        row = self._new_row(self.session.audit, name)
        problems = self.session.edit(lambda audit: value_at(audit, self.path).append(row))
        self._report(problems)
        if problems:
            return False
        if self.draft is not None:
            self.draft.hide()
        self.refresh()
        return True

    def move(self, index: int, offset: int) -> None:
        self._report(self.session.edit(lambda audit: move_item(value_at(audit, self.path), index, offset)))
        self.refresh()

    def remove(self, index: int) -> None:
        self._report(self.session.edit(lambda audit: value_at(audit, self.path).pop(index)))
        self.refresh()

    def _report(self, problems: list[Problem]) -> None:
        text = self.session.problems_text(problems, located=True)
        self.message.value = f'<span class="auditkit-error">⚠ {html.escape(text)}</span>' if text else ""
