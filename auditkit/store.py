"""Audit files on disk: validated loading, schema migration, atomic saves that never lose work.

A save writes a temporary file in the target's folder, flushes it to disk and renames it over the
target, so a crash leaves either the old or the new file, never half of one. The previous version
is kept beside it as ``NAME.bak``. Each save increments ``Audit.revision``; saving a copy whose
revision no longer matches the file on disk raises :class:`StaleWriteError` instead of silently
overwriting somebody else's change.
"""

from __future__ import annotations

import contextlib
import difflib
import fcntl
import functools
import json
import math
import os
import re
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from auditkit.errors import AuditFileError, AuditkitError, Problem, StaleWriteError
from auditkit.model import SCHEMA_VERSION, Audit

SUFFIX = ".audit.json"
SCHEMA_ID = "urn:auditkit:audit-file"

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest audit file read; an audit of hundreds of channels is a few hundred kilobytes."""

MAX_DEPTH = 32
"""Deepest nesting of objects and arrays read; an audit file nests about eight levels."""

LARGEST_EXACT_INTEGER = 2**53 - 1
"""Largest whole number every JSON reader holds exactly; larger ones are refused."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _add_roadmap_section(document: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 -> 2: the consultant's roadmap edits get their own (empty) section."""
    return document | {"roadmap": document.get("roadmap", {})}


MIGRATIONS: dict[int, Migration] = {1: _add_roadmap_section}
"""``MIGRATIONS[n]`` turns a document of schema version ``n`` into one of version ``n + 1``."""


def load(path: Path | str) -> Audit:
    """Read, migrate and validate an audit file.

    Raises:
        AuditFileError: the file is missing, unreadable, not JSON, from a newer auditkit, or
            invalid; the error lists every problem with its field path.
    """
    path = Path(path)
    return parse(_read_text(path), path)


def parse(text: str, path: Path | str = "<audit>") -> Audit:
    """Validate the JSON text of an audit file (``path`` only names it in errors).

    The file is read as strict JSON: a key given twice, ``NaN``/``Infinity``, a number too large to
    be exact, or a value of the wrong JSON type (``"3"`` for a number, ``"yes"`` for true) is an error,
    never silently converted.
    """
    path = Path(path)
    try:
        document = _decode(text, path)
        document = migrate(document, path)
        return Audit.model_validate_json(json.dumps(document), strict=True)
    except RecursionError:
        raise AuditFileError(
            path, [Problem("", "nested too deeply (expected an audit JSON object)")]
        ) from None
    except ValidationError as error:
        raise AuditFileError(path, validation_problems(error)) from None


class _JSONObject(dict[str, Any]):
    """A decoded JSON object that remembers the keys it held more than once."""

    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> _JSONObject:
    decoded = _JSONObject(pairs)
    decoded.duplicates = [key for key, count in Counter(key for key, _ in pairs).items() if count > 1]
    return decoded


@dataclass(frozen=True)
class _BadNumber:
    """A number auditkit refuses (``NaN``, ``Infinity``, or too large), kept to be reported by its path."""

    token: str


def _integer(token: str) -> int | _BadNumber:
    digits = token.lstrip("-")
    if len(digits) > 16 or int(digits) > LARGEST_EXACT_INTEGER:
        return _BadNumber(token)
    return int(token)


def _real(token: str) -> float | _BadNumber:
    value = float(token)
    return value if math.isfinite(value) else _BadNumber(token)


def _decode(text: str, path: Path) -> dict[str, Any]:
    """The JSON object of ``text``, or every syntax-level problem (with its field path) in one error."""
    try:
        document = json.loads(
            text, object_pairs_hook=_object, parse_int=_integer, parse_float=_real, parse_constant=_BadNumber
        )
    except json.JSONDecodeError as error:
        reason = "the file is empty" if not text.strip() else f"not valid JSON: {error.msg}"
        raise AuditFileError(
            path,
            [Problem(f"line {error.lineno} column {error.colno}", f"{reason} (expected a JSON object)")],
        ) from None
    if not isinstance(document, dict):
        raise AuditFileError(
            path, [Problem("", f"the file holds {_json_kind(document)} (expected a JSON object)")]
        )
    problems = _literal_problems(document)
    if problems:
        raise AuditFileError(path, problems)
    return document


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, str):
        return "a JSON string"
    if isinstance(value, list):
        return "a JSON array"
    return "a JSON number"


def _literal_problems(document: dict[str, Any]) -> list[Problem]:
    """Keys given twice, refused numbers and too deep nesting anywhere in ``document``, in file order."""
    problems: list[Problem] = []
    pending: list[tuple[str, int, Any]] = [("", 0, document)]
    while pending:
        location, depth, value = pending.pop()
        if isinstance(value, _BadNumber):
            problems.append(Problem(location, _bad_number(value.token)))
        elif isinstance(value, dict | list) and depth >= MAX_DEPTH:
            problems.append(
                Problem(location, f"nested too deeply (audit files nest at most {MAX_DEPTH} levels)")
            )
        elif isinstance(value, dict):
            for key in getattr(value, "duplicates", ()):
                problems.append(
                    Problem(
                        _join(location, key),
                        f"the key '{key}' appears more than once in the same object "
                        "(keep one: JSON readers disagree on which one wins)",
                    )
                )
            pending += [(_join(location, key), depth + 1, item) for key, item in reversed(value.items())]
        elif isinstance(value, list):
            pending += [(_join(location, i), depth + 1, item) for i, item in reversed(list(enumerate(value)))]
    return problems


def _bad_number(token: str) -> str:
    if token in ("NaN", "Infinity", "-Infinity"):
        return f"{token} is not a number JSON allows (expected a finite number, e.g. 12.5)"
    shown = token if len(token) <= 24 else f"a {len(token.lstrip('-'))}-digit number"
    if any(mark in token for mark in ".eE"):
        return f"{shown} is too large (expected a finite number)"
    return f"{shown} is too large (expected a whole number of at most {LARGEST_EXACT_INTEGER})"


def _join(location: str, key: str | int) -> str:
    return f"{location}.{key}" if location else str(key)


def migrate(document: dict[str, Any], path: Path | str = "<audit>") -> dict[str, Any]:
    """Bring a document of an older schema version up to :data:`SCHEMA_VERSION`."""
    if "schema_version" not in document:
        raise AuditFileError(
            path,
            [
                Problem(
                    "schema_version", f'missing (add "schema_version": {SCHEMA_VERSION} for this auditkit)'
                )
            ],
        )
    version = document["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AuditFileError(
            path,
            [
                Problem(
                    "schema_version",
                    f"{_short(version)} is not a schema version "
                    f"(expected a whole number, {SCHEMA_VERSION} for this auditkit)",
                )
            ],
        )
    if version > SCHEMA_VERSION:
        raise AuditFileError(
            path,
            [
                Problem(
                    "schema_version",
                    f"the file was written by a newer auditkit (schema {version}); this one reads "
                    f"schema versions up to {SCHEMA_VERSION} (upgrade auditkit: pip install -U auditkit)",
                )
            ],
        )
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
        document["schema_version"] = version
    return document


def save(audit: Audit, path: Path | str) -> Audit:
    """Write ``audit`` to ``path`` atomically, keeping the previous version as ``path.bak``.

    On success ``audit.revision`` and ``audit.saved_at`` are updated in place and ``audit`` is
    returned.

    Raises:
        StaleWriteError: the file on disk is at another revision than the one ``audit`` was
            loaded from (somebody else saved in between). Nothing is written.
        AuditkitError: the folder does not exist or cannot be written to. Nothing is written.
    """
    path = Path(path)
    try:
        with _folder_lock(path.parent):
            on_disk = _revision_on_disk(path)
            if on_disk is not None and on_disk != audit.revision:
                raise StaleWriteError(path, on_disk, audit.revision)
            saved = audit.model_copy(update={"revision": audit.revision + 1, "saved_at": _now()})
            _remove_stale_temporaries(path)
            _write_atomically(
                path, saved.model_dump_json(indent=2, exclude_none=True) + "\n", backup=on_disk is not None
            )
    except OSError as error:
        raise _cannot_write(path, error) from None
    audit.revision = saved.revision
    audit.saved_at = saved.saved_at
    return audit


def write_atomically(path: Path | str, content: str | bytes) -> Path:
    """Replace ``path`` with ``content`` (text is written as UTF-8) atomically, without backup or
    revision check.

    For derived outputs (reports, exports, schemas) that are regenerated, never edited.

    Raises:
        AuditkitError: the folder does not exist, cannot be written to, or ``path`` is a folder.
    """
    path = Path(path)
    try:
        _write_atomically(path, content, backup=False)
    except OSError as error:
        raise _cannot_write(path, error) from None
    return path


def _cannot_write(path: Path, error: OSError) -> AuditkitError:
    return AuditkitError(f"{path}: cannot write here ({error.strerror or error})")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of audit files (draft 2020-12), for editors and other tools."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_ID}:{SCHEMA_VERSION}",
        **_model_schema(),
        "title": f"auditkit audit file (schema version {SCHEMA_VERSION})",
    }


def backup_path(path: Path | str) -> Path:
    """Where :func:`save` keeps the previous version of ``path``."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def validation_problems(error: ValidationError) -> list[Problem]:
    """One :class:`Problem` per pydantic error, phrased for a person, with what would be valid."""
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        location = ".".join(str(part) for part in item["loc"] if part != "[key]")
        if item["type"] == "value_error":
            problems += _located_problems(location, str(item["ctx"].get("error", item["msg"])))
            continue
        try:
            message = _phrase(item)
        except Exception:
            message = f"{item['msg']} (see 'auditkit schema' for what is valid)"
        problems.append(Problem(location, message))
    return problems


_LOCATED = re.compile(r"([\w.-]+): (.+)", re.DOTALL)


def _located_problems(location: str, message: str) -> list[Problem]:
    """A validator's message as problems; "path: what; path: what" names fields below ``location``."""
    parts = [_LOCATED.fullmatch(part) for part in message.split("; ")]
    if all(
        match and (not location or match[1] == location or match[1].startswith(f"{location}."))
        for match in parts
    ):
        return [Problem(match[1], match[2]) for match in parts if match]
    return [Problem(location, message)]


_EXPECTED = {
    "date": ("a date", "a date as YYYY-MM-DD"),
    "datetime": ("a date and time", "a date and time as YYYY-MM-DDTHH:MM:SS, with Z or an offset"),
    "int": ("a whole number", "a whole number"),
    "float": ("a number", "a number"),
    "bool": ("true or false", "true or false"),
    "string": ("text", "text in double quotes"),
    "list": ("a list", "a list: [...]"),
    "dict": ("an object", "an object: {...}"),
    "model": ("an object", "an object: {...}"),
}
_BOUNDS = {
    "greater_than_equal": ("too small", "at least {ge}"),
    "greater_than": ("too small", "more than {gt}"),
    "less_than_equal": ("too large", "at most {le}"),
    "less_than": ("too large", "less than {lt}"),
    "string_too_short": ("too short", "at least {min_length} character"),
    "string_too_long": ("too long", "at most {max_length} character"),
    "too_short": ("too short", "at least {min_length} item"),
    "too_long": ("too long", "at most {max_length} item"),
}


def _phrase(item: Any) -> str:
    kind, given, parts = item["type"], _short(item.get("input")), item["loc"]
    ctx = item.get("ctx") or {}
    node = _schema_at(parts)
    if kind == "missing":
        about = _description(node)
        return f"required field is missing (add it{': ' + about if about else ''})"
    if kind == "extra_forbidden":
        parent = _resolved(_schema_at(parts[:-1]))
        fields = ", ".join(parent.get("properties", {})) if parent else ""
        return f"unknown field '{parts[-1]}' (valid fields here: {fields or 'see auditkit schema'})"
    if kind in ("enum", "literal_error"):
        valid = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(item.get("input")), valid, n=1)
        suggestion = f"; did you mean '{close[0]}'?" if close else ""
        return f"{given} is not allowed (one of: {', '.join(valid)}{suggestion})"
    if kind == "string_pattern_mismatch":
        meaning = _description(node) or f"text matching {ctx.get('pattern')}"
        return f"{given} does not have the expected form ({meaning.rstrip('.')})"
    if kind == "finite_number":
        return (
            f"{given} is not a finite number (expected an ordinary number; NaN and Infinity are not allowed)"
        )
    if kind in _BOUNDS:
        what, valid = _BOUNDS[kind]
        limit = valid.format(**{key: _number(value) for key, value in ctx.items()})
        plural = "" if limit.endswith((" 1 character", " 1 item")) or not limit[-1].isalpha() else "s"
        about = _description(node).rstrip(".")
        return f"{given} is {what} (expected {limit}{plural}{': ' + about if about else ''})"
    family = kind.split("_")[0]
    if family in _EXPECTED:
        noun, expected = _EXPECTED[family]
        return f"{given} is not {noun} (expected {expected})"
    return f"{item['msg'][0].lower()}{item['msg'][1:]} (got {given})"


@functools.cache
def _model_schema() -> dict[str, Any]:
    return Audit.model_json_schema()


def _schema_at(parts: tuple[int | str, ...]) -> dict[str, Any] | None:
    """The JSON-schema node describing the field at ``parts``, or None when there is none."""
    node: dict[str, Any] | None = _model_schema()
    for part in parts:
        node = _resolved(node)
        if node is None:
            return None
        if isinstance(part, str) and part in node.get("properties", {}):
            node = node["properties"][part]
        elif isinstance(part, int) and "items" in node:
            node = node["items"]
        elif isinstance(node.get("additionalProperties"), dict):
            node = node["additionalProperties"]
        else:
            return None
    return node


def _resolved(node: dict[str, Any] | None) -> dict[str, Any] | None:
    while node is not None:
        if "$ref" in node:
            node = _model_schema()["$defs"].get(node["$ref"].rsplit("/", 1)[-1])
        elif "anyOf" in node:
            node = next((option for option in node["anyOf"] if option.get("type") != "null"), None)
        else:
            return node
    return None


def _description(node: dict[str, Any] | None) -> str:
    if node is None:
        return ""
    if node.get("description"):
        return str(node["description"])
    return next((str(o["description"]) for o in node.get("anyOf", []) if o.get("description")), "")


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str) if _is_json(value) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _is_json(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool | list | dict)


def _read_text(path: Path) -> str:
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise AuditFileError(path, [Problem("", "is a folder (give the path of an .audit.json file)")])
        if not stat.S_ISREG(status.st_mode):
            raise AuditFileError(
                path, [Problem("", "is not a regular file (give the path of an .audit.json file)")]
            )
        if status.st_size > MAX_FILE_BYTES:
            raise AuditFileError(
                path,
                [
                    Problem(
                        "",
                        f"is {status.st_size // 2**20} MiB, too large for an audit file "
                        f"(at most {MAX_FILE_BYTES // 2**20} MiB)",
                    )
                ],
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise AuditFileError(
            path, [Problem("", "no such file (give the path of an existing .audit.json)")]
        ) from None
    except OSError as error:
        raise AuditFileError(path, [Problem("", f"cannot be read: {error.strerror}")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AuditFileError(
            path, [Problem(f"byte {error.start}", "not UTF-8 text (audit files are UTF-8 JSON)")]
        ) from None


def _revision_on_disk(path: Path) -> int | None:
    """The revision of the file at ``path``: None if there is none, -1 if it cannot be read as an audit.

    Raises:
        AuditkitError: ``path`` is a folder, a device or a pipe, never to be replaced by an audit.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(mode):
        raise AuditkitError(
            f"{path}: is not a regular file; not overwritten (save the audit under a file name)"
        )
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return -1
    revision = document.get("revision", 0) if isinstance(document, dict) else -1
    return revision if isinstance(revision, int) else -1


def _write_atomically(path: Path, content: str | bytes, *, backup: bool) -> None:
    folder = path.parent
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, _file_mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            os.fsync(handle.fileno())
        if backup:
            _keep_backup(path)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _fsync_folder(folder)


def _file_mode(path: Path) -> int:
    """The permissions of the file being replaced, else those of a new file (umask applied)."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files an interrupted save of ``path`` left behind (caller holds the lock)."""
    prefix = f".{path.name}."
    for leftover in path.parent.iterdir():
        if leftover.name.startswith(prefix) and leftover.name.endswith(".tmp"):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def _keep_backup(path: Path) -> None:
    """Make ``path``'s current content the backup, atomically.

    When an interrupted save already made the backup a hard link to ``path``, renaming one link over
    the other does nothing (POSIX), so the temporary link is removed afterwards.
    """
    link = path.with_name(f".{path.name}.bak.tmp")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(link)
    os.link(path, link)
    os.replace(link, backup_path(path))
    with contextlib.suppress(FileNotFoundError):
        os.unlink(link)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
