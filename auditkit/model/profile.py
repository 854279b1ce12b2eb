"""The engagement and the client's profile."""

from __future__ import annotations

from datetime import date

from pydantic import Field, field_validator

from auditkit.errors import InvalidValue
from auditkit.locale import languages, msg
from auditkit.model.base import AuditModel
from auditkit.model.enums import IndustryKind, Language, OrganisationSize
from auditkit.values import ShortText


class Engagement(AuditModel):
    """Profile of the engagement: who audits whom, when, in which language."""

    client: ShortText = Field(min_length=1, description="store.field.engagement.client")
    consultant: ShortText = ""
    audit_date: date = Field(
        ge=date(1990, 1, 1), le=date(2100, 12, 31), description="store.field.engagement.audit_date"
    )
    round: int = Field(default=1, ge=1, le=100, description="store.field.range.round")
    previous_round: ShortText | None = Field(
        default=None, description="store.field.engagement.previous_round"
    )
    language: str = Field(default=Language.EN, description="store.field.engagement.language")
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$", description="store.field.engagement.currency")

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in languages():
            raise InvalidValue(msg("store.check.language", value=value, valid=", ".join(languages())))
        return str(value)


class ClientProfile(AuditModel):
    industry: IndustryKind
    sector: ShortText = Field(default="", description="store.field.client_profile.sector")
    size: OrganisationSize | None = None
    country: str = Field(
        default="", pattern=r"^([A-Z]{2})?$", description="store.field.client_profile.country"
    )
    minors_in_audience: bool = Field(
        default=False, description="store.field.client_profile.minors_in_audience"
    )
