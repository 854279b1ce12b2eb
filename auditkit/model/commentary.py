"""The consultant's voice in the report: an executive summary, a comment per section, and the findings
they set aside (each with its reason), all kept in the audit file across regenerations."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Self

from pydantic import Field, field_validator, model_validator

from auditkit.errors import InvalidValue, Problem
from auditkit.locale import msg
from auditkit.model.base import AuditModel
from auditkit.model.strategy import RULE_ID_PATTERN
from auditkit.values import ShortText, Text


class ReportSection(StrEnum):
    """A section of the report the consultant may comment (the cover and the summary take none: the
    summary carries :attr:`Commentary.summary`)."""

    CONTEXT = "context"
    SCORECARD = "scorecard"
    BENCHMARK = "benchmark"
    STRATEGY = "strategy"
    FINDINGS = "findings"
    ROADMAP = "roadmap"
    METHODOLOGY = "methodology"


class SetAside(AuditModel):
    """A finding the consultant judged not to apply: it leaves the findings, the scores and the roadmap."""

    rule: ShortText = Field(description="store.field.set_aside.rule")
    subject: ShortText | None = Field(default=None, description="store.field.set_aside.subject")
    reason: Text = Field(min_length=1, description="store.field.set_aside.reason")
    by: ShortText = Field(default="", description="store.field.set_aside.by")
    on: date | None = Field(default=None, description="store.field.set_aside.on")

    @field_validator("rule")
    @classmethod
    def _rule_id(cls, value: str) -> str:
        if not re.fullmatch(RULE_ID_PATTERN, value):
            raise InvalidValue(msg("store.check.rule_id", id=value))
        return value

    @field_validator("reason")
    @classmethod
    def _reason_given(cls, value: str) -> str:
        if not value.strip():
            raise InvalidValue(msg("store.check.set_aside_reason"))
        return value

    def covers(self, rule_id: str, subjects: tuple[str, ...]) -> bool:
        """Whether a finding of ``rule_id`` about ``subjects`` is set aside by this entry."""
        return rule_id == self.rule and (self.subject is None or self.subject in subjects)


class Commentary(AuditModel):
    """The consultant's own words in the report (Markdown) and the findings they set aside."""

    summary: Text = Field(default="", description="store.field.commentary.summary")
    sections: dict[ReportSection, Text] = Field(
        default_factory=dict, description="store.field.commentary.sections"
    )
    set_aside: list[SetAside] = Field(default_factory=list, description="store.field.commentary.set_aside")

    @model_validator(mode="after")
    def _each_once(self) -> Self:
        seen: set[tuple[str, str | None]] = set()
        for i, entry in enumerate(self.set_aside):
            key = (entry.rule, entry.subject)
            if key in seen:
                raise InvalidValue(
                    Problem(
                        f"commentary.set_aside.{i}",
                        msg("store.check.set_aside_twice", rule=entry.rule, subject=entry.subject or "*"),
                    )
                )
            seen.add(key)
        return self

    def comment(self, section: ReportSection | str) -> str:
        """The consultant's comment on ``section`` ("" when none)."""
        return self.sections.get(ReportSection(section), "").strip()
