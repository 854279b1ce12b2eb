"""Input widgets bound to one field of the audit, validated as typed, never saving an invalid value.

:func:`field` picks the control from the model's type annotation at the field's path: a text box for
text, a number box that accepts ``12,5`` or ``12.5`` (per the audit's language), a date picker, a
drop-down for choices (with "not known" where the field is optional), a check box, a yes / no /
not-known drop-down, check boxes for references to objectives or stakeholders, and one line per
item for lists of texts. An invalid value stays in the control, styled as an error with the reason
next to it; the audit and the file keep the last valid value.
"""

from __future__ import annotations

import html
import types
import typing
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Annotated, Any, Union

import ipywidgets as widgets
from pydantic import BaseModel

from auditkit.csv_import import parse_number
from auditkit.locale import Message, label, languages, msg
from auditkit.locale.formats import cldr
from auditkit.model import Audit
from auditkit.ui.session import AuditSession, Event, FieldPath

INVALID_CLASS = "auditkit-invalid"
NOT_KNOWN = "auditkit-not-known"
"""The value of the "not known" entry of a drop-down: ipywidgets shows a ``None`` value as a blank box."""
MULTILINE = frozenset({"statement", "definition", "note", "consultation_note", "added_value", "notes"})
"""Text fields edited in a multi-line box."""
LABEL_WIDTH = "15em"
QUALIFIED_LABELS = frozenset(
    {
        "Objective.stakeholders",
        "Stakeholder.engagement",
        "Channel.engagement",
        "Channel.objectives",
        "Channel.stakeholders",
        "Organisation.hours_per_week",
        "Organisation.monthly_budget",
    }
)
"""Fields whose name means something else in another model: labelled ``ui.field.<model>.<name>``."""

STYLE = """
<style>
.auditkit-invalid input, .auditkit-invalid textarea, .auditkit-invalid select {
  border: 2px solid #c62828 !important; background: #fdecea !important; }
.auditkit-error { color: #b71c1c; font-size: 0.9em; }
.auditkit-notice { background: #fff8e1; border-left: 4px solid #f2c14e; padding: 4px 8px; margin: 4px 0; }
.auditkit-id { color: #6b7280; font-size: 0.85em; }
.auditkit-table { border-collapse: collapse; font-size: 0.9em; }
.auditkit-table th, .auditkit-table td { border-bottom: 1px solid #e5e7eb; padding: 2px 8px; text-align: left; }
.auditkit-table td.num { text-align: right; }
.auditkit-old { color: #6b7280; text-decoration: line-through; }
.auditkit-new { color: #1b5e20; font-weight: 600; }
.auditkit-progress a, a.auditkit-download { color: #1d4ed8; text-decoration: underline; }
.auditkit-column { color: #4b5563; font-size: 0.85em; font-weight: 600; }
.auditkit-hint { color: #4b5563; font-size: 0.9em; }
</style>
"""


def field_label(model: str, name: str) -> Message:
    """The label of field ``name`` of the model class named ``model``: message ``ui.field.*``."""
    if f"{model}.{name}" in QUALIFIED_LABELS:
        return msg(f"ui.field.{model.lower()}.{name}")
    return msg(f"ui.field.{name}")


def style_sheet() -> widgets.HTML:
    """The style sheet of the auditkit widgets (include it once in each step)."""
    return widgets.HTML(STYLE)


class BoundField:
    """A control showing one value of the audit and writing every valid change back to it.

    Args:
        session: the audit session.
        path: where the value lives.
        control: the input widget.
        label: the text shown before the control (or as its tooltip when ``compact``).
        parse: turns the control's value into the model's value; raises ``ValueError`` with a
            message for a person when the input is not acceptable.
        show: turns the model's value into the control's value.
        compact: no label column (for rows of a table).
    """

    def __init__(
        self,
        session: AuditSession,
        path: FieldPath,
        control: widgets.ValueWidget,
        *,
        label: str,
        parse: Callable[[Any], Any] = lambda value: value,
        show: Callable[[Any], Any] = lambda value: value,
        compact: bool = False,
    ) -> None:
        self.session = session
        self.path = path
        self.control = control
        self.error: str | None = None
        self._parse = parse
        self._show = show
        self._updating = False
        self.message = widgets.HTML(layout=widgets.Layout(margin="0 0 0 4px"))
        control.add_class(f"auditkit-field-{path[-1]}")
        if compact:
            control.tooltip = label
            if hasattr(control, "placeholder"):
                control.placeholder = label
            self.widget: widgets.Widget = widgets.VBox([control, self.message])
        else:
            caption = widgets.HTML(
                html.escape(label), layout=widgets.Layout(width=LABEL_WIDTH, min_width=LABEL_WIDTH)
            )
            self.widget = widgets.VBox([widgets.HBox([caption, control]), self.message])
        self.refresh()
        control.observe(self._on_value, "value")

    def refresh(self) -> None:
        """Show the audit's current value (without writing it back) and clear any error."""
        self._updating = True
        try:
            self.control.value = self._show(self.session.get(self.path))
        finally:
            self._updating = False
        self._set_error(None)

    def _on_value(self, change: dict[str, Any]) -> None:
        if self._updating:
            return
        try:
            value = self._parse(change["new"])
        except ValueError as error:
            self._set_error(str(error))
            return
        problems = self.session.set(self.path, value)
        self._set_error(self.session.problems_text(problems) if problems else None)

    def _set_error(self, message: str | None) -> None:
        self.error = message
        if message is None:
            self.control.remove_class(INVALID_CLASS)
            self.message.value = ""
        else:
            self.control.add_class(INVALID_CLASS)
            self.message.value = f'<span class="auditkit-error">⚠ {html.escape(message)}</span>'


def labelled(label: str, *controls: widgets.Widget) -> widgets.HBox:
    """``controls`` on one line after ``label``, aligned with the fields of :func:`field`."""
    caption = widgets.HTML(
        html.escape(label), layout=widgets.Layout(width=LABEL_WIDTH, min_width=LABEL_WIDTH)
    )
    return widgets.HBox([caption, *controls])


def known(value: Any) -> Any:
    """A drop-down's value as the model's: the "not known" entry (or no choice) becomes ``None``."""
    return None if value is None or value == NOT_KNOWN else value


def blank_choice(text: str) -> str:
    """The name of a drop-down's entry for no value (such as "not known"), set apart from the real choices."""
    return f"— {text} —"


def shown_choice(value: Any) -> Any:
    """A model value as a drop-down's: ``None`` selects the "not known" entry."""
    return NOT_KNOWN if value is None else value


def field(
    session: AuditSession,
    path: FieldPath,
    *,
    label: str | None = None,
    compact: bool = False,
    width: str | None = None,
) -> BoundField | References:
    """A :class:`BoundField` whose control fits the type of the field at ``path``."""
    annotation, model, name = describe(path)
    optional = _is_optional(annotation)
    base = _base(annotation)
    caption = label or session.text(field_label(model, name))
    layout = widgets.Layout(width=width or ("100%" if compact else "28em"))
    language = session.language
    if base is bool:
        if optional:
            options = [
                (blank_choice(session.say("ui.input.unknown")), NOT_KNOWN),
                (session.say("ui.input.yes"), True),
                (session.say("ui.input.no"), False),
            ]
            return BoundField(
                session,
                path,
                widgets.Dropdown(options=options, layout=layout),
                label=caption,
                parse=known,
                show=shown_choice,
                compact=compact,
            )
        box = widgets.Checkbox(indent=False, layout=widgets.Layout(width=width or "auto"))
        return BoundField(session, path, box, label=caption, compact=compact)
    if isinstance(base, type) and issubclass(base, Enum):
        return BoundField(
            session,
            path,
            choice(base, language, optional, blank_choice(session.say("ui.input.unknown")), layout),
            label=caption,
            parse=known,
            show=shown_choice,
            compact=compact,
        )
    if (model, name) == ("Engagement", "language"):
        dropdown = widgets.Dropdown(options=language_options(), layout=widgets.Layout(width=width or "12em"))
        return BoundField(session, path, dropdown, label=caption, compact=compact)
    if base is int and name in ("importance", "target_level"):
        options = [(str(n), n) for n in range(1, 6)]
        if optional:
            options.insert(0, (blank_choice(session.say("ui.input.unknown")), NOT_KNOWN))
        return BoundField(
            session,
            path,
            widgets.Dropdown(options=options, layout=widgets.Layout(width=width or "10em")),
            label=caption,
            parse=known,
            show=shown_choice,
            compact=compact,
        )
    if base in (int, float):
        return BoundField(
            session,
            path,
            widgets.Text(layout=layout if compact else widgets.Layout(width=width or "12em")),
            label=caption,
            parse=lambda text: typed_number(text, language, optional=optional, whole=base is int),
            show=lambda value: shown_number(value, language),
            compact=compact,
        )
    if base is date:
        picker = widgets.DatePicker(layout=widgets.Layout(width=width or "14em"))
        required = session.say("ui.input.required")

        def parse_date(value: date | None) -> date | None:
            if value is None and not optional:
                raise ValueError(required)
            return value

        return BoundField(session, path, picker, label=caption, parse=parse_date, compact=compact)
    if typing.get_origin(base) is list:
        if name in ("objectives", "stakeholders"):
            return references(session, path, name, label=caption)
        return BoundField(
            session,
            path,
            widgets.Textarea(rows=3, layout=layout),
            label=caption,
            parse=lambda text: [line.strip() for line in text.splitlines() if line.strip()],
            show=lambda lines: "\n".join(lines or []),
            compact=compact,
        )
    control: widgets.ValueWidget
    if name in MULTILINE and not compact:
        control = widgets.Textarea(rows=3, layout=widgets.Layout(width=width or "40em"))
    else:
        control = widgets.Text(layout=layout)
    return BoundField(
        session,
        path,
        control,
        label=caption,
        parse=(lambda text: text or None) if optional else (lambda text: text),
        show=lambda value: value or "",
        compact=compact,
    )


def choice(
    enum: type[Enum], language: str, optional: bool, unknown: str, layout: widgets.Layout | None = None
) -> widgets.Dropdown:
    """A drop-down of an enumeration's members, named in ``language``; "not known" first if ``optional``.

    Read its value through :func:`known` (the "not known" entry has the value :data:`NOT_KNOWN`).
    """
    options: list[tuple[str, Any]] = [(enum_label(member, language), member) for member in enum]
    if optional:
        options.insert(0, (unknown, NOT_KNOWN))
    return widgets.Dropdown(options=options, layout=layout or widgets.Layout(width="28em"))


def enum_label(member: Enum, language: str) -> str:
    """The name of an enumeration member in ``language``."""
    return label(member)(language)


def language_options() -> list[tuple[str, str]]:
    """Every language a catalogue provides, each named in itself, for a drop-down."""
    return [(msg("core.language")(code), code) for code in languages()]


def typed_number(
    text: str, language: str, *, optional: bool = True, whole: bool = False
) -> float | int | None:
    """The number a person typed: ``12,5`` or ``12.5``, with or without thousands separators.

    The language decides an ambiguous ``1,500``: one and a half in French, fifteen hundred in English.

    Raises:
        ValueError: not a number (the message gives an example in the language).
    """
    text = text.strip()
    if not text:
        if optional:
            return None
        raise ValueError(msg("ui.input.required")(language))
    symbol = decimal_symbol(language)
    for decimal in (symbol, "." if symbol == "," else ","):
        number = parse_number(text, decimal)
        if number is not None:
            if whole:
                if not number.is_integer():
                    raise ValueError(msg("ui.input.not_whole")(language))
                return int(number)
            return number
    raise ValueError(msg("ui.input.not_a_number", example=f"12{symbol}5")(language))


def decimal_symbol(language: str) -> str:
    """The character ``language`` writes between a number's whole part and its decimals."""
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(cldr(language)))


def shown_number(value: float | None, language: str) -> str:
    """A number as it is typed back: no thousands separator, the language's decimal symbol."""
    if value is None:
        return ""
    text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", decimal_symbol(language))


class References:
    """Check boxes choosing which objectives or stakeholders a list refers to (by id)."""

    def __init__(self, session: AuditSession, path: FieldPath, section: str, label: str) -> None:
        self.session = session
        self.path = path
        self.section = section
        self.error: str | None = None
        self.boxes = widgets.VBox(layout=widgets.Layout(width="40em"))
        self.boxes.add_class(f"auditkit-field-{path[-1]}")
        self.message = widgets.HTML()
        caption = widgets.HTML(
            html.escape(label), layout=widgets.Layout(width=LABEL_WIDTH, min_width=LABEL_WIDTH)
        )
        self.widget = widgets.VBox([widgets.HBox([caption, self.boxes]), self.message])
        self.refresh()

    def refresh(self) -> None:
        chosen = set(self.session.get(self.path) or [])
        items = getattr(self.session.audit, self.section)
        boxes = []
        for item in items:
            text = getattr(item, "name", None) or getattr(item, "statement", item.id)
            box = widgets.Checkbox(
                value=item.id in chosen,
                description=_short(text, 70),
                indent=False,
                layout=widgets.Layout(width="auto"),
            )
            box.observe(self._on_toggle, "value")
            boxes.append(box)
        self.boxes.children = boxes or [widgets.HTML(html.escape(self.session.say("ui.input.none_to_pick")))]
        self._ids = [item.id for item in items]
        self.message.value = ""

    def _on_toggle(self, _change: dict[str, Any]) -> None:
        chosen = [item_id for item_id, box in zip(self._ids, self.boxes.children, strict=False) if box.value]
        problems = self.session.set(self.path, chosen)
        self.error = self.session.problems_text(problems) if problems else None
        self.message.value = (
            f'<span class="auditkit-error">⚠ {html.escape(self.error)}</span>' if self.error else ""
        )


def references(session: AuditSession, path: FieldPath, section: str, *, label: str) -> References:
    """Check boxes for the ids of ``section`` ("objectives" or "stakeholders") listed at ``path``."""
    return References(session, path, section, label)


def form(session: AuditSession, path: FieldPath, names: list[str], *, on_reload: bool = True) -> widgets.VBox:
    """The fields ``names`` of the model at ``path``, one per line, refreshed when the audit is reloaded."""
    bound = [field(session, (*path, name)) for name in names]
    box = widgets.VBox([item.widget for item in bound])
    if on_reload:
        session.on_change(lambda event: _refresh_all(bound) if event is Event.RELOAD else None)
    return box


def _refresh_all(bound: list[BoundField | References]) -> None:
    for item in bound:
        item.refresh()


def describe(path: FieldPath) -> tuple[Any, str, str]:
    """The type annotation of the field at ``path``, the model class's name and the field's name."""
    annotation: Any = Audit
    model, name = "Audit", ""
    for part in path:
        base = _base(annotation)
        if typing.get_origin(base) in (list, dict):
            annotation = typing.get_args(base)[-1]
        elif isinstance(base, type) and issubclass(base, BaseModel):
            model, name = base.__name__, str(part)
            annotation = base.model_fields[name].annotation
        else:
            raise KeyError(".".join(str(p) for p in path))
    return annotation, model, name


def _strip_annotated(annotation: Any) -> Any:
    while typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _is_optional(annotation: Any) -> bool:
    annotation = _strip_annotated(annotation)
    return typing.get_origin(annotation) in (Union, types.UnionType) and type(None) in typing.get_args(
        annotation
    )


def _base(annotation: Any) -> Any:
    annotation = _strip_annotated(annotation)
    if typing.get_origin(annotation) in (Union, types.UnionType):
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        annotation = _strip_annotated(options[0])
    return annotation


def _short(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


__all__ = [
    "INVALID_CLASS",
    "NOT_KNOWN",
    "QUALIFIED_LABELS",
    "BoundField",
    "References",
    "blank_choice",
    "choice",
    "decimal_symbol",
    "describe",
    "enum_label",
    "field",
    "field_label",
    "form",
    "known",
    "labelled",
    "language_options",
    "references",
    "shown_choice",
    "shown_number",
    "style_sheet",
    "typed_number",
]
