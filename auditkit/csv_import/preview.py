"""The preview of an import: what the mapped columns would change on a channel, before anything does.

Every channel field is computed from its columns (the latest follower count, posts per week over the
dated period, the engagement rate from a rate column or from interactions over reach, the median
response time); a cell that does not parse is left out with a note naming its line. A figure no channel
field can take (negative, or beyond :data:`MAX_FIGURE`) refuses the preview, naming its line and column,
and so does a value the audit model would refuse: applying a previewed plan never fails on a value.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from pydantic import ValidationError

from auditkit.csv_import.cells import matches, parse_date, parse_number
from auditkit.csv_import.errors import CsvImportError, at_line, series
from auditkit.csv_import.mapping import (
    HOUR_WORDS,
    NUMERIC_TARGETS,
    PERCENT_WORDS,
    TARGET_LABELS,
    Mapping,
    Target,
    suggest_definition,
)
from auditkit.csv_import.sources import BASE_DEFINITIONS, RATE_DEFINITIONS
from auditkit.csv_import.table import ColumnKind, CsvColumn, CsvTable
from auditkit.definitions import DEFINITION_CODES, Definition, definition_name
from auditkit.locale import Message, Number, formats, msg
from auditkit.model import Audit, Channel
from auditkit.store import validation_problems

FIELD_LABELS: dict[str, Message] = {
    "last_post": TARGET_LABELS[Target.LAST_POST],
    "audience_size": TARGET_LABELS[Target.FOLLOWERS],
    "posts_per_week": msg("csv.field.posts_per_week"),
    "engagement": msg("csv.field.engagement"),
    "median_response_minutes": msg("csv.field.median_response_minutes"),
}
"""The channel fields an import can change, in words."""
MAX_FIGURE = 1e12
"""The largest figure a mapped cell may hold (a million million): no platform counts beyond it."""
_NOTES_IN_ERROR = 3
_SHOWN_CELL = 24


@dataclass(frozen=True)
class FieldChange:
    """One channel field the import would change."""

    field: str
    """Dotted path in the audit file, e.g. ``channels.2.audience_size``."""
    label: Message
    old: object
    new: object


@dataclass(frozen=True)
class ImportPlan:
    """What applying an import would change on one channel, and what it had to leave out."""

    source: str
    channel_id: str
    channel_index: int
    changes: tuple[FieldChange, ...]
    notes: tuple[Message, ...]

    @property
    def changes_anything(self) -> bool:
        return bool(self.changes)


def plan_import(
    audit: Audit, channel_id: str, table: CsvTable, mapping: Mapping, definition: str | None = None
) -> ImportPlan:
    """What importing ``table`` with ``mapping`` would change on the channel ``channel_id``.

    Args:
        audit: the audit (not changed).
        channel_id: id of the channel the export belongs to.
        table: the parsed export.
        mapping: which column feeds which target.
        definition: engagement metric code to record; default :func:`suggest_definition`.

    Raises:
        CsvImportError: the mapping feeds nothing, a mapped cell holds a figure no field can take, no
            mapped column holds a usable value, or the audit model refuses a value the import computed.
        KeyError: no channel ``channel_id``.
    """
    index = next((i for i, channel in enumerate(audit.channels) if channel.id == channel_id), None)
    if index is None:
        raise KeyError(channel_id)
    channel = audit.channels[index]
    if not any(target is not Target.IGNORE for target in mapping.columns.values()):
        raise CsvImportError(table.name, msg("csv.error.nothing_mapped"))
    _refuse_impossible_figures(table, mapping)
    notes: list[Message] = list(table.notes)
    dated = _dated_rows(table, mapping, notes)
    updates: dict[str, Any] = {}
    last = _last_post(table, mapping, dated, notes)
    if last is not None:
        updates["last_post"] = last
    followers = _latest(table, mapping.indexes(Target.FOLLOWERS), dated, notes)
    if followers is not None:
        updates["audience_size"] = round(followers)
    posts_per_week = _posts_per_week(table, mapping, dated, notes)
    if posts_per_week is not None:
        updates["posts_per_week"] = posts_per_week
    engagement = _engagement(
        table,
        mapping,
        definition or suggest_definition(table, mapping, channel),
        followers if followers is not None else channel.audience_size,
        notes,
    )
    if engagement is not None:
        updates["engagement"] = engagement
    response = _response_minutes(table, mapping, notes)
    if response is not None:
        updates["median_response_minutes"] = response
    if not updates:
        first_notes = series(notes[:_NOTES_IN_ERROR], "csv.list.semicolon") or msg("csv.error.no_value")
        raise CsvImportError(table.name, msg("csv.error.no_usable_value", notes=first_notes))
    updated = _validated(channel, updates, table.name)
    changes = tuple(
        FieldChange(f"channels.{index}.{name}", FIELD_LABELS[name], getattr(channel, name), new)
        for name in updates
        if getattr(channel, name) != (new := getattr(updated, name))
    )
    return ImportPlan(table.name, channel_id, index, changes, tuple(notes))


def _refuse_impossible_figures(table: CsvTable, mapping: Mapping) -> None:
    """Refuse the first figure of a mapped column that no channel field can take: negative, or beyond
    :data:`MAX_FIGURE` (a "Net followers" column mapped to followers, a figure hundreds of digits long).

    Raises:
        CsvImportError: naming the line and column of that figure.
    """
    for index, target in sorted(mapping.columns.items()):
        if target not in NUMERIC_TARGETS:
            continue
        column = table.columns[index]
        for line, text in table.values(index):
            value = parse_number(text, column.decimal)
            if value is None or 0 <= value <= MAX_FIGURE:
                continue
            problem = msg(
                "csv_safety.error.negative_figure" if value < 0 else "csv_safety.error.figure_too_large",
                value=formats.short(text, _SHOWN_CELL),
                target=TARGET_LABELS[target],
                limit=Number(MAX_FIGURE),
            )
            raise CsvImportError(table.name, problem, line, column.title)


def _validated(channel: Channel, updates: dict[str, Any], name: str) -> Channel:
    """The channel with ``updates`` made, validated by the audit model.

    Raises:
        CsvImportError: the model refuses a value; the message names the field and what would be valid.
    """
    try:
        return Channel.model_validate({**channel.model_dump(), **updates})
    except ValidationError as error:
        problem = validation_problems(error)[0]
        field = FIELD_LABELS.get(str(problem.location).split(".")[0], problem.location)
        raise CsvImportError(
            name, msg("csv_safety.error.refused_value", field=field, problem=problem.what)
        ) from None


_Value = TypeVar("_Value")


def _parsed(
    table: CsvTable,
    index: int,
    parse: Callable[[str, CsvColumn], _Value | None],
    not_parsed: str,
    notes: list[Message],
) -> dict[int, _Value]:
    """Line number -> parsed cell of column ``index``; cells that do not parse are noted and left out."""
    column = table.columns[index]
    values: dict[int, _Value] = {}
    for line, text in table.values(index):
        parsed = parse(text, column)
        if parsed is None:
            notes.append(at_line(line, msg(not_parsed, value=text, column=column.title)))
        else:
            values[line] = parsed
    return values


def _numbers(table: CsvTable, index: int, notes: list[Message]) -> dict[int, float]:
    return _parsed(
        table, index, lambda text, column: parse_number(text, column.decimal), "csv.note.not_a_number", notes
    )


def _dates(table: CsvTable, index: int, notes: list[Message]) -> dict[int, date]:
    return _parsed(
        table, index, lambda text, column: parse_date(text, column.day_first), "csv.note.not_a_date", notes
    )


def _dated_rows(table: CsvTable, mapping: Mapping, notes: list[Message]) -> dict[int, date]:
    indexes = mapping.indexes(Target.DATE)
    return _dates(table, indexes[0], notes) if indexes else {}


def _last_post(
    table: CsvTable, mapping: Mapping, dated: dict[int, date], notes: list[Message]
) -> date | None:
    indexes = mapping.indexes(Target.LAST_POST)
    if indexes:
        dates = _dates(table, indexes[0], notes)
        return max(dates.values()) if dates else None
    if not dated:
        return None
    if mapping.rows_are_posts:
        return max(dated.values())
    posts = mapping.indexes(Target.POSTS)
    if posts:
        counts = _numbers(table, posts[0], [])
        with_posts = [day for line, day in dated.items() if counts.get(line, 0) > 0]
        return max(with_posts) if with_posts else None
    return None


def _latest(
    table: CsvTable, indexes: list[int], dated: dict[int, date], notes: list[Message]
) -> float | None:
    if not indexes:
        return None
    values = _numbers(table, indexes[0], notes)
    if not values:
        return None
    if dated:
        dated_values = [(dated[line], line) for line in values if line in dated]
        if dated_values:
            return values[max(dated_values)[1]]
    return values[max(values)]


def _weeks(dated: dict[int, date]) -> float:
    days = (max(dated.values()) - min(dated.values())).days + 1
    return max(days, 7) / 7


def _posts_per_week(
    table: CsvTable, mapping: Mapping, dated: dict[int, date], notes: list[Message]
) -> float | None:
    posts = mapping.indexes(Target.POSTS)
    if not dated:
        if posts or mapping.rows_are_posts:
            notes.append(msg("csv.note.posts_need_dates", target=TARGET_LABELS[Target.DATE]))
        return None
    if posts:
        counts = _numbers(table, posts[0], notes)
        total = sum(value for line, value in counts.items() if line in dated)
    elif mapping.rows_are_posts:
        total = len(dated)
    else:
        return None
    return round(total / _weeks(dated), 2)


def _engagement(
    table: CsvTable, mapping: Mapping, definition: str, followers: float | None, notes: list[Message]
) -> dict[str, Any] | None:
    """The engagement's fields, computed as ``definition`` says: the export's rate column, interactions
    over the base column, or interactions per post over followers (the file's total, else the channel's).

    A definition that is not one of :class:`Definition` (a consultant's own code) is computed from what
    the mapping feeds, in that order.
    """
    method = _method(definition, mapping)
    if method == "rate":
        return _rate_column(table, mapping.indexes(Target.ENGAGEMENT_RATE)[0], definition, notes)
    per_row = _interactions(table, mapping, notes)
    if not per_row:
        if mapping.indexes(Target.ENGAGEMENT_RATE):
            notes.append(msg("csv.note.definition_needs_counts", definition=definition_name(definition)))
        return None
    if method == "base":
        return _over_base(table, mapping, definition, per_row, notes)
    return _per_post(table, mapping, definition, per_row, followers, notes)


def _method(definition: str, mapping: Mapping) -> str:
    """How ``definition`` is computed: "rate" (a rate column), "base" or "per_post"."""
    has_rate = bool(mapping.indexes(Target.ENGAGEMENT_RATE))
    if definition in RATE_DEFINITIONS and has_rate:
        return "rate"
    if definition in BASE_DEFINITIONS.values() or definition == Definition.X_RATE:
        return "base"
    if definition in DEFINITION_CODES:
        return "per_post"
    if has_rate:
        return "rate"
    return "base" if mapping.indexes(Target.REACH) else "per_post"


def _rate_column(table: CsvTable, index: int, definition: str, notes: list[Message]) -> dict[str, Any] | None:
    column = table.columns[index]
    values = list(_numbers(table, index, notes).values())
    if not values:
        return None
    mean = statistics.fmean(values)
    in_percent = column.kind is ColumnKind.PERCENT or matches(column.name, PERCENT_WORDS)
    if not in_percent and max(values) <= 1:
        mean *= 100
        notes.append(msg("csv.note.fractions", column=column.title, rate=Number(mean, significant=3)))
    return {"definition": definition, "rate": round(mean, 4)}


def _interactions(table: CsvTable, mapping: Mapping, notes: list[Message]) -> dict[int, float]:
    """Line -> the interactions of that row, summed over the columns that feed them."""
    per_row: dict[int, float] = {}
    for index in mapping.indexes(Target.INTERACTIONS):
        for line, value in _numbers(table, index, notes).items():
            per_row[line] = per_row.get(line, 0.0) + value
    return per_row


def _over_base(
    table: CsvTable, mapping: Mapping, definition: str, per_row: dict[int, float], notes: list[Message]
) -> dict[str, Any] | None:
    reach = mapping.indexes(Target.REACH)
    if not reach:
        notes.append(msg("csv.note.interactions_need_a_base"))
        return None
    bases = _numbers(table, reach[0], notes)
    common = [line for line in per_row if line in bases]
    base = sum(bases[line] for line in common)
    if base <= 0:
        notes.append(msg("csv.note.reach_is_zero"))
        return None
    interactions = sum(per_row[line] for line in common)
    return {"definition": definition, "interactions": interactions, "base": base}


def _per_post(
    table: CsvTable,
    mapping: Mapping,
    definition: str,
    per_row: dict[int, float],
    followers: float | None,
    notes: list[Message],
) -> dict[str, Any] | None:
    """Interactions per post (one row per post, or a column of posts per row) over followers."""
    posts = mapping.indexes(Target.POSTS)
    if mapping.rows_are_posts:
        per_post = statistics.fmean(per_row.values())
    elif posts and (counts := _numbers(table, posts[0], [])) and sum(counts.values()) > 0:
        per_post = sum(per_row.values()) / sum(counts.values())
    else:
        notes.append(msg("csv.note.interactions_need_a_base"))
        return None
    if not followers:
        notes.append(msg("csv.note.per_post_needs_followers"))
        return None
    return {"definition": definition, "interactions": round(per_post, 2), "base": followers}


def _response_minutes(table: CsvTable, mapping: Mapping, notes: list[Message]) -> float | None:
    indexes = mapping.indexes(Target.RESPONSE_MINUTES)
    if not indexes:
        return None
    values = list(_numbers(table, indexes[0], notes).values())
    if not values:
        return None
    median = statistics.median(values)
    if matches(table.header[indexes[0]], HOUR_WORDS):
        median *= 60
    return round(median, 1)
