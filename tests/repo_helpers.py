"""A tiny test-only checker (``acme.demo``) and its rule pack, so repository tests do not depend on real rules."""

from __future__ import annotations

import pytest

from socialrisk import Pipeline
from socialrisk.checkers import base
from socialrisk.config import Config
from socialrisk.checkers._match import rule_lexicon

DEMO_PACK = """
- id: ACME-SECRET
  checker: acme.demo
  category: privacy
  severity: blocker
  match: {terms: {all: [geheimcode, secretcode]}}
  what: A made-up secret word (test only).
  why: Lets repository tests produce a no-go without real rules.
  message: Secret word in the post.
  suggestion: Remove the secret word.
  reference: Test pack
  examples: {trigger: [De geheimcode is hier.], clean: [De code is hier.]}
- id: ACME-WORD
  checker: acme.demo
  category: style
  severity: low
  match: {terms: {all: [spruitjes, sprouts]}}
  what: A word the house style avoids (test only).
  why: Lets repository tests produce a low finding.
  message: Avoided word.
  suggestion: Use another word.
  examples: {trigger: [Wij eten spruitjes.], clean: [Wij eten kool.]}
"""


class Demo(base.Checker):
    """Flags the demo pack's words."""

    categories = frozenset()

    def check(self, analysis, policy):
        if "OVERSLAAN" in analysis.text:
            raise base.SkipCheck("asked to skip")
        found = [self.finding(r, analysis, h.start, h.end, score=0.95)
                 for r in self.rules_for(analysis.lang) for h in rule_lexicon(r, analysis.lang).finditer(analysis)]
        secrets = sorted((f.span.start, f.span.end) for f in found if f.rule_id == "ACME-SECRET")
        if secrets:  # as the privacy checker does: the post with the sensitive words replaced
            text = analysis.text
            for s, e in reversed(secrets):
                text = text[:s] + "<SECRET>" + text[e:]
            analysis.cache["redacted"] = text
        return found


def write_demo_config(folder, **extra: str) -> str:
    """socialrisk.toml in ``folder`` running only the demo checker; returns its path."""
    (folder / "demo.yaml").write_text(DEMO_PACK, "utf-8")
    others = [n for n in base.available_checkers() if n != "acme.demo"]
    lines = ['rule_packs = ["demo.yaml"]', f"disable = {others!r}".replace("'", '"'), *extra.values()]
    path = folder / "socialrisk.toml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return str(path)


@pytest.fixture()
def demo_pipeline(tmp_path):
    """A Pipeline running only the demo checker."""
    base.register("acme.demo")(Demo)
    (tmp_path / "demo.yaml").write_text(DEMO_PACK, "utf-8")
    yield Pipeline(Config(), checkers=["acme.demo"], rule_packs=[tmp_path / "demo.yaml"])
    base._REGISTRY.pop("acme.demo", None)


@pytest.fixture()
def demo(tmp_path, monkeypatch):
    """A working folder with the demo config; the current directory is that folder."""
    base.register("acme.demo")(Demo)
    write_demo_config(tmp_path)
    monkeypatch.chdir(tmp_path)
    yield tmp_path
    base._REGISTRY.pop("acme.demo", None)
