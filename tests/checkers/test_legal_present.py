"""A Dutch present tense announces: "Ik vermoord je" is "I'll kill you" (found by a hostile tester: every one was go)."""

from __future__ import annotations

import pytest

from conftest import assert_quiet, assert_spans
from socialrisk.models import Severity

FIRES = [
    "Ik vermoord je.", "ik vermoord jou", "Ik vermoord die wethouder.", "We vermoorden die raadsleden.",
    "Morgen vermoord ik die wethouder.", "Ik wurg die wethouder.", "Ik maak die wethouder af.",
    "Ik maak wethouder Jansen af.", "Wij maken die wethouder af.", "Ik steek de burgemeester neer.",
    "Ik schiet die wethouder neer.", "Ik hang die wethouder op.", "We hangen die raadsleden op.",
]

QUIET = [  # the same verbs for work, things and debates
    "Ik maak de begroting af.", "We hangen de vlag op.", "Ik maak dat plan vandaag af.",
    "Ik maak die wethouder af in het debat.", "We maken de klus af.", "Ik hang de slingers op voor het feest.",
    "Wij schieten die motie af.", "Ik maak mijn studie af.", "We hangen de posters op.",
    "Ik schiet die wethouder na afloop een vraag toe.",
]


@pytest.mark.parametrize("text", FIRES)
def test_a_present_tense_threat_blocks(pipeline, text):
    report = pipeline.check(text, lang="nl")
    assert_spans(report, text)
    assert any(f.rule_id == "LEGAL-THREAT" and f.severity is Severity.BLOCKER for f in report.findings), report.findings


@pytest.mark.parametrize("text", QUIET)
def test_the_same_verbs_for_work_and_debate_pass(pipeline, text):
    assert_quiet(pipeline.check(text, lang="nl"), text, "legal")
