"""How an engagement rate is computed: the neutral definitions, and the benchmark metrics that compute them.

An audit records a channel's rate with the code of its definition (``engagement.definition``): one of
:class:`Definition`, written by the CSV import and the channel editor, or a benchmark publisher's metric
code typed by hand or kept from an older file. Two codes are compared only when they compute the same
thing: :func:`computation` gives the neutral definition of either kind of code, ``None`` when the
computation is not known (a publisher that does not give its formula).
"""

from __future__ import annotations

from enum import StrEnum

from auditkit.locale import Message, msg

__all__ = [
    "DEFINITION_CODES",
    "PUBLISHER_METRICS",
    "Definition",
    "computation",
    "definition_name",
    "same_computation",
]


class Definition(StrEnum):
    """A computation of an engagement rate, named for what it divides by what."""

    PER_POST_BY_FOLLOWERS = "interactions_per_post_by_followers"
    BY_REACH = "interactions_by_reach"
    BY_IMPRESSIONS = "interactions_by_impressions"
    BY_VIEWS = "interactions_by_views"
    LINKEDIN_RATE = "linkedin_engagements_by_impressions"
    X_RATE = "x_engagements_by_impressions"
    EXPORT_RATE = "export_engagement_rate"
    """The rate column of an export whose definition is not known."""

    @property
    def name_in_words(self) -> Message:
        """The definition in plain words ("interactions per post divided by followers")."""
        return msg(f"csv.definition.{self.value}")


DEFINITION_CODES = frozenset(definition.value for definition in Definition)

PUBLISHER_METRICS: dict[str, Definition] = {
    "rivaliq_er_per_post_by_follower": Definition.PER_POST_BY_FOLLOWERS,
    "rivaliq_er_by_view": Definition.BY_VIEWS,
    "buffer_er_by_impressions": Definition.BY_IMPRESSIONS,
}
"""Benchmark metric codes whose formula the publisher states, and the definition it is.

Hootsuite's and Socialinsider's averages are left out: their studies do not give the denominator.
"""


def computation(code: str) -> Definition | None:
    """The neutral definition a rate recorded as ``code`` was computed with (``None``: not known)."""
    if code in DEFINITION_CODES:
        definition = Definition(code)
        return None if definition is Definition.EXPORT_RATE else definition
    return PUBLISHER_METRICS.get(code)


def same_computation(first: str, second: str) -> bool:
    """True when two recorded codes are the same code or compute the same known definition."""
    if first == second:
        return True
    known = computation(first)
    return known is not None and known is computation(second)


def definition_name(code: str) -> Message | str:
    """A recorded definition in plain words; a code nobody defined is shown as it was typed."""
    if code in DEFINITION_CODES:
        return Definition(code).name_in_words
    known = PUBLISHER_METRICS.get(code)
    return code if known is None else known.name_in_words
