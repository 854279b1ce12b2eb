"""Which column feeds which channel field: the targets, the mapping, and the suggestions.

A suggestion comes from header names in French or English (as platforms write them, listed in
``header_words.json``), checked against what the column holds: a "Followers" column of text is not
mapped, nor a "Net followers" column holding negative numbers. The user confirms or changes it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from auditkit.csv_import.cells import matches, plain
from auditkit.csv_import.table import ColumnKind, CsvColumn, CsvTable
from auditkit.locale import Message, label, show
from auditkit.model import Audit, Channel

DEFAULT_DEFINITION = "rivaliq_er_per_post_by_follower"
IMPRESSIONS_DEFINITION = "buffer_er_by_impressions"
REACH_DEFINITION = "er_by_reach"
VIEWS_DEFINITION = "rivaliq_er_by_view"


class Target(StrEnum):
    """What a CSV column can feed on a channel."""

    IGNORE = "ignore"
    DATE = "date"
    """Date of the row (a post or a period): gives the last post and the period covered."""
    LAST_POST = "last_post"
    FOLLOWERS = "audience_size"
    ENGAGEMENT_RATE = "engagement_rate"
    INTERACTIONS = "interactions"
    """Summed when several columns feed it (likes + comments + shares)."""
    REACH = "reach"
    """Reach, impressions or views: the base of an engagement rate computed from counts."""
    POSTS = "posts"
    """Number of posts in the row's period (for exports with one row per day or week)."""
    RESPONSE_MINUTES = "median_response_minutes"


TARGET_LABELS: dict[Target, Message] = {target: label(target) for target in Target}
"""Each target in words."""

NUMERIC_TARGETS = {
    Target.FOLLOWERS,
    Target.ENGAGEMENT_RATE,
    Target.INTERACTIONS,
    Target.REACH,
    Target.POSTS,
    Target.RESPONSE_MINUTES,
}
DATE_TARGETS = {Target.DATE, Target.LAST_POST}
SINGLE_TARGETS = set(Target) - {Target.IGNORE, Target.INTERACTIONS}
"""Targets only one column can feed at a time."""

HEADER_WORDS = Path(__file__).with_name("header_words.json")
"""The words platforms write in their headers, lower case and without accents, French and English."""
_WORDS = json.loads(HEADER_WORDS.read_text(encoding="utf-8"))

HEADER_KEYWORDS: tuple[tuple[Target, tuple[str, ...]], ...] = tuple(
    (Target(target), tuple(words)) for target, words in _WORDS["targets"].items()
)
"""Header words that name each target, most specific target first."""
POST_COLUMN_WORDS: tuple[str, ...] = tuple(_WORDS["post_column"])
"""Header words of a text column that means each row is one post."""
REACH_WORDS: tuple[str, ...] = tuple(_WORDS["reach"])
VIEW_WORDS: tuple[str, ...] = tuple(_WORDS["views"])
PERCENT_WORDS: tuple[str, ...] = tuple(_WORDS["percent"])
"""Header words of a rate column given in percent even without a % sign."""
HOUR_WORDS: tuple[str, ...] = tuple(_WORDS["hours"])
"""Header words of a response time given in hours."""


@dataclass(frozen=True)
class Mapping:
    """Which column feeds which :class:`Target`, and whether each row is one post."""

    columns: dict[int, Target] = field(default_factory=dict)
    rows_are_posts: bool = False

    def indexes(self, target: Target) -> list[int]:
        """The columns that feed ``target``, in file order."""
        return [index for index, mapped in sorted(self.columns.items()) if mapped is target]

    def with_column(self, index: int, target: Target) -> Mapping:
        """This mapping with column ``index`` feeding ``target`` (a single-column target moves)."""
        columns = {
            i: t for i, t in self.columns.items() if i != index and not (t is target and t in SINGLE_TARGETS)
        }
        if target is not Target.IGNORE:
            columns[index] = target
        return Mapping(columns, self.rows_are_posts)


def suggest_mapping(table: CsvTable) -> Mapping:
    """The mapping suggested from header names (French or English) checked against column contents."""
    columns: dict[int, Target] = {}
    taken: set[Target] = set()
    for column in table.columns:
        target = _target_for(column)
        if target is None or (target in SINGLE_TARGETS and target in taken):
            continue
        if (
            target is Target.REACH
            and not _names_reach(column)
            and any(
                other.index != column.index and _target_for(other) is Target.REACH and _names_reach(other)
                for other in table.columns
            )
        ):
            continue
        columns[column.index] = target
        taken.add(target)
    rows_are_posts = Target.POSTS not in taken and any(
        column.kind is ColumnKind.TEXT and matches(column.name, POST_COLUMN_WORDS) for column in table.columns
    )
    return Mapping(columns, rows_are_posts)


def suggest_definition(table: CsvTable, mapping: Mapping, channel: Channel) -> str:
    """The engagement metric code that matches how the rate will be computed from this file."""
    if mapping.indexes(Target.ENGAGEMENT_RATE):
        return channel.engagement.definition if channel.engagement else DEFAULT_DEFINITION
    reach = mapping.indexes(Target.REACH)
    if mapping.indexes(Target.INTERACTIONS) and reach:
        name = plain(table.header[reach[0]])
        if any(word in name for word in REACH_WORDS):
            return REACH_DEFINITION
        if any(word in name for word in VIEW_WORDS):
            return VIEWS_DEFINITION
        return IMPRESSIONS_DEFINITION
    return DEFAULT_DEFINITION


def guess_channel(audit: Audit, file_name: str) -> str | None:
    """The id of the channel whose platform (or id) the file name mentions, if exactly one fits."""
    name = plain(file_name)
    by_id = [channel.id for channel in audit.channels if channel.id in name]
    if len(by_id) == 1:
        return by_id[0]
    by_platform = [
        channel.id
        for channel in audit.channels
        if re.search(rf"(^|[^a-z]){re.escape(channel.platform.value)}([^a-z]|$)", name)
        or plain(show(channel.platform, "en")).split(" ")[0] in name
    ]
    return by_platform[0] if len(by_platform) == 1 else None


def _names_reach(column: CsvColumn) -> bool:
    return any(word in plain(column.name) for word in REACH_WORDS)


def _target_for(column: CsvColumn) -> Target | None:
    for target, keywords in HEADER_KEYWORDS:
        if not matches(column.name, keywords):
            continue
        if target in DATE_TARGETS and column.kind is ColumnKind.DATE:
            return target
        if (
            target in NUMERIC_TARGETS
            and column.kind in (ColumnKind.NUMBER, ColumnKind.PERCENT)
            and not column.has_negative
        ):
            return target
    return None
