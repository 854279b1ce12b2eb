"""The audit data model: one client engagement, validated by pydantic.

An :class:`Audit` is the single source of truth that the notebooks edit, the store saves and the
scoring, diagnosis, roadmap and report read. Sections follow the method (``shared/DOMAIN.md``):
engagement, client, objectives, stakeholders, peers, channels, strategy, organisation.

Cross-references (a channel serving an objective, an objective aimed at stakeholders) use the
``id`` of the referenced item; :class:`Audit` checks that every reference resolves.

Field descriptions are catalogue message ids (``store.field.*``): :func:`auditkit.store.json_schema`
writes them in words, and a validation problem quotes them in the reader's language.

Each section lives in its own module; everything is re-exported here (``from auditkit.model import X``).
"""

from auditkit.fileformat import SCHEMA_VERSION as SCHEMA_VERSION
from auditkit.model.audit import Audit
from auditkit.model.base import AuditModel
from auditkit.model.channels import Channel, EngagementMeasure
from auditkit.model.commentary import Commentary, ReportSection, SetAside
from auditkit.model.enums import (
    AdoptionStage,
    Cadence,
    ChannelOperator,
    ChannelStatus,
    ComponentStatus,
    ConsentPractice,
    Consultation,
    FollowUpStatus,
    HandleState,
    IndustryKind,
    Language,
    Lens,
    Level,
    ObjectiveKind,
    OrganisationSize,
    OwnerRole,
    PeerRelation,
    SponsorEngagement,
    StrategyComponentKey,
    Training,
)
from auditkit.model.environment import Peer, PeerPresence, PlatformUse, Stakeholder
from auditkit.model.objectives import Indicator, Objective
from auditkit.model.profile import ClientProfile, Engagement
from auditkit.model.roadmap_edits import (
    ROADMAP_STAGES,
    ActionEdit,
    ActionFollowUp,
    GeneratedSnapshot,
    ManualAction,
    RoadmapEdits,
)
from auditkit.model.settings import BenchmarkRow, Settings
from auditkit.model.strategy import Obstacle, Organisation, Strategy, StrategyComponent
from auditkit.platforms import Platform as Platform

__all__ = [
    "ROADMAP_STAGES",
    "SCHEMA_VERSION",
    "ActionEdit",
    "ActionFollowUp",
    "AdoptionStage",
    "Audit",
    "AuditModel",
    "BenchmarkRow",
    "Cadence",
    "Channel",
    "ChannelOperator",
    "ChannelStatus",
    "ClientProfile",
    "Commentary",
    "ComponentStatus",
    "ConsentPractice",
    "Consultation",
    "Engagement",
    "EngagementMeasure",
    "FollowUpStatus",
    "GeneratedSnapshot",
    "HandleState",
    "Indicator",
    "IndustryKind",
    "Language",
    "Lens",
    "Level",
    "ManualAction",
    "Objective",
    "ObjectiveKind",
    "Obstacle",
    "Organisation",
    "OrganisationSize",
    "OwnerRole",
    "Peer",
    "PeerPresence",
    "PeerRelation",
    "Platform",
    "PlatformUse",
    "ReportSection",
    "RoadmapEdits",
    "SetAside",
    "Settings",
    "SponsorEngagement",
    "Stakeholder",
    "Strategy",
    "StrategyComponent",
    "StrategyComponentKey",
    "Training",
]
