"""Suppressions: inline next-line and same-line comments, per-file ignore, unused ones reported."""

from __future__ import annotations

import pytest

from socialrisk.errors import InputError
from socialrisk.formats import parse
from socialrisk.policy import Policy
from socialrisk.suppress import apply, suppressions_of
from socialrisk import cli
from repo_helpers import demo, demo_pipeline  # noqa: F401  (fixtures)


def outcome(pipeline, text, fmt="markdown"):
    source = parse(text, "post.md", fmt=fmt)[0]
    fields = {k: v for k, v in source.fields.items()}
    return apply(source, pipeline.check(fields), Policy())


def ids(findings):
    return [(f.rule_id, f.details.get("suppressed_by")) for f in findings]


def test_next_line_comment_suppresses_only_the_next_non_blank_line(demo_pipeline):
    o = outcome(demo_pipeline, "Intro.\n<!-- socialrisk-ignore ACME-SECRET -->\n\nDe geheimcode.\nNog een geheimcode.\n")
    assert ids(o.report.findings) == [("ACME-SECRET", None)]
    assert o.report.findings[0].span.start == o.source.text.rindex("geheimcode")
    assert ids(o.report.suppressed) == [("ACME-SECRET", "inline")]
    assert o.unused == []


def test_same_line_comment_and_decision_is_recomputed(demo_pipeline):
    o = outcome(demo_pipeline, "De geheimcode is hier. <!-- socialrisk-ignore ACME-SECRET, ACME-WORD -->\n")
    assert o.report.findings == [] and o.report.decision.value == "go" and o.report.score == 0
    assert ids(o.report.suppressed) == [("ACME-SECRET", "inline")]
    # each id of a comment that suppressed nothing is reported, as ruff reports each unused code of a noqa
    assert [(u.kind, u.selectors) for u in o.unused] == [("inline", ("ACME-WORD",))]


@pytest.mark.parametrize("selector", ["", "ACME", "privacy", "ACME-SECRET"])
def test_selectors_bare_prefix_category_id(demo_pipeline, selector):
    o = outcome(demo_pipeline, f"<!-- socialrisk-ignore {selector} -->\nDe geheimcode.\n")
    assert o.report.findings == [] and ids(o.report.suppressed) == [("ACME-SECRET", "inline")]


def test_other_rules_are_not_suppressed(demo_pipeline):
    o = outcome(demo_pipeline, "<!-- socialrisk-ignore ACME-WORD -->\nDe geheimcode.\n")
    assert ids(o.report.findings) == [("ACME-SECRET", None)] and o.report.decision.value == "no_go"
    assert [(u.kind, u.selectors, u.line, u.column) for u in o.unused] == [("inline", ("ACME-WORD",), 1, 1)]
    assert "ACME-WORD suppresses nothing" in o.unused[0].message


def test_front_matter_ignore_suppresses_the_whole_post_and_unused_is_reported(demo_pipeline):
    o = outcome(demo_pipeline, "---\nlang: nl\nignore: [ACME-SECRET, ACME-WORD]\n---\nDe geheimcode.\n\nEn nog een geheimcode.\n")
    assert o.report.findings == [] and ids(o.report.suppressed) == [("ACME-SECRET", "file")] * 2
    o = outcome(demo_pipeline, "---\nlang: nl\nignore: ACME-WORD\n---\nDe geheimcode.\n")
    assert [(u.kind, u.line, u.column) for u in o.unused] == [("file", 3, 1)]


def test_directive_in_a_code_block_or_a_text_file_is_not_a_suppression(demo_pipeline):
    o = outcome(demo_pipeline, "```\n<!-- socialrisk-ignore -->\n```\nDe geheimcode.\n")
    assert ids(o.report.findings) == [("ACME-SECRET", None)] and o.unused == []
    o = outcome(demo_pipeline, "<!-- socialrisk-ignore -->\nDe geheimcode.\n", fmt="text")
    assert ids(o.report.findings) == [("ACME-SECRET", None)]


def test_bad_selector_is_an_input_error():
    with pytest.raises(InputError, match="post.md:2: bad suppression"):
        suppressions_of(parse("Tekst\n<!-- socialrisk-ignore acme-secret! -->\nMeer\n", "post.md", fmt="markdown")[0])


def test_cli_counts_and_lists_suppressed(demo, capsys):
    (demo / "a.md").write_text("<!-- socialrisk-ignore ACME-SECRET -->\nDe geheimcode.\n<!-- socialrisk-ignore ACME-WORD -->\nSchoon.\n", "utf-8")
    assert cli.main(["check", "a.md"]) == 0
    out = capsys.readouterr().out
    assert "a.md: GO" in out and "1 suppressed; --show-suppressed lists them" in out
    assert "a.md:3:1: unused suppression (inline): ACME-WORD suppresses nothing here" in out
    cli.main(["check", "--show-suppressed", "a.md"])
    assert "[suppressed by inline] a.md:2:4: blocker ACME-SECRET" in capsys.readouterr().out


def test_config_ignore_is_listed_as_policy(demo, capsys):
    with (demo / "socialrisk.toml").open("a") as fh:
        fh.write('[policy]\nignore = ["ACME-SECRET"]\n')
    (demo / "a.md").write_text("De geheimcode.\n", "utf-8")
    assert cli.main(["check", "--show-suppressed", "a.md"]) == 0
    assert "[suppressed by policy] a.md:1:4: blocker ACME-SECRET" in capsys.readouterr().out


def test_inline_comment_takes_the_finding_and_a_front_matter_ignore_covering_it_is_used_too(demo_pipeline):
    # as ruff's RUF100: a suppression is used when it would have matched a finding, whichever took it first
    o = outcome(demo_pipeline, "---\nignore: ACME\n---\n<!-- socialrisk-ignore ACME-SECRET -->\nDe geheimcode.\n")
    assert ids(o.report.suppressed) == [("ACME-SECRET", "inline")] and o.unused == []
    both = "---\nignore: [ACME-SECRET]\n---\nDe geheimcode. <!-- socialrisk-ignore ACME-SECRET -->\n"
    assert outcome(demo_pipeline, both).unused == []
    # the other way round too: the inline comment is used although the finding was the file's as well
    o = outcome(demo_pipeline, "---\nignore: [ACME-SECRET]\n---\n<!-- socialrisk-ignore ACME -->\nDe geheimcode.\n")
    assert ids(o.report.suppressed) == [("ACME-SECRET", "inline")] and o.unused == []


def test_a_front_matter_ignore_that_covers_nothing_is_still_unused_next_to_an_inline_one(demo_pipeline):
    text = "---\nignore: [ACME-SECRET, ACME-WORD]\n---\n<!-- socialrisk-ignore ACME-SECRET -->\nDe geheimcode.\n"
    o = outcome(demo_pipeline, text)
    assert [(u.kind, u.selectors, u.line) for u in o.unused] == [("file", ("ACME-WORD",), 2)]
    # an inline comment on another line covers nothing; the front matter still took the finding
    o = outcome(demo_pipeline, "---\nignore: ACME-SECRET\n---\n<!-- socialrisk-ignore ACME-SECRET -->\nSchoon.\n\nDe geheimcode.\n")
    assert ids(o.report.suppressed) == [("ACME-SECRET", "file")]
    assert [(u.kind, u.selectors, u.line) for u in o.unused] == [("inline", ("ACME-SECRET",), 4)]


def test_an_unknown_id_is_named_and_unused_lines_come_in_order(demo_pipeline):
    text = "Eerst. <!-- socialrisk-ignore NOPE-RULE -->\nDe geheimcode. <!-- socialrisk-ignore ACME-SECRET ACME-WORD -->\n"
    source = parse("---\nignore: ACME-WORD\n---\n" + text, "post.md", fmt="markdown")[0]
    o = apply(source, demo_pipeline.check(dict(source.fields)), Policy(), known=demo_pipeline.known_selectors)
    assert [(u.line, u.selectors, u.unknown) for u in o.unused] == [
        (2, ("ACME-WORD",), ()), (4, ("NOPE-RULE",), ("NOPE-RULE",)), (5, ("ACME-WORD",), ()),
    ]
    assert "no such rule id" in o.unused[1].message and "no such rule id" not in o.unused[2].message
