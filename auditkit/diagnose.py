"""The diagnosis: every rule of the method's catalogue, checked against one audit.

Each rule of ``shared/DOMAIN.md`` ("Rule catalogue") is one function registered with :func:`rule` in
the single registry :data:`RULES`; the functions live in :mod:`auditkit.rules`, one module per theme.
A rule returns its :class:`Finding` objects (one per offending channel, objective... where that is
natural), or a :class:`NotAssessed` when the audit lacks the data it needs: a rule never guesses.
A rule may also mix both, when some items could be judged and others lacked data.

:func:`diagnose` runs every rule and sorts the findings most severe first, then in catalogue order.
It is pure and deterministic: "today" is ``audit.engagement.audit_date``, never the clock.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum, StrEnum
from typing import Any

from auditkit.i18n import Bilingual
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

__all__ = [
    "RULES",
    "Context",
    "Diagnosis",
    "Evidence",
    "Finding",
    "NotAssessed",
    "Outcome",
    "Rule",
    "Severity",
    "Theme",
    "add_months",
    "catalogue",
    "check_rule",
    "diagnose",
    "rule",
    "say",
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
    def label(self) -> Bilingual:
        return _SEVERITY_LABELS[self]


_SEVERITY_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO)
_SEVERITY_LABELS = {
    Severity.CRITICAL: Bilingual(en="critical", fr="critique"),
    Severity.MAJOR: Bilingual(en="major", fr="majeur"),
    Severity.MINOR: Bilingual(en="minor", fr="mineur"),
    Severity.INFO: Bilingual(en="info", fr="info"),
}


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
    def label(self) -> Bilingual:
        return _THEME_LABELS[self]


_THEME_LABELS = {
    Theme.OBJECTIVES: Bilingual(en="Objectives", fr="Objectifs"),
    Theme.INDICATORS: Bilingual(en="Indicators", fr="Indicateurs"),
    Theme.ENVIRONMENT: Bilingual(en="Operating environment", fr="Environnement"),
    Theme.CHANNELS: Bilingual(en="Channels", fr="Canaux"),
    Theme.STRATEGY: Bilingual(en="Strategy", fr="Stratégie"),
    Theme.ORGANISATION: Bilingual(en="Organisation", fr="Organisation"),
    Theme.PRACTICES: Bilingual(en="Working practices", fr="Pratiques"),
    Theme.DECISION: Bilingual(en="Decision", fr="Décision"),
}


def _jsonable(value: object, lang: Language | str | None) -> Any:
    if isinstance(value, Bilingual):
        return value.to_dict() if lang is None else value(lang)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(item, lang) for item in value]
    return value


def _text(value: Bilingual, lang: Language | str | None) -> str | dict[str, str]:
    return value.to_dict() if lang is None else value(lang)


@dataclass(frozen=True)
class Evidence:
    """One fact behind a finding: a field of the audit file, its value, and what it was compared with.

    ``field`` is the dotted path in the audit file, e.g. ``channels.3.last_post``.
    """

    field: str
    value: object
    threshold: object | None = None
    note: Bilingual | None = None

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """JSON-ready data; texts in ``lang``, or in both languages when ``lang`` is ``None``."""
        return {
            "field": self.field,
            "value": _jsonable(self.value, lang),
            "threshold": _jsonable(self.threshold, lang),
            "note": None if self.note is None else _text(self.note, lang),
        }


@dataclass(frozen=True)
class Finding:
    """One diagnostic: which rule fired, how bad it is, why, on what evidence, and what to do."""

    rule: str
    severity: Severity
    theme: Theme
    title: Bilingual
    explanation: Bilingual
    evidence: tuple[Evidence, ...]
    seeds: tuple[str, ...]
    action: Bilingual
    subjects: tuple[str, ...]
    """Ids of the channels, objectives, stakeholders or peers concerned; empty if audit-wide."""

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """JSON-ready data; texts in ``lang``, or in both languages when ``lang`` is ``None``."""
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
    reason: Bilingual
    subjects: tuple[str, ...] = ()
    """Ids of the items left unjudged (channels, stakeholders...); empty for an audit-wide gap."""

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "missing": list(self.missing),
            "reason": _text(self.reason, lang),
            "subjects": list(self.subjects),
        }


Outcome = Sequence[Finding | NotAssessed] | NotAssessed
"""What a rule's check returns: findings (possibly with per-item gaps), or the whole rule unjudged."""


@dataclass(frozen=True)
class Rule:
    """One entry of the catalogue: its stable id, default severity, source articles, texts and check."""

    id: str
    severity: Severity
    theme: Theme
    seeds: tuple[str, ...]
    title: Bilingual
    action: Bilingual
    check: Callable[[Audit, Context], Outcome]
    condition: Bilingual
    """When the rule fires, in words (thresholds named by key), for the report's methodology appendix."""
    thresholds: tuple[str, ...] = ()
    """Keys of :data:`auditkit.thresholds.THRESHOLDS` the rule compares with."""

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
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

Check = Callable[[Audit, "Context"], Outcome]


def rule(
    rule_id: str,
    *,
    severity: Severity,
    theme: Theme,
    seeds: tuple[str, ...],
    title: Bilingual,
    condition: Bilingual,
    action: Bilingual,
    thresholds: tuple[str, ...] = (),
) -> Callable[[Check], Check]:
    """Register the decorated check function as rule ``rule_id`` (ids are unique)."""

    def register(check: Check) -> Check:
        if rule_id in RULES:
            raise ValueError(f"rule {rule_id} is registered twice")
        RULES[rule_id] = Rule(rule_id, severity, theme, seeds, title, action, check, condition, thresholds)
        return check

    return register


def _number(value: float, lang: Language | str) -> str:
    magnitude = abs(value)
    if magnitude >= 100 or float(value).is_integer():
        text = f"{round(value):,}"
    elif magnitude >= 1:
        text = f"{value:,.1f}".removesuffix(".0")
    else:
        text = f"{value:.2g}"
    if lang == Language.FR:
        return text.replace(",", "\u00a0").replace(".", ",")
    return text


def _show(value: object, lang: Language | str) -> str:
    if isinstance(value, Bilingual):
        return value(lang)
    if isinstance(value, Platform):
        return value.label
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return _number(value, lang)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        items = [_show(item, lang) for item in value]
        last = " et " if lang == Language.FR else " and "
        return last.join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)
    return str(value)


def say(en: str, fr: str, /, **values: object) -> Bilingual:
    """A bilingual text with ``{placeholders}`` filled in, numbers written the way each language does.

    Values may be numbers, dates, enums (platforms by their label), sequences ("a, b and c" /
    "a, b et c") or :class:`Bilingual` texts (each language gets its own).
    """
    if not values:
        return Bilingual(en=en, fr=fr)
    return Bilingual(
        en=en.format(**{key: _show(value, Language.EN) for key, value in values.items()}),
        fr=fr.format(**{key: _show(value, Language.FR) for key, value in values.items()}),
    )


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
        explanation: Bilingual,
        evidence: Iterable[Evidence] = (),
        subjects: Iterable[str] = (),
        *,
        about: str | Bilingual | None = None,
        severity: Severity | None = None,
        action: Bilingual | None = None,
    ) -> Finding:
        """A finding of the current rule; ``about`` (a channel's name...) is appended to its title."""
        current = self.rule
        title = current.title
        if about is not None:
            title = say("{title}: {about}", "{title}\u00a0: {about}", title=title, about=about)
        return Finding(
            rule=current.id,
            severity=severity or current.severity,
            theme=current.theme,
            title=title,
            explanation=explanation,
            evidence=tuple(evidence),
            seeds=current.seeds,
            action=action or current.action,
            subjects=tuple(dict.fromkeys(subjects)),
        )

    def not_assessed(
        self, missing: Iterable[str], reason: Bilingual, subjects: Iterable[str] = ()
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


@dataclass(frozen=True)
class Diagnosis:
    """Every finding of an audit (most severe first, then catalogue order) and what was not assessed."""

    findings: tuple[Finding, ...]
    not_assessed: tuple[NotAssessed, ...]

    @property
    def fired(self) -> tuple[str, ...]:
        """Ids of the rules with at least one finding, in catalogue order."""
        found = {finding.rule for finding in self.findings}
        return tuple(rule_id for rule_id in RULES if rule_id in found)

    @property
    def not_assessed_rules(self) -> tuple[str, ...]:
        """Ids of the rules wholly or partly not assessed, in catalogue order."""
        found = {gap.rule for gap in self.not_assessed}
        return tuple(rule_id for rule_id in RULES if rule_id in found)

    def for_rule(self, rule_id: str) -> tuple[Finding, ...]:
        """The findings of one rule."""
        return tuple(finding for finding in self.findings if finding.rule == rule_id)

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """JSON-ready data: ``findings``, ``not_assessed`` (rule ids) and ``not_assessed_details``."""
        return {
            "findings": [finding.to_dict(lang) for finding in self.findings],
            "not_assessed": list(self.not_assessed_rules),
            "not_assessed_details": [gap.to_dict(lang) for gap in self.not_assessed],
        }

    def to_text(self, lang: Language | str, width: int = 100) -> str:
        """The findings for a terminal, most severe first: severity, rule, title, why, evidence, action."""
        wrap = textwrap.TextWrapper(width=max(width, 40), initial_indent="    ", subsequent_indent="      ")
        counts = {severity: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity] += 1
        summary = ", ".join(f"{count} {severity.label(lang)}" for severity, count in counts.items() if count)
        lines = [
            say(
                "{count} finding(s){summary}; {gaps} rule(s) not or partly assessed.",
                "{count} constat(s){summary} ; {gaps} règle(s) non ou partiellement évaluée(s).",
                count=len(self.findings),
                summary=f" ({summary})" if summary else "",
                gaps=len(self.not_assessed_rules),
            )(lang)
        ]
        for finding in self.findings:
            lines += ["", f"[{finding.severity.label(lang).upper()}] {finding.rule}  {finding.title(lang)}"]
            lines += wrap.wrap(f"{_label('why', lang)}{finding.explanation(lang)}")
            for item in finding.evidence:
                lines += wrap.wrap(f"{_label('evidence', lang)}{_evidence_text(item, lang)}")
            lines += wrap.wrap(f"{_label('action', lang)}{finding.action(lang)}")
            seeds = ", ".join(finding.seeds)
            subjects = ", ".join(finding.subjects)
            lines += wrap.wrap(
                f"{_label('seed', lang)}{seeds}"
                + (f"  ·  {_label('subjects', lang)}{subjects}" if subjects else "")
            )
        if self.not_assessed:
            lines += ["", _TEXT_WORDS["not_assessed"](lang)]
            for gap in self.not_assessed:
                lines += wrap.wrap(f"{gap.rule}: {gap.reason(lang)} ({', '.join(gap.missing)})")
        return "\n".join(lines)


_TEXT_WORDS = {
    "why": Bilingual(en="Why", fr="Pourquoi"),
    "evidence": Bilingual(en="Evidence", fr="Constat"),
    "action": Bilingual(en="Action", fr="Action"),
    "seed": Bilingual(en="Source articles", fr="Articles sources"),
    "subjects": Bilingual(en="concerns", fr="concerne"),
    "not_assessed": Bilingual(en="Not assessed (data missing):", fr="Non évalué (données manquantes)\u00a0:"),
    "threshold": Bilingual(en="threshold", fr="seuil"),
    "none": Bilingual(en="not given", fr="non renseigné"),
}


def _label(key: str, lang: Language | str) -> str:
    return _TEXT_WORDS[key](lang) + ("\u00a0: " if lang == Language.FR else ": ")


def _evidence_text(item: Evidence, lang: Language | str) -> str:
    if item.value is None:
        value = _TEXT_WORDS["none"](lang)
    elif item.value == "" or item.value == []:
        value = repr(item.value).replace("'", '"')
    else:
        value = _show(item.value, lang)
    text = f"{item.field} = {value}"
    if item.threshold is not None:
        text += f" ({_TEXT_WORDS['threshold'](lang)} {_show(item.threshold, lang)})"
    if item.note is not None:
        text += f" — {item.note(lang)}"
    return text


def _run(checked: Rule, audit: Audit, context: Context) -> Outcome:
    return checked.check(audit, context.checking(checked))


def diagnose(audit: Audit) -> Diagnosis:
    """Check every rule of :data:`RULES` against ``audit``.

    Raises:
        AuditkitError: ``audit.settings.thresholds`` holds an unknown key or an out-of-range value.
    """
    context = Context(audit)
    findings: list[Finding] = []
    gaps: list[NotAssessed] = []
    for checked in RULES.values():
        outcome = _run(checked, audit, context)
        if isinstance(outcome, NotAssessed):
            gaps.append(outcome)
            continue
        for item in outcome:
            (findings if isinstance(item, Finding) else gaps).append(item)  # type: ignore[arg-type]
    findings.sort(key=lambda finding: finding.severity.rank)
    return Diagnosis(tuple(findings), tuple(gaps))


def check_rule(audit: Audit, rule_id: str) -> Outcome:
    """Check one rule alone (for a notebook step that shows one theme, or a test)."""
    return _run(RULES[rule_id], audit, Context(audit))


def catalogue(lang: Language | str | None = None) -> list[dict[str, Any]]:
    """Every rule as JSON-ready data (id, severity, theme, seed, title, condition, action, thresholds).

    For the report's methodology appendix; texts in ``lang``, or both languages when ``None``.
    """
    return [checked.to_dict(lang) for checked in RULES.values()]


import auditkit.rules  # noqa: E402, F401  (registers every rule, in catalogue order)
