"""What a rule of the method is made of: its registry, the findings it returns, and what it may read.

Each rule of ``shared/DOMAIN.md`` ("Rule catalogue") is one function registered with :func:`rule` in
the single registry :data:`RULES`; the functions live in :mod:`auditkit.rules`, one module per theme.
A rule returns its :class:`Finding` objects (one per offending channel, objective... where that is
natural), or a :class:`NotAssessed` when the audit lacks the data it needs: a rule never guesses.
A rule may also mix both, when some items could be judged and others lacked data.

A rule's texts are catalogue messages named after its id: ``rule.<ID>.title``, ``rule.<ID>.condition``,
``rule.<ID>.action``, and ``rule.<ID>.<name>`` for each explanation it gives. A finding's explanation and
action may name the organisation's people by the placeholders of :data:`auditkit.vocabulary.WORDS`
(``{leadership}``, ``{team}``...): :meth:`Context.finding` fills them with the client's own words.
A finding carries its own severity (the rule's by default): everything downstream reads the finding's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Any

from auditkit.locale import Message, label, msg
from auditkit.model import (
    Audit,
    Channel,
    ChannelStatus,
    Language,
    PlatformUse,
    StrategyComponent,
    StrategyComponentKey,
)
from auditkit.platforms import Platform
from auditkit.thresholds import LEVEL_VALUES, add_months, response_key, thresholds_for
from auditkit.vocabulary import GENERIC_WORDS, words

if TYPE_CHECKING:
    from auditkit.steps import Step

__all__ = [
    "RULES",
    "Check",
    "Context",
    "Evidence",
    "Finding",
    "NotAssessed",
    "Outcome",
    "Rule",
    "Severity",
    "Theme",
    "add_months",
    "rule",
]


class Severity(StrEnum):
    """How much a finding matters, from ``critical`` (fix first) to ``info`` (worth knowing)."""

    CRITICAL = "critical"
    MAJOR = "major"
    MINOR = "minor"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most severe; sorting by rank puts critical findings first."""
        return _SEVERITY_ORDER.index(self)

    def lowered(self) -> Severity:
        """One step less severe (``info`` stays ``info``)."""
        return _SEVERITY_ORDER[min(self.rank + 1, len(_SEVERITY_ORDER) - 1)]

    @property
    def label(self) -> Message:
        """The severity in words (``enum.severity.<value>``)."""
        return label(self)


_SEVERITY_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)


class Theme(StrEnum):
    """The part of the method a rule belongs to."""

    OBJECTIVES = "objectives"
    INDICATORS = "indicators"
    ENVIRONMENT = "environment"
    CHANNELS = "channels"
    STRATEGY = "strategy"
    ORGANISATION = "organisation"
    PRACTICES = "practices"
    """The four classic errors of seed 000."""
    DECISION = "decision"

    @property
    def label(self) -> Message:
        """The theme in words (``enum.theme.<value>``)."""
        return label(self)


def _jsonable(value: object, lang: Language | str | None) -> Any:
    if isinstance(value, Message):
        return value.to_dict() if lang is None else value(lang)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(item, lang) for item in value]
    return value


def _text(value: Message, lang: Language | str | None) -> str | dict[str, str]:
    return value.to_dict() if lang is None else value(lang)


@dataclass(frozen=True)
class Evidence:
    """One fact behind a finding: a field of the audit file, its value, and what it was compared with.

    ``field`` is the dotted path in the audit file, e.g. ``channels.3.last_post``.
    """

    field: str
    value: object
    threshold: object | None = None
    note: Message | None = None

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """JSON-ready data; texts in ``lang``, or in every language when ``lang`` is ``None``."""
        return {
            "field": self.field,
            "value": _jsonable(self.value, lang),
            "threshold": _jsonable(self.threshold, lang),
            "note": None if self.note is None else _text(self.note, lang),
        }


@dataclass(frozen=True, repr=False)
class Finding:
    """One diagnostic: which rule fired, how bad it is, why, on what evidence, and what to do."""

    rule: str
    severity: Severity
    theme: Theme
    title: Message
    explanation: Message
    evidence: tuple[Evidence, ...]
    seeds: tuple[str, ...]
    action: Message
    subjects: tuple[str, ...]
    """Ids of the channels, objectives, stakeholders or peers concerned; empty if audit-wide."""
    about: str | Message | None = None
    """What the title adds to the rule's title (a channel's name...); ``None`` when it adds nothing."""

    def __repr__(self) -> str:
        return f"<Finding {self.rule} {self.severity.value} subjects={list(self.subjects)}>"

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """JSON-ready data; texts in ``lang``, or in every language when ``lang`` is ``None``."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "theme": self.theme.value,
            "title": _text(self.title, lang),
            "explanation": _text(self.explanation, lang),
            "evidence": [item.to_dict(lang) for item in self.evidence],
            "seed": list(self.seeds),
            "action": _text(self.action, lang),
            "subjects": list(self.subjects),
        }


@dataclass(frozen=True)
class NotAssessed:
    """A rule (or, with ``subjects``, part of it) that could not be judged: which data is missing."""

    rule: str
    missing: tuple[str, ...]
    reason: Message
    subjects: tuple[str, ...] = ()
    """Ids of the items left unjudged (channels, stakeholders...); empty for an audit-wide gap."""

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """JSON-ready data; the reason in ``lang``, or in every language when ``lang`` is ``None``."""
        return {
            "rule": self.rule,
            "missing": list(self.missing),
            "reason": _text(self.reason, lang),
            "subjects": list(self.subjects),
        }


Outcome = Sequence[Finding | NotAssessed] | NotAssessed
"""What a rule's check returns: findings (possibly with per-item gaps), or the whole rule unjudged."""

Check = Callable[[Audit, "Context"], Outcome]
"""A rule's check: the audit and the shared context in, the rule's outcome out."""


@dataclass(frozen=True)
class Rule:
    """One entry of the catalogue: its stable id, default severity, source articles and check.

    Its texts are the catalogue messages ``rule.<id>.title``, ``.condition`` and ``.action``.
    """

    id: str
    severity: Severity
    theme: Theme
    seeds: tuple[str, ...]
    check: Check
    thresholds: tuple[str, ...] = ()
    """Keys of :data:`auditkit.thresholds.THRESHOLDS` the rule compares with."""
    step: Step | None = None
    """How the rule's findings become a roadmap action (the plan's fallback when ``None``)."""

    @property
    def title(self) -> Message:
        """The rule's name, as a finding's title."""
        return msg(f"rule.{self.id}.title")

    @property
    def condition(self) -> Message:
        """When the rule fires, in words (thresholds named by key), for the methodology appendix."""
        return msg(f"rule.{self.id}.condition")

    @property
    def action(self) -> Message:
        """What to do when the rule fires, in words that fit any organisation."""
        return msg(f"rule.{self.id}.action", **GENERIC_WORDS)

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """JSON-ready data; texts in ``lang``, or in every language when ``lang`` is ``None``."""
        return {
            "id": self.id,
            "severity": self.severity.value,
            "theme": self.theme.value,
            "seed": list(self.seeds),
            "title": _text(self.title, lang),
            "condition": _text(self.condition, lang),
            "action": _text(self.action, lang),
            "thresholds": list(self.thresholds),
        }


RULES: dict[str, Rule] = {}
"""The one registry of rules, by id, in catalogue order."""


def rule(
    rule_id: str,
    *,
    severity: Severity,
    theme: Theme,
    seeds: tuple[str, ...],
    thresholds: tuple[str, ...] = (),
    step: Step | None = None,
) -> Callable[[Check], Check]:
    """Register the decorated check function as rule ``rule_id`` (ids are unique), with its roadmap step."""

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} is registered twice")
        RULES[rule_id] = Rule(rule_id, severity, theme, seeds, check, thresholds, step)
        return check

    return register


class Context:
    """What the rules share about one audit, computed once per diagnosis, and the rule being checked.

    Attributes:
        audit: the audit under diagnosis.
        today: the audit date (rules never read the clock).
        thresholds: the audit's thresholds (defaults overridden by ``settings.thresholds``).
        active: ``(index, channel)`` of every active channel, in file order.
        active_social: the same, restricted to social networks.
        stakeholder_index: position of each stakeholder in ``audit.stakeholders``, by id.
        target_stakeholders: ids of the stakeholders the objectives aim at (all of them when no
            objective names any).
        words: the organisation's words for its people, by placeholder (:func:`auditkit.vocabulary.words`).
    """

    def __init__(self, audit: Audit) -> None:
        self.audit = audit
        self.today = audit.engagement.audit_date
        self.thresholds = thresholds_for(audit)
        self.active: tuple[tuple[int, Channel], ...] = tuple(
            (i, channel) for i, channel in enumerate(audit.channels) if channel.status is ChannelStatus.ACTIVE
        )
        self.active_social = tuple((i, channel) for i, channel in self.active if channel.platform.is_social)
        self.stakeholder_index = {stakeholder.id: i for i, stakeholder in enumerate(audit.stakeholders)}
        aimed_at = {sid for objective in audit.objectives for sid in objective.stakeholders}
        self.target_stakeholders = frozenset(aimed_at or self.stakeholder_index)
        self.words = words(audit.client)
        self._rule: Rule | None = None

    @property
    def rule(self) -> Rule:
        """The rule being checked."""
        if self._rule is None:
            raise RuntimeError("Context.rule is only set while a rule is checked (use check_rule)")
        return self._rule

    def checking(self, checked: Rule) -> Context:
        """This context, set to build the findings of ``checked``."""
        self._rule = checked
        return self

    def finding(
        self,
        explanation: Message,
        evidence: Iterable[Evidence] = (),
        subjects: Iterable[str] = (),
        *,
        about: str | Message | None = None,
        severity: Severity | None = None,
        action: Message | None = None,
        title: Message | None = None,
    ) -> Finding:
        """A finding of the current rule; ``about`` (a channel's name...) is appended to its title.

        ``severity``, ``action`` and ``title`` override the rule's for this finding; the explanation and
        the action get the organisation's words (a value the rule passed for the same placeholder wins).
        """
        current = self.rule
        title = title or current.title
        if about is not None:
            title = msg("finding.title.about", title=title, about=about)
        return Finding(
            rule=current.id,
            severity=severity or current.severity,
            theme=current.theme,
            title=title,
            explanation=self._worded(explanation),
            evidence=tuple(evidence),
            seeds=current.seeds,
            action=self._worded(action or msg(current.action.id)),
            subjects=tuple(dict.fromkeys(subjects)),
            about=about,
        )

    def _worded(self, message: Message) -> Message:
        return Message(message.id, {**self.words, **message.params})

    def not_assessed(
        self, missing: Iterable[str], reason: Message, subjects: Iterable[str] = ()
    ) -> NotAssessed:
        """The current rule (or, with ``subjects``, part of it) could not be judged."""
        return NotAssessed(
            self.rule.id, tuple(dict.fromkeys(missing)), reason, tuple(dict.fromkeys(subjects))
        )

    def expectation(self, platform: Platform) -> float | None:
        """Minutes within which ``platform``'s audience expects an answer, or ``None`` if unknown."""
        return self.thresholds.get(response_key(platform))

    def uses(self, use: PlatformUse) -> bool:
        """Whether a stakeholder group's use of a platform reaches the presence thresholds."""
        if use.share is not None and use.share >= self.thresholds["platform_use_share"]:
            return True
        return use.level is not None and LEVEL_VALUES[use.level] >= self.thresholds["platform_use_level"]

    def component(self, key: StrategyComponentKey) -> StrategyComponent | None:
        """The strategy component ``key``, or ``None`` when the audit does not say."""
        return self.audit.strategy.components.get(key)
