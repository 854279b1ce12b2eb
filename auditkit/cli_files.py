"""The command line's commands about audit files (``new``, ``validate``, ``schema``, ``init``) and the
helpers every command shares: reading an audit file the way ``validate`` checks it, speaking on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from auditkit import resources
from auditkit.cli_parser import DEFAULT_LANGUAGE, Parser, help_text
from auditkit.errors import AuditFileError, AuditkitError
from auditkit.fileformat import SCHEMA_VERSION, SUFFIX
from auditkit.locale import Message, languages, msg

if TYPE_CHECKING:
    from auditkit.model import Audit
    from auditkit.run import AuditRun

__all__ = [
    "args_init",
    "args_new",
    "args_schema",
    "args_validate",
    "cmd_init",
    "cmd_new",
    "cmd_schema",
    "cmd_validate",
    "language_choices",
    "load",
    "run",
    "say",
]


def say(args: argparse.Namespace, message: Message) -> None:
    """``message`` on the standard error, in the command line's language."""
    print(message(args.cli_lang), file=sys.stderr)


def language_choices(parser: Parser, help_id: str) -> None:
    """The ``--lang`` option: one of the languages that have a catalogue."""
    parser.add_argument("--lang", choices=languages(), help=help_text(help_id))


def _iso_date(lang: str) -> Callable[[str], date]:
    def convert(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise argparse.ArgumentTypeError(msg("cli.argument.date", text=text)(lang)) from None

    return convert


def _audit_path(lang: str) -> Callable[[str], Path]:
    def convert(text: str) -> Path:
        if not text.strip():
            raise argparse.ArgumentTypeError(msg("files.argument.empty_audit", suffix=SUFFIX)(lang))
        path = Path(text)
        if path.name.endswith(SUFFIX):
            return path
        if path.suffix == ".json":
            name = path.name.removesuffix(".json") + SUFFIX
            raise argparse.ArgumentTypeError(msg("cli.argument.audit_name", suffix=SUFFIX, name=name)(lang))
        return path.with_name(path.name + SUFFIX)

    return convert


def _folder(lang: str) -> Callable[[str], Path]:
    """A folder's path; an empty one is refused (it would be the current folder, unasked)."""

    def convert(text: str) -> Path:
        if not text.strip():
            raise argparse.ArgumentTypeError(msg("files.argument.empty_folder")(lang))
        return Path(text)

    return convert


def load(path: Path) -> Audit:
    """The audit file at ``path``, checked like ``auditkit validate`` does: its content and its settings.

    Raises:
        AuditFileError: the file cannot be read, is invalid, or its weights or thresholds are unusable.
    """
    from auditkit import store
    from auditkit.scoring.weights import settings_problems

    audit = store.load(path)
    problems = settings_problems(audit)
    if problems:
        raise AuditFileError(path, problems)
    return audit


def run(path: Path) -> AuditRun:
    """The run of the audit file at ``path``, checked like :func:`load` does."""
    from auditkit.run import AuditRun

    return AuditRun(load(path), path=path)


def _validated(document: dict[str, object], path: Path) -> Audit:
    """``document`` as an audit, or an error naming ``path`` (the file to be written) and each field."""
    from pydantic import ValidationError

    from auditkit import store
    from auditkit.model import Audit

    try:
        return Audit.model_validate(document)
    except ValidationError as error:
        raise AuditFileError(path, store.validation_problems(error)) from None


# -- new ---------------------------------------------------------------------------------------------


def args_new(parser: Parser) -> None:
    from auditkit.model import IndustryKind

    kinds = [kind.value for kind in IndustryKind]
    parser.epilog = help_text("cli.new.epilog", schema=str(SCHEMA_VERSION))
    parser.add_argument(
        "path", type=_audit_path(parser.lang), metavar="PATH", help=help_text("cli.new.path", suffix=SUFFIX)
    )
    parser.add_argument("--client", metavar="NAME", help=help_text("cli.new.client"))
    parser.add_argument(
        "--industry",
        choices=kinds,
        metavar="KIND",
        help=help_text("cli.new.industry", kinds=", ".join(kinds), default=IndustryKind.COMMERCIAL_B2C.value),
    )
    language_choices(parser, "cli.new.lang")
    parser.add_argument("--consultant", metavar="NAME", help=help_text("cli.new.consultant"))
    parser.add_argument(
        "--date", type=_iso_date(parser.lang), metavar="YYYY-MM-DD", help=help_text("cli.new.date")
    )
    parser.add_argument(
        "--from", dest="previous", type=Path, metavar="PREVIOUS", help=help_text("cli.new.from")
    )


def cmd_new(args: argparse.Namespace) -> int:
    from auditkit import store
    from auditkit.model import IndustryKind

    path: Path = args.path
    if path.exists():
        raise AuditkitError(msg("cli.new.exists", path=str(path)))
    if args.previous is not None:
        audit = _next_round(load(args.previous), args.previous, path, args)
    elif args.client is None:
        raise AuditkitError(msg("cli.new.no_client"))
    else:
        engagement = {
            "client": args.client,
            "consultant": args.consultant or "",
            "audit_date": args.date or date.today(),
            "language": args.lang or DEFAULT_LANGUAGE,
        }
        audit = _validated(
            {"engagement": engagement, "client": {"industry": args.industry or IndustryKind.COMMERCIAL_B2C}},
            path,
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    store.save(audit, path)
    print(path)
    created = audit.engagement
    quoted = shlex.quote(str(path))
    say(args, msg("cli.new.created", round=str(created.round), client=created.client, path=quoted))
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
        "commentary": {"set_aside": previous.model_dump()["commentary"]["set_aside"]},
    }
    return _validated(document, path)


# -- validate ----------------------------------------------------------------------------------------


def args_validate(parser: Parser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=help_text("cli.validate.paths"))


def cmd_validate(args: argparse.Namespace) -> int:
    status = 0
    for path in args.paths:
        try:
            audit = load(path)
        except AuditFileError as error:
            print(error.text(args.cli_lang), file=sys.stderr)
            status = 1
        else:
            print(msg("cli.validate.ok", path=str(path))(args.cli_lang))
            _warn_unknown_rules(audit, path, args.cli_lang)
    return status


def _warn_unknown_rules(audit: Audit, path: Path, lang: str) -> None:
    """Warn about what the file names that does nothing: unknown rule ids, set-aside entries that set nothing aside."""
    if not audit.commentary.set_aside and not any(obstacle.affects for obstacle in audit.strategy.obstacles):
        return
    from auditkit.diagnose import file_warnings

    for problem in file_warnings(audit):
        print(msg("cli.validate.warning", path=str(path), problem=problem.text(lang))(lang), file=sys.stderr)


# -- schema ------------------------------------------------------------------------------------------


def args_schema(parser: Parser) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help=help_text("cli.schema.output"))


def cmd_schema(args: argparse.Namespace) -> int:
    from auditkit import store

    text = json.dumps(store.json_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output is None:
        sys.stdout.write(text)
    else:
        store.write_atomically(args.output, text)
        print(args.output)
    return 0


# -- init --------------------------------------------------------------------------------------------


def args_init(parser: Parser) -> None:
    parser.add_argument(
        "directory", type=_folder(parser.lang), metavar="DIR", help=help_text("cli.init.directory")
    )


def cmd_init(args: argparse.Namespace) -> int:
    from auditkit import store

    directory: Path = args.directory
    if directory.exists() and not directory.is_dir():
        raise AuditkitError(msg("cli.init.not_a_folder", path=str(directory)))
    sources = sorted(resources.notebooks_dir().glob("*.ipynb"))
    copies = [(source, directory / source.name) for source in sources]
    example = resources.default_example()
    if example is not None:
        copies.append((example, directory / resources.WORKSPACE_AUDIT))
    directory.mkdir(parents=True, exist_ok=True)
    for source, target in copies:
        if target.exists():
            say(args, msg("cli.init.kept", path=str(target)))
            continue
        store.write_atomically(target, source.read_bytes())
        print(target)
    if example is None:
        say(args, msg("cli.init.no_example"))
    say(args, msg("cli.init.next", path=shlex.quote(str(directory))))
    return 0
