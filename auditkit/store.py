"""Audit files on disk: validated loading, schema migration, atomic saves that never lose work.

A save writes a temporary file in the target's folder, flushes it to disk and renames it over the
target, so a crash leaves either the old or the new file, never half of one. The previous version
is kept beside it as ``NAME.bak``. Each save increments ``Audit.revision``; saving a copy whose
revision no longer matches the file on disk raises :class:`StaleWriteError` instead of silently
overwriting somebody else's change.

Every write goes to a regular file or a new path: a folder, a device, a named pipe or a socket is
never replaced. A symbolic link is written through: its target gets the new content (and the
backup beside it), the link stays.
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

from auditkit.errors import AuditFileError, AuditkitError, InvalidValue, Problem, StaleWriteError
from auditkit.fileformat import SCHEMA_VERSION as SCHEMA_VERSION
from auditkit.fileformat import SUFFIX as SUFFIX
from auditkit.locale import Message, msg
from auditkit.model import Audit

SCHEMA_ID = "urn:auditkit:audit-file"
SCHEMA_LANGUAGE = "en"
"""The language of the JSON Schema's title and field descriptions."""
FIELD_MESSAGES = "store.field."
"""How the model's field descriptions start: they are message ids of the catalogue."""

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


def _obstacles_as_objects(document: dict[str, Any]) -> dict[str, Any]:
    """Schema 2 -> 3: each strategy obstacle, a plain text, becomes an object ``{"text": ...}``."""
    strategy = document.get("strategy")
    if not isinstance(strategy, dict) or not isinstance(strategy.get("obstacles"), list):
        return document
    obstacles = [{"text": o} if isinstance(o, str) else o for o in strategy["obstacles"]]
    return document | {"strategy": strategy | {"obstacles": obstacles}}


MIGRATIONS: dict[int, Migration] = {1: _add_roadmap_section, 2: _obstacles_as_objects}
"""``MIGRATIONS[n]`` turns a document of schema version ``n`` into one of version ``n + 1``."""


def load(path: Path | str) -> Audit:
    """Read, migrate and validate an audit file.

    Raises:
        AuditFileError: the file is missing, unreadable, not JSON, from a newer auditkit, or
            invalid; the error lists every problem with its field path.
    """
    path = Path(path)
    _recover(Path(os.path.realpath(path)))
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
        raise AuditFileError(path, [Problem("", msg("store.problem.nested_too_deeply"))]) from None
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
        where = msg("store.location.line", line=str(error.lineno), column=str(error.colno))
        what = msg("store.problem.not_json", reason=error.msg) if text.strip() else msg("store.problem.empty")
        raise AuditFileError(path, [Problem(where, what)]) from None
    if not isinstance(document, dict):
        raise AuditFileError(path, [Problem("", msg("store.problem.not_object", kind=_json_kind(document)))])
    problems = _literal_problems(document)
    if problems:
        raise AuditFileError(path, problems)
    return document


def _json_kind(value: Any) -> Message:
    if value is None:
        return msg("store.json.null")
    if isinstance(value, bool):
        return msg("store.json.boolean")
    if isinstance(value, str):
        return msg("store.json.string")
    if isinstance(value, list):
        return msg("store.json.array")
    return msg("store.json.number")


def _literal_problems(document: dict[str, Any]) -> list[Problem]:
    """Keys given twice, refused numbers and too deep nesting anywhere in ``document``, in file order."""
    problems: list[Problem] = []
    pending: list[tuple[str, int, Any]] = [("", 0, document)]
    while pending:
        location, depth, value = pending.pop()
        if isinstance(value, _BadNumber):
            problems.append(Problem(location, _bad_number(value.token)))
        elif isinstance(value, dict | list) and depth >= MAX_DEPTH:
            problems.append(Problem(location, msg("store.problem.nesting_limit", limit=str(MAX_DEPTH))))
        elif isinstance(value, dict):
            for key in getattr(value, "duplicates", ()):
                problems.append(Problem(_join(location, key), msg("store.problem.duplicate_key", key=key)))
            pending += [(_join(location, key), depth + 1, item) for key, item in reversed(value.items())]
        elif isinstance(value, list):
            pending += [(_join(location, i), depth + 1, item) for i, item in reversed(list(enumerate(value)))]
    return problems


def _bad_number(token: str) -> Message:
    if token in ("NaN", "Infinity", "-Infinity"):
        return msg("store.problem.not_a_json_number", token=token)
    shown = token if len(token) <= 24 else msg("store.json.digits", digits=str(len(token.lstrip("-"))))
    if any(mark in token for mark in ".eE"):
        return msg("store.problem.too_large_number", number=shown)
    return msg("store.problem.too_large_integer", number=shown, limit=str(LARGEST_EXACT_INTEGER))


def _join(location: str, key: str | int) -> str:
    return f"{location}.{key}" if location else str(key)


def migrate(document: dict[str, Any], path: Path | str = "<audit>") -> dict[str, Any]:
    """Bring a document of an older schema version up to :data:`SCHEMA_VERSION`."""
    supported = str(SCHEMA_VERSION)
    if "schema_version" not in document:
        problem = msg("store.problem.schema_version_missing", version=supported)
        raise AuditFileError(path, [Problem("schema_version", problem)])
    version = document["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problem = msg("store.problem.schema_version_invalid", given=_short(version), version=supported)
        raise AuditFileError(path, [Problem("schema_version", problem)])
    if version > SCHEMA_VERSION:
        problem = msg("store.problem.schema_version_newer", given=str(version), version=supported)
        raise AuditFileError(path, [Problem("schema_version", problem)])
    while version < SCHEMA_VERSION:
        document = MIGRATIONS[version](document)
        version += 1
        document["schema_version"] = version
    return document


def save(audit: Audit, path: Path | str) -> Audit:
    """Write ``audit`` to ``path`` atomically, keeping the previous version as ``path.bak``.

    Through a symbolic link, the link's target is written (and its backup kept beside it). On
    success ``audit.revision`` and ``audit.saved_at`` are updated in place and ``audit`` is returned.

    Raises:
        StaleWriteError: the file on disk is at another revision than the one ``audit`` was
            loaded from (somebody else saved in between). Nothing is written.
        AuditkitError: the folder does not exist or cannot be written to, or ``path`` (or its
            backup) is a folder, a device, a pipe or a socket. Nothing is written.
    """
    path = Path(path)
    target = check_replaceable(path)
    try:
        with _folder_lock(target.parent):
            _finish_interrupted_save(target)
            on_disk = _revision_on_disk(target)
            if on_disk is not None and on_disk != audit.revision:
                raise StaleWriteError(path, on_disk, audit.revision, _stale(path, on_disk, audit.revision))
            if on_disk is not None:
                check_replaceable(backup_path(target))
            saved = audit.model_copy(update={"revision": audit.revision + 1, "saved_at": _now()})
            _remove_stale_temporaries(target)
            _write_atomically(
                target, saved.model_dump_json(indent=2, exclude_none=True) + "\n", backup=on_disk is not None
            )
    except OSError as error:
        raise _cannot_write(path, error) from None
    audit.revision = saved.revision
    audit.saved_at = saved.saved_at
    return audit


def write_atomically(path: Path | str, content: str | bytes) -> Path:
    """Replace ``path`` with ``content`` (text is written as UTF-8) atomically, without backup or
    revision check; through a symbolic link, the link's target is replaced.

    For derived outputs (reports, exports, schemas) that are regenerated, never edited.

    Raises:
        AuditkitError: the folder does not exist or cannot be written to, or ``path`` is a folder,
            a device, a pipe or a socket (never replaced).
    """
    path = Path(path)
    target = check_replaceable(path)
    try:
        _write_atomically(target, content, backup=False)
    except OSError as error:
        raise _cannot_write(path, error) from None
    return path


def check_replaceable(path: Path | str) -> Path:
    """Where a write to ``path`` goes (symbolic links resolved), after checking that it may go there.

    A regular file may be replaced, and a new path created; anything else that exists is refused.

    Raises:
        AuditkitError: ``path`` (or the target of its link) is a folder, a device, a named pipe or a
            socket; the message names it and what it is.
    """
    path = Path(path)
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return target
    except OSError as error:
        raise _cannot_write(path, error) from None
    if stat.S_ISREG(mode):
        return target
    kind = file_kind(mode)
    if path.is_symlink():
        raise AuditkitError(
            msg("files.error.link_not_regular", path=str(path), target=str(target), kind=kind)
        )
    raise AuditkitError(msg("files.error.not_regular", path=str(path), kind=kind))


_KINDS = {
    stat.S_IFDIR: "files.kind.folder",
    stat.S_IFCHR: "files.kind.character_device",
    stat.S_IFBLK: "files.kind.block_device",
    stat.S_IFIFO: "files.kind.pipe",
    stat.S_IFSOCK: "files.kind.socket",
    stat.S_IFREG: "files.kind.regular",
    stat.S_IFLNK: "files.kind.link",
}


def file_kind(mode: int) -> Message:
    """What a file of mode ``mode`` (``st_mode``) is, in words: a folder, a named pipe, a device..."""
    return msg(_KINDS.get(stat.S_IFMT(mode), "files.kind.other"))


def _stale(path: Path, on_disk: int, based_on: int) -> Message:
    found = (
        msg("store.stale.unreadable") if on_disk < 0 else msg("store.stale.revision", revision=str(on_disk))
    )
    return msg("store.error.stale", path=str(path), on_disk=found, based_on=str(based_on))


def _cannot_write(path: Path, error: OSError) -> AuditkitError:
    return AuditkitError(msg("store.error.cannot_write", path=str(path), reason=str(error.strerror or error)))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of audit files (draft 2020-12), for editors and other tools."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_ID}:{SCHEMA_VERSION}",
        **_described(_model_schema()),
        "title": msg("store.schema.title", version=str(SCHEMA_VERSION))(SCHEMA_LANGUAGE),
    }


def _described(node: Any) -> Any:
    """``node`` with every field description (a ``store.field.*`` message id) written in words."""
    if isinstance(node, list):
        return [_described(item) for item in node]
    if not isinstance(node, dict):
        return node
    described = {key: _described(value) for key, value in node.items()}
    about = _field_message(node)
    if about is not None:
        described["description"] = about(SCHEMA_LANGUAGE)
    return described


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
            problems += _validator_problems(location, (item.get("ctx") or {}).get("error", item["msg"]))
            continue
        try:
            message = _phrase(item)
        except Exception:
            message = msg("store.problem.unphrased", reason=item["msg"])
        problems.append(Problem(location, message))
    return problems


def _validator_problems(location: str, error: object) -> list[Problem]:
    """A model validator's problems; those that name a field below ``location`` keep their own place."""
    if not isinstance(error, InvalidValue):
        return [Problem(location, str(error))]
    return [
        problem
        if isinstance(problem.location, str)
        and problem.location
        and (not location or problem.location == location or problem.location.startswith(f"{location}."))
        else Problem(location, problem.what)
        for problem in error.problems
    ]


_EXPECTED = ("date", "datetime", "int", "float", "bool", "string", "list", "dict", "model")
"""The value kinds pydantic names in its error types (``date_parsing``, ``int_type``...) that have words."""

_BOUNDS: dict[str, tuple[str, str, str]] = {
    "greater_than_equal": ("too_small", "at_least", "ge"),
    "greater_than": ("too_small", "more_than", "gt"),
    "less_than_equal": ("too_large", "at_most", "le"),
    "less_than": ("too_large", "less_than", "lt"),
    "string_too_short": ("too_short", "at_least_characters", "min_length"),
    "string_too_long": ("too_long", "at_most_characters", "max_length"),
    "too_short": ("too_short", "at_least_items", "min_length"),
    "too_long": ("too_long", "at_most_items", "max_length"),
}
"""Pydantic's bound errors: what the value is, the limit's wording, and the context key holding it."""


def _phrase(item: Any) -> Message:
    kind, given, parts = item["type"], _short(item.get("input")), item["loc"]
    ctx = item.get("ctx") or {}
    about = _field_message(_schema_at(parts))
    if kind == "missing":
        return msg("store.problem.missing_about", about=about) if about else msg("store.problem.missing")
    if kind == "extra_forbidden":
        parent = _resolved(_schema_at(parts[:-1]))
        fields = ", ".join(parent.get("properties", {})) if parent else ""
        if not fields:
            return msg("store.problem.unknown_field_elsewhere", field=str(parts[-1]))
        return msg("store.problem.unknown_field", field=str(parts[-1]), fields=fields)
    if kind in ("enum", "literal_error"):
        valid = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(item.get("input")), valid, n=1)
        if close:
            return msg("store.problem.not_allowed_close", given=given, valid=", ".join(valid), close=close[0])
        return msg("store.problem.not_allowed", given=given, valid=", ".join(valid))
    if kind == "string_pattern_mismatch":
        if about:
            return msg("store.problem.pattern_about", given=given, about=about)
        return msg("store.problem.pattern", given=given, pattern=str(ctx.get("pattern")))
    if kind == "finite_number":
        return msg("store.problem.not_finite", given=given)
    if kind in _BOUNDS:
        what, wording, key = _BOUNDS[kind]
        limit = _number(ctx[key])
        expected = msg(f"store.limit.{wording}", limit=str(limit), count=limit)
        values = {"given": given, "what": msg(f"store.bound.{what}"), "limit": expected}
        return (
            msg("store.problem.bound_about", about=about, **values)
            if about
            else msg("store.problem.bound", **values)
        )
    family = kind.split("_")[0]
    if family in _EXPECTED:
        return msg(
            "store.problem.wrong_kind",
            given=given,
            kind=msg(f"store.kind.{family}"),
            expected=msg(f"store.kind.{family}.expected"),
        )
    return msg("store.problem.other", reason=f"{item['msg'][0].lower()}{item['msg'][1:]}", given=given)


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


def _field_message(node: dict[str, Any] | None) -> Message | None:
    """The catalogue description of the field ``node`` describes, if it has one."""
    if node is None:
        return None
    descriptions = [node.get("description"), *(option.get("description") for option in node.get("anyOf", []))]
    return next(
        (msg(text) for text in descriptions if isinstance(text, str) and text.startswith(FIELD_MESSAGES)),
        None,
    )


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
            raise AuditFileError(path, [Problem("", msg("store.problem.folder"))])
        if not stat.S_ISREG(status.st_mode):
            raise AuditFileError(path, [Problem("", msg("store.problem.not_regular"))])
        if status.st_size > MAX_FILE_BYTES:
            size, limit = str(status.st_size // 2**20), str(MAX_FILE_BYTES // 2**20)
            raise AuditFileError(path, [Problem("", msg("store.problem.too_big", size=size, limit=limit))])
        data = path.read_bytes()
    except FileNotFoundError:
        raise AuditFileError(path, [Problem("", msg("store.problem.no_file"))]) from None
    except OSError as error:
        problem = msg("store.problem.unreadable", reason=str(error.strerror))
        raise AuditFileError(path, [Problem("", problem)]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        where = msg("store.location.byte", offset=str(error.start))
        raise AuditFileError(path, [Problem(where, msg("store.problem.not_utf8"))]) from None


def _revision_on_disk(path: Path) -> int | None:
    """The revision of the regular file at ``path``: None if there is none, -1 if it cannot be read
    as an audit."""
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError):
        return -1
    revision = document.get("revision", 0) if isinstance(document, dict) else -1
    return revision if isinstance(revision, int) else -1


def _write_atomically(path: Path, content: str | bytes, *, backup: bool) -> None:
    """Replace the regular file (or new path) ``path`` with ``content``; with ``backup``, the current
    file becomes ``path.bak``.

    The order makes a kill at any point harmless: the new content is complete on disk before it gets
    the name; the current file gets a second, hidden name (:func:`_pending_backup`) before the new one
    takes its place, and only then becomes the backup. A kill between those two renames leaves the
    previous version under the hidden name, where the next load or save of the file finishes the job
    (:func:`_finish_interrupted_save`): the backup is never the new version, never lost.
    """
    folder = path.parent
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, _file_mode(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            os.fsync(handle.fileno())
        if backup:
            os.link(path, _pending_backup(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if backup:
            with contextlib.suppress(OSError):
                _finish_interrupted_save(path)
        raise
    if backup:
        _pending_becomes_backup(path)
    _fsync_folder(folder)


def _pending_backup(path: Path) -> Path:
    """The hidden second name the current version of ``path`` gets while a save replaces it."""
    return path.with_name(f".{path.name}.bak.pending")


def _pending_becomes_backup(path: Path) -> None:
    """Rename the pending backup of ``path`` over its backup.

    When the backup already is another name of the same file (hard-linked by hand, or by a crash of an
    earlier auditkit), renaming does nothing (POSIX), so the pending name is removed afterwards.
    """
    pending = _pending_backup(path)
    os.replace(pending, backup_path(path))
    with contextlib.suppress(FileNotFoundError):
        pending.unlink()


def _recover(path: Path) -> None:
    """Finish a save of ``path`` that was killed midway, if there was one and the folder allows it."""
    if not os.path.lexists(_pending_backup(path)):
        return
    with contextlib.suppress(OSError), _folder_lock(path.parent):
        _finish_interrupted_save(path)


def _finish_interrupted_save(path: Path) -> None:
    """Put the backup of a save of ``path`` that was killed midway in place (caller holds the lock).

    A pending backup that is still the file itself (killed before the new version took its place) is
    dropped; one that is not (killed after) is the previous version, and becomes the backup.
    """
    pending = _pending_backup(path)
    try:
        kept = pending.lstat()
    except FileNotFoundError:
        return
    try:
        current: os.stat_result | None = path.stat()
    except FileNotFoundError:
        current = None
    if current is not None and os.path.samestat(kept, current):
        pending.unlink()
    else:
        _pending_becomes_backup(path)


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
