"""The ``socialrisk audit`` subcommand: audit an export of past posts (imports pandas only when run)."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``audit`` on the CLI's subparsers."""
    a = subparsers.add_parser("audit", help="audit many past posts (CSV, JSONL, Parquet) into tables and an HTML report")
    a.add_argument("source", help="posts file: .csv, .tsv, .jsonl or .parquet")
    a.add_argument("--text-column", default="text", help="column holding the post text (default: text)")
    a.add_argument("--id-column", help="column holding the post id (default: a column called id, else row-N, N the row number)")
    a.add_argument("--date-column", help="column holding the publication date, for risk over time (default: a column called date)")
    a.add_argument("--sep", help="CSV separator (default: the one the header line uses: , ; tab or |)")
    a.add_argument("--encoding", help="CSV encoding (default: UTF-8, else Windows-1252 with a warning)")
    a.add_argument("--month-first", action="store_true",
                   help="read 05-03-2024 as 3 May (default: day first, 5 March; ISO dates are always year first)")
    a.add_argument("--date-format", metavar="FMT", help="read dates only in this strftime format, e.g. %%d-%%m-%%Y")
    a.add_argument("--lang", help="column holding the language, or nl/en for every post (default: a column called lang, else detect)")
    a.add_argument("--platform", help="column holding the platform, or one platform for every post (default: a column called platform)")
    a.add_argument("--html", metavar="FILE", help="write the self-contained HTML report here")
    a.add_argument("--csv", metavar="FILE", help="write the findings table (one row per finding) here")
    a.add_argument("--posts-csv", metavar="FILE", help="write the posts table (one row per post) here")
    a.add_argument("--parquet", metavar="FILE", help="write the findings table as Parquet here")
    a.add_argument("--jobs", type=int, default=1, help="worker processes (default: 1)")
    a.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes, or a Dask LocalCluster")
    a.add_argument("--cache", metavar="DIR", help="save results as they finish; rerun with the same DIR to resume")
    a.add_argument("--quiet", action="store_true", help="no progress bar")
    return a


def run(args: argparse.Namespace, pipeline: Any) -> int:
    """Run the audit, write the requested files and print a summary; 0 when it finished."""
    import warnings

    from .audit import audit

    def plain(message, category, *_args, **_kwargs):  # one line on stderr, not a source location
        print(f"socialrisk: warning: {message}", file=sys.stderr)

    with warnings.catch_warnings():
        warnings.showwarning = plain
        return _run(args, pipeline, audit)


_OUTPUTS = (("html", "--html"), ("csv", "--csv"), ("posts_csv", "--posts-csv"), ("parquet", "--parquet"))


def _clashing_output(args: argparse.Namespace) -> str | None:
    """The error when an output would overwrite the input (``--csv posts.csv`` read as "the input is CSV")
    or another output of this run; None when every output has its own path. Checked before the audit runs."""
    from .formats import same_file
    from .render.text import printable

    given = [(flag, getattr(args, attr)) for attr, flag in _OUTPUTS if getattr(args, attr)]
    for i, (flag, path) in enumerate(given):
        if same_file(path, args.source):
            return f"socialrisk: {printable(path)}: {flag} names the input file; choose another output path"
        for other, earlier in given[:i]:
            if same_file(path, earlier):
                return f"socialrisk: {printable(path)}: {other} and {flag} name the same file; give each its own path"
    return None


def _run(args: argparse.Namespace, pipeline: Any, audit: Any) -> int:
    from .render.text import printable

    clash = _clashing_output(args)
    if clash is not None:
        print(clash, file=sys.stderr)
        return 2
    result = audit(
        args.source, text=args.text_column, id=args.id_column, lang=args.lang, platform=args.platform,
        date=args.date_column, n_jobs=args.jobs, progress=not args.quiet, cache=args.cache,
        engine=args.engine, pipeline=pipeline, dayfirst=not args.month_first, date_format=args.date_format,
        sep=args.sep, encoding=args.encoding,
    )
    written, failed = [], []
    outputs = [
        ("HTML report", args.html, lambda p: result.to_html(p)),
        ("findings CSV", args.csv, lambda p: result.to_csv(p, table="findings")),
        ("posts CSV", args.posts_csv, lambda p: result.to_csv(p, table="posts")),
        ("findings Parquet", args.parquet, lambda p: result.to_parquet(p, table="findings")),
    ]
    for what, path, write in outputs:
        if not path:
            continue
        try:  # one output that cannot be written must not lose the finished audit's other outputs
            write(path)
        except OSError as exc:
            failed.append(f"socialrisk: {printable(path)}: cannot write the {what} ({exc.strerror or type(exc).__name__})")
        else:
            written.append(path)
    s = result.summary()
    d = s["decisions"]
    print(f"{s['posts']} posts: {d['go']} go, {d['review']} review, {d['no_go']} no-go; "
          f"{s['findings']} finding(s); {s['errors']} could not be checked")
    for path in written:
        print(f"wrote {path}")
    if s["errors"]:
        print("socialrisk: some posts could not be checked; see the error column of the posts table", file=sys.stderr)
    for line in failed:
        print(line, file=sys.stderr)
    return 2 if failed else 0
