"""The audits the rule tests build on: a clean audit, edits of it, and each rule's cases.

The clean audit is a well-run client: it triggers no rule and leaves nothing unassessed. Each case below
changes one thing in a copy of it (a JSON document, so that the change reads like an edit of the file):
``CASES`` holds, for every rule, edits that make it fire and edits of a near miss that keeps it silent;
``_NOT_ASSESSED_CASES`` edits that take away the data a rule needs. The tests of a rule are in the file of
its module, ``test_rules_<module>.py``; :func:`rule_ids` and :func:`not_assessed_cases` pick its cases.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from auditkit import store
from auditkit.diagnose import diagnose
from auditkit.model import Audit
from auditkit.rules.strategy import COMPONENT_RULES

CATALOGUE_IDS = [
    "OBJ-NONE",
    "OBJ-TOO-MANY",
    "OBJ-NO-PRIMARY",
    "OBJ-NOT-SMART",
    "OBJ-ORPHAN",
    "KPI-MISSING",
    "KPI-LENS-MISMATCH",
    "ENV-NO-STAKEHOLDERS",
    "ENV-UNCONSULTED",
    "ENV-NO-PEERS",
    "ENV-PEER-GAP",
    "CH-NO-OBJECTIVE",
    "CH-NO-AUDIENCE",
    "CH-DORMANT",
    "CH-SPREAD",
    "CH-LOW-ENGAGEMENT",
    "CH-SLOW-RESPONSE",
    "CH-DUPLICATE",
    "CH-NO-OWNER",
    "CH-SHINY",
    "CH-OFFLINE-OVERLAP",
    "CH-UNCLAIMED",
    "STR-CONTENT-PLAN",
    "STR-DISTRIBUTION-PLAN",
    "STR-BUDGET",
    "STR-CRISIS-PLAN",
    "STR-EXIT-PLAN",
    "STR-EVALUATION-PLAN",
    "STR-EDITORIAL-LINE",
    "STR-GOVERNANCE",
    "STR-POLICY",
    "STR-OWNERSHIP",
    "STR-MODERATION",
    "STR-CALENDAR",
    "STR-MONITORING",
    "STR-REVIEW",
    "ORG-NO-SPONSOR",
    "ORG-INTERN",
    "ORG-SLOW-VALIDATION",
    "ORG-NO-RESOURCES",
    "ORG-NO-TRAINING",
    "ORG-IMAGE-CONSENT",
    "ORG-SAFEGUARDING",
    "ERR-URGENCY",
    "ERR-CALENDAR-NOT-STRATEGY",
    "ERR-INSPIRATION",
    "ERR-NOT-MEASURING",
    "DEC-NOT-NOW",
]
"""The rule IDs of the catalogue in shared/DOMAIN.md, in its order (hard-coded: shared/ may be absent)."""

AUDIT_DATE = date(2026, 9, 15)
Document = dict[str, Any]
Edit = Callable[[Document], None]


def _days_before(days: int) -> str:
    return (AUDIT_DATE - timedelta(days=days)).isoformat()


def clean_document() -> Document:
    """A well-run client: SMART objectives, consulted audiences, kept channels, a complete strategy."""
    return {
        "schema_version": store.SCHEMA_VERSION,
        "engagement": {"client": "Clean & Co", "audit_date": AUDIT_DATE.isoformat(), "language": "en"},
        "client": {"industry": "commercial_b2c", "sector": "bakery"},
        "objectives": [
            {
                "id": "sales",
                "statement": "Grow online click-and-collect orders.",
                "kind": "sales",
                "primary": True,
                "metric": "orders per month",
                "baseline": 40,
                "target": 120,
                "deadline": "2027-06-30",
                "stakeholders": ["locals"],
                "indicators": [{"name": "Orders from social links", "lens": "roi"}],
            },
            {
                "id": "awareness",
                "statement": "Be known by young adults of the town.",
                "kind": "awareness",
                "metric": "monthly reach",
                "baseline": 2000,
                "target": 6000,
                "deadline": "2027-03-31",
                "stakeholders": ["young"],
                "indicators": [{"name": "Instagram reach", "lens": "roa"}],
            },
        ],
        "stakeholders": [
            {
                "id": "locals",
                "name": "Local families",
                "importance": 5,
                "platforms": [
                    {"platform": "facebook", "share": 0.6},
                    {"platform": "instagram", "level": "medium"},
                ],
                "consultation": "survey",
            },
            {
                "id": "young",
                "name": "Young adults",
                "importance": 4,
                "platforms": [{"platform": "instagram", "share": 0.7}, {"platform": "tiktok", "share": 0.1}],
                "consultation": "interviews",
            },
        ],
        "peers": [
            {
                "id": "rival",
                "name": "Rival Bakery",
                "presence": [
                    {"platform": "facebook", "posts_per_week": 3},
                    {"platform": "instagram", "posts_per_week": 4},
                ],
            }
        ],
        "channels": [
            {
                "id": "facebook",
                "name": "Clean & Co page",
                "platform": "facebook",
                "owner": "Ana",
                "audience_size": 800,
                "posts_per_week": 4,
                "engagement": {"definition": "rivaliq_er_per_post_by_follower", "rate": 0.1},
                "median_response_minutes": 60,
                "last_post": _days_before(5),
                "hours_per_week": 3,
                "monthly_budget": 0,
                "objectives": ["sales"],
                "stakeholders": ["locals"],
                "cross_posted_unchanged": False,
            },
            {
                "id": "instagram",
                "name": "@cleanandco",
                "platform": "instagram",
                "owner": "Ana",
                "audience_size": 5000,
                "posts_per_week": 4,
                "engagement": {"definition": "rivaliq_er_per_post_by_follower", "rate": 1.0},
                "median_response_minutes": 120,
                "last_post": _days_before(3),
                "hours_per_week": 3,
                "monthly_budget": 0,
                "objectives": ["awareness"],
                "stakeholders": ["young"],
                "cross_posted_unchanged": False,
            },
            {
                "id": "newsletter",
                "name": "Monthly letter",
                "platform": "newsletter",
                "owner": "Ben",
                "median_response_minutes": 600,
                "hours_per_week": 1,
                "monthly_budget": 20,
                "objectives": ["sales"],
                "stakeholders": ["locals"],
                "cross_posted_unchanged": False,
            },
        ],
        "strategy": {
            "components": {key: {"status": "present"} for key in _COMPONENT_KEYS},
            "last_reviewed": "2026-08-01",
        },
        "organisation": {
            "sponsor": "supportive",
            "strategy_owner_role": "communications_manager",
            "strategy_owner": "Ana",
            "content_creators": ["Ana"],
            "responders": ["Ben"],
            "validation_delay_hours": 0.5,
            "training": "all",
            "hours_per_week": 10,
            "monthly_budget": 200,
            "reporting_cadence": "monthly",
            "publishing_lead_time_days": 14,
        },
    }


_COMPONENT_KEYS = [
    "objectives_aligned",
    "measurable_actions",
    "content_plan",
    "content_pillars",
    "distribution_plan",
    "budget",
    "crisis_plan",
    "exit_plan",
    "evaluation_plan",
    "editorial_line",
    "governance",
    "policy",
    "ownership",
    "moderation",
    "calendar",
    "monitoring",
]


def build(*edits: Edit) -> Audit:
    document = clean_document()
    for edit in edits:
        edit(document)
    return Audit.model_validate(document)


def _item(document: Document, section: str, item_id: str) -> Document:
    return next(item for item in document[section] if item["id"] == item_id)


def channel(item_id: str, **fields: Any) -> Edit:
    return lambda d: _item(d, "channels", item_id).update(fields)


def objective(item_id: str, **fields: Any) -> Edit:
    return lambda d: _item(d, "objectives", item_id).update(fields)


def stakeholder(item_id: str, **fields: Any) -> Edit:
    return lambda d: _item(d, "stakeholders", item_id).update(fields)


def organisation(**fields: Any) -> Edit:
    return lambda d: d["organisation"].update(fields)


def component(key: str, status: str | None) -> Edit:
    def edit(d: Document) -> None:
        if status is None:
            del d["strategy"]["components"][key]
        else:
            d["strategy"]["components"][key] = {"status": status}

    return edit


def add(section: str, item: Document) -> Edit:
    return lambda d: d[section].append(item)


def thresholds(**values: float) -> Edit:
    return lambda d: d.setdefault("settings", {}).setdefault("thresholds", {}).update(values)


def _extra_objective(item_id: str) -> Document:
    return {
        "id": item_id,
        "statement": f"Objective {item_id}.",
        "kind": "loyalty",
        "baseline": 1,
        "target": 2,
        "deadline": "2027-01-31",
        "indicators": [{"name": "Repeat visits", "lens": "roa"}],
    }


def _serve_all(d: Document) -> None:
    _item(d, "channels", "newsletter")["objectives"] = [o["id"] for o in d["objectives"]]


def _minors(d: Document) -> None:
    d["client"]["minors_in_audience"] = True


def _no_objectives(d: Document) -> None:
    d["objectives"] = []
    for item in d["channels"]:
        item["objectives"] = []


def _no_stakeholders(d: Document) -> None:
    d["stakeholders"] = []
    for item in d["objectives"] + d["channels"]:
        item["stakeholders"] = []


def _threads(assessed: bool) -> Document:
    return {
        "id": "threads",
        "name": "Threads account",
        "platform": "threads",
        "owner": "Ana",
        "last_post": _days_before(2),
        "posts_per_week": 3,
        "median_response_minutes": 30,
        "cross_posted_unchanged": False,
        "objectives": ["awareness"],
        "stakeholders": ["young"],
        "emerging": True,
        "assessed_before_launch": assessed,
    }


def _social_serves_nothing(d: Document) -> None:
    for item in d["channels"]:
        if item["platform"] != "newsletter":
            item["objectives"] = []


def _audience_off_social(d: Document) -> None:
    for item in d["stakeholders"]:
        item["platforms"] = [
            {"platform": "facebook", "share": 0.1},
            {"platform": "newsletter", "level": "high"},
        ]


# rule id -> (edits that make it fire, edits of a near miss that keeps it silent)
CASES: dict[str, tuple[list[Edit], list[Edit]]] = {
    "OBJ-NONE": (
        [_no_objectives],
        [lambda d: d["objectives"].pop(), channel("instagram", objectives=["sales"])],
    ),
    "OBJ-TOO-MANY": (
        [add("objectives", _extra_objective("o3")), add("objectives", _extra_objective("o4")), _serve_all],
        [add("objectives", _extra_objective("o3")), _serve_all],
    ),
    "OBJ-NO-PRIMARY": (
        [objective("sales", primary=False)],
        [objective("sales", primary=False), objective("awareness", primary=True)],
    ),
    "OBJ-NOT-SMART": (
        [objective("sales", baseline=None)],
        [objective("sales", deadline=AUDIT_DATE.isoformat())],
    ),
    "OBJ-ORPHAN": (
        [channel("instagram", objectives=[])],
        [channel("instagram", objectives=[]), channel("newsletter", objectives=["sales", "awareness"])],
    ),
    "KPI-MISSING": (
        [objective("awareness", indicators=[])],
        [objective("awareness", indicators=[{"name": "Risk", "lens": "roni"}])],
    ),
    "KPI-LENS-MISMATCH": (
        [objective("awareness", indicators=[{"name": "Sales", "lens": "roi"}])],
        [
            objective(
                "awareness", indicators=[{"name": "Sales", "lens": "roi"}, {"name": "Reach", "lens": "roa"}]
            )
        ],
    ),
    "ENV-NO-STAKEHOLDERS": ([_no_stakeholders], [lambda d: d["stakeholders"][1].update(consultation="none")]),
    "ENV-UNCONSULTED": (
        [stakeholder("locals", consultation="none"), stakeholder("young", consultation="none")],
        [stakeholder("locals", consultation="none"), stakeholder("young", consultation="informal")],
    ),
    "ENV-NO-PEERS": ([lambda d: d.update(peers=[])], [lambda d: d["peers"][0].update(relation="competitor")]),
    "ENV-PEER-GAP": (
        [
            lambda d: d["peers"][0]["presence"].append({"platform": "linkedin", "posts_per_week": 2}),
            stakeholder(
                "locals",
                platforms=[{"platform": "facebook", "share": 0.6}, {"platform": "linkedin", "share": 0.5}],
            ),
        ],
        [
            lambda d: d["peers"][0]["presence"].append({"platform": "linkedin", "posts_per_week": 2}),
            stakeholder(
                "locals",
                importance=3,
                platforms=[{"platform": "facebook", "share": 0.6}, {"platform": "linkedin", "share": 0.5}],
            ),
        ],
    ),
    "CH-NO-OBJECTIVE": (
        [channel("newsletter", objectives=[])],
        [channel("newsletter", status="parked", objectives=[])],
    ),
    "CH-NO-AUDIENCE": (
        [channel("newsletter", stakeholders=[])],
        [channel("newsletter", stakeholders=[]), channel("newsletter", status="planned")],
    ),
    "CH-DORMANT": (
        [channel("instagram", last_post=_days_before(91))],
        [channel("instagram", last_post=_days_before(90))],
    ),
    "CH-SPREAD": ([organisation(hours_per_week=6.5)], [organisation(hours_per_week=7)]),
    "CH-LOW-ENGAGEMENT": (
        [channel("instagram", engagement={"definition": "rivaliq_er_per_post_by_follower", "rate": 0.2})],
        [channel("instagram", engagement={"definition": "rivaliq_er_per_post_by_follower", "rate": 0.24})],
    ),
    "CH-SLOW-RESPONSE": (
        [channel("instagram", median_response_minutes=241)],
        [channel("instagram", median_response_minutes=240)],
    ),
    "CH-DUPLICATE": (
        [channel("instagram", cross_posted_unchanged=True)],
        [channel("instagram", status="parked", cross_posted_unchanged=True)],
    ),
    "CH-NO-OWNER": ([channel("instagram", owner=" ")], [channel("instagram", owner="", status="parked")]),
    "CH-SHINY": ([add("channels", _threads(assessed=False))], [add("channels", _threads(assessed=True))]),
    "CH-OFFLINE-OVERLAP": (
        [channel("newsletter", cross_posted_unchanged=True, monthly_budget=500)],
        [channel("newsletter", cross_posted_unchanged=True, monthly_budget=400)],
    ),
    "CH-UNCLAIMED": (
        [
            stakeholder(
                "young",
                platforms=[{"platform": "instagram", "share": 0.7}, {"platform": "youtube", "share": 0.5}],
            )
        ],
        [
            stakeholder(
                "young",
                platforms=[{"platform": "instagram", "share": 0.7}, {"platform": "youtube", "share": 0.29}],
            )
        ],
    ),
    **{
        entry.rule_id: ([component(entry.key.value, "absent")], [component(entry.key.value, "present")])
        for entry in COMPONENT_RULES
    },
    "STR-REVIEW": (
        [lambda d: d["strategy"].update(last_reviewed="2026-03-01")],
        [lambda d: d["strategy"].update(last_reviewed="2026-03-20")],
    ),
    "ORG-NO-SPONSOR": ([organisation(sponsor="none")], [organisation(sponsor="champion")]),
    "ORG-INTERN": (
        [organisation(strategy_owner_role="intern")],
        [organisation(strategy_owner_role="junior")],
    ),
    "ORG-SLOW-VALIDATION": (
        [organisation(validation_delay_hours=4.5)],
        [organisation(validation_delay_hours=4)],
    ),
    "ORG-NO-RESOURCES": (
        [organisation(responders=[])],
        [
            organisation(responders=[]),
            channel("facebook", status="parked"),
            channel("instagram", status="parked"),
        ],
    ),
    "ORG-NO-TRAINING": ([organisation(training="none")], [organisation(training="some")]),
    "ORG-IMAGE-CONSENT": (
        [_minors, organisation(image_consent="informal", safeguarding="present")],
        [_minors, organisation(image_consent="written", safeguarding="present")],
    ),
    "ORG-SAFEGUARDING": (
        [_minors, organisation(image_consent="written", safeguarding="partial")],
        [_minors, organisation(image_consent="written", safeguarding="present")],
    ),
    "ERR-URGENCY": ([organisation(publishing_lead_time_days=6)], [organisation(publishing_lead_time_days=7)]),
    "ERR-CALENDAR-NOT-STRATEGY": (
        [component("content_pillars", "absent")],
        [component("content_pillars", "absent"), component("calendar", "absent")],
    ),
    "ERR-INSPIRATION": (
        [component("editorial_line", "absent"), channel("instagram", posts_per_week=2)],
        [component("editorial_line", "absent"), channel("instagram", posts_per_week=2.5)],
    ),
    "ERR-NOT-MEASURING": (
        [organisation(reporting_cadence="quarterly")],
        [organisation(reporting_cadence="weekly")],
    ),
    "DEC-NOT-NOW": (
        [_social_serves_nothing, _audience_off_social],
        [
            _social_serves_nothing,
            _audience_off_social,
            stakeholder("young", platforms=[{"platform": "instagram", "share": 0.3}]),
        ],
    ),
}


def fired(audit: Audit) -> set[str]:
    return {finding.rule for finding in diagnose(audit).findings}


def _resolve(audit: Audit, field: str) -> None:
    """Every evidence path names a real place of the audit file (``*`` stands for any item)."""
    node: Any = audit.model_dump(mode="json")
    for part in field.split("."):
        if part.startswith("benchmarks["):
            return
        if isinstance(node, list):
            assert part == "*" or int(part) < len(node), field
            if not node:
                return
            node = node[0 if part == "*" else int(part)]
        else:
            assert isinstance(node, dict) and part in node, field
            node = node[part]


_UNASSESSED_WITHOUT_OBJECTIVES = (
    "OBJ-NO-PRIMARY",
    "OBJ-NOT-SMART",
    "OBJ-ORPHAN",
    "KPI-MISSING",
    "KPI-LENS-MISMATCH",
    "CH-NO-OBJECTIVE",
    "DEC-NOT-NOW",
)


_NOT_ASSESSED_CASES: list[tuple[list[Edit], str, tuple[str, ...], tuple[str, ...]]] = [
    ([channel("instagram", last_post=None)], "CH-DORMANT", ("channels.1.last_post",), ("instagram",)),
    (
        [channel("instagram", median_response_minutes=None)],
        "CH-SLOW-RESPONSE",
        ("channels.1.median_response_minutes",),
        ("instagram",),
    ),
    (
        [channel("instagram", cross_posted_unchanged=None)],
        "CH-DUPLICATE",
        ("channels.1.cross_posted_unchanged",),
        ("instagram",),
    ),
    (
        [channel("instagram", engagement=None)],
        "CH-LOW-ENGAGEMENT",
        ("channels.1.engagement",),
        ("instagram",),
    ),
    (
        [add("channels", _threads(assessed=False) | {"assessed_before_launch": None})],
        "CH-SHINY",
        ("channels.3.assessed_before_launch",),
        ("threads",),
    ),
    ([organisation(hours_per_week=None)], "CH-SPREAD", ("organisation.hours_per_week",), ()),
    ([organisation(sponsor=None)], "ORG-NO-SPONSOR", ("organisation.sponsor",), ()),
    (
        [organisation(validation_delay_hours=None)],
        "ORG-SLOW-VALIDATION",
        ("organisation.validation_delay_hours",),
        (),
    ),
    ([organisation(training=None)], "ORG-NO-TRAINING", ("organisation.training",), ()),
    (
        [_minors, organisation(image_consent=None, safeguarding="present")],
        "ORG-IMAGE-CONSENT",
        ("organisation.image_consent",),
        (),
    ),
    (
        [_minors, organisation(image_consent="written", safeguarding=None)],
        "ORG-SAFEGUARDING",
        ("organisation.safeguarding",),
        (),
    ),
    ([organisation(strategy_owner_role=None)], "ORG-INTERN", ("organisation.strategy_owner_role",), ()),
    (
        [organisation(publishing_lead_time_days=None)],
        "ERR-URGENCY",
        ("organisation.publishing_lead_time_days",),
        (),
    ),
    (
        [organisation(reporting_cadence=None)],
        "ERR-NOT-MEASURING",
        ("organisation.reporting_cadence",),
        (),
    ),
    (
        [lambda d: d.update(organisation={})],
        "ORG-NO-RESOURCES",
        ("organisation.content_creators", "organisation.responders"),
        (),
    ),
    ([lambda d: d["strategy"].update(last_reviewed=None)], "STR-REVIEW", ("strategy.last_reviewed",), ()),
    ([component("crisis_plan", None)], "STR-CRISIS-PLAN", ("strategy.components.crisis_plan",), ()),
    ([component("calendar", None)], "ERR-CALENDAR-NOT-STRATEGY", ("strategy.components.calendar",), ()),
    (
        [component("content_pillars", None)],
        "ERR-CALENDAR-NOT-STRATEGY",
        ("strategy.components.content_pillars",),
        (),
    ),
    ([component("editorial_line", None)], "ERR-INSPIRATION", ("strategy.components.editorial_line",), ()),
    ([lambda d: d.update(peers=[])], "ENV-PEER-GAP", ("peers",), ()),
    ([lambda d: d["peers"][0].update(presence=[])], "ENV-PEER-GAP", ("peers.0.presence",), ()),
    (
        [stakeholder("locals", platforms=[]), stakeholder("young", platforms=[])],
        "CH-UNCLAIMED",
        ("stakeholders.0.platforms", "stakeholders.1.platforms"),
        ("locals", "young"),
    ),
    (
        [_social_serves_nothing, stakeholder("locals", platforms=[]), stakeholder("young", platforms=[])],
        "DEC-NOT-NOW",
        ("stakeholders.0.platforms", "stakeholders.1.platforms"),
        ("locals", "young"),
    ),
]
"""(edits that remove data, rule, the fields it names as missing, the items left unjudged)."""
