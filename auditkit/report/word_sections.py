"""The Word document's chapters, one function per section of the HTML report, in the same order.

Each reads the report's context (:func:`~auditkit.report.render.report_context`) as the templates do and
writes with a :class:`~auditkit.report.word.WordWriter`; what the templates show only in technical
detail (rule codes, field paths, setting keys) is left out of the body.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.shared import Pt

from auditkit.report.office import Export, markdown_blocks
from auditkit.report.word import WordWriter


def build_document(export: Export) -> bytes:
    """The ``.docx`` file's bytes: the frame, then each section under a "Heading 1"."""
    w = WordWriter(export)
    w.frame()
    for name, title in export.context["sections"]:
        if name in SECTIONS:
            w.doc.add_heading(w.say(title), 1)
            if name != "summary":
                w.consultant(name)
            SECTIONS[name](w)
    return w.bytes()


def summary(w: WordWriter) -> None:
    ctx, f, label = w.ctx, w.f, w.label
    scorecard = ctx["scorecard"]
    score = f.number(scorecard.overall.value) if scorecard.overall.value is not None else "—"
    headline = w.doc.add_paragraph()
    w.run(headline, f"{label('report.summary.overall_score')}{f.colon} ", bold=True)
    w.run(headline, score, bold=True, size=Pt(20), colour=w.primary)
    w.run(headline, f" {label('report.summary.out_of_100')}", colour=w.muted)
    if scorecard.level:
        level = label("report.summary.level_n", n=scorecard.level.number)
        w.labelled(label("report.summary.maturity_level"), f"{level} — {w.say(scorecard.level.name)}")
        w.paragraph(w.say(scorecard.level.meaning), muted=True)
        for gate in scorecard.held_back:
            w.paragraph(label("scoring.text.held_back", evidence=gate.evidence), muted=True)
    else:
        w.labelled(label("report.summary.maturity_level"), w.say(scorecard.incomplete.message))
        w.paragraph(label("scoring.incomplete.advice"), muted=True)
    if scorecard.target_level:
        target = label("report.summary.level_n", n=scorecard.target_level.number)
        w.labelled(label("report.summary.target_level"), f"{target} — {w.say(scorecard.target_level.name)}")
    else:
        w.paragraph(label("report.summary.no_target"), muted=True)
    w.consultant("summary")

    w.doc.add_heading(label("report.summary.key_findings"), 2)
    for finding in ctx["top_findings"]:
        item = w.doc.add_paragraph(style="List Number")
        w.severity(item, finding.severity)
        w.run(item, w.say(finding.title), bold=True)
        w.run(item, "\n" + w.say(finding.action), colour=w.muted)
    if not ctx["top_findings"]:
        w.paragraph(label("report.summary.no_findings"))

    w.doc.add_heading(label("report.summary.first_moves"), 2)
    for stage, action in ctx["first_moves"]:
        item = w.doc.add_paragraph(style="List Number 2")
        w.run(item, w.say(action.title), bold=True)
        w.run(item, f" — {label('report.roadmap.by_month', n=stage.month)}", colour=w.accent)
        done_when = f"{label('report.roadmap.done_when')}{f.colon} {w.say(action.done_when)}"
        w.run(item, "\n" + done_when, colour=w.muted)
    if not ctx["first_moves"]:
        w.paragraph(label("report.summary.no_actions"))

    w.doc.add_heading(label("report.roadmap.year_ahead"), 2)
    for line in ([ctx["outlook"]] if ctx["outlook"] else []) + list(ctx["plan_load"]):
        w.paragraph(w.say(line))
    w.chart("findings")
    w.chart("overall")


def context(w: WordWriter) -> None:
    ctx, f, label, say = w.ctx, w.f, w.label, w.say
    audit = ctx["audit"]
    client = audit.client
    w.key_values(
        [
            (label("report.context.client"), say(audit.engagement.client)),
            (label("report.context.industry"), say(f.enum(client.industry))),
            (label("report.context.sector"), say(client.sector)),
            (label("report.context.size"), say(f.enum(client.size)) if client.size else ""),
            (label("report.context.country"), say(client.country)),
        ]
    )
    if audit.notes:
        w.prose(audit.notes)

    w.doc.add_heading(label("report.context.objectives"), 2)
    headers = ["objective", "metric", "baseline", "target", "deadline", "indicators"]
    w.table(
        [label(f"report.{'methodology' if key == 'metric' else 'context'}.{key}") for key in headers],
        [
            (
                (
                    say(objective.statement),
                    say(f.enum(objective.kind)).capitalize()
                    + (f" · {label('report.context.primary')}" if objective.primary else ""),
                ),
                say(objective.metric) + (f" ({say(objective.unit)})" if objective.unit else ""),
                f.decimal(objective.baseline),
                f.decimal(objective.target),
                say(f.date(objective.deadline)),
                "\n".join(
                    say(indicator.name) + f" · {say(f.enum(indicator.lens))}"
                    for indicator in objective.indicators
                ),
            )
            for objective in audit.objectives
        ],
        numeric=(2, 3),
        empty=label("report.document.none_listed"),
    )

    w.doc.add_heading(label("report.context.stakeholders"), 2)
    w.table(
        [
            label(f"report.context.{key}")
            for key in ("stakeholder", "importance", "digital_literacy", "engagement", "consultation")
        ],
        [
            (
                say(stakeholder.name),
                f"{stakeholder.importance}/5",
                say(f.enum(stakeholder.digital_literacy)),
                say(f.enum(stakeholder.engagement)),
                (say(f.enum(stakeholder.consultation)), say(stakeholder.consultation_note)),
            )
            for stakeholder in audit.stakeholders
        ],
        numeric=(1,),
        empty=label("report.document.none_listed"),
    )
    w.chart("stakeholders")

    w.doc.add_heading(label("report.context.peers"), 2)
    w.table(
        [label(f"report.context.{key}") for key in ("peer", "relation", "adoption", "presence")],
        [
            (
                (say(peer.name), say(peer.note)),
                say(f.enum(peer.relation)),
                say(f.enum(peer.adoption)),
                ", ".join(say(f.enum(presence.platform)) for presence in peer.presence) or "—",
            )
            for peer in audit.peers
        ],
        empty=label("report.benchmark.no_peers"),
    )


def scorecard(w: WordWriter) -> None:
    ctx, f, label, say = w.ctx, w.f, w.label, w.say
    if not ctx["channels"]:
        w.paragraph(label("report.scorecard.no_channels"))
        return
    w.chart("health")
    rows = []
    for channel, scored, verdict in ctx["channels"]:
        name_lines = [say(f.enum(channel.platform)) + (f" · {say(channel.handle)}" if channel.handle else "")]
        if channel.owner:
            name_lines.append(f"{label('report.roadmap.owner')}{f.colon} {say(channel.owner)}")
        advice: tuple[str, ...] = ("—",)
        if verdict:
            advice = (say(f.enum(verdict.verdict)), *(say(reason) for reason in verdict.reasons))
        rows.append(
            (
                (say(channel.name), *name_lines),
                say(f.enum(channel.status)),
                f.number(channel.audience_size),
                f.decimal(channel.posts_per_week, 1),
                f.rate(channel.engagement.percent) if channel.engagement else "—",
                _score(w, scored.health.value) if scored else "—",
                advice,
            )
        )
    w.table(
        [
            label("report.scorecard.channel"),
            label("report.scorecard.status"),
            label("report.scorecard.audience"),
            label("report.scorecard.posts_short"),
            label("report.context.engagement"),
            label("report.scorecard.health"),
            label("report.scorecard.recommendation"),
        ],
        rows,
        numeric=(2, 3, 4, 5),
    )
    w.chart("matrix")


def benchmark(w: WordWriter) -> None:
    ctx, f, label, say = w.ctx, w.f, w.label, w.say
    audit = ctx["audit"]
    w.chart("peers", note=label("report.benchmark.benchmark_caveat"))
    if not audit.peers:
        w.paragraph(label("report.benchmark.no_peers"))
        return
    w.table(
        [
            label("report.context.peer"),
            label("report.scorecard.platform"),
            label("report.scorecard.audience"),
            label("report.scorecard.posts_short"),
            label("report.scorecard.engagement_rate"),
        ],
        [
            (
                say(peer.name),
                say(f.enum(presence.platform)),
                f.number(presence.audience),
                f.decimal(presence.posts_per_week, 1),
                f.rate(presence.engagement_rate),
            )
            for peer in audit.peers
            for presence in peer.presence
        ],
        numeric=(2, 3, 4),
    )


def strategy(w: WordWriter) -> None:
    ctx, f, label, say = w.ctx, w.f, w.label, w.say
    audit, scores = ctx["audit"], ctx["scorecard"]
    for key, score in (
        ("strategy_completeness", scores.strategy_completeness),
        ("organisation_readiness", scores.organisation_readiness),
    ):
        w.labelled(label(f"report.strategy.{key}"), f"{_score(w, score.value)} / 100")

    w.doc.add_heading(label("report.strategy.strategy_completeness"), 2)
    w.chart("completeness")
    _contributions(w, scores.strategy_completeness)
    w.doc.add_heading(label("report.strategy.components"), 3)
    components = audit.strategy.components
    w.table(
        [
            label(key)
            for key in ("report.strategy.component", "report.scorecard.status", "report.strategy.note")
        ],
        [
            (say(f.enum(key)), say(f.enum(component.status)), say(component.note))
            for key, component in components.items()
        ],
        empty=label("report.document.none_listed"),
    )
    w.labelled(label("report.strategy.last_reviewed"), say(f.date(audit.strategy.last_reviewed)) or "—")
    if audit.strategy.obstacles:
        w.doc.add_heading(label("report.strategy.obstacles"), 3)
        w.bullets(
            say(obstacle.text) + (f" ({say(f.date(obstacle.deadline))})" if obstacle.deadline else "")
            for obstacle in audit.strategy.obstacles
        )

    w.doc.add_heading(label("report.strategy.organisation_readiness"), 2)
    w.chart("readiness")
    _contributions(w, scores.organisation_readiness)
    org = audit.organisation
    owner = say(f.enum(org.strategy_owner_role)) if org.strategy_owner_role else ""
    owner = " — ".join(part for part in (owner, say(org.strategy_owner)) if part)
    lead_time = org.publishing_lead_time_days
    w.key_values(
        [
            (label("report.strategy.sponsor"), say(f.enum(org.sponsor))),
            (label("report.strategy.strategy_owner"), owner),
            (label("report.strategy.content_creators"), ", ".join(map(say, org.content_creators))),
            (label("report.strategy.responders"), ", ".join(map(say, org.responders))),
            (label("report.strategy.validation_delay"), say(f.hours(org.validation_delay_hours))),
            (label("report.strategy.training"), say(f.enum(org.training))),
            (label("report.scorecard.hours_per_week"), say(f.hours(org.hours_per_week))),
            (
                label("report.scorecard.monthly_budget"),
                say(f.money(org.monthly_budget, audit.engagement.currency)),
            ),
            (label("report.strategy.reporting_cadence"), say(f.enum(org.reporting_cadence))),
            (
                label("report.strategy.lead_time"),
                f"{f.decimal(lead_time, 1)} {label('report.strategy.days')}" if lead_time is not None else "",
            ),
        ]
    )


def findings(w: WordWriter) -> None:
    ctx, f, label, say = w.ctx, w.f, w.label, w.say
    w.paragraph(label("core.count.findings", count=len(ctx["diagnosis"].findings)), muted=True)
    if not ctx["themes"]:
        w.paragraph(label("report.summary.no_findings"))
    for theme, items in ctx["themes"]:
        w.doc.add_heading(f"{say(f.enum(theme))} ({len(items)})", 2)
        for finding in items:
            w.doc.add_heading(say(finding.title), 3).paragraph_format.keep_with_next = True
            meta = w.doc.add_paragraph()
            w.severity(meta, finding.severity)
            w.run(
                meta,
                f"{label('report.findings.concerns')}{f.colon} {w.subjects(finding.subjects)}",
                size=Pt(8),
                colour=w.muted,
            )
            w.paragraph(say(finding.explanation))
            evidence = [item for item in finding.evidence if item.note]
            if evidence:
                w.table(
                    [
                        label("report.strategy.note"),
                        label("report.strategy.value"),
                        label("report.findings.threshold"),
                    ],
                    [
                        (
                            say(item.note),
                            say(ctx["value_text"](item.value)),
                            say(ctx["value_text"](item.threshold)),
                        )
                        for item in evidence
                    ],
                    numeric=(1, 2),
                )
            w.labelled(label("report.findings.action"), say(finding.action))
            seeds = " · ".join(say(title) for title in ctx["seed_titles"](finding.seeds))
            w.paragraph(f"{label('report.findings.seeds')}{f.colon} {seeds}", muted=True, small=True)


def roadmap(w: WordWriter) -> None:
    ctx, f, label, say = w.ctx, w.f, w.label, w.say
    plan = ctx["roadmap"]
    for line in ctx["plan_load"]:
        w.paragraph(say(line))
    w.chart("projection")
    w.chart("timeline")
    for stage in plan.stages:
        heading = f"{label('report.roadmap.by_month', n=stage.month)} ({say(f.date(stage.due))})"
        w.doc.add_heading(heading, 2).paragraph_format.keep_with_next = True
        load = f"{label('report.roadmap.hours_planned')}{f.colon} {say(f.hours(stage.hours))}"
        if stage.capacity_hours is not None:
            load += f" / {label('report.roadmap.capacity')}{f.colon} {say(f.hours(stage.capacity_hours))}"
        w.paragraph(load, muted=True, small=True)
        if stage.actions:
            _actions(w, stage.actions)
        else:
            w.paragraph(label("report.summary.no_actions"), muted=True)
        if stage.overflow:
            later = " · ".join(say(title) for title in ctx["titles"](stage.overflow))
            w.paragraph(f"{label('report.roadmap.overflow')}{f.colon} {later}", muted=True, small=True)
    if plan.backlog:
        w.doc.add_heading(label("report.roadmap.backlog"), 2)
        _actions(w, plan.backlog)
    if plan.notes:
        w.doc.add_heading(label("report.roadmap.roadmap_notes"), 2)
        w.bullets(say(note) for note in plan.notes)


def methodology(w: WordWriter) -> None:
    ctx, f, label, say = w.ctx, w.f, w.label, w.say
    w.paragraph(label("report.methodology.method_note"))
    w.doc.add_heading(label("report.findings.seed_articles"), 2)
    w.bullets(say(title) for _, title in ctx["seed_articles"])

    w.doc.add_heading(label("report.methodology.maturity_levels"), 2)
    w.table(
        [
            label(key)
            for key in (
                "report.summary.level",
                "report.methodology.name",
                "report.scorecard.score",
                "report.methodology.meaning",
            )
        ],
        [
            (str(level.number), say(level.name), f"≥ {f.number(level.floor)}", say(level.meaning))
            for level in ctx["maturity_levels"]
        ],
        numeric=(0, 2),
    )
    w.doc.add_heading(label("report.methodology.weights"), 2)
    w.paragraph(label("report.methodology.weights_intro"), small=True)
    w.table(
        [
            label(key)
            for key in (
                "report.strategy.factor",
                "report.methodology.description",
                "report.methodology.default",
                "report.methodology.this_audit",
            )
        ],
        [
            (say(weight.label), say(weight.doc), f.decimal(weight.default, 2), f.decimal(value, 2))
            for _, weight, value in ctx["weights"]
        ],
        numeric=(2, 3),
    )
    w.doc.add_heading(label("report.methodology.thresholds"), 2)
    w.table(
        [
            label(key)
            for key in (
                "report.methodology.description",
                "report.methodology.default",
                "report.methodology.this_audit",
                "report.methodology.unit",
            )
        ],
        [
            (
                say(threshold.doc),
                f.decimal(threshold.default, 2),
                f.decimal(value, 2),
                say(f.unit(threshold.unit)),
            )
            for _, threshold, value in ctx["thresholds"]
        ],
        numeric=(1, 2),
    )
    w.doc.add_heading(label("report.methodology.response_expectations"), 3)
    w.paragraph(say(ctx["response_sources"]), small=True)
    w.table(
        [
            label(key)
            for key in (
                "report.scorecard.platform",
                "report.methodology.default",
                "report.methodology.this_audit",
            )
        ],
        [
            (say(f.enum(platform)), f.decimal(default), f.decimal(value))
            for platform, default, value in ctx["response_thresholds"]
        ],
        numeric=(1, 2),
    )
    w.doc.add_heading(label("report.methodology.benchmark_sources"), 2)
    definitions = ctx["metric_definitions"]
    w.table(
        [
            label(key)
            for key in (
                "report.scorecard.platform",
                "report.methodology.metric",
                "report.strategy.value",
                "report.methodology.year",
                "report.methodology.source",
            )
        ],
        [
            (
                (say(f.enum(row.platform)), say(row.industry), say(ctx["band_label"](row))),
                say(definitions[row.metric]) if row.metric in definitions else say(row.metric),
                _benchmark_value(w, row),
                str(row.year),
                (say(row.source_title), say(row.source_url)),
            )
            for row in ctx["benchmark_rows"]
        ],
        numeric=(2, 3),
        empty=label("report.document.none_listed"),
    )
    w.doc.add_heading(label("report.methodology.rules_not_assessed"), 2)
    rules = ctx["rules"]
    w.table(
        [
            label(key)
            for key in ("report.findings.rule", "report.findings.concerns", "report.scorecard.reasons")
        ],
        [
            (
                say(rules[gap.rule].title) if gap.rule in rules else gap.rule,
                w.subjects(gap.subjects),
                say(gap.reason),
            )
            for gap in ctx["not_assessed"]
        ],
        empty=label("report.document.none_listed"),
    )


def set_aside(w: WordWriter) -> None:
    label = w.label
    items = w.ctx.get("set_aside", [])
    w.paragraph(label("report.set_aside.intro", count=len(items)))
    rows = []
    for item in items:
        reason = " ".join(
            "".join(span.text for span in block.spans) for block in markdown_blocks(item.entry.reason)
        )
        signed = ", ".join(
            part for part in (item.entry.by, w.f.date(item.entry.on) if item.entry.on else "") if part
        )
        rows.append(
            (w.say(item.finding.title), w.subjects(item.finding.subjects), (w.say(reason), w.say(signed)))
        )
    w.table(
        [
            label("report.set_aside.finding"),
            label("report.findings.concerns"),
            label("report.set_aside.reason"),
        ],
        rows,
    )


def _actions(w: WordWriter, actions: Any) -> None:
    f, label, say = w.f, w.label, w.say
    currency = w.ctx["audit"].engagement.currency
    rows = []
    for action in actions:
        lines = [say(action.description)]
        if action.depends_on:
            titles = " · ".join(say(title) for title in w.ctx["titles"](action.depends_on))
            lines.append(f"{label('report.roadmap.depends_on')}{f.colon} {titles}")
        lines += [say(action.note), say(action.consultant_note)]
        rows.append(
            (
                (say(action.title), *lines),
                say(action.owner_label(w.export.lang)),
                say(f.hours(action.effort_hours)),
                say(f.money(action.cost, currency)),
                say(action.done_when),
            )
        )
    w.table(
        [
            label(f"report.{key}")
            for key in (
                "findings.action",
                "roadmap.owner",
                "roadmap.effort",
                "roadmap.cost",
                "roadmap.done_when",
            )
        ],
        rows,
        numeric=(2, 3),
    )


def _contributions(w: WordWriter, score: Any) -> None:
    f, label, say = w.f, w.label, w.say
    w.table(
        [label(f"report.strategy.{key}") for key in ("factor", "value", "weight", "points", "evidence")],
        [
            (
                say(item.label),
                label("report.document.not_assessed") if item.value is None else say(f.percent(item.value)),
                f.decimal(item.weight, 2),
                f.decimal(item.points, 1),
                say(item.evidence),
            )
            for item in score.contributions
        ],
        numeric=(1, 2, 3),
    )


def _score(w: WordWriter, value: float | None) -> str:
    return w.label("report.document.not_assessed") if value is None else w.f.number(value)


def _benchmark_value(w: WordWriter, row: Any) -> str:
    f = w.f
    if row.unit == "%":
        return w.say(f.percent_points(row.value, 3))
    unit = f" {w.say(f.unit(row.unit))}" if row.unit else ""
    return f.decimal(row.value, 3) + unit


SECTIONS: dict[str, Callable[[WordWriter], None]] = {
    "summary": summary,
    "context": context,
    "scorecard": scorecard,
    "benchmark": benchmark,
    "strategy": strategy,
    "findings": findings,
    "roadmap": roadmap,
    "methodology": methodology,
    "set-aside": set_aside,
}
"""The writer of each section of :data:`~auditkit.report.render.SECTIONS` after the cover."""
