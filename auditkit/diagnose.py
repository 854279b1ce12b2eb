"""The diagnosis: every rule of the method's catalogue, checked against one audit.

The rules and what they are made of live in :mod:`auditkit.rules` and :mod:`auditkit.findings`;
:func:`diagnose` runs every rule and sorts the findings most severe first, then in catalogue order.
It is pure and deterministic: "today" is ``audit.engagement.audit_date``, never the clock.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

import auditkit.rules  # noqa: F401  (registers every rule, in catalogue order)
from auditkit.errors import Problem
from auditkit.findings import (
    RULES,
    Check,
    Context,
    Evidence,
    Finding,
    NotAssessed,
    Outcome,
    Rule,
    Severity,
    Theme,
    add_months,
    rule,
)
from auditkit.locale import msg, show
from auditkit.model import Audit, Language, SetAside
from auditkit.platforms import Platform
from auditkit.rules.references import unknown_rule_ids

__all__ = [
    "RULES",
    "Check",
    "Context",
    "Diagnosis",
    "Evidence",
    "Finding",
    "NotAssessed",
    "Outcome",
    "Rule",
    "SetAsideFinding",
    "Severity",
    "Theme",
    "add_months",
    "catalogue",
    "check_rule",
    "diagnose",
    "file_warnings",
    "rule",
    "set_aside_problems",
]


@dataclass(frozen=True)
class SetAsideFinding:
    """A finding the consultant set aside, and their entry (the reason, who, when)."""

    finding: Finding
    entry: SetAside

    def to_dict(self, lang: Language | str | None = None) -> dict[str, Any]:
        """The finding's JSON-ready data with the consultant's ``reason``, ``by`` and ``on``."""
        on = self.entry.on.isoformat() if self.entry.on else None
        return self.finding.to_dict(lang) | {"reason": self.entry.reason, "by": self.entry.by, "on": on}


@dataclass(frozen=True, repr=False)
class Diagnosis:
    """Every finding of an audit (most severe first, then catalogue order) and what was not assessed.

    The findings the consultant set aside are not in ``findings`` (so no score, verdict or action
    follows from them) but in ``set_aside``, with the consultant's reason.
    """

    findings: tuple[Finding, ...]
    not_assessed: tuple[NotAssessed, ...]
    set_aside: tuple[SetAsideFinding, ...] = ()

    def __repr__(self) -> str:
        counts = Counter(finding.severity.value for finding in self.findings)
        severities = " ".join(f"{severity}={count}" for severity, count in counts.items())
        return (
            f"<Diagnosis findings={len(self.findings)} {severities} not_assessed={len(self.not_assessed)}"
            f" set_aside={len(self.set_aside)}>"
        )

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
        """JSON-ready data: ``findings``, ``not_assessed`` (rule ids), ``not_assessed_details`` and
        ``set_aside`` (each set-aside finding with the consultant's reason)."""
        return {
            "findings": [finding.to_dict(lang) for finding in self.findings],
            "not_assessed": list(self.not_assessed_rules),
            "not_assessed_details": [gap.to_dict(lang) for gap in self.not_assessed],
            "set_aside": [item.to_dict(lang) for item in self.set_aside],
        }

    def to_text(self, lang: Language | str, width: int = 100) -> str:
        """The findings for a terminal, most severe first: severity, rule, title, why, evidence, action."""
        wrap = textwrap.TextWrapper(width=max(width, 40), initial_indent="    ", subsequent_indent="      ")
        counts = {severity: 0 for severity in Severity}
        for finding in self.findings:
            counts[finding.severity] += 1
        summary = ", ".join(f"{count} {severity.label(lang)}" for severity, count in counts.items() if count)
        lines = [
            msg(
                "finding.text.summary",
                count=len(self.findings),
                summary=f" ({summary})" if summary else "",
                gaps=len(self.not_assessed_rules),
            )(lang)
        ]
        for finding in self.findings:
            lines += ["", f"[{finding.severity.label(lang).upper()}] {finding.rule}  {finding.title(lang)}"]
            lines += wrap.wrap(_labelled("why", finding.explanation(lang), lang))
            for item in finding.evidence:
                lines += wrap.wrap(_labelled("evidence", _evidence_text(item, lang), lang))
            lines += wrap.wrap(_labelled("action", finding.action(lang), lang))
            sources = _labelled("seed", ", ".join(finding.seeds), lang)
            if finding.subjects:
                sources += "  ·  " + _labelled("subjects", ", ".join(finding.subjects), lang)
            lines += wrap.wrap(sources)
        if self.not_assessed:
            lines += ["", msg("finding.text.not_assessed")(lang)]
            for gap in self.not_assessed:
                lines += wrap.wrap(f"{gap.rule}: {gap.reason(lang)} ({', '.join(gap.missing)})")
        if self.set_aside:
            lines += ["", msg("finding.text.set_aside", count=len(self.set_aside))(lang)]
            for aside in self.set_aside:
                lines += wrap.wrap(f"{aside.finding.rule}  {aside.finding.title(lang)}")
                lines += wrap.wrap(_labelled("reason", aside.entry.reason, lang))
        return "\n".join(lines)


def _labelled(word: str, text: str, lang: Language | str) -> str:
    return msg("finding.text.labelled", label=msg(f"finding.text.{word}"), text=text)(lang)


def _plain(value: object) -> object:
    """``value`` as the terminal shows it: dates in ISO, enumeration members other than platforms by code."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum) and not isinstance(value, Platform):
        return value.value
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _evidence_text(item: Evidence, lang: Language | str) -> str:
    if item.value is None:
        value = msg("finding.text.none")(lang)
    elif item.value == "" or item.value == []:
        value = repr(item.value).replace("'", '"')
    else:
        value = show(_plain(item.value), str(lang))
    text = f"{item.field} = {value}"
    if item.threshold is not None:
        text += f" ({msg('finding.text.threshold')(lang)} {show(_plain(item.threshold), str(lang))})"
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
            if isinstance(item, Finding):
                findings.append(item)
            else:
                gaps.append(item)
    findings.sort(key=lambda finding: finding.severity.rank)
    kept, set_aside = _set_aside(findings, audit.commentary.set_aside)
    return Diagnosis(tuple(kept), tuple(gaps), tuple(set_aside))


def _set_aside(
    findings: list[Finding], entries: list[SetAside]
) -> tuple[list[Finding], list[SetAsideFinding]]:
    """The findings no entry covers, and the others each with the first entry that covers it."""
    kept: list[Finding] = []
    set_aside: list[SetAsideFinding] = []
    for finding in findings:
        entry = next((item for item in entries if item.covers(finding.rule, finding.subjects)), None)
        if entry is None:
            kept.append(finding)
        else:
            set_aside.append(SetAsideFinding(finding, entry))
    return kept, set_aside


def set_aside_problems(audit: Audit, diagnosis: Diagnosis) -> list[Problem]:
    """Warnings about the consultant's set-aside entries: an unknown rule or subject, or an entry that
    matches no finding of ``diagnosis`` any more. Never errors: the entry stays in the file."""
    subjects = _subject_ids(audit)
    used = {(item.entry.rule, item.entry.subject) for item in diagnosis.set_aside}
    problems: list[Problem] = []
    for i, entry in enumerate(audit.commentary.set_aside):
        where = f"commentary.set_aside.{i}"
        if entry.rule not in RULES:
            valid = ", ".join(sorted(RULES))
            problems.append(
                Problem(
                    f"{where}.rule", msg("store.check.set_aside_unknown_rule", id=entry.rule, valid=valid)
                )
            )
        elif entry.subject is not None and entry.subject not in subjects:
            valid = ", ".join(sorted(subjects)) or "—"
            problems.append(
                Problem(
                    f"{where}.subject",
                    msg("store.check.set_aside_unknown_subject", id=entry.subject, valid=valid),
                )
            )
        elif (entry.rule, entry.subject) not in used:
            about = "" if entry.subject is None else msg("store.check.set_aside_about", subject=entry.subject)
            problems.append(Problem(where, msg("store.check.set_aside_unused", rule=entry.rule, about=about)))
    return problems


def file_warnings(audit: Audit) -> list[Problem]:
    """What ``auditkit validate`` warns about: rule ids that name no rule (an obstacle's ``affects``) and
    set-aside entries that set nothing aside."""
    problems = unknown_rule_ids(audit)
    if audit.commentary.set_aside:
        problems += set_aside_problems(audit, diagnose(audit))
    return problems


def _subject_ids(audit: Audit) -> set[str]:
    sections = (audit.channels, audit.objectives, audit.stakeholders, audit.peers)
    return {item.id for section in sections for item in section}


def check_rule(audit: Audit, rule_id: str) -> Outcome:
    """Check one rule alone (for a notebook step that shows one theme, or a test)."""
    return _run(RULES[rule_id], audit, Context(audit))


def catalogue(lang: Language | str | None = None) -> list[dict[str, Any]]:
    """Every rule as JSON-ready data (id, severity, theme, seed, title, condition, action, thresholds).

    For the report's methodology appendix; texts in ``lang``, or both languages when ``None``.
    """
    return [checked.to_dict(lang) for checked in RULES.values()]
