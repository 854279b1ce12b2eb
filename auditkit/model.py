"""The audit data model: one client engagement, validated by pydantic.

An :class:`Audit` is the single source of truth that the notebooks edit, the store saves and the
scoring, diagnosis, roadmap and report read. Sections follow the method (``shared/DOMAIN.md``):
engagement, client, objectives, stakeholders, peers, channels, strategy, organisation.

Cross-references (a channel serving an objective, an objective aimed at stakeholders) use the
``id`` of the referenced item; :class:`Audit` checks that every reference resolves.

Field descriptions are catalogue message ids (``store.field.*``): :func:`auditkit.store.json_schema`
writes them in words, and a validation problem quotes them in the reader's language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from auditkit.errors import InvalidValue, Problem
from auditkit.fileformat import SCHEMA_VERSION as SCHEMA_VERSION
from auditkit.locale import languages, msg
from auditkit.platforms import Platform
from auditkit.values import (
    Audience,
    BenchmarkValue,
    DelayHours,
    EffortHours,
    EngagementBase,
    Identifier,
    ImprovementShare,
    Interactions,
    LeadDays,
    Measure,
    Money,
    NonNegative,
    Percent,
    PostsPerWeek,
    ResponseMinutes,
    Share,
    ShortText,
    TeamHours,
    Text,
    WeeklyHours,
)


class AuditModel(BaseModel):
    """Base of every section: unknown fields, NaN and infinite numbers are errors; assignments are validated."""

    model_config = ConfigDict(
        extra="forbid", validate_assignment=True, use_enum_values=False, allow_inf_nan=False
    )


class Language(StrEnum):
    FR = "fr"
    EN = "en"


class IndustryKind(StrEnum):
    """Kinds of organisation the method distinguishes (DOMAIN §4)."""

    COMMERCIAL_B2B = "commercial_b2b"
    COMMERCIAL_B2C = "commercial_b2c"
    NONPROFIT_CHARITY = "nonprofit_charity"
    NONPROFIT_ASSOCIATION = "nonprofit_association"
    NONPROFIT_CAUSE = "nonprofit_cause"
    PUBLIC = "public"
    HEALTHCARE = "healthcare"
    EDUCATION_PRIMARY = "education_primary"
    EDUCATION_SECONDARY = "education_secondary"
    EDUCATION_HIGHER = "education_higher"


class OrganisationSize(StrEnum):
    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class ObjectiveKind(StrEnum):
    """Kinds of objective named by the method (DOMAIN §2)."""

    INSTITUTIONAL = "institutional"
    CUSTOMER_RELATIONS = "customer_relations"
    PROSPECTING = "prospecting"
    SALES = "sales"
    LOYALTY = "loyalty"
    RECRUITMENT = "recruitment"
    EMPLOYER_BRAND = "employer_brand"
    INTERNAL = "internal"
    AWARENESS = "awareness"
    WEB_TRAFFIC = "web_traffic"
    LISTENING = "listening"


class Lens(StrEnum):
    """How an indicator judges an objective (DOMAIN §3)."""

    ROI = "roi"
    """Return on investment: sales, sign-ups, hires."""
    ROA = "roa"
    """Return on attention: reach, traffic, engagement."""
    RONI = "roni"
    """Risk of non-investment: what abstaining would cost."""


class Level(StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Consultation(StrEnum):
    """How a stakeholder's preferences were gathered."""

    NONE = "none"
    INFORMAL = "informal"
    SURVEY = "survey"
    INTERVIEWS = "interviews"
    FOCUS_GROUP = "focus_group"
    ANALYTICS = "analytics"


class PeerRelation(StrEnum):
    COMPETITOR = "competitor"
    PEER = "peer"
    ASPIRATIONAL = "aspirational"


class AdoptionStage(StrEnum):
    """Position on the adoption curve of social media practice."""

    INNOVATOR = "innovator"
    EARLY_ADOPTER = "early_adopter"
    EARLY_MAJORITY = "early_majority"
    LATE_MAJORITY = "late_majority"
    LAGGARD = "laggard"


class ChannelStatus(StrEnum):
    ACTIVE = "active"
    DORMANT = "dormant"
    PARKED = "parked"
    """Handle claimed, nothing published on purpose."""
    PLANNED = "planned"
    CLOSED = "closed"


class ComponentStatus(StrEnum):
    PRESENT = "present"
    PARTIAL = "partial"
    ABSENT = "absent"


class StrategyComponentKey(StrEnum):
    """What a strategy must contain (DOMAIN §6)."""

    OBJECTIVES_ALIGNED = "objectives_aligned"
    MEASURABLE_ACTIONS = "measurable_actions"
    CONTENT_PLAN = "content_plan"
    CONTENT_PILLARS = "content_pillars"
    DISTRIBUTION_PLAN = "distribution_plan"
    BUDGET = "budget"
    CRISIS_PLAN = "crisis_plan"
    EXIT_PLAN = "exit_plan"
    EVALUATION_PLAN = "evaluation_plan"
    EDITORIAL_LINE = "editorial_line"
    GOVERNANCE = "governance"
    POLICY = "policy"
    OWNERSHIP = "ownership"
    MODERATION = "moderation"
    CALENDAR = "calendar"
    MONITORING = "monitoring"


class SponsorEngagement(StrEnum):
    """How engaged top management is (DOMAIN §7)."""

    NONE = "none"
    AWARE = "aware"
    SUPPORTIVE = "supportive"
    CHAMPION = "champion"


class OwnerRole(StrEnum):
    """Who holds the social media strategy."""

    NOBODY = "nobody"
    INTERN = "intern"
    VOLUNTEER = "volunteer"
    JUNIOR = "junior"
    COMMUNITY_MANAGER = "community_manager"
    COMMUNICATIONS_MANAGER = "communications_manager"
    MARKETING_DIRECTOR = "marketing_director"
    EXECUTIVE = "executive"
    AGENCY = "agency"


class Training(StrEnum):
    NONE = "none"
    SOME = "some"
    ALL = "all"


class Cadence(StrEnum):
    """How often results are reported."""

    NEVER = "never"
    AD_HOC = "ad_hoc"
    YEARLY = "yearly"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    WEEKLY = "weekly"


class Engagement(AuditModel):
    """Profile of the engagement: who audits whom, when, in which language."""

    client: ShortText = Field(min_length=1, description="store.field.engagement.client")
    consultant: ShortText = ""
    audit_date: date = Field(
        ge=date(1990, 1, 1), le=date(2100, 12, 31), description="store.field.engagement.audit_date"
    )
    round: int = Field(default=1, ge=1, le=100, description="store.field.range.round")
    previous_round: ShortText | None = Field(
        default=None, description="store.field.engagement.previous_round"
    )
    language: str = Field(default=Language.EN, description="store.field.engagement.language")
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$", description="store.field.engagement.currency")

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in languages():
            raise InvalidValue(msg("store.check.language", value=value, valid=", ".join(languages())))
        return str(value)


class ClientProfile(AuditModel):
    industry: IndustryKind
    sector: ShortText = Field(default="", description="store.field.client_profile.sector")
    size: OrganisationSize | None = None
    country: str = Field(
        default="", pattern=r"^([A-Z]{2})?$", description="store.field.client_profile.country"
    )


class Indicator(AuditModel):
    name: ShortText = Field(min_length=1)
    lens: Lens
    definition: Text = ""
    source: ShortText = Field(default="", description="store.field.indicator.source")


class Objective(AuditModel):
    """A SMART objective (DOMAIN §2) with its indicators (DOMAIN §3)."""

    id: Identifier
    statement: Text = Field(min_length=1)
    kind: ObjectiveKind
    primary: bool = False
    metric: ShortText = ""
    unit: ShortText = ""
    baseline: Measure | None = None
    target: Measure | None = None
    deadline: date | None = None
    stakeholders: list[Identifier] = Field(
        default_factory=list, description="store.field.objective.stakeholders"
    )
    indicators: list[Indicator] = Field(default_factory=list)


class PlatformUse(AuditModel):
    """How much a stakeholder group uses a platform: a share, a level, or both."""

    platform: Platform
    share: Share | None = None
    level: Level | None = None

    @model_validator(mode="after")
    def _share_or_level(self) -> Self:
        if self.share is None and self.level is None:
            raise InvalidValue(msg("store.check.share_or_level"))
        return self


class Stakeholder(AuditModel):
    """A target audience or stakeholder group (DOMAIN §4)."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    importance: int = Field(default=3, ge=1, le=5, description="store.field.stakeholder.importance")
    digital_literacy: Level | None = None
    engagement: Level | None = None
    platforms: list[PlatformUse] = Field(default_factory=list)
    consultation: Consultation = Consultation.NONE
    consultation_note: Text = ""


class PeerPresence(AuditModel):
    platform: Platform
    handle: ShortText = ""
    audience: Audience | None = None
    posts_per_week: PostsPerWeek | None = None
    engagement_rate: Percent | None = None


class Peer(AuditModel):
    """A competitor, peer or aspirational organisation (DOMAIN §4)."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    relation: PeerRelation = PeerRelation.PEER
    adoption: AdoptionStage | None = None
    presence: list[PeerPresence] = Field(default_factory=list)
    note: Text = ""


class EngagementMeasure(AuditModel):
    """A channel's engagement: a rate, or interactions over a base, with its definition.

    ``definition`` is a metric code from ``data/benchmarks.csv`` (for instance
    ``rivaliq_er_per_post_by_follower``) so that the client is compared with like figures only.
    """

    definition: ShortText = Field(min_length=1)
    rate: Percent | None = None
    interactions: Interactions | None = None
    base: EngagementBase | None = None

    @model_validator(mode="after")
    def _rate_or_counts(self) -> Self:
        if self.rate is None and (self.interactions is None or not self.base):
            raise InvalidValue(msg("store.check.rate_or_counts"))
        return self

    @property
    def percent(self) -> float:
        """The engagement rate in percent, computed from the counts when no rate is given."""
        if self.rate is not None:
            return self.rate
        assert self.interactions is not None and self.base
        return 100 * self.interactions / self.base


class Channel(AuditModel):
    """One social or traditional channel of the client (DOMAIN §5)."""

    id: Identifier
    name: ShortText = Field(min_length=1)
    platform: Platform
    handle: ShortText = Field(default="", description="store.field.channel.handle")
    status: ChannelStatus = ChannelStatus.ACTIVE
    owner: ShortText = Field(default="", description="store.field.channel.owner")
    audience_size: Audience | None = None
    posts_per_week: PostsPerWeek | None = None
    engagement: EngagementMeasure | None = None
    median_response_minutes: ResponseMinutes | None = None
    last_post: date | None = None
    started: date | None = None
    hours_per_week: WeeklyHours | None = None
    monthly_budget: Money | None = None
    objectives: list[Identifier] = Field(default_factory=list)
    stakeholders: list[Identifier] = Field(default_factory=list)
    cross_posted_unchanged: bool | None = None
    added_value: Text = Field(default="", description="store.field.channel.added_value")
    emerging: bool = Field(default=False, description="store.field.channel.emerging")
    assessed_before_launch: bool | None = None

    @property
    def is_social(self) -> bool:
        return self.platform.is_social


class StrategyComponent(AuditModel):
    status: ComponentStatus
    note: Text = ""
    evidence: ShortText = Field(default="", description="store.field.strategy_component.evidence")


class Strategy(AuditModel):
    """Strategy components (DOMAIN §6); a component left out is 'not assessed'."""

    components: dict[StrategyComponentKey, StrategyComponent] = Field(default_factory=dict)
    last_reviewed: date | None = None
    obstacles: list[Text] = Field(default_factory=list, description="store.field.strategy.obstacles")


class Organisation(AuditModel):
    """Who does the work and how (DOMAIN §7); ``None`` means 'not known yet'."""

    sponsor: SponsorEngagement | None = None
    strategy_owner_role: OwnerRole | None = None
    strategy_owner: ShortText = ""
    content_creators: list[ShortText] = Field(default_factory=list)
    responders: list[ShortText] = Field(default_factory=list)
    validation_delay_hours: DelayHours | None = None
    training: Training | None = None
    hours_per_week: TeamHours | None = None
    monthly_budget: Money | None = None
    reporting_cadence: Cadence | None = None
    publishing_lead_time_days: LeadDays | None = None


class BenchmarkRow(AuditModel):
    """A reference figure added or overridden by the consultant for this client's sector."""

    platform: Platform
    industry: ShortText = Field(min_length=1)
    metric: ShortText = Field(min_length=1)
    value: BenchmarkValue
    unit: ShortText = ""
    year: int = Field(ge=1990, le=2100)
    source_title: ShortText = Field(min_length=1)
    source_url: ShortText = ""


class Settings(AuditModel):
    """Per-audit overrides of the scoring weights and rule thresholds.

    Their keys and ranges are checked by :func:`auditkit.scoring.settings_problems`, which ``auditkit
    validate``, ``score`` and ``diagnose`` apply (the model cannot: the catalogues live above it).
    """

    weights: dict[str, NonNegative] = Field(default_factory=dict)
    thresholds: dict[str, float] = Field(default_factory=dict)
    benchmarks: list[BenchmarkRow] = Field(default_factory=list)
    target_level: int | None = Field(
        default=None, ge=1, le=5, description="store.field.settings.target_level"
    )


ROADMAP_STAGES: tuple[int, ...] = (1, 3, 6, 9, 12)
"""Months at which the roadmap's stages end (DOMAIN §9)."""


def _check_stage(stage: int | None) -> int | None:
    if stage is not None and stage not in ROADMAP_STAGES:
        raise InvalidValue(
            msg("store.check.stage", stage=str(stage), stages=", ".join(map(str, ROADMAP_STAGES)))
        )
    return stage


class GeneratedSnapshot(AuditModel):
    """What a generated action looked like when the consultant edited it, to report later changes."""

    title_en: ShortText
    title_fr: ShortText
    fingerprint: ShortText = Field(description="store.field.generated_snapshot.fingerprint")
    findings: list[ShortText] = Field(
        default_factory=list, description="store.field.generated_snapshot.findings"
    )
    subjects: list[ShortText] = Field(
        default_factory=list, description="store.field.generated_snapshot.subjects"
    )
    effort_hours: EffortHours = 0


class ActionEdit(AuditModel):
    """The consultant's changes to one generated action; ``None`` keeps the generated value."""

    action_id: Identifier
    stage: int | None = Field(default=None, description="store.field.action_edit.stage")
    title_en: ShortText | None = None
    title_fr: ShortText | None = None
    description_en: Text | None = None
    description_fr: Text | None = None
    done_when_en: ShortText | None = None
    done_when_fr: ShortText | None = None
    owner_role: ShortText | None = None
    effort_hours: EffortHours | None = None
    cost: Money | None = None
    dropped: bool = False
    note: Text = ""
    base: GeneratedSnapshot | None = None

    _stage_valid = field_validator("stage")(_check_stage)


class ManualAction(AuditModel):
    """An action the consultant added by hand; a text left empty in one language uses the other."""

    id: Identifier = Field(description="store.field.manual_action.id")
    stage: int = Field(description="store.field.manual_action.stage")
    title_en: ShortText = ""
    title_fr: ShortText = ""
    description_en: Text = ""
    description_fr: Text = ""
    done_when_en: ShortText = ""
    done_when_fr: ShortText = ""
    owner_role: ShortText = ""
    effort_hours: EffortHours = 0
    cost: Money = 0
    depends_on: list[Identifier] = Field(
        default_factory=list, description="store.field.manual_action.depends_on"
    )
    note: Text = ""

    _stage_valid = field_validator("stage")(_check_stage)

    @model_validator(mode="after")
    def _titled(self) -> Self:
        if not self.id.startswith("manual-"):
            raise InvalidValue(msg("store.check.manual_id", id=self.id))
        if not (self.title_en.strip() or self.title_fr.strip()):
            raise InvalidValue(msg("store.check.manual_title"))
        return self


class RoadmapEdits(AuditModel):
    """The consultant's input to the roadmap, kept across regenerations: edits, added actions, capacity."""

    improvement_share: ImprovementShare = 0.25
    edits: list[ActionEdit] = Field(default_factory=list)
    added: list[ManualAction] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> Self:
        edited: set[str] = set()
        for i, edit in enumerate(self.edits):
            if edit.action_id in edited:
                raise InvalidValue(
                    Problem(
                        f"roadmap.edits.{i}.action_id", msg("store.check.edited_twice", id=edit.action_id)
                    )
                )
            edited.add(edit.action_id)
        _check_unique(self.added, "roadmap.added")
        circle = _dependency_circle(self.added)
        if circle:
            where = f"roadmap.added.{[action.id for action in self.added].index(circle[0])}.depends_on"
            raise InvalidValue(
                Problem(where, msg("store.check.depends_on_circle", actions=" → ".join(circle)))
            )
        return self


def _dependency_circle(actions: Sequence[ManualAction]) -> list[str]:
    """The ids of added actions that depend on each other in a circle, the first one repeated at the end
    (``[a, b, a]``), or an empty list when there is none: a depth-first search that meets its own path.

    Only added actions are followed: generated actions never depend on added ones, so a circle lies
    among added actions only.
    """
    depends_on = {action.id: action.depends_on for action in actions}
    done: set[str] = set()
    for start in depends_on:
        if start in done:
            continue
        path, branches = [start], [iter(depends_on[start])]
        while branches:
            following = next(branches[-1], None)
            if following is None:
                done.add(path.pop())
                branches.pop()
            elif following in path:
                return [*path[path.index(following) :], following]
            elif following in depends_on and following not in done:
                path.append(following)
                branches.append(iter(depends_on[following]))
    return []


class _HasId(Protocol):
    id: str


_Item = TypeVar("_Item", bound=_HasId)


def _check_unique(items: Sequence[_HasId], section: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise InvalidValue(Problem(section, msg("store.check.id_twice", id=item.id)))
        seen.add(item.id)


class Audit(AuditModel):
    """One client engagement: everything the method needs, in one validated document."""

    schema_version: int = SCHEMA_VERSION
    revision: int = Field(default=0, ge=0, description="store.field.audit.revision")
    saved_at: datetime | None = None
    engagement: Engagement
    client: ClientProfile
    objectives: list[Objective] = Field(default_factory=list)
    stakeholders: list[Stakeholder] = Field(default_factory=list)
    peers: list[Peer] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    strategy: Strategy = Field(default_factory=Strategy)
    organisation: Organisation = Field(default_factory=Organisation)
    settings: Settings = Field(default_factory=Settings)
    roadmap: RoadmapEdits = Field(default_factory=RoadmapEdits)
    notes: Text = ""

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise InvalidValue(
                msg("store.check.schema_version", version=str(value), supported=str(SCHEMA_VERSION))
            )
        return value

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        _check_unique(self.objectives, "objectives")
        _check_unique(self.stakeholders, "stakeholders")
        _check_unique(self.peers, "peers")
        _check_unique(self.channels, "channels")
        objective_ids = {o.id for o in self.objectives}
        stakeholder_ids = {s.id for s in self.stakeholders}
        problems: list[Problem] = []
        for i, objective in enumerate(self.objectives):
            problems += _dangling(objective.stakeholders, stakeholder_ids, f"objectives.{i}.stakeholders")
        for i, channel in enumerate(self.channels):
            problems += _dangling(channel.objectives, objective_ids, f"channels.{i}.objectives")
            problems += _dangling(channel.stakeholders, stakeholder_ids, f"channels.{i}.stakeholders")
        if problems:
            raise InvalidValue(*problems)
        return self

    def objective(self, objective_id: str) -> Objective:
        """The objective with this id (``KeyError`` if none)."""
        return _by_id(self.objectives, objective_id)

    def stakeholder(self, stakeholder_id: str) -> Stakeholder:
        """The stakeholder with this id (``KeyError`` if none)."""
        return _by_id(self.stakeholders, stakeholder_id)

    def channel(self, channel_id: str) -> Channel:
        """The channel with this id (``KeyError`` if none)."""
        return _by_id(self.channels, channel_id)

    def new_id(self, section: str, name: str) -> str:
        """A fresh id for an item of ``section`` ("channels", ...) derived from ``name``."""
        base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:48] or section.rstrip("s")
        taken = {item.id for item in getattr(self, section)}
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        return candidate


def _dangling(refs: list[str], known: set[str], where: str) -> list[Problem]:
    valid = ", ".join(sorted(known))
    return [
        Problem(
            f"{where}.{j}",
            msg("store.check.unknown_id", id=ref, valid=valid)
            if known
            else msg("store.check.no_ids", id=ref),
        )
        for j, ref in enumerate(refs)
        if ref not in known
    ]


def _by_id(items: Sequence[_Item], item_id: str) -> _Item:
    for item in items:
        if item.id == item_id:
            return item
    raise KeyError(item_id)
