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
