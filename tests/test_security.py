"""Privacy and safety: no sockets or file writes at import/check time, no post text in logs or errors,
safe YAML, and clear errors for bad config and rule files."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import textwrap
from typing import ClassVar

import pytest

from socialrisk import Pipeline
from socialrisk.checkers import base
from socialrisk.checkers.base import Checker, register
from socialrisk.config import Config, load_config
from socialrisk.errors import ConfigError, RulePackError, SocialRiskError
from socialrisk.models import Category, PostError
from socialrisk.rules import load_pack, load_rules

CANARY = "Zwartkanarie7Q"  # a made-up word that must never leave the report

# --------------------------------------------------------------------------- no network, no writes

_AUDITED = textwrap.dedent(
    """
    import json, sys
    events = []
    def hook(event, args):
        if event == "socket.bind" and args[1][0] in ("::1", "127.0.0.1"):
            return  # urllib3's import-time IPv6 probe binds loopback; nothing leaves the machine
        if event in ("socket.connect", "socket.bind", "socket.getaddrinfo", "urllib.Request"):
            events.append([event, repr(args)[:200]])
        elif event == "open" and len(args) > 1 and isinstance(args[1], str) and any(c in args[1] for c in "wax+"):
            events.append([event, repr(args[0])[:200], args[1]])
        elif event == "open" and len(args) > 2 and isinstance(args[2], int) and args[2] & 0o3:  # os.open O_WRONLY/O_RDWR
            events.append([event, repr(args[0])[:200], args[2]])
    sys.addaudithook(hook)
    import socialrisk
    phase = {"import": list(events)}
    from socialrisk.config import Config
    pipe = socialrisk.Pipeline(Config())
    for text in ["Jan de Vries (BSN 111222333) woont op Kerkstraat 12, bel 06-12345678 of mail jan@example.nl.",
                 "The minister is a liar, check https://example.com and @someone #vote 45% of people!"]:
        pipe.check(text)
    socialrisk.check("Kom zaterdag naar de markt!")
    phase["check"] = events[len(phase["import"]):]
    print(json.dumps(phase))
    """
)


def test_import_and_check_open_no_sockets_and_write_no_files(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-c", _AUDITED], capture_output=True, text=True, cwd=tmp_path, timeout=300,
        env={"PATH": "", "HOME": str(tmp_path), "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    phase = json.loads(proc.stdout.strip().splitlines()[-1])
    assert phase["import"] == []
    assert phase["check"] == []
    assert list(tmp_path.iterdir()) == []  # nothing written in the working directory either


# --------------------------------------------------------------------------- no post text in logs or errors

class _Leaky(Checker):
    """Raises with the post text in its message, as a careless plugin might."""

    categories: ClassVar = frozenset({Category.STYLE})

    def check(self, analysis, policy):
        raise ValueError(f"cannot handle {analysis.text!r}")


@pytest.fixture()
def leaky_checker():
    """Registered only for the test that asks: default pipelines elsewhere must not pick it up."""
    register("tests.leaky")(_Leaky)
    yield "tests.leaky"
    base._REGISTRY.pop("tests.leaky", None)


def _records_text(records: list[logging.LogRecord]) -> str:
    out = []
    for r in records:
        out.append(r.getMessage())
        if r.exc_info and r.exc_info[1] is not None:
            out.append(str(r.exc_info[1]))
    return "\n".join(out)


def test_canary_never_reaches_logs_or_errors(caplog, leaky_checker):
    caplog.set_level(logging.DEBUG)  # every logger, DEBUG and up
    pipe = Pipeline(Config(max_chars=2000))  # every checker, the leaky one included
    assert leaky_checker in pipe.checker_names
    text = f"{CANARY} zegt: de minister liegt! Bel {CANARY} op 06-12345678 of mail {CANARY}@example.nl"
    report = pipe.check(text)
    assert [f.checker for f in report.failed] == ["tests.leaky"]
    assert CANARY not in json.dumps([f.model_dump() for f in report.failed])
    for f in report.findings:
        assert CANARY not in f.message + f.why + f.suggestion + f.reference

    messages = []
    for bad in [CANARY * 200, {"text": CANARY, "paid": CANARY}, {"text": CANARY, "lang": CANARY}]:
        with pytest.raises(SocialRiskError) as err:
            pipe.check(bad)
        messages.append(str(err.value))
    batch = pipe.check_many([text, CANARY * 300, {"text": CANARY, "scheduled": CANARY}])
    messages += [r.message for r in batch if isinstance(r, PostError)]
    assert len(messages) == 5
    for m in messages:
        assert CANARY not in m
    assert CANARY not in _records_text(caplog.records)
    assert any("tests.leaky" in r.getMessage() for r in caplog.records)  # the failure itself is logged


# --------------------------------------------------------------------------- YAML and config files

_RULE = """
- id: HOUSE-WORD
  checker: style
  category: style
  severity: low
  what: A word.
  why: House style.
  message: House word.
  examples: {trigger: ["x"], clean: ["y"]}
"""


def test_yaml_object_tags_are_refused(tmp_path):
    p = tmp_path / "evil.yaml"
    marker = tmp_path / "pwned"
    p.write_text(f"- !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    with pytest.raises(RulePackError, match="invalid YAML") as err:
        load_pack(p)
    assert err.value.path == str(p)
    assert not marker.exists()
    p.write_text("- id: !!python/object:builtins.object {}\n", encoding="utf-8")
    with pytest.raises(RulePackError):
        load_pack(p)


def test_rule_pack_errors_name_file_rule_and_field(tmp_path):
    p = tmp_path / "house.yaml"
    p.write_text(_RULE.replace("severity: low", "severity: low\n  colour: red"), encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_pack(p)
    assert (err.value.path, err.value.rule_id, err.value.field) == (str(p), "HOUSE-WORD", "colour")
    p.write_text(_RULE.replace("severity: low", "severity: 3"), encoding="utf-8")
    with pytest.raises(RulePackError) as err:
        load_pack(p)
    assert err.value.field == "severity" and "HOUSE-WORD" in str(err.value)
    with pytest.raises(RulePackError, match="not found"):
        load_rules([tmp_path / "missing.yaml"])
    p.write_bytes(b"\xff\xfe- id: X\n")
    with pytest.raises(RulePackError, match="UTF-8"):
        load_pack(p)


def test_config_errors_name_file_and_key(tmp_path):
    cfg = tmp_path / "socialrisk.toml"
    cfg.write_text("colour = 'red'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert err.value.path == str(cfg) and err.value.key == "colour"
    cfg.write_text("max_chars = 'lots'\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert err.value.key == "max_chars"
    cfg.write_text("[policy]\nreview_threshold = 500\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="policy.review_threshold"):
        load_config(cfg)
    cfg.write_text("max_chars = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(cfg)
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")
    with pytest.raises(ConfigError, match="checkers"):
        Pipeline(Config(checkers={"tone": {"no_such_setting": 1}}))


# --------------------------------------------------------------------------- deeply nested input

_DEEP = {
    "deep.yaml": "[" * 25000 + "]" * 25000 + "\n",
    "deep-block.yaml": "- " * 30000 + "x\n",
    "deep-front.md": "---\nlang: nl\nx: " + "[" * 30000 + "]" * 30000 + "\n---\nWethouder De Vries is een fraudeur.\n",
    "deep.json": "[" * 1000 + "]" * 1000,
    "deep.jsonl": "[" * 100000 + "]" * 100000 + '\n{"text": "Wethouder De Vries is een fraudeur."}\n',
}


def test_deeply_nested_posts_are_one_error_each_and_the_rest_is_checked(tmp_path):
    """libyaml's composer crashed the interpreter (exit 139) and json.loads raised RecursionError."""
    for name, text in _DEEP.items():
        (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / "ok.txt").write_text("Wethouder De Vries is een fraudeur.\n", "utf-8")
    proc = subprocess.run([sys.executable, "-m", "socialrisk", "check", *_DEEP, "ok.txt"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    errors = proc.stderr.splitlines()
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert len(errors) == len(_DEEP) and all("nested too deeply (over 100 levels)" in e for e in errors)
    assert "socialrisk: post deep-front.md: YAML front matter nested too deeply (over 100 levels) at line 3" in errors
    assert "deep.jsonl#2: NO-GO" in proc.stdout and "ok.txt: NO-GO" in proc.stdout  # the rest is still checked


def test_deeply_nested_rule_pack_and_config_are_clear_errors(tmp_path):
    pack = tmp_path / "deep.yaml"
    pack.write_text("{a: " * 120 + "}" * 120 + "\n", "utf-8")
    with pytest.raises(RulePackError, match=r"deep.yaml: YAML nested too deeply \(over 100 levels\) at line 1"):
        load_pack(pack)
    cfg = tmp_path / "socialrisk.toml"
    cfg.write_text("x = " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(cfg)
