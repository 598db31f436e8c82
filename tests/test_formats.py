"""Reading post files: what is post text, and how offsets map back to file line:column."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialrisk
from socialrisk.errors import InputError
from socialrisk.formats import detect_format, line_col, mask_markdown, parse, read_file, replace_body

FRONT = "---\nlang: nl\nplatform: x\npaid: true\nsponsor: Partij\nscheduled: 2026-03-01\nmedia:\n  - {path: a.png, alt: Foto van de markt}\n  - b.png\ntargeting: {age: 18-35}\nignore: [ACME-WORD]\ntitle: Markt\n---\n"


def _md(text):
    return parse(text, "post.md", fmt="markdown")[0]


def _at(sp, needle):
    """File line:column of ``needle`` located through the post text."""
    pos = sp.text.index(needle)
    off = sp.file_offset(pos)
    assert sp.file_text[off : off + len(needle)] == needle
    return sp.line_col(pos)


def test_front_matter_fields_and_body_only():
    sp = _md(FRONT + "Kom zaterdag naar de markt!\n")
    f = sp.fields
    assert (f["lang"], f["platform"], f["paid"], f["sponsor"]) == ("nl", "x", True, "Partij")
    assert f["scheduled"].isoformat() == "2026-03-01T00:00:00"
    assert f["media"] == [{"path": "a.png", "alt": "Foto van de markt"}, {"path": "b.png"}]
    assert f["targeting"] == {"age": "18-35"} and f["title"] == "Markt"
    assert sp.ignore == ("ACME-WORD",) and "ignore" not in f
    assert sp.text == "Kom zaterdag naar de markt!\n"
    assert _at(sp, "markt") == (14, 22)
    assert sp.line_col(sp.text.index("markt"))[0] == FRONT.count("\n") + 1


def test_line_col_with_crlf_and_emoji():
    text = FRONT.replace("\n", "\r\n") + "Hallo 😀👍🏽 daar\r\nTweede 🇳🇱 regel 111222333\r\n"
    sp = _md(text)
    assert _at(sp, "daar") == (14, 11)  # H-a-l-l-o-space, three emoji code points + 🏽, space
    assert _at(sp, "111222333") == (15, 17)  # the flag is two code points
    assert line_col("a\r\nb", 3) == (2, 1)


def test_code_comments_and_link_syntax_are_not_post_text():
    body = (
        "Lees [ons plan](https://example.org/plan \"titel\") en ![foto](img/x.png).\n"
        "<!-- interne notitie: BSN 111222333 -->\n"
        "```\nfenced 0612345678\n```\n"
        "~~~~python\nclosed later\n"
        "~~~~\n\n"
        "- item\n\n    continuation of the item\n"
        "[ref]: https://example.org/ref\n"
        "Slot.\n"
    )
    sp = _md(body)
    assert len(sp.text) == len(body) and sp.text.count("\n") == body.count("\n")
    for hidden in ("titel", "interne", "fenced", "closed later", "[ref]", "<!--", "]("):
        assert hidden not in sp.text, hidden
    # the target is published (where the link leads): checked like a bare URL
    for kept in ("Lees", "ons plan", "https://example.org/plan", "img/x.png", "https://example.org/ref", "foto",
                 "continuation of the item", "Slot."):
        assert kept in sp.text, kept
    assert [c.body for c in sp.comments] == [" interne notitie: BSN 111222333 "] and sp.notices == ()


@pytest.mark.parametrize("body,line,col,what", [
    ("Kom naar de markt.\n```\nWethouder De Vries is een fraudeur.\n", 2, 1, "code fence is never closed"),
    ("Kom naar de markt. <!-- noot\nWethouder De Vries is een fraudeur.\n", 1, 20, "HTML comment is never closed"),
    ("<!-- noot\n\nWethouder De Vries is een fraudeur.\n", 1, 1, "HTML comment is never closed"),
])
def test_an_unclosed_fence_or_comment_is_post_text_with_a_notice(body, line, col, what):
    """Posts are published as typed: text after an unclosed fence or '<!--' is published, so it is checked."""
    sp = _md(body)
    assert "Wethouder De Vries is een fraudeur." in sp.text and sp.comments == ()
    assert [(line_col(sp.file_text, n.at), n.message.startswith(what)) for n in sp.notices] == [((line, col), True)]
    assert "fraudeur" not in sp.notices[0].message


@pytest.mark.parametrize("body", [
    "Hallo,\n\n    Wethouder De Vries is een fraudeur.\n",
    "Hallo,\n\n\tWethouder De Vries is een fraudeur.\n",
    "\tZie [link](https://x.nl) en Wethouder De Vries is een fraudeur.\n",
])
def test_indented_lines_are_post_text_not_code(body):
    sp = _md(body)
    assert "Wethouder De Vries is een fraudeur." in sp.text and sp.notices == ()


def test_a_lone_cr_is_a_line_break_as_editors_show_it():
    sp = parse("Hallo.\rWethouder De Vries is een fraudeur.\r", "cr.txt", fmt="text")[0]
    assert _at(sp, "fraudeur") == (2, 27)
    mixed = "a\r\nb\rc\nd"
    assert [line_col(mixed, mixed.index(ch)) for ch in "abcd"] == [(1, 1), (2, 1), (3, 1), (4, 1)]
    assert line_col("a\r\nb", 2) == (1, 3)  # at the LF of a CRLF: still the first line


def test_text_file_is_all_post_text():
    sp = parse("<!-- geen commentaar -->\nHallo\n", "a.txt", fmt="text")[0]
    assert sp.text.startswith("<!--") and sp.comments == () and sp.offset == 0


@pytest.mark.parametrize("path,fmt", [("a.md", "markdown"), ("b.MARKDOWN", "markdown"), ("c.txt", "text"),
                                      ("d.json", "json"), ("e.jsonl", "jsonl"), ("f.yml", "yaml"),
                                      ("g.csv", "csv"), ("h", "text")])
def test_detect_format(path, fmt):
    assert detect_format(path) == fmt


def _records(fmt, text, **kw):
    return parse(text, f"posts.{fmt}", fmt=fmt, **kw)


def test_json_collection_maps_verbatim_text_exactly():
    text = json.dumps([{"id": 7, "text": "Bel 0612345678 vandaag"}, {"text": "Twee\nregels"}], indent=1)
    a, b = _records("json", text)
    assert a.label == "posts.json#7" and b.label == "posts.json#2"
    assert a.file_text[a.file_offset(4) : a.file_offset(14)] == "0612345678"
    assert b.offset is None and b.line_col(3) == line_col(text, text.index("{", text.index("}")))


def test_jsonl_yaml_csv_collections():
    jl = _records("jsonl", '{"bericht": "een"}\n\n{"bericht": "twee 😀 drie", "lang": "en", "nr": 3}\n', text_field="bericht", id_field="nr")
    assert jl[0].fields == {"text": "een"} and jl[1].fields == {"text": "twee 😀 drie", "lang": "en", "id": 3}
    assert jl[1].line_col(jl[1].text.index("drie")) == (3, 21)
    y = _records("yaml", "posts:\n  - text: Hallo daar\n    platform: x\n  - text: |\n      Regel een\n      Regel twee\n")
    assert y[0].line_col(6) == (2, 17) and y[0].fields["platform"] == "x"
    assert y[1].offset is None and y[1].line_col(0) == (4, 5)
    c = _records("csv", 'id,text,paid\n1,"Hallo, wereld",yes\n2,"Twee\nregels ""q""",\n3,Derde,no\n')
    assert [p.label for p in c] == ["posts.csv#1", "posts.csv#2", "posts.csv#3"]
    assert c[0].fields["paid"] is True and c[2].fields["paid"] is False and "paid" not in c[1].fields
    assert c[0].line_col(7) == (2, 11) and c[1].line_col(0) == (3, 1) and c[2].line_col(0) == (5, 3)


@pytest.mark.parametrize("fmt,text,reason", [
    ("markdown", "---\nlang: [nl\n---\nTekst\n", "invalid YAML front matter"),
    ("markdown", "---\n- a\n---\nTekst\n", "front matter must be a mapping"),
    ("markdown", "---\nignore: 3\n---\nTekst\n", "'ignore' must be"),
    ("json", '{"a": 1}', "must be a list of posts"),
    ("json", "[{\"text\": 1,}]", "invalid JSON"),
    ("jsonl", '{"text": "a"}\n{oops}\n', "line 2"),
    ("csv", "id,body\n1,hallo\n", "no field 'text'"),
    ("yaml", "- just a string\n", "must be a mapping"),
    ("csv", 'id,text\n1,"unterminated\n2,hallo\n', "invalid CSV: a quoted field on line 2 is never closed"),
    ("csv", 'id,text\n1,hallo\n2,"x"y\n', r"invalid CSV on line 3 \(',' expected after '\"'\)"),  # a cell over 131 072: a long post
    ("yaml", "- text: hallo\n  x: " + "[" * 101 + "]" * 101 + "\n", r"YAML nested too deeply \(over 100 levels\) at line 2"),
    ("markdown", "---\nx:\n" + "".join(" " * i + "- \n" for i in range(0, 202, 2)) + "---\nTekst\n", "front matter nested too deeply"),
    ("json", "[" + '{"text": "hallo", "x": ' + "[" * 100 + "]" * 100 + "}]", r"JSON nested too deeply \(over 100 levels\) at line 1"),
])
def test_bad_input_names_the_place_never_the_text(fmt, text, reason):
    with pytest.raises(InputError, match=reason) as err:
        parse(text, f"x.{fmt}", fmt=fmt)
    assert "Tekst" not in str(err.value) and "hallo" not in str(err.value)


def test_on_error_keeps_the_good_records_of_a_collection():
    errors = []
    text = '{"text": "een"}\n{kapot\n7\n{"id": "x", "text": "vier"}\n'
    posts = parse(text, "p.jsonl", fmt="jsonl", on_error=errors.append)
    assert [p.text for p in posts] == ["een", "vier"] and [p.label for p in posts] == ["p.jsonl#1", "p.jsonl#x"]
    assert [str(e) for e in errors] == ["post p.jsonl: invalid JSON on line 2, column 2", "post p.jsonl#3: each post must be a mapping of fields"]
    assert posts[1].line_col(0) == (4, 22)
    csv_errors = []
    assert [p.text for p in parse("id,text\n1,\n2,twee\n", "p.csv", fmt="csv", on_error=csv_errors.append)] == ["twee"]
    assert [str(e) for e in csv_errors] == ["post p.csv#1: no field 'text' (set --text-field)"]
    deep = parse('{"text": "een"}\n' + "[" * 5000 + "]" * 5000 + '\n{"text": "drie"}\n', "d.jsonl", fmt="jsonl", on_error=errors.append)
    assert [p.text for p in deep] == ["een", "drie"] and str(errors[-1]) == "post d.jsonl: JSON nested too deeply (over 100 levels) on line 2"
    assert parse('[{"text": "a \\" [[[[", "x": ' + "[" * 98 + "]" * 98 + "}]", "s.json", fmt="json")[0].text == 'a " [[[['
    with pytest.raises(InputError, match="invalid JSON"):  # broken syntax of a whole file still raises
        parse("[{", "p.json", fmt="json", on_error=errors.append)


def test_read_file_errors(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    for name, reason in (("bin.txt", "binary"), ("latin.txt", "UTF-8"), ("missing.md", "not found")):
        with pytest.raises(InputError, match=reason):
            read_file(str(tmp_path / name))
    (tmp_path / "bom.md").write_bytes("\ufeff---\nlang: en\n---\nHi\n".encode("utf-8"))
    assert read_file(str(tmp_path / "bom.md"))[0].fields == {"text": "Hi\n", "lang": "en"}


def test_replace_body_keeps_everything_but_the_edit():
    text = FRONT.replace("\n", "\r\n") + "Bel <!-- x --> Jan op 0612345678 [hier](https://a.nl).\r\n"
    sp = _md(text)
    redacted = sp.text.replace("0612345678", "<TELEFOON>")
    out = replace_body(sp, redacted)
    assert out == text.replace("0612345678", "<TELEFOON>")
    with pytest.raises(InputError):
        replace_body(_records("jsonl", '{"text": "a"}\n')[0], "b")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab 😀\r\n\t`~[]()!<>-:#*1.") + ["<!--", "-->", "](x)", "```", "    "]), max_size=60))
def test_masking_keeps_every_offset_and_only_blanks(pieces):
    body = "".join(pieces)
    masked, comments = mask_markdown(body)
    assert len(masked) == len(body)
    for orig, new in zip(body, masked):
        assert new == orig or (new == " " and orig not in "\r\n")
    for s, e, inner in comments:
        assert body[s:e].startswith("<!--") and inner in body[s:e]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 😀🇳🇱\r\n")), max_size=80))
def test_every_post_offset_maps_to_the_same_character_in_the_file(body):
    sp = _md(FRONT.replace("\n", "\r\n") + body)
    for i, ch in enumerate(sp.text):
        # masked parts (front matter, closed fences, comments) are blanked, not removed
        orig = sp.file_text[sp.file_offset(i)]
        assert orig == ch or (ch == " " and orig not in "\r\n")
        line, col = sp.line_col(i)
        # lines as an editor shows them: CRLF, LF and a lone CR each end one (the break's own chars stay)
        lines = re.split(r"(?<=\r\n)|(?<=\n)|(?<=\r)(?!\n)", sp.file_text)
        assert (lines[line - 1] + "\n")[col - 1] == orig


def test_fenced_code_is_blanked_in_place():
    sp = _md(FRONT + "Kom naar de markt.\n\n```\ncode()\n```\n")
    assert sp.text == "Kom naar de markt.\n\n" + "   \n      \n   " + "\n"
    assert sp.file_text[sp.file_offset(len("Kom naar de markt.\n\n")):].startswith("```\ncode()")


def test_json_with_an_unusual_layout_still_reads_every_post():
    text = '{"kind": "posts", "tags": ["x"], "posts": [{"text": "een"}, {"text": "twee"}]}'
    posts = _records("json", text)
    assert [p.text for p in posts] == ["een", "twee"] and all(p.line_col(0)[0] == 1 for p in posts)


def test_front_matter_text_cannot_replace_the_body():
    with pytest.raises(InputError, match=r"post\.md: front matter may not set 'text'") as exc:
        _md("---\ntext: Kom naar de markt\n---\nDe geheimcode is 4711.\n")
    assert "markt" not in str(exc.value) and "geheimcode" not in str(exc.value)


def test_a_records_own_text_field_is_metadata_under_another_text_field():
    data = json.dumps([{"id": 1, "body": "De geheimcode is 4711.", "text": "Kom naar de markt"}])
    sp = parse(data, "c.json", fmt="json", text_field="body")[0]
    assert sp.text == "De geheimcode is 4711."
    assert sp.fields["meta"] == {"text": "Kom naar de markt"}
    data = json.dumps([{"body": "De geheimcode.", "text": "x", "meta": {"a": 1}}])
    assert parse(data, "c.json", fmt="json", text_field="body")[0].fields["meta"] == {"a": 1, "text": "x"}


@pytest.mark.parametrize("value, what", [("2024-13-45", "date"), ("2024-02-30", "date"), ("9" * 5000, "number")],
                         ids=["month-13", "feb-30", "long-number"])
def test_front_matter_values_yaml_cannot_build_are_an_input_error_naming_the_field(value, what):
    with pytest.raises(InputError) as exc:
        _md(f"---\nlang: nl\nx: {value}\n---\nHoi daar\n")
    assert str(exc.value).startswith(f"post post.md: invalid {what} in front matter field 'x' at line 3")


@pytest.mark.parametrize("field", ["scheduled", "publish"])
def test_an_invalid_date_in_front_matter_is_named_with_its_field_and_line(field):
    with pytest.raises(InputError) as exc:
        _md(f"---\nlang: nl\n{field}: 2026-13-45\n---\nHoi daar\n")
    assert str(exc.value) == f"post post.md: invalid date in front matter field '{field}' at line 3 (no such day; write YYYY-MM-DD)"
    with pytest.raises(InputError, match=r"invalid date in front matter field 'media\.0\.taken' at line 4 \("):
        _md("---\nmedia:\n  - path: a.png\n    taken: 2024-02-30\n---\nHoi daar\n")


def test_yaml_collection_value_that_cannot_be_built_is_an_input_error():
    with pytest.raises(InputError, match=r"c\.yaml: invalid date in field '0\.when' at line 3 \("):
        parse("- id: 1\n  text: Hoi daar\n  when: 2024-02-30\n", "c.yaml", fmt="yaml")


def test_a_json_number_too_long_to_read_is_one_error_for_its_line():
    long = "9" * 5000
    errors = []
    posts = parse(f'{{"text": "een"}}\n{{"text": "twee", "n": {long}}}\n{{"text": "drie"}}\n', "b.jsonl",
                  fmt="jsonl", on_error=errors.append)
    assert [p.text for p in posts] == ["een", "drie"]
    assert [str(e) for e in errors] == ["post b.jsonl: JSON holds a number too long to read on line 2"]
    with pytest.raises(InputError, match=r"post c\.json: JSON holds a number too long to read at line 2"):
        parse(f'[{{"text": "een"}},\n {{"text": "twee", "n": {long}}}]', "c.json", fmt="json")


def test_special_files_are_refused_without_reading(tmp_path):
    import os

    fifo = tmp_path / "p.md"
    os.mkfifo(fifo)  # reading it would block for ever
    for path in (str(fifo), "/dev/zero"):  # /dev/zero: read until memory runs out
        with pytest.raises(InputError, match="not a regular file"):
            read_file(path)
    with pytest.raises(InputError, match="is a directory"):
        read_file(str(tmp_path))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<!->x \n", max_size=60))
def test_comments_are_found_as_the_regex_finds_them(text):
    from socialrisk.formats import _COMMENT, _comment_spans

    assert _comment_spans(text) == [m.span() for m in _COMMENT.finditer(text)]


def test_a_run_of_unclosed_comments_is_one_notice():
    sp = _md("<!-- " * 19000)  # the regex took 40 s on this; the scan is linear
    assert sp.comments == () and [n.message.split(":")[0] for n in sp.notices] == ["HTML comment is never closed ('-->')"]


def test_a_post_over_max_chars_is_refused_before_it_is_masked(monkeypatch):
    from socialrisk import formats
    from socialrisk.errors import InputTooLarge

    monkeypatch.setattr(formats, "_mask", lambda body: pytest.fail("masked a post over the limit"))
    with pytest.raises(InputTooLarge, match=r"post p\.md: text is 150 characters, over the limit of 100"):
        parse("---\nlang: nl\n---\n" + "<!-- " * 30, "p.md", fmt="markdown", max_chars=100)
    with pytest.raises(InputTooLarge):
        parse("x" * 101, "p.txt", fmt="text", max_chars=100)
    assert parse("x" * 100, "p.txt", fmt="text", max_chars=100)[0].text == "x" * 100


def test_a_front_matter_key_given_twice_is_an_error_not_the_last_one_kept():
    with pytest.raises(InputError) as exc:
        _md("---\nlang: nl\nplatform: x\nlang: en\n---\nHoi daar\n")
    assert str(exc.value) == "post post.md: duplicate key 'lang' in front matter at line 4"
    with pytest.raises(InputError, match=r"post\.md: duplicate key 'media\.0\.alt' in front matter at line 5$"):
        _md("---\nmedia:\n  - path: a.png\n    alt: Een foto\n    alt: Twee\n---\nHoi daar\n")
    with pytest.raises(InputError, match=r"c\.yaml: duplicate key '0\.text' at line 1$"):
        parse("- {text: a, text: b}\n", "c.yaml", fmt="yaml")
    merged = _md("---\nbase: &b {lang: nl, platform: x}\nmore:\n  <<: *b\n  platform: bluesky\n---\nHoi\n")
    assert merged.fields["more"] == {"lang": "nl", "platform": "bluesky"}  # a merge key may be overridden


def test_a_key_that_may_be_post_text_is_not_quoted():
    secret = "Bel Kees op 0612345678"
    with pytest.raises(InputError) as exc:
        _md(f"---\n{secret}: 1\n{secret}: 2\n---\nHoi daar\n")
    assert str(exc.value) == "post post.md: duplicate key in front matter at line 3" and "Kees" not in str(exc.value)
    with pytest.raises(InputError) as exc:
        _md(f"---\n{secret}: 2024-02-30\n---\nHoi daar\n")
    assert str(exc.value).startswith("post post.md: invalid date in front matter at line 2 (") and "Kees" not in str(exc.value)


def test_a_csv_cell_over_the_csv_modules_field_limit_is_one_long_post():
    import csv

    limit = csv.field_size_limit()
    text = 'id,text\n1,"' + "a" * 140_000 + '"\n2,Hoi daar\n'
    posts = parse(text, "long.csv", fmt="csv")
    assert [len(p.text) for p in posts] == [140_000, 8] and csv.field_size_limit() == limit


@pytest.mark.parametrize("directive", ["SOCIALRISK-IGNORE", "Socialrisk-Ignore", "socialrisk_ignore"])
def test_a_suppression_in_the_wrong_spelling_is_a_notice_not_silence(directive):
    sp = _md(f"Bel 06-12345678 <!-- {directive} PRIV-PHONE -->\n")
    assert [n.message for n in sp.notices] == [
        f"'{directive}' is not a suppression (nothing is suppressed); write socialrisk-ignore in lower case"]
    assert _md("Bel 06-12345678 <!-- socialrisk-ignore PRIV-PHONE -->\n").notices == ()


def test_a_link_target_is_checked_where_it_stands():
    # the target is where the link leads: a citizen's mailto: address in it is a personal e-mail in the post
    body = "Vragen? [Mail ons](mailto:piet.jansen@gmail.com \"contact\").\n"
    sp = _md(body)
    found = [f for f in socialrisk.check(sp.text, lang="nl").findings if f.rule_id == "PRIV-EMAIL"]
    assert [body[f.span.start:f.span.end] for f in found] == ["piet.jansen@gmail.com"]


def test_line_breaks_are_lf_crlf_and_cr_only_as_line_col_counts_them():
    # str.splitlines also breaks at U+2028, U+2029, U+0085 and form feed: JSON strings hold them raw
    jl = parse('{"id": "a", "text": "een\u2028twee"}\n{"id": "b", "text": "x\u0085y\u2029z"}\r\n{"id": "c", "text": "drie"}\n',
               "p.jsonl", fmt="jsonl")
    assert [p.text for p in jl] == ["een\u2028twee", "x\u0085y\u2029z", "drie"]
    assert [p.line_col(0) for p in jl] == [(1, 22), (2, 22), (3, 22)]
    c = parse("id,text\na,Kom naar de markt\u2028zaterdag\nb,Regel Bel 0612345678\n", "p.csv", fmt="csv")
    assert c[0].offset is not None and c[1].line_col(c[1].text.index("Bel")) == (3, 9)
    md = _md("Intro\n\x0c```\nBel 0612345678\n```\nen \u2028```\nnog\n")
    assert "0612345678" in md.text  # "\f```" is no fence line: the fence opens on line 4 and is never closed
    assert [line_col(md.file_text, n.at) for n in md.notices] == [(4, 1)]  # "en \u2028```" closes nothing


def test_a_json_key_given_twice_is_that_records_error_the_others_finish():
    errors = []
    text = ('{"id": "x", "text": "Kom", "text": "Bel 0612345678"}\n{"id": "g", "text": "een", "id": "h"}\n'
            '{"text": "twee", "meta": {"a": 1, "a": 2}}\n{"text": "drie", "media": [{"alt": "a", "alt": "b"}]}\n'
            '{"text": "vier", "Bel 0612345678": 1, "Bel 0612345678": 2}\n{"id": "ok", "text": "vijf"}\n')
    posts = parse(text, "p.jsonl", fmt="jsonl", on_error=errors.append)
    assert [p.label for p in posts] == ["p.jsonl#ok"]
    assert [str(e) for e in errors] == [
        "post p.jsonl#1: key 'text' given twice at line 1", "post p.jsonl#2: key 'id' given twice at line 2",
        "post p.jsonl#3: key 'meta.a' given twice at line 3", "post p.jsonl#4: key 'media.0.alt' given twice at line 4",
        "post p.jsonl#5: a key given twice at line 5",  # a key that may be post text is not quoted
    ]
    errors.clear()
    posts = parse('[{"text": "a"},\n {"text": "b", "text": "c"}]', "p.json", fmt="json", on_error=errors.append)
    assert [p.text for p in posts] == ["a"] and [str(e) for e in errors] == ["post p.json#2: key 'text' given twice at line 2"]
    with pytest.raises(InputError, match="key 'posts' given twice"):
        parse('{"posts": [{"text": "a"}], "posts": [{"text": "b"}]}', "p.json", fmt="json")
    with pytest.raises(InputError, match=r"^post c\.yaml: duplicate key '0\.text' at line 3$"):
        parse("- id: x\n  text: Kom\n  text: x\n", "c.yaml", fmt="yaml")


def test_a_csv_record_with_more_fields_than_the_header_is_its_error_not_cut_short():
    errors = []
    text = "id,text\n1,Kom naar de markt, Bel 0612345678\n2,Bel ons\n"
    posts = parse(text, "p.csv", fmt="csv", on_error=errors.append)
    assert [p.text for p in posts] == ["Bel ons"]  # record 1 is not checked as "Kom naar de markt" alone
    assert [str(e) for e in errors] == [
        "post p.csv#1: 3 fields, the header has 2 (a separator in an unquoted cell?); quote that cell (line 2)"]
    with pytest.raises(InputError, match=r"p\.csv#1: 3 fields"):
        parse(text, "p.csv", fmt="csv")
