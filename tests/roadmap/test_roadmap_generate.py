"""Generated actions: one per rule or recommendation, named after what they are about, priced."""

from __future__ import annotations

import pytest
from roadmap_samples import bare_audit, example, finding

from auditkit.diagnose import RULES, Diagnosis, Severity, diagnose
from auditkit.model import OrganisationSize
from auditkit.roadmap import PLAN, build_roadmap, generated_actions


def test_action_ids_are_stable_and_derived_from_the_rule() -> None:
    audit = example("boulangerie-martin.")
    first = generated_actions(audit)
    renamed = audit.model_copy(deep=True)
    renamed.channels[0].name = "A new name"
    second = generated_actions(renamed)
    assert [a.id for a in first] == [a.id for a in second]
    for action in first:
        assert action.id == action.id.lower()
        assert action.id.upper() in PLAN
        assert set(action.findings) <= set(RULES)


def test_channels_being_closed_have_their_findings_answered_by_the_closure() -> None:
    audit = example("boulangerie-martin.")
    actions = {action.id: action for action in generated_actions(audit)}
    closing = actions["rec-close"]
    assert closing.subjects == ("pinterest",)
    assert {"CH-DORMANT", "CH-NO-OWNER"} <= set(closing.findings)
    assert "ch-dormant" not in actions
    assert "ch-no-owner" not in actions


def test_inspiration_joins_the_editorial_line_instead_of_a_second_action() -> None:
    audit = example("boulangerie-martin.")
    fired = {f.rule for f in diagnose(audit).findings}
    assert {"ERR-INSPIRATION", "STR-EDITORIAL-LINE"} <= fired
    actions = {action.id: action for action in generated_actions(audit)}
    assert "err-inspiration" not in actions
    assert "ERR-INSPIRATION" in actions["str-editorial-line"].findings


def test_unknown_rule_still_gets_an_action_staged_by_severity() -> None:
    audit = bare_audit(hours_per_week=10)
    diagnosis = Diagnosis((finding("XX-NEW", Severity.CRITICAL),), ())
    roadmap = build_roadmap(audit, diagnosis=diagnosis)
    action = roadmap.action("xx-new")
    assert action.stage == 1
    assert action.findings == ("XX-NEW",)


def test_titles_name_what_they_are_about() -> None:
    audit = example("st-aidans-college")
    actions = {action.id: action for action in generated_actions(audit)}
    assert actions["ch-unclaimed"].title("en") == "Claim the brand's handle: Instagram, LinkedIn, TikTok"
    assert "LinkedIn" in actions["ch-unclaimed"].title("fr")
    assert "Printed termly letter posted home" in actions["rec-merge"].title("en")
    assert "ch-offline-overlap" not in actions
    assert actions["rec-merge"].subjects == ("printed-letters",)
    assert "@StAidansCollege on X" not in actions["rec-merge"].title("en")


def test_channel_actions_follow_the_reconciled_verdicts() -> None:
    audit = example("boulangerie-martin.")
    actions = {action.id: action for action in generated_actions(audit)}
    assert actions["rec-reduce"].subjects == ("facebook",)
    assert {"CH-SPREAD", "CH-LOW-ENGAGEMENT"} <= set(actions["rec-reduce"].findings)
    moot = {cover.rule for cover in actions["rec-reduce"].covers if cover.moot}
    assert "CH-LOW-ENGAGEMENT" in moot and "CH-SPREAD" not in moot
    assert "ch-low-engagement" not in actions
    assert (
        "instagram" in actions["rec-invest"].subjects and "newsletter" not in actions["rec-invest"].subjects
    )
    assert "newsletter" in actions["rec-fix"].subjects
    assert "CH-OFFLINE-OVERLAP" in actions["rec-fix"].findings and "ch-offline-overlap" not in actions


def test_cost_prices_the_hours_at_the_hourly_rate() -> None:
    audit = example("st-aidans-college")
    audit.settings.thresholds = {"hourly_rate": 80}
    for action in generated_actions(audit):
        assert action.cost == pytest.approx(action.effort_hours * 80)


def test_a_micro_business_writes_one_page_plan_instead_of_a_document_per_component() -> None:
    actions = {action.id: action for action in generated_actions(example("boulangerie-martin."))}
    plan = actions["str-one-page-plan"]
    assert {"STR-POLICY", "STR-GOVERNANCE", "STR-BUDGET", "STR-CRISIS-PLAN"} <= set(plan.findings)
    assert not {"str-policy", "str-governance", "str-budget", "str-crisis-plan"} & set(actions)
    assert plan.effort_hours == 2 + 0.5 * (len(plan.findings) - 1)
    assert "str-editorial-line" in actions and "str-ownership" in actions
    assert "le chef d'entreprise" in plan.done_when("fr") and "the owner" in plan.done_when("en")


def test_a_large_company_keeps_a_document_per_component() -> None:
    audit = example("boulangerie-martin.")
    audit.client.size = OrganisationSize.LARGE
    actions = {action.id for action in generated_actions(audit)}
    assert "str-one-page-plan" not in actions
    assert {"str-policy", "str-governance", "str-crisis-plan"} <= actions


def test_a_management_action_is_owned_by_the_organisation_s_own_leaders() -> None:
    audit = example("asso-velo-solidaire")
    owners = {
        action.owner_label("fr") for action in generated_actions(audit) if action.owner_role == "management"
    }
    assert owners == {"Bureau"}
