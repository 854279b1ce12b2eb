"""Rounds of one client's audit compared: what changed since the last round, and the trends over several.

``compare_runs(old, new)`` gives a :class:`Comparison` (score deltas, findings resolved, new and
persisting, objectives' progress, the previous roadmap's follow-up, strategy components and channels
that changed); :class:`Trends` follows three rounds or more; :func:`previous_of` finds the round a file
names as its previous one. :mod:`auditkit.compare.portfolio` gathers every client of a folder. Texts are
``compare.*`` catalogue messages, rendered by :mod:`auditkit.compare.output` in the language asked for.
"""

from auditkit.compare.comparison import (
    ActionStatus,
    ChannelChange,
    Comparison,
    ComponentChange,
    FindingChange,
    ObjectiveChange,
    ScoreDelta,
    compare_runs,
)
from auditkit.compare.matching import Matches, match_findings, match_subjects
from auditkit.compare.output import comparison_dict, comparison_text, trends_dict
from auditkit.compare.rounds import PreviousRoundError, previous_of, previous_path
from auditkit.compare.trends import Trajectory, Trends, in_round_order

__all__ = [
    "ActionStatus",
    "ChannelChange",
    "Comparison",
    "ComponentChange",
    "FindingChange",
    "Matches",
    "ObjectiveChange",
    "PreviousRoundError",
    "ScoreDelta",
    "Trajectory",
    "Trends",
    "compare_runs",
    "comparison_dict",
    "comparison_text",
    "in_round_order",
    "match_findings",
    "match_subjects",
    "previous_of",
    "previous_path",
    "trends_dict",
]
