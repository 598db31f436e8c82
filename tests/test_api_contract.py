"""The public models' contract at their edges: what a caller, a CSV cell or a JSON export may hand them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import socialrisk
from socialrisk import Post, Report
from socialrisk.errors import InputError

AD = "Stem op ons bij de gemeenteraadsverkiezingen van 18 maart!"


@pytest.mark.parametrize("value", [True, "true", "True", " yes ", "ja", "1", 1])
def test_sponsored_given_as_text_is_paid_as_paid_is(value):
    """Every CSV cell and many JSON exports say "true": a paid political ad must not lose its label check."""
    assert socialrisk.check(AD, paid=True).decision.value == "no_go"
    report = socialrisk.check(AD, sponsored=value)
    assert report.decision.value == "no_go" and any(f.rule_id.startswith("ADV-LABEL") for f in report.findings)


@pytest.mark.parametrize("value", [False, "false", "nee", "no", "0", 0, ""])
def test_sponsored_false_in_any_spelling_is_not_paid(value):
    assert socialrisk.check(AD, sponsored=value).decision.value == "go"


@pytest.mark.parametrize("value", ["campagne-42", 2, 1.5, ["true"]])
def test_a_sponsored_value_that_is_no_yes_or_no_is_an_error_naming_the_field(value):
    with pytest.raises(InputError, match="sponsored must be true or false") as exc:
        socialrisk.check(AD, sponsored=value)
    assert "campagne" not in str(exc.value)


def test_post_never_quotes_the_draft_in_its_validation_errors():
    for fields in ({"text": ["Geheimtekst 06-12345678"]}, {"text": "Geheimtekst", "scheduled": "Geheimtekst"}):
        with pytest.raises(ValidationError) as exc:
            Post(**fields)
        assert "Geheim" not in str(exc.value) and "06-12345678" not in str(exc.value)


def test_post_refuses_bytes_as_check_does():
    with pytest.raises(ValidationError):
        Post(text=b"Kom naar de markt")
    with pytest.raises(socialrisk.SocialRiskError, match="decode"):
        socialrisk.check(b"Kom naar de markt")


def test_a_lone_surrogate_in_an_id_or_platform_survives_json():
    """An id cut mid-emoji comes from JSON exports; the check succeeded, so its JSON must too."""
    report = socialrisk.check("Kom zaterdag naar de markt.", id="ok\ud83d", platform="\ud83d")
    back = Report.model_validate_json(report.model_dump_json())
    assert back.post_id == "ok\ufffd" and back.platform == "\ufffd"
    assert any(f.rule_id == "PLAT-PROFILE-UNKNOWN" for f in back.findings)  # its details name the platform
    [error] = [r for r in socialrisk.check_many([{"text": 5, "id": "\ud800"}])]
    assert '"post_id":"\ufffd"' in error.model_dump_json()


def test_ad_and_political_ad_are_paid_flags_when_they_say_yes_and_metadata_otherwise():
    assert socialrisk.check(AD, political_ad="true").decision.value == "no_go"
    assert socialrisk.check(AD, ad="ja").decision.value == "no_go"
    assert socialrisk.check(AD, ad="Facebook campagne").decision.value == "go"  # a note, not a flag


def test_a_blank_optional_field_is_not_given_as_in_the_cli_and_audit():
    """check_many(df.to_dict("records")) hands over NaN / pd.NA / NaT for every empty cell."""
    pd = pytest.importorskip("pandas")
    blank = {"paid": None, "platform": float("nan"), "scheduled": pd.NaT, "lang": pd.NA, "sponsored": pd.NA}
    assert socialrisk.check({"text": "Kom naar de markt", **blank}).decision.value == "go"
    assert socialrisk.check("Kom naar de markt", sponsored=pd.NA).decision.value == "go"
    results = socialrisk.check_many([{"text": "Kom naar de markt", **blank}, {"text": float("nan")}])
    assert isinstance(results[0], Report) and results[1].error == "InputTypeError"  # the text itself is not optional
