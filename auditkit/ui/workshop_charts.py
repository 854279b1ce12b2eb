"""The workshop's charts: a participant's score by category, and the room's results, made to be projected.

Large type, few bars, the number written on each bar (colour is never the only cue), every word from the
catalogue. Pure functions: a summary in, a plotly figure out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from auditkit.charts.layout import axis, category_label, figure_layout
from auditkit.charts.style import DEFAULT_STYLE
from auditkit.locale import msg
from auditkit.locale.formats import number, percent_points
from auditkit.workshop.quiz import CategoryScore, QuizBank
from auditkit.workshop.room import CategoryTally, RoomSummary
from auditkit.workshop.training import Consensus

RIGHT = "#2e7d32"
WRONG = "#c62828"
NEUTRAL = "#1f4e79"
PROJECTED_FONT = 18
"""Font size of the room's charts: readable from the back of a room."""


def _projected(layout: dict[str, Any]) -> dict[str, Any]:
    layout["font"] = {**layout["font"], "size": PROJECTED_FONT}
    layout["title"]["font"] = {"size": PROJECTED_FONT + 6}
    return layout


def _share_bars(
    labels: Sequence[str],
    shares: Sequence[float],
    texts: Sequence[str],
    title: str,
    lang: str,
    projected: bool,
) -> go.Figure:
    colors = [RIGHT if share >= 0.75 else NEUTRAL if share >= 0.5 else WRONG for share in shares]
    layout = figure_layout(
        DEFAULT_STYLE,
        lang,
        title,
        90 + 46 * len(labels),
        xaxis=axis(DEFAULT_STYLE, range=[0, 100], ticksuffix=" %" if lang.startswith("fr") else "%"),
        yaxis=axis(DEFAULT_STYLE, autorange="reversed"),
        showlegend=False,
    )
    return go.Figure(
        {
            "data": [
                {
                    "type": "bar",
                    "orientation": "h",
                    "y": [category_label(label) for label in labels],
                    "x": [round(100 * share, 1) for share in shares],
                    "text": list(texts),
                    "textposition": "auto",
                    "marker": {"color": colors},
                    "hoverinfo": "y+text",
                }
            ],
            "layout": _projected(layout) if projected else layout,
        }
    )


def participant_categories(categories: Sequence[CategoryScore], lang: str) -> go.Figure:
    """A participant's right answers by category, as shares of the questions asked."""
    return _share_bars(
        [msg(f"workshop.category.{score.category.value}")(lang) for score in categories],
        [score.share for score in categories],
        [msg("workshop.chart.right_of", right=score.right, total=score.asked)(lang) for score in categories],
        msg("workshop.chart.my_categories")(lang),
        lang,
        projected=False,
    )


def room_categories(categories: Sequence[CategoryTally], lang: str) -> go.Figure:
    """The room's right answers by category."""
    return _share_bars(
        [msg(f"workshop.category.{tally.category.value}")(lang) for tally in categories],
        [tally.share for tally in categories],
        [percent_points(100 * tally.share, lang, 0) for tally in categories],
        msg("workshop.chart.room_categories")(lang),
        lang,
        projected=True,
    )


def score_distribution(room: RoomSummary, lang: str) -> go.Figure:
    """How many finished participants got each number of right answers."""
    counts = room.distribution()
    layout = figure_layout(
        DEFAULT_STYLE,
        lang,
        msg("workshop.chart.distribution", count=room.finished)(lang),
        380,
        xaxis=axis(DEFAULT_STYLE, title={"text": msg("workshop.chart.right_answers")(lang)}, dtick=1),
        yaxis=axis(
            DEFAULT_STYLE, title={"text": msg("workshop.chart.participants")(lang)}, rangemode="tozero"
        ),
        showlegend=False,
    )
    return go.Figure(
        {
            "data": [
                {
                    "type": "bar",
                    "x": list(counts),
                    "y": list(counts.values()),
                    "text": [number(value, lang) if value else "" for value in counts.values()],
                    "textposition": "outside",
                    "marker": {"color": NEUTRAL},
                }
            ],
            "layout": _projected(layout),
        }
    )


def most_missed(room: RoomSummary, bank: QuizBank, lang: str, limit: int = 5) -> go.Figure:
    """The questions the room missed most, by share of wrong answers."""
    missed = room.most_missed(limit)
    return _share_bars(
        [bank.question(tally.question).prompt(lang) for tally in missed],
        [tally.missed_share for tally in missed],
        [msg("workshop.chart.wrong_of", count=tally.wrong, total=tally.answered)(lang) for tally in missed],
        msg("workshop.chart.most_missed")(lang),
        lang,
        projected=True,
    ).update_traces(marker={"color": WRONG})


def consensus_chart(room: Consensus, lang: str) -> go.Figure:
    """For each candidate finding of the training case, the share of the room that flagged it; the
    reference findings in green, the others in grey."""
    labels = [msg(f"rule.{row.rule}.title")(lang) for row in room.rows]
    layout = figure_layout(
        DEFAULT_STYLE,
        lang,
        msg("workshop.chart.consensus", count=room.participants)(lang),
        90 + 34 * len(labels),
        subtitle=msg("workshop.chart.consensus_legend")(lang),
        xaxis=axis(DEFAULT_STYLE, range=[0, 100], ticksuffix=" %" if lang.startswith("fr") else "%"),
        yaxis=axis(DEFAULT_STYLE, autorange="reversed"),
        showlegend=False,
    )
    return go.Figure(
        {
            "data": [
                {
                    "type": "bar",
                    "orientation": "h",
                    "y": [category_label(label) for label in labels],
                    "x": [round(100 * row.flagged_share, 1) for row in room.rows],
                    "text": [
                        msg("workshop.chart.flagged", flagged=row.flagged, prioritised=row.prioritised)(lang)
                        for row in room.rows
                    ],
                    "textposition": "auto",
                    "marker": {"color": [RIGHT if row.in_reference else "#9e9e9e" for row in room.rows]},
                }
            ],
            "layout": _projected(layout),
        }
    )
