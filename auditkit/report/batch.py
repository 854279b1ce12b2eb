"""Render every audit of a folder, in parallel processes, with a progress bar; bad files are skipped.

A file that cannot be loaded or rendered is reported (its path and why) and the others still render.
At most one process per core renders at a time (:func:`max_jobs`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from auditkit import store
from auditkit.errors import LOG_LANGUAGE, AuditFileError, AuditkitError
from auditkit.locale import languages, msg
from auditkit.model import Language
from auditkit.report.branding import Branding
from auditkit.report.render import plotly_gzip_base64, template_environment
from auditkit.report.write import write_report


@dataclass(frozen=True)
class BatchItem:
    """The outcome for one audit file: the files written, or why it was skipped.

    ``error`` holds the reason in every language (by language code): the worker process that met it
    renders it, since an exception does not always survive the trip back.
    """

    source: Path
    written: tuple[Path, ...] = ()
    error: Mapping[str, str] | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def reason(self, lang: str) -> str:
        """Why the file was skipped, in language ``lang`` ("" when it was not)."""
        if self.error is None:
            return ""
        return self.error.get(lang) or self.error[LOG_LANGUAGE]


def audit_files(directory: Path) -> list[Path]:
    """The audit files (``*.audit.json``) directly in ``directory``, sorted by name.

    Raises:
        AuditkitError: ``directory`` is not a folder.
    """
    if not directory.is_dir():
        raise AuditkitError(msg("report.error.batch_not_a_folder", path=str(directory), suffix=store.SUFFIX))
    return sorted(directory.glob(f"*{store.SUFFIX}"))


def report_name(source: Path) -> str:
    """The report's file name for an audit file: ``client.audit.json`` gives ``client.html``."""
    return source.name.removesuffix(store.SUFFIX) + ".html"


def render_one(
    source: Path, out_dir: Path, lang: Language | str | None, branding: Branding | None, pdf: bool
) -> BatchItem:
    """Load and render one audit into ``out_dir``; any failure becomes the item's error."""
    try:
        audit = store.load(source)
        written = write_report(audit, out_dir / report_name(source), lang, pdf, branding=branding)
    except AuditkitError as error:
        return BatchItem(source, error=_reason(source, error))
    except Exception as error:  # a bug must not stop the other files; it is reported, not hidden
        unexpected = msg(
            "report.error.batch_unexpected",
            path=str(source),
            type_name=type(error).__name__,
            detail=str(error),
        )
        return BatchItem(source, error=unexpected.to_dict())
    return BatchItem(source, tuple(written))


def _reason(source: Path, error: AuditkitError) -> dict[str, str]:
    """The text of ``error`` in every language, each of its lines starting with the path of ``source``.

    An error about the audit file itself already names it; any other (its settings, the report's
    file) gets it in front, so that every skipped file is named.
    """
    if isinstance(error, AuditFileError) and error.path == source:
        return {code: error.text(code) for code in languages()}
    return {
        code: "\n".join(
            msg("files.batch.about", path=str(source), reason=line)(code)
            for line in error.text(code).splitlines()
        )
        for code in languages()
    }


def max_jobs() -> int:
    """The most processes a batch runs at a time: one per core, as more would only wait and take memory."""
    return os.cpu_count() or 1


Progress = Callable[[int, int, BatchItem], None]


def render_batch(
    sources: Sequence[Path],
    out_dir: Path,
    lang: Language | str | None = None,
    branding: Branding | None = None,
    *,
    pdf: bool = False,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[BatchItem]:
    """Render every file of ``sources`` into ``out_dir``, ``jobs`` processes at a time (at most
    :func:`max_jobs`).

    Returns one :class:`BatchItem` per source, in the order of ``sources``; ``progress(done, total,
    item)`` is called as each one finishes.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    total = len(sources)
    results: dict[Path, BatchItem] = {}

    def finished(item: BatchItem) -> None:
        results[item.source] = item
        if progress is not None:
            progress(len(results), total, item)

    jobs = min(jobs, max_jobs(), total)
    if jobs <= 1:
        for source in sources:
            finished(render_one(source, out_dir, lang, branding, pdf))
    else:
        plotly_gzip_base64()  # compressed and compiled once here; forked workers inherit both
        template_environment().get_template("report.html.j2")
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(render_one, source, out_dir, lang, branding, pdf) for source in sources]
            for future in as_completed(futures):
                finished(future.result())
    return [results[source] for source in sources]


class ProgressBar:
    """A plain progress bar on a terminal (one line redrawn), one line per file otherwise.

    Failures are always printed on their own line, with the reason, in language ``lang``.
    """

    def __init__(self, stream: TextIO | None = None, width: int = 30, lang: str = LOG_LANGUAGE) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self.lang = lang
        self.interactive = self.stream.isatty()

    def __call__(self, done: int, total: int, item: BatchItem) -> None:
        if self.interactive:
            self.stream.write("\r\033[K")
        if not item.ok:
            self.stream.write(
                msg("report.error.batch_skipped", reason=item.reason(self.lang))(self.lang) + "\n"
            )
        filled = self.width * done // total if total else self.width
        bar = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {item.source.name}"
        if self.interactive:
            self.stream.write(bar if done < total else bar + "\n")
        else:
            self.stream.write(bar + "\n")
        self.stream.flush()
