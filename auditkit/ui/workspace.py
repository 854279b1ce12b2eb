"""What a person types as a file name in a widget: a name of a file in the workspace folder, never a path.

The notebooks and ``auditkit app`` serve one folder, the workspace. Every widget that takes a file name
(open or create an audit, export the roadmap or the report, the page's address in the app) turns what
was typed into a path with :func:`workspace_path`, which refuses anything that would reach another
folder: a separator (so ``..`` and absolute paths), a control character, or a name that is a link
leading out of the folder. Nothing is created or written before that check.

The workspace also keeps the consultant's preferences (:func:`preferences`, :func:`remember`): the name
given to new audits and whether the notebooks are shown in presentation mode.

A widget's message about a file names it by its name, never by its path on the server (:func:`error_text`);
the command line keeps paths.
"""

from __future__ import annotations

import contextlib
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from auditkit import store
from auditkit.errors import AuditkitError
from auditkit.locale import Message, msg

PREFERENCES = Path(".auditkit") / "preferences.json"
"""The consultant's preferences, in the workspace folder."""

NAME_LIMIT = 255
"""Bytes a file name may hold (the limit of common file systems)."""
SEPARATORS = ("/", "\\")
"""Characters that make a name a path, on POSIX or Windows."""
PATH_VALUES = ("path", "target")
"""The values of a message about a file that hold a path (``target``: where a link leads)."""


def shown(typed: str) -> str:
    """``typed`` as a message quotes it: control characters written as escapes, so they are visible."""
    return "".join(
        char.encode("unicode_escape").decode("ascii") if unicodedata.category(char) == "Cc" else char
        for char in typed
    )


def is_plain_name(name: str) -> bool:
    """True for one file name: no separator, not ``.`` or ``..``, no control character."""
    return (
        name not in ("", ".", "..")
        and not any(separator in name for separator in SEPARATORS)
        and not any(unicodedata.category(char) == "Cc" for char in name)
    )


def workspace_path(folder: Path, typed: str, suffix: str = "") -> Path:
    """The file of ``folder`` that ``typed`` names, with ``suffix`` appended when the name lacks it.

    Args:
        folder: the workspace folder.
        typed: what the person typed (surrounding spaces ignored).
        suffix: the extension the file must have, e.g. ``".html"``.

    Raises:
        AuditkitError: ``typed`` is empty, is a path rather than a name, is too long, or names a link
            that leads outside ``folder``; the message quotes what was typed and says what is valid.
    """
    name = typed.strip()
    where = folder.resolve()
    if not name:
        raise AuditkitError(msg("workspace.empty", folder=where.name))
    if not is_plain_name(name):
        raise AuditkitError(msg("workspace.not_a_name", typed=shown(typed), folder=where.name))
    if suffix and not name.endswith(suffix):
        name += suffix
    size = len(name.encode("utf-8", "surrogateescape"))
    if size > NAME_LIMIT:
        raise AuditkitError(msg("workspace.too_long", typed=shown(typed), size=size, limit=NAME_LIMIT))
    path = folder / name
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        target = where.parent
    if target == where or not target.is_relative_to(where):
        raise AuditkitError(msg("workspace.outside", typed=shown(typed), folder=where.name))
    return path


def error_text(error: Exception, language: str) -> str:
    """What ``error`` says in ``language``, each file it names by the file's name, not its path on the server."""
    if isinstance(error, AuditkitError):
        text = error.text(language)
    elif isinstance(error, OSError) and error.filename:
        text = msg("ui.error.file", path=str(error.filename), reason=error.strerror or str(error))(language)
    else:
        text = str(error)
    for path in sorted(_paths(error), key=len, reverse=True):
        text = text.replace(path, Path(path).name)
    return text


def _paths(error: BaseException) -> set[str]:
    """The paths of the files ``error`` names (its cause's too), those that are more than a name."""
    found = {str(getattr(error, name, None) or "") for name in ("path", "filename", "filename2")}
    for message in (*error.args, getattr(error, "message", None)):
        if isinstance(message, Message):
            found |= {str(message.params[key]) for key in PATH_VALUES if key in message.params}
    cause = getattr(error, "cause", None)
    if isinstance(cause, BaseException):
        found |= _paths(cause)
    return {path for path in found if Path(path).name and Path(path).name != path}


def export_name(client: str, kind: str, language: str) -> str:
    """The name proposed for an export of the audit of ``client``: ``café-des-arts-lyon-rapport`` for the
    report of a French audit. Letters keep their accents; ``kind`` names the export (``report``, ``roadmap``)
    through the message ``ui.export.<kind>``, in ``language``."""
    words = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFC", client).casefold()).strip("-")
    return f"{words or 'audit'}-{msg(f'ui.export.{kind}')(language)}"


def preferences(folder: Path) -> dict[str, Any]:
    """The preferences kept in the workspace ``folder`` (empty when none were kept or the file is unreadable)."""
    with contextlib.suppress(OSError, ValueError):
        kept = json.loads((folder / PREFERENCES).read_text(encoding="utf-8"))
        if isinstance(kept, dict):
            return kept
    return {}


def remember(folder: Path, **values: Any) -> None:
    """Keep ``values`` among the preferences of the workspace ``folder`` (written atomically; a folder that
    cannot be written to keeps nothing, silently: a preference is a convenience)."""
    kept = preferences(folder) | values
    with contextlib.suppress(OSError, AuditkitError):
        (folder / PREFERENCES.parent).mkdir(exist_ok=True)
        store.write_atomically(folder / PREFERENCES, json.dumps(kept, ensure_ascii=False, indent=2) + "\n")
