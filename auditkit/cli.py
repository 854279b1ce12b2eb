"""The ``auditkit`` command line: the same pipeline as the notebooks, from a terminal.

Every sub-command is one :class:`Command` in :data:`COMMANDS`: a name, a one-line summary, a function
that declares its arguments and a function ``(args) -> int`` that runs it (here, in
:mod:`auditkit.cli_files` for the commands about audit files, or in :mod:`auditkit.cli_rounds`). Errors meant for a
person (:class:`~auditkit.errors.AuditkitError`) are printed without a traceback and exit 1; a wrong
argument prints the usage line and a hint and exits 2.

The command line speaks the language of :func:`cli_language`; its texts are in the ``cli`` catalogue.
A sub-command imports what it needs when it runs, so that ``--version`` and ``validate`` stay quick.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditkit import __version__, cli_files, cli_rounds, resources
from auditkit.cli_files import language_choices, say
from auditkit.cli_files import run as open_run
from auditkit.cli_parser import DEFAULT_LANGUAGE, Parser, cli_language, help_message, help_text
from auditkit.errors import AuditkitError
from auditkit.fileformat import SCHEMA_VERSION, SUFFIX
from auditkit.locale import Message, languages, msg

if TYPE_CHECKING:
    from auditkit.run import AuditRun

DEFAULT_DEMO_DIR = Path("auditkit-demo")


@dataclass(frozen=True)
class Command:
    """One sub-command: ``auditkit NAME ...``."""

    name: str
    summary: Message
    add_arguments: Callable[[Parser], None]
    run: Callable[[argparse.Namespace], int]


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status (0 ok, 1 error, 2 wrong arguments, 130 Ctrl-C)."""
    arguments = sys.argv[1:] if argv is None else argv
    lang = cli_language(arguments)
    parser = build_parser(lang, arguments)
    try:
        args, unknown = parser.parse_known_args(arguments)
        if unknown:
            args.parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        args.cli_lang = lang
        return int(args.command.run(args))
    except AuditkitError as error:
        print(error.text(lang), file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{error.filename}: {error.strerror}" if error.filename else error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def build_parser(lang: str = DEFAULT_LANGUAGE, argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``auditkit`` parser in language ``lang``, with one sub-parser per entry of :data:`COMMANDS`.

    Given the ``argv`` to parse, only the arguments of the command it names are declared: the others
    are not needed, and declaring some of them imports modules a quick command does without.
    """
    named = next((token for token in argv if not token.startswith("-")), None) if argv is not None else None
    parser = Parser(
        prog="auditkit",
        description=help_text("cli.description"),
        epilog=help_text("cli.epilog", schema=str(SCHEMA_VERSION)),
        lang=lang,
    )
    version = help_text("cli.version", version=__version__, schema=str(SCHEMA_VERSION))
    parser.add_argument("--version", action="version", version=version, help=help_text("cli.parser.version"))
    commands = parser.add_subparsers(title=help_text("cli.commands"), metavar="COMMAND", required=True)
    for command in COMMANDS:
        summary = help_message(command.summary)
        sub = commands.add_parser(command.name, help=summary, description=summary, lang=lang)
        if argv is None or command.name == named:
            command.add_arguments(sub)
        sub.set_defaults(command=command, parser=sub)
    return parser


# -- demo --------------------------------------------------------------------------------------------

DemoStep = Callable[["AuditRun", Path], list[Path]]
"""One output of the demo: ``step(run, out_dir)`` writes files and returns their paths."""


def _demo_audit_copy(run: AuditRun, out_dir: Path) -> list[Path]:
    from auditkit import store

    target = out_dir / (run.path.name if run.path else resources.DEFAULT_EXAMPLE)
    store.write_atomically(target, run.audit.model_dump_json(indent=2, exclude_none=True) + "\n")
    return [target]


def _demo_schema(run: AuditRun, out_dir: Path) -> list[Path]:
    from auditkit import store

    target = out_dir / "audit.schema.json"
    store.write_atomically(target, json.dumps(store.json_schema(), indent=2, ensure_ascii=False) + "\n")
    return [target]


def _demo_scores_and_findings(run: AuditRun, out_dir: Path) -> list[Path]:
    from auditkit import store

    documents = {
        "scorecard.json": run.scorecard.to_dict(run.lang),
        "findings.json": run.diagnosis.to_dict(run.lang),
    }
    return [
        store.write_atomically(out_dir / name, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        for name, document in documents.items()
    ]


def _demo_report(run: AuditRun, out_dir: Path) -> list[Path]:
    from auditkit import store
    from auditkit.report.render import render_report

    other = next(lang for lang in languages() if lang != run.lang)
    return [
        store.write_atomically(
            out_dir / name,
            render_report(run, lang),
        )
        for name, lang in (("report.html", run.lang), (f"report.{other}.html", other))
    ]


def _demo_roadmap(run: AuditRun, out_dir: Path) -> list[Path]:
    from auditkit.export import FORMATS, write_roadmap

    return [write_roadmap(run.roadmap, out_dir / f"roadmap{extension}") for extension in FORMATS]


DEMO_STEPS: list[DemoStep] = [
    _demo_audit_copy,
    _demo_schema,
    _demo_scores_and_findings,
    _demo_roadmap,
    _demo_report,
]
"""The demo's outputs, in order; later stages append their step here."""


def _args_demo(parser: Parser) -> None:
    parser.add_argument("audit", nargs="?", type=Path, metavar="AUDIT", help=help_text("cli.demo.audit"))
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_DEMO_DIR,
        metavar="DIR",
        help=help_text("cli.demo.output", folder=str(DEFAULT_DEMO_DIR)),
    )


def _cmd_demo(args: argparse.Namespace) -> int:
    audit_path = args.audit or resources.default_example()
    if audit_path is None:
        raise AuditkitError(msg("cli.demo.no_example"))
    run = open_run(audit_path)
    out_dir: Path = args.output
    if out_dir.exists() and not out_dir.is_dir():
        raise AuditkitError(msg("cli.demo.not_a_folder", path=str(out_dir)))
    out_dir.mkdir(parents=True, exist_ok=True)
    engagement = run.audit.engagement
    say(
        args,
        msg("cli.demo.start", path=str(audit_path), client=engagement.client, round=str(engagement.round)),
    )
    for step in DEMO_STEPS:
        for written in step(run, out_dir):
            print(written)
    return 0


# -- score and diagnose -----------------------------------------------------------------------------


def _add_text_options(parser: Parser, json_help: str) -> None:
    """``--json`` and ``--lang``, shared by the commands that print a result about one audit."""
    parser.add_argument("--json", action="store_true", help=help_text(json_help))
    language_choices(parser, "cli.result.lang")


def _result_language(run: AuditRun, args: argparse.Namespace) -> str:
    return str(args.lang or run.lang)


def _print_result(
    run: AuditRun, args: argparse.Namespace, document: Callable[[str], Any], text: Callable[[str], str]
) -> None:
    """The JSON document, or a heading naming the audit and the text, in ``--lang`` or the audit's language."""
    lang = _result_language(run, args)
    if args.json:
        print(json.dumps(document(lang), indent=2, ensure_ascii=False))
        return
    engagement = run.audit.engagement
    heading = msg(
        "cli.result.heading",
        client=engagement.client,
        date=engagement.audit_date.isoformat(),
        round=str(engagement.round),
    )
    print(heading(args.cli_lang))
    print(text(lang).rstrip("\n"))


def _args_score(parser: Parser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help=help_text("cli.score.path"))
    _add_text_options(parser, "cli.score.json")


def _cmd_score(args: argparse.Namespace) -> int:
    run = open_run(args.path)
    _print_result(
        run,
        args,
        lambda lang: run.scorecard.to_dict(lang) | {"verdicts": run.reconciled.to_dict(lang)},
        lambda lang: (
            run.scorecard.to_text(lang, run.reconciled.labels).rstrip("\n")
            + "\n\n"
            + run.reconciled.to_text(lang)
        ),
    )
    return 0


def _args_diagnose(parser: Parser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help=help_text("cli.diagnose.path"))
    _add_text_options(parser, "cli.diagnose.json")


def _cmd_diagnose(args: argparse.Namespace) -> int:
    import shutil

    run = open_run(args.path)
    width = min(shutil.get_terminal_size((100, 24)).columns, 120)
    diagnosis = run.reconciled.diagnosis
    _print_result(run, args, diagnosis.to_dict, lambda lang: diagnosis.to_text(lang, width=width))
    return 0


# -- report ------------------------------------------------------------------------------------------


def _jobs(lang: str) -> Callable[[str], int]:
    def convert(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1:
            raise argparse.ArgumentTypeError(msg("cli.argument.jobs", text=text)(lang))
        return value

    return convert


def _args_report(parser: Parser) -> None:
    parser.add_argument("path", nargs="?", type=Path, metavar="PATH", help=help_text("cli.report.path"))
    parser.add_argument(
        "--batch", type=Path, metavar="DIR", help=help_text("cli.report.batch", suffix=SUFFIX)
    )
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help=help_text("cli.report.output"))
    language_choices(parser, "cli.report.lang")
    parser.add_argument("--branding", type=Path, metavar="FILE", help=help_text("cli.report.branding"))
    parser.add_argument("--pdf", action="store_true", help=help_text("cli.report.pdf"))
    parser.add_argument("--appendix", action="store_true", help=help_text("cli.report.appendix"))
    parser.add_argument("--summary-only", action="store_true", help=help_text("cli.report.summary_only"))
    cli_rounds.previous_option(parser)
    parser.add_argument(
        "--format", choices=("html", "docx", "pptx"), default="html", help=help_text("cli.report.format")
    )
    parser.add_argument(
        "-j", "--jobs", type=_jobs(parser.lang), default=1, metavar="N", help=help_text("cli.report.jobs")
    )


def _cmd_report(args: argparse.Namespace) -> int:
    from auditkit.report.batch import ProgressBar, audit_files, max_jobs, render_batch
    from auditkit.report.branding import load_branding
    from auditkit.report.pdf import find_chromium
    from auditkit.report.write import write_report

    lang = args.cli_lang
    if (args.path is None) == (args.batch is None):
        args.parser.error(msg("cli.report.path_or_batch")(lang))
    if args.batch is not None and args.output is None:
        args.parser.error(msg("cli.report.batch_output")(lang))
    if args.format != "html" and (args.batch is not None or args.pdf):
        args.parser.error(msg("cli.report.format_alone", format=args.format)(lang))
    if args.pdf:
        find_chromium()
    branding = load_branding(args.branding) if args.branding else None
    if args.format != "html":
        from auditkit.report.documents import write_document

        output = args.output or Path(args.path.name.removesuffix(SUFFIX) + f".{args.format}")
        print(write_document(open_run(args.path), output, args.format, args.lang, branding=branding))
        return 0
    if args.batch is None:
        output = args.output or Path(args.path.name.removesuffix(SUFFIX) + ".html")
        run = cli_rounds.with_previous(open_run(args.path), args)
        options = {"appendix": args.appendix, "summary_only": args.summary_only}
        for written in write_report(run, output, args.lang, args.pdf, branding=branding, **options):
            print(written)
        return 0
    sources = audit_files(args.batch)
    if not sources:
        raise AuditkitError(msg("cli.report.nothing", path=str(args.batch), suffix=SUFFIX))
    if args.jobs > max_jobs():
        say(args, msg("files.batch.jobs_capped", asked=str(args.jobs), count=max_jobs()))
    results = render_batch(
        sources,
        args.output,
        args.lang,
        branding,
        pdf=args.pdf,
        jobs=args.jobs,
        progress=ProgressBar(lang=lang),
    )
    failed = sum(not item.ok for item in results)
    done = msg("cli.report.written", count=len(results) - failed, total=len(results), path=str(args.output))
    skipped = msg("cli.report.skipped", count=failed)
    say(args, msg("cli.report.written_skipped", written=done, skipped=skipped) if failed else done)
    return 1 if failed else 0


# -- roadmap ---------------------------------------------------------------------------------------


def _args_roadmap(parser: Parser) -> None:
    from auditkit.export import FORMATS

    parser.add_argument("path", type=Path, metavar="PATH", help=help_text("cli.roadmap.path"))
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=help_text("cli.roadmap.output", formats=", ".join(FORMATS)),
    )
    parser.add_argument("--json", action="store_true", help=help_text("cli.roadmap.json"))
    language_choices(parser, "cli.result.lang")


def _cmd_roadmap(args: argparse.Namespace) -> int:
    from auditkit.export import check_format, render_markdown, write_roadmap

    if args.output is not None:
        check_format(args.output)
    run = open_run(args.path)
    lang = _result_language(run, args)
    if args.json:
        print(json.dumps(run.roadmap.to_dict(lang), indent=2, ensure_ascii=False))
    if args.output is not None:
        written = write_roadmap(run.roadmap, args.output, lang)
        print(written, file=sys.stderr if args.json else sys.stdout)
    elif not args.json:
        sys.stdout.write(render_markdown(run.roadmap, lang))
    return 0


# -- app -------------------------------------------------------------------------------------------

APP_NOTEBOOK = "00_start.ipynb"
"""The page ``auditkit app`` opens first; the others are linked from it."""


def _port(lang: str) -> Callable[[str], int]:
    def convert(text: str) -> int:
        if not text.isdigit() or not 1 <= int(text) <= 65535:
            raise argparse.ArgumentTypeError(msg("cli.argument.port", text=text)(lang))
        return int(text)

    return convert


def _args_app(parser: Parser) -> None:
    parser.add_argument(
        "directory",
        nargs="?",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help=help_text("cli.app.directory"),
    )
    parser.add_argument(
        "--port", type=_port(parser.lang), default=8866, metavar="N", help=help_text("cli.app.port")
    )
    parser.add_argument(
        "--ip", "--host", dest="ip", default="127.0.0.1", metavar="ADDRESS", help=help_text("cli.app.ip")
    )
    parser.add_argument("--cull-minutes", type=float, metavar="M", help=help_text("cli.app.cull_minutes"))
    parser.add_argument("--workshop", type=Path, metavar="DIR", help=help_text("cli.app.workshop"))
    parser.add_argument(
        "--participants", type=int, default=20, metavar="N", help=help_text("cli.app.participants")
    )


def app_command(args: argparse.Namespace) -> list[str]:
    """The Voilà command line that serves the workspace's notebooks as an app."""
    command = [
        sys.executable,
        "-m",
        "voila",
        str(args.directory),
        f"--port={args.port}",
        f"--Voila.ip={args.ip}",
        "--no-browser",
    ]
    if args.cull_minutes is None or args.cull_minutes > 0:
        seconds = round((30 if args.cull_minutes is None else args.cull_minutes) * 60)
        command += [
            f"--MappingKernelManager.cull_idle_timeout={seconds}",
            f"--MappingKernelManager.cull_interval={min(60, seconds)}",
            "--MappingKernelManager.cull_connected=False",
        ]
    return command


def _cmd_app(args: argparse.Namespace) -> int:
    import importlib.util

    from auditkit.workshop.server import serve, serve_workshop

    if args.workshop is not None:
        cull = args.cull_minutes
        return serve_workshop(args.workshop, args.port, args.ip, args.participants, cull, args.cli_lang)
    directory: Path = args.directory
    if not (directory / APP_NOTEBOOK).is_file():
        quoted = shlex.quote(str(directory))
        raise AuditkitError(
            msg("cli.app.no_workspace", path=str(directory), page=APP_NOTEBOOK, quoted=quoted)
        )
    if importlib.util.find_spec("voila") is None:
        raise AuditkitError(msg("cli.app.no_voila"))
    host = "localhost" if args.ip in ("127.0.0.1", "0.0.0.0") else args.ip
    address = f"http://{host}:{args.port}/voila/render/{APP_NOTEBOOK}"
    say(args, msg("cli.app.serving", path=str(directory), address=address))
    return serve(app_command(args))


COMMANDS: list[Command] = [
    Command("new", msg("cli.new.summary"), cli_files.args_new, cli_files.cmd_new),
    Command("validate", msg("cli.validate.summary"), cli_files.args_validate, cli_files.cmd_validate),
    Command("schema", msg("cli.schema.summary"), cli_files.args_schema, cli_files.cmd_schema),
    Command("init", msg("cli.init.summary"), cli_files.args_init, cli_files.cmd_init),
    Command("demo", msg("cli.demo.summary"), _args_demo, _cmd_demo),
    Command("report", msg("cli.report.summary"), _args_report, _cmd_report),
    Command("score", msg("cli.score.summary"), _args_score, _cmd_score),
    Command("diagnose", msg("cli.diagnose.summary"), _args_diagnose, _cmd_diagnose),
    Command("roadmap", msg("cli.roadmap.summary"), _args_roadmap, _cmd_roadmap),
    Command("app", msg("cli.app.summary"), _args_app, _cmd_app),
    Command("compare", msg("cli.compare.summary"), cli_rounds.args_compare, cli_rounds.cmd_compare),
    Command("portfolio", msg("cli.portfolio.summary"), cli_rounds.args_portfolio, cli_rounds.cmd_portfolio),
]
"""Every sub-command, in the order ``auditkit --help`` lists them."""
