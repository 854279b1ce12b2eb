"""The report as the deck a consultant presents (python-pptx, 16:9): title, verdict, one slide per key
problem, the roadmap on one slide, the next steps; the detail is in the speaker notes.

Every slide has a real title placeholder (the outline, accessibility and the tests read it); texts are
set run by run, so nothing the client or the consultant typed is read as markup; fonts stay at 13 pt
or more, and a stage with more actions than fit lists the first ones and "and N more".
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Length, Pt

from auditkit.locale.formatter import Formatter
from auditkit.report.office import SLIDE_CHARTS, Export, hex_rgb, markdown_blocks, saved

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
FONT = "Carlito"


def _rgb(code: str) -> RGBColor:
    """python-pptx's colour for ``rrggbb`` (its constructors are not annotated)."""
    return cast(RGBColor, RGBColor.from_string(code))  # type: ignore[no-untyped-call]


TEXT = _rgb("1F2933")
MUTED = _rgb("5F6B7A")
LIGHT = _rgb("F3F5F8")
WHITE = _rgb("FFFFFF")
SUBJECTS_SHOWN = 3
ROADMAP_ACTIONS_SHOWN = 4
"""Actions listed per stage on the roadmap slide before "and N more" (at 13 pt, five columns)."""
TITLE_ONLY_LAYOUT = 5
TITLE_LAYOUT = 0


@dataclass(frozen=True)
class Line:
    """One paragraph of a text box."""

    text: str
    size: float = 18
    bold: bool = False
    colour: RGBColor = TEXT


def build_deck(export: Export) -> bytes:
    """The ``.pptx`` file's bytes."""
    builder = _DeckBuilder(export)
    builder.title_slide()
    builder.verdict_slide()
    findings = builder.ctx["top_findings"]
    for number, finding in enumerate(findings, 1):
        builder.problem_slide(finding, number, len(findings))
    builder.roadmap_slide()
    builder.next_steps_slide()
    return saved(builder.deck)


class _DeckBuilder:
    def __init__(self, export: Export) -> None:
        self.export, self.ctx = export, export.context
        self.f: Formatter = self.ctx["f"]
        self.say, self.label = export.say, export.label
        self.primary = _colour(self.ctx["branding"].primary)
        self.accent = _colour(self.ctx["branding"].accent)
        self.deck: Deck = Presentation()
        self.deck.slide_width, self.deck.slide_height = WIDTH, HEIGHT
        properties = self.deck.core_properties
        engagement = self.ctx["audit"].engagement
        properties.title = f"{self.label('report.document.report_title')} — {self.say(engagement.client)}"
        properties.author = self.say(engagement.consultant or self.ctx["branding"].name)
        properties.language = {"fr": "fr-FR", "en": "en-GB"}.get(export.lang, export.lang)

    # -- slides ------------------------------------------------------------------------------------

    def title_slide(self) -> None:
        audit, f = self.ctx["audit"], self.f
        engagement = audit.engagement
        slide = self.deck.slides.add_slide(self.deck.slide_layouts[TITLE_LAYOUT])
        self._band(slide, Inches(0.35))
        title = slide.shapes.title
        assert title is not None
        self._place(title, MARGIN + Inches(0.3), Inches(2.4), WIDTH - 2 * MARGIN - Inches(0.3), Inches(1.6))
        self._fill(
            title, [Line(self.say(engagement.client), 44, True, self.primary)], anchor=MSO_ANCHOR.BOTTOM
        )
        subtitle = slide.placeholders[1]
        self._place(subtitle, MARGIN + Inches(0.3), Inches(4.1), WIDTH - 2 * MARGIN - Inches(0.3), Inches(2))
        prepared_by = " — ".join(
            self.say(text) for text in (engagement.consultant, self.ctx["branding"].name) if text
        )
        lines = [
            Line(self.label("report.document.report_title"), 24, True, self.accent),
            Line(
                f"{self.label('report.document.round_n', n=engagement.round)} · {self.say(f.date(engagement.audit_date))}",
                18,
                colour=MUTED,
            ),
        ]
        if prepared_by:
            lines.append(
                Line(f"{self.label('report.document.prepared_by')}{f.colon} {prepared_by}", 18, colour=MUTED)
            )
        self._fill(subtitle, lines, anchor=MSO_ANCHOR.TOP)
        if self.export.images.logo:
            slide.shapes.add_picture(
                io.BytesIO(self.export.images.logo), WIDTH - MARGIN - Inches(2.2), MARGIN, height=Inches(1)
            )
        self._notes(slide, [self.say(self.ctx["audit"].notes)])

    def verdict_slide(self) -> None:
        f, label, scorecard = self.f, self.label, self.ctx["scorecard"]
        slide = self._content_slide(label("export_documents.deck.verdict"))
        score = f.number(scorecard.overall.value) if scorecard.overall.value is not None else "—"
        left = [
            Line(label("report.summary.overall_score"), 18, True, MUTED),
            Line(score, 88, True, self.primary),
            Line(label("report.summary.out_of_100"), 18, colour=MUTED),
        ]
        self._box(
            slide, MARGIN, Inches(1.7), Inches(3.2), Inches(2.9), left, fill=LIGHT, align=PP_ALIGN.CENTER
        )
        right = [Line(label("report.summary.maturity_level"), 16, True, MUTED)]
        if scorecard.level:
            level = label("report.summary.level_n", n=scorecard.level.number)
            right.append(Line(f"{level} — {self.say(scorecard.level.name)}", 24, True, self.primary))
            right.append(Line(self.say(scorecard.level.meaning), 15, colour=MUTED))
        else:
            right.append(Line(self.say(scorecard.incomplete.message), 16, True, self.primary))
        if scorecard.target_level:
            target = label("report.summary.level_n", n=scorecard.target_level.number)
            right.append(
                Line(
                    f"{label('report.summary.target_level')}{f.colon} {target} — {self.say(scorecard.target_level.name)}",
                    16,
                    True,
                )
            )
        self._box(slide, MARGIN + Inches(3.4), Inches(1.7), Inches(3.9), Inches(2.9), right)
        chart = self.export.images.slide_charts.get(SLIDE_CHARTS[0])
        if chart:
            slide.shapes.add_picture(io.BytesIO(chart), Inches(7.9), Inches(1.7), width=Inches(4.8))
        if self.ctx["outlook"]:
            self._box(
                slide,
                MARGIN,
                Inches(5.0),
                WIDTH - 2 * MARGIN,
                Inches(1.6),
                [
                    Line(label("report.roadmap.year_ahead"), 16, True, self.accent),
                    Line(self.say(self.ctx["outlook"]), 20),
                ],
                fill=LIGHT,
            )
        notes = [self.say(gate_text) for gate_text in self._held_back()]
        notes += [self.say(line) for line in self.ctx["plan_load"]]
        notes.append(self.say(self.ctx["audit"].notes))
        summary = self.export.commentary("summary")
        if summary:
            notes.append(self.export.signed("summary"))
            notes += [
                "".join(self.say(span.text) for span in block.spans) for block in markdown_blocks(summary)
            ]
        self._notes(slide, notes)

    def problem_slide(self, finding: Any, number: int, count: int) -> None:
        f, label = self.f, self.label
        slide = self._content_slide(self.say(finding.title))
        kicker = f"{label('export_documents.deck.problem', n=number, count=count)} · {self.say(f.enum(finding.severity))}"
        self._box(
            slide,
            MARGIN,
            Inches(0.25),
            WIDTH - 2 * MARGIN,
            Inches(0.45),
            [Line(kicker.upper(), 14, True, self.accent)],
        )
        explanation, action = self.say(finding.explanation), self.say(finding.action)
        column = (WIDTH - 2 * MARGIN - Inches(0.4)) // 2
        self._box(
            slide,
            MARGIN,
            Inches(1.8),
            column,
            Inches(4.6),
            [
                Line(label("export_documents.deck.what_we_found"), 16, True, MUTED),
                Line(explanation, _size(explanation)),
            ],
        )
        self._box(
            slide,
            MARGIN + column + Inches(0.4),
            Inches(1.8),
            column,
            Inches(4.6),
            [Line(label("report.findings.action"), 16, True, self.primary), Line(action, _size(action))],
            fill=LIGHT,
        )
        concerns = f"{label('report.findings.concerns')}{f.colon} {self._subjects(finding.subjects)}"
        self._box(
            slide, MARGIN, Inches(6.6), WIDTH - 2 * MARGIN, Inches(0.5), [Line(concerns, 14, colour=MUTED)]
        )
        evidence = [
            " — ".join(
                part
                for part in (
                    self.say(item.note),
                    self.say(self.ctx["value_text"](item.value)),
                    self.say(self.ctx["value_text"](item.threshold)),
                )
                if part and part != "—"
            )
            for item in finding.evidence
            if item.note
        ]
        seeds = " · ".join(self.say(title) for title in self.ctx["seed_titles"](finding.seeds))
        self._notes(slide, [explanation, *evidence, f"{label('report.findings.seeds')}{f.colon} {seeds}"])

    def roadmap_slide(self) -> None:
        f, label, plan = self.f, self.label, self.ctx["roadmap"]
        slide = self._content_slide(label("report.section.roadmap"))
        stages = list(plan.stages)
        if not stages:
            self._box(
                slide,
                MARGIN,
                Inches(1.8),
                WIDTH - 2 * MARGIN,
                Inches(1),
                [Line(label("report.summary.no_actions"), 20)],
            )
            return
        gap = Inches(0.15)
        column = (WIDTH - 2 * MARGIN - gap * (len(stages) - 1)) // len(stages)
        for index, stage in enumerate(stages):
            left = MARGIN + index * (column + gap)
            header = [
                Line(label("report.roadmap.by_month", n=stage.month), 16, True, WHITE),
                Line(self.say(f.date(stage.due)), 13, colour=WHITE),
            ]
            self._box(slide, left, Inches(1.6), column, Inches(0.95), header, fill=self.primary)
            titles = [self.say(action.title) for action in stage.actions]
            shown = [Line(f"• {title}", 13) for title in titles[:ROADMAP_ACTIONS_SHOWN]]
            hidden = len(titles) - len(shown)
            if hidden:
                shown.append(Line(label("export_documents.deck.more", count=hidden), 13, True, MUTED))
            if not titles:
                shown = [Line(label("export_documents.deck.no_action"), 13, colour=MUTED)]
            self._box(slide, left, Inches(2.6), column, Inches(3.8), shown, fill=LIGHT)
        if self.ctx["plan_load"]:
            self._box(
                slide,
                MARGIN,
                Inches(6.5),
                WIDTH - 2 * MARGIN,
                Inches(0.7),
                [Line(self.say(self.ctx["plan_load"][0]), 14, colour=MUTED)],
            )
        notes = []
        for stage in stages:
            notes.append(f"{label('report.roadmap.by_month', n=stage.month)} ({self.say(f.date(stage.due))})")
            notes += [
                f"• {self.say(action.title)} — {self.say(action.owner_label(self.export.lang))}, {self.say(f.hours(action.effort_hours))}"
                for action in stage.actions
            ]
        notes += [self.say(line) for line in self.ctx["plan_load"][1:]]
        self._notes(slide, notes)

    def next_steps_slide(self) -> None:
        f, label = self.f, self.label
        slide = self._content_slide(label("export_documents.deck.next_steps"))
        lines: list[Line] = [Line(label("report.summary.first_moves"), 16, True, self.accent)]
        for number, (stage, action) in enumerate(self.ctx["first_moves"], 1):
            lines.append(
                Line(
                    f"{number}. {self.say(action.title)} — {label('report.roadmap.by_month', n=stage.month)}",
                    22,
                    True,
                    self.primary,
                )
            )
            lines.append(
                Line(
                    f"{label('report.roadmap.done_when')}{f.colon} {self.say(action.done_when)}",
                    16,
                    colour=MUTED,
                )
            )
        if not self.ctx["first_moves"]:
            lines.append(Line(label("report.summary.no_actions"), 20))
        self._box(slide, MARGIN, Inches(1.5), WIDTH - 2 * MARGIN, Inches(4.1), lines)
        if self.ctx["outlook"]:
            self._box(
                slide,
                MARGIN,
                Inches(5.75),
                WIDTH - 2 * MARGIN,
                Inches(1.15),
                [
                    Line(label("report.roadmap.year_ahead"), 14, True, self.accent),
                    Line(self.say(self.ctx["outlook"]), 18),
                ],
                fill=LIGHT,
            )
        notes = []
        for _, action in self.ctx["first_moves"]:
            notes += [self.say(action.title), self.say(action.description)]
        self._notes(slide, notes)

    # -- building blocks ---------------------------------------------------------------------------

    def _content_slide(self, title: str) -> Slide:
        slide: Slide = self.deck.slides.add_slide(self.deck.slide_layouts[TITLE_ONLY_LAYOUT])
        self._band(slide, Inches(0.12))
        shape = slide.shapes.title
        assert shape is not None
        self._place(shape, MARGIN, Inches(0.65), WIDTH - 2 * MARGIN, Inches(1.0))
        self._fill(
            shape, [Line(title, 30 if len(title) < 70 else 24, True, self.primary)], anchor=MSO_ANCHOR.TOP
        )
        footer = (
            f"{self.say(self.ctx['audit'].engagement.client)} · {self.label('report.document.report_title')}"
        )
        self._box(
            slide,
            MARGIN,
            HEIGHT - Inches(0.45),
            WIDTH - 2 * MARGIN,
            Inches(0.35),
            [Line(footer, 10, colour=MUTED)],
        )
        return slide

    def _band(self, slide: Slide, width: Length) -> None:
        band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(0), Emu(0), width, HEIGHT)
        band.fill.solid()
        band.fill.fore_color.rgb = self.primary
        band.line.fill.background()

    @staticmethod
    def _place(shape: Any, left: int, top: int, width: int, height: int) -> None:
        shape.left, shape.top, shape.width, shape.height = Emu(left), Emu(top), Emu(width), Emu(height)

    @staticmethod
    def _fill(
        shape: Any,
        lines: Sequence[Line],
        anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
        align: PP_ALIGN = PP_ALIGN.LEFT,
    ) -> None:
        frame = shape.text_frame
        frame.clear()
        frame.word_wrap = True
        frame.vertical_anchor = anchor
        for index, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.alignment = align
            paragraph.space_after = Pt(line.size * 0.35)
            run = paragraph.add_run()
            run.text = line.text
            run.font.name, run.font.size, run.font.bold = FONT, Pt(line.size), line.bold
            run.font.color.rgb = line.colour

    def _box(
        self,
        slide: Slide,
        left: int,
        top: int,
        width: int,
        height: int,
        lines: Sequence[Line],
        fill: RGBColor | None = None,
        align: PP_ALIGN = PP_ALIGN.LEFT,
    ) -> None:
        if fill is None:
            shape: Any = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
        else:
            shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(left), Emu(top), Emu(width), Emu(height))
            shape.fill.solid()
            shape.fill.fore_color.rgb = fill
            shape.line.fill.background()
            shape.shadow.inherit = False
        frame = shape.text_frame
        frame.margin_left = frame.margin_right = Inches(0.15)
        frame.margin_top = frame.margin_bottom = Inches(0.1)
        self._fill(
            shape, lines, anchor=MSO_ANCHOR.TOP if align == PP_ALIGN.LEFT else MSO_ANCHOR.MIDDLE, align=align
        )

    @staticmethod
    def _notes(slide: Slide, lines: Iterable[str]) -> None:
        frame = slide.notes_slide.notes_text_frame
        if frame is not None:
            frame.text = "\n".join(line for line in lines if line)

    def _subjects(self, ids: Iterable[str]) -> str:
        names = [self.say(name) for name in self.ctx["subjects"](list(ids))]
        if not names:
            return self.label("report.findings.audit_wide")
        shown = ", ".join(names[:SUBJECTS_SHOWN])
        hidden = len(names) - SUBJECTS_SHOWN
        return f"{shown} {self.label('export_documents.deck.more', count=hidden)}" if hidden > 0 else shown

    def _held_back(self) -> list[str]:
        return [
            self.ctx["t"]("scoring.text.held_back", evidence=gate.evidence)
            for gate in self.ctx["scorecard"].held_back
        ]


def _colour(code: str) -> RGBColor:
    red, green, blue = hex_rgb(code)
    return _rgb(f"{red:02X}{green:02X}{blue:02X}")


def _size(text: str) -> float:
    """A body text's size on a half-slide column: smaller as it grows, never under 14 pt."""
    return 18 if len(text) < 280 else 16 if len(text) < 420 else 14
