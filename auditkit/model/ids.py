"""Ids derived from names, and the ids earlier versions froze from placeholder names.

An item's id comes from the first words of its first real name (:func:`derived_id`) and stays out of
sight. Earlier versions added items named by a placeholder ("Nouveau canal", "New peer") and froze their
ids from it (``nouveau-canal``, ``new-peer``, ``objective``); :func:`rename_placeholder_ids` gives each
such item the id its real name gives, and every reference to it follows. The placeholder names are the
catalogues' ``ui.new.*`` messages, in every language.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Any

from auditkit.locale import catalogue, languages

if TYPE_CHECKING:
    from auditkit.model.audit import Audit

NAME_WORDS = 6
"""Words of a name its id is derived from."""
NAME_FIELDS = {"objectives": "statement", "stakeholders": "name", "peers": "name", "channels": "name"}
"""The field that names an item of each section with ids."""
REFERRING: dict[str, tuple[tuple[str, str], ...]] = {
    "objectives": (("channels", "objectives"),),
    "stakeholders": (("objectives", "stakeholders"), ("channels", "stakeholders")),
}
"""For each section whose ids are referred to: the (section, field) pairs holding those references."""
PLACEHOLDERS = "ui.new."
"""The catalogue messages that name a new item before it has a name of its own."""


def slug(section: str, name: str) -> str:
    """The id ``name`` gives an item of ``section`` before a number makes it unique (``"Café & Cie!"``:
    ``caf-cie``; nothing left: the section's singular, ``objective``)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:48] or section.rstrip("s")


def first_words(name: str) -> str:
    """The first words of ``name``, accents dropped (``"Café des Arts"``: ``Cafe des Arts``)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(plain.split()[:NAME_WORDS])


def derived_id(audit: Audit, section: str, name: str) -> str:
    """A fresh id for an item of ``section`` named ``name``: its first words, accents dropped
    (``"Café des Arts"`` gives ``cafe-des-arts``)."""
    return audit.new_id(section, first_words(name))


def item_name(section: str, item: Any) -> str:
    """The name of an item of ``section`` (an objective: its statement)."""
    return str(getattr(item, NAME_FIELDS[section]))


def item_names(audit: Audit) -> dict[str, str]:
    """The name of every item with an id, by id (an objective: its statement)."""
    return {item.id: item_name(section, item) for section in NAME_FIELDS for item in getattr(audit, section)}


def placeholder_slugs(section: str) -> frozenset[str]:
    """The ids placeholder names give an item of ``section``, before a number makes them unique."""
    return _placeholder_slugs(section, languages())


@cache
def _placeholder_slugs(section: str, codes: tuple[str, ...]) -> frozenset[str]:
    texts = (
        catalogue(code).text(message_id)
        for code in codes
        for message_id in catalogue(code)
        if message_id.startswith(PLACEHOLDERS)
    )
    return frozenset({section.rstrip("s"), *(slug(section, first_words(text)) for text in texts)})


def from_placeholder(item_id: str, slugs: frozenset[str]) -> bool:
    """True when ``item_id`` is one of the placeholder ``slugs``, perhaps numbered (``nouveau-canal-2``)."""
    return re.sub(r"-\d+$", "", item_id) in slugs


def frozen(section: str, item: Any, slugs: frozenset[str]) -> bool:
    """True when the id of ``item`` was frozen from a placeholder name and the item now has a real name
    (one that is not a placeholder itself: "Nouveau canal 2" is not)."""
    name = slug(section, first_words(item_name(section, item)))
    return from_placeholder(item.id, slugs) and not from_placeholder(name, slugs)


def frozen_ids(audit: Audit) -> list[str]:
    """The ids :func:`rename_placeholder_ids` would rename."""
    found: list[str] = []
    for section in NAME_FIELDS:
        slugs = placeholder_slugs(section)
        found += [item.id for item in getattr(audit, section) if frozen(section, item, slugs)]
    return found


def rename_placeholder_ids(audit: Audit) -> dict[str, str]:
    """Give each item whose id was frozen from a placeholder name the id its real name gives, in place.

    Every reference follows: the ids other items refer to, the subjects of set-aside findings and those
    the roadmap's edits remember. An item still named by a placeholder keeps its id; a derived id
    already taken gets a number (:meth:`Audit.new_id`).

    Returns:
        The new id of each renamed item, by its old id.
    """
    renamed: dict[str, str] = {}
    for section in NAME_FIELDS:
        section_renamed: dict[str, str] = {}
        slugs = placeholder_slugs(section)
        for item in getattr(audit, section):
            if frozen(section, item, slugs):
                new_id = derived_id(audit, section, item_name(section, item))
                section_renamed[item.id] = new_id
                item.id = new_id
        for referring, field in REFERRING.get(section, ()):
            for holder in getattr(audit, referring):
                setattr(holder, field, [section_renamed.get(ref, ref) for ref in getattr(holder, field)])
        renamed |= section_renamed
    for entry in audit.commentary.set_aside:
        if entry.subject in renamed:
            entry.subject = renamed[entry.subject]
    for edit in audit.roadmap.edits:
        if edit.base is not None:
            edit.base.subjects = [renamed.get(subject, subject) for subject in edit.base.subjects]
    return renamed
