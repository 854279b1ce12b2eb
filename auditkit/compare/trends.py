"""Three rounds or more of one client: the trajectory of the overall score, each objective, each channel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from auditkit.compare.comparison import Comparison, compare_runs
from auditkit.run import AuditRun

__all__ = ["Trajectory", "Trends", "in_round_order"]


@dataclass(frozen=True)
class Trajectory:
    """One subject's values round after round (``None`` where it did not exist or was not measured)."""

    id: str
    name: str
    values: tuple[float | None, ...]


def in_round_order(runs: Sequence[AuditRun]) -> list[AuditRun]:
    """The runs by audit date, then round number."""
    return sorted(runs, key=lambda run: (run.audit.engagement.audit_date, run.audit.engagement.round))


class Trends:
    """Successive rounds (two or more, oldest first) and the comparison of each with the next."""

    def __init__(self, runs: Sequence[AuditRun]) -> None:
        if len(runs) < 2:
            raise ValueError("trends need two rounds or more")
        self.runs = tuple(runs)

    @cached_property
    def comparisons(self) -> tuple[Comparison, ...]:
        return tuple(compare_runs(a, b) for a, b in zip(self.runs, self.runs[1:], strict=False))

    @property
    def latest(self) -> Comparison:
        """The comparison of the last two rounds."""
        return self.comparisons[-1]

    @cached_property
    def overall(self) -> tuple[float | None, ...]:
        return tuple(run.scorecard.overall.value for run in self.runs)

    def _chains(self, section: str) -> dict[tuple[int, str], str]:
        """(round index, id) -> the id the item has in the last round it appears in, through the matches."""
        final: dict[tuple[int, str], str] = {}
        for index, run in enumerate(self.runs):
            for item in getattr(run.audit, section):
                at, current = index, item.id
                while at < len(self.comparisons):
                    pairs = getattr(self.comparisons[at].matches, section)
                    if current not in pairs:
                        break
                    at, current = at + 1, pairs[current]
                final[(index, item.id)] = f"{at}:{current}"
        return final

    def _trajectories(self, section: str, value_of: dict[tuple[int, str], float | None]) -> list[Trajectory]:
        chains = self._chains(section)
        names: dict[str, str] = {}
        values: dict[str, list[float | None]] = {}
        for index, run in enumerate(self.runs):
            for item in getattr(run.audit, section):
                key = chains[(index, item.id)]
                names[key] = str(getattr(item, "name", None) or getattr(item, "statement", item.id))
                values.setdefault(key, [None] * len(self.runs))[index] = value_of.get((index, item.id))
        return [Trajectory(key.split(":", 1)[1], names[key], tuple(values[key])) for key in values]

    @cached_property
    def objectives(self) -> tuple[Trajectory, ...]:
        """Each objective's current value (its baseline where no current value was recorded)."""
        value_of: dict[tuple[int, str], float | None] = {}
        for index, run in enumerate(self.runs):
            for objective in run.audit.objectives:
                current = objective.current if objective.current is not None else objective.baseline
                value_of[(index, objective.id)] = current
        return tuple(self._trajectories("objectives", value_of))

    @cached_property
    def channels(self) -> tuple[Trajectory, ...]:
        """Each channel's health score."""
        value_of = {
            (index, channel.channel_id): channel.health.value
            for index, run in enumerate(self.runs)
            for channel in run.scorecard.channels
        }
        return tuple(self._trajectories("channels", value_of))
