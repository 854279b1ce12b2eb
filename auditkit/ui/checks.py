"""Warnings at the fields: what the audit allows but a consultant should look at twice.

Each check reads the whole audit (a target is suspicious only against its baseline and its objective's
kind) and returns a message or ``None``; :func:`auditkit.ui.fields.field` shows it under the field, after
every change of the audit, without refusing the value.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Protocol

from auditkit.locale import Message, Number, label, msg
from auditkit.model import Audit, ObjectiveKind
from auditkit.ui.session import AuditSession, Event, FieldPath, value_at

Warning = Callable[[Audit], Message | None]
"""What is suspicious in the audit about one field (``None``: nothing)."""


class Checked(Protocol):
    """A field whose warning is checked again after every change of its session's audit."""

    session: AuditSession

    def check(self) -> None: ...


_WATCHED: weakref.WeakKeyDictionary[AuditSession, weakref.WeakSet[Checked]] = weakref.WeakKeyDictionary()


def watch(field: Checked) -> None:
    """Check ``field``'s warning again after every change of its session's audit (another field may have
    made it suspicious, or cleared it), for as long as the field lives."""
    session = field.session
    if session not in _WATCHED:
        _WATCHED[session] = weakref.WeakSet()
        reference = weakref.ref(session)
        session.on_change(lambda event: _check_watched(reference(), event))
    _WATCHED[session].add(field)


def _check_watched(session: AuditSession | None, event: Event) -> None:
    if session is None or event is Event.SAVED:
        return
    for field in list(_WATCHED.get(session, ())):
        field.check()


GROWING_KINDS = frozenset(
    {
        ObjectiveKind.AWARENESS,
        ObjectiveKind.PROSPECTING,
        ObjectiveKind.SALES,
        ObjectiveKind.WEB_TRAFFIC,
        ObjectiveKind.EMPLOYER_BRAND,
        ObjectiveKind.FUNDRAISING,
        ObjectiveKind.MEMBERSHIP,
        ObjectiveKind.VOLUNTEER_RECRUITMENT,
        ObjectiveKind.PUBLIC_INFORMATION,
        ObjectiveKind.CITIZEN_PARTICIPATION,
    }
)
"""Kinds of objective whose figure grows: reach, sales, visits, leads, donations, members, volunteers,
people informed or taking part. Left out are the kinds whose figure may as well shrink: customer
relations (a response time), loyalty (a churn rate), recruitment (a cost per hire), listening, internal
and institutional communication."""
TINY_SHARE = 0.01
"""A share below 1 %: more often a fraction typed into a percentage (``0,45`` for 45 %) than a fact."""


def deadline_warning(path: FieldPath) -> Warning:
    """A deadline before the audit date."""

    def check(audit: Audit) -> Message | None:
        deadline = value_at(audit, path)
        audit_date = audit.engagement.audit_date
        if deadline is None or deadline >= audit_date:
            return None
        return msg("ui.warning.deadline_before_audit", deadline=deadline, audit_date=audit_date)

    return check


def target_warning(path: FieldPath) -> Warning:
    """A target below the baseline for an objective whose figure grows."""

    def check(audit: Audit) -> Message | None:
        objective = value_at(audit, path[:-1])
        baseline, target = objective.baseline, objective.target
        if objective.kind not in GROWING_KINDS or baseline is None or target is None or target >= baseline:
            return None
        return msg(
            "ui.warning.target_below_baseline", target=target, baseline=baseline, kind=label(objective.kind)
        )

    return check


def share_warning(path: FieldPath) -> Warning:
    """A share under 1 %, likely a fraction typed into a percentage."""

    def check(audit: Audit) -> Message | None:
        share = value_at(audit, path)
        if share is None or not 0 < share < TINY_SHARE:
            return None
        return msg(
            "ui.warning.share_tiny",
            share=msg("parsing.example.percent", value=Number(100 * share, decimals=4)),
            intended=msg("parsing.example.percent", value=Number(10_000 * share, decimals=2)),
        )

    return check


WARNINGS: dict[tuple[str, str], Callable[[FieldPath], Warning]] = {
    ("Objective", "deadline"): deadline_warning,
    ("Objective", "target"): target_warning,
    ("PlatformUse", "share"): share_warning,
}
"""The warnings of fields, by model and field name: each gives the check of the field at a path."""


__all__ = [
    "GROWING_KINDS",
    "WARNINGS",
    "Checked",
    "Warning",
    "deadline_warning",
    "share_warning",
    "target_warning",
    "watch",
]
