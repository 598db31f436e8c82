"""The socialrisk command: check (text, json, github), collections, stdin, redact, exit codes."""

from __future__ import annotations

import io
import json
import sys

import pytest

from socialrisk import cli
from repo_helpers import demo  # noqa: F401  (fixture)

NO_GO = "---\nlang: nl\nplatform: x\n---\nHallo 😀 allemaal,\n\nDe geheimcode is 4711.\n"
CLEAN = "Kom zaterdag naar de markt! We eten kool.\n"


def run(capsys, *argv):
    rc = cli.main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_no_go_post_fails_with_file_line_col_and_rule_id(demo, capsys):
    (demo / "a.md").write_text(NO_GO, "utf-8")
    (demo / "b.txt").write_text(CLEAN, "utf-8")
    rc, out, err = run(capsys, "check", "a.md", "b.txt")
    assert rc == 1 and err == ""
    assert "a.md: NO-GO" in out and "a.md:7:4: blocker ACME-SECRET" in out
    assert "b.txt: GO" in out and "2 post(s): 1 no-go, 0 review, 1 go" in out
    assert "\033[" not in out  # not a terminal: no colour


def test_clean_post_passes_and_fail_on_lowers_the_bar(demo, capsys):
    (demo / "c.md").write_text("Wij eten graag spruitjes.\n", "utf-8")
    assert run(capsys, "check", "c.md")[0] == 0
    assert run(capsys, "check", "--fail-on", "go", "c.md")[0] == 1


def test_crlf_file_columns(demo, capsys):
    (demo / "a.md").write_text(NO_GO.replace("\n", "\r\n"), "utf-8", newline="")
    assert "a.md:7:4: blocker ACME-SECRET" in run(capsys, "check", "a.md")[1]


def test_json_output_has_file_locations(demo, capsys):
    (demo / "a.md").write_text(NO_GO, "utf-8")
    rc, out, _ = run(capsys, "check", "--format", "json", "a.md")
    data = json.loads(out)
    assert rc == 1 and data["decision"] == "no_go" and data["source"]["path"] == "a.md"
    f = data["findings"][0]
    assert f["rule_id"] == "ACME-SECRET" and f["span"]["excerpt"] == "geheimcode"
    assert f["location"] == {"path": "a.md", "line": 7, "column": 4, "end_line": 7, "end_column": 14}


def test_github_annotations(demo, capsys):
    (demo / "a.md").write_text(NO_GO.replace("4711", "4711, spruitjes"), "utf-8")
    rc, out, _ = run(capsys, "check", "--format", "github", "a.md")
    lines = out.splitlines()
    assert rc == 1
    assert "::error file=a.md,line=7,col=4,endLine=7,endColumn=14,title=ACME-SECRET (blocker)::Secret word in the post. Remove the secret word." in lines
    assert any(x.startswith("::notice file=a.md,line=7,col=24,") and "title=ACME-WORD (low)" in x for x in lines)


def test_github_escapes_properties_and_data():
    from socialrisk.render.github import annotation

    assert annotation("error", "50%\nnext", file="a,b:c.md", line=1) == "::error file=a%2Cb%3Ac.md,line=1::50%25%0Anext"


def test_collections_one_report_per_post(demo, capsys):
    (demo / "posts.jsonl").write_text('{"nr": "a", "body": "De geheimcode is hier."}\n{"nr": "b", "body": "Schoon."}\n', "utf-8")
    rc, out, _ = run(capsys, "check", "--format", "json", "--text-field", "body", "--id-field", "nr", "posts.jsonl")
    data = json.loads(out)
    assert rc == 1 and [d["post_id"] for d in data] == ["posts.jsonl#a", "posts.jsonl#b"]
    assert [d["decision"] for d in data] == ["no_go", "go"]
    assert data[0]["findings"][0]["location"]["column"] == 25


def test_a_bad_record_is_reported_and_the_rest_of_the_collection_is_still_checked(demo, capsys):
    (demo / "posts.jsonl").write_text(
        '{"id": "a", "text": "De geheimcode is hier."}\n{oops geheimcode\n["x"]\n{"id": "d", "body": "x"}\n'
        '{"id": "e", "text": "Schoon."}\n', "utf-8")
    rc, out, err = run(capsys, "check", "posts.jsonl")
    assert rc == 2  # an input error outranks the no-go: the run did not see every post
    assert "posts.jsonl#a: NO-GO" in out and "posts.jsonl#e: GO" in out
    assert "2 post(s): 1 no-go, 0 review, 1 go; 0 suppressed; 3 error(s)" in out
    assert err.splitlines() == [
        "socialrisk: post posts.jsonl: invalid JSON on line 2, column 2",
        "socialrisk: post posts.jsonl#3: each post must be a mapping of fields",
        "socialrisk: post posts.jsonl#4: no field 'text' (set --text-field)",
    ]
    assert "geheimcode" not in err and "oops" not in err


def test_stdin(demo, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("De geheimcode.".encode())))
    rc, out, _ = run(capsys, "check", "-")
    assert rc == 1 and "<stdin>:1:4: blocker ACME-SECRET" in out


def test_input_errors_are_one_line_and_exit_2(demo, capsys):
    (demo / "bad.md").write_text("---\nlang: [nl\n---\nDe geheimcode.\n", "utf-8")
    (demo / "empty.md").write_text("---\nlang: nl\n---\n<!-- alleen commentaar -->\n", "utf-8")
    rc, out, err = run(capsys, "check", "bad.md", "missing.txt", "empty.md")
    assert rc == 2 and out.strip().endswith("0 post(s): 0 no-go, 0 review, 0 go; 0 suppressed; 2 error(s)")
    assert err.splitlines() == [
        "socialrisk: post bad.md: invalid YAML front matter at line 3",
        "socialrisk: post missing.txt: file not found",
        "socialrisk: empty.md: notice: no post text (the file is empty, or holds only front matter, code or comments); nothing to check",
    ]
    assert "geheimcode" not in err


def test_usage_error_exit_2(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["check", "--format", "xml", "a.md"])
    assert e.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_colour_only_on_a_terminal_without_no_color(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli._colour(Tty()) and not cli._colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli._colour(Tty())


def test_redact_prints_and_writes_with_backup(demo, capsys):
    post = demo / "a.md"
    post.write_text(NO_GO + "<!-- geheimcode in een commentaar blijft -->\n", "utf-8")
    rc, out, _ = run(capsys, "redact", "a.md")
    assert rc == 0 and out == NO_GO.replace("geheimcode", "<SECRET>") + "<!-- geheimcode in een commentaar blijft -->\n"
    rc, _, err = run(capsys, "redact", "--write", "a.md")
    assert rc == 0 and "backup" in err
    assert (demo / "a.md.bak").read_text("utf-8").startswith(NO_GO)
    assert "<SECRET>" in post.read_text("utf-8")


def test_redact_without_personal_data_prints_unchanged(demo, capsys):
    (demo / "b.txt").write_text(CLEAN, "utf-8")
    assert run(capsys, "redact", "b.txt")[1] == CLEAN
    rc, _, err = run(capsys, "redact", "--write", "b.txt")
    assert rc == 0 and "nothing to redact" in err and not (demo / "b.txt.bak").exists()


def test_redact_refuses_collections(demo, capsys):
    (demo / "p.jsonl").write_text('{"text": "a"}\n', "utf-8")
    rc, _, err = run(capsys, "redact", "p.jsonl")
    assert rc == 2 and "one post per file" in err


def test_audit_subcommand_is_registered():
    sub = next(a for a in cli.build_parser()._actions if a.dest == "command")
    assert "audit" in sub.choices and "audit" in cli.COMMANDS


def test_folder_argument_checks_its_post_files(demo, capsys):
    (demo / "posts" / "sub").mkdir(parents=True)
    (demo / "posts" / ".hidden").mkdir()
    (demo / "posts" / "sub" / "a.md").write_text("De geheimcode.\n", "utf-8")
    (demo / "posts" / "b.txt").write_text("Schoon.\n", "utf-8")
    (demo / "posts" / "c.json").write_text("[]", "utf-8")
    (demo / "posts" / ".hidden" / "d.md").write_text("De geheimcode.\n", "utf-8")
    rc, out, _ = run(capsys, "check", "posts")
    assert rc == 1 and "2 post(s): 1 no-go, 0 review, 1 go" in out
    assert out.index("posts/b.txt: GO") < out.index("posts/sub/a.md: NO-GO") and "d.md" not in out


def test_a_skipped_checker_is_reported_once_per_run(demo, capsys):
    for name in ("a.txt", "b.txt"):
        (demo / name).write_text("OVERSLAAN graag.\n", "utf-8")
    rc, out, _ = run(capsys, "check", "a.txt", "b.txt")
    assert rc == 0 and out.count("(skipped acme.demo: asked to skip)") == 1


def test_invalid_utf8_and_binary_files_exit_2_and_the_others_are_still_checked(demo, capsys):
    (demo / "latin.txt").write_bytes("Caf\xe9 de la Paix, kom zaterdag!".encode("latin-1"))
    (demo / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (demo / "b.txt").write_text(CLEAN, "utf-8")
    rc, out, err = run(capsys, "check", "latin.txt", "b.txt", "blob.txt")
    assert rc == 2
    assert "latin.txt" in err and "UTF-8" in err and "blob.txt" in err and "binary" in err
    assert "b.txt" in out and "1 go" in out and "2 error(s)" in out and "Caf" not in err


def test_closed_pipe_is_quiet():
    import subprocess
    import sys

    proc = subprocess.run(
        f"{sys.executable} -m socialrisk rules | head -1", shell=True, capture_output=True, text=True
    )
    assert proc.stdout.count("\n") == 1 and "Traceback" not in proc.stderr


def test_the_process_entry_point_exits_with_the_commands_code_and_flushes_its_output(tmp_path):
    # ``python -m socialrisk`` (and the console script) end with os._exit: the output must still be
    # complete, the exit code the command's own, and exit handlers must still have run.
    import shutil
    import subprocess
    from pathlib import Path

    shutil.copy(Path(__file__).parents[1] / "examples" / "posts" / "leak.md", tmp_path / "a.md")
    (tmp_path / "b.txt").write_text(CLEAN, "utf-8")
    probe = (
        "import atexit, sys; atexit.register(lambda: print('exit handler ran', file=sys.stderr)); "
        "from socialrisk.__main__ import run; sys.argv = ['socialrisk', *sys.argv[1:]]; run()"
    )
    for files, code in ((["b.txt"], 0), (["a.md", "b.txt"], 1), (["missing.md"], 2)):
        proc = subprocess.run([sys.executable, "-c", probe, "check", *files], cwd=tmp_path, capture_output=True, text=True)
        assert proc.returncode == code, proc.stderr
        assert proc.stderr.rstrip().endswith("exit handler ran") and "Traceback" not in proc.stderr
        if code != 2:
            assert all(f"{name}: " in proc.stdout for name in files)
            last = "0 suppressed\n" if len(files) > 1 else "(set languagetool_url))\n"
            assert proc.stdout.endswith(last)  # the last line written: all of it flushed
    usage = subprocess.run([sys.executable, "-m", "socialrisk"], capture_output=True, text=True)
    assert usage.returncode == 2 and "socialrisk: error:" in usage.stderr


def test_the_collector_pauses_for_start_up_only(demo, capsys):
    import gc

    from socialrisk import _cache

    assert gc.isenabled()
    seen = []
    real = cli._STARTUP.next_post

    def spy():
        real()
        seen.append((gc.isenabled(), _cache.is_starting_up()))

    (demo / "a.txt").write_text(CLEAN, "utf-8")
    (demo / "b.txt").write_text(CLEAN, "utf-8")
    cli._STARTUP.next_post = spy
    try:
        rc, _, _ = run(capsys, "check", "a.txt", "b.txt")
    finally:
        del cli._STARTUP.next_post
    # Paused and starting up for the first post, as usual from the second, and as before on return.
    assert rc == 0 and seen == [(False, True), (True, False)]
    assert gc.isenabled() and not _cache.is_starting_up()


def test_an_unclosed_fence_is_checked_and_noticed_in_every_format(demo, capsys):
    (demo / "a.md").write_text("Kom naar de markt.\n```\nDe geheimcode is 4711.\n", "utf-8")
    (demo / "b.md").write_text("Hallo,\n\n    De geheimcode is 4711.\n", "utf-8")  # indented: published, so checked
    rc, out, err = run(capsys, "check", "a.md", "b.md")
    assert rc == 1 and err == "" and "a.md: NO-GO" in out and "b.md: NO-GO" in out
    assert "  a.md:2:1: notice: code fence is never closed: the text after it is checked as post text" in out
    rc, out, _ = run(capsys, "check", "--format", "github", "a.md")
    assert "::warning file=a.md,line=2,col=1,title=socialrisk notice::code fence is never closed" in out
    rc, out, _ = run(capsys, "check", "--format", "json", "a.md")
    assert json.loads(out)["notices"] == [{"line": 2, "column": 1, "message": "code fence is never closed: the text after it is checked as post text"}]
    rc, out, _ = run(capsys, "check", "--format", "sarif", "a.md")
    notes = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["message"]["text"] for n in notes] == ["code fence is never closed: the text after it is checked as post text"]


def test_config_works_before_and_after_the_command(demo, capsys):
    """A pre-commit hook's entry is `socialrisk check`, so `args: [--config, FILE]` comes after it."""
    (demo / "a.txt").write_text("De geheimcode is 4711.\n", "utf-8")
    alt = demo / "alt.toml"
    alt.write_text((demo / "socialrisk.toml").read_text("utf-8") + '[policy]\nignore = ["ACME-SECRET"]\n', "utf-8")
    assert run(capsys, "check", "a.txt")[0] == 1
    assert run(capsys, "check", "--config", "alt.toml", "a.txt")[0] == 0
    assert run(capsys, "--config", "alt.toml", "check", "a.txt")[0] == 0
    assert run(capsys, "rules", "--config", "alt.toml")[0] == 0
    rc, _, err = run(capsys, "check", "--config", "missing.toml", "a.txt")
    assert rc == 2 and "missing.toml: config file not found" in err


def test_nothing_to_check_is_a_notice_and_require_posts_makes_it_an_error(demo, capsys):
    (demo / "exports").mkdir()
    (demo / "exports" / "a.jsonl").write_text('{"text": "De geheimcode."}\n', "utf-8")
    (demo / "e.json").write_text("[]", "utf-8")
    (demo / "draft.md").write_text("---\nlang: nl\n---\n", "utf-8")
    (demo / "leeg.txt").write_text("", "utf-8")
    rc, out, err = run(capsys, "check", "exports", "e.json", "draft.md", "leeg.txt")
    assert rc == 0 and out == ""
    assert err.splitlines() == [
        "socialrisk: exports: notice: no post files (.md, .markdown, .txt) in this folder; name collection files (.json, .jsonl, .yaml, .csv) explicitly",
        "socialrisk: e.json: notice: no posts in this file",
        "socialrisk: draft.md: notice: no post text (the file is empty, or holds only front matter, code or comments); nothing to check",
        "socialrisk: leeg.txt: notice: no post text (the file is empty, or holds only front matter, code or comments); nothing to check",
        "socialrisk: notice: no posts were checked",
    ]
    rc, out, err = run(capsys, "check", "--require-posts", "--format", "github", "exports")
    assert rc == 2 and "::warning title=socialrisk notice::no posts were checked" in out.splitlines()
    (demo / "b.txt").write_text("Schoon.\n", "utf-8")
    rc, out, err = run(capsys, "check", "--require-posts", "draft.md", "b.txt")
    assert rc == 0 and "b.txt: GO" in out and "no posts were checked" not in err


def test_excerpts_cannot_clear_the_screen_reverse_text_or_stop_the_run(tmp_path, capsys, monkeypatch):
    """The excerpt is post text: an escape sequence in it could wipe the NO-GO above it and print its own
    GO; a lone surrogate (a cut-off emoji in a JSON export) could not be printed and ended the run."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "esc.txt").write_text("WIJ ZIJN \x1b[2J\x1b[H BOOS \u202eEN\u202c WOEDEND OP IEDEREEN HIER!\n", "utf-8")
    (tmp_path / "s.jsonl").write_text('{"id": "s", "text": "WIJ ZIJN \\ud83d BOOS EN WOEDEND OP IEDEREEN"}\n'
                                      '{"id": "t", "text": "Wethouder Jansen is een fraudeur."}\n', "utf-8")
    rc, out, err = run(capsys, "check", "esc.txt", "s.jsonl")
    assert "\033" not in out + err and "\u202e" not in out and "internal error" not in err
    assert "s.jsonl#s: " in out and "s.jsonl#t: NO-GO" in out  # every post reported
    assert "\\x1b[2J\\x1b[H" in out and "\\u202e" in out and "\\ud83d" in out


def test_ids_and_names_cannot_inject_lines_commands_or_escape_sequences(demo, capsys):
    (demo / "ids.jsonl").write_text(
        '{"id": "a/b\\n::error::x", "text": "Kom naar de markt."}\n'
        '{"id": "x\\u001b[1A\\u001b[2K\\rall good\\u202e", "text": "De geheimcode."}\n'
        '{"id": "::warning::y", "text": 3}\n', "utf-8")
    rc, out, err = run(capsys, "check", "ids.jsonl")
    assert "\033" not in out + err and "\r" not in out + err and "\u202e" not in out
    assert "ids.jsonl#a/b\\n::error::x: GO" in out and "ids.jsonl#x\\x1b[1A\\x1b[2K\\rall good\\u202e: NO-GO" in out
    assert not any(line.startswith("::") for line in (out + err).splitlines())
    rc, out, err = run(capsys, "check", "--format", "github", "ids.jsonl")
    assert [line for line in out.splitlines() if line.startswith("::")] == [
        line for line in out.splitlines() if line.startswith(("::error file=ids.jsonl,", "::notice file=ids.jsonl,", "::warning file=ids.jsonl,"))]
    assert "ids.jsonl#a/b\\n::error::x: GO" in out and "\033" not in out


def test_a_label_starting_with_two_colons_is_not_a_workflow_command():
    from socialrisk.render.github import _plain

    assert _plain("::error::x") == "%3A:error::x" and _plain("a\nb") == "a\\nb"


def test_suggestion_arrows_line_up(demo, capsys):
    (demo / "a.txt").write_text("De geheimcode.\n" + "\n" * 12 + "Nog een geheimcode en wat spruitjes.\n", "utf-8")
    out = run(capsys, "check", "a.txt")[1]
    arrows = [line for line in out.splitlines() if "-> " in line]
    assert len(arrows) == 3 and {line.index("->") for line in arrows} == {6}


def test_lang_takes_a_language_tag_and_refuses_other_languages(demo, capsys):
    (demo / "c.txt").write_text("Kom zaterdag naar de markt! We eten kool.\n", "utf-8")
    rc, out, _ = run(capsys, "check", "--format", "json", "--lang", "nl-NL", "c.txt")
    assert rc == 0 and json.loads(out)["language"] == "nl"
    with pytest.raises(SystemExit) as exc:
        cli.main(["check", "--lang", "fr", "c.txt"])
    assert exc.value.code == 2 and "not supported" in capsys.readouterr().err


def test_front_matter_text_is_an_error_and_the_body_is_never_replaced(demo, capsys):
    (demo / "p.md").write_text("---\ntext: Kom naar de markt\n---\nDe geheimcode is 4711.\n", "utf-8")
    (demo / "c.json").write_text(json.dumps([{"id": 1, "body": "De geheimcode is 4711.", "text": "Schoon."}]), "utf-8")
    rc, out, err = run(capsys, "check", "p.md")
    assert rc == 2 and "GO" not in out
    assert err.strip() == ("socialrisk: post p.md: front matter may not set 'text': the post text is the body after "
                           "the front matter (rename the key, e.g. 'summary')")
    rc, out, _ = run(capsys, "check", "--text-field", "body", "c.json")
    assert rc == 1 and "c.json#1: NO-GO" in out


def test_an_unexpected_error_in_one_file_is_exit_2_naming_the_file_and_the_others_go_on(demo, capsys, monkeypatch):
    from socialrisk import formats

    (demo / "a.md").write_text("De geheimcode is 4711.\n", "utf-8")
    (demo / "b.md").write_text("Kom naar de markt.\n", "utf-8")
    real = formats.read_file

    def broken(path, **kw):
        if path.endswith("b.md"):
            raise TypeError("ZZCANARY quoted")  # a message from deep inside may quote the post
        return real(path, **kw)

    monkeypatch.setattr(cli, "read_file", broken)
    monkeypatch.delenv("SOCIALRISK_DEBUG", raising=False)
    rc, out, err = run(capsys, "check", "a.md", "b.md")
    assert rc == 2 and "a.md: NO-GO" in out
    assert err.splitlines() == [
        "socialrisk: b.md: internal error (TypeError); please report it (set SOCIALRISK_DEBUG=1 for a traceback)"]
    rc, out, err = run(capsys, "check", "--format", "sarif", "a.md", "b.md")
    assert rc == 2 and "internal error (TypeError)" in out and "ZZCANARY" not in out + err


def test_an_unexpected_error_of_a_command_is_exit_2_with_one_line(demo, capsys, monkeypatch):
    def boom(args, pipeline):
        raise KeyError("x")

    monkeypatch.setitem(cli.COMMANDS, "rules", boom)
    monkeypatch.delenv("SOCIALRISK_DEBUG", raising=False)
    rc, out, err = run(capsys, "rules")
    assert rc == 2 and err == "socialrisk: internal error (KeyError); please report it (set SOCIALRISK_DEBUG=1 for a traceback)\n"
    monkeypatch.setenv("SOCIALRISK_DEBUG", "1")
    rc, out, err = run(capsys, "rules")
    assert rc == 2 and "Traceback" in err and err.endswith("(set SOCIALRISK_DEBUG=1 for a traceback)\n")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_a_lone_surrogate_in_an_id_or_platform_does_not_crash_the_output(demo, capsys, fmt):
    (demo / "s.jsonl").write_text('{"id": "p\\ud83d", "text": "De geheimcode is hier."}\n'
                                  '{"id": "q", "text": "Schoon.", "platform": "x\\ud83d"}\n', "utf-8")
    rc, out, err = run(capsys, "check", "--format", fmt, "s.jsonl")
    assert rc == 1
    out.encode("utf-8")  # no lone surrogate left: it can be written to a UTF-8 terminal, file or log
    assert ("s.jsonl#p\\ud83d: NO-GO" in out) if fmt == "text" else ("\ufffd" in out or "\\ud83d" in out)
    if fmt == "json":
        assert [d["post_id"] for d in json.loads(out)] == ["s.jsonl#p\ufffd", "s.jsonl#q"]


def test_redact_write_to_a_read_only_place_is_one_line_exit_2(demo, capsys, monkeypatch):
    from pathlib import Path

    (demo / "p.md").write_text("Mail jan.jansen@example.nl\n", "utf-8")
    real = Path.write_bytes

    def refuse(self, data):
        if self.name.endswith(".bak"):
            raise PermissionError(13, "Permission denied")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", refuse)
    # the redaction itself is the privacy checker's; here only the write matters
    monkeypatch.setattr(cli, "_check_source", lambda p, s, a: type("R", (), {"redacted": "Mail [e-mail]\n"})())
    rc, out, err = run(capsys, "redact", "--write", "p.md")
    assert rc == 2 and err == "socialrisk: p.md.bak: cannot write the backup (Permission denied); p.md is unchanged\n"
    assert (demo / "p.md").read_text("utf-8") == "Mail jan.jansen@example.nl\n"


def test_id_field_same_as_text_field_never_puts_the_text_in_error_lines(demo, capsys):
    (demo / "t.csv").write_text('id,text\n1,"De geheimcode is 4711"\n', "utf-8")
    rc, out, err = run(capsys, "check", "--id-field", "text", "t.csv")
    assert rc == 2 and "geheimcode" not in out + err
    assert err == "socialrisk: post t.csv: the id field and the text field are both 'text'; name another id field\n"


def test_json_output_lists_the_inputs_that_failed(demo, capsys):
    (demo / "a.md").write_text("De geheimcode is 4711.\n", "utf-8")
    rc, out, err = run(capsys, "check", "--format", "json", "missing.md")
    assert rc == 2 and json.loads(out) == {"source": {"path": "missing.md"}, "error": "post missing.md: file not found"}
    rc, out, err = run(capsys, "check", "--format", "json", "a.md", "missing.md")
    data = json.loads(out)
    assert rc == 2 and data[0]["post_id"] == "a.md" and data[1] == {"source": {"path": "missing.md"}, "error": "post missing.md: file not found"}


def test_csv_separator_is_read_from_the_header_as_the_audit_does(demo, capsys):
    (demo / "semi.csv").write_text('id;text\n1;"De geheimcode, hier"\n2;Schoon\n', "utf-8")
    rc, out, err = run(capsys, "check", "semi.csv")
    assert rc == 1 and err == "" and "semi.csv#1: NO-GO" in out and "semi.csv#2: GO" in out


def test_redact_of_a_file_without_post_text_is_a_notice_as_check_says(demo, capsys):
    (demo / "e.md").write_text("---\nlang: nl\n---\n", "utf-8")
    rc, out, err = run(capsys, "redact", "e.md")
    assert rc == 0 and out == "---\nlang: nl\n---\n" and "e.md: notice: no post text" in err
    rc, out, err = run(capsys, "redact", "--write", "e.md")
    assert rc == 0 and not (demo / "e.md.bak").exists()


def test_a_closed_pipe_never_turns_a_no_go_run_into_a_pass(tmp_path):
    import subprocess
    import sys

    post = tmp_path / "leak.md"
    post.write_text("Mijn buurman Jan de Vries (BSN 111222333) woont op de Kerkstraat 12.\n" * 40, encoding="utf-8")
    proc = subprocess.run(
        ["bash", "-c", f"'{sys.executable}' -m socialrisk check --format sarif '{post}' | head -c 10 >/dev/null;"
         " echo ${PIPESTATUS[0]}"], capture_output=True, text=True,
    )
    assert proc.stdout.strip() not in ("", "0") and "Traceback" not in proc.stderr
