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
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from auditkit.errors import AuditFileError, AuditkitError, Problem, StaleWriteError
from auditkit.model import SCHEMA_VERSION, Audit

SUFFIX = ".audit.json"
SCHEMA_ID = "urn:auditkit:audit-file"

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
    """Validate the JSON text of an audit file (``path`` only names it in errors)."""
    path = Path(path)
    try:
        document = json.loads(text)
    except RecursionError:
        raise AuditFileError(
            path, [Problem("", "nested too deeply (expected an audit JSON object)")]
        ) from None
    except json.JSONDecodeError as error:
        reason = "the file is empty" if not text.strip() else f"not valid JSON: {error.msg}"
        raise AuditFileError(
            path,
            [Problem(f"line {error.lineno} column {error.colno}", f"{reason} (expected a JSON object)")],
        ) from None
    if not isinstance(document, dict):
        kind = type(document).__name__.replace("dict", "object").replace("list", "array")
        raise AuditFileError(path, [Problem("", f"the file holds a JSON {kind} (expected a JSON object)")])
    document = migrate(document, path)
    try:
        return Audit.model_validate(document)
    except ValidationError as error:
        raise AuditFileError(path, validation_problems(error)) from None


def migrate(document: dict[str, Any], path: Path | str = "<audit>") -> dict[str, Any]:
    """Bring a document of an older schema version up to :data:`SCHEMA_VERSION`."""
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise AuditFileError(
            path,
            [
                Problem(
                    "schema_version",
                    f"missing or not a positive whole number: {version!r} (expected {SCHEMA_VERSION})",
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
    """
    path = Path(path)
    with _folder_lock(path.parent):
        on_disk = _revision_on_disk(path)
        if on_disk is not None and on_disk != audit.revision:
            raise StaleWriteError(path, on_disk, audit.revision)
        saved = audit.model_copy(update={"revision": audit.revision + 1, "saved_at": _now()})
        _remove_stale_temporaries(path)
        _write_atomically(
            path, saved.model_dump_json(indent=2, exclude_none=True) + "\n", backup=on_disk is not None
        )
    audit.revision = saved.revision
    audit.saved_at = saved.saved_at
    return audit


def write_atomically(path: Path | str, content: str | bytes) -> Path:
    """Replace ``path`` with ``content`` (text is written as UTF-8) atomically, without backup or
    revision check.

    For derived outputs (reports, exports, schemas) that are regenerated, never edited.

    Raises:
        AuditkitError: the folder does not exist or cannot be written to.
    """
    path = Path(path)
    try:
        _write_atomically(path, content, backup=False)
    except (FileNotFoundError, PermissionError) as error:
        raise AuditkitError(f"{path}: cannot write here ({error.strerror})") from None
    return path


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
        location = ".".join(str(part) for part in item["loc"])
        if not location and item["type"] == "value_error":
            problems += _cross_reference_problems(str(item["ctx"].get("error", item["msg"])))
            continue
        try:
            message = _phrase(item)
        except Exception:
            message = f"{item['msg']} (see 'auditkit schema' for what is valid)"
        problems.append(Problem(location, message))
    return problems


def _cross_reference_problems(message: str) -> list[Problem]:
    problems = []
    for part in message.split("; "):
        location, _, what = part.partition(": ")
        problems.append(Problem(location, what) if what else Problem("", part))
    return problems


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
    if kind == "value_error":
        return str(ctx.get("error", item["msg"]))
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
        data = path.read_bytes()
    except FileNotFoundError:
        raise AuditFileError(
            path, [Problem("", "no such file (give the path of an existing .audit.json)")]
        ) from None
    except IsADirectoryError:
        raise AuditFileError(
            path, [Problem("", "is a folder (give the path of an .audit.json file)")]
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
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
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
