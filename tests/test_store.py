"""Audit files on disk: round trips, backups, migrations, bad input, crashes and concurrent writers."""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import select
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from auditkit import model, resources, store
from auditkit.errors import AuditFileError, AuditkitError, StaleWriteError
from auditkit.model import Audit, Channel, ChannelStatus, EngagementMeasure
from auditkit.model import audit as audit_module
from auditkit.platforms import Platform

VOLATILE = {"revision", "saved_at"}


def content(audit: Audit) -> dict[str, Any]:
    """What a consultant wrote, without the bookkeeping a save changes."""
    return audit.model_dump(mode="json", exclude=VOLATILE)


def test_round_trip_keeps_everything(minimal_audit: Audit, tmp_audit_path: Path) -> None:
    minimal_audit.notes = "Café crème, 5 € — «guillemets»"
    minimal_audit.channels.append(
        Channel(
            id="instagram",
            name="Instagram",
            platform=Platform.INSTAGRAM,
            engagement=EngagementMeasure(definition="er_by_follower", interactions=30, base=1200),
            last_post=date(2025, 2, 1),
        )
    )
    store.save(minimal_audit, tmp_audit_path)

    loaded = store.load(tmp_audit_path)

    assert content(loaded) == content(minimal_audit)
    assert loaded.revision == minimal_audit.revision == 1
    assert loaded.saved_at is not None
    assert "Café crème, 5 €" in tmp_audit_path.read_text(encoding="utf-8")


def test_each_save_increments_revision_and_keeps_previous_version(
    minimal_audit: Audit, tmp_audit_path: Path
) -> None:
    store.save(minimal_audit, tmp_audit_path)
    assert not store.backup_path(tmp_audit_path).exists()
    first_version = tmp_audit_path.read_bytes()

    audit = store.load(tmp_audit_path)
    audit.notes = "second version"
    store.save(audit, tmp_audit_path)

    assert store.backup_path(tmp_audit_path).read_bytes() == first_version
    assert store.load(tmp_audit_path).notes == "second version"
    assert store.load(tmp_audit_path).revision == 2
    assert store.load(store.backup_path(tmp_audit_path)).revision == 1


def test_save_removes_temporaries_left_by_an_interrupted_save(
    minimal_audit: Audit, tmp_audit_path: Path
) -> None:
    folder = tmp_audit_path.parent
    leftovers = [folder / f".{tmp_audit_path.name}.k3j2x.tmp", folder / f".{tmp_audit_path.name}.bak.tmp"]
    unrelated = folder / ".other.audit.json.abc.tmp"
    for path in [*leftovers, unrelated]:
        path.write_text("half a file")

    store.save(minimal_audit, tmp_audit_path)

    assert not any(path.exists() for path in leftovers)
    assert unrelated.exists()


def test_save_after_a_kill_between_backup_and_rename(minimal_audit: Audit, tmp_audit_path: Path) -> None:
    store.save(minimal_audit, tmp_audit_path)
    backup = store.backup_path(tmp_audit_path)
    os.link(tmp_audit_path, backup)
    current = tmp_audit_path.read_bytes()

    audit = store.load(tmp_audit_path)
    audit.notes = "after the crash"
    store.save(audit, tmp_audit_path)

    assert backup.read_bytes() == current
    assert store.load(tmp_audit_path).notes == "after the crash"
    assert sorted(p.name for p in tmp_audit_path.parent.iterdir()) == [tmp_audit_path.name, backup.name]


def test_write_atomically_replaces_derived_outputs(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    store.write_atomically(target, "<p>one</p>")
    store.write_atomically(target, "<p>two</p>")
    assert target.read_text() == "<p>two</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_write_atomically_follows_umask_then_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    umask = os.umask(0o022)
    try:
        store.write_atomically(target, b"<p>bytes</p>")
    finally:
        os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o640)
    store.write_atomically(target, "<p>text</p>")
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text(encoding="utf-8") == "<p>text</p>"


def test_write_atomically_into_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(AuditkitError, match="cannot write here"):
        store.write_atomically(tmp_path / "missing" / "report.html", "x")


# -- migrations ---------------------------------------------------------------------------------------


@pytest.fixture
def schema_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend this release writes schema 2, where schema 1's ``remarks`` became ``notes``."""

    def remarks_to_notes(document: dict[str, Any]) -> dict[str, Any]:
        document["notes"] = document.pop("remarks", "")
        return document

    monkeypatch.setattr(store, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(audit_module, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(store, "MIGRATIONS", {1: remarks_to_notes})


def old_document(minimal_audit: Audit) -> dict[str, Any]:
    document = json.loads(minimal_audit.model_dump_json())
    document["remarks"] = document.pop("notes") or "kept through the migration"
    return document | {"schema_version": 1}


@pytest.mark.usefixtures("schema_2")
def test_older_file_is_migrated_on_load_and_saved_at_current_version(
    minimal_audit: Audit, tmp_audit_path: Path
) -> None:
    tmp_audit_path.write_text(json.dumps(old_document(minimal_audit)), encoding="utf-8")

    audit = store.load(tmp_audit_path)
    assert audit.notes == "kept through the migration"
    assert audit.schema_version == 2

    store.save(audit, tmp_audit_path)
    assert json.loads(tmp_audit_path.read_text())["schema_version"] == 2
    assert json.loads(store.backup_path(tmp_audit_path).read_text())["schema_version"] == 1


def test_migrations_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    applied: list[int] = []

    def step(version: int) -> store.Migration:
        def migration(document: dict[str, Any]) -> dict[str, Any]:
            applied.append(version)
            assert document["schema_version"] == version
            return document

        return migration

    monkeypatch.setattr(store, "SCHEMA_VERSION", 4)
    monkeypatch.setattr(store, "MIGRATIONS", {v: step(v) for v in (1, 2, 3)})

    assert store.migrate({"schema_version": 2})["schema_version"] == 4
    assert applied == [2, 3]


def test_file_from_newer_auditkit_is_refused(minimal_audit: Audit, tmp_audit_path: Path) -> None:
    document = json.loads(minimal_audit.model_dump_json()) | {"schema_version": store.SCHEMA_VERSION + 1}
    tmp_audit_path.write_text(json.dumps(document))

    with pytest.raises(AuditFileError) as caught:
        store.load(tmp_audit_path)

    [problem] = caught.value.problems
    assert problem.location == "schema_version"
    assert "newer auditkit" in problem.message
    assert str(tmp_audit_path) in str(caught.value)


# -- bad input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing", ["no such file"]),
        ("folder", ["is a folder"]),
        ("empty", ["line 1 column 1: the file is empty"]),
        ("binary", ["byte ", "not UTF-8"]),
        ("truncated", ["line 1 column ", "not valid JSON"]),
        ("list", ["JSON array (expected a JSON object)"]),
        (
            "wrong_types",
            [
                'engagement.audit_date: "14/03/2025" is not a date (expected a date as YYYY-MM-DD)',
                'engagement.round: "two" is not a whole number',
                'channels: "none" is not a list',
            ],
        ),
        (
            "unknown_fields",
            ["client.turnover: unknown field 'turnover' (valid fields here: industry,", "colour"],
        ),
        ("future_version", ["schema_version: the file was written by a newer auditkit (schema 99)"]),
        ("no_version", ["schema_version: missing"]),
        ("too_deep", ["nested too deeply"]),
    ],
)
def test_bad_input_names_file_field_and_what_is_valid(
    bad_audit_files: dict[str, tuple[Path, int]], name: str, expected: list[str]
) -> None:
    path, count = bad_audit_files[name]

    with pytest.raises(AuditFileError) as caught:
        store.load(path)

    lines = str(caught.value).splitlines()
    assert len(lines) == len(caught.value.problems) == count
    assert all(line.startswith(f"{path}: ") for line in lines)
    for fragment in expected:
        assert any(fragment in line for line in lines), (fragment, lines)


def test_pattern_mismatch_is_explained_with_the_field_description(minimal_audit: Audit) -> None:
    document = json.loads(minimal_audit.model_dump_json())
    document["objectives"] = [{"id": "Grow Sales!", "statement": "Sell more", "kind": "sales"}]
    document["engagement"]["currency"] = "euros"

    with pytest.raises(AuditFileError) as caught:
        store.parse(json.dumps(document), "x.audit.json")

    assert [str(p) for p in caught.value.problems] == [
        'engagement.currency: "euros" does not have the expected form (ISO 4217 code)',
        "objectives.0.id: \"Grow Sales!\" does not have the expected form (Stable id: lower-case letters, digits, '-' or '_')",
    ]


def test_misspelt_choice_gets_a_suggestion(minimal_audit: Audit) -> None:
    document = json.loads(minimal_audit.model_dump_json())
    document["channels"] = [{"id": "fb", "name": "Facebook", "platform": "facebok", "status": "actve"}]

    with pytest.raises(AuditFileError) as caught:
        store.parse(json.dumps(document))

    messages = {p.location: p.message for p in caught.value.problems}
    assert "did you mean 'facebook'?" in messages["channels.0.platform"]
    assert "did you mean 'active'?" in messages["channels.0.status"]


# -- concurrent writers -----------------------------------------------------------------------------


def test_stale_copy_is_refused_and_first_change_kept(minimal_audit: Audit, tmp_audit_path: Path) -> None:
    store.save(minimal_audit, tmp_audit_path)
    first, second = store.load(tmp_audit_path), store.load(tmp_audit_path)
    first.notes = "first writer"
    second.notes = "second writer"

    store.save(first, tmp_audit_path)
    with pytest.raises(StaleWriteError) as caught:
        store.save(second, tmp_audit_path)

    assert "revision 2 on disk, this copy is based on revision 1" in str(caught.value)
    assert store.load(tmp_audit_path).notes == "first writer"
    assert second.revision == 1


def test_unreadable_file_on_disk_is_not_overwritten(minimal_audit: Audit, tmp_audit_path: Path) -> None:
    store.save(minimal_audit, tmp_audit_path)
    tmp_audit_path.write_text("{ hand-edited and broken")

    with pytest.raises(StaleWriteError, match="an unreadable file on disk"):
        store.save(minimal_audit, tmp_audit_path)

    assert tmp_audit_path.read_text() == "{ hand-edited and broken"


RACER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from auditkit import store
    from auditkit.errors import StaleWriteError

    target, name, ready, others = sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
    audit = store.load(target)
    ready.touch()
    while not others.exists():
        time.sleep(0.001)
    audit.notes = f"written by {name}"
    try:
        store.save(audit, target)
    except StaleWriteError as error:
        print("stale", error)
    else:
        print("saved")
    """
)


def test_two_processes_racing_exactly_one_wins(minimal_audit: Audit, tmp_audit_path: Path) -> None:
    store.save(minimal_audit, tmp_audit_path)
    original = tmp_audit_path.read_bytes()
    ready = {name: tmp_audit_path.parent / f"{name}.ready" for name in ("alice", "bob")}
    racers = {
        name: subprocess.Popen(
            [sys.executable, "-c", RACER, str(tmp_audit_path), name, str(ready[name]), str(ready[other])],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, other in (("alice", "bob"), ("bob", "alice"))
    }
    outputs = {name: racer.communicate(timeout=60) for name, racer in racers.items()}

    assert all(racer.returncode == 0 for racer in racers.values()), outputs
    verdicts = {name: out.split()[0] for name, (out, _) in outputs.items()}
    assert sorted(verdicts.values()) == ["saved", "stale"], outputs
    [winner] = [name for name, verdict in verdicts.items() if verdict == "saved"]
    assert store.load(tmp_audit_path).notes == f"written by {winner}"
    assert store.load(tmp_audit_path).revision == 2
    assert store.backup_path(tmp_audit_path).read_bytes() == original


# -- crashes ----------------------------------------------------------------------------------------

SAVER = textwrap.dedent(
    """
    import os, sys
    from auditkit import store
    from auditkit.model import Audit

    target = sys.argv[1]
    versions = [Audit.model_validate_json(open(p, encoding="utf-8").read()) for p in sys.argv[2:4]]

    def save_forever():
        while True:
            current = store.load(target)
            following = versions[1] if current.notes == versions[0].notes else versions[0]
            store.save(following.model_copy(update={"revision": current.revision}), target)

    for _ in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                save_forever()
            finally:
                os._exit(3)
        print(pid, flush=True)
        print(os.waitpid(pid, 0)[1], flush=True)
    """
)
KILLS = int(os.environ.get("AUDITKIT_KILLS", "200"))
"""Saves the crash test kills (200 take about 25 s on two cores); ``AUDITKIT_KILLS`` changes it."""


def large_audit(minimal_audit: Audit, label: str) -> Audit:
    """An audit with 200 channels, so that one save takes a while."""
    channels = [
        Channel(
            id=f"channel-{i}",
            name=f"{label} channel {i} " + "x" * 80,
            platform=Platform.FACEBOOK if i % 2 else Platform.NEWSLETTER,
            status=ChannelStatus.ACTIVE,
            audience_size=1000 + i,
            posts_per_week=i % 7,
            engagement=EngagementMeasure(definition="er_by_follower", rate=1.5),
            added_value=f"{label} " * 40,
        )
        for i in range(200)
    ]
    return minimal_audit.model_copy(update={"channels": channels, "notes": label})


def read_line(stream: Any, timeout: float = 30) -> str:
    """One line from a child's unbuffered stdout, or fail after ``timeout`` seconds."""
    line = b""
    while not line.endswith(b"\n"):
        ready, _, _ = select.select([stream], [], [], timeout)
        assert ready, "the saver process stopped answering"
        chunk = os.read(stream.fileno(), 1)
        assert chunk, "the saver process ended"
        line += chunk
    return line.decode().strip()


def test_killed_mid_save_leaves_old_or_new_version_and_the_one_before_as_backup(
    minimal_audit: Audit, tmp_audit_path: Path
) -> None:
    """SIGKILL a saver ``KILLS`` times at random moments: after each kill, once the file is loaded again
    (as every use of it does), it is a whole version and its backup is exactly one revision behind."""
    versions = {label: large_audit(minimal_audit, label) for label in ("version A", "version B")}
    version_files = []
    for label, audit in versions.items():
        version_file = tmp_audit_path.parent / f"{label.replace(' ', '-')}.json"
        version_file.write_text(audit.model_dump_json(), encoding="utf-8")
        version_files.append(str(version_file))
    expected = {label: content(audit) for label, audit in versions.items()}
    backup = store.backup_path(tmp_audit_path)
    store.save(versions["version A"].model_copy(), tmp_audit_path)
    assert not backup.exists()
    store.save(versions["version B"].model_copy(update={"revision": 1}), tmp_audit_path)

    started = time.perf_counter()
    for _ in range(3):
        store.save(store.load(tmp_audit_path), tmp_audit_path)
    save_seconds = (time.perf_counter() - started) / 3

    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(tmp_audit_path), *version_files],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        bufsize=0,
    )
    assert saver.stdin is not None and saver.stdout is not None
    chance = random.Random(20250314)
    first_revision = store.load(tmp_audit_path).revision
    survivors: dict[str, int] = {"version A": 0, "version B": 0}
    temporaries_seen = between_renames = 0
    try:
        for _ in range(KILLS):
            saver.stdin.write(b"go\n")
            child = int(read_line(saver.stdout))
            time.sleep(chance.uniform(0, min(4 * save_seconds, 0.1)))
            os.kill(child, signal.SIGKILL)
            status = int(read_line(saver.stdout))
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"saver failed: {status}"
            temporaries_seen += len(list(tmp_audit_path.parent.glob(".*.tmp")))
            between_renames += killed_between_the_two_renames(tmp_audit_path)

            survivor = store.load(tmp_audit_path)
            assert content(survivor) in expected.values()
            assert json.loads(backup.read_text(encoding="utf-8"))["revision"] == survivor.revision - 1
            assert not list(tmp_audit_path.parent.glob(".*.pending"))
            survivors[survivor.notes] += 1
    finally:
        saver.stdin.close()
        saver.wait(timeout=30)

    saves = store.load(tmp_audit_path).revision - first_revision
    print(
        f"{KILLS} kills, {saves} saves in between, survivors {survivors}, temporaries seen {temporaries_seen},"
        f" kills between the two renames {between_renames}"
    )
    assert saves > 0
    assert all(survivors.values()), survivors

    store.save(store.load(tmp_audit_path), tmp_audit_path)
    assert not list(tmp_audit_path.parent.glob(".*.tmp"))


def killed_between_the_two_renames(path: Path) -> bool:
    """Whether a save of ``path`` was killed after the new version took its place, before the previous
    one became the backup: the previous one is then under a hidden name, not the file's."""
    pending = path.with_name(f".{path.name}.bak.pending")
    return pending.exists() and not pending.samefile(path)


def interrupt_a_save(path: Path, *, after_the_new_version: bool) -> None:
    """Leave ``path`` as a save killed midway leaves it: its current version has a second, hidden name;
    ``after_the_new_version``, the next revision has then taken the file's name."""
    os.link(path, path.with_name(f".{path.name}.bak.pending"))
    if after_the_new_version:
        following = json.loads(path.read_text(encoding="utf-8"))
        following["revision"] += 1
        replacement = path.with_name(f".{path.name}.next.tmp")
        replacement.write_text(json.dumps(following), encoding="utf-8")
        os.replace(replacement, path)


@pytest.mark.parametrize("after_the_new_version", [True, False])
def test_a_save_killed_midway_is_finished_by_the_next_load(
    minimal_audit: Audit, tmp_audit_path: Path, after_the_new_version: bool
) -> None:
    store.save(minimal_audit, tmp_audit_path)
    store.save(minimal_audit, tmp_audit_path)
    interrupt_a_save(tmp_audit_path, after_the_new_version=after_the_new_version)
    assert killed_between_the_two_renames(tmp_audit_path) == after_the_new_version

    current = store.load(tmp_audit_path)

    assert current.revision == (3 if after_the_new_version else 2)
    assert store.load(store.backup_path(tmp_audit_path)).revision == current.revision - 1
    assert sorted(p.name for p in tmp_audit_path.parent.iterdir()) == [
        tmp_audit_path.name,
        store.backup_path(tmp_audit_path).name,
    ]


def test_a_save_killed_midway_is_finished_by_the_next_save(
    minimal_audit: Audit, tmp_audit_path: Path
) -> None:
    store.save(minimal_audit, tmp_audit_path)
    store.save(minimal_audit, tmp_audit_path)
    interrupt_a_save(tmp_audit_path, after_the_new_version=True)
    stale = Audit.model_validate_json(tmp_audit_path.read_text(encoding="utf-8"))

    store.save(stale, tmp_audit_path)

    assert store.load(tmp_audit_path).revision == 4
    assert store.load(store.backup_path(tmp_audit_path)).revision == 3
    assert not killed_between_the_two_renames(tmp_audit_path)


# -- nasty input ------------------------------------------------------------------------------------


def nasty_documents(valid: dict[str, Any]) -> dict[str, tuple[str, list[str]]]:
    """``name -> (file content, expected problem lines)`` for input a hand-edited file may hold."""
    channel = {"id": "fb", "name": "Facebook", "platform": "facebook"}

    def with_channel(**fields: Any) -> str:
        return json.dumps(valid | {"channels": [channel | fields]})

    text = json.dumps(valid)
    return {
        "huge_integer": (
            text.replace('"round": 1', '"round": 1' + "0" * 400),
            ["engagement.round: a 401-digit number is too large (expected a whole number of at most"],
        ),
        "too_many_digits": (
            text.replace('"round": 1', '"round": ' + "9" * 5000),
            ["engagement.round: a 5000-digit number is too large"],
        ),
        "huge_float": (
            with_channel(audience_size=1).replace('"audience_size": 1', '"audience_size": 1e400'),
            ["channels.0.audience_size: 1e400 is too large (expected a finite number)"],
        ),
        "nan_and_infinity": (
            with_channel(audience_size=1, posts_per_week=2)
            .replace('"audience_size": 1', '"audience_size": NaN')
            .replace('"posts_per_week": 2', '"posts_per_week": -Infinity'),
            [
                "channels.0.audience_size: NaN is not a number JSON allows (expected a finite number",
                "channels.0.posts_per_week: -Infinity is not a number JSON allows",
            ],
        ),
        "string_for_a_number": (
            with_channel(posts_per_week="3"),
            ['channels.0.posts_per_week: "3" is not a number (expected a number)'],
        ),
        "string_for_a_boolean": (
            with_channel(cross_posted_unchanged="yes"),
            ['channels.0.cross_posted_unchanged: "yes" is not true or false (expected true or false)'],
        ),
        "boolean_for_a_number": (
            with_channel(posts_per_week=True),
            ["channels.0.posts_per_week: true is not a number"],
        ),
        "string_for_a_list": (
            json.dumps(valid | {"objectives": "grow sales"}),
            ['objectives: "grow sales" is not a list (expected a list: [...])'],
        ),
        "null_sections": (
            json.dumps(valid | {"engagement": None, "client": None}),
            ["engagement: null is not an object", "client: null is not an object"],
        ),
        "duplicate_ids": (
            json.dumps(valid | {"channels": [channel, channel]}),
            ["channels: id 'fb' is used twice (ids must be unique)"],
        ),
        "duplicate_keys": (
            text[:-1] + ', "notes": "first", "notes": "second", "client": {"industry": "public", '
            '"industry": "healthcare"}}',
            [
                "client: the key 'client' appears more than once in the same object (keep one",
                "notes: the key 'notes' appears more than once",
                "client.industry: the key 'industry' appears more than once",
            ],
        ),
        "dangling_reference": (
            with_channel(objectives=["sales"]),
            ["channels.0.objectives.0: unknown id 'sales' (one of: none defined yet)"],
        ),
        "edited_twice": (
            json.dumps(valid | {"roadmap": {"edits": [{"action_id": "a"}, {"action_id": "a"}]}}),
            ["roadmap.edits.1.action_id: action 'a' is edited twice (one edit per action_id)"],
        ),
        "unknown_key_of_a_mapping": (
            json.dumps(valid | {"strategy": {"components": {"budgett": {"status": "present"}}}}),
            ['strategy.components.budgett: "budgett" is not allowed (one of: objectives_aligned,'],
        ),
        "line_break_in_a_key": (
            json.dumps(valid | {"client": valid["client"] | {"trade\nmark": 1}}),
            ["client.trade\\nmark: unknown field 'trade\\nmark'"],
        ),
        "nested_too_deeply": (
            json.dumps(valid | {"notes": "[]"}).replace('"[]"', "[" * 600 + "]" * 600),
            ["notes.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0: nested too deeply"],
        ),
        "audit_date_out_of_range": (
            text.replace('"audit_date": "2025-03-14"', '"audit_date": "9999-12-01"'),
            ['engagement.audit_date: "9999-12-01" is too large (expected at most 2100-12-31'],
        ),
        "json_null": ("null", ["the file holds null (expected a JSON object)"]),
        "json_number": ("42", ["the file holds a JSON number (expected a JSON object)"]),
        "json_string": ('"audit"', ["the file holds a JSON string (expected a JSON object)"]),
        "json_true": ("true", ["the file holds true or false (expected a JSON object)"]),
    }


NASTY = sorted(nasty_documents({"client": {}}))


@pytest.fixture
def nasty_audit_files(tmp_path: Path, minimal_audit: Audit) -> dict[str, tuple[Path, list[str]]]:
    """Files holding what a hand edit may leave: ``name -> (path, expected problem lines)``."""
    folder = tmp_path / "nasty"
    folder.mkdir()
    files = {}
    for name, (text, expected) in nasty_documents(json.loads(minimal_audit.model_dump_json())).items():
        path = folder / f"{name}.audit.json"
        path.write_text(text, encoding="utf-8")
        files[name] = (path, expected)
    return files


@pytest.mark.parametrize("name", NASTY)
def test_nasty_input_is_refused_one_line_per_problem(
    nasty_audit_files: dict[str, tuple[Path, list[str]]], name: str
) -> None:
    path, expected = nasty_audit_files[name]

    with pytest.raises(AuditFileError) as caught:
        store.load(path)

    lines = str(caught.value).splitlines()
    assert len(lines) == len(caught.value.problems) == len(expected), lines
    for line, fragment in zip(lines, expected, strict=True):
        assert line.startswith(f"{path}: "), line
        assert fragment in line, (fragment, line)


def test_a_valid_file_is_read_strictly_but_whole_numbers_stay_numbers(minimal_audit: Audit) -> None:
    document = json.loads(minimal_audit.model_dump_json())
    document["channels"] = [{"id": "fb", "name": "F", "platform": "facebook", "posts_per_week": 3}]

    audit = store.parse(json.dumps(document))

    assert audit.channels[0].posts_per_week == 3.0
    assert audit.engagement.audit_date == minimal_audit.engagement.audit_date


def test_a_pipe_or_a_device_is_refused_without_reading_it(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.audit.json"
    os.mkfifo(pipe)
    for path in (pipe, Path("/dev/zero")):
        with pytest.raises(AuditFileError, match="is not a regular file"):
            store.load(path)


def test_an_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.audit.json"
    with path.open("wb") as handle:
        handle.truncate(store.MAX_FILE_BYTES + 1)
    with pytest.raises(AuditFileError, match="too large for an audit file"):
        store.load(path)


def test_saving_over_a_folder_or_into_a_missing_one_writes_nothing(
    minimal_audit: Audit, tmp_path: Path
) -> None:
    folder = tmp_path / "taken.audit.json"
    folder.mkdir()
    with pytest.raises(AuditkitError, match="is a folder, not a regular file; not replaced"):
        store.save(minimal_audit, folder)
    with pytest.raises(AuditkitError, match="cannot write here"):
        store.save(minimal_audit, tmp_path / "missing" / "client.audit.json")
    with pytest.raises(AuditkitError, match="is a folder, not a regular file; not replaced"):
        store.write_atomically(folder, "x")
    assert minimal_audit.revision == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["taken.audit.json"]
    assert not list(folder.iterdir())


@contextlib.contextmanager
def dev_null_kept() -> Iterator[Path]:
    """``/dev/null``, for a test that must not replace it: if the code under test did (as root it could),
    it is put back as the character device it was, and the test fails."""
    null = Path("/dev/null")
    assert stat.S_ISCHR(null.stat().st_mode)
    try:
        yield null
    finally:
        replaced = not stat.S_ISCHR(null.lstat().st_mode)
        if replaced:
            null.unlink()
            os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
            null.chmod(0o666)
    assert not replaced, "/dev/null was replaced by a regular file (now put back)"


def special_files(folder: Path) -> dict[str, Path]:
    """A named pipe, a socket and a character device, by what the refusal calls them."""
    pipe = folder / "pipe.audit.json"
    os.mkfifo(pipe)
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(folder / "socket.audit.json"))
    listening.close()
    return {
        "a named pipe (FIFO)": pipe,
        "a socket": folder / "socket.audit.json",
        "a character device": Path("/dev/null"),
    }


def test_a_pipe_a_socket_or_a_device_is_never_replaced(minimal_audit: Audit, tmp_path: Path) -> None:
    """Not even by root: ``/dev/null`` stays a character device."""
    with dev_null_kept():
        for kind, path in special_files(tmp_path).items():
            mode = path.stat().st_mode
            refused = f"^{re.escape(str(path))}: is {re.escape(kind)}, not a regular file; not replaced"
            with pytest.raises(AuditkitError, match=refused):
                store.write_atomically(path, "x")
            with pytest.raises(AuditkitError, match=refused):
                store.save(minimal_audit, path)
            assert path.stat().st_mode == mode
    assert minimal_audit.revision == 0
    assert not list(tmp_path.glob(".*"))


def test_a_link_to_a_device_is_refused_naming_both(tmp_path: Path) -> None:
    link = tmp_path / "report.html"
    link.symlink_to("/dev/null")
    with dev_null_kept(), pytest.raises(AuditkitError) as refused:
        store.write_atomically(link, "x")
    assert str(refused.value) == (
        f"{link}: links to /dev/null, which is a character device, not a regular file; not replaced"
        " (give the path of a file, or of a new one)"
    )
    assert "est un lien vers /dev/null, qui est un périphérique" in refused.value.text("fr")
    assert link.is_symlink()


def test_saving_through_a_link_writes_its_target_and_keeps_the_backup_beside_it(
    minimal_audit: Audit, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "client.audit.json"
    link = tmp_path / "client.audit.json"
    link.symlink_to(target)

    store.save(minimal_audit, link)
    audit = store.load(link)
    audit.notes = "second version"
    store.save(audit, link)

    assert link.is_symlink() and link.resolve() == target
    assert store.load(target).notes == "second version"
    assert store.load(store.backup_path(target)).revision == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client.audit.json", "shared"]
    assert sorted(p.name for p in shared.iterdir()) == ["client.audit.json", "client.audit.json.bak"]


def test_writing_through_a_link_replaces_its_target_new_or_not(tmp_path: Path) -> None:
    link = tmp_path / "report.html"
    link.symlink_to("reports/latest.html")
    (tmp_path / "reports").mkdir()

    store.write_atomically(link, "<p>one</p>")
    store.write_atomically(link, "<p>two</p>")

    assert link.is_symlink()
    assert (tmp_path / "reports" / "latest.html").read_text() == "<p>two</p>"
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["latest.html"]


def test_a_backup_that_is_not_a_file_stops_the_save_before_anything_is_written(
    minimal_audit: Audit, tmp_audit_path: Path
) -> None:
    store.save(minimal_audit, tmp_audit_path)
    before = tmp_audit_path.read_bytes()
    store.backup_path(tmp_audit_path).mkdir()

    with pytest.raises(AuditkitError, match=r"client\.audit\.json\.bak: is a folder, not a regular file"):
        store.save(store.load(tmp_audit_path), tmp_audit_path)

    assert tmp_audit_path.read_bytes() == before
    assert sorted(p.name for p in tmp_audit_path.parent.iterdir()) == [
        "client.audit.json",
        "client.audit.json.bak",
    ]


UNPRIVILEGED = textwrap.dedent(
    """
    import sys
    from auditkit import store
    from auditkit.errors import AuditkitError
    from auditkit.model import Audit

    readable, target, audit_json = sys.argv[1:4]
    for attempt in (lambda: store.load(readable), lambda: store.save(Audit.model_validate_json(audit_json), target)):
        try:
            attempt()
        except AuditkitError as error:
            print(error)
    """
)


def test_no_permission_is_reported_naming_the_file(minimal_audit: Audit) -> None:
    """A file one may not read, a folder one may not write: a clear message, nothing written.

    Run as an unprivileged user (root may read anything), through ``setpriv`` when the tests run as root.
    """
    drop: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be denied")
        drop = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
        closed = [p for p in Path(__file__).resolve().parents if p.stat().st_mode & 0o001 == 0]
        if closed:
            pytest.skip(f"{closed[0]} is closed to other users: the unprivileged user cannot import auditkit")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        folder.chmod(0o755)
        secret = folder / "secret.audit.json"
        store.save(minimal_audit.model_copy(), secret)
        secret.chmod(0o000)
        locked = folder / "locked"
        locked.mkdir(mode=0o555)
        root = Path(__file__).resolve().parent.parent
        result = subprocess.run(
            [
                *drop,
                sys.executable,
                "-c",
                UNPRIVILEGED,
                str(secret),
                str(locked / "new.audit.json"),
                minimal_audit.model_dump_json(),
            ],
            cwd=root,
            env={"PYTHONPATH": str(root), "PATH": os.environ.get("PATH", "")},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [
            f"{secret}: cannot be read: Permission denied",
            f"{locked / 'new.audit.json'}: cannot write here (Permission denied)",
        ]
        assert not list(locked.iterdir())


def test_misspelt_key_of_a_mapping_gets_a_suggestion(minimal_audit: Audit) -> None:
    document = json.loads(minimal_audit.model_dump_json())
    document["strategy"] = {"components": {"budgett": {"status": "present"}}}

    with pytest.raises(AuditFileError) as caught:
        store.parse(json.dumps(document))

    [problem] = caught.value.problems
    assert problem.location == "strategy.components.budgett"
    assert problem.message.endswith("; did you mean 'budget'?)")


def test_a_schema_1_file_gains_an_empty_roadmap_section(minimal_audit: Audit, tmp_audit_path: Path) -> None:
    document = json.loads(minimal_audit.model_dump_json())
    del document["roadmap"]
    tmp_audit_path.write_text(json.dumps(document | {"schema_version": 1}), encoding="utf-8")

    audit = store.load(tmp_audit_path)

    assert audit.schema_version == store.SCHEMA_VERSION
    assert audit.roadmap == model.RoadmapEdits()
    assert content(audit) == content(minimal_audit)


SCHEMA_3_ADDITIONS: dict[str, tuple[str, ...]] = {
    "objectives": ("current", "current_date"),
    "channels": ("handle_state", "operator"),
}
"""Fields schema 3 added to the items of a section, which a schema-2 file cannot hold."""


def as_schema_2(document: dict[str, Any], *, keep_additions: bool) -> dict[str, Any]:
    """``document`` (schema 3) written as schema 2: obstacles as plain texts, optionally without the additions."""
    old = json.loads(json.dumps(document)) | {"schema_version": 2}
    old["strategy"]["obstacles"] = [obstacle["text"] for obstacle in old["strategy"].get("obstacles", [])]
    if not keep_additions:
        for section, fields in SCHEMA_3_ADDITIONS.items():
            for item in old.get(section, []):
                for field in fields:
                    item.pop(field, None)
        old["client"].pop("minors_in_audience", None)
        for field in ("image_consent", "safeguarding"):
            old.get("organisation", {}).pop(field, None)
    return old


def without_additions(audit: Audit) -> Audit:
    """``audit`` with every schema-3 addition back at its default (the obstacles' texts kept)."""
    plain = audit.model_copy(deep=True)
    for section, fields in SCHEMA_3_ADDITIONS.items():
        for item in getattr(plain, section):
            for field in fields:
                setattr(item, field, type(item).model_fields[field].get_default())
    plain.client.minors_in_audience = False
    plain.organisation.image_consent = plain.organisation.safeguarding = None
    plain.strategy.obstacles = [model.Obstacle(text=obstacle.text) for obstacle in plain.strategy.obstacles]
    return plain


@pytest.mark.parametrize("example", resources.example_audits(), ids=lambda path: path.name)
def test_every_example_migrated_from_its_schema_2_form_equals_the_example(example: Path) -> None:
    current = store.load(example)
    document = json.loads(example.read_text(encoding="utf-8"))

    migrated = store.parse(json.dumps(as_schema_2(document, keep_additions=True)))
    undated = current.model_copy(deep=True)
    undated.strategy.obstacles = [
        model.Obstacle(text=obstacle.text) for obstacle in current.strategy.obstacles
    ]
    assert migrated == undated

    plain = store.parse(json.dumps(as_schema_2(document, keep_additions=False)))
    assert plain == without_additions(current)
    assert [obstacle.text for obstacle in plain.strategy.obstacles] == [
        obstacle.text for obstacle in current.strategy.obstacles
    ]


def test_a_schema_1_file_migrates_through_schema_2_to_dated_obstacles(
    minimal_audit: Audit, tmp_audit_path: Path
) -> None:
    document = json.loads(minimal_audit.model_dump_json(exclude_none=True))
    del document["roadmap"]
    document = as_schema_2(document, keep_additions=False) | {"schema_version": 1}
    document["strategy"]["obstacles"] = ["Busy season & <sales>", 'The intern leaves in "December"']
    tmp_audit_path.write_text(json.dumps(document), encoding="utf-8")

    audit = store.load(tmp_audit_path)

    assert audit.schema_version == store.SCHEMA_VERSION == 3
    assert audit.strategy.obstacles == [
        model.Obstacle(text="Busy season & <sales>"),
        model.Obstacle(text='The intern leaves in "December"'),
    ]
    assert audit.roadmap == model.RoadmapEdits()


def test_migration_2_to_3_leaves_obstacles_already_objects_and_files_without_strategy() -> None:
    assert store.MIGRATIONS[2]({"schema_version": 2}) == {"schema_version": 2}
    dated = {"strategy": {"obstacles": [{"text": "x", "deadline": "2026-12-18"}, "y"]}}
    assert store.MIGRATIONS[2](dated)["strategy"]["obstacles"] == [
        {"text": "x", "deadline": "2026-12-18"},
        {"text": "y"},
    ]


# -- the reader's language ------------------------------------------------------------------------------


def folded(text: str) -> str:
    """``text`` with its no-break spaces as plain spaces (French typography is tested with the catalogues)."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def test_problems_are_read_in_the_reader_language(minimal_audit: Audit) -> None:
    document = json.loads(minimal_audit.model_dump_json())
    document["engagement"]["currency"] = "euros"
    document["channels"] = [{"id": "fb", "name": "Facebook", "platform": "facebok"}]

    with pytest.raises(AuditFileError) as caught:
        store.parse(json.dumps(document), "x.audit.json")

    assert str(caught.value) == caught.value.text("en")
    assert folded(caught.value.text("fr")).splitlines() == [
        'x.audit.json: engagement.currency: "euros" n\'a pas la forme attendue (Code ISO 4217)',
        'x.audit.json: channels.0.platform: "facebok" n\'est pas admis (valeurs possibles : '
        + ", ".join(platform.value for platform in Platform)
        + " ; vouliez-vous dire 'facebook' ?)",
    ]


def test_a_problem_outside_the_fields_names_its_place_in_the_reader_language(tmp_path: Path) -> None:
    path = tmp_path / "truncated.audit.json"
    path.write_text('{"schema_version": 2, "engagement": ', encoding="utf-8")

    with pytest.raises(AuditFileError) as caught:
        store.load(path)

    assert str(caught.value).startswith(f"{path}: line 1 column 37: not valid JSON: ")
    assert folded(caught.value.text("fr")).startswith(f"{path}: ligne 1 colonne 37: JSON invalide : ")


def test_a_stale_copy_is_refused_in_the_reader_language(minimal_audit: Audit, tmp_audit_path: Path) -> None:
    store.save(minimal_audit, tmp_audit_path)
    store.save(store.load(tmp_audit_path), tmp_audit_path)

    with pytest.raises(StaleWriteError) as caught:
        store.save(minimal_audit, tmp_audit_path)

    assert folded(caught.value.text("fr")).startswith(
        f"{tmp_audit_path} : non enregistré, le fichier a été modifié"
    )
    assert "révision 2 sur le disque, cette copie part de la révision 1" in caught.value.text("fr")


def test_json_schema_describes_fields_in_words() -> None:
    schema = store.json_schema()

    assert "store.field." not in json.dumps(schema)
    assert (
        schema["$defs"]["Engagement"]["properties"]["client"]["description"] == "Client organisation's name"
    )
    assert schema["title"] == f"auditkit audit file (schema version {store.SCHEMA_VERSION})"
