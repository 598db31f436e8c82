"""TOML front matter (``+++`` ... ``+++``, as Hugo writes it): the same fields as YAML front matter."""

from __future__ import annotations

from datetime import datetime

import pytest

from socialrisk.errors import InputError
from socialrisk.formats import parse, read_file
from socialrisk.suppress import suppressions_of

YAML = ("---\nlang: nl\nplatform: x\npaid: true\nsponsor: Partij\nscheduled: 2026-03-01\nmedia:\n"
        "  - {path: a.png, alt: Foto van de markt}\n  - b.png\ntargeting: {age: 18-35}\nignore: [ACME-WORD]\ntitle: Markt\n---\n")
TOML = ('+++\nlang = "nl"\nplatform = "x"\npaid = true\nsponsor = "Partij"\nscheduled = 2026-03-01\n'
        'media = [{path = "a.png", alt = "Foto van de markt"}, "b.png"]\ntargeting = {age = "18-35"}\n'
        'ignore = ["ACME-WORD"]\ntitle = "Markt"\n+++\n')
BODY = "Kom zaterdag naar de markt.\n"


def _md(text):
    return parse(text, "post.md", fmt="markdown")[0]


def test_toml_front_matter_gives_the_same_fields_as_yaml():
    toml, yaml = _md(TOML + BODY), _md(YAML + BODY)
    assert toml.fields == {**yaml.fields, "text": toml.text}
    assert toml.text.strip() == BODY.strip() and "+++" not in toml.text and "lang" not in toml.text
    assert toml.fields["scheduled"] == datetime(2026, 3, 1) and toml.fields["media"][1] == {"path": "b.png"}
    assert toml.ignore == ("ACME-WORD",) and toml.kind == "markdown"
    # the post text is blanked in place: its offsets are the file's, so line:column point at the word
    assert toml.line_col(toml.text.index("markt")) == (12, 22)


def test_toml_front_matter_ignore_is_a_file_suppression_at_its_line():
    sp = _md(TOML + BODY)
    (sup,) = suppressions_of(sp)
    assert sup.kind == "file" and sup.selectors == ("ACME-WORD",)
    assert sp.file_text[sup.at:].startswith("ignore =")


def test_toml_front_matter_with_crlf_and_a_bom(tmp_path):
    path = tmp_path / "p.md"
    path.write_bytes(b"\xef\xbb\xbf" + TOML.replace("\n", "\r\n").encode() + b"Hallo daar.\r\n")
    (sp,) = read_file(str(path))
    assert sp.fields["lang"] == "nl" and sp.text.strip() == "Hallo daar."


def test_toml_front_matter_may_not_set_text():
    with pytest.raises(InputError, match=r"post\.md: front matter may not set 'text'"):
        _md('+++\ntext = "iets"\n+++\nHallo\n')


@pytest.mark.parametrize("front, message", [
    ('lang = "nl"\nlang "en"\n', "post post.md: invalid TOML front matter at line 3 (Expected '=' after a key in a key/value pair)"),
    ('lang = "nl"\nplatform = "x"\nlang = "en"\n', "post post.md: duplicate key 'lang' in front matter at line 4"),
    ('[targeting]\nage = "18"\n[targeting]\nage = "19"\n', "post post.md: duplicate key 'targeting' in front matter at line 4"),
    ('media = {path = "a", path = "b"}\n', "post post.md: duplicate key 'path' in front matter at line 2"),
    ('lang = "nl"\nscheduled = 2026-13-45\n', "post post.md: invalid date in front matter field 'scheduled' at line 3 "
                                             "(no such day; write YYYY-MM-DD)"),
    ('scheduled = 2024-02-30T10:00:00\n', "post post.md: invalid date in front matter field 'scheduled' at line 2 "
                                         "(no such day; write YYYY-MM-DD)"),
    ('lang = "nl\n', "post post.md: invalid TOML front matter at line 2 (Illegal character '\\n')"),
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", "post post.md: TOML front matter nested too deeply (over 100 levels)"),
    ("x = " + "[" * 150 + "]" * 150 + "\n", "post post.md: TOML front matter nested too deeply (over 100 levels)"),
], ids=["no-equals", "duplicate-key", "duplicate-table", "duplicate-inline", "month-13", "feb-30", "unclosed-string",
        "deep-5000", "deep-150"])
def test_broken_toml_front_matter_is_one_clear_error_naming_the_file_and_line(front, message):
    with pytest.raises(InputError) as exc:
        _md(f"+++\n{front}+++\nHallo daar.\n")
    assert str(exc.value) == message


def test_a_toml_error_never_quotes_a_key_that_may_be_post_text():
    with pytest.raises(InputError) as exc:
        _md('+++\n"Bel Kees op 0612345678" = 1\n"Bel Kees op 0612345678" = 2\n+++\nHallo\n')
    assert str(exc.value) == "post post.md: duplicate key in front matter at line 3"
    with pytest.raises(InputError) as exc:
        _md('+++\n[a."Bel Kees"]\nx = 1\n[a."Bel Kees"]\n+++\nHallo\n')
    assert "Kees" not in str(exc.value) and "line 4" in str(exc.value)


def test_plus_lines_that_do_not_open_front_matter_are_post_text():
    assert _md("+++ Breaking +++\nlang = nl\n").text.startswith("+++ Breaking")
    assert _md("Hallo\n+++\nx = 1\n+++\n").text.startswith("Hallo\n+++")  # not at the top
