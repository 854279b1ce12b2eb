"""One verdict per channel (auditkit.verdicts): no channel is told two things, on the examples and on
generated audits.

The coherence test looks for four contradictions: (a) "invest" beside advice or an action that steps
back from the channel; (b) "not now" beside a demand for priority social networks or an invest action
on a social channel; (c) two figures for the hours one channel needs (verdicts, scorecard, CH-SPREAD);
(d) two channel actions (``rec-*``) naming the same channel.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from synthetic_audits import synthetic_audit, synthetic_audits

from auditkit.model import Audit, ChannelStatus
from auditkit.resources import examples_dir
from auditkit.roadmap import Action, generated_actions
from auditkit.rules.channel_choice import capacity
from auditkit.run import AuditRun
from auditkit.thresholds import hours_needed, thresholds_for
from auditkit.verdicts import STANCES, STEPPING_BACK, Verdict, Verdicts

EXAMPLES = sorted(examples_dir().glob("*.audit.json"))
SYNTHETIC = 200
_STEP_BACK_WORDS = re.compile(r"\b(reduce|replace|close|merge|park|integrate)", re.IGNORECASE)


def _run(path: Path) -> AuditRun:
    return AuditRun(Audit.model_validate_json(path.read_text(encoding="utf-8")))


def _stance_subjects(rule: str, subjects: tuple[str, ...], audit: Audit) -> list[str]:
    channels = {channel.id: channel for channel in audit.channels}
    named = [s for s in subjects if s in channels]
    if rule == "CH-OFFLINE-OVERLAP":
        return named[:1]
    if rule == "DEC-NOT-NOW":
        return [s for s in named if channels[s].platform.is_social]
    return [] if rule == "CH-SPREAD" else named


def contradictions(run: AuditRun) -> list[str]:
    """Every contradiction between the verdicts, the findings and the roadmap of ``run``."""
    audit, verdicts = run.audit, run.reconciled
    found: list[str] = []
    by_id = {item.channel_id: item for item in verdicts.channels}
    channels = {channel.id: channel for channel in audit.channels}
    actions = generated_actions(audit, run.scorecard, run.diagnosis)
    for finding in verdicts.diagnosis.findings:
        stance = STANCES.get(finding.rule)
        for subject in _stance_subjects(finding.rule, finding.subjects, audit) if stance else []:
            verdict = by_id[subject].verdict
            replaced = finding.action.id.startswith("verdicts.advice.")
            if verdict is Verdict.INVEST and (stance in STEPPING_BACK or not replaced):
                found.append(f"(a) {subject} is 'invest' and {finding.rule} says {stance}")
            if (
                verdict is not stance
                and not replaced
                and channels[subject].status is not ChannelStatus.PLANNED
            ):
                found.append(f"(a) {subject} is '{verdict}' and {finding.rule} still advises '{stance}'")
        single = finding.subjects[0] if len(finding.subjects) == 1 else None
        invested = single in by_id and by_id[single].verdict is Verdict.INVEST
        if invested and _STEP_BACK_WORDS.search(finding.action("en")):
            found.append(f"(a) {finding.subjects[0]} is 'invest' and {finding.rule}'s advice steps back")
        if finding.rule == "CH-SPREAD":
            params = finding.action.params
            if any(
                by_id[s].verdict in STEPPING_BACK
                for s in finding.subjects
                if by_id[s].name in params.get("keep", [])
            ):
                found.append("(a) CH-SPREAD keeps a channel its verdict steps back from")
    for action in actions:
        if action.id == "rec-invest":
            continue
        invested = [s for s in action.subjects if s in by_id and by_id[s].verdict is Verdict.INVEST]
        if invested and (action.id.startswith("rec-") or action.id == "ch-offline-overlap"):
            found.append(f"(a) {invested} is 'invest' and action {action.id} names it")
    if verdicts.not_now:
        found += _not_now_contradictions(verdicts, actions)
    found += _hour_contradictions(run)
    named: dict[str, str] = {}
    for action in actions:
        for subject in action.subjects if action.id.startswith("rec-") else ():
            if subject in named:
                found.append(f"(d) {subject} is named by {named[subject]} and {action.id}")
            named[subject] = action.id
    return found


def _not_now_contradictions(verdicts: Verdicts, actions: tuple[Action, ...]) -> list[str]:
    found = []
    for item in verdicts.channels:
        if item.platform.is_social and item.verdict not in (Verdict.PARK, Verdict.NOT_NOW, Verdict.CLOSE):
            found.append(f"(b) 'not now' and {item.channel_id} is '{item.verdict}'")
    texts = [f.action("en") + f.explanation("en") for f in verdicts.diagnosis.findings]
    texts += [a.title("en") + a.description("en") for a in actions]
    found += [f"(b) 'not now' and '{text[:60]}'" for text in texts if "priority network" in text]
    social = {item.channel_id for item in verdicts.channels if item.platform.is_social}
    found += [
        f"(b) 'not now' and rec-invest on {sorted(social & set(a.subjects))}"
        for a in actions
        if a.id == "rec-invest" and social & set(a.subjects)
    ]
    return found


def _hour_contradictions(run: AuditRun) -> list[str]:
    audit, found = run.audit, []
    thresholds = thresholds_for(audit)
    for item in run.reconciled.channels:
        channel = next(c for c in audit.channels if c.id == item.channel_id)
        if item.hours_needed != hours_needed(channel, thresholds):
            found.append(f"(c) {item.channel_id}: {item.hours_needed} h in the verdict")
    team = capacity(audit, thresholds)
    if team is None:
        return found
    evidence = run.scorecard.organisation_readiness.contribution("org.hours").evidence
    if abs(evidence.params["needed"].value - team.needed) > 0.051:
        found.append(
            f"(c) the scorecard counts {evidence.params['needed'].value} h, CH-SPREAD {team.needed} h"
        )
    for finding in run.diagnosis.for_rule("CH-SPREAD"):
        if finding.explanation.params["needed"] != team.needed:
            found.append(f"(c) CH-SPREAD says {finding.explanation.params['needed']} h, not {team.needed} h")
        for item in finding.evidence[1:]:
            index = int(item.field.split(".")[1])
            if item.threshold != hours_needed(audit.channels[index], thresholds):
                found.append(f"(c) CH-SPREAD counts {item.threshold} h for channel {index}")
    return found


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name.split(".")[0])
def test_no_example_tells_a_channel_two_things(path: Path) -> None:
    assert contradictions(_run(path)) == []


def test_no_synthetic_audit_tells_a_channel_two_things() -> None:
    found = {
        audit.engagement.client: c
        for audit in synthetic_audits(SYNTHETIC)
        if (c := contradictions(AuditRun(audit)))
    }
    assert found == {}


def test_the_synthetic_audits_cover_what_the_coherence_test_needs() -> None:
    runs = [AuditRun(audit) for audit in synthetic_audits(SYNTHETIC)]
    verdicts = {item.verdict for run in runs for item in run.reconciled.channels}
    assert verdicts >= set(Verdict) - {Verdict.MERGE}
    assert sum(run.reconciled.not_now for run in runs) >= 10
    assert sum(bool(run.diagnosis.for_rule("CH-SPREAD")) for run in runs) >= 20
    assert sum(any(item.overruled for item in run.reconciled.channels) for run in runs) >= 50
    assert synthetic_audit(7) == synthetic_audit(7)


def _verdicts(name: str) -> dict[str, Verdict]:
    run = _run(examples_dir() / f"{name}.audit.json")
    return {item.channel_id: item.verdict for item in run.reconciled.channels}


def test_the_bakery_keeps_instagram_cuts_facebook_back_and_repairs_its_newsletter() -> None:
    run = _run(examples_dir() / "boulangerie-martin.audit.json")
    verdicts = run.reconciled
    expected = {
        "facebook": Verdict.REDUCE,
        "instagram": Verdict.INVEST,
        "pinterest": Verdict.CLOSE,
        "newsletter": Verdict.FIX,
        "site-web": Verdict.MAINTAIN,
        "ateliers": Verdict.INVEST,
    }
    assert {item.channel_id: item.verdict for item in verdicts.channels}.items() >= expected.items()
    newsletter = verdicts["newsletter"]
    assert newsletter.recommendation is Verdict.INVEST and newsletter.source == "CH-DUPLICATE"
    assert "'Invest'; 'Fix' from the finding 'Same content pushed unchanged' wins" in newsletter.overruled[
        0
    ].why("en")
    spread = next(f for f in verdicts.diagnosis.findings if f.rule == "CH-SPREAD")
    assert "Keep Instagram @boulangeriemartin" in spread.action("en")
    assert "about 0" not in spread.explanation("en")
    assert "ne suffisent pas" in spread.explanation("fr") or "n'en reste aucune" in spread.explanation("fr")


def test_a_slow_answering_school_page_is_fixed_before_it_is_invested_in() -> None:
    verdicts = _run(examples_dir() / "st-aidans-college.audit.json").reconciled
    page = verdicts["facebook"]
    assert page.verdict is Verdict.FIX and page.recommendation is Verdict.INVEST
    assert page.source == "CH-SLOW-RESPONSE"
    assert verdicts["printed-letters"].verdict is Verdict.MERGE
    assert "@StAidansCollege on X" in verdicts["printed-letters"].advice("en")


def test_the_run_shows_the_verdicts_as_a_part() -> None:
    run = _run(examples_dir() / "boulangerie-martin.audit.json")
    frame = run.verdicts.to_frame()
    assert list(frame["verdict"]) == [item.verdict.value for item in run.reconciled.channels]
    assert {"advice", "overruled", "hours_needed", "recommendation"} <= set(frame.columns)
    assert "Verdicts" in repr(run.in_language("fr").verdicts) or "verdict" in repr(run.verdicts)
