"""The plain-text scorecard of ``auditkit score``: aligned columns for a terminal, no colour."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from auditkit.locale import Message, msg, show
from auditkit.scoring.weights import WEIGHTS

if TYPE_CHECKING:
    from auditkit.scoring.results import Score, Scorecard

__all__ = ["scorecard_text"]

CHANNEL_WIDTH = 28
OBJECTIVE_WIDTH = 16


def scorecard_text(card: Scorecard, lang: str, verdicts: Mapping[str, Message] | None = None) -> str:
    """``card`` as lines of text in language ``lang``; ``verdicts`` replace the tree's recommendations."""

    def say(message_id: str, **values: object) -> str:
        return msg(message_id, **values)(lang)

    overall = msg("scoring.text.overall_score")
    strategy, organisation = WEIGHTS["overall.strategy"].label, WEIGHTS["overall.organisation"].label
    achieved = WEIGHTS["overall.results"].label
    lines = _level_lines(card, lang)
    lines += [
        say("scoring.text.labelled", label=strategy, text=f"{_points(card.strategy_completeness.value)}/100"),
        say(
            "scoring.text.labelled",
            label=organisation,
            text=f"{_points(card.organisation_readiness.value)}/100",
        ),
        say("scoring.text.labelled", label=achieved, text=f"{_points(card.results.value)}/100"),
        "",
        say("scoring.text.channel", count=2),
    ]
    channel_header = say("scoring.text.channel", count=1)
    rows = [
        [
            channel_header,
            *(say(f"scoring.text.{key}") for key in ("platform", "health")),
            say("scoring.text.verdict" if verdicts else "scoring.text.recommendation"),
        ]
    ]
    rows += [
        [
            _clip(c.name, CHANNEL_WIDTH),
            show(c.platform, lang),
            _points(c.health.value),
            verdicts[c.channel_id](lang)
            if verdicts and c.channel_id in verdicts
            else c.recommendation.label(lang),
        ]
        for c in card.channels
    ]
    lines += _table(rows, right={2}) if card.channels else [f"  {say('scoring.text.no_channel')}"]
    if card.channels:
        lines.append("")
    for channel in card.channels:
        shown = channel.reasons[1:] if verdicts and channel.channel_id in verdicts else channel.reasons
        reasons = " — ".join(reason(lang) for reason in shown)
        lines.append(
            f"  {say('scoring.text.labelled', label=_clip(channel.name, CHANNEL_WIDTH), text=reasons)}"
        )
    lines += _matrix(card, lang, channel_header)
    for title, part in (
        (overall, card.overall),
        (strategy, card.strategy_completeness),
        (organisation, card.organisation_readiness),
        (achieved, card.results),
    ):
        lines += ["", say("scoring.text.contributions", title=title), *_contributions(part, lang)]
    lines += _results_lines(card, lang)
    return "\n".join(lines) + "\n"


def _level_lines(card: Scorecard, lang: str) -> list[str]:
    """The overall score and the level (or why there is none), what holds it back, and the target."""
    title = msg("scoring.text.overall_score")
    points = _points(card.overall.value)
    level, target = card.level, card.target_level
    if level is None:
        state = card.incomplete.message if card.incomplete else ""
        lines = [
            msg("scoring.text.overall_incomplete", title=title, points=points, state=state)(lang),
            f"  {msg('scoring.incomplete.advice')(lang)}",
        ]
    else:
        lines = [
            msg("scoring.text.overall", title=title, points=points, number=level.number, name=level.name)(
                lang
            ),
            f"  {level.meaning(lang)}",
        ]
        lines += [
            f"  {msg('scoring.text.held_back', evidence=gate.evidence)(lang)}" for gate in card.held_back
        ]
    if target is not None:
        gap = None if level is None else target.number - level.number
        status = (
            msg("scoring.text.unknown")
            if gap is None
            else msg("scoring.text.reached")
            if gap <= 0
            else msg("scoring.text.to_go", count=gap)
        )
        lines.append(msg("scoring.text.target", number=target.number, name=target.name, status=status)(lang))
    return lines


def _results_lines(card: Scorecard, lang: str) -> list[str]:
    """Where each objective stands, each primary channel's engagement, and the gates of levels 4 and 5."""
    lines = ["", msg("scoring.text.progress")(lang)]
    lines += [
        f"  {msg('scoring.text.labelled', label=item.objective_id, text=item.evidence)(lang)}"
        for item in card.progress
    ] or [f"  {msg('scoring.evidence.objectives.none')(lang)}"]
    lines += ["", msg("scoring.text.engagement_results")(lang)]
    lines += [
        f"  {msg('scoring.text.labelled', label=item.channel_id, text=item.evidence)(lang)}"
        for item in card.engagement
    ] or [f"  {msg('scoring.evidence.engagement_results.none')(lang)}"]
    lines += ["", msg("scoring.text.gates")(lang)]
    for gate in card.gates:
        state = msg("scoring.text.gate_met" if gate.met else "scoring.text.gate_unmet")
        lines.append(f"  {msg('scoring.text.gate', state=state, evidence=gate.evidence)(lang)}")
    return lines


def _matrix(card: Scorecard, lang: str, channel_header: str) -> list[str]:
    objectives = list(dict.fromkeys(objective for _, objective in card.matrix))
    if not objectives:
        return []
    names = {channel.channel_id: channel.name for channel in card.channels}
    grid = [[channel_header, *(_clip(o, OBJECTIVE_WIDTH) for o in objectives)]]
    for channel_id in dict.fromkeys(channel for channel, _ in card.matrix):
        cells = []
        for objective_id in objectives:
            fit = card.matrix[(channel_id, objective_id)]
            mark = "*" if (channel_id, objective_id) in card.serves else " "
            cells.append(f"{_points(fit.value)}{mark}")
        grid.append([_clip(names[channel_id], CHANNEL_WIDTH), *cells])
    return ["", msg("scoring.text.matrix")(lang), *_table(grid, right=set(range(1, len(objectives) + 1)))]


def _contributions(part: Score, lang: str) -> list[str]:
    return _table(
        [
            [
                item.label(lang),
                f"{item.value:.2f}" if item.value is not None else "—",
                f"{item.weight:.2f}",
                f"{item.points:.1f}",
                item.evidence(lang),
            ]
            for item in part.contributions
        ],
        right={1, 2, 3},
    )


def _points(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    """Rows as aligned lines (columns in ``right`` aligned right; the last column is not padded)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))] if rows else []
    lines = []
    for row in rows:
        cells = [
            cell
            if i == len(row) - 1 and i not in right
            else cell.rjust(widths[i])
            if i in right
            else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines
