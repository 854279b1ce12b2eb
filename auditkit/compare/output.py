"""A comparison (or the trends of several rounds) as a JSON document and as text, in one language.

The JSON document is what ``auditkit compare --json`` prints and what the HTML page is drawn from:
``overall_delta``, ``resolved``, ``new``, ``persisting``, ``objectives``, ``actions_done`` and
``actions_overdue`` always, then the details; with three rounds or more, ``trends`` as well.
"""

from __future__ import annotations

from typing import Any

from auditkit.compare.comparison import ActionStatus, Comparison, FindingChange
from auditkit.compare.trends import Trends
from auditkit.locale import formats, msg, show
from auditkit.model import Audit
from auditkit.run import AuditRun

__all__ = ["comparison_dict", "comparison_text", "round_dict", "subject_names", "trends_dict"]

FINDING_GROUPS = ("resolved", "new", "persisting")


def subject_names(*audits: Audit) -> dict[str, str]:
    """The name of every channel, objective, audience and peer, by id (later audits win)."""
    names: dict[str, str] = {}
    for audit in audits:
        for section in (audit.peers, audit.stakeholders, audit.objectives, audit.channels):
            for item in section:
                names[item.id] = str(getattr(item, "name", None) or getattr(item, "statement", item.id))
    return names


def round_dict(run: AuditRun) -> dict[str, Any]:
    """Which round a run is: client, round number, date, file."""
    engagement = run.audit.engagement
    return {
        "client": engagement.client,
        "round": engagement.round,
        "audit_date": engagement.audit_date.isoformat(),
        "path": str(run.path) if run.path else None,
    }


def _finding(change: FindingChange, names: dict[str, str], lang: str) -> dict[str, Any]:
    return {
        "rule": change.rule,
        "title": change.title(lang),
        "subjects": list(change.subjects),
        "subject_names": [names.get(s, s) for s in change.subjects],
        "severity_before": change.severity_before.value if change.severity_before else None,
        "severity_after": change.severity_after.value if change.severity_after else None,
    }


def _action(action: ActionStatus, lang: str) -> dict[str, Any]:
    return {
        "id": action.id,
        "title": action.title(lang),
        "stage": action.stage,
        "due": action.due.isoformat() if action.due else None,
        "status": action.status.value if action.status else None,
        "status_label": show(action.status, lang) if action.status else msg("compare.action.unknown")(lang),
        "inferred": action.inferred,
        "note": action.note,
        "elapsed": action.elapsed,
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _delta(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else round(after - before, 1)


def comparison_dict(comparison: Comparison, lang: str) -> dict[str, Any]:
    """The comparison as the JSON document of ``auditkit compare --json``, texts in ``lang``."""
    names = subject_names(comparison.before.audit, comparison.after.audit)
    document: dict[str, Any] = {
        "before": round_dict(comparison.before),
        "after": round_dict(comparison.after),
        "overall_delta": comparison.overall.delta,
        "levels": dict(zip(("before", "after"), comparison.levels, strict=True)),
        "scores": [
            {
                "key": score.key,
                "label": msg(f"compare.score.{score.key}")(lang),
                "before": _rounded(score.before),
                "after": _rounded(score.after),
                "delta": score.delta,
            }
            for score in comparison.scores
        ],
    }
    for group in FINDING_GROUPS:
        document[group] = [_finding(c, names, lang) for c in comparison.findings_with(group)]
    document["objectives"] = [
        {
            "id": o.id,
            "statement": o.statement,
            "unit": o.unit,
            "baseline": o.baseline,
            "target": o.target,
            "deadline": o.deadline.isoformat() if o.deadline else None,
            "before": o.before,
            "after": o.after,
            "progress_before": o.progress_before,
            "progress_after": o.progress_after,
            "on_track": o.on_track,
        }
        for o in comparison.objectives
    ]
    document["actions_done"] = [_action(a, lang) for a in comparison.actions_done]
    document["actions_overdue"] = [_action(a, lang) for a in comparison.actions_overdue]
    document["actions"] = [_action(a, lang) for a in comparison.actions]
    document["channels"] = [
        {
            "id": c.id_after,
            "id_before": c.id_before,
            "name": c.name,
            "platform": c.platform.value,
            "health_before": _rounded(c.health_before),
            "health_after": _rounded(c.health_after),
            "delta": c.delta,
            "status_before": c.status_before.value if c.status_before else None,
            "status_after": c.status_after.value if c.status_after else None,
            "movement": c.movement,
        }
        for c in comparison.channels
    ]
    document["matrix"] = [
        {"channel": ch, "objective": ob, "before": _rounded(a), "after": _rounded(b), "delta": _delta(a, b)}
        for ch, ob, a, b in comparison.matrix
    ]
    document["components"] = [
        {
            "key": c.key.value,
            "label": show(c.key, lang),
            "before": c.before.value if c.before else None,
            "after": c.after.value if c.after else None,
        }
        for c in comparison.components
    ]
    return document


def trends_dict(trends: Trends) -> dict[str, Any]:
    """The trajectories of several rounds: overall score, objectives' values, channels' health."""
    return {
        "rounds": [round_dict(run) for run in trends.runs],
        "overall": [_rounded(value) for value in trends.overall],
        "objectives": [{"id": t.id, "name": t.name, "values": list(t.values)} for t in trends.objectives],
        "channels": [
            {"id": t.id, "name": t.name, "health": [_rounded(v) for v in t.values]} for t in trends.channels
        ],
    }


def _number(value: float | None, lang: str) -> str:
    return "—" if value is None else formats.decimal(value, lang, 1)


def _signed(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    return ("+" if value > 0 else "") + formats.decimal(value, lang, 1)


def comparison_text(comparison: Comparison, lang: str, trends: Trends | None = None) -> str:
    """The comparison for a terminal: scores, findings, objectives, actions, channels, components."""
    document = comparison_dict(comparison, lang)

    def say(message_id: str, **values: Any) -> str:
        return msg(message_id, **values)(lang)

    before, after = document["before"], document["after"]
    lines = [
        say(
            "compare.text.heading",
            client=after["client"],
            before=before["round"],
            after=after["round"],
            before_date=comparison.before.audit.engagement.audit_date,
            after_date=comparison.after.audit.engagement.audit_date,
        ),
        "",
    ]
    for score in document["scores"]:
        values = {"before": _number(score["before"], lang), "after": _number(score["after"], lang)}
        lines.append(
            say("compare.text.score", label=score["label"], delta=_signed(score["delta"], lang), **values)
        )
    for group in FINDING_GROUPS:
        items = document[group]
        lines += ["", say(f"compare.text.{group}", count=len(items))]
        lines += [f"  {item['rule']}  {item['title']}" + _named(item, lang) for item in items]
    lines += ["", say("compare.text.objectives", count=len(document["objectives"]))]
    for objective in document["objectives"]:
        lines.append(
            "  "
            + say(
                "compare.text.objective",
                statement=formats.short(objective["statement"], 60),
                before=_number(objective["before"], lang),
                after=_number(objective["after"], lang),
                target=_number(objective["target"], lang),
            )
        )
    done, overdue = document["actions_done"], document["actions_overdue"]
    lines += [
        "",
        say("compare.text.actions", done=len(done), total=len(document["actions"]), count=len(overdue)),
    ]
    lines += [f"  - {item['title']} ({item['status_label']})" for item in overdue]
    moved = [c for c in document["channels"] if c["movement"]]
    if moved:
        lines += ["", say("compare.text.channels", count=len(moved))]
        lines += [
            "  "
            + say("compare.text.labelled", label=c["name"], text=say("compare.movement." + c["movement"]))
            for c in moved
        ]
    if document["components"]:
        lines += ["", say("compare.text.components", count=len(document["components"]))]
        lines += [
            "  "
            + say(
                "compare.text.labelled",
                label=c["label"],
                text=f"{_status(c['before'], lang)} → {_status(c['after'], lang)}",
            )
            for c in document["components"]
        ]
    if trends is not None:
        overall = " → ".join(_number(value, lang) for value in trends.overall)
        lines += ["", say("compare.text.trend", count=len(trends.runs), scores=overall)]
    return "\n".join(lines) + "\n"


def _named(item: dict[str, Any], lang: str) -> str:
    """The finding's subjects, unless its title already names them."""
    names = item["subject_names"]
    if any(name in item["title"] for name in names):
        return ""
    return f" — {formats.join([formats.short(n, 40) for n in names], lang)}" if names else ""


def _status(value: str | None, lang: str) -> str:
    return msg(f"enum.component_status.{value}")(lang) if value else msg("compare.component.none")(lang)
