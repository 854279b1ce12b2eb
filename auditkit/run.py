"""One audit's pipeline as one object: scorecard, diagnosis and roadmap, each computed once when asked for.

:func:`open` and :class:`AuditRun` are what the command line, the widgets, the report and the exports
use, and what a notebook user types::

    import auditkit
    run = auditkit.open("data/examples/boulangerie-martin.audit.json")
    run                                  # a summary card
    run.findings.to_frame()              # one row per finding
    run.actions.to_frame()               # one row per roadmap action

The run and its parts display themselves in a notebook (``_repr_mimebundle_``) and as text (``repr``).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditkit.locale import msg
from auditkit.model import Audit

if TYPE_CHECKING:
    import pandas

    from auditkit.diagnose import Diagnosis
    from auditkit.roadmap import Roadmap
    from auditkit.roadmap.build import ScheduledActions
    from auditkit.scoring import Scorecard
    from auditkit.verdicts import Verdicts

__all__ = ["AuditRun", "Card", "Part", "open"]


def open(path: str | PathLike[str], *, lang: str | None = None) -> AuditRun:
    """The run of the audit file at ``path``, read and validated (nothing is computed yet).

    Raises:
        AuditFileError: the file is missing or not a valid audit, with one line per problem.
    """
    from auditkit import store

    return AuditRun(store.load(Path(path)), path=Path(path), lang=lang)


class AuditRun:
    """An audit and its results, each computed once, lazily, in the order they depend on each other.

    Args:
        audit: the audit to score, diagnose and plan.
        path: where the audit was read from, if anywhere.
        lang: the language the parts display in (default: the audit's own language).

    ``previous`` is the run of the previous round when it was given (``auditkit report --previous``);
    ``None`` leaves :func:`auditkit.compare.previous_of` to read the file ``previous_round`` names.
    """

    def __init__(self, audit: Audit, *, path: Path | None = None, lang: str | None = None) -> None:
        self.audit = audit
        self.path = path
        self.lang = str(lang or audit.engagement.language)
        self.previous: AuditRun | None = None

    @cached_property
    def scorecard(self) -> Scorecard:
        """Every score of the audit, with its contributions (the level needs the diagnosis)."""
        from auditkit.scoring import score

        return score(self.audit, self.diagnosis)

    @cached_property
    def diagnosis(self) -> Diagnosis:
        """The findings of the rule catalogue and the rules that could not be assessed."""
        from auditkit.diagnose import diagnose

        return diagnose(self.audit)

    @cached_property
    def reconciled(self) -> Verdicts:
        """One verdict per channel, and the diagnosis whose advice follows them (:mod:`auditkit.verdicts`)."""
        from auditkit.verdicts import reconcile

        return reconcile(self.audit, self.scorecard, self.diagnosis)

    @cached_property
    def scheduled(self) -> ScheduledActions:
        """The roadmap's actions with the consultant's edits, placed in stages and dated (no projection)."""
        from auditkit.roadmap.build import schedule_actions

        return schedule_actions(self.audit, self.scorecard, self.diagnosis, self.reconciled)

    @cached_property
    def roadmap(self) -> Roadmap:
        """The staged roadmap, with the consultant's edits applied."""
        from auditkit.roadmap import build_roadmap

        return build_roadmap(self.audit, self.scorecard, self.diagnosis, self.scheduled)

    @property
    def channels(self) -> Part:
        """One row per channel: its health, recommendation and reasons."""
        return Part(self, "channels", lambda lang: self.scorecard.to_dict(lang)["channels"], _channel_row)

    @property
    def verdicts(self) -> Part:
        """One row per channel: its reconciled verdict, the advice, and which proposals it overruled."""
        return Part(self, "verdicts", lambda lang: self.reconciled.to_dict(lang)["channels"], _verdict_row)

    @property
    def matrix(self) -> Part:
        """The fit of every channel with every objective, one row per pair."""
        return Part(self, "matrix", lambda lang: self.scorecard.to_dict(lang)["matrix"], _fit_row)

    @property
    def findings(self) -> Part:
        """One row per finding, most severe first."""
        return Part(
            self, "findings", lambda lang: self.reconciled.diagnosis.to_dict(lang)["findings"], _finding_row
        )

    @property
    def actions(self) -> Part:
        """One row per roadmap action, stage by stage."""
        return Part(self, "actions", self._actions, _action_row)

    def _actions(self, lang: str) -> list[dict[str, Any]]:
        return [action for stage in self.roadmap.to_dict(lang)["stages"] for action in stage["actions"]]

    def in_language(self, lang: str) -> AuditRun:
        """The same run displayed in ``lang``; what was already computed is shared."""
        other = AuditRun(self.audit, path=self.path, lang=lang)
        other.__dict__.update({k: v for k, v in self.__dict__.items() if k in _COMPUTED})
        return other

    def summary(self) -> dict[str, Any]:
        """The figures of the summary card."""
        scores = self.scorecard.to_dict(self.lang)
        findings = self.diagnosis.to_dict(self.lang)["findings"]
        stages = self.roadmap.to_dict(self.lang)["stages"]
        first = stages[0]["actions"] if stages else []
        severities = ("critical", "major", "minor", "info")
        return {
            "client": self.audit.engagement.client,
            "audit_date": self.audit.engagement.audit_date,
            "round": self.audit.engagement.round,
            "overall": scores["overall"],
            "level": scores["level"]["number"] if scores["level"] else None,
            "level_name": scores["level"]["name"] if scores["level"] else None,
            "incomplete": scores["incomplete"],
            "findings": {s: sum(f["severity"] == s for f in findings) for s in severities},
            "first_actions": [action["title"] for action in first[:3]],
        }

    def card(self) -> Card:
        """The summary card, in the run's language."""
        from auditkit.locale.formats import day

        figures = self.summary()
        lang = self.lang
        overall = "—" if figures["overall"] is None else _num(figures["overall"], lang)
        counts = [
            msg(f"run.card.{severity}", count=n)(lang) for severity, n in figures["findings"].items() if n
        ]
        return Card(
            title=figures["client"],
            subtitle=msg("run.card.dated", date=day(figures["audit_date"], lang), round=figures["round"])(
                lang
            ),
            lines=(
                self._score_line(overall),
                " · ".join(counts) or msg("run.card.no_findings")(lang),
            ),
            list_title=msg("run.card.first_actions")(lang),
            items=tuple(figures["first_actions"]),
        )

    def _score_line(self, overall: str) -> str:
        """The overall score and the level, or why there is no level."""
        card = self.scorecard
        if card.level is None:
            state = card.incomplete.message if card.incomplete else ""
            return msg("run.card.score_incomplete", overall=overall, state=state)(self.lang)
        return msg("run.card.score", overall=overall, level=card.level.number, name=card.level.name)(
            self.lang
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        card = self.card()
        return {"text/plain": card.text(), "text/html": card.html()}

    def __repr__(self) -> str:
        return self.card().text()


@dataclass(frozen=True)
class Card:
    """A short summary: a title, a subtitle, a few lines and a numbered list."""

    title: str
    subtitle: str
    lines: tuple[str, ...]
    list_title: str
    items: tuple[str, ...]

    def text(self) -> str:
        numbered = [f"  {number}. {item}" for number, item in enumerate(self.items, 1)]
        return "\n".join([f"{self.title} — {self.subtitle}", *self.lines, *numbered])

    def html(self) -> str:
        escape = html.escape
        lines = "".join(f"<div>{escape(line)}</div>" for line in self.lines)
        items = "".join(f"<li>{escape(item)}</li>" for item in self.items)
        listed = f"<p style='margin:.5em 0 .2em'><b>{escape(self.list_title)}</b></p><ol>{items}</ol>"
        return (
            "<div style='border:1px solid #c9ced6;border-radius:6px;padding:.8em 1em;max-width:42em;"
            "font-family:system-ui,sans-serif;line-height:1.4'>"
            f"<div style='font-size:1.15em;font-weight:600'>{escape(self.title)}</div>"
            f"<div style='color:#555'>{escape(self.subtitle)}</div>{lines}{listed if items else ''}</div>"
        )


_COMPUTED = frozenset({"scorecard", "diagnosis", "reconciled", "scheduled", "roadmap"})


def _num(value: float, lang: str) -> str:
    from auditkit.locale.formats import decimal

    return decimal(value, lang, 1)


class Part:
    """A tabular part of a run (channels, matrix, findings, actions): rows, a DataFrame, a display.

    Iterating gives the rows as dictionaries (the JSON output of the command line, in the run's
    language); :meth:`to_frame` gives a pandas DataFrame with one row each.
    """

    def __init__(
        self,
        run: AuditRun,
        name: str,
        rows: Callable[[str], list[dict[str, Any]]],
        flatten: Callable[[dict[str, Any]], dict[str, Any]],
    ) -> None:
        self.run = run
        self.name = name
        self._rows = rows
        self._flatten = flatten

    def rows(self) -> list[dict[str, Any]]:
        """Every row, as the JSON output of the command line writes it."""
        return self._rows(self.run.lang)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows())

    def __len__(self) -> int:
        return len(self.rows())

    def to_frame(self) -> pandas.DataFrame:
        """One row per item, with the columns a consultant filters and sorts on."""
        import pandas

        return pandas.DataFrame([self._flatten(row) for row in self.rows()])

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        frame = self.to_frame()
        title = msg(f"run.part.{self.name}", count=len(frame))(self.run.lang)
        table: str = frame.to_html(index=False, escape=True, border=0, max_rows=60)
        return {
            "text/plain": f"{title}\n{frame.to_string(index=False, max_rows=30, max_colwidth=40)}",
            "text/html": f"<p><b>{html.escape(title)}</b></p>{table}",
        }

    def __repr__(self) -> str:
        return self._repr_mimebundle_()["text/plain"]


def _channel_row(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "name", "platform", "score", "recommendation", "recommendation_label")
    return {key: row.get(key) for key in keys} | {"reasons": " ".join(row.get("reasons") or [])}


def _verdict_row(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "name", "platform", "verdict", "verdict_label", "recommendation", "source", "advice")
    overruled = " ".join(item["why"] for item in row.get("overruled") or [])
    return {key: row.get(key) for key in keys} | {"hours_needed": row["hours_needed"], "overruled": overruled}


def _fit_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key != "contributions"}


def _finding_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "rule": row["rule"],
        "severity": row["severity"],
        "theme": row["theme"],
        "title": row["title"],
        "subjects": ", ".join(row.get("subjects") or []),
        "explanation": row["explanation"],
        "action": row["action"],
    }


def _action_row(row: dict[str, Any]) -> dict[str, Any]:
    keys = ("stage", "id", "title", "phase", "severity", "owner", "effort_hours", "cost", "start", "due")
    return {key: row.get(key) for key in keys} | {"findings": ", ".join(row.get("findings") or [])}
