"""The client's environment (DOMAIN §4): stakeholder groups, their platforms, and peers."""

from __future__ import annotations

from typing import Self

from pydantic import Field, model_validator

from auditkit.errors import InvalidValue
from auditkit.locale import msg
from auditkit.model.base import AuditModel
from auditkit.model.enums import AdoptionStage, Consultation, Level, PeerRelation
from auditkit.platforms import Platform
from auditkit.values import Audience, Identifier, Percent, PostsPerWeek, Share, ShortText, Text


class PlatformUse(AuditModel):
    """How much a stakeholder group uses a platform: a share, a level, or both."""

    platform: Platform
    share: Share | None = None
    level: Level | None = None

    @model_validator(mode="after")
    def _share_or_level(self) -> Self:
        if self.share is None and self.level is None:
            raise InvalidValue(msg("store.check.share_or_level"))
        return self


class Stakeholder(AuditModel):
    """A target audience or stakeholder group (DOMAIN §4)."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    importance: int = Field(default=3, ge=1, le=5, description="store.field.stakeholder.importance")
    digital_literacy: Level | None = None
    engagement: Level | None = None
    platforms: list[PlatformUse] = Field(default_factory=list)
    consultation: Consultation = Consultation.NONE
    consultation_note: Text = ""


class PeerPresence(AuditModel):
    platform: Platform
    handle: ShortText = ""
    audience: Audience | None = None
    posts_per_week: PostsPerWeek | None = None
    engagement_rate: Percent | None = None
    engagement_definition: ShortText = Field(
        default="", description="store.field.peer_presence.engagement_definition"
    )


class Peer(AuditModel):
    """A competitor, peer or aspirational organisation (DOMAIN §4)."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    relation: PeerRelation = PeerRelation.PEER
    adoption: AdoptionStage | None = None
    presence: list[PeerPresence] = Field(default_factory=list)
    note: Text = ""
