"""Grammar checker: LanguageTool matches -> findings, through language-tool-python.

No LanguageTool can run here (it needs Java and a download), so these tests start a local HTTP server
on 127.0.0.1 that stands in for a real LanguageTool server: it answers ``GET /v2/languages`` and
``POST /v2/check`` with the responses in ``tests/fixtures/languagetool/check.json`` (LanguageTool's
documented JSON, offsets in UTF-16 units), and no matches for any other text.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import assert_spans
from socialrisk import Pipeline
from socialrisk.checkers import grammar
from socialrisk.config import Config
from socialrisk.rules import load_rules

FIXTURE = json.loads((Path(__file__).parents[1] / "fixtures" / "languagetool" / "check.json").read_text("utf-8"))
ANSWERS = {(c["language"], c["text"]): c["response"] for c in FIXTURE["check"]}
GRAM = {"select": ["grammar"], "min_severity": "info"}


class _StandIn(BaseHTTPRequestHandler):
    """Answers like a LanguageTool server's HTTP API, from recorded responses."""

    received: list[dict] = []

    def _send(self, payload) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's naming
        if self.path.startswith("/v2/languages"):
            self._send(FIXTURE["languages"])
        else:
            self.send_error(404)

    def do_POST(self):  # noqa: N802
        if not self.path.startswith("/v2/check"):
            self.send_error(404)
            return
        form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8"))
        params = {k: v[0] for k, v in form.items()}
        type(self).received.append(params)
        empty = {"software": FIXTURE["check"][0]["response"]["software"], "matches": []}
        self._send(ANSWERS.get((params.get("language"), params.get("text")), empty))

    def log_message(self, *args):  # keep test output (and post text) out of stderr
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _StandIn)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def pipe(server):
    return Pipeline(Config(languagetool_url=server), checkers=["grammar"])


def _check(pipe, text, lang, **kw):
    report = pipe.check(text, lang=lang, policy={**GRAM, **kw})
    assert_spans(report, text)
    assert not report.skipped and not report.failed
    return report


@pytest.mark.parametrize(
    "text,lang,rule_id,excerpt,lt_rule",
    [
        ("Wij investeren in beter onderwjis.", "nl", "GRAM-SPELLING", "onderwjis", "MORFOLOGIK_RULE_NL_NL"),
        ("We invest in better educaton.", "en", "GRAM-SPELLING", "educaton", "MORFOLOGIK_RULE_EN_US"),
        ("Kom naar de de informatieavond over het park.", "nl", "GRAM-GRAMMAR", "de de", "WORD_REPEAT_RULE"),
        ("She go to the town hall every week.", "en", "GRAM-GRAMMAR", "go", "HE_VERB_AGR"),
        ("Kom morgen naar het stadhuis ,iedereen is welkom.", "nl", "GRAM-PUNCTUATION", " ,", "COMMA_PARENTHESIS_WHITESPACE"),
        ("Wij gaan samen samenwerken met de buurt.", "nl", "GRAM-STYLE", "samen samenwerken", "NL_REDUNDANCY_SAMEN_SAMENWERKEN"),
        # Emoji before the error: LanguageTool's UTF-16 offsets become Python offsets.
        ("Feest 🎉🎉 in het park, kom allemaal langs met je famillie!", "nl", "GRAM-SPELLING", "famillie", "MORFOLOGIK_RULE_NL_NL"),
        ("Big news 👨‍👩‍👧 for familys in town 🎉", "en", "GRAM-SPELLING", "familys", "MORFOLOGIK_RULE_EN_US"),
        # A category no rule names goes to the fallback rule.
        ("Tell us what you think off the plan.", "en", "GRAM-GRAMMAR", "off", "OFF_OF_ILLUSTRATIVE"),
    ],
)
def test_matches_become_findings(pipe, text, lang, rule_id, excerpt, lt_rule):
    found = _check(pipe, text, lang).findings
    assert [(f.rule_id, f.span.excerpt, f.details["languagetool_rule"]) for f in found] == [(rule_id, excerpt, lt_rule)]


def test_finding_carries_message_and_replacements(pipe):
    (f,) = _check(pipe, "Wij investeren in beter onderwjis.", "nl").findings
    assert f.message == "Mogelijk een spelfout gevonden."
    assert f.replacement == "onderwijs" and f.details["replacements"] == ["onderwijs", "onderwijs-"]
    assert "'onderwijs'" in f.suggestion
    assert f.details["languagetool_category"] == "TYPOS" and f.checker == "grammar"


def test_language_is_sent_per_post(pipe):
    _StandIn.received.clear()
    _check(pipe, "We invest in better educaton.", "en")
    _check(pipe, "Wij investeren in beter onderwjis.", "nl")
    assert [r["language"] for r in _StandIn.received] == ["en-US", "nl-NL"]


@pytest.mark.parametrize(
    "text,lang,policy",
    [
        ("Lees meer op https://example.nl/onderwjis-plan en kom langs.", "nl", {}),  # inside a link
        ("Wethouder Jansmaa opent vandaag het park.", "nl", {"allow": {"names": ["Jansmaa"]}}),  # allow-listed name
        ("Wij investeren in beter onderwijs.", "nl", {}),  # the server finds nothing
    ],
)
def test_near_misses(pipe, text, lang, policy):
    assert _check(pipe, text, lang, **policy).findings == []


def test_name_is_flagged_without_allow_list(pipe):
    assert [f.span.excerpt for f in _check(pipe, "Wethouder Jansmaa opent vandaag het park.", "nl").findings] == ["Jansmaa"]


@pytest.mark.parametrize(
    "text,start,length,expected",
    [
        ("abc 🎉 def", 4, 2, "🎉"),  # an astral character is two UTF-16 units
        ("x 👨‍👩‍👧 y", 2, 8, "👨‍👩‍👧"),  # three astral characters joined by two ZWJ
        ("é 🎉ab", 2, 3, "🎉a"),
        ("abc", 1, 10, "bc"),  # never past the end
    ],
)
def test_utf16_lengths_become_python_spans(text, start, length, expected):
    a, b = grammar.lt_span(text, start, length)
    assert text[a:b] == expected


def test_rule_examples_against_the_stand_in(pipe):
    """The GRAM-* rules' own examples, which tests/test_rule_examples.py can only see skipped."""
    rules = [r for r in load_rules().rules if r.checker == "grammar"]
    assert {r.id for r in rules} >= {"GRAM-SPELLING", "GRAM-GRAMMAR", "GRAM-PUNCTUATION", "GRAM-STYLE"}
    for rule in rules:
        cases = [(e, True) for e in rule.examples.trigger] + [(e, False) for e in rule.examples.clean]
        cases += [(rule.examples.fixed, False)] if rule.examples.fixed else []
        for ex, fires in cases:
            lang = ex.lang or rule.languages[0]
            fired = [f for f in _check(pipe, ex.text, lang).findings if f.rule_id == rule.id]
            assert bool(fired) is fires, (rule.id, ex.text)


def test_no_server_configured_is_skipped_with_reason(pipeline):
    report = pipeline.check("Wij investeren in beter onderwjis.", lang="nl")  # default config: no server
    assert ("grammar", grammar.NO_SERVER) in [(s.checker, s.reason) for s in report.skipped]
    assert not [f for f in report.findings if f.checker == "grammar"]
    assert "grammar" not in [f.checker for f in report.failed]


def test_unreachable_server_is_skipped_without_post_text():
    text = "Geheim concept: onderwjis"
    # Port 9 on loopback (discard) has nothing listening here: the connection is refused at once.
    report = Pipeline(Config(languagetool_url="http://user:secret@127.0.0.1:9"), checkers=["grammar"]).check(text, lang="nl")
    (skip,) = report.skipped
    assert skip.checker == "grammar" and "did not answer" in skip.reason and "127.0.0.1:9" in skip.reason
    assert "onderwjis" not in skip.reason and "secret" not in skip.reason
    assert report.failed == []


def test_unsupported_language_is_skipped_with_reason(server):
    pipe = Pipeline(Config(languagetool_url=server, checkers={"grammar": {"languages": {"nl": "fy-NL"}}}), checkers=["grammar"])
    (skip,) = pipe.check("Wij investeren in beter onderwjis.", lang="nl").skipped
    assert skip.reason.endswith("does not support 'fy-NL'")
    # English still works on the same pipeline: an unsupported language does not mark the server as down.
    assert [f.rule_id for f in _check(pipe, "We invest in better educaton.", "en").findings] == ["GRAM-SPELLING"]


def test_public_api_only_when_enabled(monkeypatch):
    import language_tool_python as ltp

    made = []

    def fake_init(self, language=None, remote_server=None, **kw):
        made.append((type(self).__mro__[1], remote_server))
        self._server, self._remote = None, True  # what __del__ reads
        raise ConnectionError("offline in tests")

    monkeypatch.setattr(ltp.LanguageTool, "__init__", fake_init)
    Pipeline(Config(languagetool_public_api=True), checkers=["grammar"]).check("Een test.", lang="nl")
    assert made == [(ltp.LanguageToolPublicAPI, grammar.PUBLIC_API)]


def test_never_downloads_or_starts_languagetool(server, monkeypatch):
    import language_tool_python as ltp

    def forbidden(*args, **kwargs):
        raise AssertionError("language-tool-python tried to start or download LanguageTool")

    monkeypatch.setattr(ltp.LanguageTool, "_start_local_server", forbidden)
    monkeypatch.setattr(ltp.LanguageTool, "_start_server_on_free_port", forbidden)
    pipe = Pipeline(Config(languagetool_url=server + "/v2/"), checkers=["grammar"])  # a URL with /v2 works too
    assert [f.rule_id for f in _check(pipe, "We invest in better educaton.", "en").findings] == ["GRAM-SPELLING"]


def test_settings_are_validated():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        grammar.GrammarSettings.model_validate({"timeout": 3})
    assert grammar.GrammarSettings.model_validate({"timeout_s": 3}).timeout_s == 3


def test_a_server_that_answers_too_slowly_is_skipped_after_timeout_s_in_all(monkeypatch):
    """requests' timeout is per read: a server that drips a byte now and then must not hold a post for minutes."""
    release = threading.Event()

    class Dripping:  # stands in for a client whose answer never completes
        disabled_rules: set = set()
        picky = False

        def check(self, text):
            release.wait()  # until the test ends; the checker must not wait for it
            return []

    monkeypatch.setattr(grammar, "_client", lambda server, language, timeout: Dripping())
    pipe = Pipeline(Config(languagetool_url="http://127.0.0.1:9", checkers={"grammar": {"timeout_s": 0.2}}), checkers=["grammar"])
    try:
        report = pipe.check("Geheim concept: onderwjis", lang="nl")
    finally:
        release.set()
    (skip,) = report.skipped
    assert skip.checker == "grammar" and skip.reason == "LanguageTool server at http://127.0.0.1:9 did not answer within 0.2 s"
    assert report.failed == [] and "onderwjis" not in skip.reason
    # the next post skips at once (retry_after_s), without waiting again
    assert pipe.check("Nog een concept", lang="nl").skipped[0].reason == skip.reason
