"""Baselines: record findings by file, rule id and fingerprint; later runs report only new ones."""

from __future__ import annotations

import hashlib
import json

import pytest

from socialrisk import cli
from repo_helpers import demo  # noqa: F401  (fixture)


def legacy_fingerprint(rule_id: str, words: str) -> str:
    """The fingerprint of baseline versions 1 and 2: a plain hash of the rule id and the matched words."""
    return hashlib.sha1(f"{rule_id}\x00{words}".encode()).hexdigest()[:16]


def run(capsys, *argv):
    rc = cli.main(list(argv))
    return rc, capsys.readouterr()


def test_baseline_records_and_hides_old_findings_only(demo, capsys):
    posts = demo / "posts"
    posts.mkdir()
    (posts / "a.md").write_text("---\nlang: nl\n---\nDe geheimcode is hier.\n", "utf-8")
    rc, cap = run(capsys, "baseline", "posts/a.md", "-o", ".socialrisk-baseline.json")
    assert rc == 0 and "recorded 1 finding(s)" in cap.err
    data = json.loads((demo / ".socialrisk-baseline.json").read_text("utf-8"))
    assert data["version"] == 3
    [entry] = data["findings"]
    assert entry["file"] == "posts/a.md" and entry["rule_id"] == "ACME-SECRET" and len(entry["fingerprint"]) == 16
    assert "line" not in entry and "geheimcode" not in json.dumps(data)

    # lines moved: still the same finding
    (posts / "a.md").write_text("---\nlang: nl\n---\nNieuwe eerste regel.\n\nDe geheimcode is hier.\n", "utf-8")
    rc, cap = run(capsys, "check", "--baseline", ".socialrisk-baseline.json", "--show-suppressed", "posts/a.md")
    assert rc == 0 and "[suppressed by baseline] posts/a.md:6:4: blocker ACME-SECRET" in cap.out

    # a second occurrence and a new rule are new
    (posts / "a.md").write_text("---\nlang: nl\n---\nDe geheimcode is hier.\nNog een geheimcode en spruitjes.\n", "utf-8")
    rc, cap = run(capsys, "check", "--baseline", ".socialrisk-baseline.json", "--format", "json", "posts/a.md")
    report = json.loads(cap.out)
    assert rc == 1 and [f["rule_id"] for f in report["findings"]] == ["ACME-SECRET", "ACME-WORD"]
    assert [f["details"]["suppressed_by"] for f in report["suppressed"]] == ["baseline"]


def test_baseline_paths_are_relative_to_the_baseline_file(demo, capsys, monkeypatch):
    (demo / "a.md").write_text("De geheimcode.\n", "utf-8")
    run(capsys, "baseline", "a.md", "-o", "ci/baseline.json")
    assert json.loads((demo / "ci/baseline.json").read_text())["findings"][0]["file"] == "../a.md"
    (demo / "ci/socialrisk.toml").write_text((demo / "socialrisk.toml").read_text().replace("demo.yaml", "../demo.yaml"))
    monkeypatch.chdir(demo / "ci")
    assert run(capsys, "check", "--baseline", "baseline.json", "../a.md")[0] == 0


def test_collections_are_keyed_by_post(demo, capsys):
    (demo / "p.jsonl").write_text('{"id": 1, "text": "De geheimcode."}\n', "utf-8")
    run(capsys, "baseline", "p.jsonl")
    assert json.loads((demo / ".socialrisk-baseline.json").read_text())["findings"][0]["post"] == "#1"
    (demo / "p.jsonl").write_text('{"id": 2, "text": "De geheimcode."}\n{"id": 1, "text": "De geheimcode."}\n', "utf-8")
    rc, cap = run(capsys, "check", "--baseline", ".socialrisk-baseline.json", "p.jsonl")
    assert rc == 1 and "p.jsonl#2: NO-GO" in cap.out and "p.jsonl#1: GO" in cap.out


def test_bad_baseline_is_one_line_exit_2(demo, capsys):
    (demo / "a.md").write_text("Schoon.\n", "utf-8")
    (demo / "b.json").write_text('{"version": 9, "findings": []}', "utf-8")
    (demo / "c.json").write_text("[]", "utf-8")
    for name, reason in (("b.json", "unsupported baseline version 9"), ("c.json", "not a socialrisk baseline"), ("nope.json", "baseline file not found")):
        rc, cap = run(capsys, "check", "--baseline", name, "a.md")
        assert rc == 2 and reason in cap.err and len(cap.err.splitlines()) == 1


def test_the_same_word_in_a_changed_sentence_is_new_but_other_edits_keep_the_baseline(demo, capsys):
    (demo / "a.md").write_text("Kom naar de markt.\n\nDe geheimcode is 4711.\n", "utf-8")
    run(capsys, "baseline", "a.md")
    data = json.loads((demo / ".socialrisk-baseline.json").read_text("utf-8"))
    assert data["version"] == 3 and len(data["findings"][0]["context"]) == 16
    # other sentences edited, the finding's sentence re-spaced and re-cased: still baselined
    (demo / "a.md").write_text("Kom zondag naar het plein!\nNieuw.\n\nde  geheimcode is 4711.\n", "utf-8")
    rc, cap = run(capsys, "check", "--baseline", ".socialrisk-baseline.json", "a.md")
    assert rc == 0 and "1 suppressed" in cap.out
    # the same word in a different sentence (another claim): new
    (demo / "a.md").write_text("Kom naar de markt.\n\nDe geheimcode van Bakker is 1234.\n", "utf-8")
    rc, cap = run(capsys, "check", "--baseline", ".socialrisk-baseline.json", "a.md")
    assert rc == 1 and "a.md: NO-GO" in cap.out and "0 suppressed" in cap.out


def test_a_version_1_baseline_is_still_read_by_fingerprint_with_a_note(demo, capsys):
    (demo / "a.md").write_text("De geheimcode is 4711.\n", "utf-8")
    run(capsys, "baseline", "a.md")
    data = json.loads((demo / ".socialrisk-baseline.json").read_text("utf-8"))
    data["version"] = 1
    for e in data["findings"]:  # as version 1 wrote it: a plain hash of the words, no context
        del e["context"]
        e["fingerprint"] = legacy_fingerprint("ACME-SECRET", "geheimcode")
    (demo / "old.json").write_text(json.dumps(data), "utf-8")
    (demo / "a.md").write_text("Een andere zin met de geheimcode.\n", "utf-8")
    rc, cap = run(capsys, "check", "--baseline", "old.json", "a.md")
    assert rc == 0 and "1 suppressed" in cap.out
    assert cap.err == ("socialrisk: old.json: baseline version 1 matches findings by rule and word only; "
                       "run 'socialrisk baseline' again to write version 3\n")
    (demo / "b.json").write_text('{"version": 9, "findings": []}', "utf-8")
    rc, cap = run(capsys, "check", "--baseline", "b.json", "a.md")
    assert rc == 2 and "unsupported baseline version 9 (this socialrisk reads versions 1, 2, 3;" in cap.err


def test_a_baseline_too_deep_or_with_a_number_too_long_is_one_line_exit_2(demo, capsys):
    (demo / "a.md").write_text("Schoon.\n", "utf-8")
    (demo / "deep.json").write_text("[" * 100000 + "]" * 100000, "utf-8")
    (demo / "big.json").write_text('{"version": ' + "9" * 5000 + ', "findings": []}', "utf-8")
    for name in ("deep.json", "big.json"):
        rc, cap = run(capsys, "check", "--baseline", name, "a.md")
        assert rc == 2 and cap.err == f"socialrisk: {name}: baseline file is not readable JSON\n"


def test_a_lone_surrogate_in_a_post_id_is_written_and_read_back(demo, capsys):
    (demo / "s.jsonl").write_text('{"id": "p\\ud83d", "text": "De geheimcode is hier."}\n', "utf-8")
    rc, cap = run(capsys, "baseline", "s.jsonl", "-o", "b.json")
    assert rc == 0 and '"post": "#p\\ud83d"' in (demo / "b.json").read_text("utf-8")
    rc, cap = run(capsys, "check", "--baseline", "b.json", "s.jsonl")
    assert rc == 0 and "s.jsonl#p\\ud83d: GO" in cap.out


BSN_POST = "Kom naar de markt.\n\nHet BSN van Jan Jansen is 111222333, hij is een oplichter.\n"


@pytest.mark.parametrize("number", ["111222333", "123456782"])
def test_no_personal_data_can_be_recovered_from_a_baseline(tmp_path, capsys, monkeypatch, number):
    """A BSN has 10**9 candidates: an unsalted hash of it, or of its sentence, is found by trying them all.
    Version 3 hashes the shape of personal data and masks it in the sentence before hashing."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(BSN_POST.replace("111222333", number), "utf-8")
    run(capsys, "baseline", "a.md")
    data = json.loads((tmp_path / ".socialrisk-baseline.json").read_text("utf-8"))
    entries = {e["rule_id"]: e for e in data["findings"]}
    assert data["version"] == 3 and "PRIV-BSN" in entries and "LEGAL-ACCUSATION" in entries
    dumped = json.dumps(data)
    assert number not in dumped and "Jansen" not in dumped
    # what an attacker would compute for each candidate number: none of it is in the file
    assert legacy_fingerprint("PRIV-BSN", number) not in dumped
    shape_fp = entries["PRIV-BSN"]["fingerprint"]
    # another BSN in the same sentence: the same shape and the same masked sentence, so the same entry
    (tmp_path / "a.md").write_text(BSN_POST.replace("111222333", "123456782" if number == "111222333" else "111222333"), "utf-8")
    run(capsys, "baseline", "a.md", "-o", "again.json")
    again = json.loads((tmp_path / "again.json").read_text("utf-8"))
    assert {e["rule_id"]: e for e in again["findings"]}["PRIV-BSN"]["fingerprint"] == shape_fp
    assert sorted(map(str, again["findings"])) == sorted(map(str, data["findings"]))


def test_the_context_of_a_finding_masks_the_posts_personal_data(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(BSN_POST, "utf-8")
    run(capsys, "baseline", "a.md")
    # the accusation's sentence changed only in its personal data (masked): still baselined
    (tmp_path / "a.md").write_text(BSN_POST.replace("111222333", "123456782"), "utf-8")
    rc, cap = run(capsys, "check", "--baseline", ".socialrisk-baseline.json", "--format", "json", "a.md")
    report = json.loads(cap.out)
    assert rc == 0 and report["findings"] == [] and len(report["suppressed"]) >= 2
    # a word of the sentence itself changed: the accusation is new, the BSN (same shape) stays baselined
    (tmp_path / "a.md").write_text(BSN_POST.replace("oplichter", "fraudeur"), "utf-8")
    rc, cap = run(capsys, "check", "--baseline", ".socialrisk-baseline.json", "--format", "json", "a.md")
    report = json.loads(cap.out)
    assert rc == 1 and "LEGAL-ACCUSATION" in [f["rule_id"] for f in report["findings"]]


def test_a_version_2_baseline_is_still_read_with_a_note_to_rewrite_it(demo, capsys):
    (demo / "a.md").write_text("De geheimcode is 4711.\n", "utf-8")
    run(capsys, "baseline", "a.md")
    data = json.loads((demo / ".socialrisk-baseline.json").read_text("utf-8"))
    data["version"] = 2
    [e] = data["findings"]
    e["fingerprint"] = legacy_fingerprint("ACME-SECRET", "geheimcode")
    e["context"] = hashlib.sha1("de geheimcode is 4711.".encode()).hexdigest()[:16]  # the sentence, unmasked
    (demo / "old.json").write_text(json.dumps(data), "utf-8")
    rc, cap = run(capsys, "check", "--baseline", "old.json", "a.md")
    assert rc == 0 and "1 suppressed" in cap.out
    assert cap.err == ("socialrisk: old.json: baseline version 2 holds plain hashes of personal data, which can be "
                       "recovered by trying every number; run 'socialrisk baseline' again to write version 3\n")
