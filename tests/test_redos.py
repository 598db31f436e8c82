"""ReDoS: every pattern socialrisk runs is probed with adversarial inputs; unsafe user packs are refused.

The probe (``socialrisk._redos``) runs a pattern over long runs of the characters it mentions (and
of common classes), each followed by a character that makes the match fail, under the ``regex``
module's timeout. The bound is generous (a safe pattern needs about 1% of it); these tests assert a
pattern finishes at all, not how fast.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import threading
from pathlib import Path

import pytest
import regex

import socialrisk
from socialrisk import Decision, Pipeline, _redos
from socialrisk.checkers import _match
from socialrisk.config import Config
from socialrisk.errors import RulePackError
from socialrisk.rules import load_pack, load_rules

SHIPPED = load_rules()
SHIPPED_PATTERNS = [
    (rule.id, i, spec) for rule in SHIPPED.rules for i, spec in enumerate(rule.match.patterns)
]


def _module_patterns() -> list[tuple[str, str, bool]]:
    """Compiled patterns held at module level anywhere in socialrisk (they run without a timeout)."""
    found: dict[tuple[str, bool], str] = {}
    names = ["socialrisk." + m.name for m in pkgutil.walk_packages(socialrisk.__path__, onerror=lambda _: None)]
    for name in sorted(names):
        try:
            mod = importlib.import_module(name)
        except ImportError:  # an optional extra (pandas, dask) that is not installed
            continue
        for attr, value in vars(mod).items():
            items = value if isinstance(value, (list, tuple)) else [value]
            for item in items:
                pat = item[-1] if isinstance(item, tuple) and item else item
                if isinstance(pat, (regex.Pattern, re.Pattern)):
                    ic = bool(pat.flags & (regex.IGNORECASE if isinstance(pat, regex.Pattern) else re.IGNORECASE))
                    found.setdefault((pat.pattern, ic), f"{name}.{attr}")
    return [(where, src, ic) for (src, ic), where in found.items()]


MODULE_PATTERNS = _module_patterns()


def test_there_is_something_to_probe():
    assert len(SHIPPED_PATTERNS) >= 20
    assert any(where.startswith("socialrisk.analysis.") for where, _, _ in MODULE_PATTERNS)


@pytest.mark.parametrize(("rule_id", "index", "spec"), SHIPPED_PATTERNS, ids=lambda v: v if isinstance(v, str) else None)
def test_shipped_rule_pattern_is_safe(rule_id, index, spec):
    res = _redos.probe(spec.regex, spec.ignore_case)
    assert res.safe, f"{rule_id} match.patterns.{index} ({spec.name}) times out on {res.worst_input}"
    assert res.inputs > 50


@pytest.mark.parametrize(("where", "src", "ignore_case"), MODULE_PATTERNS, ids=[w for w, _, _ in MODULE_PATTERNS])
def test_module_pattern_is_safe(where, src, ignore_case):
    res = _redos.probe(src, ignore_case)
    assert res.safe, f"{where} times out on {res.worst_input}"


@pytest.mark.parametrize(
    "bad",
    [r"(a+)+$", r"(a|aa)+$", r"^(\d+)*$", r"(\w+\s?)+$", r"(x+x+)+y", r"(.*?,){11}P", r"([a-z]+)*[0-9]"],
)
def test_probe_flags_catastrophic_patterns(bad):
    res = _redos.probe(bad, True)
    assert not res.safe
    assert res.worst_input  # says which input hung


@pytest.mark.parametrize(
    "good",
    [r"\b\d{9}\b", r"(?:\+31|0031|0)\s?6[\s-]?\d{8}", r"\b\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+\b", r"\d+\s*%"],
)
def test_probe_passes_linear_patterns(good):
    assert _redos.probe(good, True).safe


def test_inputs_cover_the_characters_a_pattern_repeats():
    texts = [t for _, t in _redos.adversarial_inputs(r"(?:ç+)+\.")]
    assert "ç" * _redos.LONG_RUN + "!" in texts
    assert "." * _redos.LONG_RUN + "!" in texts  # escaped literals count too
    assert any(set(t) == {"1"} for t in texts)  # class stand-ins: digits, letters, spaces...


def _pack(tmp_path: Path, pattern: str) -> Path:
    p = tmp_path / "house.yaml"
    p.write_text(
        f"""
- id: HOUSE-SLOW
  checker: style
  category: style
  severity: low
  match:
    patterns: [{{name: slow, regex: '{pattern}'}}]
  what: Test rule.
  why: Test rule.
  message: Test rule.
  examples: {{trigger: ["aaa"], clean: ["bbb"]}}
""",
        encoding="utf-8",
    )
    return p


def test_user_pack_with_catastrophic_pattern_is_rejected(tmp_path):
    path = _pack(tmp_path, "(a+)+$")
    with pytest.raises(RulePackError) as err:
        load_rules([path])
    e = err.value
    assert e.path == str(path) and e.rule_id == "HOUSE-SLOW" and e.field == "match.patterns.0.regex"
    assert "backtracks catastrophically" in str(e) and str(path) in str(e) and "HOUSE-SLOW" in str(e)


def test_user_pack_in_a_folder_is_probed_too(tmp_path):
    _pack(tmp_path, r"(\w+\s?)+$")
    with pytest.raises(RulePackError, match="HOUSE-SLOW"):
        load_rules([tmp_path])


def test_user_pack_with_safe_pattern_loads(tmp_path):
    path = _pack(tmp_path, r"\bhuisstijl\b")
    rules = load_rules([path])
    assert rules.get("HOUSE-SLOW") is not None


def test_check_rules_reports_every_pattern(tmp_path):
    rules, _ = load_pack(_pack(tmp_path, r"\bok\b"))
    results = _redos.check_rules(rules)
    assert len(results) == 1 and results[0].safe and results[0].worst_ms < _redos.PROBE_TIMEOUT * 1000


def _shipped_terms() -> list[str]:
    terms: set[str] = set()
    for rule in SHIPPED.rules:
        for lang in ("nl", "en"):
            terms.update(rule.match.terms_for(lang))
            terms.update(rule.match.exclude_for(lang))
    return sorted(terms)


def test_word_list_regexes_have_no_nested_repeats():
    # Word lists run without a timeout (_match.Lexicon): each term's regex must stay linear. Apart from
    # the white space between words, a prefix term's word ending and a masked letter, it is literal text.
    from socialrisk.checkers._match import _term_regex

    terms = _shipped_terms()
    assert len(terms) > 500
    for term in terms:
        for masked in (False, True):
            rest = _term_regex(term, masked).replace(r"[\s\-]+", "").replace(r"[\p{L}\p{N}]*", "")
            rest = regex.sub(r"\(\?:(?:\\.|[^\\|()])\|\[\*#\]\)", "", rest)
            assert regex.search(r"(?<!\\)[*+?{}()|\[]", rest) is None, (term, masked, rest)


def test_most_complex_word_list_regexes_pass_the_probe():
    from socialrisk.checkers._match import _B, _E, _term_regex

    hardest = sorted(_shipped_terms(), key=lambda t: (-len(t.split()), -t.endswith("*"), -len(t), t))[:15]
    for term in hardest:
        for masked in (False, True):
            assert _redos.probe(_B + "(?:" + _term_regex(term, masked) + ")" + _E, False).safe, term


# --------------------------------------------------------------------------- the check-time hang guard

_PHONE_POST = "Bel Jan de Vries gerust op 06-12345678, hij woont op de Dorpsstraat 12 in Zwolle."


def test_scan_collects_every_match_at_once():
    got = _match.scan(regex.compile(r"\d+"), "a 12 b 34", "digits")
    assert isinstance(got, list) and [m.group() for m in got] == ["12", "34"]


def test_a_first_time_out_is_retried_with_a_fresh_budget(monkeypatch, caplog):
    # regex measures its timeout in CPU time of the whole process, so a busy neighbour thread or a
    # garbage collection can spend a sane pattern's budget: one time-out alone must not lose a finding.
    monkeypatch.setattr(_match, "REGEX_TIMEOUT", 0.0)  # every first try runs out at once
    got = _match.scan(regex.compile(r"\d+"), "Zwartkanarie 12 b 34", "digits")
    assert [m.group() for m in got] == ["12", "34"]
    assert any("'digits'" in r.getMessage() for r in caplog.records)
    assert not any("Zwartkanarie" in r.getMessage() for r in caplog.records)
    report = Pipeline(Config(), checkers=["privacy"]).check(_PHONE_POST, lang="nl")
    assert not report.failed and any(f.rule_id.startswith("PRIV-") for f in report.findings)


def test_a_pattern_out_of_time_twice_fails_its_checker_visibly(monkeypatch, caplog):
    pipe = Pipeline(Config(), checkers=["privacy"])
    assert pipe.check(_PHONE_POST, lang="nl").findings  # the post does hold personal data
    monkeypatch.setattr(_match, "REGEX_TIMEOUT", 0.0)
    monkeypatch.setattr(_match, "_RETRY_TIMEOUT", 0.0)
    with pytest.raises(_match.PatternTimeout, match="digits"):
        _match.scan(regex.compile(r"\d+"), "a 12", "digits")
    report = pipe.check(_PHONE_POST, lang="nl")
    # Not a silent go: the checker that could not finish is named, and the post goes to review.
    assert [(f.checker, f.error) for f in report.failed] == [("privacy", "PatternTimeout")]
    assert report.findings == [] and report.decision is Decision.REVIEW
    assert not any("Vries" in r.getMessage() or "12345678" in r.getMessage() for r in caplog.records)


def test_a_neighbour_thread_holding_the_gil_does_not_spend_the_budget():
    # The CI failure this guards against: a dask worker thread held the GIL in a long C call while a
    # scan waited for it, and the process CPU time that regex's timeout counts ran out. scan() holds
    # the GIL from the first match to the last, and its retry budget outlasts any one such call.
    rx = regex.compile(r"\b06-\d{8}\b")
    text = "Bel 06-12345678 of mail. " * 200
    stop = threading.Event()

    def neighbour():
        while not stop.is_set():
            sum(range(10**7))  # one C call that keeps the GIL for ~0.1 s

    thread = threading.Thread(target=neighbour)
    thread.start()
    try:
        counts = [len(_match.scan(rx, text, "mobile")) for _ in range(10)]
    finally:
        stop.set()
        thread.join()
    assert counts == [200] * 10
