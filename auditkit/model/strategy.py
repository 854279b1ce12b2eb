"""The strategy (DOMAIN §6) and the organisation that carries it out (DOMAIN §7)."""

from __future__ import annotations

import re
from datetime import date

from pydantic import Field, field_validator

from auditkit.errors import InvalidValue
from auditkit.locale import msg
from auditkit.model.base import AuditModel
from auditkit.model.enums import (
    Cadence,
    ComponentStatus,
    ConsentPractice,
    OwnerRole,
    SponsorEngagement,
    StrategyComponentKey,
    Training,
)
from auditkit.values import DelayHours, LeadDays, Money, ShortText, TeamHours, Text


class StrategyComponent(AuditModel):
    status: ComponentStatus
    note: Text = ""
    evidence: ShortText = Field(default="", description="store.field.strategy_component.evidence")


RULE_ID_PATTERN = r"^[A-Z]+(-[A-Z]+)+$"
"""How a rule id is written (``STR-OWNERSHIP``); whether it names a real rule is checked by ``validate``."""


class Obstacle(AuditModel):
    """Something that stands in the way of the strategy, possibly dated, and the rules whose actions it threatens."""

    text: Text = Field(min_length=1)
    deadline: date | None = Field(default=None, description="store.field.obstacle.deadline")
    affects: list[ShortText] = Field(default_factory=list, description="store.field.obstacle.affects")

    @field_validator("affects")
    @classmethod
    def _rule_ids(cls, value: list[str]) -> list[str]:
        wrong = [rule_id for rule_id in value if not re.fullmatch(RULE_ID_PATTERN, rule_id)]
        if wrong:
            raise InvalidValue(msg("store.check.rule_id", id=wrong[0]))
        return value


class Strategy(AuditModel):
    """Strategy components (DOMAIN §6); a component left out is 'not assessed'."""

    components: dict[StrategyComponentKey, StrategyComponent] = Field(default_factory=dict)
    last_reviewed: date | None = None
    obstacles: list[Obstacle] = Field(default_factory=list, description="store.field.strategy.obstacles")


class Organisation(AuditModel):
    """Who does the work and how (DOMAIN §7); ``None`` means 'not known yet'."""

    sponsor: SponsorEngagement | None = None
    strategy_owner_role: OwnerRole | None = None
    strategy_owner: ShortText = ""
    content_creators: list[ShortText] = Field(default_factory=list)
    responders: list[ShortText] = Field(default_factory=list)
    validation_delay_hours: DelayHours | None = None
    training: Training | None = None
    hours_per_week: TeamHours | None = None
    monthly_budget: Money | None = None
    reporting_cadence: Cadence | None = None
    publishing_lead_time_days: LeadDays | None = None
    image_consent: ConsentPractice | None = Field(
        default=None, description="store.field.organisation.image_consent"
    )
    safeguarding: ComponentStatus | None = Field(
        default=None, description="store.field.organisation.safeguarding"
    )
