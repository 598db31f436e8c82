"""The project's privacy corpus matches its generator, and its gold spans are valid."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "benchmarks" / "privacy_corpus.py"
TYPES = {"PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN_CODE", "NL_BSN", "CREDIT_CARD", "STREET_ADDRESS",
         "DATE_OF_BIRTH", "NL_LICENSE_PLATE", "IP_ADDRESS", "ID_NUMBER", "SECRET_LINK", "SECRET_TOKEN"}


def _generator():
    spec = importlib.util.spec_from_file_location("privacy_corpus", GEN)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_corpus_is_current():
    assert _generator().main(["--check"]) == 0, "run: python benchmarks/privacy_corpus.py"


def test_spans_are_valid():
    rows = _generator().load()
    assert len(rows) >= 300 and sum(r["ordinary"] for r in rows) >= 60
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["lang"] in ("nl", "en")
        if r["ordinary"]:
            assert r["spans"] == []
        prev = 0
        for s in r["spans"]:
            assert s["type"] in TYPES
            assert prev <= s["start"] < s["end"] <= len(r["text"])
            piece = r["text"][s["start"]:s["end"]]
            assert piece == piece.strip() and piece[-1] not in ",.;:"
            prev = s["end"]


def test_identifiers_pass_their_checksums():
    gen = _generator()
    for r in gen.load():
        for s in r["spans"]:
            raw = r["text"][s["start"]:s["end"]].replace(" ", "").replace(".", "").replace("-", "")
            if s["type"] == "NL_BSN":
                d = list(map(int, raw))
                assert len(d) == 9 and (sum(x * w for x, w in zip(d, range(9, 1, -1))) - d[8]) % 11 == 0
            elif s["type"] == "IBAN_CODE":
                assert int("".join(str(int(c, 36)) for c in raw[4:] + raw[:4])) % 97 == 1
            elif s["type"] == "CREDIT_CARD":
                assert gen.luhn_complete(raw[:-1]) == raw
    assert json.loads(GEN.with_name("corpus").joinpath("privacy_posts.jsonl").read_text("utf-8").splitlines()[0])["_comment"]
