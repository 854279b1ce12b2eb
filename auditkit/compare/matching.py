"""Which item of one round is which item of the next: channels, objectives, audiences, peers, findings.

Ids are the consultant's to change between rounds ("fb" becomes "facebook"), and lists are reordered, so
items are paired by what they are: a channel by its id and platform, then by its platform and handle,
then by its platform and name, then as the only channel of its platform left on both sides. A finding
is the same finding when its rule is the same and its subjects, carried into the new round's ids, are
the same or overlap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from auditkit.findings import Finding
from auditkit.model import Audit, Channel, Objective

__all__ = ["FindingPairs", "Matches", "match_findings", "match_subjects"]

_Item = TypeVar("_Item")


def _plain(text: str) -> str:
    """``text`` without accents, case, punctuation or a web address's scheme, for comparing names."""
    text = re.sub(r"^https?://(www\.)?", "", text.strip().lower())
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "", folded)


def _pair(
    before: Sequence[_Item],
    after: Sequence[_Item],
    item_id: Callable[[_Item], str],
    keys: Sequence[Callable[[_Item], Hashable | None]],
) -> dict[str, str]:
    """Old id -> new id, pairing by each key in turn among the items still unpaired (a key of None never
    pairs, and a key shared by several items on one side does not either)."""
    pairs: dict[str, str] = {}
    for key in keys:
        taken = set(pairs.values())
        left = [item for item in before if item_id(item) not in pairs]
        right = [item for item in after if item_id(item) not in taken]
        right_by_key: dict[Hashable, list[_Item]] = {}
        for item in right:
            value = key(item)
            if value is not None:
                right_by_key.setdefault(value, []).append(item)
        left_keys = [key(item) for item in left]
        for item, value in zip(left, left_keys, strict=True):
            if value is None or left_keys.count(value) > 1 or len(right_by_key.get(value, [])) != 1:
                continue
            pairs[item_id(item)] = item_id(right_by_key[value][0])
    return pairs


def _channel_keys() -> list[Callable[[Channel], Hashable | None]]:
    return [
        lambda c: (c.id, c.platform),
        lambda c: (c.platform, _plain(c.handle)) if _plain(c.handle) else None,
        lambda c: (c.platform, _plain(c.name)) if _plain(c.name) else None,
        lambda c: c.platform,
    ]


def _objective_keys() -> list[Callable[[Objective], Hashable | None]]:
    return [lambda o: o.id, lambda o: (o.kind, _plain(o.statement)), lambda o: o.kind]


@dataclass(frozen=True)
class Matches:
    """The items of the old round paired with those of the new one, old id -> new id, per section."""

    channels: dict[str, str]
    objectives: dict[str, str]
    others: dict[str, str]

    def subject(self, old_id: str) -> str:
        """The new round's id of a subject of the old round (its own id when it has no match)."""
        for pairs in (self.channels, self.objectives, self.others):
            if old_id in pairs:
                return pairs[old_id]
        return old_id


def match_subjects(before: Audit, after: Audit) -> Matches:
    """Pair the channels, objectives, stakeholders and peers of two rounds of one client."""
    named: list[Callable[[object], Hashable | None]] = [
        lambda item: getattr(item, "id", None),
        lambda item: _plain(str(getattr(item, "name", ""))) or None,
    ]
    others = _pair(before.stakeholders, after.stakeholders, lambda s: s.id, named)
    others |= _pair(before.peers, after.peers, lambda p: p.id, named)
    return Matches(
        channels=_pair(before.channels, after.channels, lambda c: c.id, _channel_keys()),
        objectives=_pair(before.objectives, after.objectives, lambda o: o.id, _objective_keys()),
        others=others,
    )


@dataclass(frozen=True)
class FindingPairs:
    """The findings of two rounds: those of both (old, new), those gone and those that appeared."""

    persisting: tuple[tuple[Finding, Finding], ...]
    resolved: tuple[Finding, ...]
    new: tuple[Finding, ...]


def match_findings(before: Sequence[Finding], after: Sequence[Finding], matches: Matches) -> FindingPairs:
    """Pair the findings of two rounds by rule and subject, the old subjects carried into the new ids.

    Same rule and same subjects first; then, among those left of one rule, findings whose subjects
    overlap (most overlap first) or, when one is left on each side, those two: a rule that fires once
    per audit is one finding whatever channels it names.
    """
    carried = {id(f): frozenset(matches.subject(s) for s in f.subjects) for f in before}
    own = {id(f): frozenset(f.subjects) for f in after}
    left_before, left_after = list(before), list(after)
    pairs: list[tuple[Finding, Finding]] = []

    def take(old: Finding, new: Finding) -> None:
        pairs.append((old, new))
        left_before.remove(old)
        left_after.remove(new)

    for old in list(left_before):
        same = next((n for n in left_after if n.rule == old.rule and own[id(n)] == carried[id(old)]), None)
        if same is not None:
            take(old, same)
    for rule in sorted({f.rule for f in left_before}):
        olds = [f for f in left_before if f.rule == rule]
        news = [f for f in left_after if f.rule == rule]
        overlaps = sorted(
            (
                (len(carried[id(o)] & own[id(n)]), i, j)
                for i, o in enumerate(olds)
                for j, n in enumerate(news)
            ),
            reverse=True,
        )
        used_old: set[int] = set()
        used_new: set[int] = set()
        for shared, i, j in overlaps:
            if shared and i not in used_old and j not in used_new:
                take(olds[i], news[j])
                used_old.add(i)
                used_new.add(j)
        rest_old = [o for i, o in enumerate(olds) if i not in used_old]
        rest_new = [n for j, n in enumerate(news) if j not in used_new]
        if len(rest_old) == 1 and len(rest_new) == 1:
            take(rest_old[0], rest_new[0])
    order = {id(f): i for i, f in enumerate(after)}
    pairs.sort(key=lambda pair: order[id(pair[1])])
    return FindingPairs(tuple(pairs), tuple(left_before), tuple(left_after))
