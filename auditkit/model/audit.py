"""One client engagement: the root of the audit model, which checks that cross-references resolve."""

from __future__ import annotations

from datetime import datetime
from typing import Self

from pydantic import Field, field_validator, model_validator

from auditkit.errors import InvalidValue, Problem
from auditkit.fileformat import SCHEMA_VERSION
from auditkit.locale import msg
from auditkit.model.base import AuditModel, by_id, check_unique, dangling
from auditkit.model.channels import Channel
from auditkit.model.commentary import Commentary
from auditkit.model.environment import Peer, Stakeholder
from auditkit.model.ids import slug
from auditkit.model.objectives import Objective
from auditkit.model.profile import ClientProfile, Engagement
from auditkit.model.roadmap_edits import RoadmapEdits
from auditkit.model.settings import Settings
from auditkit.model.strategy import Organisation, Strategy
from auditkit.values import Text


class Audit(AuditModel):
    """One client engagement: everything the method needs, in one validated document."""

    schema_version: int = SCHEMA_VERSION
    revision: int = Field(default=0, ge=0, description="store.field.audit.revision")
    saved_at: datetime | None = None
    engagement: Engagement
    client: ClientProfile
    objectives: list[Objective] = Field(default_factory=list)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    peers: list[Peer] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    strategy: Strategy = Field(default_factory=Strategy)
    organisation: Organisation = Field(default_factory=Organisation)
    settings: Settings = Field(default_factory=Settings)
    roadmap: RoadmapEdits = Field(default_factory=RoadmapEdits)
    commentary: Commentary = Field(default_factory=Commentary, description="store.field.audit.commentary")
    notes: Text = ""

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise InvalidValue(
                msg("store.check.schema_version", version=str(value), supported=str(SCHEMA_VERSION))
            )
        return value

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        check_unique(self.objectives, "objectives")
        check_unique(self.stakeholders, "stakeholders")
        check_unique(self.peers, "peers")
        check_unique(self.channels, "channels")
        objective_ids = {o.id for o in self.objectives}
        stakeholder_ids = {s.id for s in self.stakeholders}
        problems: list[Problem] = []
        for i, objective in enumerate(self.objectives):
            problems += dangling(objective.stakeholders, stakeholder_ids, f"objectives.{i}.stakeholders")
        for i, channel in enumerate(self.channels):
            problems += dangling(channel.objectives, objective_ids, f"channels.{i}.objectives")
            problems += dangling(channel.stakeholders, stakeholder_ids, f"channels.{i}.stakeholders")
        if problems:
            raise InvalidValue(*problems)
        return self

    def objective(self, objective_id: str) -> Objective:
        """The objective with this id (``KeyError`` if none)."""
        return by_id(self.objectives, objective_id)

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        """The stakeholder with this id (``KeyError`` if none)."""
        return by_id(self.stakeholders, stakeholder_id)

    def channel(self, channel_id: str) -> Channel:
        """The channel with this id (``KeyError`` if none)."""
        return by_id(self.channels, channel_id)

    def new_id(self, section: str, name: str) -> str:
        """A fresh id for an item of ``section`` ("channels", ...) derived from ``name``."""
        base = slug(section, name)
        taken = {item.id for item in getattr(self, section)}
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate
