"""The ``socialrisk`` command: check, baseline, redact, rules, explain, schema (and audit).

Exit codes: 0 nothing at or above the fail level; 1 a post at or above it; 2 usage, config or input
error, or an unexpected error (one line on stderr naming the file and the error type, no traceback unless
SOCIALRISK_DEBUG is set; never post text). Locations are ``file:line:column``; columns count characters.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from ._cache import set_starting_up, writing
from .errors import SocialRiskError
from .formats import FORMATS, SourcePost, decode, detect_format, parse, read_file
from .render.text import printable
from .suppress import Outcome, apply

EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # as a Unix tool ended by SIGPIPE: the output was not all read
DEBUG_ENV = "SOCIALRISK_DEBUG"  # set (non-empty): an unexpected error also prints its traceback


def _internal(exc: BaseException, where: str | None = None) -> str:
    """The one line for an unexpected error: where, and the exception's type only (its message may quote a post).

    With SOCIALRISK_DEBUG set, the traceback goes to stderr first (it may hold post text: opt-in only).
    """
    if os.environ.get(DEBUG_ENV):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    return (f"{where + ': ' if where else ''}internal error ({type(exc).__name__}); "
            f"please report it (set {DEBUG_ENV}=1 for a traceback)")


class _StartupCollector:
    """Pauses the cyclic garbage collector while the command starts.

    While paused, the run counts as starting up (``_cache.is_starting_up``): large word tables load
    in their compact form. A cold start builds a few million long-lived objects (spaCy, Presidio, rule
    packs, word tables), and every full collection walks them all again: about 0.1 s each, and the
    interpreter runs one more at exit. Start-up makes little cyclic garbage, so a run collects nothing
    until its second post (or an audit, a long job) begins; a one-post run such as a pre-commit hook on
    one file never does.
    """

    def __init__(self) -> None:
        self.paused = False
        self.posts = 0

    def pause(self, *, collector_on: bool | None = None) -> None:
        """Start a run. ``collector_on``: whether the collector was on before the caller paused it itself."""
        set_starting_up(True)
        self.posts = 0
        self.paused = gc.isenabled() if collector_on is None else collector_on
        gc.disable()

    def resume(self) -> None:
        set_starting_up(False)
        if self.paused:
            self.paused = False
            gc.enable()

    def next_post(self) -> None:
        self.posts += 1
        if self.posts > 1:
            self.resume()


_STARTUP = _StartupCollector()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2 with one line, as argparse does
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"socialrisk: error: {message}\n")



def _lang_arg(value: str) -> "str | None":
    """--lang: nl/en or a tag of them (nl-NL, EN), read like a post's lang field."""
    from .models import normalize_lang

    try:
        return normalize_lang(value, detect="leave --lang out")
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None

def _colour(stream) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set to a non-empty value (no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _post_args(p: argparse.ArgumentParser, *, many: bool = True) -> None:
    if many:
        p.add_argument("files", nargs="+", help="post files (.md, .txt, .json, .jsonl, .yaml, .csv), or - for standard input")
    p.add_argument("--lang", type=_lang_arg, metavar="LANG",
                   help="language of the posts when a file does not say: nl or en, or a tag such as nl-NL (default: detect)")
    p.add_argument("--platform", help="platform profile when a file does not say, e.g. x, bluesky, linkedin")
    p.add_argument("--input-format", choices=FORMATS, help="how to read the files (default: from the suffix; stdin: text)")
    if many:
        p.add_argument("--text-field", default="text", help="field holding the post text in JSON/JSONL/YAML/CSV (default: text)")
        p.add_argument("--id-field", default="id", help="field holding the post id in collections (default: id)")


CONFIG_HELP = "config file (default: nearest socialrisk.toml or [tool.socialrisk] in pyproject.toml)"


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="socialrisk", description="Check draft social-media posts before they are published.")
    p.add_argument("--version", action="version", version=f"socialrisk {__version__}")
    p.add_argument("--config", help=CONFIG_HELP)
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    c = sub.add_parser("check", help="check posts in files, or '-' for standard input")
    _post_args(c)
    c.add_argument("--format", choices=["text", "json", "sarif", "github"], default="text")
    c.add_argument("--fail-on", choices=["go", "review", "no_go"], default="no_go",
                   help="exit 1 when a post's decision is at or above this (default: no_go)")
    c.add_argument("--show-suppressed", action="store_true", help="list suppressed findings too (text output; JSON and SARIF always include them, marked)")
    c.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline")
    c.add_argument("--require-posts", action="store_true",
                   help="exit 2 when no post was checked (an empty folder or collection); default: a notice, exit 0")

    b = sub.add_parser("baseline", help="record the current findings so that later checks report only new ones")
    _post_args(b)
    b.add_argument("-o", "--output", default=".socialrisk-baseline.json", help="baseline file to write (default: %(default)s)")

    r = sub.add_parser("redact", help="print a post with its personal data replaced")
    r.add_argument("file", help="a post file (.md or .txt), or - for standard input")
    _post_args(r, many=False)
    r.add_argument("--write", action="store_true", help="write the result back to the file, keeping FILE.bak")

    sub.add_parser("rules", help="list all rules").add_argument("--format", choices=["text", "json", "markdown"], default="text")
    e = sub.add_parser("explain", help="explain one rule")
    e.add_argument("rule_id")
    sub.add_parser("schema", help="print the JSON Schema of a Report")
    from . import audit_cli  # its module imports nothing heavy; pandas loads only when audit runs

    audit_cli.add_parser(sub)
    # Also after the command, so a pre-commit hook (entry: socialrisk check) can pass it in `args:`.
    for name, command in sub.choices.items():
        if name != "schema" and not any("--config" in a.option_strings for a in command._actions):
            command.add_argument("--config", default=argparse.SUPPRESS, help=CONFIG_HELP)
    return p


def _read_sources(name: str, args, on_error=None, max_chars: int | None = None) -> list[SourcePost]:
    """The posts in one file argument ('-' reads standard input as text unless --input-format says).

    ``on_error`` receives each bad record of a collection; the file's other posts are still returned.
    ``max_chars``: a one-post file over it is refused before it is masked (see ``formats.parse``).
    """
    fields = {"text_field": getattr(args, "text_field", "text"), "id_field": getattr(args, "id_field", "id"),
              "on_error": on_error, "max_chars": max_chars}
    if name == "-":
        return parse(decode(sys.stdin.buffer.read(), "<stdin>"), "<stdin>", fmt=args.input_format or "text", **fields)
    return read_file(name, fmt=args.input_format, **fields)


_FOLDER_SUFFIXES = {".md", ".markdown", ".txt"}


def _expand(names: list[str], notices: list[tuple[str, str]] | None = None) -> list[str]:
    """Folders become their Markdown and text files (hidden ones skipped), sorted; other names stay.

    A folder without such files adds a notice to ``notices`` (collections must be named explicitly).
    """
    out = []
    for name in names:
        folder = Path(name)
        if name == "-" or not folder.is_dir():
            out.append(name)
            continue
        found = sorted(
            str(p) for p in folder.rglob("*")
            if p.suffix.lower() in _FOLDER_SUFFIXES and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        )
        if not found and notices is not None:
            notices.append((name, "no post files (.md, .markdown, .txt) in this folder; name collection files "
                                  "(.json, .jsonl, .yaml, .csv) explicitly"))
        out += found
    return out


def _check_source(pipeline, source: SourcePost, args):
    """Check one post; file fields (front matter, record fields) win over --lang/--platform."""
    given = {k: v for k, v in source.fields.items() if v is not None}
    post = {"lang": args.lang, "platform": args.platform, **given, "id": source.label}
    _STARTUP.next_post()
    return pipeline.check({k: v for k, v in post.items() if v is not None})


_NO_TEXT = "no post text (the file is empty, or holds only front matter, code or comments); nothing to check"


def _run(args, pipeline, baseline=None) -> tuple[list[Outcome], list[tuple[str, str]], list[tuple[str, str]]]:
    """Check every post of every file; unreadable files and bad posts become (file, message) errors.

    Also returns (file, message) notices: nothing to check in a file or folder. They go to stderr and
    do not change the exit code (``--require-posts`` makes a run that checked no post an error).
    """
    outcomes, errors, notices = [], [], []
    for name in _expand(args.files, notices):
        label = "<stdin>" if name == "-" else name
        before = len(errors)
        try:
            sources = _read_sources(name, args, on_error=lambda exc, label=label: errors.append((label, str(exc))),
                                    max_chars=pipeline.config.max_chars)
        except SocialRiskError as exc:
            errors.append((label, str(exc)))
            continue
        except Exception as exc:  # one file's unexpected failure must not lose the others (nor exit 1, "no-go")
            errors.append((label, _internal(exc, label)))
            continue
        if not sources and len(errors) == before:
            notices.append((label, "no posts in this file"))
        for source in sources:
            if source.index is None and isinstance(source.text, str) and not source.text.strip():
                notices.append((label, _NO_TEXT))  # an empty placeholder or a front-matter-only draft
                continue
            try:
                report = _check_source(pipeline, source, args)
                outcomes.append(apply(
                    source, report, pipeline.config.policy, baseline=baseline.matcher(report) if baseline else None,
                    known=pipeline.known_selectors,
                ))
            except SocialRiskError as exc:
                errors.append((label, str(exc)))
            except Exception as exc:
                errors.append((label, _internal(exc, source.label)))
    for _, message in errors:
        print(f"socialrisk: {printable(message)}", file=sys.stderr)
    if not outcomes and not errors:
        notices.append(("", "no posts were checked"))
    for label, message in notices:
        print(printable(f"socialrisk: {label + ': ' if label else ''}notice: {message}"), file=sys.stderr)
    return outcomes, errors, notices


def _render_text(o: Outcome, *, colour: bool, show_suppressed: bool) -> str:
    from .render.text import _DECISION_COLOURS, _c, render_finding

    r = o.report
    head = _c(r.decision.value.upper().replace("_", "-"), _DECISION_COLOURS[r.decision.value], colour)
    lines = [f"{printable(o.source.label)}: {head} (risk {r.score:.0f}/100, language {r.language}, "
             f"{len(r.findings)} finding(s), {len(r.suppressed)} suppressed)"]
    path = printable(o.source.path)

    def loc(f) -> str:
        line, col, _, _ = o.span_lines(f.span)
        return f"{path}:{line}:{col}: "

    lines += ["  " + render_finding(f, location=loc(f), colour=colour) for f in r.findings]
    lines += [f"  {path}:{n.line}:{n.column}: notice: {printable(n.message)}" for n in o.notices]
    lines += [f"  {path}:{u.line}:{u.column}: {printable(u.message)}" for u in o.unused]
    if show_suppressed:
        lines += [f"  [suppressed by {f.details.get('suppressed_by', 'policy')}] " + render_finding(f, location=loc(f), colour=False)
                  for f in r.suppressed]
    elif r.suppressed:
        lines.append(f"  ({len(r.suppressed)} suppressed; --show-suppressed lists them)")
    lines += [f"  (checker {fl.checker} failed: {fl.error})" for fl in r.failed]
    return "\n".join(lines)


def _summary(outcomes: list[Outcome], errors: list) -> str:
    counts = {d: sum(o.report.decision.value == d for o in outcomes) for d in ("no_go", "review", "go")}
    suppressed = sum(len(o.report.suppressed) for o in outcomes)
    unused = sum(len(o.unused) for o in outcomes)
    out = f"{len(outcomes)} post(s): {counts['no_go']} no-go, {counts['review']} review, {counts['go']} go; {suppressed} suppressed"
    if unused:
        out += f"; {unused} unused suppression(s)"
    if errors:
        out += f"; {len(errors)} error(s)"
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")


def _dumps(data) -> str:
    """Indented JSON, UTF-8 as is; a lone surrogate anywhere (an id, a platform) is written as U+FFFD."""
    return _SURROGATE.sub("\ufffd", json.dumps(data, ensure_ascii=False, indent=2))


def _cmd_check(args, pipeline) -> int:
    from .models import Decision

    baseline = None
    if args.baseline:
        from .baseline import Baseline

        baseline = Baseline.load(args.baseline)
        if baseline.version < 3:
            why = ("matches findings by rule and word only" if baseline.version == 1
                   else "holds plain hashes of personal data, which can be recovered by trying every number")
            print(f"socialrisk: {args.baseline}: baseline version {baseline.version} {why}; "
                  "run 'socialrisk baseline' again to write version 3", file=sys.stderr)
    outcomes, errors, notices = _run(args, pipeline, baseline)
    fail_rank = Decision(args.fail_on).rank
    worst = EXIT_ERROR if errors or (args.require_posts and not outcomes) else EXIT_OK
    if any(o.report.decision.rank >= fail_rank for o in outcomes):
        worst = max(worst, EXIT_FAIL)
    if args.format == "json":
        from .render.json import render_json

        out = render_json(outcomes)
        # A file or record that could not be checked is an entry too, so a script sees what failed (stderr says it as well).
        out += [{"source": {"path": path}, "error": message} for path, message in errors]
        if outcomes:
            one_post = outcomes[0].source.index is None
        else:  # a one-post file (.md, .txt) that failed
            name = args.files[0] if args.files else ""
            one_post = name != "-" and not Path(name).is_dir() and (args.input_format or detect_format(name)) in ("markdown", "text")
        single = len(out) == 1 and len(args.files) == 1 and one_post
        print(_dumps(out[0] if single else out))
    elif args.format == "sarif":
        from .render.sarif import render_sarif

        log = render_sarif(outcomes, pipeline.rules.rules, errors=errors)  # suppressed ones too, marked
        print(_dumps(log))
    elif args.format == "github":
        from .render.github import annotation, render_github

        text = render_github(outcomes)
        if text:
            print(text)
        for path, message in errors:
            print(annotation("error", message, file=path, title="socialrisk"))
        for path, message in notices:
            print(annotation("warning", message, file=path or None, title="socialrisk notice"))
    else:
        colour = _colour(sys.stdout)
        for o in outcomes:
            print(_render_text(o, colour=colour, show_suppressed=args.show_suppressed))
        # Said once for the run, not once per post: the same checker is skipped for the same reason.
        for checker, reason in dict.fromkeys((s.checker, s.reason) for o in outcomes for s in o.report.skipped):
            print(f"(skipped {checker}: {reason})")
        if len(outcomes) + len(errors) > 1 or any(o.unused for o in outcomes):
            print(_summary(outcomes, errors))
    return worst


def _cmd_baseline(args, pipeline) -> int:
    from .baseline import write_baseline
    from .formats import same_file

    read = next((name for name in _expand(args.files) if name != "-" and same_file(name, args.output)), None)
    if read is not None:  # -o naming a post would replace the draft with the baseline's JSON
        print(f"socialrisk: {printable(args.output)}: -o names a file being read; choose another output path", file=sys.stderr)
        return EXIT_ERROR
    outcomes, errors, _ = _run(args, pipeline)
    n = write_baseline(args.output, [(o.source, o.report) for o in outcomes])
    print(f"socialrisk: recorded {n} finding(s) of {len(outcomes)} post(s) in {args.output}", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_OK


def _cmd_redact(args, pipeline) -> int:
    from .formats import encode_like, replace_body

    name = args.file
    if name == "-" and args.write:
        print("socialrisk: --write needs a file, not standard input", file=sys.stderr)
        return EXIT_ERROR
    args.files = [name]
    sources = _read_sources(name, args, max_chars=pipeline.config.max_chars)
    if len(sources) != 1 or sources[0].index is not None:
        print(f"socialrisk: {name}: redact works on one post per file (.md, .txt)", file=sys.stderr)
        return EXIT_ERROR
    source = sources[0]
    if isinstance(source.text, str) and not source.text.strip():  # as check says it: a notice, not an error
        print(f"socialrisk: {printable(name)}: notice: {_NO_TEXT}", file=sys.stderr)
        if not args.write:
            sys.stdout.write(source.file_text)
        return EXIT_OK
    report = _check_source(pipeline, source, args)
    result = source.file_text if report.redacted is None else replace_body(source, report.redacted)
    if not args.write:
        sys.stdout.write(result)
        return EXIT_OK
    if result == source.file_text:
        print(f"socialrisk: {name}: nothing to redact", file=sys.stderr)
        return EXIT_OK
    path = Path(name)
    backup = path.with_name(path.name + ".bak")
    try:
        original = path.read_bytes()
        backup.write_bytes(original)
    except OSError as exc:  # a read-only folder: as 'socialrisk baseline -o' says it, one line, exit 2
        print(f"socialrisk: {printable(str(backup))}: cannot write the backup ({exc.strerror}); {printable(name)} is unchanged",
              file=sys.stderr)
        return EXIT_ERROR
    try:
        path.write_bytes(encode_like(original, result))  # in the file's own encoding (UTF-16 stays UTF-16)
    except OSError as exc:
        print(f"socialrisk: {printable(name)}: cannot write ({exc.strerror}); the backup is {printable(str(backup))}", file=sys.stderr)
        return EXIT_ERROR
    print(f"socialrisk: wrote {name} (backup: {backup})", file=sys.stderr)
    return EXIT_OK


def _cmd_rules(args, pipeline) -> int:
    rules = sorted(pipeline.rules.rules, key=lambda r: r.id)
    if args.format == "json":
        print(json.dumps([r.model_dump(mode="json", exclude={"source"}) for r in rules], ensure_ascii=False, indent=2))
        return EXIT_OK
    if args.format == "markdown":
        from .docs import rules_markdown

        print(rules_markdown(rules))
        return EXIT_OK
    width = max((len(r.id) for r in rules), default=10)
    for r in rules:
        print(f"{r.id:<{width}}  {r.category.value:<11} {r.severity.value:<7} {'/'.join(r.languages):<5} {r.what}")
    return EXIT_OK


def _cmd_explain(args, pipeline) -> int:
    from .docs import explain

    rule = pipeline.rules.get(args.rule_id.upper())
    if rule is None:
        print(f"socialrisk: unknown rule id {args.rule_id!r} (see 'socialrisk rules')", file=sys.stderr)
        return EXIT_ERROR
    print(explain(rule))
    return EXIT_OK


def _cmd_schema(args, pipeline) -> int:
    from .models import Report

    print(json.dumps(Report.model_json_schema(), indent=2))
    return EXIT_OK


def _cmd_audit(args, pipeline) -> int:
    from .audit_cli import run

    _STARTUP.resume()  # an audit is a long job: collect as usual from its start
    return run(args, pipeline)


COMMANDS = {
    "check": _cmd_check,
    "baseline": _cmd_baseline,
    "redact": _cmd_redact,
    "rules": _cmd_rules,
    "explain": _cmd_explain,
    "schema": _cmd_schema,
    "audit": _cmd_audit,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command in this process (tests, embedding); the garbage collector is as before on return."""
    _STARTUP.pause()
    try:
        return _main(argv)
    finally:
        _STARTUP.resume()


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        # Each run is a cold start: keep the validated rule packs and word lists for the next one.
        with writing():
            pipeline = None
            if args.command != "schema":
                from .pipeline import Pipeline

                pipeline = Pipeline(args.config)
            return COMMANDS[args.command](args, pipeline)
    except SocialRiskError as exc:
        print(f"socialrisk: {printable(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`socialrisk check ... | head`): stop quietly with 141, the status of a Unix tool
        # ended by SIGPIPE. Not 0: the run's verdict was not delivered, and a no-go post must not pass.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a crash is exit 2, never 1: CI must tell it from a blocked post
        where = getattr(args, "source", None) or getattr(args, "file", None)
        print(f"socialrisk: {printable(_internal(exc, where))}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
