"""The command line's argument parser, in the reader's language.

argparse lays out the help and checks the arguments; the texts it shows (help, headings, usage prefix,
its own error messages, the hint after an error) come from the ``cli`` catalogue, in the language
:func:`cli_language` picks. Help texts are kept as message ids until shown, so that building the parser
loads no catalogue.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

from auditkit.locale import Message, languages, msg

DEFAULT_LANGUAGE = "en"
LANGUAGE_VARIABLE = "AUDITKIT_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The POSIX locale variables, strongest first: the first one set names the user's language."""


def cli_language(argv: Sequence[str] = (), environ: Mapping[str, str] = os.environ) -> str:
    """The language of the command line's messages.

    ``--lang`` on the command line where a command has it, else ``AUDITKIT_LANG``, else the POSIX locale
    (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) when it starts with the code of a language that has a
    catalogue, else English.
    """
    known = sorted(languages(), key=len, reverse=True)
    given = _option_value(argv, "--lang")
    if given in known:
        return given
    wanted = [environ.get(LANGUAGE_VARIABLE, "")]
    wanted += [next((environ[name] for name in LOCALE_VARIABLES if environ.get(name)), "")]
    for value in wanted:
        code = next((code for code in known if value.startswith(code)), None)
        if code:
            return code
    return DEFAULT_LANGUAGE


def _option_value(argv: Sequence[str], option: str) -> str | None:
    for i, token in enumerate(argv):
        if token == option and i + 1 < len(argv):
            return argv[i + 1]
        if token.startswith(f"{option}="):
            return token.split("=", 1)[1]
    return None


class _Later(str):
    """A text of the parser kept as its message id, rendered in the parser's language when it is shown."""

    message: Message

    def __new__(cls, message: Message) -> _Later:
        text = super().__new__(cls, message.id)
        text.message = message
        return text


def help_text(message_id: str, **values: Any) -> str:
    """The catalogue message ``message_id`` as a help text: rendered when the help is shown."""
    return _Later(msg(message_id, **values))


def help_message(message: Message) -> str:
    """``message`` as a help text: rendered when the help is shown."""
    return _Later(message)


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the headings, help texts and usage prefix of the ``cli`` catalogue."""

    def __init__(self, prog: str, lang: str) -> None:
        super().__init__(prog)
        self.lang = lang

    def _shown(self, text: str) -> str:
        return text.message(self.lang) if isinstance(text, _Later) else text

    def _format_text(self, text: str) -> str:
        return super()._format_text(self._shown(text))

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return self._shown(action.help).replace("%", "%%") if action.help else action.help

    def start_section(self, heading: str | None) -> None:
        if heading:
            heading = msg("cli.parser.section", heading=self._shown(heading))(self.lang).removesuffix(":")
        super().start_section(heading)

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(
            usage, actions, groups, msg("cli.parser.usage")(self.lang) if prefix is None else prefix
        )


class Parser(argparse.ArgumentParser):
    """An argument parser in language ``lang``, whose errors end with a hint: a close match, or ``--help``."""

    def __init__(self, prog: str | None = None, *, lang: str = DEFAULT_LANGUAGE, **kwargs: Any) -> None:
        super().__init__(prog, add_help=False, **kwargs)
        self.lang = lang
        self._positionals.title = help_text("cli.parser.positionals")
        self._optionals.title = help_text("cli.parser.options")
        self.add_argument("-h", "--help", action="help", help=help_text("cli.parser.help"))

    def _get_formatter(self) -> argparse.HelpFormatter:
        return _Formatter(self.prog, self.lang)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        hint = _hint(message, self) or msg("cli.hint.help", prog=self.prog)
        said = msg("cli.parser.error", prog=self.prog, message=_argparse_message(message))
        self.exit(2, f"{said(self.lang)}\n{msg('cli.parser.hint', hint=hint)(self.lang)}\n")


_ARGPARSE_MESSAGES = (
    (re.compile(r"argument (?P<argument>.+?): (?P<reason>.+)", re.DOTALL), "cli.argparse.argument"),
    (re.compile(r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)"), "cli.argparse.choice"),
    (re.compile(r"the following arguments are required: (?P<arguments>.+)"), "cli.argparse.required"),
    (re.compile(r"unrecognized arguments: (?P<arguments>.+)"), "cli.argparse.unrecognized"),
    (re.compile(r"expected one argument"), "cli.argparse.one_argument"),
    (re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"), "cli.argparse.ambiguous"),
    (re.compile(r"invalid (?P<kind>\S+) value: (?P<value>.+)"), "cli.argparse.invalid_value"),
)
"""argparse's own error messages (it writes them in English) and the catalogue's words for them."""


def _argparse_message(message: str) -> Message | str:
    """argparse's ``message`` as a catalogue message where it is one argparse writes, else as it is."""
    for pattern, message_id in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            values = match.groupdict()
            if "reason" in values:
                return msg(
                    message_id, argument=values["argument"], reason=_argparse_message(values["reason"])
                )
            return msg(message_id, **values)
    return message


def _hint(message: str, parser: argparse.ArgumentParser) -> Message | None:
    choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if choice:
        valid = re.findall(r"'([^']*)'", choice.group(2))
        return _did_you_mean(choice.group(1), valid)
    unknown = re.search(r"unrecognized arguments: (\S+)", message)
    if unknown:
        options = [option for action in parser._actions for option in action.option_strings]
        return _did_you_mean(unknown.group(1).split("=")[0], options)
    return None


def _did_you_mean(given: str, valid: Sequence[str]) -> Message | None:
    close = difflib.get_close_matches(given, valid, n=1, cutoff=0.6)
    return msg("cli.hint.did_you_mean", close=close[0]) if close else None
