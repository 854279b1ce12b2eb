"""The catalogues: every language has every message, with the same placeholders, and one name per concept."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from auditkit.locale import catalogue, languages
from auditkit.locale.catalogue import BUNDLED
from auditkit.locale.message import placeholders

LANGUAGES = languages()


def texts(lang: str) -> dict[str, tuple[str, ...]]:
    """Every message of ``lang``: its text, or its plural forms."""
    entries = catalogue(lang).entries
    return {key: entry.plurals or (entry.text,) for key, entry in entries.items()}


def test_the_bundled_languages_are_english_and_french() -> None:
    assert set(LANGUAGES) >= {"en", "fr"}


def test_every_language_has_the_same_files() -> None:
    files = {lang: sorted(p.name for p in (BUNDLED / lang).glob("*.po")) for lang in LANGUAGES}
    assert all(names == files["en"] for names in files.values()), files


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_no_catalogue_lacks_a_message_another_has(lang: str) -> None:
    english, other = set(texts("en")), set(texts(lang))
    assert not english - other, f"missing in {lang}: {sorted(english - other)}"
    assert not other - english, f"missing in en: {sorted(other - english)}"


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_each_message_has_the_same_placeholders_in_every_language(lang: str) -> None:
    english, other = texts("en"), texts(lang)
    differing = {
        key: (
            sorted(set().union(*map(placeholders, english[key]))),
            sorted(set().union(*map(placeholders, forms))),
        )
        for key, forms in other.items()
        if key in english
        and set().union(*map(placeholders, english[key])) != set().union(*map(placeholders, forms))
    }
    assert not differing, differing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_message_is_empty(lang: str) -> None:
    assert not [key for key, forms in texts(lang).items() if not all(form.strip() for form in forms)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_entries_are_plural_in_every_language(lang: str) -> None:
    english = {key for key, forms in texts("en").items() if len(forms) > 1}
    other = {key for key, forms in texts(lang).items() if len(forms) > 1}
    assert english == other


@pytest.mark.parametrize("path", sorted(BUNDLED.glob("*/*.po")), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_file_declares_its_locale_and_plural_rule(path: Path) -> None:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    headers = dict(catalog.mime_headers)
    assert headers.get("Language", "").split("_")[0] == path.parent.name
    assert "plural=" in headers.get("Plural-Forms", "")


_COMPLEMENT = {"de", "du", "des", "d", "of"}


def _name(text: str, *, loose: bool) -> str:
    """A short label as a name: case and the grammatical number of the label ignored.

    "Partie prenante" and "Parties prenantes" are one name; the number of a complement is part of the
    name ("Plan de contenu" and "Plan de contenus" are two). ``loose`` ignores accents and every
    number, which tells that two different names are one concept spelled two ways.
    """
    text = text.casefold()
    if loose:
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    words = re.findall(r"[^\W_]+", text)
    named = []
    for index, word in enumerate(words):
        complement = index and words[index - 1] in _COMPLEMENT
        named.append(word if complement and not loose else re.sub(r"(?<=..)(s|x)$", "", word))
    return " ".join(named)


def _labels(lang: str) -> dict[str, str]:
    """The messages that are short names (a few words, no placeholder, no sentence)."""
    return {
        key: forms[0]
        for key, forms in texts(lang).items()
        if len(forms) == 1
        and not placeholders(forms[0])
        and len(forms[0].split()) <= 4
        and not forms[0].rstrip().endswith((".", ":", "?", "!"))
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_name_per_concept(lang: str) -> None:
    """Two short names that differ only by accents or the number of an inner word name one concept twice."""
    spelled: dict[str, dict[str, str]] = defaultdict(dict)
    for key, text in _labels(lang).items():
        spelled[_name(text, loose=True)][_name(text, loose=False)] = key
    twice = {concept: forms for concept, forms in spelled.items() if len(forms) > 1}
    assert not twice, f"one concept spelled several ways in {lang}: {twice}"
