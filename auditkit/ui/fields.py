"""Input widgets bound to one field of the audit, validated as typed, never saving an invalid value.

:func:`field` picks the control from the model's type at the field's path: a text box; a number box that
reads what a person types in the audit's language (``45 %``, ``0,45``, ``1 200``, ``1,5 h``, see
:mod:`auditkit.locale.parsing`) and shows it back formatted, a share from 0 to 1 as a percentage; a box
that understands a currency's name; a date picker; drop-downs for choices, yes / no / not known and
"not known"; check boxes for references; one line per item for lists of texts. An invalid value stays in
the control, marked, with the reason in a slot under it as wide as the control (a row keeps its columns);
the audit keeps the last valid value. What is allowed but suspicious (:mod:`auditkit.ui.checks`) is saved
with a warning in the same slot.
"""

from __future__ import annotations

import html
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated, Any, Union

import ipywidgets as widgets
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from auditkit.locale import Message, catalogue, label, languages, msg
from auditkit.locale.formats import NARROW_SYMBOLS, cldr, decimal, percent_points
from auditkit.locale.parsing import ANY_NUMBER, NumberInput, currency_name, read_currency, read_number
from auditkit.model import Audit
from auditkit.ui.checks import WARNINGS, Warning, watch
from auditkit.ui.layouts import fixed_layout, plain_text_style
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
.auditkit-warning { color: #8a4b00; font-size: 0.9em; }
.auditkit-message { line-height: 1.25; overflow-wrap: anywhere; }
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


def field_help(path: FieldPath) -> Message | None:
    """The one-line help of the field at ``path``: message ``ui.help.*``, named like its label."""
    try:
        _, model, name = describe(path)
    except (KeyError, TypeError):
        return None
    return msg(field_label(model, name).id.replace("ui.field.", "ui.help.", 1))


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
        warn: what is allowed but suspicious about the value, checked after each change of the audit.
        echo: show the stored value back, formatted, once a change is accepted (for a control whose
            value is only sent when the person leaves it, such as a number box).
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
        warn: Warning | None = None,
        echo: bool = False,
    ) -> None:
        self.session = session
        self.path = path
        self.control = control
        self.error: str | None = None
        self.warning: str | None = None
        self._parse = parse
        self._show = show
        self._warn = warn
        self._echo = echo
        self._updating = False
        self.message = message_slot(control, indent=not compact)
        control.add_class(f"auditkit-field-{path[-1]}")
        hint = field_help(path)
        self.help = session.text(hint) if hint and hint.id in catalogue(session.language) else ""
        control.tooltip = control.tooltip or self.help or None
        if compact:
            control.tooltip = f"{label} — {self.help}" if self.help else label
            if hasattr(control, "placeholder"):
                control.placeholder = label
            self.widget: widgets.Widget = widgets.VBox([control, self.message], layout=fixed_layout())
        else:
            caption = widgets.HTML(
                html.escape(label),
                tooltip=self.help or None,
                layout=fixed_layout(width=LABEL_WIDTH, min_width=LABEL_WIDTH),
                style=plain_text_style(),
            )
            row = widgets.HBox([caption, control], layout=fixed_layout())
            self.widget = widgets.VBox([row, self.message], layout=fixed_layout())
        if warn is not None:
            watch(self)
        self.refresh()
        control.observe(self._on_value, "value")

    def refresh(self) -> None:
        """Show the audit's current value (without writing it back) and clear any error."""
        self._show_value()
        self.error = None
        self.check()

    def check(self) -> None:
        """Show what is suspicious about the current value, unless an error is shown."""
        warning: Message | None = None
        if self._warn is not None:
            try:
                warning = self._warn(self.session.audit)
            except (IndexError, KeyError, AttributeError):
                warning = None
        self.warning = self.session.text(warning) if warning else None
        self._show_message()

    def _show_value(self) -> None:
        self._updating = True
        try:
            self.control.value = self._show(self.session.get(self.path))
        finally:
            self._updating = False

    def _on_value(self, change: dict[str, Any]) -> None:
        if self._updating:
            return
        try:
            value = self._parse(change["new"])
        except ValueError as error:
            self._set_error(str(error))
            return
        problems = self.session.set(self.path, value)
        if problems:
            self._set_error(self.session.problems_text(problems))
            return
        if self._echo:
            self._show_value()
        self.error = None
        self.check()

    def _set_error(self, message: str | None) -> None:
        self.error = message
        self._show_message()

    def _show_message(self) -> None:
        (self.control.add_class if self.error else self.control.remove_class)(INVALID_CLASS)
        self.message.value = slot_html(self.error, self.warning)


def message_slot(control: widgets.Widget, *, indent: bool) -> widgets.HTML:
    """The place under ``control`` for its error or warning: as wide as the control (under it, past the
    label column when ``indent``), so that a message wraps instead of pushing the row's other columns."""
    width = getattr(control.layout, "width", None) or "28em"
    slot = widgets.HTML(
        layout=fixed_layout(width=width, max_width=width, margin=f"0 0 0 {LABEL_WIDTH}" if indent else "0"),
        style=plain_text_style(),
    )
    slot.add_class("auditkit-message")
    return slot


def slot_html(error: str | None, warning: str | None = None) -> str:
    """The HTML of a message slot: the error if any, else the warning, else nothing."""
    if error:
        return f'<span class="auditkit-error">⚠ {html.escape(error)}</span>'
    if warning:
        return f'<span class="auditkit-warning">△ {html.escape(warning)}</span>'
    return ""


def labelled(label: str, *controls: widgets.Widget) -> widgets.HBox:
    """``controls`` on one line after ``label``, aligned with the fields of :func:`field`."""
    caption = widgets.HTML(
        html.escape(label),
        layout=fixed_layout(width=LABEL_WIDTH, min_width=LABEL_WIDTH),
        style=plain_text_style(),
    )
    return widgets.HBox([caption, *controls], layout=fixed_layout())


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
        kind = number_kind(session, path)
        box = widgets.Text(
            continuous_update=False, layout=layout if compact else widgets.Layout(width=width or "12em")
        )
        return BoundField(
            session,
            path,
            box,
            label=caption,
            parse=lambda text: kind.parse(text, language, optional=optional),
            show=lambda value: kind.show(value, language),
            compact=compact,
            warn=WARNINGS[(model, name)](path) if (model, name) in WARNINGS else None,
            echo=True,
        )
    if (model, name) == ("Engagement", "currency"):
        return currency_field(session, path, caption, widgets.Layout(width=width or "12em"), compact)
    if base is date:
        picker = widgets.DatePicker(layout=widgets.Layout(width=width or "14em"))
        required = session.say("ui.input.required")

        def parse_date(value: date | None) -> date | None:
            if value is None and not optional:
                raise ValueError(required)
            return value

        return BoundField(
            session,
            path,
            picker,
            label=caption,
            parse=parse_date,
            compact=compact,
            warn=WARNINGS[(model, name)](path) if (model, name) in WARNINGS else None,
        )
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


@dataclass(frozen=True)
class NumberKind:
    """How a number field is typed and shown: what it accepts, and the factor from the model's value to
    the typed one (100 for a share stored from 0 to 1 and typed as a percentage)."""

    accepts: NumberInput = ANY_NUMBER
    factor: float = 1

    def parse(self, text: str, language: str, *, optional: bool = True) -> float | int | None:
        """The model's value for ``text`` typed in ``language``.

        Raises:
            ValueError: not acceptable (the message says what is, with an example in the language).
        """
        value = read_number(text, language, self.accepts)
        if isinstance(value, Message):
            raise ValueError(value(language))
        if value is None:
            if optional:
                return None
            raise ValueError(msg("ui.input.required")(language))
        return value if self.factor == 1 else round(value / self.factor, 12)

    def show(self, value: float | None, language: str) -> str:
        """The model's ``value`` written as the person would type it in ``language``."""
        if value is None:
            return ""
        if self.accepts.percent:
            return percent_points(value * self.factor, language, SHOWN_DECIMALS)
        return decimal(value, language, SHOWN_DECIMALS)


SHOWN_DECIMALS = 6
"""Decimals a number box shows at most (trailing zeros dropped): enough to show back what was typed."""
SHARE_OF_ONE = frozenset({"store.field.share", "store.field.range.improvement_share"})
"""Values stored from 0 to 1 and typed as percentages."""
PERCENT_POINTS = frozenset({"store.field.range.percent"})
"""Values stored in percent (an engagement rate of 2.5 is 2.5 %)."""
UNITS = {
    "store.field.range.channel_hours": ("h",),
    "store.field.range.team_hours": ("h",),
    "store.field.range.effort_hours": ("h",),
    "store.field.range.validation_delay_hours": ("h",),
    "store.field.range.response_minutes": ("min",),
}
"""Units a person may type after a number of hours or minutes."""
COUNTS = frozenset(
    {
        "store.field.range.audience",
        "store.field.range.interactions",
        "store.field.range.engagement_base",
        "store.field.range.money",
        "store.field.range.measure",
    }
)
"""Values that count things, typed with ``k`` or ``M`` as often as not (``12k`` followers)."""


def number_kind(session: AuditSession, path: FieldPath) -> NumberKind:
    """How the number at ``path`` is typed and shown: its unit, its range, percent or not."""
    annotation, _, _ = describe(path)
    infos = _field_infos(path, annotation)
    about = {info.description for info in infos if info.description}
    bounds = [item for info in infos for item in info.metadata]
    factor = 100 if about & SHARE_OF_ONE else 1
    minimum = next((float(item.ge) * factor for item in bounds if hasattr(item, "ge")), None)
    maximum = next((float(item.le) * factor for item in bounds if hasattr(item, "le")), None)
    units: tuple[str, ...] = next((UNITS[key] for key in about if key in UNITS), ())
    example = None
    if "store.field.range.money" in about:
        currency = session.audit.engagement.currency
        units, example = (NARROW_SYMBOLS.get(currency, currency), currency), 1200.0
    accepts = NumberInput(
        minimum=minimum,
        maximum=maximum,
        whole=_base(annotation) is int,
        percent=bool(about & (SHARE_OF_ONE | PERCENT_POINTS)),
        units=units,
        counts=bool(about & COUNTS),
        example=example,
    )
    return NumberKind(accepts, factor)


def _field_infos(path: FieldPath, annotation: Any) -> list[FieldInfo]:
    """The pydantic field information of the field at ``path``: on the model's field, and inside its type."""
    infos: list[FieldInfo] = []
    owner = _base(describe(path[:-1])[0]) if len(path) > 1 else Audit
    if isinstance(owner, type) and issubclass(owner, BaseModel) and path[-1] in owner.model_fields:
        infos.append(owner.model_fields[path[-1]])
    pending = [annotation]
    while pending:
        current = pending.pop()
        if typing.get_origin(current) is Annotated:
            infos += [item for item in typing.get_args(current)[1:] if isinstance(item, FieldInfo)]
            pending.append(typing.get_args(current)[0])
        elif typing.get_origin(current) in (Union, types.UnionType):
            pending += list(typing.get_args(current))
    return infos


def typed_number(
    text: str, language: str, *, optional: bool = True, whole: bool = False
) -> float | int | None:
    """The number a person typed: ``12,5`` or ``12.5``, with or without thousands separators.

    The language decides an ambiguous ``1,500``: one and a half in French, fifteen hundred in English.

    Raises:
        ValueError: not a number (the message gives an example in the language).
    """
    return NumberKind(NumberInput(whole=whole)).parse(text, language, optional=optional)


def typed_at(session: AuditSession, path: FieldPath, text: str) -> float | int | None:
    """The value for the number field at ``path`` that ``text`` stands for (see :func:`number_kind`).

    Raises:
        ValueError: not acceptable there (the message says what is).
    """
    return number_kind(session, path).parse(text, session.language)


def shown_at(session: AuditSession, path: FieldPath, value: float | None) -> str:
    """``value`` as the number field at ``path`` shows it (a share as a percentage)."""
    return number_kind(session, path).show(value, session.language)


def decimal_symbol(language: str) -> str:
    """The character ``language`` writes between a number's whole part and its decimals."""
    from babel.numbers import get_decimal_symbol

    return str(get_decimal_symbol(cldr(language)))


def shown_number(value: float | None, language: str) -> str:
    """A number as it is typed back: the language's decimal symbol and digit grouping."""
    return NumberKind().show(value, language)


def currency_field(
    session: AuditSession, path: FieldPath, caption: str, layout: widgets.Layout, compact: bool
) -> BoundField:
    """A box for the audit's currency that understands ``euros``, ``€`` or ``eur`` and shows the ISO code,
    with the currency's name as its tooltip."""
    language = session.language
    box = widgets.Text(continuous_update=False, layout=layout)

    def parse(text: str) -> str:
        code = read_currency(text, language)
        if isinstance(code, Message):
            raise ValueError(code(language))
        box.tooltip = currency_name(code, language)
        return code

    box.tooltip = currency_name(session.get(path), language)
    return BoundField(session, path, box, label=caption, parse=parse, compact=compact, echo=True)


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
            html.escape(label),
            layout=fixed_layout(width=LABEL_WIDTH, min_width=LABEL_WIDTH),
            style=plain_text_style(),
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
    "NumberKind",
    "References",
    "blank_choice",
    "choice",
    "currency_field",
    "decimal_symbol",
    "describe",
    "enum_label",
    "field",
    "field_label",
    "form",
    "known",
    "labelled",
    "language_options",
    "number_kind",
    "references",
    "shown_at",
    "shown_choice",
    "shown_number",
    "slot_html",
    "style_sheet",
    "typed_at",
    "typed_number",
]
