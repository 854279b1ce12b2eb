"""The workshop's charts: a participant's score by category, and the room's results, made to be projected.

Large type, few bars, the number written beside each bar (colour is never the only cue), every word from
the catalogue. The charts are plain HTML and CSS bars, drawn by the browser with nothing to load: the
workshop pages serve a room of phones and laptops, and plotly.js would add 5 MB of JavaScript to each
participant's page. Pure functions: a summary in, an HTML fragment out.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from auditkit.locale import msg
from auditkit.locale.formats import number, percent_points
from auditkit.workshop.quiz import CategoryScore, QuizBank
from auditkit.workshop.room import CategoryTally, RoomSummary
from auditkit.workshop.training import Consensus

RIGHT = "#2e7d32"
WRONG = "#c62828"
NEUTRAL = "#1f4e79"
REFERENCE_OTHER = "#9e9e9e"

CHART_STYLE = """<style>
.auditkit-bars { margin: .8em 0 1.2em; }
.auditkit-bars h4 { margin: 0 0 .2em; font-size: 1.15em; }
.auditkit-bars .auditkit-bars-legend { margin: 0 0 .5em; color: #4b5563; font-size: .9em; }
.auditkit-bars table { border-collapse: collapse; width: 100%; }
.auditkit-bars th { text-align: left; font-weight: normal; color: #4b5563; font-size: .85em; padding: 0 .5em .2em 0; }
.auditkit-bars td { padding: .25em .5em .25em 0; vertical-align: middle; }
.auditkit-bars .auditkit-bar-label { width: 40%; }
.auditkit-bars .auditkit-bar-track { width: 40%; background: #eef1f5; }
.auditkit-bars .auditkit-bar { display: block; height: 1.2em; min-width: 2px; }
.auditkit-bars .auditkit-bar-value { white-space: nowrap; font-variant-numeric: tabular-nums; }
.auditkit-bars.auditkit-projected { font-size: 1.3em; }
</style>"""
"""The look of every chart of the workshop pages (put once in the page)."""


@dataclass(frozen=True)
class Bar:
    """One line of a chart: its label, its length (0 to 1), the colour of its bar and the value written."""

    label: str
    length: float
    color: str
    value: str


def bar_chart(
    title: str,
    bars: Sequence[Bar],
    *,
    headings: tuple[str, str] | None = None,
    legend: str = "",
    projected: bool = False,
) -> str:
    """A horizontal bar chart as an HTML fragment: a titled table, one row per bar, every text escaped."""
    rows = "".join(
        "<tr>"
        f'<td class="auditkit-bar-label">{html.escape(bar.label)}</td>'
        f'<td class="auditkit-bar-track"><span class="auditkit-bar" '
        f'style="width:{100 * min(1.0, max(0.0, bar.length)):.1f}%;background:{bar.color}"></span></td>'
        f'<td class="auditkit-bar-value">{html.escape(bar.value)}</td>'
        "</tr>"
        for bar in bars
    )
    head = (
        f"<tr><th>{html.escape(headings[0])}</th><th></th><th>{html.escape(headings[1])}</th></tr>"
        if headings
        else ""
    )
    caption = f'<p class="auditkit-bars-legend">{html.escape(legend)}</p>' if legend else ""
    classes = ["auditkit-bars", *(["auditkit-projected"] if projected else [])]
    return f'<figure class="{" ".join(classes)}"><h4>{html.escape(title)}</h4>{caption}<table>{head}{rows}</table></figure>'


def _share_color(share: float) -> str:
    return RIGHT if share >= 0.75 else NEUTRAL if share >= 0.5 else WRONG


def participant_categories(categories: Sequence[CategoryScore], lang: str) -> str:
    """A participant's right answers by category, as shares of the questions asked."""
    bars = [
        Bar(
            msg(f"workshop.category.{score.category.value}")(lang),
            score.share,
            _share_color(score.share),
            msg("workshop.chart.right_of", right=score.right, total=score.asked)(lang),
        )
        for score in categories
    ]
    return bar_chart(msg("workshop.chart.my_categories")(lang), bars)


def room_categories(categories: Sequence[CategoryTally], lang: str) -> str:
    """The room's right answers by category."""
    bars = [
        Bar(
            msg(f"workshop.category.{tally.category.value}")(lang),
            tally.share,
            _share_color(tally.share),
            percent_points(100 * tally.share, lang, 0),
        )
        for tally in categories
    ]
    return bar_chart(msg("workshop.chart.room_categories")(lang), bars, projected=True)


def score_distribution(room: RoomSummary, lang: str) -> str:
    """How many finished participants got each number of right answers."""
    counts = room.distribution()
    most = max(counts.values(), default=0) or 1
    bars = [
        Bar(number(right, lang), count / most, NEUTRAL, number(count, lang))
        for right, count in counts.items()
    ]
    headings = (msg("workshop.chart.right_answers")(lang), msg("workshop.chart.participants")(lang))
    title = msg("workshop.chart.distribution", count=room.finished)(lang)
    return bar_chart(title, bars, headings=headings, projected=True)


def most_missed(room: RoomSummary, bank: QuizBank, lang: str, limit: int = 5) -> str:
    """The questions the room missed most, by share of wrong answers."""
    bars = [
        Bar(
            bank.question(tally.question).prompt(lang),
            tally.missed_share,
            WRONG,
            msg("workshop.chart.wrong_of", count=tally.wrong, total=tally.answered)(lang),
        )
        for tally in room.most_missed(limit)
    ]
    return bar_chart(msg("workshop.chart.most_missed")(lang), bars, projected=True)


def consensus_chart(room: Consensus, lang: str) -> str:
    """For each candidate finding of the training case, the share of the room that flagged it; the
    reference findings in green, the others in grey."""
    bars = [
        Bar(
            msg(f"rule.{row.rule}.title")(lang),
            row.flagged_share,
            RIGHT if row.in_reference else REFERENCE_OTHER,
            msg("workshop.chart.flagged", flagged=row.flagged, prioritised=row.prioritised)(lang),
        )
        for row in room.rows
    ]
    return bar_chart(
        msg("workshop.chart.consensus", count=room.participants)(lang),
        bars,
        legend=msg("workshop.chart.consensus_legend")(lang),
        projected=True,
    )
