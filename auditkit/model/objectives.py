"""Objectives (DOMAIN §2) and their indicators (DOMAIN §3)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from auditkit.model.base import AuditModel
from auditkit.model.enums import Lens, ObjectiveKind
from auditkit.values import Identifier, Measure, ShortText, Text


class Indicator(AuditModel):
    name: ShortText = Field(min_length=1)
    lens: Lens
    definition: Text = ""
    source: ShortText = Field(default="", description="store.field.indicator.source")


class Objective(AuditModel):
    """A SMART objective (DOMAIN §2) with its indicators (DOMAIN §3)."""

    id: Identifier
    statement: Text = Field(min_length=1)
    kind: ObjectiveKind
    primary: bool = False
    metric: ShortText = ""
    unit: ShortText = ""
    baseline: Measure | None = None
    target: Measure | None = None
    deadline: date | None = None
    current: Measure | None = Field(default=None, description="store.field.objective.current")
    current_date: date | None = Field(default=None, description="store.field.objective.current_date")
    stakeholders: list[Identifier] = Field(
        default_factory=list, description="store.field.objective.stakeholders"
    )
    indicators: list[Indicator] = Field(default_factory=list)
