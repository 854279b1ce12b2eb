"""The rule catalogue: every rule fires on a small perturbation of a clean audit and stays silent on a near miss.

The clean audit is a well-run client: it triggers no rule and leaves nothing unassessed. Each case below
changes one thing in a copy of it (a JSON document, so that the change reads like an edit of the file).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from test_cli import run

from auditkit import store
from auditkit.diagnose import (
    RULES,
    Context,
    Finding,
    NotAssessed,
    Severity,
    Theme,
    add_months,
    catalogue,
    check_rule,
    diagnose,
)
from auditkit.errors import AuditkitError
from auditkit.locale import msg
from auditkit.model import Audit, Language
from auditkit.resources import examples_dir
from auditkit.rules.strategy import COMPONENT_RULES
from auditkit.thresholds import add_months as thresholds_add_months
from benchmarks.synthetic import large_audit

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
    "CH-SPREAD": ([organisation(hours_per_week=5)], [organisation(hours_per_week=6)]),
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


def test_every_catalogue_rule_is_registered_in_catalogue_order() -> None:
    assert list(RULES) == CATALOGUE_IDS


def test_every_rule_has_a_firing_and_a_silent_case() -> None:
    assert sorted(CASES) == sorted(CATALOGUE_IDS)


def test_the_clean_audit_gets_no_finding_and_nothing_unassessed() -> None:
    diagnosis = diagnose(build())
    assert diagnosis.findings == ()
    assert diagnosis.not_assessed == ()


@pytest.mark.parametrize("rule_id", CATALOGUE_IDS)
def test_rule_fires(rule_id: str) -> None:
    audit = build(*CASES[rule_id][0])
    findings = diagnose(audit).for_rule(rule_id)
    assert findings, f"{rule_id} did not fire"
    for finding in findings:
        assert finding.rule == rule_id
        assert finding.theme is RULES[rule_id].theme
        assert finding.seeds == RULES[rule_id].seeds
        assert finding.evidence
        for text in (finding.title, finding.explanation, finding.action):
            assert text("en").strip() and text("fr").strip() and text("en") != text("fr")
        for item in finding.evidence:
            _resolve(audit, item.field)


@pytest.mark.parametrize("rule_id", CATALOGUE_IDS)
def test_rule_stays_silent_on_a_near_miss(rule_id: str) -> None:
    diagnosis = diagnose(build(*CASES[rule_id][1]))
    assert rule_id not in diagnosis.fired
    assert rule_id not in diagnosis.not_assessed_rules


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


def test_one_finding_per_offending_item() -> None:
    audit = build(
        channel("facebook", last_post=_days_before(200)), channel("instagram", last_post=_days_before(120))
    )
    findings = diagnose(audit).for_rule("CH-DORMANT")
    assert [f.subjects for f in findings] == [("facebook",), ("instagram",)]
    assert findings[0].evidence[0].field == "channels.0.last_post"
    assert findings[0].evidence[0].threshold == 90
    assert "200" in findings[0].explanation("en") and "200" in findings[0].explanation("fr")


def test_a_channel_marked_dormant_fires_without_a_last_post() -> None:
    audit = build(channel("facebook", status="dormant", last_post=None))
    assert [f.subjects for f in diagnose(audit).for_rule("CH-DORMANT")] == [("facebook",)]


@pytest.mark.parametrize(
    ("edits", "rule_id", "severity"),
    [
        ([organisation(hours_per_week=5)], "CH-SPREAD", Severity.MINOR),
        ([organisation(hours_per_week=3)], "CH-SPREAD", Severity.MAJOR),
        ([organisation(sponsor="aware")], "ORG-NO-SPONSOR", Severity.MINOR),
        ([organisation(sponsor="none")], "ORG-NO-SPONSOR", Severity.MAJOR),
        ([component("crisis_plan", "partial")], "STR-CRISIS-PLAN", Severity.MINOR),
        ([component("policy", "partial")], "STR-POLICY", Severity.INFO),
        (
            [component("editorial_line", "partial"), channel("instagram", posts_per_week=1)],
            "ERR-INSPIRATION",
            Severity.INFO,
        ),
    ],
)
def test_graded_severity(edits: list[Edit], rule_id: str, severity: Severity) -> None:
    assert [f.severity for f in diagnose(build(*edits)).for_rule(rule_id)] == [severity]


@pytest.mark.parametrize(
    ("edits", "rule_id"),
    [
        ([objective("sales", primary=True), objective("awareness", primary=True)], "OBJ-NO-PRIMARY"),
        ([objective("sales", deadline="2026-09-14")], "OBJ-NOT-SMART"),
        ([objective("sales", indicators=[{"name": "Likes", "lens": "roa"}])], "KPI-LENS-MISMATCH"),
        (
            [
                add(
                    "stakeholders",
                    {"id": "press", "name": "Local press", "platforms": [], "consultation": "none"},
                ),
                channel("newsletter", stakeholders=["press"]),
            ],
            "CH-NO-AUDIENCE",
        ),
        ([channel("facebook", status="dormant", owner="")], "CH-NO-OWNER"),
        (
            [component("calendar", "partial"), lambda d: [o.update(indicators=[]) for o in d["objectives"]]],
            "ERR-CALENDAR-NOT-STRATEGY",
        ),
        ([organisation(reporting_cadence="never")], "ERR-NOT-MEASURING"),
        ([organisation(content_creators=[], responders=[])], "ORG-NO-RESOURCES"),
    ],
)
def test_other_ways_to_fire(edits: list[Edit], rule_id: str) -> None:
    assert rule_id in fired(build(*edits))


_UNASSESSED_WITHOUT_OBJECTIVES = (
    "OBJ-NO-PRIMARY",
    "OBJ-NOT-SMART",
    "OBJ-ORPHAN",
    "KPI-MISSING",
    "KPI-LENS-MISMATCH",
    "CH-NO-OBJECTIVE",
    "DEC-NOT-NOW",
)


def test_objective_rules_are_not_assessed_without_objectives() -> None:
    diagnosis = diagnose(build(_no_objectives))
    assert "OBJ-NONE" in diagnosis.fired
    assert {
        "OBJ-NO-PRIMARY",
        "OBJ-NOT-SMART",
        "OBJ-ORPHAN",
        "KPI-MISSING",
        "CH-NO-OBJECTIVE",
        "DEC-NOT-NOW",
    } <= set(diagnosis.not_assessed_rules)
    assert set(_UNASSESSED_WITHOUT_OBJECTIVES) <= set(diagnosis.not_assessed_rules)
    assert not set(_UNASSESSED_WITHOUT_OBJECTIVES) & set(diagnosis.fired)


def test_stakeholder_rules_are_not_assessed_without_stakeholders() -> None:
    diagnosis = diagnose(build(_no_stakeholders))
    assert "ENV-NO-STAKEHOLDERS" in diagnosis.fired
    gaps = {gap.rule: gap for gap in diagnosis.not_assessed}
    assert {"ENV-UNCONSULTED", "CH-NO-AUDIENCE", "CH-UNCLAIMED"} <= set(gaps)
    assert gaps["ENV-UNCONSULTED"].missing == ("stakeholders",)
    assert gaps["ENV-UNCONSULTED"].subjects == ()


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


@pytest.mark.parametrize(("edits", "rule_id", "missing", "subjects"), _NOT_ASSESSED_CASES)
def test_missing_data_is_not_assessed_never_guessed(
    edits: list[Edit], rule_id: str, missing: tuple[str, ...], subjects: tuple[str, ...]
) -> None:
    diagnosis = diagnose(build(*edits))
    assert rule_id not in diagnosis.fired
    gaps = [gap for gap in diagnosis.not_assessed if gap.rule == rule_id]
    assert [(gap.missing, gap.subjects) for gap in gaps] == [(missing, subjects)]
    assert gaps[0].reason("en") and gaps[0].reason("fr") and gaps[0].reason("en") != gaps[0].reason("fr")


@pytest.mark.parametrize("entry", COMPONENT_RULES, ids=lambda entry: entry.rule_id)
def test_every_component_rule_is_not_assessed_when_the_audit_does_not_say(entry: Any) -> None:
    diagnosis = diagnose(build(component(entry.key.value, None)))
    assert entry.rule_id not in diagnosis.fired
    assert [(gap.rule, gap.missing) for gap in diagnosis.not_assessed if gap.rule == entry.rule_id] == [
        (entry.rule_id, (f"strategy.components.{entry.key.value}",))
    ]


def test_offline_overlap_is_not_assessed_when_cross_posting_is_unknown() -> None:
    diagnosis = diagnose(
        build(
            channel("newsletter", cross_posted_unchanged=None, monthly_budget=900),
            channel("facebook", stakeholders=["locals", "young"]),
        )
    )
    assert "CH-OFFLINE-OVERLAP" not in diagnosis.fired
    gaps = [(gap.missing, gap.subjects) for gap in diagnosis.not_assessed if gap.rule == "CH-OFFLINE-OVERLAP"]
    assert gaps == [(("channels.2.cross_posted_unchanged",), ("newsletter",))]


def test_every_rule_that_can_lack_data_has_a_not_assessed_test() -> None:
    """Rules that always have their data (an empty list is data) are the only ones without such a test."""
    always_assessable = {"OBJ-NONE", "OBJ-TOO-MANY", "ENV-NO-STAKEHOLDERS", "ENV-NO-PEERS", "CH-NO-OWNER"}
    tested = {case[1] for case in _NOT_ASSESSED_CASES} | {entry.rule_id for entry in COMPONENT_RULES}
    tested |= {"CH-OFFLINE-OVERLAP", *_UNASSESSED_WITHOUT_OBJECTIVES, "ENV-UNCONSULTED", "CH-NO-AUDIENCE"}
    assert tested | always_assessable == set(CATALOGUE_IDS)
    assert not tested & always_assessable
    clean = diagnose(build(_no_objectives, _no_stakeholders, lambda d: d.update(peers=[])))
    assert not {gap.rule for gap in clean.not_assessed} & always_assessable


def test_a_rule_can_fire_on_some_items_and_lack_data_on_others() -> None:
    diagnosis = diagnose(
        build(channel("facebook", last_post=_days_before(300)), channel("instagram", last_post=None))
    )
    assert [f.subjects for f in diagnosis.for_rule("CH-DORMANT")] == [("facebook",)]
    assert [gap.subjects for gap in diagnosis.not_assessed if gap.rule == "CH-DORMANT"] == [("instagram",)]
    assert diagnosis.to_dict("en")["not_assessed"] == ["CH-DORMANT"]


def test_engagement_is_compared_only_with_a_benchmark_of_the_same_metric() -> None:
    custom = {"definition": "agency_er_by_reach", "rate": 0.01}
    unknown = diagnose(build(channel("instagram", engagement=custom)))
    assert "CH-LOW-ENGAGEMENT" not in unknown.fired
    assert [gap.subjects for gap in unknown.not_assessed] == [("instagram",)]

    row = {
        "platform": "instagram",
        "industry": "Bakeries (agency panel)",
        "metric": "agency_er_by_reach",
        "value": 2.0,
        "unit": "%",
        "year": 2025,
        "source_title": "Agency panel",
    }
    benchmarked = diagnose(
        build(channel("instagram", engagement=custom), lambda d: d.update(settings={"benchmarks": [row]}))
    )
    finding = benchmarked.for_rule("CH-LOW-ENGAGEMENT")[0]
    assert "Agency panel" in finding.explanation("en") and "Agency panel" in finding.explanation("fr")
    assert finding.evidence[1].threshold == pytest.approx(1.0)


def test_small_audiences_are_not_judged_on_engagement() -> None:
    audit = build(
        channel(
            "instagram",
            audience_size=999,
            engagement={"definition": "rivaliq_er_per_post_by_follower", "rate": 0.01},
        )
    )
    diagnosis = diagnose(audit)
    assert "CH-LOW-ENGAGEMENT" not in diagnosis.fired + diagnosis.not_assessed_rules


def test_not_now_recommends_a_date_and_parked_handles() -> None:
    audit = build(_social_serves_nothing, _audience_off_social, thresholds(reassess_months=4))
    (finding,) = diagnose(audit).for_rule("DEC-NOT-NOW")
    assert finding.severity is Severity.CRITICAL and finding.theme is Theme.DECISION
    assert "2027-01-15" in finding.explanation("en") and "2027-01-15" in finding.action("fr")
    for platform in ("LinkedIn", "TikTok", "YouTube"):
        assert platform in finding.action("en")
    assert "Clean & Co page" in finding.action("en")
    assert set(finding.subjects) >= {"sales", "awareness", "facebook", "instagram"}


def test_not_now_when_traditional_channels_cover_every_objective_and_the_audience_is_unknown() -> None:
    audit = build(
        _social_serves_nothing,
        channel("newsletter", objectives=["sales", "awareness"]),
        stakeholder("locals", platforms=[]),
        stakeholder("young", platforms=[]),
    )
    (finding,) = diagnose(audit).for_rule("DEC-NOT-NOW")
    assert "Monthly letter" in finding.explanation("en")


def test_diagnosis_is_deterministic_pure_and_does_not_touch_the_audit() -> None:
    audit = large_audit(seed=2)
    before = audit.model_dump()
    first, second = diagnose(audit), diagnose(audit)
    assert first == second
    assert json.dumps(first.to_dict()) == json.dumps(second.to_dict())
    assert audit.model_dump() == before


def test_diagnosis_is_the_same_in_every_process() -> None:
    overlap = build(
        channel("facebook", stakeholders=["locals", "young"]),
        channel(
            "newsletter", stakeholders=["young", "locals"], cross_posted_unchanged=True, monthly_budget=900
        ),
    )
    assert "CH-OFFLINE-OVERLAP" in fired(overlap)
    code = (
        "import json, sys; from auditkit import store; from auditkit.diagnose import diagnose; "
        "from benchmarks.synthetic import large_audit; "
        "audits = [store.parse(sys.stdin.read())] + [large_audit(seed=s) for s in range(3)]; "
        "print(json.dumps([diagnose(audit).to_dict() for audit in audits]))"
    )
    root = Path(__file__).resolve().parent.parent
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            input=overlap.model_dump_json(),
            cwd=root,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


def test_today_is_the_audit_date_not_the_clock() -> None:
    recent = build(channel("instagram", last_post="2026-09-01"))
    later = build(
        channel("instagram", last_post="2026-09-01"),
        lambda d: d["engagement"].update(audit_date="2027-01-01"),
    )
    assert "CH-DORMANT" not in fired(recent)
    assert "CH-DORMANT" in fired(later)


def test_findings_are_sorted_most_severe_first_then_in_catalogue_order() -> None:
    for seed in range(4):
        findings = diagnose(large_audit(seed=seed)).findings
        keys = [(f.severity.rank, CATALOGUE_IDS.index(f.rule)) for f in findings]
        assert keys == sorted(keys)
        assert len({f.severity for f in findings}) >= 2


def test_every_rule_describes_itself_in_both_languages() -> None:
    for rule_id, registered in RULES.items():
        assert registered.id == rule_id
        assert registered.seeds and set(registered.seeds) <= {"000", "001", "002", "003", "004"}
        assert isinstance(registered.severity, Severity) and isinstance(registered.theme, Theme)
        for text in (registered.title, registered.condition, registered.action):
            assert text("en").strip() and text("fr").strip() and text("en") != text("fr"), rule_id


def test_catalogue_lists_every_rule_for_the_methodology_appendix() -> None:
    entries = catalogue("fr")
    assert [entry["id"] for entry in entries] == CATALOGUE_IDS
    first = entries[0]
    assert first["severity"] == "critical" and first["seed"] == ["001", "003"]
    assert first["title"] == "Aucun objectif défini"
    assert catalogue()[0]["title"] == {"en": "No objective defined", "fr": "Aucun objectif défini"}


def test_to_dict_is_json_with_the_contract_keys() -> None:
    audit = build(channel("instagram", last_post=_days_before(100)), channel("facebook", last_post=None))
    document = json.loads(json.dumps(diagnose(audit).to_dict("en")))
    (finding,) = document["findings"]
    assert set(finding) >= {
        "rule",
        "severity",
        "title",
        "evidence",
        "seed",
        "action",
        "theme",
        "explanation",
        "subjects",
    }
    assert finding["seed"] == ["004"] and finding["severity"] == "major"
    assert finding["evidence"][0] == {
        "field": "channels.1.last_post",
        "value": _days_before(100),
        "threshold": 90,
        "note": "100 days without a post",
    }
    assert document["not_assessed"] == ["CH-DORMANT"]
    assert document["not_assessed_details"][0]["missing"] == ["channels.0.last_post"]


def test_to_text_lists_severity_rule_title_evidence_and_action() -> None:
    diagnosis = diagnose(build(organisation(sponsor="none", training="none")))
    text = diagnosis.to_text("en", width=80)
    assert text.index("[MAJOR] ORG-NO-SPONSOR") < text.index("[MINOR] ORG-NO-TRAINING")
    assert "Evidence: organisation.sponsor = none" in text
    assert "Action: " in text
    assert "Pourquoi\u00a0: " in diagnosis.to_text("fr")
    assert all(len(line) <= 80 for line in text.splitlines()[1:])


def test_check_rule_runs_one_rule() -> None:
    outcome = check_rule(build(organisation(training="none")), "ORG-NO-TRAINING")
    assert isinstance(outcome, list) and isinstance(outcome[0], Finding)
    assert isinstance(check_rule(build(organisation(training=None)), "ORG-NO-TRAINING"), NotAssessed)
    with pytest.raises(RuntimeError):
        _ = Context(build()).rule


def test_unknown_threshold_stops_the_diagnosis() -> None:
    with pytest.raises(AuditkitError, match="dormancy_dayz"):
        diagnose(build(thresholds(dormancy_dayz=30)))


def test_severity_order_and_lowering() -> None:
    assert [s.rank for s in Severity] == [0, 1, 2, 3]
    assert Severity.MAJOR.lowered() is Severity.MINOR and Severity.INFO.lowered() is Severity.INFO
    assert Severity.CRITICAL.label("fr") == "critique"


def test_explanations_write_numbers_and_lists_per_language() -> None:
    text = msg("rule.ENV-UNCONSULTED.explanation", count=12345.5, names=["a", "b", "c"])
    assert text("en").startswith("None of the 12,346 stakeholder groups (a, b and c) was asked")
    assert text("fr").startswith(
        "Aucun des 12\u202f346 groupes de parties prenantes (a, b et c) n'a été interrogé"
    )
    assert "0,035 " in msg("rule.OBJ-TOO-MANY.explanation", count=0.035, limit=2.5)("fr")
    assert "at most 2.5." in msg("rule.OBJ-TOO-MANY.explanation", count=0.035, limit=2.5)("en")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected
    assert add_months is thresholds_add_months


def test_core_does_not_import_widgets_or_plotly() -> None:
    code = (
        "import sys, auditkit.diagnose, auditkit.thresholds; "
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('ipywidgets', 'plotly')); "
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- command line ------------------------------------------------------------------------------------


EXAMPLE = examples_dir() / "boulangerie-martin.audit.json"


def test_cli_prints_findings_most_severe_first_in_the_audits_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "diagnose", str(EXAMPLE))
    assert code == 0
    assert out.startswith("Boulangerie Martin — 2026-09-15")
    tags = [line.split("]")[0] + "]" for line in out.splitlines() if line.startswith("[")]
    order = ["[CRITIQUE]", "[MAJEUR]", "[MINEUR]", "[INFO]"]
    assert [order.index(tag) for tag in tags] == sorted(order.index(tag) for tag in tags)
    assert "ORG-INTERN" in out and "Action\u00a0:" in out


def test_cli_json_and_language_switch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diagnose", str(EXAMPLE), "--json", "--lang", "en")
    document = json.loads(out)
    assert code == 0
    expected = diagnose(store.load(EXAMPLE)).to_dict(Language.EN)
    assert document == json.loads(json.dumps(expected))
    assert {f["rule"] for f in document["findings"]} >= {"ORG-INTERN", "CH-DORMANT"}
    assert all(isinstance(f["seed"], list) and f["title"] for f in document["findings"])
    _, french, _ = run(capsys, "diagnose", str(EXAMPLE), "--json")
    assert json.loads(french)["findings"][0]["title"] != document["findings"][0]["title"]


def test_cli_bad_file_prints_the_store_message(
    capsys: pytest.CaptureFixture[str], bad_audit_files: dict[str, tuple[Path, int]]
) -> None:
    for path, _ in bad_audit_files.values():
        code, out, err = run(capsys, "diagnose", str(path))
        assert code == 1 and not out
        assert err.startswith(str(path))


def test_cli_unknown_threshold_is_an_error_not_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "odd.audit.json"
    store.save(build(thresholds(dormant_days=30)), path)
    code, out, err = run(capsys, "diagnose", str(path))
    assert code == 1 and not out
    assert "settings.thresholds.dormant_days" in err and "dormancy_days" in err
