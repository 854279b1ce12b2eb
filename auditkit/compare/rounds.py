"""The previous round of an audit: the file its ``engagement.previous_round`` names, or one given."""

from __future__ import annotations

from pathlib import Path

from auditkit.errors import AuditkitError
from auditkit.locale import Message, msg
from auditkit.run import AuditRun, open

__all__ = ["PreviousRoundError", "previous_of", "previous_path"]


class PreviousRoundError(AuditkitError):
    """The previous round an audit names cannot be found or read (``cause``: why it cannot be read)."""

    def __init__(self, message: Message, cause: AuditkitError | None = None) -> None:
        super().__init__(message)
        self.cause = cause

    def text(self, lang: str) -> str:
        own = super().text(lang)
        return own if self.cause is None else f"{own}\n{self.cause.text(lang)}"


def previous_path(run: AuditRun) -> Path | None:
    """Where the previous round's file should be: ``previous_round`` relative to this file's folder
    (``None`` for an audit read from no file: there is nothing to resolve the reference against)."""
    reference = run.audit.engagement.previous_round
    if not reference or run.path is None:
        return None
    return run.path.parent / reference


def previous_of(run: AuditRun) -> AuditRun | None:
    """The run of the previous round: ``run.previous`` when it was given, else the file the audit names.

    Raises:
        PreviousRoundError: the audit names a previous round whose file is missing or invalid, with the
            path looked for and how to fix it.
    """
    if run.previous is not None:
        return run.previous
    path = previous_path(run)
    if path is None:
        return None
    engagement = run.audit.engagement
    values = {"path": str(path), "reference": engagement.previous_round or "", "round": engagement.round}
    if not path.is_file():
        raise PreviousRoundError(msg("compare.previous.missing", **values))
    try:
        previous = open(path, lang=run.lang)
    except AuditkitError as error:
        raise PreviousRoundError(msg("compare.previous.invalid", **values), error) from None
    run.previous = previous
    return previous
