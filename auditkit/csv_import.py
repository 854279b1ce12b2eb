"""Channel metrics from a platform's CSV export: read any dialect, map columns, preview, then apply.

Platforms export their statistics in many dialects. :func:`read_csv` accepts separators ``,``, ``;``,
tab and ``|``; UTF-8 with or without a byte-order mark, UTF-16 with one, and Windows-1252 / Latin-1;
numbers with a decimal comma or point and thousands grouped by a space, a no-break space, a narrow
no-break space, a point, a comma or an apostrophe; percentages (``2,5 %``); dates in ISO form
(``2026-11-23``, with or without a time), in day-first numeric form (``23/11/2026``), month-first
when the column proves it (``11/23/2026``), or with month names in French or English.

The import never guesses silently. :func:`suggest_mapping` proposes which column feeds which channel
field (from header names in French or English, checked against the column's content); the user confirms
or changes it; :func:`plan_import` computes what would change on the channel (old value, new value);
only :func:`apply_plan` changes the audit. A file that is not usable raises :class:`CsvImportError`
naming the file (and the line where one is at fault); nothing is changed then. Every message a person
reads (errors, notes, the dialect) is a :class:`Message`: English as a string, French on request.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from auditkit.errors import AuditkitError
from auditkit.i18n import Bilingual
from auditkit.model import Audit, Channel, EngagementMeasure, Language

__all__ = [
    "DELIMITERS",
    "TARGET_LABELS",
    "ColumnKind",
    "CsvColumn",
    "CsvImportError",
    "CsvTable",
    "FieldChange",
    "ImportPlan",
    "Mapping",
    "Message",
    "Target",
    "apply_plan",
    "guess_channel",
    "parse_date",
    "parse_number",
    "plan_import",
    "read_csv",
    "read_csv_file",
    "suggest_definition",
    "suggest_mapping",
]

DELIMITERS = (",", ";", "\t", "|")
"""Separators recognised, in order of preference when two fit equally."""

_SAMPLE_LINES = 200
_SEPARATOR_HINT = re.compile(r"^\ufeff?sep=(.)\s*$", re.IGNORECASE)
"""The first line ``sep=;`` that Excel writes to name the separator."""
_MIN_SHARE = 0.8
_SPACES = " \u00a0\u202f\u2009\u2007'\u2019"
DEFAULT_DEFINITION = "rivaliq_er_per_post_by_follower"
IMPRESSIONS_DEFINITION = "buffer_er_by_impressions"
REACH_DEFINITION = "er_by_reach"


class Message(str):
    """A message for a person: the string is the English text; :meth:`__call__` gives either language."""

    fr: str

    def __new__(cls, en: str, fr: str) -> Message:
        message = super().__new__(cls, en)
        message.fr = fr
        return message

    def __call__(self, language: Language | str) -> str:
        return self.fr if Language(language) is Language.FR else str(self)


def _at_line(line: int, en: str, fr: str) -> Message:
    return Message(f"line {line}: {en}", f"ligne {line} : {fr}")


class CsvImportError(AuditkitError):
    """A CSV export could not be used; the message names the file, the line if any, and what would do.

    ``str(error)`` is in English; :meth:`localized` gives the message in the audit's language.
    """

    def __init__(self, name: str, message: Message, line: int | None = None) -> None:
        self.name = name
        self.line = line
        self.message = message
        super().__init__(self.localized(Language.EN))

    def localized(self, language: Language | str) -> str:
        """The message in ``language``, naming the file and the line."""
        french = Language(language) is Language.FR
        if self.line is None:
            where = self.name
        else:
            where = f"{self.name}, {'ligne' if french else 'line'} {self.line}"
        return f"{where}{' :' if french else ':'} {self.message(language)}"


class Target(StrEnum):
    """What a CSV column can feed on a channel."""

    IGNORE = "ignore"
    DATE = "date"
    """Date of the row (a post or a period): gives the last post and the period covered."""
    LAST_POST = "last_post"
    FOLLOWERS = "audience_size"
    ENGAGEMENT_RATE = "engagement_rate"
    INTERACTIONS = "interactions"
    """Summed when several columns feed it (likes + comments + shares)."""
    REACH = "reach"
    """Reach, impressions or views: the base of an engagement rate computed from counts."""
    POSTS = "posts"
    """Number of posts in the row's period (for exports with one row per day or week)."""
    RESPONSE_MINUTES = "median_response_minutes"


TARGET_LABELS: dict[Target, Bilingual] = {
    Target.IGNORE: Bilingual("(ignore)", "(ignorer)"),
    Target.DATE: Bilingual("Date of the row", "Date de la ligne"),
    Target.LAST_POST: Bilingual("Last post", "Dernière publication"),
    Target.FOLLOWERS: Bilingual("Followers (audience size)", "Abonnés (taille de l'audience)"),
    Target.ENGAGEMENT_RATE: Bilingual("Engagement rate", "Taux d'engagement"),
    Target.INTERACTIONS: Bilingual("Interactions (summed)", "Interactions (additionnées)"),
    Target.REACH: Bilingual("Reach / impressions / views", "Portée / impressions / vues"),
    Target.POSTS: Bilingual("Number of posts", "Nombre de publications"),
    Target.RESPONSE_MINUTES: Bilingual("Response time (minutes)", "Temps de réponse (minutes)"),
}

_NUMERIC_TARGETS = {
    Target.FOLLOWERS,
    Target.ENGAGEMENT_RATE,
    Target.INTERACTIONS,
    Target.REACH,
    Target.POSTS,
    Target.RESPONSE_MINUTES,
}
_DATE_TARGETS = {Target.DATE, Target.LAST_POST}
_SINGLE_TARGETS = set(Target) - {Target.IGNORE, Target.INTERACTIONS}

_HEADER_KEYWORDS: tuple[tuple[Target, tuple[str, ...]], ...] = (
    (
        Target.LAST_POST,
        ("derniere publication", "dernier post", "last post", "last published", "latest post"),
    ),
    (
        Target.ENGAGEMENT_RATE,
        ("taux d engagement", "taux engagement", "engagement rate", "eng rate", "er"),
    ),
    (
        Target.RESPONSE_MINUTES,
        ("temps de reponse", "delai de reponse", "response time", "reply time", "time to respond"),
    ),
    (
        Target.FOLLOWERS,
        (
            "abonnes",
            "abonnes totaux",
            "nombre d abonnes",
            "followers",
            "total followers",
            "follower count",
            "fans",
            "subscribers",
            "page likes",
            "mentions j aime de la page",
            "membres",
            "members",
            "audience",
        ),
    ),
    (
        Target.POSTS,
        ("publications", "posts", "nombre de publications", "number of posts", "posts published", "nb posts"),
    ),
    (Target.REACH, ("portee", "reach", "couverture", "impressions", "vues", "views", "video views")),
    (
        Target.INTERACTIONS,
        (
            "interactions",
            "engagements",
            "engagement",
            "total engagements",
            "j aime",
            "likes",
            "reactions",
            "commentaires",
            "comments",
            "partages",
            "shares",
            "reposts",
            "retweets",
            "enregistrements",
            "saves",
        ),
    ),
    (
        Target.DATE,
        (
            "date",
            "jour",
            "day",
            "date de publication",
            "publication date",
            "published",
            "publie le",
            "heure de publication",
            "created",
            "created at",
            "periode",
            "period",
            "semaine",
            "week",
        ),
    ),
)
_POST_COLUMN_WORDS = (
    "publication",
    "post",
    "message",
    "texte",
    "text",
    "titre",
    "title",
    "permalien",
    "permalink",
    "lien",
    "link",
    "url",
    "legende",
    "caption",
    "id de publication",
    "post id",
)
_REACH_WORDS = ("portee", "reach", "couverture")
_VIEW_WORDS = ("vues", "views")
_PERCENT_WORDS = ("%", "(%)", "percent", "pourcentage", "pct")
_HOUR_WORDS = ("heure", "heures", "hour", "hours", "(h)")

_MONTHS = {
    **dict.fromkeys(("janvier", "janv", "jan", "january"), 1),
    **dict.fromkeys(("fevrier", "fevr", "fev", "feb", "february"), 2),
    **dict.fromkeys(("mars", "mar", "march"), 3),
    **dict.fromkeys(("avril", "avr", "apr", "april"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juin", "jun", "june"), 6),
    **dict.fromkeys(("juillet", "juil", "jul", "july"), 7),
    **dict.fromkeys(("aout", "aug", "august"), 8),
    **dict.fromkeys(("septembre", "sept", "sep", "september"), 9),
    **dict.fromkeys(("octobre", "oct", "october"), 10),
    **dict.fromkeys(("novembre", "nov", "november"), 11),
    **dict.fromkeys(("decembre", "dec", "december"), 12),
}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:[ t,].*)?$")
_TEXT_DATE_DAY_FIRST = re.compile(r"^(\d{1,2})(?:er)?\s+([a-z]+)\.?,?\s+(\d{4})(?:[ t,].*)?$")
_TEXT_DATE_MONTH_FIRST = re.compile(r"^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:[ t,].*)?$")
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d+)*|[.,]\d+)$")

_BINARY_SIGNATURES: tuple[tuple[bytes, Message], ...] = (
    (
        b"PK\x03\x04",
        Message(
            "this is a ZIP archive or an Excel workbook (.xlsx); export the sheet as CSV",
            "c'est une archive ZIP ou un classeur Excel (.xlsx) ; exportez la feuille en CSV",
        ),
    ),
    (
        b"\xd0\xcf\x11\xe0",
        Message(
            "this is an old Excel workbook (.xls); export the sheet as CSV",
            "c'est un ancien classeur Excel (.xls) ; exportez la feuille en CSV",
        ),
    ),
    (
        b"%PDF",
        Message("this is a PDF document, not a CSV export", "c'est un document PDF, pas un export CSV"),
    ),
    (b"\x89PNG", Message("this is a PNG image, not a CSV export", "c'est une image PNG, pas un export CSV")),
    (
        b"\xff\xd8\xff",
        Message("this is a JPEG image, not a CSV export", "c'est une image JPEG, pas un export CSV"),
    ),
    (b"GIF8", Message("this is a GIF image, not a CSV export", "c'est une image GIF, pas un export CSV")),
    (
        b"\x1f\x8b",
        Message(
            "this is a gzip-compressed file; uncompress it first",
            "c'est un fichier compressé (gzip) ; décompressez-le d'abord",
        ),
    ),
)
_EMPTY = Message(
    "the file is empty (expected a header line and data rows)",
    "le fichier est vide (il faut une ligne d'en-tête et des lignes de données)",
)


class ColumnKind(StrEnum):
    NUMBER = "number"
    PERCENT = "percent"
    DATE = "date"
    TEXT = "text"
    EMPTY = "empty"

    @property
    def label(self) -> Bilingual:
        """The kind in words."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ColumnKind.NUMBER: Bilingual("number", "nombre"),
    ColumnKind.PERCENT: Bilingual("percentage", "pourcentage"),
    ColumnKind.DATE: Bilingual("date", "date"),
    ColumnKind.TEXT: Bilingual("text", "texte"),
    ColumnKind.EMPTY: Bilingual("empty", "vide"),
}
_DELIMITER_NAMES = {
    ",": Bilingual("','", "','"),
    ";": Bilingual("';'", "';'"),
    "\t": Bilingual("tab", "tabulation"),
    "|": Bilingual("'|'", "'|'"),
}
_ENCODING_NAMES = {"UTF-8 with BOM": "UTF-8 avec BOM"}


@dataclass(frozen=True)
class CsvColumn:
    """One column of a CSV table, with what its values turned out to be."""

    index: int
    name: str
    kind: ColumnKind
    decimal: str = "."
    day_first: bool = True


@dataclass(frozen=True)
class CsvTable:
    """A decoded CSV export: header, data rows and the dialect they were read with."""

    name: str
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    """Line number in the file of each data row (1 = the first line)."""
    columns: tuple[CsvColumn, ...]
    skipped: tuple[Message, ...] = ()
    """Rows left out, one message each (line number and why)."""

    def values(self, index: int) -> list[tuple[int, str]]:
        """The non-empty values of column ``index``, each with its line number."""
        return [
            (line, row[index].strip())
            for line, row in zip(self.lines, self.rows, strict=True)
            if row[index].strip()
        ]

    @property
    def dialect(self) -> Message:
        """The dialect in words, e.g. ``"';' separated, UTF-8 with BOM"``."""
        names = _DELIMITER_NAMES[self.delimiter]
        return Message(
            f"{names.en} separated, {self.encoding}",
            f"séparateur {names.fr}, {_ENCODING_NAMES.get(self.encoding, self.encoding)}",
        )


@dataclass(frozen=True)
class Mapping:
    """Which column feeds which :class:`Target`, and whether each row is one post."""

    columns: dict[int, Target] = field(default_factory=dict)
    rows_are_posts: bool = False

    def indexes(self, target: Target) -> list[int]:
        return [index for index, mapped in sorted(self.columns.items()) if mapped is target]

    def with_column(self, index: int, target: Target) -> Mapping:
        """This mapping with column ``index`` feeding ``target`` (a single-column target moves)."""
        columns = {
            i: t for i, t in self.columns.items() if i != index and not (t is target and t in _SINGLE_TARGETS)
        }
        if target is not Target.IGNORE:
            columns[index] = target
        return Mapping(columns, self.rows_are_posts)


@dataclass(frozen=True)
class FieldChange:
    """One channel field the import would change."""

    field: str
    """Dotted path in the audit file, e.g. ``channels.2.audience_size``."""
    label: Bilingual
    old: object
    new: object


@dataclass(frozen=True)
class ImportPlan:
    """What applying an import would change on one channel, and what it had to leave out."""

    source: str
    channel_id: str
    channel_index: int
    changes: tuple[FieldChange, ...]
    notes: tuple[Message, ...]

    @property
    def changes_anything(self) -> bool:
        return bool(self.changes)


def read_csv_file(path: Path | str) -> CsvTable:
    """Read a CSV export from disk (see :func:`read_csv`)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CsvImportError(
            str(path),
            Message(
                "no such file (give the path of a CSV export)",
                "fichier introuvable (indiquez le chemin d'un export CSV)",
            ),
        ) from None
    except IsADirectoryError:
        raise CsvImportError(
            str(path),
            Message(
                "is a folder (give the path of a CSV export)",
                "c'est un dossier (indiquez le chemin d'un export CSV)",
            ),
        ) from None
    except OSError as error:
        raise CsvImportError(
            str(path), Message(f"cannot be read: {error.strerror}", f"illisible : {error.strerror}")
        ) from None
    return read_csv(data, path.name)


def read_csv(data: bytes, name: str) -> CsvTable:
    """Decode and parse a CSV export, detecting encoding, separator, decimal mark and date order.

    Args:
        data: the file's bytes.
        name: the file's name, used in messages.

    Raises:
        CsvImportError: the file is empty, binary, JSON, has only a header, has a single column,
            rows that do not match the header, or no column holding numbers or dates.
    """
    text, encoding = _decode(data, name)
    stripped = text.strip()
    if not stripped:
        raise CsvImportError(name, _EMPTY)
    if stripped[0] in "{[" and _is_json(stripped):
        raise CsvImportError(
            name,
            Message(
                "this is a JSON document, not a CSV export (export the data as CSV)",
                "c'est un document JSON, pas un export CSV (exportez les données en CSV)",
            ),
        )
    if stripped[0] == "<":
        raise CsvImportError(
            name,
            Message(
                "this is an HTML or XML document, not a CSV export",
                "c'est un document HTML ou XML, pas un export CSV",
            ),
        )
    first_line = text.lstrip().split("\n", 1)[0]
    hint = _SEPARATOR_HINT.match(first_line.strip())
    if hint and hint.group(1) in DELIMITERS:
        text = text.replace(first_line, "", 1)
        delimiter = hint.group(1)
    else:
        delimiter = _sniff_delimiter(text, name)
    records = _records(text, delimiter)
    if not records:
        raise CsvImportError(name, _EMPTY)
    header_line, header = records[0]
    width = len(header)
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    skipped: list[Message] = []
    for line, record in records[1:]:
        if len(record) < width and not any(record[width - 1 :]) and len(record) >= width - 1:
            record = [*record, ""]
        if len(record) > width and not any(value.strip() for value in record[width:]):
            record = record[:width]
        if len(record) != width:
            skipped.append(
                _at_line(
                    line,
                    f"{len(record)} fields where the header has {width}",
                    f"{len(record)} champs alors que l'en-tête en a {width}",
                )
            )
            continue
        rows.append(tuple(record))
        lines.append(line)
    if not rows:
        if skipped:
            raise CsvImportError(
                name,
                Message(
                    f"no row has the header's {width} fields ({skipped[0]}); check the separator",
                    f"aucune ligne n'a les {width} champs de l'en-tête ({skipped[0].fr}) ; "
                    "vérifiez le séparateur",
                ),
                header_line + 1,
            )
        raise CsvImportError(
            name,
            Message(
                "only a header line, no data rows (export a period with data)",
                "une ligne d'en-tête seulement, aucune donnée (exportez une période qui en a)",
            ),
            header_line,
        )
    if len(skipped) > len(rows):
        first = skipped[0].split(":")[0].removeprefix("line ")
        raise CsvImportError(
            name,
            Message(
                f"most rows do not have the header's {width} fields (is this really a CSV export?)",
                f"la plupart des lignes n'ont pas les {width} champs de l'en-tête "
                "(est-ce bien un export CSV ?)",
            ),
            int(first),
        )
    names = tuple(_column_name(value, index) for index, value in enumerate(header))
    french_dates = _has_french_dates(rows)
    columns = tuple(
        _classify(index, names[index], [row[index] for row in rows], delimiter, french_dates)
        for index in range(width)
    )
    table = CsvTable(name, encoding, delimiter, names, tuple(rows), tuple(lines), columns, tuple(skipped))
    if not any(column.kind in (ColumnKind.NUMBER, ColumnKind.PERCENT, ColumnKind.DATE) for column in columns):
        found = ", ".join(names)
        raise CsvImportError(
            name,
            Message(
                "no usable column: none holds numbers or dates "
                f"(columns found: {found}; expected e.g. Date, Followers, Engagement rate)",
                "aucune colonne utilisable : aucune ne contient de nombres ni de dates "
                f"(colonnes trouvées : {found} ; attendu par ex. Date, Abonnés, Taux d'engagement)",
            ),
        )
    return table


def parse_number(text: str, decimal: str = ".") -> float | None:
    """A number written with ``decimal`` as decimal mark and any thousands grouping; None if not one.

    A trailing ``%`` is dropped (the caller knows the column is a percentage).
    """
    cleaned = text.strip().removesuffix("%").strip()
    for space in _SPACES:
        cleaned = cleaned.replace(space, "")
    if not cleaned or not _NUMBER.match(cleaned):
        return None
    thousands = "," if decimal == "." else "."
    if cleaned.count(decimal) > 1:
        return None
    whole, _, fraction = cleaned.partition(decimal)
    groups = whole.lstrip("+-").split(thousands)
    if len(groups) > 1 and (not groups[0] or any(len(group) != 3 for group in groups[1:])):
        return None
    try:
        return float(whole.replace(thousands, "") + ("." + fraction if fraction else ""))
    except ValueError:
        return None


def parse_date(text: str, day_first: bool = True) -> date | None:
    """A date in ISO, numeric (day-first unless told otherwise) or month-name form; None if not one."""
    value = _plain(text).strip()
    if match := _ISO_DATE.match(value):
        year, month, day = (int(part) for part in match.groups())
        return _date(year, month, day)
    if match := _NUMERIC_DATE.match(value):
        first, second, year = (int(part) for part in match.groups())
        year = year + 2000 if year < 100 else year
        return _date(year, second, first) if day_first else _date(year, first, second)
    if match := _TEXT_DATE_DAY_FIRST.match(value):
        month = _MONTHS.get(match.group(2))
        return _date(int(match.group(3)), month, int(match.group(1))) if month else None
    if match := _TEXT_DATE_MONTH_FIRST.match(value):
        month = _MONTHS.get(match.group(1))
        return _date(int(match.group(3)), month, int(match.group(2))) if month else None
    return None


def suggest_mapping(table: CsvTable) -> Mapping:
    """The mapping suggested from header names (French or English) checked against column contents."""
    columns: dict[int, Target] = {}
    taken: set[Target] = set()
    for column in table.columns:
        target = _target_for(column)
        if target is None or (target in _SINGLE_TARGETS and target in taken):
            continue
        if target is Target.REACH and not any(word in _plain(column.name) for word in _REACH_WORDS):
            reach = next(
                (
                    other
                    for other in table.columns
                    if other.index != column.index
                    and _target_for(other) is Target.REACH
                    and any(word in _plain(other.name) for word in _REACH_WORDS)
                ),
                None,
            )
            if reach is not None:
                continue
        columns[column.index] = target
        taken.add(target)
    rows_are_posts = Target.POSTS not in taken and any(
        column.kind is ColumnKind.TEXT and _matches(column.name, _POST_COLUMN_WORDS)
        for column in table.columns
    )
    return Mapping(columns, rows_are_posts)


def suggest_definition(table: CsvTable, mapping: Mapping, channel: Channel) -> str:
    """The engagement metric code that matches how the rate will be computed from this file."""
    if mapping.indexes(Target.ENGAGEMENT_RATE):
        return channel.engagement.definition if channel.engagement else DEFAULT_DEFINITION
    reach = mapping.indexes(Target.REACH)
    if mapping.indexes(Target.INTERACTIONS) and reach:
        name = _plain(table.header[reach[0]])
        if any(word in name for word in _REACH_WORDS):
            return REACH_DEFINITION
        if any(word in name for word in _VIEW_WORDS):
            return "rivaliq_er_by_view"
        return IMPRESSIONS_DEFINITION
    return DEFAULT_DEFINITION


def guess_channel(audit: Audit, file_name: str) -> str | None:
    """The id of the channel whose platform (or id) the file name mentions, if exactly one fits."""
    name = _plain(file_name)
    by_id = [channel.id for channel in audit.channels if channel.id in name]
    if len(by_id) == 1:
        return by_id[0]
    by_platform = [
        channel.id
        for channel in audit.channels
        if re.search(rf"(^|[^a-z]){re.escape(channel.platform.value)}([^a-z]|$)", name)
        or _plain(channel.platform.label).split(" ")[0] in name
    ]
    return by_platform[0] if len(by_platform) == 1 else None


def plan_import(
    audit: Audit, channel_id: str, table: CsvTable, mapping: Mapping, definition: str | None = None
) -> ImportPlan:
    """What importing ``table`` with ``mapping`` would change on the channel ``channel_id``.

    Args:
        audit: the audit (not changed).
        channel_id: id of the channel the export belongs to.
        table: the parsed export.
        mapping: which column feeds which target.
        definition: engagement metric code to record; default :func:`suggest_definition`.

    Raises:
        CsvImportError: the mapping feeds nothing, or no mapped column holds a usable value.
        KeyError: no channel ``channel_id``.
    """
    index = next((i for i, channel in enumerate(audit.channels) if channel.id == channel_id), None)
    if index is None:
        raise KeyError(channel_id)
    channel = audit.channels[index]
    if not any(target is not Target.IGNORE for target in mapping.columns.values()):
        raise CsvImportError(
            table.name,
            Message(
                "no column is mapped to a channel field (choose at least one)",
                "aucune colonne n'alimente un champ du canal (choisissez-en au moins une)",
            ),
        )
    notes: list[Message] = list(table.skipped)
    dated = _dated_rows(table, mapping, notes)
    updates: dict[str, object] = {}
    last = _last_post(table, mapping, dated, notes)
    if last is not None:
        updates["last_post"] = last
    followers = _latest(table, mapping.indexes(Target.FOLLOWERS), dated, notes)
    if followers is not None:
        updates["audience_size"] = round(followers)
    posts_per_week = _posts_per_week(table, mapping, dated, notes)
    if posts_per_week is not None:
        updates["posts_per_week"] = posts_per_week
    engagement = _engagement(
        table, mapping, definition or suggest_definition(table, mapping, channel), followers, notes
    )
    if engagement is not None:
        updates["engagement"] = engagement
    response = _response_minutes(table, mapping, notes)
    if response is not None:
        updates["median_response_minutes"] = response
    if not updates:
        raise CsvImportError(
            table.name,
            Message(
                "none of the mapped columns holds a usable value "
                f"(see the notes: {'; '.join(notes[:3]) or 'no value'})",
                "aucune des colonnes choisies ne contient de valeur utilisable "
                f"(voir les remarques : {' ; '.join(note.fr for note in notes[:3]) or 'aucune valeur'})",
            ),
        )
    changes = tuple(
        FieldChange(f"channels.{index}.{name}", _FIELD_LABELS[name], getattr(channel, name), value)
        for name, value in updates.items()
        if getattr(channel, name) != value
    )
    return ImportPlan(table.name, channel_id, index, changes, tuple(notes))


def apply_plan(audit: Audit, plan: ImportPlan) -> Audit:
    """A validated copy of ``audit`` with the plan's changes made to its channel."""
    document = audit.model_dump()
    channel = document["channels"][plan.channel_index]
    if channel["id"] != plan.channel_id:
        raise CsvImportError(
            plan.source,
            Message(
                f"the channel '{plan.channel_id}' moved since the preview; preview again",
                f"le canal '{plan.channel_id}' a changé de place depuis l'aperçu ; prévisualisez à nouveau",
            ),
        )
    for change in plan.changes:
        name = change.field.rsplit(".", 1)[1]
        value = change.new
        channel[name] = value.model_dump() if isinstance(value, EngagementMeasure) else value
    return Audit.model_validate(document)


_FIELD_LABELS: dict[str, Bilingual] = {
    "last_post": TARGET_LABELS[Target.LAST_POST],
    "audience_size": TARGET_LABELS[Target.FOLLOWERS],
    "posts_per_week": Bilingual("Posts per week", "Publications par semaine"),
    "engagement": Bilingual("Engagement", "Engagement"),
    "median_response_minutes": Bilingual(
        "Median response time (minutes)", "Temps de réponse médian (minutes)"
    ),
}


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if not data.strip():
        raise CsvImportError(name, _EMPTY)
    for signature, what in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise CsvImportError(name, what)
    if data.startswith(codecs.BOM_UTF8):
        return _decode_as(data[len(codecs.BOM_UTF8) :], "utf-8", name), "UTF-8 with BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, "utf-16", name), "UTF-16"
    if b"\x00" in data[:4096]:
        raise CsvImportError(
            name,
            Message(
                "this is a binary file, not a CSV export (it contains NUL bytes)",
                "c'est un fichier binaire, pas un export CSV (il contient des octets nuls)",
            ),
        )
    try:
        text, encoding = data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode("cp1252"), "Windows-1252 (Latin-1)"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "Latin-1"
    controls = sum(1 for char in text[:4096] if unicodedata.category(char) == "Cc" and char not in "\t\r\n")
    if controls > max(2, len(text[:4096]) // 100):
        raise CsvImportError(
            name,
            Message(
                "this is a binary file, not a CSV export (it contains control bytes)",
                "c'est un fichier binaire, pas un export CSV (il contient des caractères de contrôle)",
            ),
        )
    return text, encoding


def _decode_as(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise CsvImportError(
            name,
            Message(
                f"byte {error.start} is not valid {encoding.upper()} although the file starts with a BOM",
                f"l'octet {error.start} n'est pas du {encoding.upper()} valide alors que le fichier "
                "commence par un BOM",
            ),
        ) from None


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _records(text: str, delimiter: str, limit: int | None = None) -> list[tuple[int, list[str]]]:
    reader = csv.reader(text.splitlines(), delimiter=delimiter, quotechar='"', skipinitialspace=False)
    records: list[tuple[int, list[str]]] = []
    line = 1
    for record in reader:
        if any(value.strip() for value in record):
            records.append((line, record))
            if limit is not None and len(records) >= limit:
                break
        line = reader.line_num + 1
    return records


def _sniff_delimiter(text: str, name: str) -> str:
    best: tuple[float, int, int] | None = None
    chosen = ""
    for rank, delimiter in enumerate(DELIMITERS):
        records = _records(text, delimiter, _SAMPLE_LINES)
        width = len(records[0][1]) if records else 0
        if width < 2:
            continue
        rows = records[1:]
        consistency = sum(1 for _, record in rows if len(record) == width) / len(rows) if rows else 1.0
        score = (round(consistency, 2), width, -rank)
        if best is None or score > best:
            best, chosen = score, delimiter
    if best is None:
        raise CsvImportError(
            name,
            Message(
                "a single column: no separator (',' ';' tab or '|') in the header line; "
                "this does not look like a CSV export",
                "une seule colonne : aucun séparateur (',' ';' tabulation ou '|') dans la ligne "
                "d'en-tête ; cela ne ressemble pas à un export CSV",
            ),
            _records(text, ",", 1)[0][0],
        )
    if best[0] < 0.5:
        records = _records(text, chosen, _SAMPLE_LINES)
        width = len(records[0][1])
        bad = next(line for line, record in records[1:] if len(record) != width)
        raise CsvImportError(
            name,
            Message(
                f"rows do not match the header's {width} columns (is this really a CSV export?)",
                f"les lignes ne correspondent pas aux {width} colonnes de l'en-tête "
                "(est-ce bien un export CSV ?)",
            ),
            bad,
        )
    return chosen


def _column_name(value: str, index: int) -> str:
    name = value.strip().lstrip("\ufeff").strip()
    return name or f"column {index + 1}"


def _has_french_dates(rows: Sequence[tuple[str, ...]]) -> bool:
    dates = [value.strip() for row in rows[:50] for value in row if _NUMERIC_DATE.match(value.strip())]
    return bool(dates) and _day_first(dates)


def _classify(index: int, name: str, values: list[str], delimiter: str, french: bool) -> CsvColumn:
    filled = [value.strip() for value in values if value.strip()]
    if not filled:
        return CsvColumn(index, name, ColumnKind.EMPTY)
    day_first = _day_first(filled)
    dates = sum(1 for value in filled if parse_date(value, day_first) is not None)
    if dates >= _MIN_SHARE * len(filled):
        return CsvColumn(index, name, ColumnKind.DATE, day_first=day_first)
    decimal = _decimal_mark(filled, delimiter, french)
    numbers = sum(1 for value in filled if parse_number(value, decimal) is not None)
    if numbers >= _MIN_SHARE * len(filled):
        percent = any(value.endswith("%") for value in filled)
        return CsvColumn(index, name, ColumnKind.PERCENT if percent else ColumnKind.NUMBER, decimal=decimal)
    return CsvColumn(index, name, ColumnKind.TEXT)


def _day_first(values: list[str]) -> bool:
    for value in values:
        match = _NUMERIC_DATE.match(value)
        if match and int(match.group(1)) > 12:
            return True
    for value in values:
        match = _NUMERIC_DATE.match(value)
        if match and int(match.group(2)) > 12:
            return False
    return True


def _decimal_mark(values: list[str], delimiter: str, french: bool) -> str:
    votes: Counter[str] = Counter()
    for raw in values:
        value = raw.removesuffix("%").strip()
        for space in _SPACES:
            value = value.replace(space, "")
        commas, points = value.count(","), value.count(".")
        if commas and points:
            votes["," if value.rfind(",") > value.rfind(".") else "."] += 1
        elif commas:
            if commas > 1:
                votes["."] += 1
            elif len(value) - value.rfind(",") - 1 != 3:
                votes[","] += 1
        elif points:
            if points > 1:
                votes[","] += 1
            elif len(value) - value.rfind(".") - 1 != 3:
                votes["."] += 1
    if votes:
        return votes.most_common(1)[0][0]
    return "," if delimiter == ";" or french else "."


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9%()]+", " ", _plain(text)).split())


def _matches(name: str, keywords: Sequence[str]) -> bool:
    words = f" {_words(name)} "
    return any(f" {keyword} " in words for keyword in keywords)


def _target_for(column: CsvColumn) -> Target | None:
    for target, keywords in _HEADER_KEYWORDS:
        if not _matches(column.name, keywords):
            continue
        if target in _DATE_TARGETS and column.kind is ColumnKind.DATE:
            return target
        if target in _NUMERIC_TARGETS and column.kind in (ColumnKind.NUMBER, ColumnKind.PERCENT):
            return target
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_Value = TypeVar("_Value")
_A_NUMBER = Bilingual(en="a number", fr="un nombre")
_A_DATE = Bilingual(en="a date", fr="une date")


def _parsed(
    table: CsvTable,
    index: int,
    parse: Callable[[str, CsvColumn], _Value | None],
    kind: Bilingual,
    notes: list[Message],
) -> dict[int, _Value]:
    """Line number -> parsed cell of column ``index``; cells that do not parse are noted and left out."""
    column = table.columns[index]
    values: dict[int, _Value] = {}
    for line, text in table.values(index):
        parsed = parse(text, column)
        if parsed is None:
            notes.append(
                _at_line(
                    line,
                    f"'{text}' in column '{column.name}' is not {kind.en}; left out",
                    f"'{text}' dans la colonne '{column.name}' n'est pas {kind.fr} ; écarté",
                )
            )
        else:
            values[line] = parsed
    return values


def _numbers(table: CsvTable, index: int, notes: list[Message]) -> dict[int, float]:
    return _parsed(table, index, lambda text, column: parse_number(text, column.decimal), _A_NUMBER, notes)


def _dates(table: CsvTable, index: int, notes: list[Message]) -> dict[int, date]:
    return _parsed(table, index, lambda text, column: parse_date(text, column.day_first), _A_DATE, notes)


def _dated_rows(table: CsvTable, mapping: Mapping, notes: list[Message]) -> dict[int, date]:
    indexes = mapping.indexes(Target.DATE)
    return _dates(table, indexes[0], notes) if indexes else {}


def _last_post(
    table: CsvTable, mapping: Mapping, dated: dict[int, date], notes: list[Message]
) -> date | None:
    indexes = mapping.indexes(Target.LAST_POST)
    if indexes:
        dates = _dates(table, indexes[0], notes)
        return max(dates.values()) if dates else None
    if not dated:
        return None
    if mapping.rows_are_posts:
        return max(dated.values())
    posts = mapping.indexes(Target.POSTS)
    if posts:
        counts = _numbers(table, posts[0], [])
        with_posts = [day for line, day in dated.items() if counts.get(line, 0) > 0]
        return max(with_posts) if with_posts else None
    return None


def _latest(
    table: CsvTable, indexes: list[int], dated: dict[int, date], notes: list[Message]
) -> float | None:
    if not indexes:
        return None
    values = _numbers(table, indexes[0], notes)
    if not values:
        return None
    if dated:
        dated_values = [(dated[line], line) for line in values if line in dated]
        if dated_values:
            return values[max(dated_values)[1]]
    return values[max(values)]


def _weeks(dated: dict[int, date]) -> float:
    days = (max(dated.values()) - min(dated.values())).days + 1
    return max(days, 7) / 7


def _posts_per_week(
    table: CsvTable, mapping: Mapping, dated: dict[int, date], notes: list[Message]
) -> float | None:
    posts = mapping.indexes(Target.POSTS)
    if not dated:
        if posts or mapping.rows_are_posts:
            notes.append(
                Message(
                    "posts per week need a date column (map one to 'Date of the row'); not computed",
                    "les publications par semaine demandent une colonne de dates "
                    "(associez-en une à « Date de la ligne ») ; non calculées",
                )
            )
        return None
    if posts:
        counts = _numbers(table, posts[0], notes)
        total = sum(value for line, value in counts.items() if line in dated)
    elif mapping.rows_are_posts:
        total = len(dated)
    else:
        return None
    return round(total / _weeks(dated), 2)


def _engagement(
    table: CsvTable, mapping: Mapping, definition: str, followers: float | None, notes: list[Message]
) -> EngagementMeasure | None:
    rates = mapping.indexes(Target.ENGAGEMENT_RATE)
    if rates:
        column = table.columns[rates[0]]
        values = list(_numbers(table, rates[0], notes).values())
        if not values:
            return None
        mean = statistics.fmean(values)
        in_percent = column.kind is ColumnKind.PERCENT or _matches(column.name, _PERCENT_WORDS)
        if not in_percent and max(values) <= 1:
            mean *= 100
            shown = f"{mean:.3g}"
            notes.append(
                Message(
                    f"'{column.name}' holds fractions (all values at most 1): read as {shown} %",
                    f"'{column.name}' contient des fractions (toutes les valeurs au plus 1) : "
                    f"lu comme {shown.replace('.', ',')} %",
                )
            )
        return EngagementMeasure(definition=definition, rate=round(mean, 4))
    interaction_columns = mapping.indexes(Target.INTERACTIONS)
    if not interaction_columns:
        return None
    per_row: dict[int, float] = {}
    for index in interaction_columns:
        for line, value in _numbers(table, index, notes).items():
            per_row[line] = per_row.get(line, 0.0) + value
    if not per_row:
        return None
    reach = mapping.indexes(Target.REACH)
    if reach:
        bases = _numbers(table, reach[0], notes)
        common = [line for line in per_row if line in bases]
        base = sum(bases[line] for line in common)
        if base > 0:
            interactions = sum(per_row[line] for line in common)
            return EngagementMeasure(definition=definition, interactions=interactions, base=base)
        notes.append(
            Message(
                "the reach column sums to zero; engagement not computed from it",
                "la colonne de portée totalise zéro ; engagement non calculé à partir d'elle",
            )
        )
    if mapping.rows_are_posts and followers:
        mean = statistics.fmean(per_row.values())
        return EngagementMeasure(definition=definition, interactions=round(mean, 2), base=followers)
    notes.append(
        Message(
            "interactions need a reach/impressions column, or followers with one row per post; "
            "engagement not computed",
            "les interactions demandent une colonne de portée ou d'impressions, ou les abonnés avec "
            "une ligne par publication ; engagement non calculé",
        )
    )
    return None


def _response_minutes(table: CsvTable, mapping: Mapping, notes: list[Message]) -> float | None:
    indexes = mapping.indexes(Target.RESPONSE_MINUTES)
    if not indexes:
        return None
    values = list(_numbers(table, indexes[0], notes).values())
    if not values:
        return None
    median = statistics.median(values)
    if _matches(table.header[indexes[0]], _HOUR_WORDS):
        median *= 60
    return round(median, 1)
