import pytest
from pydantic import ValidationError

from socialrisk.models import Category, Decision, Finding, Severity, Span
from socialrisk.policy import AllowList, Policy, decide, risk_score


def _f(sev: str, score: float = 1.0, rule: str = "PRIV-BSN", cat: str = "privacy") -> Finding:
    return Finding(rule_id=rule, checker="x", category=Category(cat), severity=Severity(sev), score=score,
                   span=Span(start=0, end=1, excerpt="a"), message="m")


@pytest.mark.parametrize("sels,ign,rule,cat,expected", [
    (["ALL"], [], "PRIV-BSN", "privacy", True),
    (["ALL"], ["PRIV"], "PRIV-BSN", "privacy", False),
    (["ALL"], ["privacy"], "PRIV-BSN", "privacy", False),
    (["PRIV-BSN"], ["privacy"], "PRIV-BSN", "privacy", True),   # more specific select wins
    (["ALL"], ["PRIV-B"], "PRIV-BSN", "privacy", True),         # prefixes stop at hyphens
    (["legal"], [], "PRIV-BSN", "privacy", False),
    (["ALL"], ["PRIV"], "PRIVACY-X", "privacy", True),
])
def test_select_ignore(sels, ign, rule, cat, expected):
    assert Policy(select=sels, ignore=ign).is_enabled(rule, cat) is expected


def test_bad_selector_is_rejected():
    with pytest.raises(ValidationError):
        Policy(ignore=["not a rule"])


def test_severity_override_most_specific_wins():
    p = Policy(severity_overrides={"PRIV": "low", "PRIV-BSN": "medium"})
    assert p.severity_for("PRIV-BSN", "privacy", Severity.BLOCKER) is Severity.MEDIUM
    assert p.severity_for("PRIV-PHONE", "privacy", Severity.HIGH) is Severity.LOW
    assert p.severity_for("TONE-X", "tone", Severity.HIGH) is Severity.HIGH


def test_decision_default_policy():
    p = Policy()
    assert decide([], 0, p) is Decision.GO
    assert decide([_f("blocker")], risk_score([_f("blocker")]), p) is Decision.NO_GO
    assert decide([_f("high")], risk_score([_f("high")]), p) is Decision.REVIEW
    lows = [_f("low")] * 2
    assert decide(lows, risk_score(lows), p) is Decision.GO
    many = [_f("medium")] * 3
    assert risk_score(many) > 50 and decide(many, risk_score(many), p) is Decision.REVIEW


def test_review_at_holds_posts_with_a_medium_finding():
    one = [_f("medium")]
    assert decide(one, risk_score(one), Policy()) is Decision.GO
    assert decide(one, risk_score(one), Policy(review_at="medium")) is Decision.REVIEW
    assert decide([_f("low")], 10, Policy(review_at="medium")) is Decision.GO
    assert decide([_f("low")], 10, Policy(review_at="low")) is Decision.REVIEW
    assert decide([_f("blocker")], 90, Policy(review_at="low")) is Decision.NO_GO


@pytest.mark.parametrize("value", ["info", "blocker", "loud"])
def test_review_at_is_low_medium_or_high(value):
    with pytest.raises(ValidationError, match="review_at"):
        Policy(review_at=value)


def test_review_at_from_a_config_file(tmp_path):
    from socialrisk import Pipeline
    from socialrisk.config import load_config

    (tmp_path / "socialrisk.toml").write_text('[policy]\nreview_at = "medium"\n', encoding="utf-8")
    pipe = Pipeline(load_config(tmp_path / "socialrisk.toml"))
    report = pipe.check("90% van de inwoners is tegen het windpark.", lang="nl")
    assert report.decision is Decision.REVIEW


def test_risk_score_bounds_and_monotonic():
    assert risk_score([]) == 0
    assert risk_score([_f("info")]) == 0
    assert risk_score([_f("blocker")]) == 100
    assert risk_score([_f("medium", 0.5)]) < risk_score([_f("medium", 1.0)]) < risk_score([_f("high", 1.0)])


def test_allow_list():
    a = AllowList(emails=["@partij.nl", "pers@gemeente.nl"], phones=["070 123 4567"], handles=["@OnzePartij"],
                  names=["Jan  de Vries"])
    assert a.allows_email("Info@Partij.nl") and a.allows_email("pers@gemeente.nl")
    assert not a.allows_email("jan@gmail.com")
    assert a.allows_phone("+31 70 1234567") and a.allows_phone("0031701234567")
    assert not a.allows_phone("0612345678")
    assert a.allows_handle("onzepartij") and a.allows_name("jan de vries")


def test_merge_keeps_base_and_overrides():
    base = Policy(ignore=["TONE"], allow={"emails": ["a@b.nl"]})
    merged = base.merged({"review_threshold": 20, "allow": {"phones": ["0101234567"]}})
    assert merged.ignore == ["TONE"] and merged.review_threshold == 20
    assert merged.allow.emails == ["a@b.nl"] and merged.allow.phones == ["0101234567"]


def test_selectors_naming_no_rule_are_listed_with_a_close_match():
    ids = ["PRIV-PHONE", "PRIV-BSN", "LEGAL-ACCUSATION", "ACME-HOUSE-WORD"]
    p = Policy(select=["PRIV-PHONEX", "PRIVX", "PRIV", "ACME-HOUSE", "privacy", "ALL"], ignore=["NOPE-RULE"],
               severity_overrides={"LEGAL-ACCUSATON": "info", "LEGAL": "low"})
    assert p.unknown_selectors(ids) == [
        ("select", "PRIV-PHONEX", "PRIV-PHONE"), ("select", "PRIVX", "PRIV"),
        ("ignore", "NOPE-RULE", None), ("severity_overrides", "LEGAL-ACCUSATON", "LEGAL-ACCUSATION"),
    ]
    with pytest.raises(ValueError, match="'PRIV-PHONEX' matches no rule id.*did you mean 'PRIV-PHONE'") as err:
        p.check_selectors(ids)
    assert err.value.key == "select"
    Policy(select=["PRIV", "ACME-HOUSE-WORD"]).check_selectors(ids)  # no error


@pytest.mark.parametrize("body,key,value", [
    ('[policy]\nselect = ["PRIV-PHONEX"]\n', "policy.select", "PRIV-PHONEX"),
    ('[policy]\nselect = ["PRIVX"]\n', "policy.select", "PRIVX"),
    ('[policy]\nignore = ["LEGAL-ACCUSATIONS"]\n', "policy.ignore", "LEGAL-ACCUSATIONS"),
    ('[policy]\nseverity_overrides = {"LEGAL-ACCUSATON" = "info"}\n', "policy.severity_overrides", "LEGAL-ACCUSATON"),
])
def test_a_typo_in_a_config_selector_is_an_error_not_every_rule_off(tmp_path, body, key, value):
    from socialrisk import Pipeline
    from socialrisk.errors import ConfigError

    cfg = tmp_path / "socialrisk.toml"
    cfg.write_text(body)
    with pytest.raises(ConfigError) as err:
        Pipeline(cfg)
    assert err.value.path == str(cfg) and err.value.key == key and repr(value) in str(err.value)


def test_a_typo_in_a_per_call_policy_is_an_error_and_user_pack_ids_count(tmp_path):
    from socialrisk import Pipeline
    from socialrisk.config import Config
    from socialrisk.errors import ConfigError

    pipe = Pipeline(Config(), checkers=["tone"])
    with pytest.raises(ConfigError, match="policy.select: 'TONEX' matches no rule"):
        pipe.check("Kom naar de markt.", policy={"select": ["TONEX"]})
    with pytest.raises(ConfigError, match="policy.ignore"):
        pipe.check("Kom naar de markt.", policy=Policy(ignore=["TONE-ALLCAPSS"]))
    pack = tmp_path / "house.yaml"
    pack.write_text("- id: HOUSE-WORD\n  checker: style\n  category: style\n  severity: low\n  what: w\n  why: y\n"
                    "  message: m\n  match: {terms: {all: [spruitjes]}}\n  examples: {trigger: [spruitjes], clean: [kool]}\n")
    Pipeline(Config(rule_packs=[str(pack)], policy=Policy(ignore=["HOUSE"])), checkers=["tone"])  # an id the pack adds


@pytest.mark.parametrize("key", ["review_threshold", "no_go_threshold"])
def test_a_threshold_that_is_not_a_number_is_named(key):
    with pytest.raises(ValidationError, match="finite number"):
        Policy(**{key: float("nan")})
