"""From a file's bytes to its text: refuse what is not text, and find the encoding it was written in.

A file that is UTF-8 except for a few lines (a line pasted from a Windows tool into a UTF-8 export) is
decoded line by line: the UTF-8 lines stay UTF-8, only the others are read as Windows-1252, and the
numbers of those lines are kept so that the preview can say which they were.
"""

from __future__ import annotations

import codecs
import json
import unicodedata
from dataclasses import dataclass

from auditkit.csv_import.errors import CsvImportError, position
from auditkit.locale import Message, msg

BINARY_SIGNATURES: tuple[tuple[bytes, Message], ...] = (
    (b"PK\x03\x04", msg("csv.error.xlsx")),
    (b"\xd0\xcf\x11\xe0", msg("csv.error.xls")),
    (b"%PDF", msg("csv.error.pdf")),
    (b"\x89PNG", msg("csv.error.png")),
    (b"\xff\xd8\xff", msg("csv.error.jpeg")),
    (b"GIF8", msg("csv.error.gif")),
    (b"\x1f\x8b", msg("csv.error.gzip")),
)
"""The first bytes of files people export instead of a CSV, and what to do about each."""

EMPTY = msg("csv.error.empty")
FALLBACK = "cp1252"
"""The codec of a line that is not UTF-8: Windows-1252, what Excel and older Windows tools write."""
_SAMPLE = 4096


@dataclass(frozen=True)
class DecodedText:
    """A file's text, the codec it was decoded with, and the lines read with the fallback codec."""

    text: str
    encoding: str
    """Python's name of the codec: ``utf-8``, ``utf-8-sig``, ``utf-16``, ``cp1252`` or ``latin-1``."""
    fallback_lines: tuple[int, ...] = ()
    """Lines (1 = the first) of a UTF-8 file that were not UTF-8 and were read as Windows-1252."""


def decode(data: bytes, name: str) -> DecodedText:
    """The text of a file: UTF-8 (line by line, see the module), UTF-16 (BOM), Windows-1252, Latin-1.

    Raises:
        CsvImportError: the file is empty, binary, or starts with a BOM its bytes contradict.
    """
    if not data.strip():
        raise CsvImportError(name, EMPTY)
    for signature, what in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise CsvImportError(name, what)
    if data.startswith(codecs.BOM_UTF8):
        return DecodedText(_decode_as(data[len(codecs.BOM_UTF8) :], "utf-8", name), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return DecodedText(_decode_as(data, "utf-16", name), "utf-16")
    if b"\x00" in data[:_SAMPLE]:
        raise CsvImportError(name, msg("csv.error.nul_bytes"))
    decoded = _decode_lines(data)
    sample = decoded.text[:_SAMPLE]
    controls = sum(1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\t\r\n")
    if controls > max(2, len(sample) // 100):
        raise CsvImportError(name, msg("csv.error.control_bytes"))
    return decoded


def _decode_lines(data: bytes) -> DecodedText:
    """UTF-8 where a line is UTF-8, Windows-1252 elsewhere; the whole file Windows-1252 when no line with
    accents is UTF-8."""
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    texts: list[str] = []
    fallback_lines: list[int] = []
    proves_utf8 = False
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            texts.append(line.decode("utf-8"))
            proves_utf8 = proves_utf8 or not line.isascii()
        except UnicodeDecodeError:
            texts.append(_single_byte(line)[0])
            fallback_lines.append(number)
    if not proves_utf8:
        return DecodedText(*_single_byte(data))
    return DecodedText("".join(texts), "utf-8", tuple(fallback_lines))


def _single_byte(data: bytes) -> tuple[str, str]:
    """``data`` as Windows-1252, or as Latin-1 when it holds a byte Windows-1252 leaves undefined; and
    the codec used."""
    try:
        return data.decode(FALLBACK), FALLBACK
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def is_json(text: str) -> bool:
    """Whether ``text`` is a whole JSON document."""
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _decode_as(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        problem = msg("csv.error.bad_bom", byte=position(error.start), encoding=encoding.upper())
        raise CsvImportError(name, problem) from None
