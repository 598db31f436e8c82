"""Validators behind the privacy recognizers: real identifiers pass, look-alikes and bad checksums fail."""

from __future__ import annotations

import pytest

from socialrisk.checkers import privacy  # noqa: F401 - registers the validators
from socialrisk.checkers._match import VALIDATORS
from socialrisk.checkers.privacy import PrivacyChecker
from socialrisk.rules import Rule

CASES = [
    ("elfproef", "111222333", True),
    ("elfproef", "1112.22.333", True),
    ("elfproef", "123456789", False),
    ("elfproef", "000000000", False),
    ("iban", "NL91 ABNA 0417 1643 00", True),
    ("iban", "nl91abna0417164300", True),
    ("iban", "NL91 ABNA 0417 1643 01", False),
    ("iban", "NL91 ABNA 0417 1643", False),  # too short for NL
    ("bank_account", "NL91 ABNA 0417 1643 00", True),
    ("bank_account", "sort code 20-00-00, account 12345678", True),
    ("bank_account", "account no. 12345678 and sort code 20 00 00", True),
    ("bank_account", "sort code 00-00-00, account 12345678", False),
    ("bank_account", "sort code 20-00-00, account 00000000", False),
    ("bank_account", "sort code 20-00-00", False),  # no account number
    ("national_id", "National Insurance number is AB 12 34 56 C", True),
    ("national_id", "NI number: JG103759A", True),
    ("national_id", "NI number: QQ123456C", False),  # Q is no first letter
    ("national_id", "NI number: AD123456C", False),  # D is no second letter
    ("national_id", "NI number: NK123456C", False),  # an unallocated prefix
    ("luhn", "4111 1111 1111 1111", True),
    ("luhn", "4111 1111 1111 1112", False),
    ("luhn", "0000 0000 0000 0000", False),
    ("phone_number", "06-12345678", True),
    ("phone_number", "+31 (0)20 123 4567", True),
    ("phone_number", "0031 6 1234 5678", True),
    ("phone_number", "+44 20 7946 0958", True),
    ("phone_number", "Phone: 72 128 827", True),
    ("phone_number", "06-1234567", False),  # one digit short
    ("phone_number", "01-02-2024 10 00", False),  # a date and a time
    ("phone_number", "0000000000", False),
    ("email_address", "jan [at] voorbeeld [punt] nl", True),
    ("email_address", "a.b@sub.example.co.uk", True),
    ("email_address", "jan@voorbeeld.notatld", False),
    ("ip_address", "84.241.17.203", True),
    ("ip_address", "1.2.3.4", False),
    ("ip_address", "300.1.1.1", False),
    ("nl_licence_plate", "12-ABC-3", True),
    ("nl_licence_plate", "AB-12-CD", True),
    ("nl_licence_plate", "12-10-08", False),
    ("calendar_date", "12-03-1985", True),
    ("calendar_date", "32-13-1985", False),
    ("minor_age", "9 jaar", True),
    ("minor_age", "45 jaar", False),
    ("secret_token", "wachtwoord: Welkom2024!", True),
    ("secret_token", "wachtwoord: geheim", False),
]


@pytest.mark.parametrize("name,text,ok", CASES)
def test_validator(name, text, ok):
    assert VALIDATORS[name](text) is ok


def _rule(**changes):
    base = {
        "id": "PRIV-TEST", "checker": "privacy", "category": "privacy", "severity": "high",
        "match": {"patterns": [{"name": "x", "regex": "x"}]}, "params": {"kind": "entity", "entity": "X"},
        "what": "w", "why": "w", "message": "m", "examples": {"trigger": ["x"], "clean": ["y"]},
    }
    base.update(changes)
    return Rule.model_validate(base)


@pytest.mark.parametrize("changes,error", [
    ({"params": {"kind": "nonsense"}}, "params.kind"),
    ({"params": {"kind": "entity"}}, "params.entity"),
    ({"params": {"kind": "entity", "entity": "X", "demoted": "huge"}}, "params.demoted"),
    ({"params": {"kind": "entity", "entity": "X", "min_score": 2}}, "params.min_score"),
    ({"match": {"patterns": [{"name": "x", "regex": "x"}], "validator": "nope"}}, "unknown validator"),
    ({"match": {}, "params": {"kind": "lexicon"}}, "match.terms"),
    ({"params": {"kind": "entity", "entity": "X", "pronouns": ["hij"]}}, "params.pronouns"),
    ({"params": {"kind": "entity", "entity": "X", "link": {"nl": ["heeft", ""]}}}, "params.link"),
])
def test_bad_rules_are_refused(changes, error):
    with pytest.raises(ValueError, match=error):
        PrivacyChecker.validate_rule(_rule(**changes))


def test_shipped_name_data_validates():
    from socialrisk.checkers._privacy_engine import name_data

    data = name_data()
    assert {"Jan", "Emma"} <= set(data.first_names.nl) and "James" in data.first_names.en
    assert "van der" in data.particles
    # the generated large list (tools/privacy_first_names.py) comes along, minus ordinary words
    assert len(data.extra_first_names) > 4000 and "Gwendolyn" in data.extra_first_names
    assert not {"Will", "Grant", "Rich"} & set(data.extra_first_names)
    assert {"May", "Summer", "Victoria"} <= set(data.not_first_names)  # left out by the checker
    # the international list (tools/privacy_names_faker.py): Latin-script names, no ordinary words
    assert {"Grzegorz", "Solveig"} <= set(data.extra_first_names) and "Korhonen" in data.extra_surnames
    assert not {"Brown", "White", "Park", "Will"} & set(data.extra_surnames)
    assert all(not any("\u0400" <= ch <= "\u04ff" for ch in w) for w in data.extra_surnames)  # no Cyrillic


def test_faker_name_data_schema():
    from socialrisk.checkers._privacy_engine import FakerNames
    from socialrisk.rules import rules_dir, yaml_load

    raw = yaml_load((rules_dir() / "common" / "_names_faker.yaml").read_text("utf-8"))
    data = FakerNames.model_validate(raw)
    assert data.licence == "MIT" and "nl_NL" in data.locales and "pl_PL" in data.locales
    assert len(data.surnames.split()) == data.count_surnames and len(data.first_names.split()) == data.count_first_names
    with pytest.raises(ValueError):
        FakerNames.model_validate({**raw, "surnames": ["a", "list"]})  # a space-separated string, not a list
    with pytest.raises(ValueError):
        FakerNames.model_validate({**raw, "unknown": 1})


@pytest.mark.parametrize("text,ok", [
    ("Social Security number 536-22-8194", True),
    ("SSN: 536 22 8194", True),
    ("SSN 536-22 8194", False),  # mixed delimiters (Presidio's rule)
    ("SSN 666-22-8194", False),
    ("SSN 536-00-8194", False),
    ("SSN 912-22-8194", False),  # 9xx is never an SSN
    ("PPS 6433435F", True),
    ("PPS number 1234567T", True),
    ("PPS 1234567FA", True),  # the second letter counts with weight 9
    ("PPS 6433435G", False),
    ("TFN 123 456 782", True),
    ("TFN 123 456 789", False),
    ("TFN 111 111 111", False),
    ("536-22-8194", True),  # by shape: an SSN
    ("6433435F", True),  # by shape: a PPS number
    ("123 456 782", False),  # nine digits without a label: no national number of these
])
def test_national_id(text, ok):
    assert VALIDATORS["national_id"](text) is ok
