"""The enumerations of the audit model: the JSON strings the file holds for each choice."""

from __future__ import annotations

from enum import StrEnum


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
    FUNDRAISING = "fundraising"
    MEMBERSHIP = "membership"
    VOLUNTEER_RECRUITMENT = "volunteer_recruitment"
    PUBLIC_INFORMATION = "public_information"
    CITIZEN_PARTICIPATION = "citizen_participation"


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


class HandleState(StrEnum):
    """Who holds the client's handle (account name) on a platform."""

    FREE = "free"
    """Nobody holds it: it can be registered."""
    OURS = "ours"
    """The client holds it."""
    HELD_BY_OTHER = "held_by_other"
    """Someone else holds it: it must be recovered, not registered."""


class ChannelOperator(StrEnum):
    """Whose account carries the channel."""

    OWN = "own"
    PARTNER = "partner"
    """A partner's account that carries the client's news."""
    INFLUENCER = "influencer"
    """An influencer or ambassador paid or asked to speak for the client."""


class ConsentPractice(StrEnum):
    """How consent to publish photos of people is collected."""

    NONE = "none"
    INFORMAL = "informal"
    WRITTEN = "written"


class FollowUpStatus(StrEnum):
    """Where an action of the previous round's roadmap stands when the next round is audited."""

    DONE = "done"
    PARTLY_DONE = "partly_done"
    DROPPED = "dropped"
    NOT_STARTED = "not_started"


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
