"""The facts behind a finding named as a person would name them, not by their place in the audit file.

A finding's evidence points at a field by its dotted path (``channels.3.last_post``); the report shows
"Tableaux Pinterest — last post" instead: the item the path goes through (a channel, an objective, a
stakeholder, a peer, a strategy component) by its name, then the field's label from the catalogue
(``report.field.<name>``). Ids in a value (the objectives a channel serves...) become names too. The
paths themselves stay in the findings' JSON and in the report's technical appendix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from auditkit.findings import Evidence
from auditkit.locale import formats
from auditkit.locale.catalogue import catalogue
from auditkit.locale.formatter import Formatter
from auditkit.model import Audit, StrategyComponentKey

SHORT_STATEMENT = 50
"""Characters of an objective's statement kept when it names the objective in a label."""
SHARE_FIELDS = frozenset({"platforms"})
"""Fields whose values are shares of one (shown as percentages)."""
MONEY_FIELDS = frozenset({"monthly_budget"})
"""Fields whose values are amounts of the audit's currency."""


@dataclass(frozen=True)
class EvidenceRow:
    """One fact as the report shows it: its label, value, what it was compared with, and a note."""

    label: str
    value: Any
    threshold: Any
    note: str
    field: str


def evidence_rows(evidence: Sequence[Evidence], audit: Audit, formatter: Formatter) -> list[EvidenceRow]:
    """``evidence`` labelled and with ids replaced by names, in the report's language."""
    names = subject_names(audit)
    rows = []
    for item in evidence:
        share = _is_share(item.field)
        currency = audit.engagement.currency if item.field.rsplit(".", 1)[-1] in MONEY_FIELDS else None
        rows.append(
            EvidenceRow(
                label=evidence_label(item.field, audit, formatter),
                value=_readable(item.value, names, formatter, share, currency),
                threshold=_readable(item.threshold, names, formatter, share, currency),
                note=formatter.text(item.note),
                field=item.field,
            )
        )
    return rows


def subject_names(audit: Audit) -> dict[str, str]:
    """The name of every channel, objective, stakeholder and peer, by id (an objective: its statement)."""
    names: dict[str, str] = {}
    for section in (audit.peers, audit.stakeholders, audit.objectives, audit.channels):
        for item in section:
            name = getattr(item, "name", None)
            names[item.id] = str(name) if name else str(getattr(item, "statement", item.id)).rstrip(" .")
    return names


def objective_name(statement: str) -> str:
    """An objective named by the start of its statement, without its closing full stop."""
    return formats.short(statement.rstrip(" ."), SHORT_STATEMENT)


def evidence_label(path: str, audit: Audit, formatter: Formatter) -> str:
    """The field at dotted ``path`` of ``audit`` as a person names it: "Instagram — posts per week"."""
    parts = path.split(".")
    subject, rest = _subject(parts, audit, formatter)
    field = _field_label(rest, formatter) if rest else ""
    label = " — ".join(text for text in (subject, field) if text) or path
    return label[:1].upper() + label[1:]


def _subject(parts: list[str], audit: Audit, formatter: Formatter) -> tuple[str, list[str]]:
    """The named item a path goes through, and the path's remaining field names."""
    head, index = parts[0], _index(parts[1:2])
    if head == "channels" and len(parts) > 1:
        if index is None:
            return formatter.label("report.field.all_channels"), parts[2:]
        return _safe(audit.channels, index, lambda item: item.name), parts[2:]
    if head == "objectives" and len(parts) > 1:
        if index is None:
            return formatter.label("report.field.all_objectives"), parts[2:]
        objective = _item(audit.objectives, index)
        name = objective_name(objective.statement) if objective else ""
        if objective and parts[2:3] == ["indicators"] and _index(parts[3:4]) is not None:
            indicator = _item(objective.indicators, _index(parts[3:4]))
            return f"{name} — {indicator.name}" if indicator else name, parts[4:]
        return formatter.label("report.field.objective", name=name), parts[2:]
    if head == "stakeholders" and index is not None:
        stakeholder = _item(audit.stakeholders, index)
        if stakeholder and parts[2:3] == ["platforms"] and _index(parts[3:4]) is not None:
            use = _item(stakeholder.platforms, _index(parts[3:4]))
            platform = formatter.enum(use.platform) if use else ""
            return stakeholder.name, [f"uses:{platform}"]
        return (stakeholder.name if stakeholder else ""), parts[2:]
    if head == "peers" and index is not None:
        peer = _item(audit.peers, index)
        if peer and parts[2:3] == ["presence"] and _index(parts[3:4]) is not None:
            presence = _item(peer.presence, _index(parts[3:4]))
            platform = formatter.enum(presence.platform) if presence else ""
            return f"{peer.name} — {platform}", parts[4:]
        return (peer.name if peer else ""), parts[2:]
    if head == "strategy" and parts[1:2] == ["components"] and len(parts) > 2:
        key = next((member for member in StrategyComponentKey if member.value == parts[2]), None)
        return (formatter.enum(key) if key else parts[2]).capitalize(), parts[3:]
    if head in {"strategy", "organisation", "client", "engagement"}:
        return "", parts if len(parts) == 2 else parts[1:]
    return "", parts


def _field_label(rest: list[str], formatter: Formatter) -> str:
    name = rest[-1]
    if len(rest) == 2 and f"report.field.{rest[0]}.{name}" in catalogue(formatter.code):
        return formatter.label(f"report.field.{rest[0]}.{name}")
    if name.startswith("uses:"):
        return formatter.label("report.field.platform_use", platform=name.removeprefix("uses:"))
    if f"report.field.{name}" in catalogue(formatter.code):
        return formatter.label(f"report.field.{name}")
    return name.replace("_", " ")


def _index(parts: list[str]) -> int | None:
    return int(parts[0]) if parts and parts[0].isdigit() else None


def _item(items: Sequence[Any], index: int | None) -> Any:
    return items[index] if index is not None and 0 <= index < len(items) else None


def _safe(items: Sequence[Any], index: int, name: Any) -> str:
    item = _item(items, index)
    return str(name(item)) if item is not None else ""


def _is_share(path: str) -> bool:
    parts = path.split(".")
    return len(parts) >= 2 and parts[-2] in SHARE_FIELDS and parts[-1].isdigit()


def _readable(
    value: Any, names: dict[str, str], formatter: Formatter, share: bool, currency: str | None
) -> Any:
    """``value`` with ids replaced by names, shares as percentages and amounts as money."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if share:
            return formatter.percent(value)
        if currency:
            return formatter.money(value, currency)
    if isinstance(value, str) and value in names:
        return names[value]
    if isinstance(value, list | tuple) and value and all(isinstance(item, str) for item in value):
        return [names.get(item, item) for item in value]
    return value
