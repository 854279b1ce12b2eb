"""The client's channels (DOMAIN §5) and their engagement measures."""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import Field, model_validator

from auditkit.errors import InvalidValue
from auditkit.locale import msg
from auditkit.model.base import AuditModel
from auditkit.model.enums import ChannelOperator, ChannelStatus, HandleState
from auditkit.platforms import Platform
from auditkit.values import (
    Audience,
    EngagementBase,
    Identifier,
    Interactions,
    Money,
    Percent,
    PostsPerWeek,
    ResponseMinutes,
    ShortText,
    Text,
    WeeklyHours,
)


class EngagementMeasure(AuditModel):
    """A channel's engagement: a rate, or interactions over a base, with its definition.

    ``definition`` is a metric code from ``data/benchmarks.csv`` (for instance
    ``rivaliq_er_per_post_by_follower``) so that the client is compared with like figures only.
    """

    definition: ShortText = Field(min_length=1)
    rate: Percent | None = None
    interactions: Interactions | None = None
    base: EngagementBase | None = None

    @model_validator(mode="after")
    def _rate_or_counts(self) -> Self:
        if self.rate is None and (self.interactions is None or not self.base):
            raise InvalidValue(msg("store.check.rate_or_counts"))
        return self

    @property
    def percent(self) -> float:
        """The engagement rate in percent, computed from the counts when no rate is given."""
        if self.rate is not None:
            return self.rate
        assert self.interactions is not None and self.base
        return 100 * self.interactions / self.base


class Channel(AuditModel):
    """One social or traditional channel of the client (DOMAIN §5)."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    platform: Platform
    handle: ShortText = Field(default="", description="store.field.channel.handle")
    status: ChannelStatus = ChannelStatus.ACTIVE
    handle_state: HandleState | None = Field(default=None, description="store.field.channel.handle_state")
    operator: ChannelOperator = Field(default=ChannelOperator.OWN, description="store.field.channel.operator")
    owner: ShortText = Field(default="", description="store.field.channel.owner")
    audience_size: Audience | None = None
    posts_per_week: PostsPerWeek | None = None
    engagement: EngagementMeasure | None = None
    median_response_minutes: ResponseMinutes | None = None
    last_post: date | None = None
    started: date | None = None
    hours_per_week: WeeklyHours | None = None
    monthly_budget: Money | None = None
    objectives: list[Identifier] = Field(default_factory=list)
    stakeholders: list[Identifier] = Field(default_factory=list)
    cross_posted_unchanged: bool | None = None
    added_value: Text = Field(default="", description="store.field.channel.added_value")
    emerging: bool = Field(default=False, description="store.field.channel.emerging")
    assessed_before_launch: bool | None = None

    @property
    def is_social(self) -> bool:
        return self.platform.is_social
