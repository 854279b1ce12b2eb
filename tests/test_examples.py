"""The bundled example audits and the synthetic generator: valid, stable on disk, and diagnosed as expected.

``EXPECTED_FINDINGS`` and ``EXPECTED_SILENT`` are the ground truth written in ``data/examples/README.md``:
what a consultant reading each file would and would not report.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from auditkit import store
from auditkit.benchmarks import load_benchmarks
from auditkit.diagnose import RULES, diagnose
from auditkit.model import Audit, ChannelStatus, StrategyComponentKey
from auditkit.resources import examples_dir
from benchmarks.synthetic import large_audit

EXAMPLES = examples_dir()
SUFFIX = ".audit.json"

_ROUND_ONE_SILENT = {
    "OBJ-NONE",
    "OBJ-TOO-MANY",
    "OBJ-NO-PRIMARY",
    "OBJ-ORPHAN",
    "KPI-LENS-MISMATCH",
    "ENV-NO-STAKEHOLDERS",
    "ENV-UNCONSULTED",
    "ENV-NO-PEERS",
    "ENV-PEER-GAP",
    "CH-NO-OBJECTIVE",
    "CH-NO-AUDIENCE",
    "CH-SLOW-RESPONSE",
    "CH-SHINY",
    "ORG-NO-SPONSOR",
    "ORG-SLOW-VALIDATION",
    "ORG-NO-RESOURCES",
    "ERR-CALENDAR-NOT-STRATEGY",
    "DEC-NOT-NOW",
    "ORG-IMAGE-CONSENT",
    "ORG-SAFEGUARDING",
}

EXPECTED_FINDINGS: dict[str, set[str]] = {
    "boulangerie-martin": {
        "OBJ-NOT-SMART",
        "KPI-MISSING",
        "CH-DORMANT",
        "CH-SPREAD",
        "CH-LOW-ENGAGEMENT",
        "CH-DUPLICATE",
        "CH-NO-OWNER",
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
        "STR-REVIEW",
        "ORG-INTERN",
        "ORG-NO-TRAINING",
        "ERR-URGENCY",
        "ERR-INSPIRATION",
        "ERR-NOT-MEASURING",
    },
    "boulangerie-martin-round2": {
        "CH-LOW-ENGAGEMENT",
        "STR-EXIT-PLAN",
        "STR-POLICY",
    },
    "boulangerie-martin-round3": {"CH-SLOW-RESPONSE", "STR-POLICY"},
    "asso-velo-solidaire": {
        "OBJ-TOO-MANY",
        "OBJ-NO-PRIMARY",
        "OBJ-NOT-SMART",
        "OBJ-ORPHAN",
        "KPI-MISSING",
        "KPI-LENS-MISMATCH",
        "ENV-UNCONSULTED",
        "CH-NO-OBJECTIVE",
        "CH-NO-AUDIENCE",
        "CH-SPREAD",
        "CH-SLOW-RESPONSE",
        "CH-DUPLICATE",
        "CH-NO-OWNER",
        "CH-SHINY",
        "CH-UNCLAIMED",
        "STR-CONTENT-PLAN",
        "STR-DISTRIBUTION-PLAN",
        "STR-BUDGET",
        "STR-CRISIS-PLAN",
        "STR-EXIT-PLAN",
        "STR-EVALUATION-PLAN",
        "STR-EDITORIAL-LINE",
        "STR-POLICY",
        "STR-CALENDAR",
        "STR-MONITORING",
        "STR-REVIEW",
        "ORG-NO-SPONSOR",
        "ORG-INTERN",
        "ORG-NO-RESOURCES",
        "ORG-NO-TRAINING",
        "ERR-URGENCY",
        "ERR-INSPIRATION",
        "ERR-NOT-MEASURING",
    },
    "st-aidans-college": {
        "OBJ-ORPHAN",
        "ENV-PEER-GAP",
        "CH-SLOW-RESPONSE",
        "CH-DUPLICATE",
        "CH-OFFLINE-OVERLAP",
        "CH-UNCLAIMED",
        "STR-DISTRIBUTION-PLAN",
        "STR-EXIT-PLAN",
        "STR-OWNERSHIP",
        "STR-MONITORING",
        "STR-REVIEW",
        "ORG-SLOW-VALIDATION",
        "ORG-SAFEGUARDING",
        "ERR-CALENDAR-NOT-STRATEGY",
    },
    "mairie-saint-clement": {
        "OBJ-NOT-SMART",
        "KPI-MISSING",
        "ENV-PEER-GAP",
        "CH-SLOW-RESPONSE",
        "CH-DUPLICATE",
        "CH-UNCLAIMED",
        "STR-CONTENT-PLAN",
        "STR-EXIT-PLAN",
        "STR-EVALUATION-PLAN",
        "STR-EDITORIAL-LINE",
        "STR-POLICY",
        "STR-OWNERSHIP",
        "STR-MODERATION",
        "STR-MONITORING",
        "STR-REVIEW",
        "ORG-SLOW-VALIDATION",
        "ORG-NO-TRAINING",
        "ORG-IMAGE-CONSENT",
        "ORG-SAFEGUARDING",
        "ERR-URGENCY",
        "ERR-NOT-MEASURING",
    },
}

EXPECTED_SILENT: dict[str, set[str]] = {
    "boulangerie-martin": _ROUND_ONE_SILENT,
    "boulangerie-martin-round2": _ROUND_ONE_SILENT
    | {
        "OBJ-NOT-SMART",
        "KPI-MISSING",
        "CH-DORMANT",
        "CH-DUPLICATE",
        "CH-NO-OWNER",
        "CH-OFFLINE-OVERLAP",
        "STR-CONTENT-PLAN",
        "STR-DISTRIBUTION-PLAN",
        "STR-CRISIS-PLAN",
        "STR-EVALUATION-PLAN",
        "STR-EDITORIAL-LINE",
        "STR-GOVERNANCE",
        "STR-OWNERSHIP",
        "STR-CALENDAR",
        "STR-MONITORING",
        "STR-REVIEW",
        "ORG-INTERN",
        "ORG-NO-TRAINING",
        "ERR-URGENCY",
        "ERR-INSPIRATION",
        "ERR-NOT-MEASURING",
    },
    "asso-velo-solidaire": {
        "OBJ-NONE",
        "ENV-NO-STAKEHOLDERS",
        "ENV-NO-PEERS",
        "ENV-PEER-GAP",
        "CH-DORMANT",
        "CH-LOW-ENGAGEMENT",
        "CH-OFFLINE-OVERLAP",
        "STR-OWNERSHIP",
        "ORG-SLOW-VALIDATION",
        "ERR-CALENDAR-NOT-STRATEGY",
        "DEC-NOT-NOW",
        "ORG-IMAGE-CONSENT",
        "ORG-SAFEGUARDING",
    },
    "st-aidans-college": {
        "OBJ-NONE",
        "OBJ-TOO-MANY",
        "OBJ-NO-PRIMARY",
        "OBJ-NOT-SMART",
        "KPI-MISSING",
        "KPI-LENS-MISMATCH",
        "ENV-NO-STAKEHOLDERS",
        "ENV-UNCONSULTED",
        "ENV-NO-PEERS",
        "CH-NO-OBJECTIVE",
        "CH-NO-AUDIENCE",
        "CH-DORMANT",
        "CH-SPREAD",
        "CH-LOW-ENGAGEMENT",
        "CH-NO-OWNER",
        "CH-SHINY",
        "STR-BUDGET",
        "STR-CRISIS-PLAN",
        "STR-EVALUATION-PLAN",
        "STR-EDITORIAL-LINE",
        "STR-POLICY",
        "STR-MODERATION",
        "STR-CALENDAR",
        "ORG-NO-SPONSOR",
        "ORG-INTERN",
        "ORG-NO-RESOURCES",
        "ERR-URGENCY",
        "ERR-INSPIRATION",
        "ERR-NOT-MEASURING",
        "DEC-NOT-NOW",
        "ORG-IMAGE-CONSENT",
    },
    "mairie-saint-clement": {
        "OBJ-NONE",
        "OBJ-TOO-MANY",
        "OBJ-NO-PRIMARY",
        "OBJ-ORPHAN",
        "KPI-LENS-MISMATCH",
        "ENV-NO-STAKEHOLDERS",
        "ENV-NO-PEERS",
        "CH-NO-OBJECTIVE",
        "CH-NO-AUDIENCE",
        "CH-DORMANT",
        "CH-NO-OWNER",
        "CH-SHINY",
        "CH-OFFLINE-OVERLAP",
        "STR-BUDGET",
        "ORG-NO-SPONSOR",
        "ORG-INTERN",
        "ORG-NO-RESOURCES",
        "ERR-CALENDAR-NOT-STRATEGY",
        "DEC-NOT-NOW",
    },
}
EXPECTED_SILENT["boulangerie-martin-round3"] = (
    EXPECTED_SILENT["boulangerie-martin-round2"] - {"CH-SLOW-RESPONSE"}
) | {
    "CH-LOW-ENGAGEMENT",
    "STR-EXIT-PLAN",
    "STR-BUDGET",
    "STR-MODERATION",
}

STEMS = sorted(EXPECTED_FINDINGS)
_VOLATILE = {"revision", "saved_at"}


def _path(stem: str) -> Path:
    return EXAMPLES / f"{stem}{SUFFIX}"


def _stable(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key not in _VOLATILE}


def test_every_bundled_example_has_expectations() -> None:
    on_disk = sorted(path.name.removesuffix(SUFFIX) for path in EXAMPLES.glob(f"*{SUFFIX}"))
    assert on_disk == STEMS
    assert sorted(EXPECTED_SILENT) == STEMS


@pytest.mark.parametrize("stem", STEMS)
def test_expectations_are_consistent_and_documented(stem: str) -> None:
    assert not EXPECTED_FINDINGS[stem] & EXPECTED_SILENT[stem]
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    paragraph = next(part for part in readme.split("\n\n") if f"`{stem}{SUFFIX}`" in part)
    undocumented = {rule for rule in EXPECTED_FINDINGS[stem] if rule not in paragraph}
    assert not undocumented, f"data/examples/README.md does not explain {sorted(undocumented)} for {stem}"


@pytest.mark.parametrize("stem", STEMS)
def test_example_round_trips_through_the_store(stem: str, tmp_path: Path) -> None:
    original = store.load(_path(stem))
    copy = tmp_path / f"{stem}{SUFFIX}"
    store.save(store.load(_path(stem)), copy)
    reloaded = store.load(copy)
    assert reloaded.model_dump(exclude=_VOLATILE) == original.model_dump(exclude=_VOLATILE)
    on_disk = json.loads(_path(stem).read_text(encoding="utf-8"))
    resaved = json.loads(copy.read_text(encoding="utf-8"))
    assert _stable(resaved) == _stable(on_disk), (
        f"{stem}: the file is not in the store's canonical form (re-save it with auditkit.store.save)"
    )


@pytest.mark.parametrize("stem", STEMS)
def test_example_fills_every_section(stem: str) -> None:
    audit = store.load(_path(stem))
    assert audit.engagement.consultant and audit.client.sector and audit.client.country
    assert audit.objectives and len(audit.stakeholders) >= 3 and len(audit.peers) >= 3
    assert any(o.indicators and None not in (o.baseline, o.target, o.deadline) for o in audit.objectives)
    assert all(s.platforms for s in audit.stakeholders)
    assert all(p.presence and any(x.audience for x in p.presence) for p in audit.peers)
    assert {c.is_social for c in audit.channels} == {True, False}
    assert any(c.engagement and c.is_social for c in audit.channels)
    assert set(audit.strategy.components) == set(StrategyComponentKey)
    assert audit.strategy.last_reviewed and audit.strategy.obstacles
    assert None not in audit.organisation.model_dump().values()
    assert audit.settings.target_level is not None
    for channel in audit.channels:
        assert channel.started is None or channel.started <= audit.engagement.audit_date
        assert channel.last_post is None or channel.last_post <= audit.engagement.audit_date


@pytest.mark.parametrize("stem", STEMS)
def test_example_engagement_uses_benchmark_definitions(stem: str) -> None:
    known = {row.metric for row in load_benchmarks()}
    audit = store.load(_path(stem))
    used = {c.engagement.definition for c in audit.channels if c.engagement and c.is_social}
    assert used and used <= known, (
        f"{stem}: {sorted(used - known)} are not metric codes of data/benchmarks.csv"
    )


def test_examples_hold_text_the_report_must_escape() -> None:
    texts = "".join(_path(stem).read_text(encoding="utf-8") for stem in STEMS)
    assert all(character in texts for character in ("&", "<", '\\"'))


def test_round_two_follows_round_one() -> None:
    second_path = _path("boulangerie-martin-round2")
    second = store.load(second_path)
    assert second.engagement.previous_round
    first_path = second_path.parent / second.engagement.previous_round
    assert first_path == _path("boulangerie-martin")
    first = store.load(first_path)
    assert first.engagement.round == 1 and first.engagement.previous_round is None
    assert second.engagement.round == 2
    assert second.engagement.client == first.engagement.client
    assert (second.engagement.audit_date - first.engagement.audit_date).days > 90
    assert {o.id for o in first.objectives} == {o.id for o in second.objectives}
    assert {c.id for c in first.channels} <= {c.id for c in second.channels}
    assert first.channel("pinterest").status is ChannelStatus.DORMANT
    assert second.channel("pinterest").status is ChannelStatus.CLOSED


@pytest.mark.parametrize("stem", STEMS)
def test_example_diagnosis_matches_a_consultants_reading(stem: str) -> None:
    unknown = (EXPECTED_FINDINGS[stem] | EXPECTED_SILENT[stem]) - set(RULES)
    assert not unknown, f"not rule ids of the catalogue: {sorted(unknown)}"
    fired = {finding.rule for finding in diagnose(store.load(_path(stem))).findings}
    missing = sorted(EXPECTED_FINDINGS[stem] - fired)
    unexpected = sorted(EXPECTED_SILENT[stem] & fired)
    assert not missing and not unexpected, f"{stem}: missing {missing}, unexpected {unexpected}"


@pytest.mark.parametrize(
    ("sizes", "seed"),
    [({}, 0), ({"channels": 5, "objectives": 1, "stakeholders": 2, "peers": 1}, 3), ({"channels": 120}, 7)],
)
def test_large_audit_is_valid_with_the_requested_sizes(sizes: dict[str, int], seed: int) -> None:
    audit = large_audit(**sizes, seed=seed)
    expected = {"channels": 30, "objectives": 3, "stakeholders": 10, "peers": 8} | sizes
    assert {section: len(getattr(audit, section)) for section in expected} == expected
    assert store.parse(audit.model_dump_json()) == audit
    assert sum(o.primary for o in audit.objectives) == 1


def test_large_audit_is_deterministic_and_varied() -> None:
    audit = large_audit()
    assert audit == large_audit()
    assert audit != large_audit(seed=1)
    assert {c.is_social for c in audit.channels} == {True, False}
    assert {c.status for c in audit.channels} >= {ChannelStatus.ACTIVE, ChannelStatus.DORMANT}
    assert any(c.audience_size is None for c in audit.channels)
    assert any(c.engagement is not None for c in audit.channels)
    assert isinstance(audit, Audit)
