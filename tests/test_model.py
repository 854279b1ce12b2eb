"""The audit model: its validation rules, cross-references and JSON Schema."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import ValidationError

from auditkit import cli, resources, store
from auditkit.locale import msg
from auditkit.model import (
    SCHEMA_VERSION,
    Audit,
    Channel,
    ComponentStatus,
    EngagementMeasure,
    Indicator,
    Lens,
    Level,
    Objective,
    ObjectiveKind,
    PlatformUse,
    Stakeholder,
    StrategyComponent,
    StrategyComponentKey,
)
from auditkit.platforms import Platform


def complete_audit(minimal_audit: Audit) -> Audit:
    """An audit that uses every kind of cross-reference the model checks."""
    audit = minimal_audit.model_copy(deep=True)
    audit.stakeholders = [
        Stakeholder(
            id="locals",
            name="Neighbourhood families",
            importance=5,
            platforms=[
                PlatformUse(platform=Platform.FACEBOOK, share=0.7),
                PlatformUse(platform=Platform.INSTAGRAM, level=Level.MEDIUM),
            ],
        )
    ]
    audit.objectives = [
        Objective(
            id="weekend-sales",
            statement="Sell 20% more pastries on weekends by September",
            kind=ObjectiveKind.SALES,
            primary=True,
            baseline=400,
            target=480,
            deadline=date(2025, 9, 30),
            stakeholders=["locals"],
            indicators=[Indicator(name="Weekend pastry sales", lens=Lens.ROI)],
        )
    ]
    audit.channels = [
        Channel(
            id="facebook",
            name="Facebook page",
            platform=Platform.FACEBOOK,
            objectives=["weekend-sales"],
            stakeholders=["locals"],
            engagement=EngagementMeasure(definition="er_by_follower", rate=0.8),
        )
    ]
    audit.strategy.components[StrategyComponentKey.BUDGET] = StrategyComponent(status=ComponentStatus.ABSENT)
    return audit


def document_of(audit: Audit) -> dict[str, Any]:
    return json.loads(audit.model_dump_json())


def problems_of(document: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        Audit.model_validate(document)
    return {problem.location: problem.message for problem in store.validation_problems(caught.value)}


def test_complete_audit_is_valid_and_lookups_work(minimal_audit: Audit) -> None:
    audit = Audit.model_validate(document_of(complete_audit(minimal_audit)))

    assert audit.schema_version == SCHEMA_VERSION
    assert audit.channel("facebook").objectives == ["weekend-sales"]
    assert audit.objective("weekend-sales").stakeholders == ["locals"]
    assert audit.stakeholder("locals").platforms[1].level is Level.MEDIUM
    with pytest.raises(KeyError):
        audit.channel("tiktok")


@pytest.mark.parametrize("section", ["objectives", "stakeholders", "channels"])
def test_ids_must_be_unique(minimal_audit: Audit, section: str) -> None:
    document = document_of(complete_audit(minimal_audit))
    document[section].append(document[section][0])

    problems = problems_of(document)

    assert "is used twice" in problems[section]


def test_dangling_references_are_reported_with_their_path_and_valid_ids(minimal_audit: Audit) -> None:
    document = document_of(complete_audit(minimal_audit))
    document["channels"][0]["objectives"] = ["weekend-sales", "awareness"]
    document["channels"][0]["stakeholders"] = ["tourists"]
    document["objectives"][0]["stakeholders"] = ["locals", "press"]

    problems = problems_of(document)

    assert problems == {
        "objectives.0.stakeholders.1": "unknown id 'press' (one of: locals)",
        "channels.0.objectives.1": "unknown id 'awareness' (one of: weekend-sales)",
        "channels.0.stakeholders.0": "unknown id 'tourists' (one of: locals)",
    }


def test_platform_use_needs_a_share_or_a_level() -> None:
    assert PlatformUse(platform=Platform.X, share=0.2).level is None
    assert PlatformUse(platform=Platform.X, level=Level.LOW).share is None
    with pytest.raises(ValidationError, match="give a share"):
        PlatformUse(platform=Platform.X)
    with pytest.raises(ValidationError, match="less than or equal to 1"):
        PlatformUse(platform=Platform.X, share=1.5)


def test_engagement_is_a_rate_or_counts_over_a_non_zero_base() -> None:
    assert EngagementMeasure(definition="er", rate=2.5).percent == 2.5
    assert EngagementMeasure(definition="er", interactions=30, base=1200).percent == pytest.approx(2.5)
    for counts in ({}, {"interactions": 30}, {"interactions": 30, "base": 0}):
        with pytest.raises(ValidationError, match="give a rate"):
            EngagementMeasure(definition="er", **counts)


def test_unknown_fields_and_bad_assignments_are_rejected(minimal_audit: Audit) -> None:
    document = document_of(minimal_audit)
    document["engagement"]["budget"] = 1000

    assert "unknown field 'budget'" in problems_of(document)["engagement.budget"]
    with pytest.raises(ValidationError):
        minimal_audit.engagement.round = 0


def test_new_id_is_derived_from_the_name_and_never_taken(minimal_audit: Audit) -> None:
    audit = complete_audit(minimal_audit)

    assert audit.new_id("channels", "Facebook") == "facebook-2"
    assert audit.new_id("channels", "Café & Cie!") == "caf-cie"
    assert audit.new_id("objectives", "***") == "objective"


def test_json_schema_accepts_a_saved_audit_and_rejects_a_bad_one(minimal_audit: Audit) -> None:
    schema = store.json_schema()
    document = document_of(complete_audit(minimal_audit))

    assert schema["$id"].endswith(f":{SCHEMA_VERSION}")
    assert schema["title"].startswith("auditkit audit file")
    assert {"engagement", "client"} <= set(schema["required"])
    jsonschema.validate(document, schema)
    document["channels"][0]["platform"] = "myspace"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_bundled_examples_are_valid_and_rounds_link_up() -> None:
    examples = {path.name: store.load(path) for path in resources.example_audits()}

    assert len({audit.client.industry for audit in examples.values()}) >= 3
    for name, audit in examples.items():
        assert audit.channels and audit.objectives and audit.stakeholders, name
        if audit.engagement.round > 1:
            previous = resources.examples_dir() / str(audit.engagement.previous_round)
            assert examples[previous.name].engagement.client == audit.engagement.client
            assert examples[previous.name].engagement.round == audit.engagement.round - 1
    assert any(audit.engagement.round == 2 for audit in examples.values())


@pytest.mark.parametrize("number", [math.nan, math.inf, -math.inf])
def test_nan_and_infinite_numbers_are_refused_wherever_they_come_from(
    minimal_audit: Audit, number: float
) -> None:
    with pytest.raises(ValidationError, match="finite number"):
        Channel(id="fb", name="Facebook", platform=Platform.FACEBOOK, audience_size=number)
    with pytest.raises(ValidationError, match="finite number"):
        Objective(id="o", statement="Sell", kind=ObjectiveKind.SALES, baseline=number)
    with pytest.raises(ValidationError, match="finite number"):
        minimal_audit.settings.thresholds = {"dormancy_days": number}
    assert minimal_audit.settings.thresholds == {}


def test_an_action_edited_twice_is_named_with_its_place(minimal_audit: Audit) -> None:
    document = document_of(minimal_audit)
    document["roadmap"] = {"edits": [{"action_id": "a"}, {"action_id": "b"}, {"action_id": "a"}]}

    assert problems_of(document) == {
        "roadmap.edits.2.action_id": "action 'a' is edited twice (one edit per action_id)"
    }


def test_core_modules_import_neither_ipywidgets_nor_plotly() -> None:
    code = (
        "import sys\n"
        "from auditkit import diagnose, errors, model, rules, scoring, store, thresholds\n"
        "from auditkit.resources import default_example\n"
        "audit = store.load(default_example())\n"
        "scoring.score(audit), diagnose.diagnose(audit)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('ipywidgets', 'plotly'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_validators_phrase_their_problems_in_every_language(minimal_audit: Audit) -> None:
    with pytest.raises(ValidationError) as caught:
        PlatformUse(platform=Platform.X)
    [problem] = store.validation_problems(caught.value)
    assert problem.text("fr") == "indiquez une part (de 0 à 1) ou un niveau (none, low, medium, high)"

    document = document_of(minimal_audit)
    document["channels"] = [{"id": "fb", "name": "Facebook", "platform": "facebook", "objectives": ["sales"]}]
    with pytest.raises(ValidationError) as caught:
        Audit.model_validate(document)
    [problem] = store.validation_problems(caught.value)
    assert (problem.location, problem.message) == (
        "channels.0.objectives.0",
        "unknown id 'sales' (one of: none defined yet)",
    )
    assert problem.text("fr") == "channels.0.objectives.0: id inconnu 'sales' (aucun n'est encore défini)"


def test_the_language_is_one_a_catalogue_provides(minimal_audit: Audit) -> None:
    data = json.loads(minimal_audit.model_dump_json())
    data["engagement"]["language"] = "de"
    with pytest.raises(ValidationError, match=r"no catalogue for language 'de' \(one of: en, fr\)"):
        Audit.model_validate(data)
    data["engagement"]["language"] = "fr"
    assert Audit.model_validate(data).engagement.language == "fr"


def validate_file(
    path: Path, document: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """``auditkit validate`` on ``document`` written at ``path``: its exit status and what it printed."""
    path.write_text(json.dumps(document), encoding="utf-8")
    status = cli.main(["validate", str(path)])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def example_document() -> dict[str, Any]:
    example = resources.default_example()
    assert example is not None
    document: dict[str, Any] = json.loads(example.read_text(encoding="utf-8"))
    return document


def added_action(action_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": action_id, "stage": 1, "title_en": action_id, **fields}


@pytest.mark.parametrize(
    ("change", "where", "expected"),
    [
        (
            lambda document: document["roadmap"]["added"].append(
                added_action("manual-big", effort_hours=1e12)
            ),
            "roadmap.added.0.effort_hours",
            "is too large (expected at most 2000: Hours of work, from 0 to 2,000",
        ),
        (
            lambda document: document["organisation"].update(hours_per_week=5e-324),
            "organisation.hours_per_week",
            "5e-324 is too small to calculate with (expected 0, or at least 0.1)",
        ),
        (
            lambda document: document["roadmap"]["added"].extend(
                [
                    added_action("manual-a", depends_on=["manual-b"]),
                    added_action("manual-b", depends_on=["manual-a"]),
                ]
            ),
            "roadmap.added.0.depends_on",
            "depend on each other in a circle: manual-a → manual-b → manual-a",
        ),
        (
            lambda document: document["engagement"].update(client="Boulangerie\x0bMartin"),
            "engagement.client",
            "holds the control character U+000B at position 12",
        ),
    ],
    ids=["effort_hours_1e12", "hours_per_week_5e-324", "actions_in_a_circle", "vertical_tab_in_client"],
)
def test_validate_refuses_what_later_steps_cannot_take(
    tmp_audit_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: Callable[[dict[str, Any]], None],
    where: str,
    expected: str,
) -> None:
    document = example_document()
    change(document)

    status, printed = validate_file(tmp_audit_path, document, capsys)

    assert status == 1
    assert f"{tmp_audit_path}: {where}: " in printed and expected in printed


@pytest.mark.parametrize(
    ("links", "circle"),
    [
        ({"manual-a": ["manual-a"]}, "manual-a → manual-a"),
        (
            {"manual-a": ["manual-b"], "manual-b": ["manual-c"], "manual-c": ["manual-a"]},
            "manual-a → manual-b",
        ),
        ({"manual-a": ["manual-b", "manual-c"], "manual-b": ["manual-d"], "manual-c": ["manual-d"]}, None),
        ({"manual-a": ["review-objectives"]}, None),
    ],
    ids=["itself", "three", "diamond", "generated"],
)
def test_a_circle_of_added_actions_is_named_and_a_shared_dependency_is_not_one(
    minimal_audit: Audit, links: dict[str, list[str]], circle: str | None
) -> None:
    document = document_of(minimal_audit)
    document["roadmap"]["added"] = [added_action(key, depends_on=after) for key, after in links.items()]
    document["roadmap"]["added"] += [added_action("manual-d")]

    if circle is None:
        Audit.model_validate(document)
    else:
        assert circle in problems_of(document)["roadmap.added.0.depends_on"]


def test_texts_refuse_control_characters_but_multi_line_texts_keep_tabs_and_line_breaks(
    minimal_audit: Audit,
) -> None:
    document = document_of(minimal_audit)
    document["notes"] = "First line\n\tindented\r\nlast"
    assert Audit.model_validate(document).notes == "First line\n\tindented\r\nlast"
    for character in ("\x00", "\x0b", "\x1b", "\x7f", "\x85", "\x9f"):
        document["notes"] = f"a{character}"
        document["engagement"]["consultant"] = f"Jo\t{character}"
        problems = problems_of(document)
        assert f"control character U+{ord(character):04X} at position 2" in problems["notes"]
        assert "control character U+0009 at position 3" in problems["engagement.consultant"]


def test_every_number_has_a_finite_range_documented_in_each_language() -> None:
    schema = Audit.model_json_schema()
    numbers = list(_number_fields(schema["$defs"]))
    assert len(numbers) > 25
    for where, node, description in numbers:
        if where.endswith(("stage", "schema_version", "revision", "weights", "thresholds")):
            continue  # one of five months; counts of versions and saves; ranges per key in settings_problems
        assert math.isfinite(node.get("maximum", math.inf)) and "minimum" in node, where
        if description is not None:
            assert all(msg(description)(lang) for lang in ("en", "fr")), where


def _number_fields(definitions: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], str | None]]:
    """Each numeric field of the model: where, its schema node and its description's message id."""
    for model, definition in definitions.items():
        for name, field in definition.get("properties", {}).items():
            for node in [field, *field.get("anyOf", []), field.get("additionalProperties") or {}]:
                if node.get("type") in ("number", "integer"):
                    yield f"{model}.{name}", node, field.get("description")


# -- schema 3 ---------------------------------------------------------------------------------------


def test_schema_3_fields_are_optional_with_their_documented_defaults(minimal_audit: Audit) -> None:
    from auditkit.model import ChannelOperator, Obstacle

    channel = Channel(id="c", name="Page", platform=Platform.FACEBOOK)
    objective = Objective(id="o", statement="Inform", kind=ObjectiveKind.PUBLIC_INFORMATION)
    assert (channel.handle_state, channel.operator) == (None, ChannelOperator.OWN)
    assert (objective.current, objective.current_date) == (None, None)
    assert minimal_audit.client.minors_in_audience is False
    assert (minimal_audit.organisation.image_consent, minimal_audit.organisation.safeguarding) == (None, None)
    assert Obstacle(text="Busy season") == Obstacle(text="Busy season", deadline=None, affects=[])
    with pytest.raises(ValidationError):
        Obstacle(text="")


def test_new_platforms_sit_in_exactly_one_family() -> None:
    from auditkit.platforms import INSTITUTIONAL_APPS, LISTING_PLATFORMS, SOCIAL_PLATFORMS

    assert not (SOCIAL_PLATFORMS & LISTING_PLATFORMS) | (SOCIAL_PLATFORMS & INSTITUTIONAL_APPS)
    assert not LISTING_PLATFORMS & INSTITUTIONAL_APPS
    groups_and_ads = {Platform.FACEBOOK_GROUP, Platform.WHATSAPP_GROUP, Platform.PAID_SOCIAL}
    assert all(platform.is_social for platform in groups_and_ads)
    assert Platform.GOOGLE_BUSINESS_PROFILE.is_listing and Platform.REVIEW_SITES.is_listing
    assert {p for p in Platform if p.is_institutional_app} == {
        Platform.ENT,
        Platform.PRONOTE,
        Platform.PANNEAUPOCKET,
        Platform.INTRAMUROS,
    }
    assert not any(p.is_social for p in LISTING_PLATFORMS | INSTITUTIONAL_APPS)


def test_every_new_value_has_a_label_in_every_language() -> None:
    from auditkit.locale import label, languages
    from auditkit.model import ChannelOperator, ConsentPractice, HandleState

    members = [*Platform, *ObjectiveKind, *HandleState, *ChannelOperator, *ConsentPractice]
    for language in languages():
        for member in members:
            assert label(member)(language).strip(), (language, member)
