"""The training case: a fictional client with gaps to find, a reference answer, and a checker.

Participants read the case's brief, flag the findings they would report and pick their first-month
priorities (:class:`~auditkit.workshop.session.TrainingDraft`). :func:`check` compares a draft with the
reference: what was found, what was missed and why it matters (the finding auditkit itself makes on the
case, and the section of the method to read), what was over-flagged, and which priorities the reference
roadmap puts later. :func:`consensus` tells the facilitator where the room agrees and where it splits.
The reference is the engine's own result on the case: a test keeps the two equal.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Self

from pydantic import BaseModel, ConfigDict, model_validator

from auditkit import resources
from auditkit.diagnose import RULES
from auditkit.findings import Finding
from auditkit.locale import Message
from auditkit.run import AuditRun
from auditkit.run import open as open_audit
from auditkit.workshop.quiz import THEME_SECTION, LocalText
from auditkit.workshop.session import TrainingDraft

__all__ = [
    "MAX_PRIORITIES",
    "THEME_SECTION",
    "Consensus",
    "ConsensusRow",
    "Miss",
    "Review",
    "TrainingReference",
    "case_run",
    "check",
    "consensus",
    "load_reference",
]

MAX_PRIORITIES = 3
"""First-month priorities a participant may pick: the method stages the work, it does not do it all at once."""
AGREEMENT = 0.75
"""Share of the room above which (or below one minus which) the room is said to agree."""


class TrainingReference(BaseModel):
    """The reference answer: the findings a consultant should report, those of the first month, and
    plausible findings the case does not support (offered to the participants with the others)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    case: str
    brief: LocalText
    findings: tuple[str, ...]
    first_month: tuple[str, ...]
    distractors: tuple[str, ...]

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        unknown = [rule_id for rule_id in (*self.findings, *self.distractors) if rule_id not in RULES]
        if unknown:
            raise ValueError(f"no rule has the id {', '.join(unknown)}")
        if not set(self.first_month) <= set(self.findings):
            raise ValueError("a first-month priority is not one of the reference findings")
        if set(self.findings) & set(self.distractors):
            raise ValueError("a distractor is also a reference finding")
        return self

    @property
    def candidates(self) -> tuple[str, ...]:
        """Every finding offered to the participants, in the catalogue's order (so by theme)."""
        offered = {*self.findings, *self.distractors}
        return tuple(rule_id for rule_id in RULES if rule_id in offered)

    @property
    def case_path(self) -> Path:
        """The case's audit file."""
        return _folder() / self.case


def _folder() -> Path:
    return resources.data_dir() / "workshop"


@cache
def _cached_reference(path: Path) -> TrainingReference:
    return TrainingReference.model_validate(json.loads(path.read_text(encoding="utf-8")))


def load_reference(path: Path | None = None) -> TrainingReference:
    """The reference answer of the bundled training case (or the one at ``path``), read once."""
    return _cached_reference((path or _folder() / "training-case.reference.json").resolve())


@cache
def _cached_run(path: Path) -> AuditRun:
    return open_audit(path)


def case_run(reference: TrainingReference | None = None) -> AuditRun:
    """The audit run of the training case: the engine's findings and roadmap on it, computed once."""
    return _cached_run((reference or load_reference()).case_path.resolve())


def reference_months(reference: TrainingReference | None = None) -> dict[str, int]:
    """For each rule the case's roadmap acts on, the month of the stage where it first acts."""
    months: dict[str, int] = {}
    for stage in case_run(reference).roadmap.stages:
        for action in stage.actions:
            for rule_id in action.findings:
                months.setdefault(rule_id, stage.month)
    return months


@dataclass(frozen=True)
class Miss:
    """A reference finding the participant did not flag, with why it matters on this case."""

    rule: str
    why: Message
    section: int


@dataclass(frozen=True)
class Review:
    """What the checker says about one draft."""

    found: tuple[str, ...]
    missed: tuple[Miss, ...]
    over_flagged: tuple[str, ...]
    priorities_right: tuple[str, ...]
    priorities_later: tuple[tuple[str, int], ...]
    priorities_unfounded: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Every reference finding flagged, nothing over-flagged, every priority a first-month one."""
        return not (self.missed or self.over_flagged or self.priorities_later or self.priorities_unfounded)


def _first_finding(run: AuditRun, rule_id: str) -> Finding:
    return next(finding for finding in run.diagnosis.findings if finding.rule == rule_id)


def check(draft: TrainingDraft, reference: TrainingReference | None = None) -> Review:
    """Compare a participant's draft with the reference answer."""
    reference = reference or load_reference()
    run = case_run(reference)
    flagged = set(draft.findings)
    months = reference_months(reference)
    missed = tuple(
        Miss(rule_id, _first_finding(run, rule_id).explanation, THEME_SECTION[RULES[rule_id].theme])
        for rule_id in reference.findings
        if rule_id not in flagged
    )
    first_month = set(reference.first_month)
    return Review(
        found=tuple(rule_id for rule_id in reference.findings if rule_id in flagged),
        missed=missed,
        over_flagged=tuple(
            rule_id for rule_id in reference.candidates if rule_id in flagged - set(reference.findings)
        ),
        priorities_right=tuple(rule_id for rule_id in draft.priorities if rule_id in first_month),
        priorities_later=tuple(
            (rule_id, months[rule_id])
            for rule_id in draft.priorities
            if rule_id in reference.findings and rule_id not in first_month and rule_id in months
        ),
        priorities_unfounded=tuple(
            rule_id for rule_id in draft.priorities if rule_id not in reference.findings
        ),
    )


@dataclass(frozen=True)
class ConsensusRow:
    """How the room treated one candidate finding."""

    rule: str
    flagged: int
    prioritised: int
    participants: int
    in_reference: bool
    first_month: bool

    @property
    def flagged_share(self) -> float:
        """Share of the participants who flagged it."""
        return self.flagged / self.participants if self.participants else 0.0

    @property
    def agreed(self) -> bool:
        """Whether the room agrees on it: nearly everyone flagged it, or nearly no one."""
        return self.flagged_share >= AGREEMENT or self.flagged_share <= 1 - AGREEMENT


@dataclass(frozen=True)
class Consensus:
    """Where the room agrees and disagrees on the training case."""

    rows: tuple[ConsensusRow, ...]
    participants: int

    def split(self) -> tuple[ConsensusRow, ...]:
        """The findings the room is divided on, the most divided first: what to discuss."""
        divided = [row for row in self.rows if not row.agreed]
        return tuple(sorted(divided, key=lambda row: abs(row.flagged_share - 0.5)))


def consensus(drafts: Sequence[TrainingDraft], reference: TrainingReference | None = None) -> Consensus:
    """The room's drafts side by side: for each candidate finding, how many flagged and prioritised it.

    Only submitted drafts count.
    """
    reference = reference or load_reference()
    submitted = [draft for draft in drafts if draft.submitted_at is not None]
    rows = tuple(
        ConsensusRow(
            rule=rule_id,
            flagged=sum(rule_id in draft.findings for draft in submitted),
            prioritised=sum(rule_id in draft.priorities for draft in submitted),
            participants=len(submitted),
            in_reference=rule_id in reference.findings,
            first_month=rule_id in reference.first_month,
        )
        for rule_id in reference.candidates
    )
    return Consensus(rows, len(submitted))
