"""The report as the deck a consultant presents: 16:9, a title slide, the verdict, one slide per key
problem, the roadmap on one readable slide, the next steps, speaker notes; LibreOffice opens it."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pptx
import pytest
from export_documents_helpers import SHOWN_CLIENT, bakery_export, convert_with_libreoffice, hostile_export
from pptx.util import Pt

from auditkit.locale import formats
from auditkit.report.deck import ROADMAP_ACTIONS_SHOWN, build_deck

pytestmark = pytest.mark.browser

if shutil.which("chromium") is None:
    pytest.skip("Debian's chromium is needed to draw the charts", allow_module_level=True)

LANGUAGES = ("fr", "en")


def _deck(lang: str) -> pptx.presentation.Presentation:
    return pptx.Presentation(io.BytesIO(build_deck(bakery_export(lang))))


def _title(slide: object) -> str:
    shape = slide.shapes.title  # type: ignore[attr-defined]
    return str(shape.text_frame.text) if shape is not None else ""


def _texts(slide: object) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_slides_are_title_verdict_problems_roadmap_next_steps(lang: str) -> None:
    export = bakery_export(lang)
    context, say = export.context, export.say
    deck = _deck(lang)
    assert (deck.slide_width, deck.slide_height) == (pptx.util.Inches(13.333), pptx.util.Inches(7.5))
    expected = [
        say(context["audit"].engagement.client),
        export.label("export_documents.deck.verdict"),
        *[say(finding.title) for finding in context["top_findings"]],
        export.label("report.section.roadmap"),
        export.label("export_documents.deck.next_steps"),
    ]
    assert [_title(slide) for slide in deck.slides] == expected
    assert 3 <= len(context["top_findings"]) <= 5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_verdict_shows_the_score_the_level_and_a_chart(lang: str) -> None:
    export = bakery_export(lang)
    scorecard = export.context["scorecard"]
    verdict = _deck(lang).slides[1]
    texts = "\n".join(_texts(verdict))
    assert export.context["f"].number(scorecard.overall.value) in texts
    assert export.say(scorecard.level.name) in texts
    assert any(shape.shape_type == pptx.enum.shapes.MSO_SHAPE_TYPE.PICTURE for shape in verdict.shapes)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_problem_slide_says_what_we_found_and_what_to_do_with_the_detail_in_the_notes(lang: str) -> None:
    export = bakery_export(lang)
    deck = _deck(lang)
    for number, finding in enumerate(export.context["top_findings"], 2):
        slide = deck.slides[number]
        texts = "\n".join(_texts(slide))
        assert export.say(finding.explanation) in texts and export.say(finding.action) in texts
        assert finding.rule not in texts
        notes = slide.notes_slide.notes_text_frame.text
        assert all(export.say(item.note) in notes for item in finding.evidence if item.note)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_roadmap_fits_one_slide_readably_with_and_n_more(lang: str) -> None:
    export = bakery_export(lang)
    plan = export.context["roadmap"]
    slide = _deck(lang).slides[-2]
    texts = _texts(slide)
    for stage in plan.stages:
        assert export.label("report.roadmap.by_month", n=stage.month) in "\n".join(texts)
        hidden = len(stage.actions) - ROADMAP_ACTIONS_SHOWN
        if hidden > 0:
            assert export.label("export_documents.deck.more", count=hidden) in "\n".join(texts)
    sizes = [
        run.font.size
        for shape in slide.shapes
        if shape.has_text_frame and shape.text_frame.text.startswith("•")
        for paragraph in shape.text_frame.paragraphs
        for run in paragraph.runs
    ]
    assert sizes and min(sizes) >= Pt(13)
    assert any(len(stage.actions) > ROADMAP_ACTIONS_SHOWN for stage in plan.stages), (
        "the bakery tests the cut"
    )
    notes = slide.notes_slide.notes_text_frame.text
    assert all(export.say(action.title) in notes for stage in plan.stages for action in stage.actions)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_next_steps_are_the_first_moves_with_their_month(lang: str) -> None:
    export = bakery_export(lang)
    texts = "\n".join(_texts(_deck(lang).slides[-1]))
    for stage, action in export.context["first_moves"]:
        assert (
            f"{export.say(action.title)} — {export.label('report.roadmap.by_month', n=stage.month)}" in texts
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_typed_text_is_plain_text_never_markup(lang: str) -> None:
    content = build_deck(hostile_export(lang))
    deck = pptx.Presentation(io.BytesIO(content))
    assert _title(deck.slides[0]) == formats.typography(SHOWN_CLIENT, lang)
    xml = zipfile.ZipFile(io.BytesIO(content)).read("ppt/slides/slide1.xml").decode("utf-8")
    assert "<script" not in xml and "&lt;script&gt;" in xml
    notes = deck.slides[1].notes_slide.notes_text_frame.text
    assert "mesurer" in notes and "<img src=x onerror=alert(1)>" in notes


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_deck_without_error(tmp_path: Path) -> None:
    path = tmp_path / "bakery.pptx"
    path.write_bytes(build_deck(bakery_export("en")))
    converted = convert_with_libreoffice(path, tmp_path)
    assert converted.read_bytes().startswith(b"%PDF")
