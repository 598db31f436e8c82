"""benchmarks/pattern_scans.py runs on a small corpus, counts scans and puts the real scan back."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from socialrisk.checkers import _match

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "pattern_scans.py"


def _script():
    spec = importlib.util.spec_from_file_location("pattern_scans", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_counts_scans_and_restores_the_scan(tmp_path, capsys):
    corpus = tmp_path / "posts.jsonl"
    posts = ["Bel me op 06 12345678, ik woon op Dorpsstraat 12.", "Kom zaterdag naar de markt!!!"]
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in posts), encoding="utf-8")
    original = _match.CompiledPattern._scan
    assert _script().main(["--corpus", str(corpus), "--top", "5"]) == 0
    assert _match.CompiledPattern._scan is original
    out = capsys.readouterr().out
    assert out.startswith("2 posts, ")
    assert "| privacy |" in out  # the phone and street patterns scanned, attributed to their checker
    assert "privacy/PRIV-" in out


def test_missing_corpus_is_a_clear_error(tmp_path, capsys):
    assert _script().main(["--corpus", str(tmp_path / "none.jsonl")]) == 2
    assert "no corpus at" in capsys.readouterr().err
