"""Scores of an audit, 0 to 100, each one explained by the contributions that made it.

Every score is a weighted mean of factors (Lighthouse and audit rubrics work the same way). Each
factor gives a sub-score between 0 and 1, or ``None`` when the audit lacks the data: that factor is
then *not assessed*, its weight is dropped and the other weights are rescaled. A score whose factors
are all missing is ``None``. A :class:`Contribution` records the factor's sub-score, its weight, its
points (its share of the 0-100 score; the points add up to the score) and the evidence in words.

The weights and their defaults are in :data:`WEIGHTS`, each with its documentation in both languages. A
consultant overrides them for one client in ``audit.settings.weights`` (for instance
``{"fit.engagement": 0.4}``); each weight is between 0 and :data:`WEIGHT_MAXIMUM`, only the ratios within
one group (``fit``, ``health``, ``org``, ``overall``) matter, and a group cannot be all zero. An unknown
key is an error that lists the valid ones (:func:`weight_problems`).

Scores
======
**Channel x objective fit** (``fit.*`` weights), for every channel that is not closed and every
objective:

* ``reach``: how much of the objective's target stakeholders the channel reaches, weighted by their
  importance (1-5). Per stakeholder: ``0.5 + 0.5 x use`` when the channel lists them, ``0.5 x use``
  when it does not, where ``use`` is their use of the channel's platform (the share, else the level:
  none 0, low 0.25, medium 0.5, high 0.85; 0 for a social platform missing from a list they gave).
  When their use is unknown, the channel's list alone decides (1 or 0). An objective that names no
  target is judged against every stakeholder.
* ``activity``: posts per week against the industry benchmark ``rivaliq_posts_per_week``:
  ``min(1, sqrt(posts / benchmark))``; not assessed without a benchmark row for the platform.
* ``recency``: days since the last post against the dormancy threshold: ``1 - days / dormancy``.
* ``engagement``: the channel's engagement rate against the benchmark row of the same metric code
  (never another): 0.75 x ratio below the benchmark, 0.75 at the benchmark, 1 from twice the
  benchmark. The row used is cited in the evidence and in :attr:`ChannelScore.benchmark`.
* ``responsiveness``: median response time against the platform's expectation
  (:func:`auditkit.thresholds.response_expectation`): 1 when within it, ``expected / actual`` beyond.
* ``effort``: hours per week and monthly budget (lower is better), each as ``min(1, reference /
  cost)``; the reference is the channel's fair share of the team's hours (or budget) when the
  organisation states them, else the mean over the audit's channels.

**Channel health** (``health.*`` weights), independent of objectives: activity, recency, engagement,
responsiveness as above, ``ownership`` (1 if a person or role is named) and ``originality`` (1 if
the content is not cross-posted unchanged, 0.25 if it is). Parked and planned channels publish
nothing on purpose: their publishing factors are not assessed.

**Strategy completeness** (equal weights, not overridable): the nine steps of the method (DOMAIN
section 1), read from the audit's data -- 1 objectives (none 0; all SMART, one primary, at most three
1; else 0.5), 2 audiences (none 0; every objective names its targets 1; else 0.5), 3 inventory
(social and traditional channels 1, one kind 0.5), 4 share of social channels stating their added
value, 5 share of active channels serving an objective, 6 the editorial-line component, 7 share of
objectives with an indicator, 8 roles (owner not nobody/intern/volunteer, creators, responders),
9 obstacles listed; then the other strategy components of DOMAIN section 6 (present 1, partial
0.5, absent 0; a component left out of the audit is not assessed) and the last review against
``review_months`` (1 within it, 0.5 within twice, else 0).

**Organisation readiness** (``org.*`` weights, DOMAIN section 7): sponsor (none 0, aware 0.35,
supportive 0.75, champion 1), owner role (:data:`OWNER_VALUE`: nobody 0, intern 0.1, volunteer 0.3
... communications manager 1), resources (0.5 for content creators, 0.5 for responders), validation
delay against the tightest response expectation of the channels, training (none 0, some 0.5, all 1),
team hours against the hours the channels need (``hours_per_channel`` for a channel that does not
say), budget against the channels' costs (0 when there is none), reporting cadence (monthly or
weekly 1, quarterly 0.6, yearly 0.35, ad hoc 0.2, never 0), publishing lead time against
``lead_time_days``.

**Overall** (``overall.*`` weights): objective coverage (for each objective, the best fit among the
active or dormant channels that serve it, 0 when none does; the primary objective counts double),
the mean health of active and dormant channels, strategy completeness and organisation readiness.

Recommendation per channel
==========================
The first matching line decides (``GOOD`` = 60, ``POOR`` = 40 on the 0-100 scale; "dormant" = status
dormant or no post for longer than the dormancy threshold; "no audience" = the channel lists none
of the stakeholders the objectives aim at (all of them when no objective names any), as rule
CH-NO-AUDIENCE; "stakeholder use" = importance-weighted share of stakeholders on the platform,
compared with the ``platform_use_share`` threshold, default 0.3):

1. closed -> **close** (stays closed; keep the handle).
2. parked -> **park** (keep the handle claimed, stay silent, reassess on a date).
3. planned: stakeholder use unknown or below ``platform_use_share`` -> **not_now**; serves no objective ->
   **not_now**; best fit >= GOOD -> **invest** (launch it); otherwise **not_now**.
4. active or dormant serving no objective: dormant on a major platform -> **park**; no audience ->
   **close**; dormant -> **close**; otherwise -> **reduce** (minimal effort until it has an objective).
5. serving objectives, best fit (over the objectives it serves) not assessed -> **maintain**
   (collect the figures).
6. best fit >= GOOD: health not assessed -> **maintain**; "healthy" (health >= GOOD and no health
   factor under ``WEAK`` = 0.25, e.g. answers four times slower than expected, no owner; and
   engagement not under ``engagement_ratio_low`` times the benchmark, where CH-LOW-ENGAGEMENT fires) -> **invest** if it serves the primary objective with a fit >= GOOD
   for it, **maintain** otherwise; not healthy -> **fix**.
7. POOR <= best fit < GOOD: healthy -> **maintain**; otherwise -> **fix**.
8. best fit < POOR: dormant -> **close**; otherwise -> **reduce**.

"not_now" and "park" come with a reassessment date, ``reassess_months`` (threshold, default 3) after
the audit date.

Maturity levels
===============
Five levels, after the Forrester, Altimeter and Demand Metric models (see
``shared/reference/README.md``), on the overall score: 1 Ad hoc [0, 30), 2 Present [30, 55),
3 Structured [55, 70), 4 Managed [70, 85), 5 Integrated [85, 100]. The bands narrow towards the top:
partial credit accumulates quickly on the first steps, while the top levels need nearly everything in
place. The consultant sets the target in ``audit.settings.target_level``.

Nothing here reads the clock: ``audit.engagement.audit_date`` is "today". Scoring builds no pydantic
object and never assigns to the audit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, cast

from auditkit.benchmarks import POSTS_PER_WEEK, BenchmarkIndex, describe
from auditkit.errors import AuditkitError, Problem
from auditkit.i18n import Bilingual, short
from auditkit.model import (
    Audit,
    BenchmarkRow,
    Cadence,
    Channel,
    ChannelStatus,
    ComponentStatus,
    Language,
    Level,
    Objective,
    OwnerRole,
    SponsorEngagement,
    StrategyComponentKey,
    Training,
)
from auditkit.platforms import MAJOR_PLATFORMS, Platform
from auditkit.thresholds import add_months, months_between, response_key, threshold_problems, thresholds_for

__all__ = [
    "AT_BENCHMARK",
    "GOOD",
    "MATURITY_LEVELS",
    "POOR",
    "WEAK",
    "WEIGHTS",
    "WEIGHT_MAXIMUM",
    "ChannelScore",
    "Contribution",
    "MaturityLevel",
    "Recommendation",
    "Score",
    "Scorecard",
    "Weight",
    "level_for",
    "score",
    "settings_problems",
    "weight_problems",
    "weights_for",
]

GOOD = 60.0
"""Fit or health at or above this (0-100) is good."""
POOR = 40.0
"""Fit below this (0-100) is poor."""
WEAK = 0.25
AT_BENCHMARK = 0.75
"""Engagement sub-score of a channel exactly at its benchmark (linear below, up to 1 at twice it)."""
"""A health factor whose sub-score (0-1) is below this is a critical weakness: the channel needs fixing."""

_B = Bilingual
Lang = Language | str


# -- weights -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Weight:
    """A default weight, the factor's name and what it rewards."""

    default: float
    label: Bilingual
    doc: Bilingual


WEIGHTS: dict[str, Weight] = {
    "fit.reach": Weight(
        0.35,
        _B("Stakeholder reach", "Portée auprès des publics"),
        _B(
            "Share of the objective's target stakeholders the channel reaches, weighted by importance.",
            "Part des publics cibles de l'objectif que le canal touche, pondérée par leur importance.",
        ),
    ),
    "fit.activity": Weight(
        0.10,
        _B("Activity", "Activité"),
        _B(
            "Posts per week against the industry's typical posting rhythm.",
            "Publications par semaine comparées au rythme type du secteur.",
        ),
    ),
    "fit.recency": Weight(
        0.10,
        _B("Regularity", "Régularité"),
        _B(
            "Days since the last post against the dormancy threshold.",
            "Jours depuis la dernière publication comparés au seuil de sommeil.",
        ),
    ),
    "fit.engagement": Weight(
        0.20,
        _B("Engagement", "Engagement"),
        _B(
            "Engagement rate against the industry benchmark of the same metric.",
            "Taux d'engagement comparé à la référence du secteur pour la même mesure.",
        ),
    ),
    "fit.responsiveness": Weight(
        0.10,
        _B("Responsiveness", "Réactivité"),
        _B(
            "Median response time against what the platform's audience expects.",
            "Délai de réponse médian comparé à l'attente du public de la plateforme.",
        ),
    ),
    "fit.effort": Weight(
        0.15,
        _B("Effort", "Effort"),
        _B(
            "Hours and budget the channel costs (lower is better), against its fair share.",
            "Heures et budget que coûte le canal (moins c'est mieux), comparés à sa juste part.",
        ),
    ),
    "health.activity": Weight(
        0.20,
        _B("Activity", "Activité"),
        _B(
            "Posts per week against the industry's typical posting rhythm.",
            "Publications par semaine comparées au rythme type du secteur.",
        ),
    ),
    "health.recency": Weight(
        0.25,
        _B("Regularity", "Régularité"),
        _B(
            "Days since the last post against the dormancy threshold.",
            "Jours depuis la dernière publication comparés au seuil de sommeil.",
        ),
    ),
    "health.engagement": Weight(
        0.20,
        _B("Engagement", "Engagement"),
        _B(
            "Engagement rate against the industry benchmark of the same metric.",
            "Taux d'engagement comparé à la référence du secteur pour la même mesure.",
        ),
    ),
    "health.responsiveness": Weight(
        0.15,
        _B("Responsiveness", "Réactivité"),
        _B(
            "Median response time against what the platform's audience expects.",
            "Délai de réponse médian comparé à l'attente du public de la plateforme.",
        ),
    ),
    "health.ownership": Weight(
        0.10,
        _B("Ownership", "Responsable"),
        _B(
            "A named person or role looks after the channel.", "Une personne ou un rôle nommé tient le canal."
        ),
    ),
    "health.originality": Weight(
        0.10,
        _B("Originality", "Originalité"),
        _B(
            "Content made for the channel rather than cross-posted unchanged.",
            "Contenus pensés pour le canal plutôt que republiés tels quels.",
        ),
    ),
    "org.sponsor": Weight(
        0.15,
        _B("Sponsor", "Soutien de la direction"),
        _B(
            "Top management understands the stakes and backs the effort.",
            "La direction comprend les enjeux et soutient la démarche.",
        ),
    ),
    "org.owner": Weight(
        0.15,
        _B("Strategy owner", "Responsable de la stratégie"),
        _B(
            "Who holds the strategy: not nobody, not an intern or a volunteer.",
            "Qui porte la stratégie : ni personne, ni un stagiaire, ni un bénévole.",
        ),
    ),
    "org.resources": Weight(
        0.15,
        _B("Resources", "Ressources"),
        _B(
            "People named to create content and to answer questions.",
            "Des personnes nommées pour créer les contenus et répondre aux questions.",
        ),
    ),
    "org.validation": Weight(
        0.10,
        _B("Validation delay", "Délai de validation"),
        _B(
            "Internal validation fast enough for the channels' response expectations.",
            "Une validation interne assez rapide pour l'attente de réponse des canaux.",
        ),
    ),
    "org.training": Weight(
        0.10,
        _B("Training", "Formation"),
        _B(
            "The people in the roles are trained for them.",
            "Les personnes en poste sont formées à leur rôle.",
        ),
    ),
    "org.hours": Weight(
        0.10,
        _B("Hours available", "Heures disponibles"),
        _B(
            "Team hours per week against the hours the channels take.",
            "Heures de l'équipe par semaine comparées aux heures que prennent les canaux.",
        ),
    ),
    "org.budget": Weight(
        0.08,
        _B("Budget", "Budget"),
        _B(
            "A monthly budget that covers what the channels cost.",
            "Un budget mensuel qui couvre ce que coûtent les canaux.",
        ),
    ),
    "org.reporting": Weight(
        0.10,
        _B("Reporting", "Reporting"),
        _B("Results reported at least monthly.", "Des résultats présentés au moins chaque mois."),
    ),
    "org.lead_time": Weight(
        0.07,
        _B("Publishing lead time", "Délai d'anticipation"),
        _B(
            "Content planned far enough ahead (no last-minute pushes).",
            "Des contenus préparés assez tôt (pas de publication dans l'urgence).",
        ),
    ),
    "overall.fit": Weight(
        0.20,
        _B("Objective coverage", "Couverture des objectifs"),
        _B(
            "For each objective, the best fit among the channels serving it (primary counts double).",
            "Pour chaque objectif, la meilleure adéquation parmi les canaux qui le servent "
            "(l'objectif principal compte double).",
        ),
    ),
    "overall.health": Weight(
        0.15,
        _B("Channel health", "Santé des canaux"),
        _B(
            "Mean health of the active and dormant channels.",
            "Santé moyenne des canaux actifs et en sommeil.",
        ),
    ),
    "overall.strategy": Weight(
        0.40,
        _B("Strategy completeness", "Complétude de la stratégie"),
        _B(
            "The nine steps and the components of a strategy.",
            "Les neuf étapes et les composantes d'une stratégie.",
        ),
    ),
    "overall.organisation": Weight(
        0.25,
        _B("Organisation readiness", "Préparation de l'organisation"),
        _B(
            "Sponsor, roles, resources, processes, budget, reporting.",
            "Soutien, rôles, ressources, processus, budget, reporting.",
        ),
    ),
}
"""Every scoring weight with its default; override per audit in ``audit.settings.weights``."""


WEIGHT_MAXIMUM = 100.0
"""Largest weight an audit may set; only the ratios between the weights of one group matter."""


def weight_problems(overrides: Mapping[str, float]) -> list[Problem]:
    """What is wrong with ``overrides`` (``settings.weights``): unknown keys, values out of range, or a
    group (``fit``, ``health``, ``org``, ``overall``) whose weights would all be zero."""
    problems: list[Problem] = []
    unknown = sorted(set(overrides) - WEIGHTS.keys())
    if unknown:
        problems.append(
            Problem(
                "settings.weights",
                f"unknown key(s) {', '.join(repr(key) for key in unknown)} (valid keys: {', '.join(WEIGHTS)})",
            )
        )
    for key, value in overrides.items():
        if key in WEIGHTS and not 0 <= value <= WEIGHT_MAXIMUM:
            problems.append(
                Problem(f"settings.weights.{key}", f"{value:g} is out of range (0 to {WEIGHT_MAXIMUM:g})")
            )
    for group in dict.fromkeys(key.split(".")[0] for key in WEIGHTS):
        keys = [key for key in WEIGHTS if key.startswith(f"{group}.")]
        if all(overrides.get(key, WEIGHTS[key].default) == 0 for key in keys):
            problems.append(
                Problem(
                    "settings.weights",
                    f"every {group}.* weight is 0 (give at least one of {', '.join(keys)} a positive weight)",
                )
            )
    return problems


def weights_for(audit: Audit) -> dict[str, float]:
    """The defaults of :data:`WEIGHTS` overridden by ``audit.settings.weights``.

    Raises:
        AuditkitError: ``settings.weights`` has an unknown key (the message lists the valid ones), a
            value out of range, or a group whose weights are all zero.
    """
    overrides = audit.settings.weights
    problems = weight_problems(overrides)
    if problems:
        raise AuditkitError("\n".join(map(str, problems)))
    return {key: float(overrides.get(key, weight.default)) for key, weight in WEIGHTS.items()}


def settings_problems(audit: Audit) -> list[Problem]:
    """Every problem of the audit's scoring weights and rule thresholds (empty when both are usable)."""
    return weight_problems(audit.settings.weights) + threshold_problems(audit.settings.thresholds)


# -- results -----------------------------------------------------------------------------------------


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _text(value: Bilingual, lang: Lang | None) -> Any:
    return value.to_dict() if lang is None else value(lang)


@dataclass(frozen=True)
class Contribution:
    """One factor of a score: its sub-score (0-1, ``None`` = not assessed), weight and points."""

    factor: str
    label: Bilingual
    value: float | None
    weight: float
    points: float
    evidence: Bilingual

    @property
    def assessed(self) -> bool:
        return self.value is not None

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        """JSON-ready; texts in ``lang``, or both languages (``{"en": ..., "fr": ...}``) if ``None``."""
        return {
            "factor": self.factor,
            "label": _text(self.label, lang),
            "assessed": self.assessed,
            "value": _round(self.value, 3),
            "weight": self.weight,
            "points": round(self.points, 2),
            "evidence": _text(self.evidence, lang),
        }


@dataclass(frozen=True)
class Score:
    """A 0-100 score (``None`` if no factor could be assessed) and the contributions behind it."""

    value: float | None
    contributions: tuple[Contribution, ...]

    def contribution(self, factor: str) -> Contribution:
        """The contribution of ``factor`` (``KeyError`` if this score has none)."""
        for item in self.contributions:
            if item.factor == factor:
                return item
        raise KeyError(factor)

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        return {
            "score": _round(self.value),
            "contributions": [item.to_dict(lang) for item in self.contributions],
        }


class Recommendation(StrEnum):
    """What to do with a channel."""

    INVEST = "invest"
    MAINTAIN = "maintain"
    FIX = "fix"
    REDUCE = "reduce"
    CLOSE = "close"
    PARK = "park"
    """Claim the handle, stay silent."""
    NOT_NOW = "not_now"
    """Do not start now; reassess on a date."""

    @property
    def label(self) -> Bilingual:
        return RECOMMENDATION_LABELS[self]


RECOMMENDATION_LABELS: dict[Recommendation, Bilingual] = {
    Recommendation.INVEST: _B("Invest", "Investir"),
    Recommendation.MAINTAIN: _B("Maintain", "Maintenir"),
    Recommendation.FIX: _B("Fix", "Corriger"),
    Recommendation.REDUCE: _B("Reduce", "Réduire"),
    Recommendation.CLOSE: _B("Close", "Fermer"),
    Recommendation.PARK: _B("Park", "Mettre en réserve"),
    Recommendation.NOT_NOW: _B("Not now", "Pas maintenant"),
}


@dataclass(frozen=True)
class ChannelScore:
    """A channel's health, the recommendation for it and why."""

    channel_id: str
    name: str
    platform: Platform
    health: Score
    recommendation: Recommendation
    reasons: tuple[Bilingual, ...]
    benchmark: BenchmarkRow | None
    """The engagement benchmark row the channel was compared with (``None``: not assessed)."""
    reassess_on: date | None = None
    """For "not_now" and "park": when to look at the channel again."""

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        return {
            "id": self.channel_id,
            "name": self.name,
            "platform": self.platform.value,
            "score": _round(self.health.value),
            "recommendation": self.recommendation.value,
            "recommendation_label": _text(self.recommendation.label, lang),
            "reasons": [_text(reason, lang) for reason in self.reasons],
            "reassess_on": self.reassess_on.isoformat() if self.reassess_on else None,
            "benchmark": _benchmark_dict(self.benchmark),
            "contributions": [item.to_dict(lang) for item in self.health.contributions],
        }


def _benchmark_dict(row: BenchmarkRow | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "platform": row.platform.value,
        "industry": row.industry,
        "metric": row.metric,
        "value": row.value,
        "unit": row.unit,
        "year": row.year,
        "source_title": row.source_title,
        "source_url": row.source_url,
    }


@dataclass(frozen=True)
class MaturityLevel:
    """A stage of social media maturity and what it means."""

    number: int
    name: Bilingual
    meaning: Bilingual
    floor: float = 0.0
    """Lowest overall score (0-100) of this level."""

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        return {
            "number": self.number,
            "name": _text(self.name, lang),
            "meaning": _text(self.meaning, lang),
            "from_score": self.floor,
        }


MATURITY_LEVELS: tuple[MaturityLevel, ...] = (
    MaturityLevel(
        1,
        _B("Ad hoc", "Improvisé"),
        _B(
            "Accounts exist or not, posts happen when someone finds time; no objective, no measure.",
            "Des comptes existent ou non, on publie quand on a le temps ; ni objectif, ni mesure.",
        ),
        0,
    ),
    MaturityLevel(
        2,
        _B("Present", "Présent"),
        _B(
            "The organisation is on the platforms and posts, but without a shared plan or regular reporting.",
            "L'organisation est présente et publie, mais sans plan partagé ni reporting régulier.",
        ),
        30,
    ),
    MaturityLevel(
        3,
        _B("Structured", "Structuré"),
        _B(
            "Objectives, audiences and roles are written down; the main channels follow a plan.",
            "Objectifs, publics et rôles sont écrits ; les principaux canaux suivent un plan.",
        ),
        55,
    ),
    MaturityLevel(
        4,
        _B("Managed", "Piloté"),
        _B(
            "Channels are chosen for objectives, measured every month and adjusted from the results.",
            "Les canaux sont choisis pour les objectifs, mesurés chaque mois et ajustés selon les résultats.",
        ),
        70,
    ),
    MaturityLevel(
        5,
        _B("Integrated", "Intégré"),
        _B(
            "Social media is woven into communication and the business; the strategy is reviewed continuously.",
            "Les réseaux sociaux font partie de la communication et de l'activité ; "
            "la stratégie est revue en continu.",
        ),
        85,
    ),
)
"""The maturity levels, lowest first; a score belongs to the highest level whose floor it reaches.

The bands narrow towards the top (30, 25, 15, 15 points): partial credit accumulates quickly on the
first steps of the method, while "Managed" and "Integrated" need nearly every part in place.
"""


def level_for(overall: float | None) -> MaturityLevel:
    """The maturity level of an overall score (level 1 when the score is not assessed)."""
    reached = [level for level in MATURITY_LEVELS if overall is not None and overall >= level.floor]
    return reached[-1] if reached else MATURITY_LEVELS[0]


@dataclass(frozen=True)
class Scorecard:
    """Every score of an audit.

    ``matrix`` maps ``(channel_id, objective_id)`` to the fit score; its JSON form (``to_dict``) is a
    list of ``{"channel", "objective", "serves", "score", "contributions"}`` in channel then objective
    order (``serves`` tells whether the channel lists the objective).
    """

    overall: Score
    level: MaturityLevel
    target_level: MaturityLevel | None
    channels: tuple[ChannelScore, ...]
    matrix: dict[tuple[str, str], Score]
    strategy_completeness: Score
    organisation_readiness: Score
    weights: dict[str, float]
    serves: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    """The ``(channel_id, objective_id)`` pairs where the channel lists the objective."""

    def channel(self, channel_id: str) -> ChannelScore:
        """The score of one channel (``KeyError`` if none)."""
        for item in self.channels:
            if item.channel_id == channel_id:
                return item
        raise KeyError(channel_id)

    def to_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        """The JSON document of ``auditkit score --json``.

        Texts are in ``lang``, or in both languages (``{"en": ..., "fr": ...}``) when ``lang`` is None.
        """
        return {
            "overall": _round(self.overall.value),
            "level": self.level.to_dict(lang),
            "target_level": self.target_level.to_dict(lang) if self.target_level else None,
            "contributions": [item.to_dict(lang) for item in self.overall.contributions],
            "channels": [channel.to_dict(lang) for channel in self.channels],
            "matrix": [
                {
                    "channel": channel_id,
                    "objective": objective_id,
                    "serves": (channel_id, objective_id) in self.serves,
                    **fit.to_dict(lang),
                }
                for (channel_id, objective_id), fit in self.matrix.items()
            ],
            "strategy_completeness": self.strategy_completeness.to_dict(lang),
            "organisation_readiness": self.organisation_readiness.to_dict(lang),
            "weights": dict(self.weights),
        }

    def to_text(self, lang: Lang = Language.EN) -> str:
        """A plain-text scorecard for a terminal: aligned columns, no colour."""
        t = _TEXT_LABELS
        colon = " :" if Language(lang) is Language.FR else ":"
        lines = [
            f"{t['overall'](lang)}{colon} {_points(self.overall.value)}/100 — "
            f"{t['level'](lang)} {self.level.number} {self.level.name(lang)}",
            f"  {self.level.meaning(lang)}",
        ]
        if self.target_level is not None:
            gap = self.target_level.number - self.level.number
            status = t["reached"](lang) if gap <= 0 else t["to_go"].format(gap=gap)(lang)
            target = f"{self.target_level.number} {self.target_level.name(lang)}"
            lines.append(f"{t['target'](lang)}{colon} {target} ({status})")
        lines += [
            f"{t['strategy'](lang)}{colon} {_points(self.strategy_completeness.value)}/100",
            f"{t['organisation'](lang)}{colon} {_points(self.organisation_readiness.value)}/100",
            "",
            t["channels"](lang),
        ]
        rows = [[t["channel"](lang), t["platform"](lang), t["health"](lang), t["recommendation"](lang)]]
        rows += [
            [_clip(c.name, 28), c.platform.label, _points(c.health.value), c.recommendation.label(lang)]
            for c in self.channels
        ]
        lines += _table(rows, right={2}) if self.channels else [f"  {t['no_channel'](lang)}"]
        if self.channels:
            lines.append("")
        for channel in self.channels:
            reasons = " — ".join(reason(lang) for reason in channel.reasons)
            lines.append(f"  {_clip(channel.name, 28)}{colon} {reasons}")
        objectives = list(dict.fromkeys(objective for _, objective in self.matrix))
        if objectives:
            lines += ["", t["matrix"](lang)]
            names = {channel.channel_id: channel.name for channel in self.channels}
            grid = [[t["channel"](lang), *(_clip(o, 16) for o in objectives)]]
            for channel_id in dict.fromkeys(channel for channel, _ in self.matrix):
                cells = []
                for objective_id in objectives:
                    fit = self.matrix[(channel_id, objective_id)]
                    mark = "*" if (channel_id, objective_id) in self.serves else " "
                    cells.append(f"{_points(fit.value)}{mark}")
                grid.append([_clip(names[channel_id], 28), *cells])
            lines += _table(grid, right=set(range(1, len(objectives) + 1)))
        for title, part in (
            (t["overall"](lang), self.overall),
            (t["strategy"](lang), self.strategy_completeness),
            (t["organisation"](lang), self.organisation_readiness),
        ):
            lines += ["", f"{title} — {t['contributions'](lang)}"]
            lines += _table(
                [
                    [
                        item.label(lang),
                        f"{item.value:.2f}" if item.value is not None else "—",
                        f"{item.points:.1f}",
                        item.evidence(lang),
                    ]
                    for item in part.contributions
                ],
                right={1, 2},
            )
        return "\n".join(lines) + "\n"


_TEXT_LABELS: dict[str, Bilingual] = {
    "overall": _B("Overall score", "Score global"),
    "level": _B("level", "niveau"),
    "target": _B("Target level", "Niveau visé"),
    "reached": _B("reached", "atteint"),
    "to_go": _B("{gap} level(s) to go", "encore {gap} niveau(x)"),
    "strategy": _B("Strategy completeness", "Complétude de la stratégie"),
    "organisation": _B("Organisation readiness", "Préparation de l'organisation"),
    "channels": _B("Channels", "Canaux"),
    "channel": _B("Channel", "Canal"),
    "no_channel": _B("(no channel in the audit)", "(aucun canal dans l'audit)"),
    "platform": _B("Platform", "Plateforme"),
    "health": _B("Health", "Santé"),
    "recommendation": _B("Recommendation", "Recommandation"),
    "matrix": _B(
        "Channel x objective fit (* = the channel serves the objective)",
        "Adéquation canal x objectif (* = le canal sert l'objectif)",
    ),
    "contributions": _B(
        "contributions (sub-score, points, evidence)", "contributions (note, points, preuve)"
    ),
}


def _points(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    """Rows as aligned lines (columns in ``right`` aligned right; the last column is not padded)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))] if rows else []
    lines = []
    for row in rows:
        cells = [
            cell
            if i == len(row) - 1 and i not in right
            else cell.rjust(widths[i])
            if i in right
            else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


# -- text helpers ------------------------------------------------------------------------------------


def _num(value: float) -> str:
    if type(value) is int:
        return str(value)
    if value.is_integer():
        return str(int(value))
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{value:.3g}"


def _say(en: str, fr: str, **values: object) -> Bilingual:
    """Both templates filled in; numbers get a decimal point in English and a comma in French."""
    english: dict[str, object] = {}
    french: dict[str, object] = {}
    for key, value in values.items():
        if isinstance(value, Bilingual):
            english[key], french[key] = value.en, value.fr
        elif type(value) is float or type(value) is int:
            english[key] = number = _num(cast(float, value))
            french[key] = number.replace(".", ",")
        else:
            english[key] = french[key] = value
    return Bilingual(en.format_map(english), fr.format_map(french))


def _percent(value: float) -> float:
    return round(100 * value)


# -- the combination of factors ----------------------------------------------------------------------

Fact = tuple[float | None, Bilingual]
"""A factor's sub-score (0-1 or None) and its evidence."""


def _assessed_weight(facts: Sequence[tuple[str, Fact]], weights: dict[str, float]) -> float:
    return sum(weights[key] for key, (value, _) in facts if value is not None)


def _contributions(
    facts: Sequence[tuple[str, Fact]], weights: dict[str, float], total: float
) -> tuple[Contribution, ...]:
    """The contributions of ``facts`` to a score whose assessed weights add up to ``total``."""
    return tuple(
        Contribution(
            key,
            WEIGHTS[key].label,
            value,
            weights[key],
            100 * value * weights[key] / total if value is not None and total > 0 else 0.0,
            evidence,
        )
        for key, (value, evidence) in facts
    )


def _combine(facts: Sequence[tuple[str, Fact]], weights: dict[str, float]) -> Score:
    """A weighted mean over the assessed facts; keys are weight keys of :data:`WEIGHTS`."""
    total = _assessed_weight(facts, weights)
    contributions = _contributions(facts, weights, total)
    return Score(_bounded(sum(item.points for item in contributions)) if total > 0 else None, contributions)


def _bounded(points: float) -> float:
    """A sum of points, kept within 0-100 despite floating-point rounding."""
    return min(100.0, max(0.0, points))


def _equal(facts: Sequence[tuple[str, Bilingual, Fact]]) -> Score:
    """A plain mean over the assessed facts, each of weight 1."""
    assessed = sum(1 for _, _, (value, _) in facts if value is not None)
    contributions = tuple(
        Contribution(
            key,
            label,
            value,
            1.0,
            100 * value / assessed if value is not None else 0.0,
            evidence,
        )
        for key, label, (value, evidence) in facts
    )
    return Score(_bounded(sum(item.points for item in contributions)) if assessed else None, contributions)


# -- the scoring context -----------------------------------------------------------------------------

LEVEL_USE: dict[Level, float] = {Level.NONE: 0.0, Level.LOW: 0.25, Level.MEDIUM: 0.5, Level.HIGH: 0.85}
"""Platform use assumed for a stakeholder group that gives a level instead of a share."""

_PUBLISHING = frozenset({ChannelStatus.ACTIVE, ChannelStatus.DORMANT})
_COSTING = frozenset({ChannelStatus.ACTIVE, ChannelStatus.DORMANT, ChannelStatus.PLANNED})


@dataclass(frozen=True)
class _Audience:
    name: str
    importance: int
    uses: dict[Platform, float]


class _Context:
    """Lookups computed once per :func:`score` call."""

    def __init__(self, audit: Audit) -> None:
        self.audit = audit
        self.today = audit.engagement.audit_date
        self.weights = weights_for(audit)
        self.thresholds = thresholds_for(audit)
        self.dormancy = float(self.thresholds["dormancy_days"])
        self.benchmarks = BenchmarkIndex(audit)
        self.audiences: dict[str, _Audience] = {}
        for stakeholder in audit.stakeholders:
            uses = {
                use.platform: use.share if use.share is not None else LEVEL_USE[use.level or Level.NONE]
                for use in stakeholder.platforms
            }
            self.audiences[stakeholder.id] = _Audience(stakeholder.name, stakeholder.importance, uses)
        self.all_stakeholders = tuple(self.audiences)
        self.target_stakeholders = {
            sid for objective in audit.objectives for sid in objective.stakeholders
        } or set(self.all_stakeholders)
        self.objectives = {objective.id: objective for objective in audit.objectives}
        self.primary = {objective.id for objective in audit.objectives if objective.primary}
        costing = [channel for channel in audit.channels if channel.status in _COSTING]
        self.costing_count = max(1, len(costing))
        organisation = audit.organisation
        self.hours_reference = _reference(
            organisation.hours_per_week, [c.hours_per_week for c in costing], self.costing_count
        )
        self.budget_reference = _reference(
            organisation.monthly_budget, [c.monthly_budget for c in costing], self.costing_count
        )
        self.low_use = float(self.thresholds["platform_use_share"])
        self.reassess_on = add_months(self.today, round(self.thresholds["reassess_months"]))
        self.reassess_reason = _say(
            "reassess on {day}", "à réévaluer le {day}", day=self.reassess_on.isoformat()
        )

    def expectation(self, platform: Platform) -> float | None:
        return self.thresholds.get(response_key(platform))

    def days_since_post(self, channel: Channel) -> int | None:
        return None if channel.last_post is None else max(0, (self.today - channel.last_post).days)

    def dormant(self, channel: Channel) -> bool:
        if channel.status is ChannelStatus.DORMANT:
            return True
        days = self.days_since_post(channel)
        return channel.status is ChannelStatus.ACTIVE and days is not None and days > self.dormancy


def _reference(capacity: float | None, costs: list[float | None], count: int) -> tuple[float, bool] | None:
    """The fair-share cost per channel (True) or the mean of known costs (False); None if unknown."""
    if capacity is not None:
        return capacity / count, True
    known = [cost for cost in costs if cost is not None]
    return (sum(known) / len(known), False) if known else None


# -- channel facts -----------------------------------------------------------------------------------

_NOT_PUBLISHING = {
    ChannelStatus.PLANNED: _B("planned: nothing published yet", "prévu : rien n'est encore publié"),
    ChannelStatus.PARKED: _B("parked: silent on purpose", "réservé : silencieux à dessein"),
    ChannelStatus.CLOSED: _B("closed", "fermé"),
}


@dataclass(frozen=True)
class _ChannelFacts:
    activity: Fact
    recency: Fact
    engagement: Fact
    responsiveness: Fact
    effort: Fact
    ownership: Fact
    originality: Fact
    engagement_benchmark: BenchmarkRow | None


def _channel_facts(channel: Channel, context: _Context) -> _ChannelFacts:
    silent = _NOT_PUBLISHING.get(channel.status)
    engagement, benchmark = _engagement(channel, context) if silent is None else ((None, silent), None)
    return _ChannelFacts(
        activity=_activity(channel, context) if silent is None else (None, silent),
        recency=_recency(channel, context) if silent is None else (None, silent),
        engagement=engagement,
        responsiveness=_responsiveness(channel, context) if silent is None else (None, silent),
        effort=_effort(channel, context),
        ownership=_ownership(channel),
        originality=_originality(channel),
        engagement_benchmark=benchmark,
    )


def _activity(channel: Channel, context: _Context) -> Fact:
    if channel.posts_per_week is None:
        return None, _B("posts per week not recorded", "publications par semaine non relevées")
    row = context.benchmarks.lookup(channel.platform, POSTS_PER_WEEK)
    if row is None or row.value <= 0:
        return None, _say(
            "{posts} posts/week; no posting-rhythm benchmark for {platform}",
            "{posts} publications/semaine ; pas de référence de rythme pour {platform}",
            posts=channel.posts_per_week,
            platform=channel.platform.label,
        )
    ratio = channel.posts_per_week / row.value
    return min(1.0, math.sqrt(ratio)), _say(
        "{posts} posts/week against {benchmark} (ratio {ratio})",
        "{posts} publications/semaine pour une référence de {benchmark} (rapport {ratio})",
        posts=channel.posts_per_week,
        benchmark=describe(row),
        ratio=round(ratio, 2),
    )


def _recency(channel: Channel, context: _Context) -> Fact:
    days = context.days_since_post(channel)
    if days is None:
        return None, _B("date of the last post not recorded", "date de la dernière publication non relevée")
    return max(0.0, 1 - days / context.dormancy), _say(
        "last post {days} days before the audit (dormant after {dormancy} days)",
        "dernière publication {days} jours avant l'audit (en sommeil après {dormancy} jours)",
        days=days,
        dormancy=context.dormancy,
    )


def _engagement(channel: Channel, context: _Context) -> tuple[Fact, BenchmarkRow | None]:
    measure = channel.engagement
    if measure is None:
        return (None, _B("engagement not measured", "engagement non mesuré")), None
    row = context.benchmarks.lookup(channel.platform, measure.definition)
    if row is None or row.value <= 0:
        industries = ", ".join(context.benchmarks.industries)
        return (
            None,
            _say(
                "{rate}% ({metric}): no benchmark with this metric for {platform} ({industries})",
                "{rate}\u00a0% ({metric}) : pas de référence de cette mesure pour {platform} ({industries})",
                rate=float(f"{measure.percent:.2g}"),
                metric=measure.definition,
                platform=channel.platform.label,
                industries=industries,
            ),
        ), None
    ratio = measure.percent / row.value
    value = AT_BENCHMARK * ratio if ratio < 1 else min(1.0, AT_BENCHMARK + (1 - AT_BENCHMARK) * (ratio - 1))
    return (
        value,
        _say(
            "{rate}% against {benchmark}: {ratio} times the benchmark",
            "{rate}\u00a0% pour une référence de {benchmark} : {ratio} fois la référence",
            rate=float(f"{measure.percent:.2g}"),
            benchmark=describe(row),
            ratio=round(ratio, 2),
        ),
    ), row


def _responsiveness(channel: Channel, context: _Context) -> Fact:
    expected = context.expectation(channel.platform)
    if expected is None:
        return None, _say(
            "no response expectation for {platform}",
            "pas d'attente de réponse définie pour {platform}",
            platform=channel.platform.label,
        )
    actual = channel.median_response_minutes
    if actual is None:
        return None, _B("median response time not measured", "délai de réponse médian non mesuré")
    value = 1.0 if actual <= expected else expected / actual
    return value, _say(
        "median answer in {actual} min; {platform} audiences expect one within {expected} min",
        "réponse médiane en {actual} min ; le public de {platform} attend une réponse en {expected} min",
        actual=actual,
        expected=expected,
        platform=channel.platform.label,
    )


def _effort(channel: Channel, context: _Context) -> Fact:
    parts: list[float] = []
    texts: list[tuple[str, str]] = []
    for cost, reference, unit in (
        (channel.hours_per_week, context.hours_reference, ("h/week", "h/semaine")),
        (channel.monthly_budget, context.budget_reference, ("/month", "/mois")),
    ):
        if cost is None or reference is None:
            continue
        share, fair = reference
        parts.append(1.0 if cost <= share else share / cost)
        basis = ("fair share", "juste part") if fair else ("mean", "moyenne")
        amount, usual = _num(cost), _num(round(share, 1))
        texts.append(
            (
                f"{amount}{unit[0]} ({basis[0]} {usual})",
                f"{amount.replace('.', ',')}{unit[1]} ({basis[1]} {usual.replace('.', ',')})",
            )
        )
    if not parts:
        return None, _B("hours and budget not recorded", "heures et budget non relevés")
    return sum(parts) / len(parts), Bilingual("; ".join(t[0] for t in texts), " ; ".join(t[1] for t in texts))


def _ownership(channel: Channel) -> Fact:
    if channel.owner.strip():
        return 1.0, _say("looked after by {owner}", "tenu par {owner}", owner=channel.owner.strip())
    return 0.0, _B("nobody named as owner", "aucun responsable nommé")


def _originality(channel: Channel) -> Fact:
    if channel.cross_posted_unchanged is None:
        return None, _B("cross-posting not checked", "republication non vérifiée")
    if channel.cross_posted_unchanged:
        return 0.25, _B(
            "content cross-posted unchanged from other channels",
            "contenus republiés tels quels depuis d'autres canaux",
        )
    return 1.0, _B("content adapted to the channel", "contenus adaptés au canal")


def _reach(channel: Channel, targets: Iterable[str], context: _Context) -> Fact:
    listed = channel.stakeholders
    social = channel.platform.is_social
    platform = channel.platform
    weighted = total = 0.0
    count = reached = 0
    for stakeholder_id in targets:
        audience = context.audiences[stakeholder_id]
        use = audience.uses.get(platform)
        if use is None and social and audience.uses:
            use = 0.0
        if stakeholder_id in listed:
            reach = 1.0 if use is None else 0.5 + 0.5 * use
        else:
            reach = 0.0 if use is None else 0.5 * use
        weighted += audience.importance * reach
        total += audience.importance
        count += 1
        reached += reach > 0
    if not count:
        return None, _B("no stakeholder described", "aucun public décrit")
    value = weighted / total
    return value, _say(
        "{percent}% of the importance-weighted targets; {reached} of {count} reached",
        "{percent} % des cibles pondérées par importance ; {reached} sur {count} touchées",
        percent=_percent(value),
        reached=reached,
        count=count,
    )


def _platform_use(platform: Platform, context: _Context) -> float | None:
    weighted = total = 0.0
    for audience in context.audiences.values():
        use = audience.uses.get(platform)
        if use is None and platform.is_social and audience.uses:
            use = 0.0
        if use is not None:
            weighted += audience.importance * use
            total += audience.importance
    return weighted / total if total else None


# -- channels and the matrix -------------------------------------------------------------------------


class _FitScorer:
    """One channel's fit to each objective: only the reach differs between objectives.

    The other contributions depend on the objective only through the total assessed weight, so they
    are built once per distinct total (in practice once per channel).
    """

    def __init__(self, facts: _ChannelFacts, weights: dict[str, float]) -> None:
        self.weights = weights
        self.others: tuple[tuple[str, Fact], ...] = (
            ("fit.activity", facts.activity),
            ("fit.recency", facts.recency),
            ("fit.engagement", facts.engagement),
            ("fit.responsiveness", facts.responsiveness),
            ("fit.effort", facts.effort),
        )
        self.others_weight = _assessed_weight(self.others, weights)
        self._built: dict[float, tuple[tuple[Contribution, ...], float]] = {}

    def fit(self, reach: Fact) -> Score:
        reach_facts = (("fit.reach", reach),)
        total = self.others_weight + _assessed_weight(reach_facts, self.weights)
        built = self._built.get(total)
        if built is None:
            others = _contributions(self.others, self.weights, total)
            built = self._built[total] = (others, sum(item.points for item in others))
        (reach_contribution,) = _contributions(reach_facts, self.weights, total)
        others, points = built
        value = _bounded(points + reach_contribution.points) if total > 0 else None
        return Score(value, (reach_contribution, *others))


def _health(facts: _ChannelFacts, weights: dict[str, float]) -> Score:
    return _combine(
        (
            ("health.activity", facts.activity),
            ("health.recency", facts.recency),
            ("health.engagement", facts.engagement),
            ("health.responsiveness", facts.responsiveness),
            ("health.ownership", facts.ownership),
            ("health.originality", facts.originality),
        ),
        weights,
    )


def _targets(objective: Objective, context: _Context) -> tuple[str, ...]:
    return tuple(objective.stakeholders) or context.all_stakeholders


@dataclass(frozen=True)
class _Decision:
    recommendation: Recommendation
    reasons: tuple[Bilingual, ...]
    reassess_on: date | None = None


def _decide(
    channel: Channel,
    health: Score,
    fits: dict[str, Score],
    context: _Context,
) -> _Decision:
    status = channel.status
    served = [objective_id for objective_id in channel.objectives if objective_id in fits]
    assessed = [(value, o) for o in served if (value := fits[o].value) is not None]
    best, best_id = max(assessed, default=(None, None))
    fit_reason = _fit_reason(best_id, best, context) if best is not None and best_id is not None else None
    primary_fit = max(((value, o) for value, o in assessed if o in context.primary), default=None)
    health_reason = _health_reason(health)
    later = context.reassess_on
    reassess = context.reassess_reason

    def decision(recommendation: Recommendation, main: Bilingual, *more: Bilingual | None) -> _Decision:
        reasons = (main, *(reason for reason in more if reason is not None))
        when = later if recommendation in (Recommendation.NOT_NOW, Recommendation.PARK) else None
        return _Decision(recommendation, reasons, when)

    if status is ChannelStatus.CLOSED:
        return decision(
            Recommendation.CLOSE,
            _B(
                "already closed: keep the handle so that nobody else takes it",
                "déjà fermé : garder le nom de compte pour que personne d'autre ne le prenne",
            ),
        )
    if status is ChannelStatus.PARKED:
        return decision(
            Recommendation.PARK,
            _B(
                "handle claimed, silent on purpose: keep it so",
                "compte réservé, silencieux à dessein : le garder ainsi",
            ),
            reassess,
        )
    if status is ChannelStatus.PLANNED:
        use = _platform_use(channel.platform, context)
        if use is None:
            return decision(
                Recommendation.NOT_NOW,
                _say(
                    "no evidence that the stakeholders use {platform}: ask them before launching",
                    "rien n'indique que les publics utilisent {platform} : les consulter avant de lancer",
                    platform=channel.platform.label,
                ),
                reassess,
            )
        use_reason = _say(
            "{percent}% of the stakeholders (importance-weighted) use {platform}",
            "{percent} % des publics (pondérés par importance) utilisent {platform}",
            percent=_percent(use),
            platform=channel.platform.label,
        )
        if use < context.low_use:
            return decision(
                Recommendation.NOT_NOW,
                _say(
                    "little stakeholder use of the platform (under {low}%): not worth launching now",
                    "les publics utilisent peu la plateforme (moins de {low} %) : pas de lancement maintenant",
                    low=_percent(context.low_use),
                ),
                use_reason,
                reassess,
            )
        if not served:
            return decision(
                Recommendation.NOT_NOW,
                _B(
                    "planned without an objective: give it one before launching",
                    "prévu sans objectif : lui en donner un avant de le lancer",
                ),
                use_reason,
                reassess,
            )
        if best is not None and best >= GOOD:
            return decision(
                Recommendation.INVEST,
                _B("launch it: it fits an objective well", "le lancer : il sert bien un objectif"),
                fit_reason,
                use_reason,
            )
        return decision(
            Recommendation.NOT_NOW,
            _B("the planned channel fits its objectives weakly", "le canal prévu sert mal ses objectifs"),
            fit_reason,
            use_reason,
            reassess,
        )

    dormant = context.dormant(channel)
    dormant_reason = _dormant_reason(channel, context) if dormant else None
    if not served:
        no_audience = bool(context.audiences) and context.target_stakeholders.isdisjoint(channel.stakeholders)
        if dormant and channel.platform in MAJOR_PLATFORMS:
            return decision(
                Recommendation.PARK,
                _B(
                    "dormant and serving no objective on a major platform: keep the handle, stop posting",
                    "en sommeil et sans objectif sur une grande plateforme : garder le compte, cesser de publier",
                ),
                dormant_reason,
                reassess,
            )
        if no_audience:
            return decision(
                Recommendation.CLOSE,
                _B(
                    "serves no objective and reaches none of the stakeholders",
                    "ne sert aucun objectif et ne touche aucun des publics",
                ),
                dormant_reason,
            )
        if dormant:
            return decision(
                Recommendation.CLOSE,
                _B(
                    "dormant and serving no objective: an abandoned account annoys its audience",
                    "en sommeil et sans objectif : un compte abandonné agace son public",
                ),
                dormant_reason,
            )
        return decision(
            Recommendation.REDUCE,
            _B(
                "serves no objective: keep the effort minimal until it is given one",
                "ne sert aucun objectif : réduire l'effort au minimum tant qu'il n'en a pas",
            ),
            health_reason,
        )
    if best is None:
        return decision(
            Recommendation.MAINTAIN,
            _B(
                "fit not assessed: collect the channel's figures before deciding",
                "adéquation non évaluée : relever les chiffres du canal avant de décider",
            ),
            health_reason,
        )
    weakest = _weakest(health)
    critical = weakest is not None and weakest.value is not None and weakest.value < WEAK
    critical = critical or _engagement_far_under(health, context)
    healthy = health.value is not None and health.value >= GOOD and not critical
    if best >= GOOD:
        if health.value is None:
            return decision(
                Recommendation.MAINTAIN,
                _B("good fit; health not assessed", "bonne adéquation ; santé non évaluée"),
                fit_reason,
            )
        if healthy and primary_fit is not None and primary_fit[0] >= GOOD:
            return decision(
                Recommendation.INVEST,
                _B(
                    "serves the primary objective with a good fit and good health",
                    "sert l'objectif principal avec une bonne adéquation et une bonne santé",
                ),
                _fit_reason(primary_fit[1], primary_fit[0], context),
                health_reason,
            )
        if healthy:
            return decision(
                Recommendation.MAINTAIN,
                _B("good fit and good health", "bonne adéquation et bonne santé"),
                fit_reason,
                health_reason,
            )
        return decision(
            Recommendation.FIX,
            _B(
                "good fit but poor health: repair how it is run",
                "bonne adéquation mais santé faible : corriger sa tenue",
            )
            if weakest is None or not critical or health.value < GOOD
            else _say(
                "good fit, but its {label} is far below par: repair it",
                "bonne adéquation, mais son point « {label} » est très insuffisant : le corriger",
                label=_lower(weakest.label),
            ),
            fit_reason,
            health_reason,
            dormant_reason,
        )
    if best >= POOR:
        if healthy:
            return decision(
                Recommendation.MAINTAIN,
                _B("average fit, good health", "adéquation moyenne, bonne santé"),
                fit_reason,
                health_reason,
            )
        return decision(
            Recommendation.FIX,
            _B("average fit and health below par", "adéquation moyenne et santé insuffisante"),
            fit_reason,
            health_reason,
            dormant_reason,
        )
    if dormant:
        return decision(
            Recommendation.CLOSE,
            _B("poor fit and dormant: close it", "adéquation faible et compte en sommeil : le fermer"),
            fit_reason,
            dormant_reason,
        )
    return decision(
        Recommendation.REDUCE,
        _B(
            "poor fit: move the effort to channels that serve the objectives better",
            "adéquation faible : reporter l'effort sur les canaux qui servent mieux les objectifs",
        ),
        fit_reason,
        health_reason,
    )


def _fit_reason(objective_id: str, fit: float, context: _Context) -> Bilingual:
    primary = objective_id in context.primary
    return _say(
        "fit {fit}/100 for objective '{objective}'{primary}",
        "adéquation {fit}/100 pour l'objectif « {objective} »{primary}",
        fit=round(fit),
        objective=short(context.objectives[objective_id].statement, 50),
        primary=_B(" (primary)", " (principal)") if primary else _B("", ""),
    )


def _engagement_far_under(health: Score, context: _Context) -> bool:
    """Engagement under ``engagement_ratio_low`` times the benchmark, the line rule CH-LOW-ENGAGEMENT draws."""
    limit = AT_BENCHMARK * context.thresholds["engagement_ratio_low"]
    return any(
        item.factor == "health.engagement" and item.value is not None and item.value < limit
        for item in health.contributions
    )


def _weakest(health: Score) -> Contribution | None:
    """The assessed, weighted health factor with the lowest sub-score."""
    assessed = [item for item in health.contributions if item.value is not None and item.weight > 0]
    return min(assessed, key=lambda item: item.value or 0.0) if assessed else None


def _lower(text: Bilingual) -> Bilingual:
    return Bilingual(text.en.lower(), text.fr.lower())


def _health_reason(health: Score) -> Bilingual | None:
    if health.value is None:
        return None
    weakest = _weakest(health)
    if weakest is None or weakest.value is None or weakest.value >= 0.75:
        return _say("health {health}/100", "santé {health}/100", health=round(health.value))
    return _say(
        "health {health}/100; weakest: {label} ({evidence})",
        "santé {health}/100 ; point le plus faible : {label} ({evidence})",
        health=round(health.value),
        label=_lower(weakest.label),
        evidence=weakest.evidence,
    )


def _dormant_reason(channel: Channel, context: _Context) -> Bilingual:
    days = context.days_since_post(channel)
    if days is None:
        return _B("marked dormant", "marqué en sommeil")
    return _say(
        "no post for {days} days (dormant after {dormancy})",
        "aucune publication depuis {days} jours (en sommeil après {dormancy})",
        days=days,
        dormancy=context.dormancy,
    )


# -- strategy completeness ---------------------------------------------------------------------------

STATUS_VALUE: dict[ComponentStatus, float] = {
    ComponentStatus.PRESENT: 1.0,
    ComponentStatus.PARTIAL: 0.5,
    ComponentStatus.ABSENT: 0.0,
}

STEP_LABELS: dict[str, Bilingual] = {
    "step.objectives": _B("1. Objectives defined", "1. Objectifs définis"),
    "step.audiences": _B("2. Target audiences chosen", "2. Publics cibles choisis"),
    "step.inventory": _B("3. Existing actions taken stock of", "3. Actions existantes inventoriées"),
    "step.added_value": _B("4. Added value of each channel", "4. Valeur ajoutée de chaque canal"),
    "step.channels": _B("5. Channels chosen for objectives", "5. Canaux choisis pour des objectifs"),
    "step.editorial_line": _B("6. Editorial line", "6. Ligne éditoriale"),
    "step.indicators": _B("7. Success indicators", "7. Indicateurs de réussite"),
    "step.roles": _B("8. Roles and organisation", "8. Rôles et organisation"),
    "step.obstacles": _B("9. Obstacles identified", "9. Obstacles identifiés"),
    "review": _B("Strategy reviewed recently", "Stratégie revue récemment"),
}

COMPONENT_LABELS: dict[StrategyComponentKey, Bilingual] = {
    StrategyComponentKey.OBJECTIVES_ALIGNED: _B(
        "Objectives aligned with marketing", "Objectifs alignés sur le marketing"
    ),
    StrategyComponentKey.MEASURABLE_ACTIONS: _B("Measurable actions", "Actions mesurables"),
    StrategyComponentKey.CONTENT_PLAN: _B("Content plan", "Plan de contenus"),
    StrategyComponentKey.CONTENT_PILLARS: _B("Content pillars", "Piliers de contenu"),
    StrategyComponentKey.DISTRIBUTION_PLAN: _B("Distribution plan", "Plan de diffusion"),
    StrategyComponentKey.BUDGET: _B("Budget", "Budget"),
    StrategyComponentKey.CRISIS_PLAN: _B("Crisis plan", "Plan de crise"),
    StrategyComponentKey.EXIT_PLAN: _B("Exit plan", "Plan de sortie"),
    StrategyComponentKey.EVALUATION_PLAN: _B("Evaluation plan", "Plan d'évaluation"),
    StrategyComponentKey.EDITORIAL_LINE: _B("Editorial line", "Ligne éditoriale"),
    StrategyComponentKey.GOVERNANCE: _B("Governance", "Gouvernance"),
    StrategyComponentKey.POLICY: _B("Social media policy", "Charte des réseaux sociaux"),
    StrategyComponentKey.OWNERSHIP: _B(
        "Ownership of accounts and data", "Propriété des comptes et des données"
    ),
    StrategyComponentKey.MODERATION: _B("Moderation guidelines", "Règles de modération"),
    StrategyComponentKey.CALENDAR: _B("Editorial calendar", "Calendrier éditorial"),
    StrategyComponentKey.MONITORING: _B(
        "Set time to monitor and react", "Temps dédié à la veille et à la réaction"
    ),
}

_WEAK_OWNERS = frozenset({OwnerRole.INTERN, OwnerRole.VOLUNTEER})


def _strategy(audit: Audit, context: _Context) -> Score:
    components = audit.strategy.components
    facts: list[tuple[str, Bilingual, Fact]] = [
        ("step.objectives", STEP_LABELS["step.objectives"], _step_objectives(audit)),
        ("step.audiences", STEP_LABELS["step.audiences"], _step_audiences(audit)),
        ("step.inventory", STEP_LABELS["step.inventory"], _step_inventory(audit)),
        ("step.added_value", STEP_LABELS["step.added_value"], _step_added_value(audit)),
        ("step.channels", STEP_LABELS["step.channels"], _step_channels(audit)),
        (
            "step.editorial_line",
            STEP_LABELS["step.editorial_line"],
            _component(components.get(StrategyComponentKey.EDITORIAL_LINE)),
        ),
        ("step.indicators", STEP_LABELS["step.indicators"], _step_indicators(audit)),
        ("step.roles", STEP_LABELS["step.roles"], _step_roles(audit)),
        ("step.obstacles", STEP_LABELS["step.obstacles"], _step_obstacles(audit)),
    ]
    facts += [
        (f"component.{key.value}", label, _component(components.get(key)))
        for key, label in COMPONENT_LABELS.items()
        if key is not StrategyComponentKey.EDITORIAL_LINE
    ]
    facts.append(("review", STEP_LABELS["review"], _review(audit, context)))
    return _equal(facts)


def _component(component: Any) -> Fact:
    if component is None:
        return None, _B("not assessed in the audit", "non évalué dans l'audit")
    status: ComponentStatus = component.status
    labels = {
        ComponentStatus.PRESENT: _B("present", "présent"),
        ComponentStatus.PARTIAL: _B("partial", "partiel"),
        ComponentStatus.ABSENT: _B("absent", "absent"),
    }
    return STATUS_VALUE[status], labels[status]


def _smart(objective: Objective) -> bool:
    return objective.target is not None and objective.baseline is not None and objective.deadline is not None


def _step_objectives(audit: Audit) -> Fact:
    objectives = audit.objectives
    if not objectives:
        return 0.0, _B("no objective defined", "aucun objectif défini")
    smart = sum(_smart(objective) for objective in objectives)
    primaries = sum(objective.primary for objective in objectives)
    complete = smart == len(objectives) and primaries == 1 and len(objectives) <= 3
    return (1.0 if complete else 0.5), _say(
        "{count} objective(s), {smart} with target, baseline and deadline, {primaries} primary",
        "{count} objectif(s), dont {smart} avec cible, point de départ et échéance, {primaries} principal(aux)",
        count=len(objectives),
        smart=smart,
        primaries=primaries,
    )


def _step_audiences(audit: Audit) -> Fact:
    if not audit.stakeholders:
        return 0.0, _B("no target audience described", "aucun public cible décrit")
    untargeted = sum(not objective.stakeholders for objective in audit.objectives)
    return (0.5 if untargeted else 1.0), _say(
        "{count} stakeholder group(s); {untargeted} objective(s) without a target audience",
        "{count} groupe(s) de publics ; {untargeted} objectif(s) sans public cible",
        count=len(audit.stakeholders),
        untargeted=untargeted,
    )


def _step_inventory(audit: Audit) -> Fact:
    channels = audit.channels
    if not channels:
        return 0.0, _B("no channel inventoried", "aucun canal inventorié")
    social = sum(channel.is_social for channel in channels)
    traditional = len(channels) - social
    return (1.0 if social and traditional else 0.5), _say(
        "{social} social and {traditional} traditional channel(s) inventoried",
        "{social} canal(aux) social(aux) et {traditional} traditionnel(s) inventorié(s)",
        social=social,
        traditional=traditional,
    )


def _step_added_value(audit: Audit) -> Fact:
    channels = [c for c in audit.channels if c.is_social and c.status is not ChannelStatus.CLOSED]
    if not channels:
        return None, _B("no social channel", "aucun réseau social")
    stated = sum(bool(channel.added_value.strip()) for channel in channels)
    return stated / len(channels), _say(
        "{stated} of {count} social channels state what they add",
        "{stated} réseaux sociaux sur {count} disent ce qu'ils apportent",
        stated=stated,
        count=len(channels),
    )


def _step_channels(audit: Audit) -> Fact:
    channels = [c for c in audit.channels if c.status in _PUBLISHING]
    if not channels:
        return None, _B("no active channel", "aucun canal actif")
    serving = sum(bool(channel.objectives) for channel in channels)
    return serving / len(channels), _say(
        "{serving} of {count} active or dormant channels serve an objective",
        "{serving} canaux actifs ou en sommeil sur {count} servent un objectif",
        serving=serving,
        count=len(channels),
    )


def _step_indicators(audit: Audit) -> Fact:
    objectives = audit.objectives
    if not objectives:
        return 0.0, _B("no objective, hence no indicator", "aucun objectif, donc aucun indicateur")
    measured = sum(bool(objective.indicators) for objective in objectives)
    return measured / len(objectives), _say(
        "{measured} of {count} objectives have an indicator",
        "{measured} objectifs sur {count} ont un indicateur",
        measured=measured,
        count=len(objectives),
    )


def _step_roles(audit: Audit) -> Fact:
    organisation = audit.organisation
    role = organisation.strategy_owner_role
    creators, responders = organisation.content_creators, organisation.responders
    if role is None and not creators and not responders:
        return None, _B("roles not described", "rôles non décrits")
    owner = 0.0 if role in (None, OwnerRole.NOBODY) else 0.5 if role in _WEAK_OWNERS else 1.0
    value = (owner + bool(creators) + bool(responders)) / 3
    return value, _say(
        "strategy owner: {role}; {creators} content creator(s), {responders} responder(s)",
        "responsable de la stratégie : {role} ; {creators} créateur(s) de contenu, {responders} "
        "personne(s) qui répondent",
        role=VALUE_LABELS[role] if role else "?",
        creators=len(creators),
        responders=len(responders),
    )


def _step_obstacles(audit: Audit) -> Fact:
    count = len(audit.strategy.obstacles)
    if not count:
        return 0.0, _B("no obstacle identified", "aucun obstacle identifié")
    return 1.0, _say("{count} obstacle(s) identified", "{count} obstacle(s) identifié(s)", count=count)


def _review(audit: Audit, context: _Context) -> Fact:
    reviewed = audit.strategy.last_reviewed
    if reviewed is None:
        return None, _B("date of the last review not recorded", "date de la dernière revue non relevée")
    limit = float(context.thresholds["review_months"])
    months = months_between(reviewed, context.today)
    value = 1.0 if months <= limit else 0.5 if months <= 2 * limit else 0.0
    return value, _say(
        "last reviewed {months} months before the audit (review every {limit} months)",
        "dernière revue {months} mois avant l'audit (revue tous les {limit} mois)",
        months=round(months, 1),
        limit=limit,
    )


# -- organisation readiness --------------------------------------------------------------------------

SPONSOR_VALUE: dict[SponsorEngagement, float] = {
    SponsorEngagement.NONE: 0.0,
    SponsorEngagement.AWARE: 0.35,
    SponsorEngagement.SUPPORTIVE: 0.75,
    SponsorEngagement.CHAMPION: 1.0,
}
OWNER_VALUE: dict[OwnerRole, float] = {
    OwnerRole.NOBODY: 0.0,
    OwnerRole.INTERN: 0.1,
    OwnerRole.VOLUNTEER: 0.3,
    OwnerRole.JUNIOR: 0.5,
    OwnerRole.AGENCY: 0.6,
    OwnerRole.COMMUNITY_MANAGER: 0.85,
    OwnerRole.EXECUTIVE: 0.9,
    OwnerRole.COMMUNICATIONS_MANAGER: 1.0,
    OwnerRole.MARKETING_DIRECTOR: 1.0,
}
"""An agency scores lower than staff: delegating the voice risks authenticity (seed 003)."""
TRAINING_VALUE: dict[Training, float] = {Training.NONE: 0.0, Training.SOME: 0.5, Training.ALL: 1.0}
CADENCE_VALUE: dict[Cadence, float] = {
    Cadence.NEVER: 0.0,
    Cadence.AD_HOC: 0.2,
    Cadence.YEARLY: 0.35,
    Cadence.QUARTERLY: 0.6,
    Cadence.MONTHLY: 1.0,
    Cadence.WEEKLY: 1.0,
}


def _organisation(audit: Audit, context: _Context) -> Score:
    organisation = audit.organisation
    facts: list[tuple[str, Fact]] = [
        ("org.sponsor", _scale(organisation.sponsor, SPONSOR_VALUE, _B("sponsor", "soutien"))),
        (
            "org.owner",
            _scale(organisation.strategy_owner_role, OWNER_VALUE, _B("owner role", "rôle du responsable")),
        ),
        ("org.resources", _resources(audit)),
        ("org.validation", _validation(audit, context)),
        ("org.training", _scale(organisation.training, TRAINING_VALUE, _B("training", "formation"))),
        ("org.hours", _hours(audit, context)),
        ("org.budget", _budget(audit)),
        (
            "org.reporting",
            _scale(
                organisation.reporting_cadence, CADENCE_VALUE, _B("reporting cadence", "rythme du reporting")
            ),
        ),
        ("org.lead_time", _lead_time(audit, context)),
    ]
    return _combine(facts, context.weights)


VALUE_LABELS: dict[StrEnum, Bilingual] = {
    SponsorEngagement.NONE: _B("not engaged", "pas impliquée"),
    SponsorEngagement.AWARE: _B("aware", "informée"),
    SponsorEngagement.SUPPORTIVE: _B("supportive", "favorable"),
    SponsorEngagement.CHAMPION: _B("champion", "moteur"),
    OwnerRole.NOBODY: _B("nobody", "personne"),
    OwnerRole.INTERN: _B("an intern", "un stagiaire"),
    OwnerRole.VOLUNTEER: _B("a volunteer", "un bénévole"),
    OwnerRole.JUNIOR: _B("a junior employee", "un salarié junior"),
    OwnerRole.COMMUNITY_MANAGER: _B("a community manager", "un community manager"),
    OwnerRole.COMMUNICATIONS_MANAGER: _B("the communications manager", "le responsable de la communication"),
    OwnerRole.MARKETING_DIRECTOR: _B("the marketing director", "le directeur marketing"),
    OwnerRole.EXECUTIVE: _B("an executive", "un dirigeant"),
    OwnerRole.AGENCY: _B("an agency", "une agence"),
    Training.NONE: _B("none", "aucune"),
    Training.SOME: _B("some of the people", "une partie des personnes"),
    Training.ALL: _B("everyone in a role", "toutes les personnes en poste"),
    Cadence.NEVER: _B("never", "jamais"),
    Cadence.AD_HOC: _B("ad hoc", "ponctuel"),
    Cadence.YEARLY: _B("yearly", "annuel"),
    Cadence.QUARTERLY: _B("quarterly", "trimestriel"),
    Cadence.MONTHLY: _B("monthly", "mensuel"),
    Cadence.WEEKLY: _B("weekly", "hebdomadaire"),
}
"""How the organisation's answers read in the evidence."""


def _scale(level: StrEnum | None, values: dict[Any, float], what: Bilingual) -> Fact:
    if level is None:
        return None, _say("{what} not recorded", "{what} : non relevé", what=what)
    return values[level], _say("{what}: {level}", "{what} : {level}", what=what, level=VALUE_LABELS[level])


def _resources(audit: Audit) -> Fact:
    creators = len(audit.organisation.content_creators)
    responders = len(audit.organisation.responders)
    return 0.5 * bool(creators) + 0.5 * bool(responders), _say(
        "{creators} content creator(s), {responders} responder(s) named",
        "{creators} créateur(s) de contenu, {responders} personne(s) pour répondre",
        creators=creators,
        responders=responders,
    )


def _validation(audit: Audit, context: _Context) -> Fact:
    delay = audit.organisation.validation_delay_hours
    if delay is None:
        return None, _B("validation delay not recorded", "délai de validation non relevé")
    expectations = [
        (expected, channel.platform)
        for channel in audit.channels
        if channel.status in _COSTING and (expected := context.expectation(channel.platform)) is not None
    ]
    if not expectations:
        return None, _say(
            "validation takes {delay} h; no channel with a response expectation",
            "validation en {delay} h ; aucun canal avec une attente de réponse",
            delay=delay,
        )
    expected, platform = min(expectations, key=lambda pair: pair[0])
    minutes = delay * 60
    return (1.0 if minutes <= expected else expected / minutes), _say(
        "validation takes {delay} h; {platform} audiences expect an answer within {expected} min",
        "validation en {delay} h ; le public de {platform} attend une réponse en {expected} min",
        delay=delay,
        platform=platform.label,
        expected=expected,
    )


def _hours(audit: Audit, context: _Context) -> Fact:
    available = audit.organisation.hours_per_week
    if available is None:
        return None, _B("team hours not recorded", "heures de l'équipe non relevées")
    costing = [channel for channel in audit.channels if channel.status in _COSTING]
    known = [channel.hours_per_week for channel in costing if channel.hours_per_week is not None]
    per_channel = float(context.thresholds["hours_per_channel"])
    needed = sum(known) + per_channel * (len(costing) - len(known))
    value = 1.0 if available >= needed else available / needed
    return value, _say(
        "{available} h/week available for {needed} h/week needed by {count} channel(s)",
        "{available} h/semaine disponibles pour {needed} h/semaine nécessaires à {count} canal(aux)",
        available=available,
        needed=round(needed, 1),
        count=len(costing),
    )


def _budget(audit: Audit) -> Fact:
    budget = audit.organisation.monthly_budget
    if budget is None:
        return None, _B("budget not recorded", "budget non relevé")
    needed = sum(c.monthly_budget or 0.0 for c in audit.channels if c.status in _COSTING)
    value = 0.0 if budget <= 0 else min(1.0, budget / needed) if needed > 0 else 1.0
    currency = audit.engagement.currency
    return value, _say(
        "{budget} {currency}/month available; channels cost {needed} {currency}/month",
        "{budget} {currency}/mois disponibles ; les canaux coûtent {needed} {currency}/mois",
        budget=budget,
        needed=needed,
        currency=currency,
    )


def _lead_time(audit: Audit, context: _Context) -> Fact:
    days = audit.organisation.publishing_lead_time_days
    if days is None:
        return None, _B("publishing lead time not recorded", "délai d'anticipation non relevé")
    needed = float(context.thresholds["lead_time_days"])
    return min(1.0, days / needed) if needed > 0 else 1.0, _say(
        "content ready {days} days ahead ({needed} wanted)",
        "contenus prêts {days} jours à l'avance ({needed} souhaités)",
        days=days,
        needed=needed,
    )


# -- overall -----------------------------------------------------------------------------------------


def _coverage(audit: Audit, matrix: dict[tuple[str, str], Score], context: _Context) -> Fact:
    if not audit.objectives:
        return None, _B("no objective defined", "aucun objectif défini")
    serving: dict[str, list[float]] = {objective.id: [] for objective in audit.objectives}
    for channel in audit.channels:
        if channel.status not in _PUBLISHING:
            continue
        for objective_id in channel.objectives:
            fit = matrix[(channel.id, objective_id)].value
            if fit is not None:
                serving[objective_id].append(fit)
    weighted = total = 0.0
    orphans = 0
    for objective in audit.objectives:
        weight = 2.0 if objective.primary else 1.0
        best = max(serving[objective.id], default=0.0)
        orphans += not serving[objective.id]
        weighted += weight * best / 100
        total += weight
    return weighted / total, _say(
        "{count} objective(s), {orphans} served by no active channel",
        "{count} objectif(s), dont {orphans} servi(s) par aucun canal actif",
        count=len(audit.objectives),
        orphans=orphans,
    )


def _mean_health(channels: Sequence[ChannelScore], audit: Audit) -> Fact:
    publishing = {channel.id for channel in audit.channels if channel.status in _PUBLISHING}
    values = [
        item.health.value
        for item in channels
        if item.channel_id in publishing and item.health.value is not None
    ]
    if not values:
        return None, _B(
            "no active channel with a health score", "aucun canal actif dont la santé est évaluée"
        )
    mean = sum(values) / len(values)
    return mean / 100, _say(
        "mean health {mean}/100 over {count} active or dormant channel(s)",
        "santé moyenne {mean}/100 sur {count} canal(aux) actif(s) ou en sommeil",
        mean=round(mean),
        count=len(values),
    )


def _share(score: Score, what: Bilingual) -> Fact:
    if score.value is None:
        return None, _say("{what} not assessed", "{what} : non évaluée", what=what)
    return score.value / 100, _say(
        "{what}: {value}/100", "{what} : {value}/100", what=what, value=round(score.value)
    )


# -- entry point -------------------------------------------------------------------------------------


def score(audit: Audit) -> Scorecard:
    """Score an audit: channels, channel x objective fit, strategy, organisation, overall and level.

    Pure and deterministic; ``audit.engagement.audit_date`` stands for "today".

    Raises:
        AuditkitError: ``audit.settings.weights`` or ``audit.settings.thresholds`` has an unknown key.
    """
    context = _Context(audit)
    weights = context.weights
    matrix: dict[tuple[str, str], Score] = {}
    serves: set[tuple[str, str]] = set()
    channels: list[ChannelScore] = []
    for channel in audit.channels:
        facts = _channel_facts(channel, context)
        health = _health(facts, weights)
        fits: dict[str, Score] = {}
        if channel.status is not ChannelStatus.CLOSED:
            scorer = _FitScorer(facts, weights)
            for objective in audit.objectives:
                fit = scorer.fit(_reach(channel, _targets(objective, context), context))
                fits[objective.id] = fit
                matrix[(channel.id, objective.id)] = fit
            serves.update((channel.id, objective_id) for objective_id in channel.objectives)
        decided = _decide(channel, health, fits, context)
        channels.append(
            ChannelScore(
                channel_id=channel.id,
                name=channel.name,
                platform=channel.platform,
                health=health,
                recommendation=decided.recommendation,
                reasons=decided.reasons,
                benchmark=facts.engagement_benchmark,
                reassess_on=decided.reassess_on,
            )
        )
    strategy = _strategy(audit, context)
    organisation = _organisation(audit, context)
    overall = _combine(
        (
            ("overall.fit", _coverage(audit, matrix, context)),
            ("overall.health", _mean_health(channels, audit)),
            ("overall.strategy", _share(strategy, WEIGHTS["overall.strategy"].label)),
            ("overall.organisation", _share(organisation, WEIGHTS["overall.organisation"].label)),
        ),
        weights,
    )
    target = audit.settings.target_level
    return Scorecard(
        overall=overall,
        level=level_for(overall.value),
        target_level=MATURITY_LEVELS[target - 1] if target is not None else None,
        channels=tuple(channels),
        matrix=matrix,
        strategy_completeness=strategy,
        organisation_readiness=organisation,
        weights=weights,
        serves=frozenset(serves),
    )
