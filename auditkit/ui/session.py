"""One audit file being edited in a kernel: validated edits, debounced atomic autosave, reload.

Every widget of :mod:`auditkit.ui` edits the audit through :meth:`AuditSession.edit` (or
:meth:`AuditSession.set`): the change is made on a copy, the whole audit is validated (field
constraints *and* cross-references), and only a valid copy replaces the session's audit. A valid
edit schedules a save a moment later (debounced: a burst of keystrokes gives one save), through
:func:`auditkit.store.save`, which writes atomically and refuses to overwrite a newer version
written elsewhere (:class:`~auditkit.errors.StaleWriteError`). When another notebook saved the
same file meanwhile, the session makes its own pending changes again on that newer version, as long
as every list still holds the same items in the same places (:func:`shape`); otherwise it writes
nothing, says so and offers to reload. Pending changes are also saved when the kernel exits.

An audit opened whose ids an earlier version froze from placeholder names ("nouveau-canal") gets ids
derived from its items' real names, every reference following, as one edit that can be undone
(:func:`auditkit.model.ids.rename_placeholder_ids`). Messages name the audit file, never its path.
"""

from __future__ import annotations

import atexit
import contextlib
import html
import os
import shutil
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, urlencode

import ipywidgets as widgets
from pydantic import BaseModel, ValidationError

from auditkit import resources, store
from auditkit.errors import AuditFileError, AuditkitError, Problem, StaleWriteError, read
from auditkit.locale import Message, catalogue, msg
from auditkit.model import Audit, ClientProfile, Engagement, IndustryKind, Language
from auditkit.model.ids import frozen_ids, rename_placeholder_ids
from auditkit.ui.workspace import error_text, shown, workspace_path

FieldPath = tuple[Any, ...]
"""Where a value lives in the audit: attribute names, list indexes and dict keys, e.g.
``("objectives", 0, "statement")``."""

DEFAULT_AUDIT = Path(resources.WORKSPACE_AUDIT)
"""The audit file a notebook opens when it is given none and no current audit is set."""
CURRENT_POINTER = Path(".auditkit-current")
"""File in the workspace naming the audit chosen in ``00_start`` in JupyterLab (one file name); never
read or written by the pages of ``auditkit app``, where each browser keeps its own current audit."""
ADDRESS_KEY = "audit"
"""The query parameter of a page's address that names its audit in ``auditkit app`` (``?audit=NAME``)."""
SAVE_DELAY = 0.6
"""Seconds of quiet after the last edit before the audit is saved."""
UNDO_DEPTH = 100
"""Edits of a session that can be undone (the oldest are forgotten first)."""
COALESCE_SECONDS = 2.0
"""Changes of the same field closer together than this are undone as one edit (a word typed letter by letter)."""


class Cancellable(Protocol):
    def cancel(self) -> None: ...


Timer = Callable[[float, Callable[[], None]], Cancellable]
"""Runs a function after a delay, in the background, and returns a handle to cancel it."""


def thread_timer(delay: float, action: Callable[[], None]) -> Cancellable:
    """The default :data:`Timer`: a daemon :class:`threading.Timer`."""
    timer = threading.Timer(delay, action)
    timer.daemon = True
    timer.start()
    return timer


class Debouncer:
    """Calls ``action`` once, ``delay`` seconds after the last :meth:`trigger`."""

    def __init__(self, delay: float, action: Callable[[], object], timer: Timer = thread_timer) -> None:
        self.delay = delay
        self._action = action
        self._timer = timer
        self._pending: Cancellable | None = None
        self._lock = threading.Lock()

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def trigger(self) -> None:
        with self._lock:
            if self._pending is not None:
                self._pending.cancel()
            self._pending = self._timer(self.delay, self._fire)

    def cancel(self) -> None:
        with self._lock:
            if self._pending is not None:
                self._pending.cancel()
            self._pending = None

    def _fire(self) -> None:
        with self._lock:
            self._pending = None
        self._action()


class Event(StrEnum):
    """What a session tells its listeners."""

    EDIT = "edit"
    """The audit changed in this session (widgets already show it)."""
    RELOAD = "reload"
    """The audit was replaced (reloaded or another file opened): widgets must show it anew."""
    SAVED = "saved"


Listener = Callable[[Event], None]
Change = Callable[[Audit], object]
"""Edits the audit it is given in place, or returns a new audit to use instead."""


def applied(audit: Audit, change: Change) -> Audit:
    """A validated copy of ``audit`` with ``change`` made (``audit`` itself is left as it was).

    Raises:
        ValidationError, ValueError, KeyError, IndexError, AuditkitError: the change is refused.
    """
    candidate = audit.model_copy(deep=True)
    result = change(candidate)
    if isinstance(result, Audit):
        candidate = result
    return Audit.model_validate(candidate.model_dump())


def localized_problems(error: ValidationError, language: str) -> list[Problem]:
    """The problems of a refused change, phrased by the ``ui.problem.<pydantic type>`` messages in ``language``.

    A problem of a kind those messages do not phrase keeps :func:`auditkit.store.validation_problems`' words.
    """
    problems = store.validation_problems(error)
    if len(problems) != error.error_count():
        return problems
    phrased = []
    for problem, item in zip(problems, error.errors(include_url=False), strict=False):
        message_id = f"ui.problem.{item['type']}"
        if message_id not in catalogue(language):
            phrased.append(problem)
            continue
        limits = {
            key: int(value) if isinstance(value, float) and value.is_integer() else value
            for key, value in (item.get("ctx") or {}).items()
        }
        phrased.append(Problem(problem.location, msg(message_id, **limits)(language)))
    return phrased


def shape(audit: Audit) -> tuple[Any, ...]:
    """The items of every list of the audit, by id or count: changes made by index stay valid while it holds."""
    return (
        tuple((o.id, len(o.indicators)) for o in audit.objectives),
        tuple((s.id, len(s.platforms)) for s in audit.stakeholders),
        tuple((p.id, len(p.presence)) for p in audit.peers),
        tuple(c.id for c in audit.channels),
        len(audit.settings.benchmarks),
    )


class AuditSession:
    """An audit file open for editing, with its save status as a widget.

    Args:
        path: the ``.audit.json`` file (it must exist and be valid).
        save_delay: seconds of quiet before a save.
        timer: how to run the delayed save (tests pass their own).
    """

    def __init__(
        self, path: Path | str, *, save_delay: float = SAVE_DELAY, timer: Timer = thread_timer
    ) -> None:
        self.path = Path(path)
        self.audit = load_named(self.path)
        self._lock = threading.RLock()
        self._pending: list[Change] = []
        self._base = shape(self.audit)
        self._listeners: list[Listener] = []
        self._saver = Debouncer(save_delay, self.flush, timer)
        self._undo: list[Audit] = []
        self._redo: list[Audit] = []
        self._last_edit: tuple[object, float] | None = None
        self._replaced = False
        self.notice = widgets.HTML()
        self.status = widgets.HTML()
        self.reload_button = widgets.Button(
            icon="refresh", button_style="warning", layout=widgets.Layout(width="auto")
        )
        self.reload_button.on_click(lambda _: self.reload())
        self.reload_button.layout.display = "none"
        self.status_bar = widgets.VBox([self.notice, widgets.HBox([self.status, self.reload_button])])
        self.status_bar.add_class("auditkit-status")
        self.error: str | None = None
        self._show_status("loaded")
        self._rename_placeholder_ids()
        reference = weakref.ref(self)
        atexit.register(_flush_if_alive, reference)

    # -- reading ------------------------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self.audit.engagement.language

    def text(self, message: Message, **values: object) -> str:
        """``message`` in the audit's language, with more ``{placeholder}`` values if given."""
        return (message.format(**values) if values else message)(self.language)

    def say(self, message_id: str, **values: object) -> str:
        """The catalogue message ``message_id`` in the audit's language."""
        return msg(message_id, **values)(self.language)

    def problems_text(self, problems: Iterable[Problem], *, located: bool = False) -> str:
        """``problems`` in the audit's language, separated by semicolons; ``located`` names their fields."""
        language = self.language
        return "; ".join(
            problem.text(language) if located else read(problem.message, language) for problem in problems
        )

    def error_text(self, error: Exception) -> str:
        """What ``error`` says, in the audit's language where it carries catalogue messages, each file
        named by its name (see :func:`~auditkit.ui.workspace.error_text`)."""
        return error_text(error, self.language)

    def get(self, path: FieldPath) -> Any:
        """The value at ``path`` in the current audit (``None`` where a dict has no such key)."""
        return value_at(self.audit, path)

    @property
    def dirty(self) -> bool:
        """True while an accepted change waits to be saved."""
        return bool(self._pending)

    # -- editing ------------------------------------------------------------------------------------

    def edit(self, change: Change, *, key: object = None) -> list[Problem]:
        """Apply ``change`` to a copy of the audit; keep it and schedule a save if the copy is valid.

        ``change`` edits the copy it is given in place, or returns a new audit to use instead. Successive
        changes with the same ``key`` (a field's path) within :data:`COALESCE_SECONDS` are undone as one.

        Returns:
            The problems that made the change refused (empty when it was accepted). A refused change
            leaves the audit and the file as they were.
        """
        with self._lock:
            try:
                accepted = applied(self.audit, change)
            except ValidationError as error:
                return localized_problems(error, self.language)
            except (ValueError, KeyError, IndexError, AuditkitError) as error:
                return [Problem("", self.error_text(error))]
            self._remember(key)
            self.audit = accepted
            self._pending.append(change)
        self._show_status("pending")
        self._saver.trigger()
        self._notify(Event.EDIT)
        return []

    def set(self, path: FieldPath, value: Any) -> list[Problem]:
        """Set the value at ``path`` (see :meth:`edit`)."""
        return self.edit(lambda audit: assign(audit, path, value), key=path)

    def _rename_placeholder_ids(self) -> None:
        """Give the items whose ids were frozen from a placeholder name ids from their real names (one edit)."""
        if frozen_ids(self.audit):
            self.edit(rename_placeholder_ids)

    # -- undoing ------------------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo(self) -> bool:
        """Go back to the audit as it was before the last edit, and save it; False when nothing is left."""
        return self._travel(self._undo, self._redo)

    def redo(self) -> bool:
        """Make again the last edit undone, and save it; False when nothing was undone."""
        return self._travel(self._redo, self._undo)

    def _remember(self, key: object) -> None:
        """Keep the audit as it is before an edit (caller holds the lock), unless the edit continues the last one."""
        now = time.monotonic()
        last, self._last_edit = self._last_edit, (key, now)
        self._redo.clear()
        if key is not None and last is not None and last[0] == key and now - last[1] < COALESCE_SECONDS:
            return
        self._undo.append(self.audit)
        del self._undo[:-UNDO_DEPTH]

    def _travel(self, source: list[Audit], target: list[Audit]) -> bool:
        with self._lock:
            if not source:
                return False
            current = self.audit
            stamp = {"revision": current.revision, "saved_at": current.saved_at}
            restored = source.pop().model_copy(update=stamp)
            target.append(current)
            self.audit = restored
            self._last_edit = None
            self._replaced = True
            self._pending.append(lambda _audit: restored.model_copy(deep=True))
        self._show_status("pending")
        self._saver.trigger()
        self._notify(Event.RELOAD)
        return True

    def _forget_history(self) -> None:
        self._undo.clear()
        self._redo.clear()
        self._last_edit = None

    def flush(self) -> bool:
        """Save now if a change is pending; True when the file holds the session's audit.

        When the file was saved elsewhere meanwhile (another notebook on the same audit), this
        session's changes are made again on that version, if its lists still have the same items in
        the same places; otherwise nothing is written and the status offers to reload.
        """
        self._saver.cancel()
        merged = False
        with self._lock:
            if not self._pending:
                return self.error is None
            try:
                try:
                    store.save(self.audit, self.path)
                except StaleWriteError:
                    merged = self._merge()
                    if not merged:
                        self.error = "stale"
                        self._show_status("stale")
                        return False
            except (OSError, AuditkitError) as error:
                self.error = self.error_text(error)
                self._show_status("save_failed", error=self.error)
                return False
            self._pending.clear()
            self._replaced = False
            self._base = shape(self.audit)
            self.error = None
        self._show_status("merged" if merged else "saved")
        self._notify(Event.RELOAD if merged else Event.SAVED)
        return True

    def _merge(self) -> bool:
        """Make the pending changes again on the file's newer version and save it (caller holds the lock)."""
        if self._replaced:
            return False
        try:
            newer = store.load(self.path)
            if shape(newer) != self._base:
                return False
            for change in self._pending:
                newer = applied(newer, change)
        except (ValidationError, ValueError, KeyError, IndexError, AuditkitError):
            return False
        store.save(newer, self.path)
        self.audit = newer
        return True

    def reload(self) -> None:
        """Replace the audit by the file's current content, dropping unsaved changes."""
        self._saver.cancel()
        with self._lock:
            self.audit = load_named(self.path)
            self._pending.clear()
            self._replaced = False
            self._base = shape(self.audit)
            self.error = None
            self._forget_history()
        self._show_status("loaded")
        self._rename_placeholder_ids()
        self._notify(Event.RELOAD)

    def switch(self, path: Path | str) -> None:
        """Save pending changes, then work on another audit file."""
        audit = load_named(Path(path))
        self.flush()
        with self._lock:
            _SESSIONS.pop(self.path.resolve(), None)
            self.path, self.audit, self.error = Path(path), audit, None
            self._pending.clear()
            self._replaced = False
            self._base = shape(audit)
            self._forget_history()
            _SESSIONS[self.path.resolve()] = self
        self._show_status("loaded")
        self._rename_placeholder_ids()
        self._notify(Event.RELOAD)

    # -- listening ----------------------------------------------------------------------------------

    def on_change(self, listener: Listener) -> None:
        """Call ``listener(event)`` after each edit, save and reload."""
        self._listeners.append(listener)

    def _notify(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    def _show_status(self, key: str, **values: object) -> None:
        name = html.escape(self.path.name)
        saved_at = self.audit.saved_at.astimezone().strftime("%H:%M:%S") if self.audit.saved_at else ""
        text = html.escape(
            self.say(
                f"ui.status.{key}",
                path=self.path.name,
                revision=str(self.audit.revision),
                time=saved_at,
                **values,
            )
        ).replace(html.escape(self.path.name), f"<code>{name}</code>")
        colour = {"stale": "#b71c1c", "save_failed": "#b71c1c", "pending": "#8a6d00"}.get(key, "#2e7d32")
        self.status.value = f'<span style="color:{colour}">{text}</span>'
        self.reload_button.description = self.say("ui.status.reload")
        self.reload_button.layout.display = "" if key == "stale" else "none"


def _flush_if_alive(reference: weakref.ref[AuditSession]) -> None:
    session = reference()
    if session is not None and session.dirty:
        with contextlib.suppress(Exception):
            session.flush()


def load_named(path: Path) -> Audit:
    """The audit in the file ``path``; its problems, if any, name the file by its name, not its path."""
    try:
        return store.load(path)
    except AuditFileError as error:
        raise AuditFileError(path.name, error.problems) from None


# -- paths into the model ----------------------------------------------------------------------------


def value_at(root: Any, path: FieldPath) -> Any:
    """The value at ``path`` under ``root`` (``None`` where a dict lacks the key)."""
    target = root
    for part in path:
        if isinstance(target, dict):
            target = target.get(part)
        elif isinstance(target, list):
            target = target[part]
        else:
            target = getattr(target, part)
        if target is None:
            return None
    return target


def assign(root: Any, path: FieldPath, value: Any) -> None:
    """Set the value at ``path`` under ``root`` (pydantic validates an attribute as it is set)."""
    parent = value_at(root, path[:-1])
    last = path[-1]
    if isinstance(parent, dict | list):
        parent[last] = value
    elif isinstance(parent, BaseModel):
        setattr(parent, last, value)
    else:
        raise KeyError(".".join(str(part) for part in path))


# -- opening ----------------------------------------------------------------------------------------

_SESSIONS: dict[Path, AuditSession] = {}


_CURRENT: dict[Path, Path] = {}
"""The audit chosen in this kernel, by workspace folder (resolved)."""


def in_app() -> bool:
    """True in a page served by Voilà (``auditkit app``), where several people may share the workspace."""
    return os.environ.get("SERVER_SOFTWARE", "").startswith("voila/")


def addressed_name() -> str | None:
    """The audit named by this page's address in ``auditkit app`` (``?audit=NAME``), as typed there."""
    if not in_app():
        return None
    names = parse_qs(os.environ.get("QUERY_STRING", "")).get(ADDRESS_KEY)
    return names[-1] if names else None


def page_address(notebook: str, path: Path, folder: Path | None = None) -> str:
    """The address of ``notebook`` that opens the audit ``path``: in ``auditkit app``, it carries the name.

    In JupyterLab, where notebooks open the folder's current audit, the address is the notebook alone.
    """
    folder = folder or Path.cwd()
    if not in_app() or path.parent.resolve() != folder.resolve():
        return notebook
    return f"{notebook}?{urlencode({ADDRESS_KEY: path.name})}"


def _audit_named(folder: Path, name: str | None) -> Path | None:
    """The audit file ``name`` of the workspace ``folder``, or None when it names none."""
    if not name:
        return None
    try:
        path = workspace_path(folder, name)
    except AuditkitError:
        return None
    return path if path.is_file() else None


def resolve_audit_path(audit_path: Path | str | None, folder: Path | None = None) -> Path:
    """The audit file a notebook works on: the one given, else the current one, else the default.

    The current audit is the one chosen in ``00_start``: in this kernel, else, in ``auditkit app``, the one
    the page's address names (each browser carries its own, from page to page), else, in JupyterLab, the
    one named in the workspace's ``.auditkit-current``. A name that is not an audit file of the
    workspace is ignored. The default is ``my-audit.audit.json``.
    """
    folder = folder or Path.cwd()
    if audit_path:
        return Path(audit_path)
    chosen = _CURRENT.get(folder.resolve())
    if chosen is not None and chosen.is_file():
        return chosen
    if in_app():
        named = addressed_name()
    else:
        pointer = folder / CURRENT_POINTER
        named = pointer.read_text(encoding="utf-8").strip() if pointer.is_file() else None
    return _audit_named(folder, named) or folder / DEFAULT_AUDIT


def set_current(path: Path, folder: Path | None = None) -> None:
    """Make ``path``, a file of the workspace ``folder``, the current audit (what notebooks open when given none).

    It is kept in this kernel; in JupyterLab, also in ``.auditkit-current`` for the folder's other
    notebooks. In ``auditkit app`` no file is written: another participant's choice never changes this one.
    """
    folder = folder or Path.cwd()
    _CURRENT[folder.resolve()] = path
    if not in_app():
        store.write_atomically(folder / CURRENT_POINTER, path.name + "\n")


def open_session(
    audit_path: Path | str | None = None, *, save_delay: float = SAVE_DELAY, timer: Timer = thread_timer
) -> AuditSession:
    """The session of the notebook's audit file, creating a working copy of the example if needed.

    Running the cell again returns the same session (reloaded if the file changed on disk and
    nothing is pending), so widgets of one kernel never race each other.

    Args:
        audit_path: the audit file; ``None`` or ``""``: see :func:`resolve_audit_path`.
        save_delay: seconds of quiet before a save.
        timer: how to run the delayed save.
    """
    path = resolve_audit_path(audit_path)
    notices = [] if audit_path else _address_notices(path)
    if not path.exists():
        notices.append(_create_working_copy(path))
    key = path.resolve()
    session = _SESSIONS.get(key)
    if session is not None and session.path.exists():
        if not session.dirty and _revision(path) != session.audit.revision:
            session.reload()
    else:
        session = AuditSession(path, save_delay=save_delay, timer=timer)
        _SESSIONS[key] = session
    notice = " ".join(read(text, session.language) for text in notices)
    session.notice.value = f'<div class="auditkit-notice">{html.escape(notice)}</div>' if notice else ""
    return session


def new_audit(
    path: Path,
    client: str,
    industry: IndustryKind,
    language: Language,
    audit_date: date,
    consultant: str = "",
) -> Path:
    """Create a new audit file (refusing to overwrite one) and return its path.

    Raises:
        AuditkitError: the file exists, or the values are invalid (the message says which).
    """
    if not path.name.endswith(store.SUFFIX):
        path = path.with_name(path.name + store.SUFFIX)
    if path.exists():
        raise AuditkitError(msg("ui.session.exists", path=path.name))
    try:
        audit = Audit(
            engagement=Engagement(
                client=client, consultant=consultant, audit_date=audit_date, language=language
            ),
            client=ClientProfile(industry=industry),
        )
    except ValidationError as error:
        problems = store.validation_problems(error)
        raise AuditkitError(lambda lang: "; ".join(problem.text(lang) for problem in problems)) from None
    path.parent.mkdir(parents=True, exist_ok=True)
    store.save(audit, path)
    return path


def _address_notices(path: Path) -> list[str | Message]:
    """What to say when this page's address names no audit file of the workspace (``path`` is shown instead)."""
    named = addressed_name()
    if named is None or _audit_named(Path.cwd(), named) is not None:
        return []
    return [msg("workspace.address_ignored", typed=shown(named), path=path.name)]


def _create_working_copy(path: Path) -> str:
    example = resources.default_example()
    path.parent.mkdir(parents=True, exist_ok=True)
    if example is None:
        client = msg("ui.session.default_client")(Language.EN)
        new_audit(path, client, IndustryKind.COMMERCIAL_B2C, Language.EN, date.today())
        return msg("ui.session.created_empty", path=path.name)(Language.EN)
    shutil.copyfile(example, path)
    language = store.load(path).engagement.language
    return msg("ui.session.started_from_example", path=path.name, example=example.name)(language)


def _revision(path: Path) -> int | None:
    try:
        return store.load(path).revision
    except AuditkitError:
        return None
