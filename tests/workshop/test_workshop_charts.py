"""The workshop's HTML bar charts: escaped labels, bars as long as their share, values written in the
language, nothing for the browser to load."""

from __future__ import annotations

import html
import re

from auditkit.diagnose import Theme
from auditkit.ui.workshop_charts import NEUTRAL, Bar, bar_chart, participant_categories, score_distribution
from auditkit.workshop.quiz import CategoryScore
from auditkit.workshop.room import ParticipantResult, RoomSummary


def _widths(fragment: str) -> list[float]:
    return [float(width) for width in re.findall(r"width:([\d.]+)%", fragment)]


def test_a_bar_chart_escapes_its_texts_and_clamps_its_bars() -> None:
    chart = bar_chart(
        "<b>Title</b>",
        [Bar("<script>x</script>", 1.4, NEUTRAL, "1 < 2"), Bar("none", -0.2, NEUTRAL, "0")],
        headings=("A & B", "C"),
        legend="<i>legend</i>",
    )
    assert "<script>" not in chart and "<b>Title" not in chart and "<i>legend" not in chart
    assert "&lt;script&gt;x&lt;/script&gt;" in chart and "1 &lt; 2" in chart and "A &amp; B" in chart
    assert _widths(chart) == [100.0, 0.0]


def test_a_participant_sees_each_category_with_its_right_answers_written() -> None:
    scores = [
        CategoryScore(Theme.CHANNELS, asked=4, answered=4, right=3),
        CategoryScore(Theme.STRATEGY, asked=4, answered=4, right=1),
    ]
    chart = html.unescape(participant_categories(scores, "fr"))
    assert "Mes bonnes réponses par catégorie" in chart
    assert "3 sur 4" in chart and "1 sur 4" in chart
    assert _widths(chart) == [75.0, 25.0]


def test_the_distribution_scales_to_the_most_common_score_and_writes_numbers_in_the_language() -> None:
    finished = [("ana", 1), ("bruno", 1), ("chloe", 2)]
    people = tuple(ParticipantResult(code, code, 2, right, True) for code, right in finished)
    room = RoomSummary(questions=("q1", "q2"), participants=people, tallies=(), categories=())
    chart = html.unescape(score_distribution(room, "en"))
    assert "Scores of the 3 participants who finished" in chart
    assert _widths(chart) == [0.0, 100.0, 50.0]
    assert re.findall(r'auditkit-bar-value">(\d+)<', chart) == ["0", "2", "1"]
