"""Industry x platform reference figures, and the choice of the one a client is compared with.

The packaged figures live in ``data/benchmarks.csv``, one row per figure, with the columns
``platform`` (an :class:`~auditkit.platforms.Platform` value), ``industry``, ``metric`` (a metric code),
``value``, ``unit``, ``year`` (the edition year of the report; Rival IQ's edition N covers year N-1),
``definition`` and ``definition_fr`` (what the metric measures, in English and in French; another
``definition_<language>`` column adds a language), ``source_title`` and ``source_url``. Every figure comes from ``shared/reference/engagement_benchmarks.csv``; most are
second-hand summaries of the original reports, which ``source_title`` says ("via ...").

Definitions differ by a factor of 10 to 30 between publishers, so a client's figure is only ever
compared with a row of the *same metric code* (``Channel.engagement.definition``).

Which row is used (:func:`lookup`), for a platform and a metric code:

1. the consultant's rows for this audit (``audit.settings.benchmarks``), whatever their industry:
   newest year first, and on a tie the row listed last (the consultant's latest word);
2. the packaged rows of the client's benchmark industries (:func:`industries_for`), in that order,
   newest year first;
3. the packaged "All industries" rows, newest year first;
4. nothing: the comparison is "not assessed".

The client's benchmark industries come from two places, most specific first:

* keywords of the free sector label ``client.sector`` (English or French, accents ignored), e.g.
  "bakery" / "boulangerie" -> "Food & Beverage", "hotel" -> "Travel", "bank" -> "Financial Services"
  (see :data:`SECTOR_KEYWORDS`);
* the industry kind (:data:`INDUSTRY_BY_KIND`): ``education_higher`` -> "Higher Education", the three
  ``nonprofit_*`` kinds -> "Nonprofits". The other kinds have no honest equivalent among the
  packaged figures ("Health & Beauty" is cosmetics, not healthcare; "Higher Education" figures are
  universities, not schools), so they use "All industries".
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from auditkit.errors import AuditkitError
from auditkit.locale import Message, Number, msg
from auditkit.model import Audit, BenchmarkRow, ClientProfile, IndustryKind
from auditkit.platforms import Platform
from auditkit.resources import data_dir

__all__ = [
    "ALL_INDUSTRIES",
    "INDUSTRY_BY_KIND",
    "POSTS_PER_WEEK",
    "SECTOR_KEYWORDS",
    "BenchmarkIndex",
    "BenchmarkRow",
    "BenchmarkTable",
    "MetricDefinition",
    "benchmarks_path",
    "describe",
    "industries_for",
    "load_benchmarks",
    "lookup",
    "metric_definitions",
    "read_benchmarks",
]

ALL_INDUSTRIES = "All industries"
POSTS_PER_WEEK = "rivaliq_posts_per_week"
"""Metric code of the posting-rhythm benchmark the scoring compares ``Channel.posts_per_week`` with."""

COLUMNS = (
    "platform",
    "industry",
    "metric",
    "value",
    "unit",
    "year",
    "definition",
    "definition_fr",
    "source_title",
    "source_url",
)

INDUSTRY_BY_KIND: dict[IndustryKind, str | None] = {
    IndustryKind.COMMERCIAL_B2B: None,
    IndustryKind.COMMERCIAL_B2C: None,
    IndustryKind.NONPROFIT_CHARITY: "Nonprofits",
    IndustryKind.NONPROFIT_ASSOCIATION: "Nonprofits",
    IndustryKind.NONPROFIT_CAUSE: "Nonprofits",
    IndustryKind.PUBLIC: None,
    IndustryKind.HEALTHCARE: None,
    IndustryKind.EDUCATION_PRIMARY: None,
    IndustryKind.EDUCATION_SECONDARY: None,
    IndustryKind.EDUCATION_HIGHER: "Higher Education",
}
"""Benchmark industry of each industry kind; ``None`` means "All industries" only."""

SECTOR_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Higher Education",
        ("university", "universite", "higher education", "enseignement superieur", "business school"),
    ),
    ("Nonprofits", ("charity", "nonprofit", "non-profit", "ngo", "ong", "foundation", "fondation")),
    (
        "Alcohol",
        (
            "winery",
            "wine",
            "vin",
            "vineyard",
            "vignoble",
            "brewery",
            "beer",
            "biere",
            "spirits",
            "distillery",
        ),
    ),
    (
        "Food & Beverage",
        (
            "bakery",
            "boulangerie",
            "patisserie",
            "pastry",
            "restaurant",
            "cafe",
            "food",
            "alimentation",
            "traiteur",
            "catering",
            "chocolatier",
            "beverage",
            "boisson",
        ),
    ),
    ("Fashion", ("fashion", "mode", "clothing", "apparel", "vetement", "pret-a-porter")),
    ("Health & Beauty", ("beauty", "beaute", "cosmetic", "cosmetique", "hairdresser", "coiffure", "spa")),
    (
        "Financial Services",
        ("bank", "banque", "insurance", "assurance", "fintech", "financial services", "mutuelle"),
    ),
    ("Tech & Software", ("software", "logiciel", "saas", "tech", "informatique")),
    ("Travel", ("travel", "tourism", "tourisme", "voyage", "hotel", "hospitality", "hotellerie")),
    ("Media", ("media", "news", "press", "presse", "publisher", "magazine", "newspaper", "journal")),
    ("Retail", ("retail", "shop", "store", "boutique", "magasin", "commerce", "e-commerce", "ecommerce")),
    ("Sports Teams", ("sports team", "sports club", "club sportif", "football club")),
)
"""Sector-label keywords per benchmark industry, checked in this order; whole words, plural 's' allowed."""


def _sector_pattern(keywords: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(keyword) for keyword in keywords)
    return re.compile(rf"\b(?:{alternatives})s?\b")


_SECTOR_PATTERNS = tuple((industry, _sector_pattern(words)) for industry, words in SECTOR_KEYWORDS)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def industries_for(client: ClientProfile) -> tuple[str, ...]:
    """The client's benchmark industries, most specific first, ending with "All industries".

    Example: a ``commercial_b2c`` client whose sector is "Boulangerie-pâtisserie" gives
    ``("Food & Beverage", "All industries")``.
    """
    found: list[str] = []
    sector = _plain(client.sector)
    if sector:
        found += [industry for industry, pattern in _SECTOR_PATTERNS if pattern.search(sector)]
    by_kind = INDUSTRY_BY_KIND[client.industry]
    if by_kind is not None:
        found.append(by_kind)
    found.append(ALL_INDUSTRIES)
    return tuple(dict.fromkeys(found))


def benchmarks_path() -> Path:
    """The packaged benchmarks file."""
    return data_dir() / "benchmarks.csv"


DEFINITION_LANGUAGE = "en"
"""The language of a benchmarks file's ``definition`` column; ``definition_<code>`` gives another one."""


@dataclass(frozen=True)
class MetricDefinition:
    """What a metric code measures, in the words of its benchmarks file, by language code.

    This is data, not catalogue text: a language the file has no column for reads the English one.
    """

    texts: Mapping[str, str]

    def __call__(self, lang: str) -> str:
        return self.texts.get(str(lang)) or self.texts[DEFINITION_LANGUAGE]

    def to_dict(self) -> dict[str, str]:
        return dict(self.texts)


def _definition(record: dict[str, str]) -> MetricDefinition:
    texts = {DEFINITION_LANGUAGE: record["definition"]}
    texts |= {
        column.removeprefix("definition_"): text
        for column, text in record.items()
        if column.startswith("definition_")
    }
    return MetricDefinition({lang: (text or "").strip() for lang, text in texts.items()})


@dataclass(frozen=True)
class BenchmarkTable:
    """The rows of a benchmarks file and the definition of each metric code."""

    rows: tuple[BenchmarkRow, ...]
    definitions: dict[str, MetricDefinition]


@cache
def _packaged() -> BenchmarkTable:
    return read_benchmarks(benchmarks_path())


def read_benchmarks(path: Path) -> BenchmarkTable:
    """Read and check a benchmarks CSV file (the columns of :data:`COLUMNS`).

    Raises:
        AuditkitError: the file is missing, lacks a column, or a line is invalid; the message names
            the file, the line and the field, and what would be valid.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
            if missing:
                raise AuditkitError(
                    msg(
                        "settings.benchmark.error.missing_columns",
                        path=str(path),
                        missing=", ".join(missing),
                        expected=", ".join(COLUMNS),
                    )
                )
            rows: list[BenchmarkRow] = []
            definitions: dict[str, MetricDefinition] = {}
            for line, record in enumerate(reader, start=2):
                row = _row(path, line, record)
                definition = _definition(record)
                if not all(definition.texts.values()):
                    raise AuditkitError(
                        msg("settings.benchmark.error.empty_definition", path=str(path), line=str(line))
                    )
                known = definitions.setdefault(row.metric, definition)
                if known != definition:
                    raise AuditkitError(
                        msg(
                            "settings.benchmark.error.redefined",
                            path=str(path),
                            line=str(line),
                            metric=row.metric,
                        )
                    )
                rows.append(row)
    except OSError as error:
        raise AuditkitError(
            msg("settings.benchmark.error.unreadable", path=str(path), reason=str(error.strerror))
        ) from None
    return BenchmarkTable(tuple(rows), definitions)


def _row(path: Path, line: int, record: dict[str, str]) -> BenchmarkRow:
    fields = {key: (record.get(key) or "").strip() for key in BenchmarkRow.model_fields}
    try:
        return BenchmarkRow.model_validate(fields)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        field = ".".join(str(part) for part in first["loc"])
        details = {
            "path": str(path),
            "line": str(line),
            "field": field,
            "problem": first["msg"],
            "value": repr(fields.get(field, "")),
        }
        if field == "platform":
            problem = msg(
                "settings.benchmark.error.invalid_platform", platforms=", ".join(Platform), **details
            )
        else:
            problem = msg("settings.benchmark.error.invalid", **details)
        raise AuditkitError(problem) from None


def load_benchmarks() -> list[BenchmarkRow]:
    """Every packaged benchmark row, in file order (a new list; the rows must not be modified)."""
    return list(_packaged().rows)


def metric_definitions() -> dict[str, MetricDefinition]:
    """What each packaged metric code measures, by language."""
    return dict(_packaged().definitions)


def describe(row: BenchmarkRow) -> Message:
    """A one-line citation of a row: value, metric, platform, industry, source and year."""
    value = Number(row.value, significant=6, grouping=False)
    amount: Message | Number = value
    if row.unit == "%":
        amount = msg("settings.benchmark.percent", value=value)
    elif row.unit:
        amount = msg("settings.benchmark.with_unit", value=value, unit=row.unit)
    return msg(
        "settings.benchmark.citation",
        amount=amount,
        metric=row.metric,
        platform=row.platform,
        industry=row.industry,
        source=row.source_title,
        year=str(row.year),
    )


@cache
def _packaged_index() -> dict[tuple[Platform, str], dict[str, BenchmarkRow]]:
    """Newest packaged row per (platform, metric) and industry (first in file order on a tie)."""
    index: dict[tuple[Platform, str], dict[str, BenchmarkRow]] = {}
    for row in _packaged().rows:
        by_industry = index.setdefault((row.platform, row.metric), {})
        kept = by_industry.get(row.industry)
        if kept is None or row.year > kept.year:
            by_industry[row.industry] = row
    return index


class BenchmarkIndex:
    """The benchmark choice for one audit, precomputed: :meth:`lookup` is two dictionary reads.

    Build it once per scoring run (``BenchmarkIndex(audit)``); it does not follow later edits.
    """

    def __init__(self, audit: Audit) -> None:
        self.industries = industries_for(audit.client)
        self._overrides: dict[tuple[Platform, str], BenchmarkRow] = {}
        for row in audit.settings.benchmarks:
            key = (row.platform, row.metric)
            kept = self._overrides.get(key)
            if kept is None or row.year >= kept.year:
                self._overrides[key] = row
        self._cache: dict[tuple[Platform, str], BenchmarkRow | None] = {}

    def lookup(self, platform: Platform, metric: str) -> BenchmarkRow | None:
        """The row a client's ``metric`` on ``platform`` is compared with, or ``None`` if none fits."""
        key = (platform, metric)
        if key in self._cache:
            return self._cache[key]
        found = self._overrides.get(key)
        if found is None:
            by_industry = _packaged_index().get(key, {})
            found = next((by_industry[i] for i in self.industries if i in by_industry), None)
        self._cache[key] = found
        return found


def lookup(audit: Audit, platform: Platform, metric: str) -> BenchmarkRow | None:
    """The best benchmark row for the client: audit override, then industry, then "All industries".

    Within each tier the newest year wins. ``None`` when no row has this platform and metric code
    (the comparison is then "not assessed").
    """
    return BenchmarkIndex(audit).lookup(platform, metric)
