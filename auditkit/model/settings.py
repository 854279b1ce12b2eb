"""Per-audit overrides: scoring weights, rule thresholds and benchmark rows."""

from __future__ import annotations

from pydantic import Field

from auditkit.model.base import AuditModel
from auditkit.platforms import Platform
from auditkit.values import Audience, BenchmarkValue, NonNegative, ShortText


class BenchmarkRow(AuditModel):
    """A reference figure added or overridden by the consultant for this client's sector."""

    platform: Platform
    industry: ShortText = Field(min_length=1)
    metric: ShortText = Field(min_length=1)
    value: BenchmarkValue
    unit: ShortText = ""
    year: int = Field(ge=1990, le=2100)
    audience_min: Audience | None = None
    """Smallest audience of the accounts the figure was measured on; ``None``: no lower bound stated."""
    audience_max: Audience | None = None
    """Largest audience of the accounts measured; both bounds ``None``: the study does not split by size."""
    publisher: ShortText = ""
    """Who ran the study (Rival IQ, Hootsuite...), never the summary it was read in."""
    source_title: ShortText = Field(min_length=1)
    source_url: ShortText = ""


class Settings(AuditModel):
    """Per-audit overrides of the scoring weights and rule thresholds.

    Their keys and ranges are checked by :func:`auditkit.scoring.settings_problems`, which ``auditkit
    validate``, ``score`` and ``diagnose`` apply (the model cannot: the catalogues live above it).
    """

    weights: dict[str, NonNegative] = Field(default_factory=dict)
    thresholds: dict[str, float] = Field(default_factory=dict)
    benchmarks: list[BenchmarkRow] = Field(default_factory=list)
    target_level: int | None = Field(
        default=None, ge=1, le=5, description="store.field.settings.target_level"
    )
