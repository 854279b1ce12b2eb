"""The command line's commands about rounds: ``auditkit compare`` and ``auditkit portfolio``.

``compare OLD NEW`` (or ``compare NEW``, whose ``previous_round`` names OLD, or ``compare A B C ...``
for the trends) prints what changed as text or ``--json`` and writes the HTML page with ``-o``.
``portfolio DIR -o index.html`` writes one page listing every client of a folder. ``--previous OLD``
of ``auditkit report`` is declared here too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from auditkit.cli_parser import Parser, help_text
from auditkit.errors import AuditFileError, AuditkitError
from auditkit.fileformat import SUFFIX
from auditkit.locale import languages, msg

if TYPE_CHECKING:
    from auditkit.run import AuditRun

__all__ = [
    "args_compare",
    "args_portfolio",
    "cmd_compare",
    "cmd_portfolio",
    "previous_option",
    "with_previous",
]


def _run(path: Path) -> AuditRun:
    """The run of the audit file at ``path``, its weights and thresholds checked like ``validate`` does."""
    from auditkit import store
    from auditkit.run import AuditRun
    from auditkit.scoring.weights import settings_problems

    audit = store.load(path)
    problems = settings_problems(audit)
    if problems:
        raise AuditFileError(path, problems)
    return AuditRun(audit, path=path)


def previous_option(parser: Parser) -> None:
    """``--previous OLD`` of ``auditkit report``."""
    parser.add_argument("--previous", type=Path, metavar="OLD", help=help_text("cli.report.previous"))


def with_previous(run: AuditRun, args: argparse.Namespace) -> AuditRun:
    """``run`` with its previous round: the one ``--previous`` gives, else the one its file names.

    A previous round that cannot be found is reported on the standard error; the report goes without
    its progress section (and says why).
    """
    from auditkit.compare import PreviousRoundError, previous_of

    if getattr(args, "previous", None) is not None:
        run.previous = _run(args.previous)
        return run
    try:
        previous_of(run)
    except PreviousRoundError as error:
        print(msg("cli.warning", text=error.text(args.cli_lang))(args.cli_lang), file=sys.stderr)
    return run


def args_compare(parser: Parser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="AUDIT", help=help_text("cli.compare.paths"))
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help=help_text("cli.compare.output"))
    parser.add_argument("--json", action="store_true", help=help_text("cli.compare.json"))
    parser.add_argument("--lang", choices=languages(), help=help_text("cli.result.lang"))


def cmd_compare(args: argparse.Namespace) -> int:
    from auditkit import store
    from auditkit.compare import (
        Trends,
        comparison_dict,
        comparison_text,
        in_round_order,
        previous_of,
        trends_dict,
    )

    runs = [_run(path) for path in args.paths]
    if len(runs) == 1:
        previous = previous_of(runs[0])
        if previous is None:
            raise AuditkitError(msg("compare.cli.need_two"))
        runs.insert(0, previous)
    clients = sorted({run.audit.engagement.client for run in runs})
    if len(clients) > 1:
        raise AuditkitError(msg("compare.cli.clients_differ", clients=clients))
    trends = Trends(in_round_order(runs))
    lang = str(args.lang or trends.runs[-1].lang)
    several = trends if len(trends.runs) > 2 else None
    if args.json:
        document = comparison_dict(trends.latest, lang)
        if several is not None:
            document["trends"] = trends_dict(several)
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(comparison_text(trends.latest, lang, several))
    if args.output is not None:
        from auditkit.report.compare_page import render_compare

        store.check_replaceable(args.output)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        written = store.write_atomically(args.output, render_compare(trends, lang))
        print(written, file=sys.stderr)
    return 0


def args_portfolio(parser: Parser) -> None:
    parser.add_argument("directory", type=Path, metavar="DIR", help=help_text("cli.portfolio.directory"))
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help=help_text("cli.portfolio.output")
    )
    parser.add_argument("--lang", choices=languages(), help=help_text("cli.result.lang"))


def cmd_portfolio(args: argparse.Namespace) -> int:
    from auditkit import store
    from auditkit.compare.portfolio import available_cores, gather
    from auditkit.report.portfolio_page import render_portfolio

    lang = str(args.lang or args.cli_lang)
    portfolio = gather(args.directory, workers=available_cores())
    if not portfolio.clients and not portfolio.errors:
        raise AuditkitError(msg("compare.portfolio.nothing", path=str(args.directory), suffix=SUFFIX))
    store.check_replaceable(args.output)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    store.write_atomically(args.output, render_portfolio(portfolio, lang))
    print(
        msg("compare.portfolio.written", count=len(portfolio.clients), path=str(args.output))(args.cli_lang)
    )
    for error in portfolio.errors:
        print(msg("cli.warning", text=error.text(args.cli_lang))(args.cli_lang), file=sys.stderr)
    return 0
