"""The ``auditkit`` command line: the same pipeline as the notebooks, from a terminal.

Every sub-command is one :class:`Command` in :data:`COMMANDS`: a name, a one-line summary, a function
that declares its arguments and a function ``_cmd_NAME(args) -> int`` that runs it. Errors meant for a
person (:class:`~auditkit.errors.AuditkitError`) are printed without a traceback and exit 1; a wrong
argument prints the usage line and a hint and exits 2.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shlex
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from auditkit import __version__, resources, store
from auditkit.errors import AuditFileError, AuditkitError
from auditkit.model import SCHEMA_VERSION, Audit, IndustryKind, Language

DEFAULT_DEMO_DIR = Path("auditkit-demo")
"""The bundled example that ``demo`` and ``init`` use (the B2C small business, round 1)."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors end with a hint: a close match, or the command's ``--help``."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        hint = _hint(message, self) or f"run '{self.prog} --help' for the full list of options"
        self.exit(2, f"{self.prog}: error: {message}\nhint: {hint}\n")


def _hint(message: str, parser: argparse.ArgumentParser) -> str | None:
    choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if choice:
        valid = re.findall(r"'([^']*)'", choice.group(2))
        return _did_you_mean(choice.group(1), valid)
    unknown = re.search(r"unrecognized arguments: (\S+)", message)
    if unknown:
        options = [option for action in parser._actions for option in action.option_strings]
        return _did_you_mean(unknown.group(1).split("=")[0], options)
    return None


def _did_you_mean(given: str, valid: Sequence[str]) -> str | None:
    close = difflib.get_close_matches(given, valid, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


@dataclass(frozen=True)
class Command:
    """One sub-command: ``auditkit NAME ...``."""

    name: str
    summary: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status (0 ok, 1 error, 2 wrong arguments, 130 Ctrl-C)."""
    parser = build_parser()
    try:
        args, unknown = parser.parse_known_args(argv)
        if unknown:
            args.parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        return args.command.run(args)
    except AuditkitError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError as error:
        print(f"{error.filename}: {error.strerror}" if error.filename else error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def build_parser() -> argparse.ArgumentParser:
    """The ``auditkit`` parser with one sub-parser per entry of :data:`COMMANDS`."""
    parser = _Parser(
        prog="auditkit",
        description="Communications and social-media strategy audits: audit files, scoring, roadmap, report.",
        epilog="Run 'auditkit COMMAND --help' for the options of one command.",
    )
    parser.add_argument(
        "--version", action="version", version=f"auditkit {__version__} (audit schema {SCHEMA_VERSION})"
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS:
        sub = commands.add_parser(command.name, help=command.summary, description=command.summary)
        command.add_arguments(sub)
        sub.set_defaults(command=command, parser=sub)
    return parser


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (expected YYYY-MM-DD)") from None


def _audit_path(text: str) -> Path:
    path = Path(text)
    if path.name.endswith(store.SUFFIX):
        return path
    if path.suffix == ".json":
        raise argparse.ArgumentTypeError(
            f"audit files end in {store.SUFFIX} (name it '{path.name.removesuffix('.json')}{store.SUFFIX}')"
        )
    return path.with_name(path.name + store.SUFFIX)


def _load(path: Path) -> Audit:
    """The audit file at ``path``, checked like ``auditkit validate`` does: its content and its settings.

    Raises:
        AuditFileError: the file cannot be read, is invalid, or its weights or thresholds are unusable.
    """
    from auditkit.scoring import settings_problems

    audit = store.load(path)
    problems = settings_problems(audit)
    if problems:
        raise AuditFileError(path, problems)
    return audit


def _validated(document: dict[str, object], path: Path) -> Audit:
    """``document`` as an audit, or an error naming ``path`` (the file to be written) and each field."""
    try:
        return Audit.model_validate(document)
    except ValidationError as error:
        raise AuditFileError(path, store.validation_problems(error)) from None


# -- new ---------------------------------------------------------------------------------------------


def _args_new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        type=_audit_path,
        metavar="PATH",
        help=f"the audit file to create; '{store.SUFFIX}' is appended when the name lacks it",
    )
    parser.add_argument(
        "--client", metavar="NAME", help="the client organisation's name (required unless --from)"
    )
    parser.add_argument(
        "--industry",
        choices=[kind.value for kind in IndustryKind],
        metavar="KIND",
        help=f"kind of organisation, one of: {', '.join(IndustryKind)} (default: commercial_b2c)",
    )
    parser.add_argument("--lang", choices=[lang.value for lang in Language], help="deliverables' language")
    parser.add_argument("--consultant", metavar="NAME", help="who runs the audit")
    parser.add_argument(
        "--date", type=_iso_date, metavar="YYYY-MM-DD", help="audit date, YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--from",
        dest="previous",
        type=Path,
        metavar="PREVIOUS",
        help="start the next round from this earlier audit file (everything is copied, round + 1)",
    )


def _cmd_new(args: argparse.Namespace) -> int:
    path: Path = args.path
    if path.exists():
        raise AuditkitError(f"{path}: already exists; not overwritten (choose another name or delete it)")
    if args.previous is not None:
        audit = _next_round(_load(args.previous), args.previous, path, args)
    elif args.client is None:
        raise AuditkitError(
            "auditkit new: give the client's name with --client NAME (or --from PREVIOUS for a new round)"
        )
    else:
        engagement = {
            "client": args.client,
            "consultant": args.consultant or "",
            "audit_date": args.date or date.today(),
            "language": args.lang or Language.EN,
        }
        audit = _validated(
            {"engagement": engagement, "client": {"industry": args.industry or IndustryKind.COMMERCIAL_B2C}},
            path,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    store.save(audit, path)
    print(path)
    created = f"Created round {audit.engagement.round} of {audit.engagement.client}'s audit."
    _say(f"{created} Check it: auditkit validate {shlex.quote(str(path))}")
    return 0


def _next_round(previous: Audit, previous_path: Path, path: Path, args: argparse.Namespace) -> Audit:
    relative = Path(os.path.relpath(previous_path.resolve(), path.parent.resolve())).as_posix()
    engagement = previous.engagement.model_dump() | {
        "round": previous.engagement.round + 1,
        "previous_round": relative,
        "audit_date": args.date or date.today(),
    }
    overrides = {"client": args.client, "consultant": args.consultant, "language": args.lang}
    engagement |= {key: value for key, value in overrides.items() if value is not None}
    client = previous.client.model_dump() | ({"industry": args.industry} if args.industry else {})
    document = previous.model_dump() | {
        "revision": 0,
        "saved_at": None,
        "engagement": engagement,
        "client": client,
    }
    return _validated(document, path)


# -- validate ----------------------------------------------------------------------------------------


def _args_validate(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="audit files to check")


def _cmd_validate(args: argparse.Namespace) -> int:
    status = 0
    for path in args.paths:
        try:
            _load(path)
        except AuditFileError as error:
            print(error, file=sys.stderr)
            status = 1
        else:
            print(f"{path}: ok")
    return status


# -- schema ------------------------------------------------------------------------------------------


def _args_schema(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write it here (default: stdout)")


def _cmd_schema(args: argparse.Namespace) -> int:
    text = json.dumps(store.json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        store.write_atomically(args.output, text)
        print(args.output)
    return 0


# -- init --------------------------------------------------------------------------------------------


def _args_init(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "directory", type=Path, metavar="DIR", help="the workspace folder (created if needed)"
    )


def _cmd_init(args: argparse.Namespace) -> int:
    directory: Path = args.directory
    if directory.exists() and not directory.is_dir():
        raise AuditkitError(f"{directory}: exists and is not a folder (give a folder for the workspace)")
    sources = sorted(resources.notebooks_dir().glob("*.ipynb"))
    copies = [(source, directory / source.name) for source in sources]
    example = resources.default_example()
    if example is not None:
        copies.append((example, directory / resources.WORKSPACE_AUDIT))
    directory.mkdir(parents=True, exist_ok=True)
    for source, target in copies:
        if target.exists():
            _say(f"kept {target} (already there)")
            continue
        store.write_atomically(target, source.read_bytes())
        print(target)
    if example is None:
        _say("no bundled example audit to copy (create one with 'auditkit new')")
    _say(f"Next: jupyter lab {shlex.quote(str(directory))}")
    return 0


# -- demo --------------------------------------------------------------------------------------------

DemoStep = Callable[[Audit, Path, Path], list[Path]]
"""One output of the demo: ``step(audit, audit_path, out_dir)`` writes files and returns their paths."""


def _demo_audit_copy(audit: Audit, audit_path: Path, out_dir: Path) -> list[Path]:
    target = out_dir / audit_path.name
    store.write_atomically(target, audit.model_dump_json(indent=2, exclude_none=True) + "\n")
    return [target]


def _demo_schema(audit: Audit, audit_path: Path, out_dir: Path) -> list[Path]:
    target = out_dir / "audit.schema.json"
    store.write_atomically(target, json.dumps(store.json_schema(), indent=2, ensure_ascii=False) + "\n")
    return [target]


def _demo_scores_and_findings(audit: Audit, audit_path: Path, out_dir: Path) -> list[Path]:
    from auditkit.diagnose import diagnose
    from auditkit.scoring import score

    language = audit.engagement.language
    documents = {
        "scorecard.json": score(audit).to_dict(language),
        "findings.json": diagnose(audit).to_dict(language),
    }
    return [
        store.write_atomically(out_dir / name, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        for name, document in documents.items()
    ]


def _demo_report(audit: Audit, audit_path: Path, out_dir: Path) -> list[Path]:
    from auditkit.report.write import write_report

    other = next(lang for lang in Language if lang != audit.engagement.language)
    return [
        *write_report(audit, out_dir / "report.html"),
        *write_report(audit, out_dir / f"report.{other.value}.html", other),
    ]


def _demo_roadmap(audit: Audit, audit_path: Path, out_dir: Path) -> list[Path]:
    from auditkit.export import FORMATS, write_roadmap
    from auditkit.roadmap import build_roadmap

    roadmap = build_roadmap(audit)
    return [write_roadmap(roadmap, out_dir / f"roadmap{extension}") for extension in FORMATS]


DEMO_STEPS: list[DemoStep] = [
    _demo_audit_copy,
    _demo_schema,
    _demo_scores_and_findings,
    _demo_roadmap,
    _demo_report,
]
"""The demo's outputs, in order; later stages append their step here."""


def _args_demo(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "audit",
        nargs="?",
        type=Path,
        metavar="AUDIT",
        help="the audit file to run on (default: the bundled B2C example)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=DEFAULT_DEMO_DIR,
        metavar="DIR",
        help=f"folder for the outputs (default: ./{DEFAULT_DEMO_DIR}; existing outputs are replaced)",
    )


def _cmd_demo(args: argparse.Namespace) -> int:
    audit_path = args.audit or resources.default_example()
    if audit_path is None:
        raise AuditkitError(
            "auditkit demo: no bundled example audit; give an audit file: auditkit demo AUDIT"
        )
    audit = _load(audit_path)
    out_dir: Path = args.output
    if out_dir.exists() and not out_dir.is_dir():
        raise AuditkitError(f"{out_dir}: exists and is not a folder (give a folder with -o DIR)")
    out_dir.mkdir(parents=True, exist_ok=True)
    _say(f"Demo on {audit_path} ({audit.engagement.client}, round {audit.engagement.round}):")
    for step in DEMO_STEPS:
        for written in step(audit, audit_path, out_dir):
            print(written)
    return 0


# -- score and diagnose -----------------------------------------------------------------------------


JsonDocument = Callable[[Language], dict[str, Any]]
TextRenderer = Callable[[Language], str]
"""A result as JSON-ready data, and as text for a terminal, in a given language."""


def _add_text_options(parser: argparse.ArgumentParser, json_help: str) -> None:
    """``--json`` and ``--lang``, shared by the commands that print a result about one audit."""
    parser.add_argument("--json", action="store_true", help=json_help)
    parser.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        help="language of the texts (default: the audit's language)",
    )


def _print_result(audit: Audit, args: argparse.Namespace, document: JsonDocument, text: TextRenderer) -> None:
    """The JSON document, or a heading naming the audit and the text, in ``--lang`` or the audit's language."""
    lang = Language(args.lang or audit.engagement.language)
    if args.json:
        print(json.dumps(document(lang), indent=2, ensure_ascii=False))
        return
    engagement = audit.engagement
    print(f"{engagement.client} — {engagement.audit_date.isoformat()} (round {engagement.round})")
    print(text(lang).rstrip("\n"))


def _args_score(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help="the audit file to score")
    _add_text_options(parser, "print the scorecard as a JSON document")


def _cmd_score(args: argparse.Namespace) -> int:
    from auditkit.scoring import score

    audit = _load(args.path)
    scorecard = score(audit)
    _print_result(audit, args, scorecard.to_dict, scorecard.to_text)
    return 0


def _args_diagnose(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", type=Path, metavar="PATH", help="the audit file to diagnose")
    _add_text_options(parser, "print the findings and the rules not assessed as a JSON object")


def _cmd_diagnose(args: argparse.Namespace) -> int:
    from auditkit.diagnose import diagnose

    audit = _load(args.path)
    diagnosis = diagnose(audit)
    width = min(shutil.get_terminal_size((100, 24)).columns, 120)
    _print_result(audit, args, diagnosis.to_dict, lambda lang: diagnosis.to_text(lang, width=width))
    return 0


# -- report ------------------------------------------------------------------------------------------


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of processes (expected 1, 2, ...)")
    return value


def _args_report(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", type=Path, metavar="PATH", help="the audit file to render")
    parser.add_argument(
        "--batch", type=Path, metavar="DIR", help=f"render every *{store.SUFFIX} file of DIR instead"
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="the report file (default: PATH's name with .html, here); with --batch, the reports' folder",
    )
    parser.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        help="language of the report (default: the audit's language)",
    )
    parser.add_argument(
        "--branding",
        type=Path,
        metavar="FILE",
        help="branding file (.json or .toml): name, logo, primary, accent",
    )
    parser.add_argument(
        "--pdf", action="store_true", help="also print each report to PDF beside it (needs headless Chromium)"
    )
    parser.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="with --batch: render N files at a time"
    )


def _cmd_report(args: argparse.Namespace) -> int:
    from auditkit.report.batch import ProgressBar, audit_files, render_batch
    from auditkit.report.branding import load_branding
    from auditkit.report.pdf import find_chromium
    from auditkit.report.write import write_report

    if (args.path is None) == (args.batch is None):
        args.parser.error("give either an audit file PATH or --batch DIR (one of the two)")
    if args.batch is not None and args.output is None:
        args.parser.error("--batch needs -o OUTDIR, the folder for the reports")
    if args.pdf:
        find_chromium()
    branding = load_branding(args.branding) if args.branding else None
    if args.batch is None:
        output = args.output or Path(args.path.name.removesuffix(store.SUFFIX) + ".html")
        for written in write_report(_load(args.path), output, args.lang, args.pdf, branding=branding):
            print(written)
        return 0
    sources = audit_files(args.batch)
    if not sources:
        raise AuditkitError(f"{args.batch}: no *{store.SUFFIX} file to render")
    results = render_batch(
        sources, args.output, args.lang, branding, pdf=args.pdf, jobs=args.jobs, progress=ProgressBar()
    )
    failed = sum(not item.ok for item in results)
    _say(
        f"{len(results) - failed} of {len(results)} reports written to {args.output}"
        + (f"; {failed} skipped (see above)" if failed else "")
    )
    return 1 if failed else 0


# -- roadmap ---------------------------------------------------------------------------------------


def _args_roadmap(parser: argparse.ArgumentParser) -> None:
    from auditkit.export import FORMATS

    parser.add_argument("path", type=Path, metavar="PATH", help="the audit file to plan")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help=f"write the roadmap to FILE; its extension picks the format: {', '.join(FORMATS)}",
    )
    parser.add_argument(
        "--json", action="store_true", help="print the roadmap as a JSON object (stages in month order)"
    )
    parser.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        help="language of the texts (default: the audit's language)",
    )


def _cmd_roadmap(args: argparse.Namespace) -> int:
    from auditkit.export import check_format, render_markdown, write_roadmap
    from auditkit.roadmap import build_roadmap

    if args.output is not None:
        check_format(args.output)
    audit = _load(args.path)
    lang = Language(args.lang or audit.engagement.language)
    roadmap = build_roadmap(audit)
    if args.json:
        print(json.dumps(roadmap.to_dict(lang), indent=2, ensure_ascii=False))
    if args.output is not None:
        written = write_roadmap(roadmap, args.output, lang)
        (_say if args.json else print)(str(written))
    elif not args.json:
        sys.stdout.write(render_markdown(roadmap, lang))
    return 0


# -- app -------------------------------------------------------------------------------------------

APP_NOTEBOOK = "00_start.ipynb"
"""The page ``auditkit app`` opens first; the others are linked from it."""


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number (1 to 65535)")
    return int(text)


def _args_app(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "directory",
        nargs="?",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the workspace with the notebooks (default: the current folder; create one with 'auditkit init DIR')",
    )
    parser.add_argument(
        "--port", type=_port, default=8866, metavar="N", help="port to serve on (default: 8866)"
    )
    parser.add_argument(
        "--ip",
        default="127.0.0.1",
        metavar="ADDRESS",
        help="address to listen on (default: 127.0.0.1; 0.0.0.0 to serve a workshop's network)",
    )
    parser.add_argument(
        "--cull-minutes",
        type=float,
        default=30,
        metavar="M",
        help="stop a page's kernel after M idle minutes, e.g. a closed tab (default: 30; 0 keeps them)",
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
    if args.cull_minutes > 0:
        seconds = round(args.cull_minutes * 60)
        command += [
            f"--MappingKernelManager.cull_idle_timeout={seconds}",
            f"--MappingKernelManager.cull_interval={min(60, seconds)}",
            "--MappingKernelManager.cull_connected=False",
        ]
    return command


def _cmd_app(args: argparse.Namespace) -> int:
    import importlib.util
    import subprocess

    directory: Path = args.directory
    if not (directory / APP_NOTEBOOK).is_file():
        raise AuditkitError(
            f"{directory}: no auditkit notebooks here (no {APP_NOTEBOOK}); "
            f"create a workspace first: auditkit init {shlex.quote(str(directory))}"
        )
    if importlib.util.find_spec("voila") is None:
        raise AuditkitError("auditkit app needs Voilà: pip install 'auditkit[notebooks]'")
    host = "localhost" if args.ip in ("127.0.0.1", "0.0.0.0") else args.ip
    _say(
        f"Serving {directory} with Voilà: http://{host}:{args.port}/voila/render/{APP_NOTEBOOK} (Ctrl-C to stop)"
    )
    server = subprocess.Popen(app_command(args))
    try:
        return server.wait()
    except KeyboardInterrupt:
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.terminate()
            server.wait()
        return 130


COMMANDS: list[Command] = [
    Command("new", "Create a new audit file (or the next round of one).", _args_new, _cmd_new),
    Command("validate", "Check audit files; one line per problem.", _args_validate, _cmd_validate),
    Command("schema", "Print the JSON Schema of audit files.", _args_schema, _cmd_schema),
    Command("init", "Create a consultant's workspace: notebooks and an example.", _args_init, _cmd_init),
    Command("demo", "Run the pipeline on an example audit and write its outputs.", _args_demo, _cmd_demo),
    Command(
        "report", "Render audits as self-contained HTML reports (offline, fr/en).", _args_report, _cmd_report
    ),
    Command("score", "Score an audit: channels, fit, strategy, organisation.", _args_score, _cmd_score),
    Command("diagnose", "List an audit's findings, most severe first.", _args_diagnose, _cmd_diagnose),
    Command(
        "roadmap",
        "Stage an audit's actions at 1, 3, 6, 9 and 12 months; export it.",
        _args_roadmap,
        _cmd_roadmap,
    ),
    Command("app", "Serve the workspace's notebooks as a web app (Voilà).", _args_app, _cmd_app),
]
"""Every sub-command, in the order ``auditkit --help`` lists them."""
