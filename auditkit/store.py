"""Audit files on disk: validated loading, schema migration, atomic saves that never lose work.

A save writes a temporary file in the target's folder, flushes it to disk and renames it over the
target, so a crash leaves either the old or the new file, never half of one. The previous version
is kept beside it as ``NAME.bak``. Each save increments ``Audit.revision``; saving a copy whose
revision no longer matches the file on disk raises :class:`StaleWriteError` instead of silently
overwriting somebody else's change.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from auditkit.errors import AuditFileError, Problem, StaleWriteError
from auditkit.model import SCHEMA_VERSION, Audit

SUFFIX = ".audit.json"

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}
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
                    f"schemas 1 to {SCHEMA_VERSION} (upgrade auditkit: pip install -U auditkit)",
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
        _write_atomically(
            path, saved.model_dump_json(indent=2, exclude_none=True) + "\n", backup=on_disk is not None
        )
    audit.revision = saved.revision
    audit.saved_at = saved.saved_at
    return audit


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
        problems.append(Problem(location, _phrase(item, location)))
    return problems


def _cross_reference_problems(message: str) -> list[Problem]:
    problems = []
    for part in message.split("; "):
        location, _, what = part.partition(": ")
        problems.append(Problem(location, what) if what else Problem("", part))
    return problems


def _phrase(item: Any, location: str) -> str:
    kind, given = item["type"], _short(item.get("input"))
    ctx = item.get("ctx") or {}
    if kind == "missing":
        return "required field is missing (add it)"
    if kind == "extra_forbidden":
        valid = _fields_at(location.rsplit(".", 1)[0] if "." in location else "")
        return f"unknown field (valid fields here: {valid})"
    if kind == "enum":
        return f"{given} is not allowed (one of: {ctx.get('expected', '').replace(chr(39), '')})"
    if kind == "value_error":
        return str(ctx.get("error", item["msg"]))
    return f"{item['msg'][0].lower()}{item['msg'][1:]} (got {given})"


def _fields_at(location: str) -> str:
    model: type[BaseModel] | None = Audit
    for part in location.split(".") if location else []:
        if part.isdigit() or model is None:
            continue
        field = model.model_fields.get(part)
        model = _model_in(field.annotation) if field else None
    return ", ".join(model.model_fields) if model else "see 'auditkit schema'"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found:
            return found
    return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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


def _write_atomically(path: Path, text: str, *, backup: bool) -> None:
    folder = path.parent
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
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


def _keep_backup(path: Path) -> None:
    link = path.with_name(f".{path.name}.bak.tmp")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(link)
    os.link(path, link)
    os.replace(link, backup_path(path))


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
