"""Scores of an audit, 0 to 100, each one explained by the contributions that made it.

Every score is a weighted mean of factors (Lighthouse and audit rubrics work the same way). Each
factor gives a sub-score between 0 and 1, or ``None`` when the audit lacks the data: that factor is
then *not assessed*, its weight is dropped and the other weights are rescaled. A score whose factors
are all missing is ``None``. A :class:`Contribution` records the factor's sub-score, its weight, its
points (its share of the 0-100 score; the points add up to the score) and the evidence in words.

The weights and their defaults are in :data:`WEIGHTS`, each with its name and documentation (catalogue
messages ``settings.weight.<factor>.name`` and ``.doc``). A consultant overrides them for one client in
``audit.settings.weights`` (for instance ``{"fit.engagement": 0.4}``); each weight is between 0 and
:data:`WEIGHT_MAXIMUM`, only the ratios within one group (``fit``, ``health``, ``org``, ``strategy``,
``results``, ``overall``) matter, and a group cannot be all zero. An unknown key is an error that lists the valid ones
(:func:`weight_problems`).

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

**Strategy completeness** (``strategy.*`` weights, :data:`STRATEGY_WEIGHTS`): the nine steps of the
method (DOMAIN section 1), read from the audit's data -- 1 objectives (none 0; all SMART, one primary,
at most three 1; else 0.5), 2 audiences (none 0; every objective names its targets 1; else 0.5),
3 inventory (social and traditional channels 1, one kind 0.5), 4 share of social channels stating their
added value, 5 share of active channels serving an objective, 6 the editorial-line component, 7 share of
objectives with an indicator, 8 roles (owner not nobody/intern/volunteer, creators, responders),
9 obstacles listed; then the other strategy components of DOMAIN section 6 (present 1, partial 0.5,
absent 0; a component left out of the audit is not assessed) and the last review against
``review_months`` (1 within it, 0.5 within twice, else 0). The weights put objectives (0.13),
audiences and indicators (0.10 each), then the evaluation plan, channels and roles (0.07 each) first,
and governance, policy, obstacles and the exit plan (0.01 each) last; the catalogue message
``scoring.strategy.reason.<factor>`` gives each weight's reason, shown with the weights in the report's
methodology.

**Results** (``results.*`` weights, :mod:`auditkit.scoring.performance`): ``objectives``, the progress of
each objective from its baseline toward its target (``(current - baseline) / (target - baseline)``,
negative when it goes backwards, kept within 0-1; the primary objective counts double; no current value
recorded anywhere counts 0, since the client can measure it), and ``engagement``, the engagement of the
publishing channels that serve the primary objective against the benchmark of the same metric code
(the scale of ``fit.engagement``; a channel no benchmark can judge is not assessed).

**Organisation readiness** (``org.*`` weights, DOMAIN section 7): sponsor (none 0, aware 0.35,
supportive 0.75, champion 1), owner role (:data:`OWNER_VALUE`: nobody 0, intern 0.1, volunteer 0.3
... communications manager 1), resources (0.5 for content creators, 0.5 for responders), validation
delay against the tightest response expectation of the channels, training (none 0, some 0.5, all 1),
team hours against the hours the channels need (:func:`auditkit.thresholds.hours_needed`: their
family's threshold, or what they take when more), budget against the channels' costs (0 when there is none), reporting cadence (monthly or
weekly 1, quarterly 0.6, yearly 0.35, ad hoc 0.2, never 0), publishing lead time against
``lead_time_days``.

**Overall** (``overall.*`` weights): objective coverage (for each objective, the best fit among the
active or dormant channels that serve it, 0 when none does; the primary objective counts double),
the mean health of active and dormant channels, strategy completeness, organisation readiness and
results (0.15, 0.10, 0.30, 0.20, 0.25 by default).

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

Paperwork alone cannot reach the top levels (:class:`Gate`, :mod:`auditkit.scoring.gates`): level 4
needs the results component at least ``results_managed`` (threshold, default 0.5); level 5 needs,
besides, every primary channel compared with a benchmark engaging at least ``engagement_ratio_low``
times it (0.5) and the objectives on track (the primary one measured; each measured one at least
``on_track_progress`` of the way, 0.5, or its target reached when its deadline has passed). A level
whose gate is not met is not reached, whatever the score; the scorecard says which gate held it back.

An audit where more than ``incomplete_share`` (default 0.25) of the catalogue's rules could not be
assessed (the diagnosis's not-assessed rules) has no level: ``Scorecard.level`` is ``None`` and
``Scorecard.incomplete`` says "incomplete: N of M rules not assessed".

Nothing here reads the clock: ``audit.engagement.audit_date`` is "today". Scoring builds no pydantic
object and never assigns to the audit. Every text of a result (names, evidence, reasons) is a catalogue
message (``scoring.*``), read in a language only when shown.

Modules
=======
``weights`` (the weights and the checks of overrides), ``results`` (contributions, scores, channel scores,
the scorecard and their JSON), ``levels`` (maturity levels), ``text`` (the plain-text scorecard),
``combine`` (weighted means), ``context`` (per-run lookups), ``channels`` (channel factors, health, fit),
``recommendations`` (the decision tree), ``strategy``, ``organisation``, ``performance`` (results),
``gates`` (what levels 4 and 5 need, and incompleteness), ``overall`` (:func:`score`) and ``rendering``
(how figures and texts are written).
"""

from auditkit.scoring.channels import AT_BENCHMARK
from auditkit.scoring.levels import MATURITY_LEVELS, Gate, Incomplete, MaturityLevel, gated_level, level_for
from auditkit.scoring.overall import ProjectedScores, projected_scores, score
from auditkit.scoring.performance import EngagementResult, ObjectiveProgress, progress
from auditkit.scoring.recommendations import GOOD, POOR, WEAK
from auditkit.scoring.results import ChannelScore, Contribution, Recommendation, Score, Scorecard
from auditkit.scoring.weights import (
    STRATEGY_STEPS,
    STRATEGY_WEIGHTS,
    WEIGHT_MAXIMUM,
    WEIGHTS,
    Weight,
    settings_problems,
    weight_problems,
    weights_for,
)

__all__ = [
    "AT_BENCHMARK",
    "GOOD",
    "MATURITY_LEVELS",
    "POOR",
    "STRATEGY_STEPS",
    "STRATEGY_WEIGHTS",
    "WEAK",
    "WEIGHTS",
    "WEIGHT_MAXIMUM",
    "ChannelScore",
    "Contribution",
    "EngagementResult",
    "Gate",
    "Incomplete",
    "MaturityLevel",
    "ObjectiveProgress",
    "ProjectedScores",
    "Recommendation",
    "Score",
    "Scorecard",
    "Weight",
    "gated_level",
    "level_for",
    "progress",
    "projected_scores",
    "score",
    "settings_problems",
    "weight_problems",
    "weights_for",
]
