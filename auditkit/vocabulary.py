"""The organisation's own words: who leads it, who does the work, whom the work comes from.

Advice reads differently in a bakery, an association, a town hall and a school: the board and the
volunteers of an association are not "management" and "staff". Each :class:`Vocabulary` has its words in
the catalogue domain ``vocabulary`` (``vocabulary.<vocabulary>.<word>``, every word of :data:`WORDS` in
every vocabulary); rule and plan texts take them as ``{placeholders}`` named after the word. French
phrases carry their article, so texts place them where no contraction is needed (after "par", "avec",
"pour", or as an object); ``leadership_of`` is the phrase after "of" ("du bureau").
"""

from __future__ import annotations

from enum import StrEnum

from auditkit.locale import Message, msg
from auditkit.model import ClientProfile, IndustryKind, OrganisationSize

__all__ = [
    "GENERIC_WORDS",
    "WORDS",
    "OrganisationKind",
    "Vocabulary",
    "effective_size",
    "organisation_kind",
    "vocabulary_of",
    "words",
]


class OrganisationKind(StrEnum):
    """The kinds of organisation whose needs differ (a grouping of :class:`IndustryKind`)."""

    COMMERCIAL = "commercial"
    NONPROFIT = "nonprofit"
    PUBLIC = "public"
    HEALTHCARE = "healthcare"
    EDUCATION = "education"


_KIND = {
    IndustryKind.COMMERCIAL_B2B: OrganisationKind.COMMERCIAL,
    IndustryKind.COMMERCIAL_B2C: OrganisationKind.COMMERCIAL,
    IndustryKind.NONPROFIT_CHARITY: OrganisationKind.NONPROFIT,
    IndustryKind.NONPROFIT_ASSOCIATION: OrganisationKind.NONPROFIT,
    IndustryKind.NONPROFIT_CAUSE: OrganisationKind.NONPROFIT,
    IndustryKind.PUBLIC: OrganisationKind.PUBLIC,
    IndustryKind.HEALTHCARE: OrganisationKind.HEALTHCARE,
    IndustryKind.EDUCATION_PRIMARY: OrganisationKind.EDUCATION,
    IndustryKind.EDUCATION_SECONDARY: OrganisationKind.EDUCATION,
    IndustryKind.EDUCATION_HIGHER: OrganisationKind.EDUCATION,
}


class Vocabulary(StrEnum):
    """A set of words for the organisation's people (``generic`` for texts about no audit in particular)."""

    SMALL_BUSINESS = "small_business"
    """Commercial, micro or small: the owner or manager and the staff."""
    COMPANY = "company"
    """Commercial, medium or large: management and departments."""
    ASSOCIATION = "association"
    """Non-profit: the board and the volunteers."""
    TOWN_HALL = "town_hall"
    """Public body: the elected officials and the departments."""
    SCHOOL = "school"
    """Primary or secondary education: the head teacher and the governors."""
    UNIVERSITY = "university"
    """Higher education: the university's leadership, faculties and departments."""
    HEALTHCARE = "healthcare"
    """Care: management, care teams and departments."""
    GENERIC = "generic"


WORDS = ("leadership", "leadership_of", "team", "member", "departments", "managers", "owner")
"""The words each vocabulary gives: who leads (``leadership``, ``leadership_of``), the people who do the
work (``team``) and one of them (``member``), whom requests come from (``departments``), who plans
people's time (``managers``), and who leads as the owner of a roadmap action (``owner``, a label)."""


def organisation_kind(client: ClientProfile) -> OrganisationKind:
    """The kind of organisation the client is."""
    return _KIND[client.industry]


def effective_size(client: ClientProfile) -> OrganisationSize:
    """The client's size; an unknown size counts as small."""
    return client.size or OrganisationSize.SMALL


def vocabulary_of(client: ClientProfile) -> Vocabulary:
    """The words the client's texts use."""
    kind = organisation_kind(client)
    if kind is OrganisationKind.COMMERCIAL:
        small = effective_size(client) in (OrganisationSize.MICRO, OrganisationSize.SMALL)
        return Vocabulary.SMALL_BUSINESS if small else Vocabulary.COMPANY
    if kind is OrganisationKind.EDUCATION:
        higher = client.industry is IndustryKind.EDUCATION_HIGHER
        return Vocabulary.UNIVERSITY if higher else Vocabulary.SCHOOL
    return {
        OrganisationKind.NONPROFIT: Vocabulary.ASSOCIATION,
        OrganisationKind.PUBLIC: Vocabulary.TOWN_HALL,
        OrganisationKind.HEALTHCARE: Vocabulary.HEALTHCARE,
    }[kind]


def _words(vocabulary: Vocabulary) -> dict[str, Message]:
    return {word: msg(f"vocabulary.{vocabulary.value}.{word}") for word in WORDS}


def words(client: ClientProfile) -> dict[str, Message]:
    """The client's words, by placeholder name, for ``Message.format(**words(client))``."""
    return _words(vocabulary_of(client))


GENERIC_WORDS = _words(Vocabulary.GENERIC)
"""Words that fit any organisation: for the rules' texts in the methodology appendix."""
