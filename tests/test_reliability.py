"""Hostile input never crashes check(): any str gives a Report whose spans quote the text exactly.

Also: bad types and sizes give clear errors, evasion tricks are folded for detection while spans
stay on the original characters, and a batch with corrupt rows and a failing checker completes.
"""

from __future__ import annotations

import json
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialrisk import Pipeline
from socialrisk.checkers import base
from socialrisk.checkers.base import Checker, register
from socialrisk.config import Config
from socialrisk.errors import InputError, InputTooLarge, InputTypeError
from socialrisk.models import Category, PostError, Report

# Characters that break naive text handling: lone surrogates, NUL and controls, RTL/LTR marks and
# overrides, zero-width characters, combining marks, emoji with modifiers, CJK, Cyrillic look-alikes.
HOSTILE = (
    "\ud800\udfff\x00\x01\x1b\x7f\u202e\u202d\u200f\u200e\u200b\u200c\u200d\u2060\ufeff\u00ad"
    "\u0301\u0308\u20dd\U0001F600\U0001F3FD\u2764\ufe0f\U0001F1F3\U0001F1F1\u4e2d\u0430\u043e\u0440"
    "\t\n\r \u00a0\u3000€%@#:/.,'\"„“”!?*0123456789"
)
WORDS = ["de", "minister", "kut", "fuck", "BSN", "111222333", "06-12345678", "jan@example.nl",
         "liegt", "crimineel", "100%", "https://x.nl", "@user", "#tag", "NU", "STEMMEN", "the", "is"]
texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(HOSTILE), max_size=300),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(alphabet=st.sampled_from(HOSTILE), max_size=3)),
             max_size=60).map(" ".join),
)


def _stable(report: Report) -> dict:
    data = report.model_dump()
    data.pop("timings_ms")
    return data


def _assert_sound(report: Report, text: str) -> None:
    # The core's Span allows start == end (a zero-width position, e.g. "missing label here").
    for f in [*report.findings, *report.suppressed]:
        for sp in (f.span, *f.related):
            assert 0 <= sp.start <= sp.end <= len(text), f.rule_id
            assert text[sp.start: sp.end] == sp.excerpt, f.rule_id
    json.loads(report.model_dump_json())  # JSON output works for every str, lone surrogates included


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_str_gives_a_sound_deterministic_report(pipeline, text):
    if not text.strip():
        with pytest.raises(InputError, match="empty"):
            pipeline.check(text)
        return
    report = pipeline.check(text)
    _assert_sound(report, text)
    assert _stable(pipeline.check(text)) == _stable(report)


@pytest.mark.parametrize(
    "text",
    [
        "\U0001F600" * 100_000,  # 100k characters of one emoji
        "\x00" * 5000 + "kut",
        "\u202eDe minister liegt\u202c over 111222333",
        "e\u0301" * 20_000,  # combining sequences
        "\u200b".join("kutzooi") * 2000,
        "\ud800" * 1000 + " kut " + "\udc00" * 1000,
        "1" * 99_999,
        "„" * 99_999,
        ("Lorem 123 ipsum, dolor @user #tag https://x.nl/a?b=1 é ж \U0001F600\n" * 1500)[:99_999],
        "\U0001F468\u200d\U0001F469\u200d\U0001F467" * 14_000,  # ZWJ family emoji: invisible characters
        "\U0001F1F3\U0001F1F1" * 49_999,  # flags: a run of regional indicators
        "\u2764\ufe0f " * 30_000,  # hearts with a variation selector, each one an emoji between spaces
    ],
    ids=["emoji-100k", "nul", "rtl-override", "combining", "zero-width", "surrogates", "digits-100k",
         "quotes-100k", "mixed-100k", "zwj-family", "flags-100k", "hearts"],
)
def test_hostile_posts_give_a_report(pipeline, text):
    report = pipeline.check(text)
    _assert_sound(report, text)
    assert report.text_length == len(text)
    assert not report.failed


def test_a_lone_surrogate_does_not_switch_off_the_privacy_checker(pipeline):
    # the cleaned copy Presidio reads (zero-width characters removed) is parsed like the post itself
    report = pipeline.check("\ud83d\u200b Mijn BSN is 111222333", lang="nl")
    assert not report.failed
    assert report.decision.value == "no_go"
    assert "PRIV-BSN" in {f.rule_id for f in report.findings}


# --------------------------------------------------------------------------- bad types and sizes

@pytest.mark.parametrize("value", [None, 42, 4.2, ["a list"], object()])
def test_non_text_is_a_type_error(pipeline, value):
    with pytest.raises(TypeError, match="expected str") as err:
        pipeline.check(value)
    assert isinstance(err.value, InputTypeError)


@pytest.mark.parametrize("value", [b"bytes", bytearray(b"bytes"), {"text": b"bytes"}])
def test_bytes_say_decode_first(pipeline, value):
    with pytest.raises(InputTypeError, match="decode"):
        pipeline.check(value)


def test_over_max_chars_is_refused_quickly():
    pipe = Pipeline(Config(max_chars=1000), checkers=["tone"])
    with pytest.raises(InputTooLarge) as err:
        pipe.check("a" * 1001)
    assert err.value.length == 1001 and err.value.limit == 1000 and "max_chars" in str(err.value)
    assert pipe.check("a " * 500).text_length == 1000  # exactly at the limit is fine


def test_default_limit_is_100k(pipeline):
    with pytest.raises(InputTooLarge):
        pipeline.check("x" * 100_001)


# --------------------------------------------------------------------------- evasion

@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Wat een kut plan van de wethouder.", "kut"),
        ("Wat een k\u200bu\u200bt plan van de wethouder.", "k\u200bu\u200bt"),  # zero-width
        ("Wat een k u t plan van de wethouder.", "k u t"),  # spaced out
        ("Wat een kutz\u043e\u043ei bij de gemeente.", "kutz\u043e\u043ei"),  # Cyrillic o's
        ("Dit is een kutz00i bij de gemeente.", "kutz00i"),  # leetspeak
        ("Wat een k*tzooi bij de gemeente.", "k*tzooi"),  # masked
        ("This is a f*cking disgrace.", "f*cking"),
        ("This is a fuck1ng disgrace.", "fuck1ng"),
        ("This is a FUCKING disgrace.", "FUCKING"),
    ],
)
def test_evasion_is_folded_and_spans_point_at_the_original(pipeline, text, excerpt):
    report = pipeline.check(text)
    hits = [f for f in report.findings if f.rule_id == "TONE-PROFANITY"]
    assert [f.span.excerpt for f in hits] == [excerpt]
    start = text.index(excerpt)
    assert (hits[0].span.start, hits[0].span.end) == (start, start + len(excerpt))


def test_near_miss_is_not_folded_into_a_hit(pipeline):
    assert not [f for f in pipeline.check("Wat een kunst plan van de wethouder.").findings if f.rule_id == "TONE-PROFANITY"]


# --------------------------------------------------------------------------- batch faults

class _Explodes(Checker):
    """Raises on posts that contain the trigger word, to prove one checker cannot sink a batch."""

    categories: ClassVar = frozenset({Category.STYLE})

    def check(self, analysis, policy):
        if "ontplof" in analysis.text:
            raise RuntimeError("boom")
        return []


@pytest.fixture()
def explodes_checker():
    """Registered only for the test that asks: default pipelines elsewhere must not pick it up."""
    register("tests.explodes")(_Explodes)
    yield "tests.explodes"
    base._REGISTRY.pop("tests.explodes", None)


def _batch(n: int) -> tuple[list, dict[int, str]]:
    posts: list = [{"id": f"p{i}", "text": f"Bericht {i} over de begroting van de gemeente."} for i in range(n)]
    corrupt = {
        17: None,
        123: b"\xff\xfe bytes",
        999: "",
        2024: {"id": "bad-field", "text": "Tekst", "paid": "misschien"},
        4321: {"id": "too-long", "text": "x" * 100_001},
        7777: 12345,
        9998: {"no_text": True},
    }
    for i, v in corrupt.items():
        posts[i] = v
    posts[5000] = {"id": "p5000", "text": "Dit bericht ontplof de checker."}
    return posts, {i: type(v).__name__ for i, v in corrupt.items()}


def test_check_many_of_10000_with_corrupt_rows_completes(explodes_checker):
    pipe = Pipeline(Config(), checkers=[explodes_checker, "tone"])
    posts, corrupt = _batch(10_000)
    results = pipe.check_many(posts)
    assert len(results) == 10_000
    errors = {r.index: r for r in results if isinstance(r, PostError)}
    assert set(errors) == set(corrupt)
    assert errors[123].error == "InputTypeError" and "decode" in errors[123].message
    assert errors[4321].error == "InputTooLarge" and errors[4321].post_id == "too-long"
    assert errors[2024].post_id == "bad-field"
    exploded = results[5000]
    assert isinstance(exploded, Report) and [f.checker for f in exploded.failed] == ["tests.explodes"]
    assert all(not r.failed for i, r in enumerate(results) if isinstance(r, Report) and i != 5000)
    assert [r.post_id for r in results[:3]] == ["p0", "p1", "p2"]  # input order kept


def test_audit_of_10000_with_corrupt_rows_completes(tmp_path, explodes_checker):
    pytest.importorskip("pandas")
    from socialrisk.audit import audit

    pipe = Pipeline(Config(), checkers=[explodes_checker, "tone"])
    posts, corrupt = _batch(10_000)
    rows = [p if isinstance(p, dict) and "text" in p and isinstance(p["text"], str) else {"id": f"c{i}", "text": p}
            for i, p in enumerate(posts)]
    result = audit(rows, id="id", pipeline=pipe, progress=False, cache=tmp_path / "cache")
    frame = result.posts
    assert len(frame) == 10_000
    assert frame["id"].is_unique
    errored = set(frame.loc[frame["error"].notna() & (frame["error"] != ""), "id"])
    assert {"c17", "c123", "c7777", "too-long"} <= errored  # audit reads only the named columns
    assert "p5000" not in errored  # a failing checker is recorded in the report, not as a lost post


def test_a_post_scheduled_at_the_end_of_time_keeps_its_relative_date_note(pipeline):
    report = pipeline.check({"text": "Morgen stemt de raad.", "scheduled": "9999-12-31"}, lang="nl")
    assert not report.failed
    assert "AMBIG-RELATIVE-DATE" in {f.rule_id for f in report.findings}


def test_thousands_of_wordless_sentences_give_a_report(pipeline):
    report = pipeline.check("<!-- " * 19_000, lang="en")
    assert not report.failed
