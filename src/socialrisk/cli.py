"""The ``socialrisk`` command.

Exit codes: 0 nothing at or above the fail level; 1 a post at or above it; 2 usage or input error
(one line on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import SocialRiskError

EXIT_OK, EXIT_FAIL, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors: exit 2 with one line, as argparse does
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"socialrisk: error: {message}\n")


def _colour(stream) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="socialrisk", description="Check draft social-media posts before they are published.")
    p.add_argument("--version", action="version", version=f"socialrisk {__version__}")
    p.add_argument("--config", help="config file (default: nearest socialrisk.toml or [tool.socialrisk])")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    c = sub.add_parser("check", help="check posts in files, or '-' for standard input")
    c.add_argument("files", nargs="+", help="files to check, or - for standard input")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.add_argument("--lang", choices=["nl", "en"], help="language of the posts (default: detect)")
    c.add_argument("--platform", help="platform profile, e.g. x, bluesky, linkedin")
    c.add_argument("--fail-on", choices=["go", "review", "no_go"], default="no_go",
                   help="exit 1 when a post's decision is at or above this (default: no_go)")

    sub.add_parser("rules", help="list all rules").add_argument("--format", choices=["text", "json", "markdown"], default="text")
    e = sub.add_parser("explain", help="explain one rule")
    e.add_argument("rule_id")
    sub.add_parser("schema", help="print the JSON Schema of a Report")
    return p


def _read_input(name: str) -> str:
    from .errors import InputError

    if name == "-":
        data = sys.stdin.buffer.read()
        label = "<stdin>"
    else:
        label = name
        try:
            data = Path(name).read_bytes()
        except FileNotFoundError:
            raise InputError("file not found", post_id=label) from None
        except IsADirectoryError:
            raise InputError("is a directory", post_id=label) from None
        except OSError as exc:
            raise InputError(f"cannot read file ({exc.strerror})", post_id=label) from None
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file", post_id=label)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 (byte {exc.start})", post_id=label) from None


def _cmd_check(args, pipeline) -> int:
    from .models import Decision
    from .render.text import render_report

    fail_rank = Decision(args.fail_on).rank
    worst = EXIT_OK
    out = []
    for name in args.files:
        label = "<stdin>" if name == "-" else name
        try:
            text = _read_input(name)
            report = pipeline.check(text, lang=args.lang, platform=args.platform, id=label)
        except SocialRiskError as exc:
            print(f"socialrisk: {exc}", file=sys.stderr)
            worst = max(worst, EXIT_ERROR)
            continue
        if report.decision.rank >= fail_rank:
            worst = max(worst, EXIT_FAIL)
        if args.format == "json":
            out.append(report.model_dump(mode="json"))
        else:
            print(render_report(report, text=text, path=label, colour=_colour(sys.stdout)))
    if args.format == "json":
        print(json.dumps(out[0] if len(out) == 1 and len(args.files) == 1 else out, ensure_ascii=False, indent=2))
    return worst


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


COMMANDS = {"check": _cmd_check, "rules": _cmd_rules, "explain": _cmd_explain, "schema": _cmd_schema}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        pipeline = None
        if args.command != "schema":
            from .pipeline import Pipeline

            pipeline = Pipeline(args.config)
        return COMMANDS[args.command](args, pipeline)
    except SocialRiskError as exc:
        print(f"socialrisk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
