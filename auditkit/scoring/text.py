"""The plain-text scorecard of ``auditkit score``: aligned columns for a terminal, no colour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditkit.locale import msg, show
from auditkit.scoring.weights import WEIGHTS

if TYPE_CHECKING:
    from auditkit.scoring.results import Score, Scorecard

__all__ = ["scorecard_text"]

CHANNEL_WIDTH = 28
OBJECTIVE_WIDTH = 16


def scorecard_text(card: Scorecard, lang: str) -> str:
    """``card`` as lines of text in language ``lang``."""

    def say(message_id: str, **values: object) -> str:
        return msg(message_id, **values)(lang)

    level, target = card.level, card.target_level
    overall = msg("scoring.text.overall_score")
    points = _points(card.overall.value)
    lines = [
        say("scoring.text.overall", title=overall, points=points, number=level.number, name=level.name),
        f"  {level.meaning(lang)}",
    ]
    if target is not None:
        gap = target.number - level.number
        status = msg("scoring.text.reached") if gap <= 0 else msg("scoring.text.to_go", gap=str(gap))
        lines.append(say("scoring.text.target", number=target.number, name=target.name, status=status))
    strategy, organisation = WEIGHTS["overall.strategy"].label, WEIGHTS["overall.organisation"].label
    lines += [
        say("scoring.text.labelled", label=strategy, text=f"{_points(card.strategy_completeness.value)}/100"),
        say(
            "scoring.text.labelled",
            label=organisation,
            text=f"{_points(card.organisation_readiness.value)}/100",
        ),
        "",
        say("scoring.text.channel", count=2),
    ]
    channel_header = say("scoring.text.channel", count=1)
    rows = [
        [channel_header, *(say(f"scoring.text.{key}") for key in ("platform", "health", "recommendation"))]
    ]
    rows += [
        [
            _clip(c.name, CHANNEL_WIDTH),
            show(c.platform, lang),
            _points(c.health.value),
            c.recommendation.label(lang),
        ]
        for c in card.channels
    ]
    lines += _table(rows, right={2}) if card.channels else [f"  {say('scoring.text.no_channel')}"]
    if card.channels:
        lines.append("")
    for channel in card.channels:
        reasons = " — ".join(reason(lang) for reason in channel.reasons)
        lines.append(
            f"  {say('scoring.text.labelled', label=_clip(channel.name, CHANNEL_WIDTH), text=reasons)}"
        )
    lines += _matrix(card, lang, channel_header)
    for title, part in (
        (overall, card.overall),
        (strategy, card.strategy_completeness),
        (organisation, card.organisation_readiness),
    ):
        lines += ["", say("scoring.text.contributions", title=title), *_contributions(part, lang)]
    return "\n".join(lines) + "\n"


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
                f"{item.points:.1f}",
                item.evidence(lang),
            ]
            for item in part.contributions
        ],
        right={1, 2},
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
