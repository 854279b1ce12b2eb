"""The thresholds of the diagnostic rules: documented defaults, overridable per audit.

Every number a rule compares a client's figure with lives in :data:`THRESHOLDS`, with its unit and a
bilingual explanation of why the default is what it is. A consultant overrides a threshold for one
client in ``audit.settings.thresholds`` (for instance ``{"dormancy_days": 60}``); an unknown key or an
out-of-range value is an error that names the key and what would be valid.

Response expectations are thresholds too: ``response_minutes.<platform>`` (for instance
``response_minutes.x``) overrides :data:`auditkit.platforms.RESPONSE_EXPECTATION_MINUTES`.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from auditkit.errors import AuditkitError, Problem
from auditkit.i18n import Bilingual
from auditkit.model import Audit, Level
from auditkit.platforms import RESPONSE_EXPECTATION_MINUTES, Platform

__all__ = [
    "DAYS_PER_MONTH",
    "LEVEL_VALUES",
    "RESPONSE_KEYS",
    "RESPONSE_PREFIX",
    "THRESHOLDS",
    "Threshold",
    "add_months",
    "months_between",
    "response_expectation",
    "response_key",
    "threshold_problems",
    "thresholds_for",
]


@dataclass(frozen=True)
class Threshold:
    """A documented default a rule compares with; ``minimum``/``maximum`` bound the valid overrides."""

    default: float
    unit: str
    doc: Bilingual
    minimum: float = 0
    maximum: float = math.inf

    def to_dict(self) -> dict[str, object]:
        return {
            "default": self.default,
            "unit": self.unit,
            "doc": self.doc.to_dict(),
            "minimum": self.minimum,
            "maximum": None if math.isinf(self.maximum) else self.maximum,
        }


LEVEL_VALUES: dict[Level, int] = {Level.NONE: 0, Level.LOW: 1, Level.MEDIUM: 2, Level.HIGH: 3}
"""Numeric value of a usage level, compared with the ``platform_use_level`` threshold."""

RESPONSE_PREFIX = "response_minutes."


def response_key(platform: Platform) -> str:
    """The threshold key of a platform's response expectation, e.g. ``response_minutes.x``."""
    return f"{RESPONSE_PREFIX}{platform.value}"


_GENERAL: dict[str, Threshold] = {
    "objectives_max": Threshold(
        3,
        "objectives",
        Bilingual(
            en="Most objectives a strategy should pursue at once. Seed 003: more than three blur the focus "
            "and one of them must win when priorities conflict.",
            fr="Nombre maximal d'objectifs poursuivis en même temps. Source 003 : au-delà de trois, la "
            "stratégie perd sa boussole, et l'un d'eux doit primer en cas de conflit.",
        ),
        minimum=1,
    ),
    "dormancy_days": Threshold(
        90,
        "days",
        Bilingual(
            en="Days without a post after which a public account counts as dormant. Ninety days is a full "
            "quarter: a visitor then meets an account that looks abandoned (seed 004).",
            fr="Nombre de jours sans publication au-delà duquel un compte public est considéré comme à "
            "l'abandon. Quatre-vingt-dix jours, c'est un trimestre entier : le visiteur tombe sur un "
            "compte qui paraît délaissé (source 004).",
        ),
        minimum=1,
    ),
    "large_audience": Threshold(
        1000,
        "followers",
        Bilingual(
            en="Audience from which a weak engagement rate is a finding. Below it, a rate is too noisy to "
            "judge; above it, the account has the quantity and should show the quality (seed 004: 500 "
            "followers who engage beat 5,000 who never answer).",
            fr="Taille d'audience à partir de laquelle un faible taux d'engagement devient un constat. En "
            "dessous, le taux est trop instable pour juger ; au-dessus, le compte a la quantité et doit "
            "montrer la qualité (source 004 : mieux vaut 500 abonnés qui réagissent que 5 000 muets).",
        ),
    ),
    "engagement_ratio_low": Threshold(
        0.5,
        "ratio",
        Bilingual(
            en="Engagement counts as far under the benchmark below this fraction of it (0.5 = less than "
            "half the industry median computed the same way).",
            fr="L'engagement est jugé très inférieur à la référence en dessous de cette fraction de "
            "celle-ci (0,5 = moins de la moitié de la médiane du secteur, calculée de la même façon).",
        ),
        maximum=1,
    ),
    "hours_per_channel": Threshold(
        3,
        "hours/week",
        Bilingual(
            en="Team hours per week one active social account needs to be kept well: a few posts, "
            "answers and a weekly look at the figures. Seeds 003 and 004 stress the long-term time "
            "commitment; one well-kept account beats twenty neglected ones.",
            fr="Heures d'équipe par semaine qu'exige un compte social actif bien tenu : quelques "
            "publications, les réponses et un coup d'œil hebdomadaire aux chiffres. Les sources 003 et "
            "004 insistent sur l'engagement de temps dans la durée ; un compte soigné vaut mieux que "
            "vingt délaissés.",
        ),
    ),
    "review_months": Threshold(
        6,
        "months",
        Bilingual(
            en="Months after which a strategy not revisited is stale. Seed 004 asks for a review about "
            "every month; six months is the point where the gap is certain, not a matter of style.",
            fr="Nombre de mois au-delà duquel une stratégie non revue est dépassée. La source 004 demande "
            "de la revoir à peu près chaque mois ; à six mois, le retard n'est plus discutable.",
        ),
        minimum=1,
    ),
    "lead_time_days": Threshold(
        7,
        "days",
        Bilingual(
            en="Least publishing lead time (days between a request and its publication) for planned "
            "work. Seed 000 gives an event pushed two days before as the typical urgency; a week leaves "
            "room for a teaser phase.",
            fr="Délai minimal de publication (jours entre une demande et sa mise en ligne) pour un travail "
            "planifié. La source 000 cite l'événement promu deux jours avant comme l'urgence type ; une "
            "semaine laisse la place à une phase d'annonce.",
        ),
    ),
    "inspiration_posts_per_week": Threshold(
        2,
        "posts/week",
        Bilingual(
            en="Posting rhythm at or under which 'lacking inspiration' really means lacking an editorial "
            "line (seed 000: once or twice a week).",
            fr="Rythme de publication maximal pour lequel « manquer d'inspiration » révèle en fait "
            "l'absence de ligne éditoriale (source 000 : une ou deux fois par semaine).",
        ),
    ),
    "reporting_interval_days": Threshold(
        31,
        "days",
        Bilingual(
            en="Longest interval between two reports on results. Seeds 000 and 002 ask for a monthly "
            "report (and one per campaign); weekly counts as 7 days, monthly 31, quarterly 92, yearly "
            "365, ad hoc and never as unbounded.",
            fr="Intervalle maximal entre deux bilans de résultats. Les sources 000 et 002 demandent un "
            "bilan mensuel (et un par campagne) ; hebdomadaire vaut 7 jours, mensuel 31, trimestriel 92, "
            "annuel 365, ponctuel et jamais : sans limite.",
        ),
        minimum=1,
    ),
    "key_stakeholder_importance": Threshold(
        4,
        "importance 1-5",
        Bilingual(
            en="Importance from which a stakeholder group counts as key (rule ENV-PEER-GAP).",
            fr="Importance à partir de laquelle une partie prenante est jugée clé (règle ENV-PEER-GAP).",
        ),
        minimum=1,
        maximum=5,
    ),
    "platform_use_share": Threshold(
        0.3,
        "share",
        Bilingual(
            en="Share of a stakeholder group using a platform from which the group counts as present "
            "there. 0.3 is about LinkedIn's reach among all US adults (Pew Research Center, 2024): a "
            "platform under it is a niche for that group.",
            fr="Part d'un groupe de parties prenantes utilisant une plateforme à partir de laquelle le "
            "groupe y est considéré comme présent. 0,3 correspond à peu près à la pénétration de "
            "LinkedIn chez les adultes américains (Pew Research Center, 2024) : en dessous, la "
            "plateforme reste une niche pour ce groupe.",
        ),
        maximum=1,
    ),
    "platform_use_level": Threshold(
        2,
        "level 0-3",
        Bilingual(
            en="Usage level from which a stakeholder group counts as present on a platform when only a "
            "level is known (none 0, low 1, medium 2, high 3).",
            fr="Niveau d'usage à partir duquel un groupe est considéré comme présent sur une plateforme "
            "quand seul un niveau est connu (aucun 0, faible 1, moyen 2, fort 3).",
        ),
        maximum=3,
    ),
    "reassess_months": Threshold(
        3,
        "months",
        Bilingual(
            en="Months after the audit at which a 'not now' decision is reassessed. Seed 003 asks to "
            "come back to the question every few months.",
            fr="Nombre de mois après l'audit au bout desquels une décision « pas maintenant » est "
            "réexaminée. La source 003 demande de reposer la question tous les quelques mois.",
        ),
        minimum=1,
        maximum=24,
    ),
    "hourly_rate": Threshold(
        50,
        "currency/hour",
        Bilingual(
            en="Cost of one team hour, in the audit's currency, used to compare the cost of channels "
            "(monthly budget plus weekly hours x 52 / 12 x this rate).",
            fr="Coût d'une heure de travail de l'équipe, dans la devise de l'audit, pour comparer le coût "
            "des canaux (budget mensuel plus heures hebdomadaires x 52 / 12 x ce taux).",
        ),
    ),
}

_RESPONSE_DOC = Bilingual(
    en="Minutes within which the audience of {label} expects an answer. Sources: about half of X users "
    "who expect a reply want it within the hour (Lithium / Millward Brown, 2013) and seed 001 quotes a "
    "30-minute wait on Twitter; consumers expect a reply within 4 hours on social networks (Sprout "
    "Social Index, 2016); 79 % expect one within a day (Arise, 2017).",
    fr="Minutes dans lesquelles le public de {label} attend une réponse. Sources : environ la moitié des "
    "utilisateurs de X qui attendent une réponse la veulent dans l'heure (Lithium / Millward Brown, "
    "2013) et la source 001 cite une attente d'environ 30 minutes sur Twitter ; les consommateurs "
    "attendent une réponse sous 4 heures sur les réseaux sociaux (Sprout Social Index, 2016) ; 79 % "
    "l'attendent dans la journée (Arise, 2017).",
)

THRESHOLDS: dict[str, Threshold] = _GENERAL | {
    response_key(platform): Threshold(
        minutes, "minutes", _RESPONSE_DOC.format(label=platform.label), minimum=1
    )
    for platform, minutes in RESPONSE_EXPECTATION_MINUTES.items()
}
"""Every rule threshold by key, with its default, unit and bilingual documentation."""

_DEFAULTS: dict[str, float] = {key: threshold.default for key, threshold in THRESHOLDS.items()}
RESPONSE_KEYS: tuple[str, ...] = tuple(key for key in THRESHOLDS if key.startswith(RESPONSE_PREFIX))
"""The keys of the per-platform response expectations."""


def threshold_problems(overrides: Mapping[str, float]) -> list[Problem]:
    """What is wrong with ``overrides`` (``settings.thresholds``): unknown keys and out-of-range values."""
    problems: list[Problem] = []
    for key, value in overrides.items():
        threshold = THRESHOLDS.get(key)
        where = f"settings.thresholds.{key}"
        if threshold is None:
            problems.append(Problem(where, f"unknown threshold (valid keys: {', '.join(THRESHOLDS)})"))
        elif not threshold.minimum <= value <= threshold.maximum:
            upper = "" if math.isinf(threshold.maximum) else f" and at most {threshold.maximum:g}"
            problems.append(
                Problem(
                    where,
                    f"{value:g} is out of range (at least {threshold.minimum:g}{upper} {threshold.unit})",
                )
            )
    return problems


def thresholds_for(audit: Audit) -> dict[str, float]:
    """The thresholds of this audit: the defaults, overridden by ``audit.settings.thresholds``.

    Raises:
        AuditkitError: an override names an unknown key (the message lists the valid ones) or a
            value outside the threshold's range.
    """
    overrides = audit.settings.thresholds
    if not overrides:
        return dict(_DEFAULTS)
    problems = threshold_problems(overrides)
    if problems:
        raise AuditkitError("\n".join(map(str, problems)))
    return _DEFAULTS | overrides


def response_expectation(audit: Audit, platform: Platform) -> float | None:
    """Minutes within which ``platform``'s audience expects an answer, or ``None`` if unknown."""
    return thresholds_for(audit).get(response_key(platform))


DAYS_PER_MONTH = 365.25 / 12
"""Mean length of a calendar month in days, to turn a span of days into months."""


def months_between(earlier: date, later: date) -> float:
    """Months from ``earlier`` to ``later`` (mean-length months; 0 when ``later`` is not after it)."""
    return max(0, (later - earlier).days) / DAYS_PER_MONTH


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later, clamped to the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
