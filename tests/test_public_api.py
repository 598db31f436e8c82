"""The public surface is deliberate: changing it must change this test."""

import subprocess
import sys

import socialrisk


def test_all_is_pinned():
    assert sorted(socialrisk.__all__) == sorted([
        "check", "check_many", "audit", "Pipeline", "Report", "Post", "Finding", "Span", "Severity",
        "Decision", "Category", "Policy", "Config", "PostError", "SocialRiskError", "__version__",
    ])


def test_every_public_name_resolves():
    for name in socialrisk.__all__:
        assert getattr(socialrisk, name) is not None, name


def test_unknown_attribute_is_attribute_error():
    import pytest

    with pytest.raises(AttributeError):
        socialrisk.nope  # noqa: B018


def test_import_is_light():
    """`import socialrisk` must not pull in spaCy, Presidio or pandas."""
    code = "import sys, socialrisk; print(','.join(m for m in ('spacy','presidio_analyzer','pandas','textstat') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_contract_example_is_go():
    r = socialrisk.check("Kom zaterdag naar de markt!")
    assert r.decision is socialrisk.Decision.GO
    assert r.decision.value == "go"
