"""Which tool wrote an export, and the engagement definitions an import can compute.

Each tool names its columns its own way, in the account's language; ``sources.json`` lists, per tool,
the header words only its exports use (the signature), the base its engagement rate is computed on,
the definition of the rate column it writes, and the follower columns that count a change, not a total
(YouTube Studio's "Subscribers" is the net change over the period; every follower column of LinkedIn's
export counts the followers gained each day).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from auditkit.csv_import.cells import matches
from auditkit.csv_import.table import CsvTable
from auditkit.definitions import Definition
from auditkit.locale import Message, label


class Source(StrEnum):
    """The tool an export comes from."""

    META = "meta"
    LINKEDIN = "linkedin"
    X = "x"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    UNKNOWN = "unknown"

    @property
    def label(self) -> Message:
        """The tool's name."""
        return label(self)


RATE_DEFINITIONS = frozenset({Definition.LINKEDIN_RATE, Definition.X_RATE, Definition.EXPORT_RATE})
"""Definitions a rate column of the export gives directly (X's is also computed from its counts)."""
BASE_DEFINITIONS = {
    "reach": Definition.BY_REACH,
    "views": Definition.BY_VIEWS,
    "impressions": Definition.BY_IMPRESSIONS,
}
"""The definition of interactions divided by each kind of base column."""

SOURCES_FILE = Path(__file__).with_name("sources.json")
MIN_SIGNATURE = 2
"""Columns that must carry a tool's signature words for the export to be recognised as that tool's."""


@dataclass(frozen=True)
class SourceProfile:
    """What one tool's exports hold."""

    signature: tuple[str, ...]
    bases: tuple[str, ...] = ("reach", "views", "impressions")
    """Kinds of base column ("reach", "views", "impressions") for an engagement rate, preferred first."""
    counts_definition: Definition | None = None
    """The tool's own definition of interactions over its preferred base, if it has one."""
    rate_definition: Definition = Definition.EXPORT_RATE
    not_totals: tuple[str, ...] = ()
    """Header words of follower columns that count a change in this tool's exports."""


def _profiles() -> dict[Source, SourceProfile]:
    data = json.loads(SOURCES_FILE.read_text(encoding="utf-8"))
    return {
        Source(name): SourceProfile(
            tuple(entry["signature"]),
            tuple(entry["bases"]),
            Definition(entry["counts_definition"]) if entry["counts_definition"] else None,
            Definition(entry["rate_definition"] or Definition.EXPORT_RATE),
            tuple(entry["not_totals"]),
        )
        for name, entry in data.items()
    }


PROFILES: dict[Source, SourceProfile] = {**_profiles(), Source.UNKNOWN: SourceProfile(())}


def detect_source(table: CsvTable) -> Source:
    """The tool whose signature most columns carry (at least :data:`MIN_SIGNATURE`), else unknown."""
    scores = {
        source: sum(1 for name in table.header if matches(name, profile.signature))
        for source, profile in PROFILES.items()
        if profile.signature
    }
    best = max(scores.values())
    leaders = [source for source, score in scores.items() if score == best]
    return leaders[0] if best >= MIN_SIGNATURE and len(leaders) == 1 else Source.UNKNOWN
