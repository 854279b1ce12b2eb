"""From a file's bytes to its text: refuse what is not text, and find the encoding it was written in."""

from __future__ import annotations

import codecs
import json
import unicodedata

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
_SAMPLE = 4096


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of a file and the codec it was decoded with: UTF-8, UTF-16 (BOM), Windows-1252, Latin-1.

    Raises:
        CsvImportError: the file is empty, binary, or starts with a BOM its bytes contradict.
    """
    if not data.strip():
        raise CsvImportError(name, EMPTY)
    for signature, what in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise CsvImportError(name, what)
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data[len(codecs.BOM_UTF8) :], "utf-8", name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, "utf-16", name), "utf-16"
    if b"\x00" in data[:_SAMPLE]:
        raise CsvImportError(name, msg("csv.error.nul_bytes"))
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
    sample = text[:_SAMPLE]
    controls = sum(1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\t\r\n")
    if controls > max(2, len(sample) // 100):
        raise CsvImportError(name, msg("csv.error.control_bytes"))
    return text, encoding


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
