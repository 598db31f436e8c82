"""Long posts: the legal checker's work grows with the post, not with its square or cube.

A 100 kB sentence of "de wethouder is een fraudeur en ..." did not finish in 5 minutes (every hit looked at
every target, and every cue, of its whole sentence). These tests time nothing: they count the work (the
cues and targets the checker's look-ups hand back, via monkeypatch) on one post and on one four times as
long, and check that a repeated sentence gives as many findings as it is repeated.
"""

from __future__ import annotations

from collections import Counter

import pytest

from socialrisk.checkers import _target, legal
from socialrisk.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(checkers=["legal"])


SHAPES = {
    "nl_accusation": "de wethouder is een fraudeur en ",
    "en_accusation": "the minister is a liar and ",
    "en_crime": "the mayor is a fraudster and a thief and he stole the money and ",
    "nl_insult": "Minister Faber is dom, wethouder Jan is een klootzak en ",
    "nl_threat": "ik maak je af en we weten waar je woont en pas maar op en ",
    "en_threat": "I will kill you and we know where you live, watch your step, ",
    "nl_group": "moslims zijn ongedierte en joden en homo's en migranten ",
    "en_group": "muslims are vermin and jews and gays and immigrants are ",
    "en_anaphora": "muslims live here, they are parasites and they must go, ",
    "handles": "@jansen @piet @klaas is een idioot en ",
    "hedged": "volgens ingewijden is de minister mogelijk corrupt en niet een dief maar ",
    "titles": "Minister liegt en Wethouder B. is een fraudeur, @piet ",
    "frames": "send them all back the muslims go back where you came from immigrants ",
    "imperative": "Kill all the Tories, hang the traitors, burn down the town hall ",
}


def _counting(monkeypatch) -> Counter:
    """Count what the look-ups hand back: a look-up over a whole long sentence hands back all of it."""
    work: Counter = Counter()

    def wrap(module, name):
        original = getattr(module, name)

        def counted(*args, **kwargs):
            out = original(*args, **kwargs)
            work[name] += 1 + len(out)
            return out

        monkeypatch.setattr(module, name, counted)

    for name in ("cue_hits", "cues_near", "find_targets"):
        wrap(legal, name)
    wrap(_target, "cue_hits")
    return work


def _run(pipeline, text: str, monkeypatch) -> tuple[int, Counter]:
    with monkeypatch.context() as m:
        work = _counting(m)
        report = pipeline.check(text)
    return sum(work.values()), Counter(f.rule_id for f in report.findings)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_work_grows_with_the_length(pipeline, monkeypatch, shape):
    unit = SHAPES[shape]
    short = (unit * 400)[:3000]  # one sentence, no full stop
    long = (unit * 1600)[:12000]
    w1, f1 = _run(pipeline, short, monkeypatch)
    w4, f4 = _run(pipeline, long, monkeypatch)
    assert sum(f1.values()) > 0
    # linear: about 4 times the work (a quadratic loop gives 16, a cubic one 64)
    assert w4 <= 6 * w1, (shape, w1, w4)
    # and about four times the findings, rule by rule
    for rule in set(f1) | set(f4):
        assert abs(f4[rule] - 4 * f1[rule]) <= 4 + 0.05 * f4[rule], (shape, rule, f1[rule], f4[rule])


@pytest.mark.parametrize(
    "sentence",
    [
        "De wethouder is een fraudeur.",
        "The mayor is an idiot and I will kill him.",
        "Moslims zijn ongedierte.",
        "We weten waar je woont, burgemeester. Pas maar op.",
        "Minister Jansen heeft de kas geplunderd!",
    ],
)
def test_a_repeated_sentence_gives_its_findings_each_time(pipeline, sentence):
    one = Counter(f.rule_id for f in pipeline.check(sentence).findings)
    assert one
    for n in (10, 40):
        many = Counter(f.rule_id for f in pipeline.check(" ".join([sentence] * n)).findings)
        assert many == Counter({rule: n * k for rule, k in one.items()}), (sentence, n, one, many)


def test_a_long_hostile_sentence_is_read_in_full(pipeline):
    """The last of 3 000 accusations in one 100 kB sentence is still found (nothing is cut short)."""
    text = ("de wethouder is een fraudeur en " * 3200)[:100_000]
    report = pipeline.check(text)
    found = [f for f in report.findings if f.rule_id == "LEGAL-ACCUSATION"]
    assert len(found) >= 3000
    assert max(f.span.start for f in found) > 99_000


def test_a_warned_threat_names_its_nearest_companions(pipeline):
    """A post of many veiled threats: each names at most the 8 nearest others, not all of them."""
    text = " ".join(["We weten waar je woont, burgemeester. Pas maar op."] * 50)
    findings = [f for f in pipeline.check(text).findings if f.rule_id == "LEGAL-THREAT-VEILED"]
    assert len(findings) == 50
    assert all(1 <= len(f.related) <= 8 for f in findings)
    small = [f for f in pipeline.check("We weten waar je woont, burgemeester. Pas maar op.").findings
             if f.rule_id == "LEGAL-THREAT-VEILED"]
    assert [(r.start, r.end) for r in small[0].related] == [(38, 49)]  # "Pas maar op"
