"""Whatever ``auditkit validate`` accepts, the later steps take: every number at the edge of its range.

Each bundled example gets an added action, an edit, every threshold, some weights and a benchmark row,
then every number is set to its largest valid value, its smallest, or the tiniest positive value its
field accepts (``5e-324`` where nothing refuses it). Each variant must validate, and ``score``,
``diagnose``, ``roadmap`` (JSON and every export) and ``report`` must succeed and never write
``inf``, ``Infinity`` or ``NaN``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from auditkit import cli, resources
from auditkit.errors import InvalidValue
from auditkit.locale import Message
from auditkit.model import Audit
from auditkit.scoring.weights import WEIGHT_MAXIMUM, WEIGHTS
from auditkit.thresholds import THRESHOLDS

TINIEST = 5e-324
"""The smallest positive float: where a field does not refuse it, the later steps must cope with it."""

NOT_FINITE = re.compile(r"\b(inf|nan)\b|Infinity|NaN")
"""How an infinite or undefined number shows in a text (``inf``, ``nan``, ``Infinity``, ``NaN``)."""

Edge = Callable[[dict[str, Any], str], float | int]
"""The value of a numeric field at one edge of its range, from its schema node and dotted place."""

_SCHEMA = Audit.model_json_schema()
_UNBOUNDED = ("schema_version", "revision", "stage")
"""Numbers that are not measures: left as they are."""


def _refusal(error: ValidationError) -> Message | None:
    """The catalogue message of the first problem a model validator raised, if any."""
    raised = (error.errors()[0].get("ctx") or {}).get("error")
    what = raised.problems[0].what if isinstance(raised, InvalidValue) else None
    return what if isinstance(what, Message) else None


def _tiniest(document: dict[str, Any], place: tuple[str | int, ...]) -> float:
    """The tiniest positive value the field at ``place`` accepts: ``5e-324``, or the smallest it names."""
    _set(document, place, TINIEST)
    try:
        Audit.model_validate(document)
    except ValidationError as error:
        refusal = _refusal(error)
        assert refusal is not None and refusal.id == "store.check.zero_or_at_least", error
        return float(refusal.params["smallest"])
    return TINIEST


def _set(document: Any, place: tuple[str | int, ...], value: Any) -> None:
    for part in place[:-1]:
        document = document[part]
    document[place[-1]] = value


def _numbers(node: Any, place: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The place of every number in a document (booleans are not numbers)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _numbers(value, (*place, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _numbers(value, (*place, index))
    elif isinstance(node, int | float) and not isinstance(node, bool):
        yield place


def _schema_at(place: tuple[str | int, ...]) -> dict[str, Any]:
    """The schema node of the number at ``place`` (its bounds), following references and options."""
    node: dict[str, Any] = _SCHEMA
    for part in place:
        node = _resolved(node)
        if isinstance(part, int):
            node = node["items"]
        elif part in node.get("properties", {}):
            node = node["properties"][part]
        else:
            node = node["additionalProperties"]
    return _resolved(node)


def _resolved(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node or "anyOf" in node:
        if "$ref" in node:
            node = _SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        else:
            node = next(option for option in node["anyOf"] if option.get("type") != "null")
    return node


def _bounds(place: tuple[str | int, ...]) -> tuple[float, float]:
    """The smallest and largest valid value of the number at ``place``."""
    if place[:2] == ("settings", "thresholds"):
        threshold = THRESHOLDS[str(place[2])]
        return threshold.minimum, threshold.maximum
    if place[:2] == ("settings", "weights"):
        return 0, WEIGHT_MAXIMUM
    node = _schema_at(place)
    return node["minimum"], node["maximum"]


def _whole(place: tuple[str | int, ...], value: float) -> float | int:
    return int(value) if _schema_at(place).get("type") == "integer" else value


def with_every_part(example: Path) -> dict[str, Any]:
    """The example with an added action depending on another, an edit, every threshold, weights and a benchmark."""
    document: dict[str, Any] = json.loads(example.read_text(encoding="utf-8"))
    added = {"stage": 3, "title_en": "Added", "effort_hours": 10.0, "cost": 100.0}
    document["roadmap"]["added"] = [
        {"id": "manual-first", **added},
        {"id": "manual-second", **added, "depends_on": ["manual-first"]},
    ]
    document["roadmap"]["edits"] = [{"action_id": "review-objectives", "effort_hours": 5.0, "cost": 50.0}]
    document["settings"]["thresholds"] = {
        key: float(threshold.default) for key, threshold in THRESHOLDS.items()
    }
    document["settings"]["weights"] = {key: weight.default for key, weight in list(WEIGHTS.items())[::5]}
    document["settings"]["benchmarks"] = [
        {
            "platform": channel["platform"],
            "industry": "All industries",
            "metric": (channel.get("engagement") or {}).get("definition", "rivaliq_er_per_post_by_follower"),
            "value": 1.0,
            "year": 2024,
            "source_title": "Consultant's own figure",
        }
        for channel in document["channels"][:1]
    ]
    return document


def at_edge(example: Path, edge: str) -> dict[str, Any]:
    """The example (with every part) whose every bounded number is at ``edge``: maximum, minimum or tiniest."""
    document = with_every_part(example)
    for place in list(_numbers(document)):
        if place[-1] in _UNBOUNDED:
            continue
        minimum, maximum = _bounds(place)
        if edge == "maximum":
            value = maximum
        elif minimum > 0 or (edge == "minimum" and _accepts(document, place, minimum)):
            value = minimum
        else:
            value = _tiniest(json.loads(json.dumps(document)), place)
        _set(document, place, _whole(place, value))
    return document


def _accepts(document: dict[str, Any], place: tuple[str | int, ...], value: float) -> bool:
    """Whether the document is valid with ``value`` at ``place`` (0 is no base of an engagement rate)."""
    changed = json.loads(json.dumps(document))
    _set(changed, place, value)
    try:
        Audit.model_validate(changed)
    except ValidationError:
        return False
    return True


def _chart_data(html: str) -> list[str]:
    return re.findall(r'<script type="application/json" data-chart="[^"]+">(.*?)</script>', html, re.S)


def _visible_text(html: str) -> str:
    return re.sub(r"<(style|script)\b.*?</\1>|<[^>]*>", " ", html, flags=re.S)


def _refuse_constant(token: str) -> None:
    raise AssertionError(f"{token} in JSON output")


def _run(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    status = cli.main(arguments)
    captured = capsys.readouterr()
    assert status == 0, (arguments, captured.err)
    return captured.out


@pytest.mark.parametrize("edge", ["maximum", "minimum", "tiniest"])
@pytest.mark.parametrize("example", resources.example_audits(), ids=lambda path: path.name.split(".")[0])
def test_numbers_at_the_edges_of_their_ranges_go_through_every_command(
    example: Path, edge: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / example.name
    path.write_text(json.dumps(at_edge(example, edge)), encoding="utf-8")
    _run(["validate", str(path)], capsys)

    for command in (["score"], ["diagnose"], ["roadmap"]):
        assert not NOT_FINITE.search(_run([*command, str(path)], capsys)), command
        json.loads(_run([*command, str(path), "--json"], capsys), parse_constant=_refuse_constant)
    for suffix in (".md", ".csv", ".ics"):
        _run(["roadmap", str(path), "-o", str(tmp_path / f"roadmap{suffix}")], capsys)
        written = (tmp_path / f"roadmap{suffix}").read_text(encoding="utf-8")
        assert not NOT_FINITE.search(written.replace("\n ", "") if suffix == ".ics" else written), suffix
    _run(["roadmap", str(path), "-o", str(tmp_path / "roadmap.xlsx")], capsys)
    _run(["report", str(path), "-o", str(tmp_path / "report.html")], capsys)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert not NOT_FINITE.search(_visible_text(html))
    for chart in _chart_data(html):
        json.loads(chart, parse_constant=_refuse_constant)


def test_the_longest_action_at_the_smallest_capacity_is_scheduled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = resources.default_example()
    assert example is not None
    document = with_every_part(example)
    document["organisation"]["hours_per_week"] = 0.1
    document["roadmap"]["improvement_share"] = 0.01
    document["roadmap"]["added"][0]["effort_hours"] = 2000.0
    path = tmp_path / example.name
    path.write_text(json.dumps(document), encoding="utf-8")
    _run(["validate", str(path)], capsys)

    json.loads(_run(["roadmap", str(path), "--json"], capsys), parse_constant=_refuse_constant)
