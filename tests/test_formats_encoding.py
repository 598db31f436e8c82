"""Encodings of post files: UTF-8 (with or without BOM), UTF-16 with a BOM (Notepad, Excel "Unicode text");
binary files and UTF-16 without a BOM are refused with a message that says what the file looks like."""

from __future__ import annotations

import codecs
import json

import pytest

from socialrisk import cli
from socialrisk.errors import InputError
from socialrisk.formats import decode, read_file

POST = "---\nlang: nl\n---\nKom zaterdag naar de markt in Zwolle! \U0001F600 Groeten, Anne-Marie\n"
BOMS = {
    "utf-8-sig": codecs.BOM_UTF8 + POST.encode("utf-8"),
    "utf-16-le": codecs.BOM_UTF16_LE + POST.encode("utf-16-le"),
    "utf-16-be": codecs.BOM_UTF16_BE + POST.encode("utf-16-be"),
}
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


@pytest.mark.parametrize("name", list(BOMS))
def test_a_bom_says_the_encoding(name):
    assert decode(BOMS[name], "p.md") == POST  # the BOM itself is not post text


@pytest.mark.parametrize("name", list(BOMS))
def test_a_utf16_post_file_is_read_and_located_as_utf8_is(tmp_path, name):
    path = tmp_path / "p.md"
    path.write_bytes(BOMS[name])
    (sp,) = read_file(str(path))
    assert sp.fields["lang"] == "nl" and sp.text.strip().startswith("Kom zaterdag")
    assert sp.line_col(sp.text.index("Zwolle")) == (4, 31)  # columns count characters, whatever the encoding


@pytest.mark.parametrize("suffix, body", [
    (".csv", "id;text\n1;Bel 0612345678 voor info.\n2;Hallo daar.\n"),
    (".jsonl", '{"id": 1, "text": "Bel 0612345678 voor info."}\n{"id": 2, "text": "Hallo daar."}\n'),
])
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_utf16_collections_are_read(tmp_path, suffix, body, codec):
    path = tmp_path / f"p{suffix}"
    data = body.encode(codec) if codec != "utf-16-be" else codecs.BOM_UTF16_BE + body.encode(codec)
    path.write_bytes(data)
    posts = read_file(str(path))
    assert [str(sp.fields["id"]) for sp in posts] == ["1", "2"]
    assert [sp.text for sp in posts] == ["Bel 0612345678 voor info.", "Hallo daar."]
    assert posts[1].line_col(0) == (3 if suffix == ".csv" else 2, 3 if suffix == ".csv" else 20)


def test_a_binary_file_is_refused_clearly():
    with pytest.raises(InputError) as exc:
        decode(PNG, "foto.md")
    assert str(exc.value) == "post foto.md: looks like a binary file (not text); name a post file (.md, .txt, .csv, ...)"


@pytest.mark.parametrize("codec, order", [("utf-16-le", "little-endian"), ("utf-16-be", "big-endian")])
def test_utf16_without_a_bom_is_refused_saying_what_it_looks_like(codec, order):
    with pytest.raises(InputError) as exc:
        decode(POST.encode(codec), "p.md")
    assert str(exc.value) == (f"post p.md: looks like UTF-16 ({order}) without a byte-order mark; "
                              "re-save it as UTF-8 (or as UTF-16 with a BOM)")


def test_broken_utf16_after_a_bom_names_the_encoding_not_the_text():
    data = codecs.BOM_UTF16_LE + "Bel Kees".encode("utf-16-le") + b"\x00\xd8" + "op 06".encode("utf-16-le")  # a lone surrogate
    with pytest.raises(InputError) as exc:
        decode(data, "p.md")
    assert str(exc.value).startswith("post p.md: not valid UTF-16 (byte ") and "Kees" not in str(exc.value)
    with pytest.raises(InputError, match=r"post p\.md: not valid UTF-16 \(byte 4\)"):
        decode(codecs.BOM_UTF16_LE + b"a\x00b", "p.md")  # an odd number of bytes: cut off
    with pytest.raises(InputError, match=r"post p\.md: not valid UTF-8 \(byte 5\)"):
        decode(codecs.BOM_UTF8 + b"ab\xff", "p.md")  # the offset in the file, its BOM counted


def test_cli_checks_a_utf16_post_and_refuses_a_binary_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.md").write_bytes(codecs.BOM_UTF16_LE + "Bel mij op 0612345678.\n".encode("utf-16-le"))
    (tmp_path / "foto.md").write_bytes(PNG)
    assert cli.main(["check", "--format", "json", "p.md", "foto.md"]) == 2
    out = json.loads(capsys.readouterr().out)
    report, error = out
    assert report["source"]["path"] == "p.md" and "PRIV-PHONE" in {f["rule_id"] for f in report["findings"]}
    assert report["findings"][0]["location"]["line"] == 1
    assert error["error"].startswith("post foto.md: looks like a binary file")


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF8, "utf-8"), (b"", "utf-8")])
def test_redact_write_keeps_the_files_encoding(tmp_path, monkeypatch, capsys, bom, codec):
    monkeypatch.chdir(tmp_path)
    original = bom + "Bel mij op 0612345678.\n".encode(codec)
    (tmp_path / "p.md").write_bytes(original)
    assert cli.main(["redact", "--write", "p.md"]) == 0
    written = (tmp_path / "p.md").read_bytes()
    assert written.startswith(bom) and "0612345678" not in written[len(bom):].decode(codec)
    assert (tmp_path / "p.md.bak").read_bytes() == original
