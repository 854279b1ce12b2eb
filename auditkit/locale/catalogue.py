"""The message catalogues: one per language, gettext ``.po`` files keyed by stable message ids.

A language is a folder of ``.po`` files named by its code (``en``, ``fr``): the bundled ones beside this
module, and any folder listed in the ``AUDITKIT_CATALOGUES`` environment variable (``os.pathsep``
separated), so that a language is added by adding files. Each file's ``Language`` header names the CLDR
locale its numbers and dates are written in (``en_GB``, ``fr_FR``). A message whose text depends on a
number is a gettext plural entry, chosen by its ``count`` parameter.
"""

from __future__ import annotations

import gettext
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from auditkit.errors import AuditkitError

BUNDLED = Path(__file__).parent / "catalogues"
GETTEXT_PLURALS = {"fr": (2, "(n > 1)"), "en": (2, "(n != 1)")}
"""The plural rule gettext's own tables give, where CLDR's has forms translators never need (French millions)."""
ENVIRONMENT = "AUDITKIT_CATALOGUES"


class UnknownLanguageError(AuditkitError, ValueError):
    """A language was asked for that no catalogue provides."""


class MissingMessageError(AuditkitError, KeyError):
    """A message id is missing from a language's catalogue."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Entry:
    """One message of a catalogue: its text, or its plural forms and how to choose among them."""

    id: str
    text: str
    plurals: tuple[str, ...] = ()


class Catalogue:
    """Every message of one language, read from its ``.po`` files."""

    def __init__(self, code: str, folders: list[Path]) -> None:
        self.code = code
        self.locale = ""
        self.entries: dict[str, Entry] = {}
        self.sources: dict[str, Path] = {}
        self._plural = gettext.c2py("n != 1")
        for folder in folders:
            for path in sorted(folder.glob("*.po")):
                headers, entries = read_po_file(path)
                self.locale = self.locale or headers.get("Language", "") or code
                forms = headers.get("Plural-Forms", "")
                if "plural=" in forms:
                    self._plural = gettext.c2py(forms.split("plural=", 1)[1].strip().rstrip(";"))
                for entry in entries:
                    if entry.id in self.entries:
                        raise ValueError(f"{path}: message {entry.id!r} is also in {self.sources[entry.id]}")
                    self.entries[entry.id] = entry
                    self.sources[entry.id] = path

    def text(self, message_id: str, count: float | None = None) -> str:
        """The text of ``message_id``; for a plural entry, the form ``count`` asks for.

        Raises:
            MissingMessageError: the catalogue has no such message, or its text is empty.
        """
        entry = self.entries.get(message_id)
        if entry is None or not (entry.plurals or entry.text):
            raise MissingMessageError(f"the {self.code!r} catalogue has no message {message_id!r}")
        if not entry.plurals:
            return entry.text
        index = self._plural(int(abs(count))) if count is not None else len(entry.plurals) - 1
        return entry.plurals[min(index, len(entry.plurals) - 1)]

    def __contains__(self, message_id: object) -> bool:
        return message_id in self.entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")
_LINE = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[(\d+)\])?)?\s*"(.*)"\s*$')


def read_po_file(path: Path) -> tuple[dict[str, str], list[Entry]]:
    """The headers and entries of a gettext ``.po`` file (comments, flags and obsolete entries skipped).

    A plain reader of the subset of the format the catalogues use, quicker than a general one:
    it is what keeps ``auditkit --version`` quick.

    Raises:
        ValueError: a line is not part of the ``.po`` format, with the file and line number.
    """
    fields: list[dict[str, str]] = []
    current: dict[str, str] = {}
    key = ""
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            match = _LINE.match(line)
            if match is None:
                raise ValueError(f"{path}:{number}: not a line of a .po file: {line[:60]!r}")
            keyword, index, text = match.groups()
            if keyword:
                if keyword == "msgid" and current:
                    fields.append(current)
                    current = {}
                key = f"msgstr[{index}]" if index is not None else keyword
            current[key] = current.get(key, "") + _ESCAPE.sub(lambda m: _ESCAPES.get(m[1], m[0]), text)
    if current:
        fields.append(current)
    headers: dict[str, str] = {}
    entries = []
    for entry in fields:
        if not entry.get("msgid"):
            pairs = (line.split(":", 1) for line in entry.get("msgstr", "").splitlines() if ":" in line)
            headers = {name.strip(): value.strip() for name, value in pairs}
        elif "msgid_plural" in entry:
            forms = tuple(entry[name] for name in sorted(entry) if name.startswith("msgstr["))
            entries.append(Entry(entry["msgid"], forms[0] if forms else "", forms))
        else:
            entries.append(Entry(entry["msgid"], entry.get("msgstr", "")))
    return headers, entries


def _folders() -> dict[str, list[Path]]:
    roots = [BUNDLED, *(Path(p) for p in os.environ.get(ENVIRONMENT, "").split(os.pathsep) if p)]
    found: dict[str, list[Path]] = {}
    for root in roots:
        if root.is_dir():
            for folder in sorted(root.iterdir()):
                if folder.is_dir() and any(folder.glob("*.po")):
                    found.setdefault(folder.name, []).append(folder)
    return found


def languages() -> tuple[str, ...]:
    """The codes of every language a catalogue provides, sorted."""
    return tuple(sorted(_folders()))


@cache
def _catalogue(code: str, roots: str) -> Catalogue:
    folders = _folders().get(code)
    if not folders:
        raise unknown_language(code)
    return Catalogue(code, folders)


def unknown_language(code: str) -> UnknownLanguageError:
    """The error for a language no catalogue provides, naming the ones that exist."""
    from auditkit.locale.message import msg

    return UnknownLanguageError(
        msg("core.error.unknown_language", language=repr(code), valid=", ".join(languages()))
    )


def catalogue(code: str) -> Catalogue:
    """The catalogue of language ``code``, read once.

    Raises:
        UnknownLanguageError: no catalogue has that code.
    """
    return _catalogue(str(code), os.environ.get(ENVIRONMENT, ""))


def write_po(entries: dict[str, str | tuple[str, ...]], locale: str, stream: io.BufferedIOBase) -> None:
    """Write ``entries`` (id to text, or to plural forms) as a ``.po`` file for CLDR ``locale``."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po as babel_write_po

    catalog = Catalog(locale=locale, project="auditkit", charset="utf-8", fuzzy=False)
    if catalog.locale is not None and catalog.locale.language in GETTEXT_PLURALS:
        plurals, expression = GETTEXT_PLURALS[catalog.locale.language]
        vars(catalog).update(_num_plurals=plurals, _plural_expr=expression)
    for key, text in entries.items():
        catalog.add((key, key) if isinstance(text, tuple) else key, text)
    babel_write_po(stream, catalog, width=110, omit_header=False, sort_output=False)
