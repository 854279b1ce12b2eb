"""Which column feeds which channel field: the targets, the mapping, and the proposal.

A proposal comes from header names in French or English (as platforms write them, listed in
``header_words.json``), checked against what the column holds, and from the tool that wrote the export
(:func:`~auditkit.csv_import.sources.detect_source`). A "Followers" column of text is not mapped; nor is
a column counting a change in followers ("New followers", "Net followers", YouTube Studio's
"Subscribers"): the proposal says why. The user confirms or changes it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from auditkit.csv_import.cells import matches, plain
from auditkit.csv_import.sources import (
    BASE_DEFINITIONS,
    PROFILES,
    Source,
    SourceProfile,
    detect_source,
)
from auditkit.csv_import.table import ColumnKind, CsvColumn, CsvTable
from auditkit.definitions import Definition
from auditkit.locale import Message, label, msg, show
from auditkit.model import Audit, Channel

DEFAULT_DEFINITION = "rivaliq_er_per_post_by_follower"
"""The definition the channel editor proposes for a rate typed by hand."""
REACH_DEFINITION = Definition.BY_REACH.value


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
AUDIENCE_WORDS: tuple[str, ...] = tuple(_WORDS["targets"]["audience_size"])
POST_COLUMN_WORDS: tuple[str, ...] = tuple(_WORDS["post_column"])
"""Header words of a text column that means each row is one post."""
BASE_WORDS: dict[str, tuple[str, ...]] = {
    kind: tuple(_WORDS[kind]) for kind in ("reach", "views", "impressions")
}
"""Header words of each kind of base an engagement rate is divided by."""
PERCENT_WORDS: tuple[str, ...] = tuple(_WORDS["percent"])
"""Header words of a rate column given in percent even without a % sign."""
HOUR_WORDS: tuple[str, ...] = tuple(_WORDS["hours"])
"""Header words of a response time given in hours."""
INTERACTION_TOTALS: tuple[str, ...] = tuple(_WORDS["interaction_totals"])
"""Header words of a column that already sums the interactions ("Engagements", "Reactions, comments and
shares"): mapped alone, so that its parts are not counted twice."""
AUDIENCE_CHANGES: tuple[str, ...] = tuple(_WORDS["audience_changes"])
"""Header words of a follower column that counts a change, never a total, in French and English."""
FOLLOWER_LIKE: tuple[str, ...] = tuple(_WORDS["follower_like"])
"""Header words of columns about followers that no audience word names ("Follows", "Suivis")."""


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


@dataclass(frozen=True)
class Proposal:
    """The mapping proposed for an export, the tool it comes from, and the follower columns left out."""

    source: Source
    mapping: Mapping
    not_audience: tuple[tuple[int, Message], ...] = ()
    """Columns that look like an audience size but are not one, each with why."""


def propose_mapping(table: CsvTable) -> Proposal:
    """The mapping a consultant would choose for ``table``: from header names (French or English) checked
    against column contents, and from what the tool that wrote it puts in its columns."""
    source = detect_source(table)
    profile = PROFILES[source]
    not_audience = tuple(
        (column.index, reason)
        for column in table.columns
        if (reason := _not_a_total(column, source, profile)) is not None
    )
    refused = {index for index, _ in not_audience}
    candidates: dict[Target, list[CsvColumn]] = {}
    for column in table.columns:
        target = _target_for(column)
        if target is not None and not (target is Target.FOLLOWERS and column.index in refused):
            candidates.setdefault(target, []).append(column)
    columns: dict[int, Target] = {}
    for target, found in candidates.items():
        if target is Target.REACH:
            found = [_preferred_base(found, profile)]
        elif target is Target.INTERACTIONS:
            totals = [column for column in found if matches(column.name, INTERACTION_TOTALS)]
            found = totals[:1] or found
        elif target in SINGLE_TARGETS:
            found = found[:1]
        columns.update((column.index, target) for column in found)
    rows_are_posts = Target.POSTS not in candidates and any(
        column.kind is ColumnKind.TEXT and matches(column.name, POST_COLUMN_WORDS) for column in table.columns
    )
    return Proposal(source, Mapping(dict(sorted(columns.items())), rows_are_posts), not_audience)


def suggest_mapping(table: CsvTable) -> Mapping:
    """The mapping :func:`propose_mapping` proposes."""
    return propose_mapping(table).mapping


def suggest_definition(table: CsvTable, mapping: Mapping, channel: Channel) -> str:
    """The engagement definition this file allows with ``mapping`` (a :class:`Definition` code).

    The export's own rate column first (with the tool's definition of it), then interactions divided by
    the base column (reach, views or impressions), then interactions per post divided by followers; the
    channel's definition stays when the file holds nothing to compute an engagement from.
    """
    profile = PROFILES[detect_source(table)]
    if mapping.indexes(Target.ENGAGEMENT_RATE):
        return profile.rate_definition
    if not mapping.indexes(Target.INTERACTIONS):
        return channel.engagement.definition if channel.engagement else Definition.PER_POST_BY_FOLLOWERS
    bases = mapping.indexes(Target.REACH)
    if not bases:
        return Definition.PER_POST_BY_FOLLOWERS
    kind = base_kind(table.columns[bases[0]])
    if profile.counts_definition and kind == profile.bases[0]:
        return profile.counts_definition
    return BASE_DEFINITIONS[kind]


def base_kind(column: CsvColumn) -> str:
    """Whether a base column counts reach, views or impressions (reach when its name says none)."""
    return next((kind for kind, words in BASE_WORDS.items() if matches(column.name, words)), "reach")


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


def _preferred_base(columns: list[CsvColumn], profile: SourceProfile) -> CsvColumn:
    """The base column the tool's engagement rate is computed on (reach, views or impressions)."""
    for kind in profile.bases:
        for column in columns:
            if matches(column.name, BASE_WORDS[kind]):
                return column
    return columns[0]


def _not_a_total(column: CsvColumn, source: Source, profile: SourceProfile) -> Message | None:
    """Why a numeric column that looks like an audience size is not one; None when it may be one."""
    names_audience = matches(column.name, AUDIENCE_WORDS)
    if column.kind not in (ColumnKind.NUMBER, ColumnKind.PERCENT) or not (
        names_audience or matches(column.name, FOLLOWER_LIKE)
    ):
        return None
    if matches(column.name, AUDIENCE_CHANGES) or not names_audience:
        return msg("csv.not_audience.change", column=column.title)
    if matches(column.name, profile.not_totals):
        return msg(f"csv.not_audience.{source.value}", column=column.title)
    if column.has_negative:
        return msg("csv.not_audience.negative", column=column.title)
    return None


def _target_for(column: CsvColumn) -> Target | None:
    rate_only = column.kind is ColumnKind.PERCENT or matches(column.name, PERCENT_WORDS)
    for target, keywords in HEADER_KEYWORDS:
        if not matches(column.name, keywords):
            continue
        if target in DATE_TARGETS and column.kind is ColumnKind.DATE:
            return target
        if (
            target in NUMERIC_TARGETS
            and column.kind in (ColumnKind.NUMBER, ColumnKind.PERCENT)
            and not column.has_negative
            and (target is Target.ENGAGEMENT_RATE or not rate_only)
        ):
            return target
    return None
