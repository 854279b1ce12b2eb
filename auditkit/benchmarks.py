"""Industry x platform reference figures, and the choice of the one a client is compared with.

The packaged figures live in ``data/benchmarks.csv``, one row per figure, with the columns
``platform`` (an :class:`~auditkit.platforms.Platform` value), ``industry`` (the sector the figure
describes, or "All industries"), ``metric`` (a metric code), ``value``, ``unit``, ``year`` (the edition
year of the report; Rival IQ's edition N covers year N-1), ``audience_min`` and ``audience_max`` (the
audience-size band of the accounts the study measured; both empty when the study does not split by
size), ``publisher`` (who ran the study: Rival IQ, Hootsuite, Socialinsider, Buffer...), ``definition``
and ``definition_fr`` (what the metric measures, in English and in French; another
``definition_<language>`` column adds a language), ``source_title`` (the study's own title) and
``source_url`` (the publisher's page, when one was found). The band, publisher and URL columns are
optional in a consultant's file. Every figure comes from ``shared/reference/engagement_benchmarks.csv``
and is cited by its original study, never by the summary it was read in.

Definitions differ by a factor of 10 to 30 between publishers, so a client's figure is only ever
compared with a row of the *same metric code* (``Channel.engagement.definition``).

The comparison a channel gets (:func:`closest_benchmark`, :meth:`BenchmarkIndex.closest`) is graded:

* ``like_for_like``: same definition, a row of the client's own sector, measured on accounts of the
  channel's audience-size band;
* ``indicative``: same definition, but "All industries", or another band within a factor
  :data:`BAND_REACH` of the channel's audience, or a study that does not split by size;
* ``declined``: no row with the same definition, or every row measured on accounts more than
  :data:`BAND_REACH` times larger or smaller than the channel (a 300-follower account against brands of
  25,000 to 1 million fans): the figure is not compared, and the match says why.

Among the rows of the same definition, the consultant's rows for this audit come first
(``audit.settings.benchmarks``, taken as describing the client's sector unless they say "All
industries"), then the packaged rows of the client's benchmark industries (:func:`industries_for`) in
that order, then "All industries"; within each, the row whose band is closest to the channel's
audience, then the newest year. :func:`lookup` is the older choice without the audience: the same
order, newest year first.

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
from enum import StrEnum
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from auditkit.definitions import computation, definition_name, same_computation
from auditkit.errors import AuditkitError
from auditkit.locale import Message, Number, msg
from auditkit.model import Audit, BenchmarkRow, Channel, ClientProfile, IndustryKind
from auditkit.platforms import Platform
from auditkit.resources import data_dir

__all__ = [
    "ALL_INDUSTRIES",
    "BAND_REACH",
    "INDUSTRY_BY_KIND",
    "POSTS_PER_WEEK",
    "SECTOR_KEYWORDS",
    "BenchmarkIndex",
    "BenchmarkMatch",
    "BenchmarkRow",
    "BenchmarkTable",
    "Closeness",
    "MetricDefinition",
    "band_label",
    "benchmarks_path",
    "closest_benchmark",
    "describe",
    "industries_for",
    "industry_label",
    "load_benchmarks",
    "lookup",
    "metric_definitions",
    "read_benchmarks",
]

ALL_INDUSTRIES = "All industries"
POSTS_PER_WEEK = "rivaliq_posts_per_week"
"""Metric code of the posting-rhythm benchmark the scoring compares ``Channel.posts_per_week`` with."""

REQUIRED_COLUMNS = (
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
"""The columns every benchmarks file has (the file format before audience bands and publishers)."""

COLUMNS = (
    *REQUIRED_COLUMNS[:6],
    "audience_min",
    "audience_max",
    "publisher",
    *REQUIRED_COLUMNS[6:],
)
"""The columns of the packaged file, in order; ``audience_min``, ``audience_max`` and ``publisher`` may be
left out of a consultant's file."""

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
    """Read and check a benchmarks CSV file (the columns of :data:`COLUMNS`, at least :data:`REQUIRED_COLUMNS`).

    Raises:
        AuditkitError: the file is missing, lacks a column, or a line is invalid; the message names
            the file, the line and the field, and what would be valid.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
            if missing:
                raise AuditkitError(
                    msg(
                        "settings.benchmark.error.missing_columns",
                        path=str(path),
                        missing=", ".join(missing),
                        expected=", ".join(REQUIRED_COLUMNS),
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
    fields = {
        key: value
        for key, value in fields.items()
        if value or BenchmarkRow.model_fields[key].default is not None
    }
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
        unit = msg("benchmark.unit.posts_per_week") if row.unit == "posts/week" else row.unit
        amount = msg("settings.benchmark.with_unit", value=value, unit=unit)
    return msg(
        "settings.benchmark.citation",
        amount=amount,
        platform=row.platform,
        industry=industry_label(row),
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


@cache
def _packaged_by_platform() -> dict[Platform, tuple[BenchmarkRow, ...]]:
    """The packaged rows per platform, in file order."""
    grouped: dict[Platform, list[BenchmarkRow]] = {}
    for row in _packaged().rows:
        grouped.setdefault(row.platform, []).append(row)
    return {platform: tuple(rows) for platform, rows in grouped.items()}


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
        self._consultant_rows = tuple(reversed(audit.settings.benchmarks))

    def closest(self, channel: Channel, metric: str) -> BenchmarkMatch | None:
        """The benchmark ``channel``'s figure of ``metric`` is compared with, graded (see the module).

        ``None`` when no row of any definition describes ``channel.platform`` for this client: there is
        nothing to compare with, nor anything to decline.
        """
        platform = channel.platform
        candidates = [
            _Candidate(row, 0, _band_gap(row, channel.audience_size))
            for row in self._consultant_rows
            if row.platform is platform and same_computation(row.metric, metric)
        ]
        ranks = {industry: rank for rank, industry in enumerate(self.industries, start=1)}
        candidates += [
            _Candidate(row, ranks[row.industry], _band_gap(row, channel.audience_size))
            for row in _packaged_by_platform().get(platform, ())
            if row.industry in ranks and same_computation(row.metric, metric)
        ]
        if not candidates:
            return self._declined_definition(platform, metric, ranks)
        usable = [candidate for candidate in candidates if not candidate.too_far]
        if usable:
            return _match(min(usable, key=_Candidate.order), channel)
        nearest = min(candidates, key=lambda candidate: candidate.gap or 0.0)
        return _match(nearest, channel)

    def _declined_definition(
        self, platform: Platform, metric: str, ranks: Mapping[str, int]
    ) -> BenchmarkMatch | None:
        others = sorted(
            {row.metric for row in self._consultant_rows if row.platform is platform}
            | {row.metric for row in _packaged().rows if row.platform is platform and row.industry in ranks}
        )
        if not others:
            return None
        reason = msg(
            "benchmark.reason.declined.definition",
            platform=platform,
            metric=definition_name(metric),
            definitions=list(dict.fromkeys(_in_words(other) for other in others)),
        )
        return BenchmarkMatch(None, Closeness.DECLINED, reason)

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


def _in_words(metric: str) -> Message | str:
    """A benchmark metric named by what it computes; a publisher's undisclosed formula said so."""
    if computation(metric) is None and metric in _packaged().definitions:
        return msg("benchmark.definition.unstated")
    return definition_name(metric)


def lookup(audit: Audit, platform: Platform, metric: str) -> BenchmarkRow | None:
    """The best benchmark row for the client: audit override, then industry, then "All industries".

    Within each tier the newest year wins. ``None`` when no row has this platform and metric code
    (the comparison is then "not assessed").
    """
    return BenchmarkIndex(audit).lookup(platform, metric)


BAND_REACH = 10.0
"""How many times larger or smaller than the accounts a study measured a channel may be and still be
compared, as an indication: engagement per follower falls steadily as accounts grow, so beyond a factor
of 10 the size alone can explain more than the halving rule CH-LOW-ENGAGEMENT looks for."""


class Closeness(StrEnum):
    """How close a benchmark is to the client's channel."""

    LIKE_FOR_LIKE = "like_for_like"
    INDICATIVE = "indicative"
    DECLINED = "declined"


@dataclass(frozen=True)
class BenchmarkMatch:
    """The benchmark a channel's figure is compared with, how close it is, and why, in words.

    ``row`` is ``None`` only when the comparison is declined for want of a row of the same definition;
    a comparison declined for the audience band keeps the nearest row, to cite it.
    """

    row: BenchmarkRow | None
    closeness: Closeness
    reason: Message

    @property
    def comparable(self) -> bool:
        """Whether the channel's figure may be compared with :attr:`row` (like for like or indicative)."""
        return self.closeness is not Closeness.DECLINED

    @property
    def label(self) -> Message:
        """The closeness in one or two words ("like for like", "indicative", "not compared")."""
        return msg(f"benchmark.closeness.{self.closeness.value}")

    @property
    def summary(self) -> Message:
        """The closeness and its reason, e.g. "indicative: computed the same way, but a figure for ..."."""
        return msg("benchmark.summary", label=self.label, reason=self.reason)


def band_label(row: BenchmarkRow) -> Message:
    """The audience-size band a row was measured on, in words ("accounts of 25,000 to 1,000,000 followers")."""
    low, high = row.audience_min, row.audience_max
    if low is None and high is None:
        return msg("benchmark.band.all")
    if high is None:
        return msg("benchmark.band.from", low=low, count=low)
    if low is None:
        return msg("benchmark.band.up_to", high=high, count=high)
    return msg("benchmark.band.between", low=low, high=high, count=high)


def industry_label(row: BenchmarkRow) -> Message:
    """The sector a row describes, in words ("for the Food & Beverage sector", "across all industries")."""
    if row.industry == ALL_INDUSTRIES:
        return msg("benchmark.industry.all")
    return msg("benchmark.industry.named", industry=row.industry)


def _band_gap(row: BenchmarkRow, audience: float | None) -> float | None:
    """How many times the audience lies outside the row's band: 1 inside it, ``None`` if it cannot tell."""
    if audience is None or (row.audience_min is None and row.audience_max is None):
        return None
    size = max(audience, 1.0)
    if row.audience_min is not None and size < row.audience_min:
        return row.audience_min / size
    if row.audience_max is not None and size > row.audience_max:
        return size / row.audience_max
    return 1.0


@dataclass(frozen=True)
class _Candidate:
    row: BenchmarkRow
    sector_rank: int
    """0 for a consultant's row, then the position of the row's industry in the client's industries."""
    gap: float | None

    @property
    def own_sector(self) -> bool:
        return self.row.industry != ALL_INDUSTRIES

    @property
    def too_far(self) -> bool:
        return self.gap is not None and self.gap > BAND_REACH

    def order(self) -> tuple[int, int, float, int]:
        band_rank = (2, 0.0) if self.gap is None else (0 if self.gap == 1.0 else 1, self.gap)
        return (self.sector_rank, band_rank[0], band_rank[1], -self.row.year)


def _match(candidate: _Candidate, channel: Channel) -> BenchmarkMatch:
    row, audience = candidate.row, channel.audience_size
    band, industry = band_label(row), industry_label(row)
    if candidate.too_far:
        assert audience is not None and candidate.gap is not None
        direction = "smaller" if row.audience_min is not None and audience < row.audience_min else "larger"
        reason = msg(
            f"benchmark.reason.declined.{direction}",
            audience=audience,
            count=audience,
            band=band,
            factor=Number(candidate.gap, decimals=0),
        )
        return BenchmarkMatch(row, Closeness.DECLINED, reason)
    if candidate.gap == 1.0 and candidate.own_sector:
        reason = msg("benchmark.reason.like_for_like", industry=industry, band=band)
        return BenchmarkMatch(row, Closeness.LIKE_FOR_LIKE, reason)
    if audience is None:
        reason = msg("benchmark.reason.indicative.no_audience", industry=industry, band=band)
    elif candidate.gap == 1.0:
        reason = msg("benchmark.reason.indicative.sector", industry=industry, band=band)
    elif candidate.own_sector:
        reason = msg("benchmark.reason.indicative.band", band=band, audience=audience, count=audience or 0)
    else:
        reason = msg(
            "benchmark.reason.indicative.band_and_sector",
            industry=industry,
            band=band,
            audience=audience,
            count=audience or 0,
        )
    return BenchmarkMatch(row, Closeness.INDICATIVE, reason)


def closest_benchmark(audit: Audit, channel: Channel, metric: str) -> BenchmarkMatch | None:
    """The graded benchmark of ``channel``'s figure of ``metric`` (a metric code), or ``None``.

    For many channels, build one :class:`BenchmarkIndex` and call :meth:`BenchmarkIndex.closest`.
    """
    return BenchmarkIndex(audit).closest(channel, metric)
