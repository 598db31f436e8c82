"""The Pipeline end to end, with small plugin checkers defined here."""

from __future__ import annotations

import json

import pytest

from socialrisk import Decision, Pipeline, Post, PostError, Report, Severity
from socialrisk.checkers import base
from socialrisk.checkers._match import rule_lexicon
from socialrisk.config import Config
from socialrisk.errors import InputError, InputTooLarge, InputTypeError, UnknownCheckerError
from socialrisk.pipeline import ALLOWED_SUGGESTION
from conftest import assert_spans

PACK = """
- id: ACME-WORD
  checker: acme.words
  category: style
  severity: high
  match: {terms: {nl: [spruitjes], en: [sprouts]}}
  what: A word the house style avoids.
  why: Testing.
  message: Avoided word.
  suggestion: Use another word.
  examples: {trigger: [Wij houden van spruitjes.], clean: [Wij houden van kool.]}
- id: ACME-BOOM
  checker: acme.boom
  category: style
  severity: blocker
  what: Always fails.
  why: Testing failure isolation.
  message: never shown
  examples: {trigger: [x], clean: [y]}
"""


@pytest.fixture()
def plugins(tmp_path):
    @base.register("acme.words")
    class Words(base.Checker):
        categories = frozenset()

        def check(self, analysis, policy):
            return [self.finding(r, analysis, h.start, h.end, score=0.9)
                    for r in self.rules_for(analysis.lang) for h in rule_lexicon(r, analysis.lang).finditer(analysis)]

    @base.register("acme.boom")
    class Boom(base.Checker):
        categories = frozenset()

        def check(self, analysis, policy):
            if "SKIP" in analysis.text:
                raise base.SkipCheck("nothing to do here")
            raise RuntimeError("secret post text must not leak")

    pack = tmp_path / "acme.yaml"
    pack.write_text(PACK)
    yield Pipeline(Config(), checkers=["acme.words", "acme.boom"], rule_packs=[pack])
    base._REGISTRY.pop("acme.words", None)
    base._REGISTRY.pop("acme.boom", None)


def test_plugin_finding_and_failure_isolation(plugins):
    text = "Wij houden van SPRUITJES en van stamppot."
    r = plugins.check(text)
    assert [f.rule_id for f in r.findings] == ["ACME-WORD"]
    assert r.findings[0].span.excerpt == "SPRUITJES"
    assert_spans(r, text)
    assert r.decision is Decision.REVIEW  # high
    assert [(x.checker, x.error) for x in r.failed] == [("acme.boom", "RuntimeError")]
    assert "secret" not in r.model_dump_json()
    assert {"analysis", "acme.words", "acme.boom", "total"} <= set(r.timings_ms)


def test_a_failed_checker_turns_go_into_review(plugins):
    """Nobody vouched for the whole post: a report with a failed checker is never a plain go."""
    r = plugins.check("Wij houden van kool en van stamppot.")
    assert r.findings == [] and [x.checker for x in r.failed] == ["acme.boom"]
    assert r.decision is Decision.REVIEW


def test_skip_is_visible(plugins):
    r = plugins.check("SKIP this one, it has enough English words in it.")
    assert [(s.checker, s.reason) for s in r.skipped] == [("acme.boom", "nothing to do here")]


def test_policy_ignore_and_override(plugins):
    text = "SKIP: wij houden van spruitjes."  # SKIP: acme.boom steps aside, so nothing failed
    r = plugins.check(text, policy={"ignore": ["ACME-WORD"]})
    assert not r.findings and [f.rule_id for f in r.suppressed] == ["ACME-WORD"]
    assert r.decision is Decision.GO
    r = plugins.check(text, policy={"severity_overrides": {"ACME": "low"}})
    assert r.findings[0].severity is Severity.LOW and r.decision is Decision.GO
    r = plugins.check(text, ignore=["ACME"])  # per-post ignore (front matter)
    assert not r.findings
    r = plugins.check(text, policy={"allow": {"terms": ["Spruitjes"]}})
    assert not r.findings and r.suppressed


def test_report_json_round_trip_and_versions(plugins):
    r = plugins.check("Wij houden van spruitjes.", id="p1", platform="x")
    data = json.loads(r.model_dump_json())
    assert Report.model_validate(data) == r
    assert data["post_id"] == "p1" and data["platform"] == "x"
    assert data["versions"]["socialrisk"] and data["versions"]["rules"]
    assert r.findings[0].fingerprint and len(r.findings[0].fingerprint) == 16


def test_deterministic(plugins):
    a = plugins.check("Wij houden van spruitjes.").model_dump(exclude={"timings_ms"})
    b = plugins.check("Wij houden van spruitjes.").model_dump(exclude={"timings_ms"})
    assert a == b


@pytest.mark.parametrize("bad,exc,msg", [
    (None, InputTypeError, "expected str or Post, got NoneType"),
    (b"bytes", InputTypeError, "decode"),
    (42, InputTypeError, "got int"),
    ("   \n ", InputError, "empty"),
])
def test_bad_input(pipeline, bad, exc, msg):
    with pytest.raises(exc, match=msg):
        pipeline.check(bad)


def test_type_errors_are_type_errors(pipeline):
    with pytest.raises(TypeError):
        pipeline.check(None)


def test_too_large():
    p = Pipeline(Config(max_chars=50), checkers=[])
    with pytest.raises(InputTooLarge, match="over the limit of 50"):
        p.check("a" * 51)


def test_bad_lang(pipeline):
    with pytest.raises(InputError, match="lang"):
        pipeline.check("Hallo", lang="de")


@pytest.mark.parametrize("tag,lang", [("nl-NL", "nl"), ("NL", "nl"), ("nl_BE", "nl"), ("en-GB", "en"), ("EN", "en")])
def test_lang_tags_are_read_by_their_primary_subtag(pipeline, tag, lang):
    r = pipeline.check("Kom zaterdag naar de markt!", lang=tag)
    assert (r.language, r.language_source) == (lang, "given")
    assert Post(text="x", lang=tag).lang == lang  # front matter and records: the same
    assert pipeline.check({"text": "Kom zaterdag naar de markt!", "lang": tag}).language == lang


def test_another_language_is_refused_and_says_what_is_supported(pipeline):
    with pytest.raises(InputError) as exc:
        pipeline.check("Venez samedi au marché !", lang="fr")
    assert str(exc.value) == "lang 'fr' is not supported: socialrisk checks nl and en (pass lang=None to detect)"
    with pytest.raises(InputError, match=r"^post 4: invalid field lang: lang 'de-DE' is not supported: .* to detect\)$"):
        pipeline.check({"text": "Hallo", "id": 4, "lang": "de-DE"})
    with pytest.raises(InputError, match="not a language tag") as exc:
        pipeline.check("Hallo", lang="bel 06 12345678")
    assert "0612" not in str(exc.value) and "06 1" not in str(exc.value)  # never echo what may be post text


def test_min_severity_suppresses_visibly(plugins):
    """Nothing is dropped silently: below min_severity is suppressed (by policy, with the reason)."""
    r = plugins.check("SKIP: wij houden van spruitjes.", policy={"min_severity": "blocker"})
    assert r.findings == [] and r.decision is Decision.GO
    assert [(f.rule_id, f.details["suppressed_by"], f.details["suppressed_reason"]) for f in r.suppressed] == [
        ("ACME-WORD", "policy", "min_severity")]
    r = plugins.check("SKIP: wij houden van spruitjes.", policy={"ignore": ["ACME-WORD"], "min_severity": "blocker"})
    assert [f.details["suppressed_reason"] for f in r.suppressed] == ["select/ignore"]


def test_allow_listed_findings_do_not_say_remove(pipeline):
    allow = {"phones": ["070 123 4567"], "names": ["Jesse Klaver"]}
    r = pipeline.check("Jesse Klaver: bel ons op 070 123 4567.", lang="nl", policy={"allow": allow})
    allowed = [f for f in r.findings if f.details.get("allowed")]
    assert {f.rule_id for f in allowed} == {"PRIV-PHONE", "PRIV-PERSON"}
    assert {f.suggestion for f in allowed} == {ALLOWED_SUGGESTION} and all(f.replacement is None for f in allowed)


def test_an_allowed_term_is_suppressed_with_the_allowed_suggestion(plugins):
    r = plugins.check("SKIP: wij houden van spruitjes.", policy={"allow": {"terms": ["Spruitjes"]}})
    assert [(f.suggestion, f.details["suppressed_reason"]) for f in r.suppressed] == [(ALLOWED_SUGGESTION, "allow.terms")]


def test_unknown_checker():
    with pytest.raises(UnknownCheckerError, match="available"):
        Pipeline(Config(), checkers=["nosuch"])


def test_check_many_keeps_order_and_isolates_bad_posts(plugins):
    posts = ["Wij houden van spruitjes.", None, {"id": 7, "text": ""}, "Gewoon een zin.", {"id": "b", "text": b"x"}]
    out = plugins.check_many(posts)
    assert isinstance(out[0], Report) and isinstance(out[3], Report)
    assert isinstance(out[1], PostError) and out[1].index == 1 and out[1].error == "InputTypeError"
    assert isinstance(out[2], PostError) and out[2].post_id == "7" and "empty" in out[2].message
    assert isinstance(out[4], PostError) and out[4].post_id == "b"


def test_check_many_two_processes_same_as_one(pipeline):
    posts = [f"Bericht nummer {i}: kom naar de markt op zaterdag." for i in range(12)] + [None]
    one = pipeline.check_many(posts)
    two = pipeline.check_many(posts, n_process=2, chunksize=3)
    strip = lambda r: r.model_dump(exclude={"timings_ms"})  # noqa: E731
    assert [strip(r) for r in one] == [strip(r) for r in two]


def test_post_fields_and_front_matter_extras(pipeline):
    r = pipeline.check({"text": "Kom zaterdag naar de markt!", "id": 3, "platform": "x", "campaign": "2026"})
    assert r.post_id == "3" and r.platform == "x"


def test_two_processes_keep_user_rule_packs(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "- id: STYLE-HOUSE-SPROUTS\n  checker: style\n  category: style\n  severity: low\n"
        "  match: {terms: {nl: [spruitjes]}}\n"
        "  what: w\n  why: y\n  message: m\n  examples: {trigger: [Wij eten spruitjes.], clean: [Wij eten kool.]}\n"
    )
    p = Pipeline(Config(), checkers=["style"], rule_packs=[pack])
    posts = [f"Wij eten spruitjes op dag {i}." for i in range(7)]
    got = p.check_many(posts, n_process=2, chunksize=2)
    assert all("STYLE-HOUSE-SPROUTS" in {f.rule_id for f in r.findings} for r in got)


@pytest.mark.parametrize("meta", ["x", [1, 2], 3])
def test_a_meta_that_is_not_a_mapping_is_an_input_error(pipeline, meta):
    with pytest.raises(InputError, match="invalid field meta: must be a mapping"):
        pipeline.check({"text": "Hoi daar", "meta": meta, "foo": 1})
    [err] = pipeline.check_many([{"text": "Hoi daar", "meta": meta, "foo": 1, "id": "p1"}])
    assert isinstance(err, PostError) and err.error == "InputError" and "meta" in err.message


def test_check_many_in_processes_checks_a_post_that_cannot_be_pickled_here(pipeline):
    import threading

    posts = ["Hoi daar", {"text": "Hoi allemaal", "foo": threading.Lock()}, "Nog een post"]
    got = pipeline.check_many(posts, n_process=2)
    assert [type(r).__name__ for r in got] == ["Report", "Report", "Report"]
    assert [r.model_dump(exclude={"timings_ms"}) for r in got] == [
        r.model_dump(exclude={"timings_ms"}) for r in pipeline.check_many(posts)]


@pytest.mark.parametrize("policy, message", [
    ("x", "policy: must be a Policy or a mapping of policy fields, not str"),
    ({"ignore": "READ"}, "policy.ignore: Input should be a valid list"),
    ({"bogus": 1}, "policy.bogus: Extra inputs are not permitted"),
    ({"allow": "x"}, "policy.allow: Input should be a valid dictionary"),
])
def test_a_bad_policy_argument_is_a_config_error_naming_the_key(pipeline, policy, message):
    from socialrisk.errors import ConfigError

    with pytest.raises(ConfigError) as exc:
        pipeline.check("Hoi daar", policy=policy)
    assert str(exc.value).startswith(message)
    with pytest.raises(ConfigError):  # once for the call, not a PostError per post
        pipeline.check_many(["Hoi daar", "Nog een"], policy=policy)


@pytest.mark.parametrize("call, message", [
    (lambda p: p.check("Hoi daar", platfrom="x"), "check() got an unexpected keyword argument 'platfrom'; did you mean 'platform'?"),
    (lambda p: p.check_many(["Hoi daar"], processes=2), "check_many() got an unexpected keyword argument 'processes'; did you mean 'n_process'?"),
    (lambda p: p.check("Hoi daar", n_process=2), "check() got an unexpected keyword argument 'n_process'; check() checks one post: use check_many(..., n_process=...)"),
    (lambda p: p.check_many(["Hoi daar"], sponser="x"), "check_many() got an unexpected keyword argument 'sponser'; did you mean 'sponsor'?"),
])
def test_unknown_keyword_arguments_are_a_type_error_with_a_close_match(pipeline, call, message):
    with pytest.raises(TypeError) as exc:
        call(pipeline)
    assert str(exc.value) == message


@pytest.mark.parametrize("posts, kw, error, words", [
    ("Hoi daar", {}, InputTypeError, "not one str; check one post with check()"),
    (b"Hoi daar", {}, InputTypeError, "not one bytes"),
    ({"text": "Hoi daar"}, {}, InputTypeError, "not one dict"),
    (None, {}, InputTypeError, "not NoneType"),
    (["Hoi"], {"n_process": "2"}, "ConfigError", "n_process must be a whole number of at least 1, not '2'"),
    (["Hoi"], {"n_process": True}, "ConfigError", "n_process must be"),
    (["Hoi"], {"n_process": 2, "chunksize": 0}, "ConfigError", "chunksize must be a whole number of at least 1, not 0"),
])
def test_check_many_arguments_are_validated(pipeline, posts, kw, error, words):
    from socialrisk.errors import ConfigError

    with pytest.raises(ConfigError if error == "ConfigError" else error) as exc:
        pipeline.check_many(posts, **kw)
    assert words in str(exc.value)


def test_an_unknown_validator_is_a_rule_pack_error(tmp_path):
    from socialrisk.errors import RulePackError

    pack = tmp_path / "house.yaml"
    pack.write_text(
        "- id: STYLE-HOUSE-X\n  checker: style\n  category: style\n  severity: low\n"
        "  match: {validator: elfproof, patterns: [{name: p, regex: 'x\\d+'}]}\n"
        "  what: w\n  why: y\n  message: m\n  examples: {trigger: [x1], clean: [y]}\n"
    )
    with pytest.raises(RulePackError, match=r"rule STYLE-HOUSE-X, field match\.validator: unknown validator 'elfproof' \(available: .*elfproef"):
        Pipeline(Config(), checkers=["style"], rule_packs=[pack])


def test_other_keyword_arguments_are_still_metadata(pipeline):
    assert pipeline.check("Hoi daar", election="Gemeenteraad 2026").decision.value == "go"
    assert isinstance(pipeline.check_many(["Hoi daar"], campaign="x")[0], Report)


def test_check_many_in_processes_survives_workers_that_cannot_start(pipeline, monkeypatch):
    from socialrisk import pipeline as pipeline_mod

    def broken(payload):  # e.g. a user rule pack removed after the Pipeline was built
        raise FileNotFoundError("pack")

    monkeypatch.setattr(pipeline_mod, "_init_worker", broken)
    got = pipeline.check_many(["Hoi daar", "Nog een post", "En nog een"], n_process=2)
    assert [type(r).__name__ for r in got] == ["Report", "Report", "Report"]


def test_check_many_of_a_dataframe_says_which_column_to_pass(pipeline):
    pd = pytest.importorskip("pandas")
    with pytest.raises(InputTypeError, match=r"not a DataFrame \(its column names\); pass df\['text'\]"):
        pipeline.check_many(pd.DataFrame({"text": ["Hoi daar"]}))
