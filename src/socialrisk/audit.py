"""Audit past posts in bulk: a DataFrame, CSV, JSONL, Parquet file or iterable in; tables, HTML and plots out.

Input is read in chunks and, with ``cache=DIR``, every finished chunk is written to disk at once, so
memory stays flat and a rerun after a crash resumes where it stopped. A post that cannot be checked is
recorded in the ``error`` column; the audit goes on.
"""

from __future__ import annotations

import bisect
import codecs
import collections
import json
import math
import numbers
import os
import re
import shutil
import sys
import threading
import types
import uuid
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from . import __version__
from .errors import ConfigError, InputError, MissingExtraError
from .models import Category, Decision, PostError, Report, Severity, normalize_lang

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .pipeline import Pipeline

__all__ = ["audit", "Audit", "POST_COLUMNS", "FINDING_COLUMNS"]

CATEGORIES = [c.value for c in Category]
DECISIONS = [d.value for d in sorted(Decision, key=lambda d: d.rank)]  # go < review < no_go
SEVERITIES = [v.value for v in sorted(Severity, key=lambda v: v.rank)]  # info < low < medium < high < blocker
COUNTS = [f"n_{c}" for c in CATEGORIES]  # prefixed: the category "platform" would clash with the post's platform
POST_DTYPES: dict[str, str] = {
    "row": "int64",
    "id": "string",
    "date": "datetime64[ns]",
    "platform": "string",
    "language": "string",
    "decision": "category",  # ordered (_ORDERED): sorts and compares, posts[posts.decision >= "review"]
    "score": "float64",
    "n_findings": "int64",
    **{c: "int64" for c in COUNTS},
    "top_rules": "string",
    "error": "string",
    "failed": "string",  # checkers that raised on this post (comma-separated), as Report.failed: not vouched for
    "text": "string",
}
FINDING_DTYPES: dict[str, str] = {
    "row": "int64",
    "post_id": "string",
    "rule_id": "string",
    "checker": "string",
    "category": "string",
    "severity": "category",  # ordered (_ORDERED): findings[findings.severity >= "high"]
    "score": "float64",
    "start": "int64",
    "end": "int64",
    "excerpt": "string",
    "message": "string",
}
_ORDERED = {"decision": DECISIONS, "severity": SEVERITIES}
POST_COLUMNS = list(POST_DTYPES)
FINDING_COLUMNS = list(FINDING_DTYPES)
CHUNK = 1000  # posts per chunk: the unit of reading, of parallel feeding and of cache writes
TOP_RULES = 3
_SUFFIXES = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


def _pd():
    try:
        import pandas
    except ImportError:
        raise MissingExtraError("audit", "audit") from None
    return pandas


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(value: Any) -> Any:
    """``value`` with each lone surrogate (a cut-off emoji from a JSON export) replaced by U+FFFD.

    One code point for one, so ``start``/``end`` offsets still index the stored text; needed because
    Parquet, pyarrow and the UTF-8 HTML report cannot hold surrogates. Non-str values pass unchanged.
    """
    if isinstance(value, str) and _SURROGATE.search(value):
        return _SURROGATE.sub("\ufffd", value)
    return value


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or type(value).__name__ in ("NaTType", "NAType")


# --------------------------------------------------------------------------- columns -> records


@dataclass(frozen=True)
class _Columns:
    """Which input column holds what; ``lang`` and ``platform`` may instead be one value for all posts, and
    when not given a record's own ``lang`` / ``platform`` field is used (as the CLI's reader does)."""

    text: str = "text"
    id: str | None = None
    lang: str | None = None
    platform: str | None = None
    date: str | None = None
    dayfirst: bool = True
    date_format: str | None = None
    sep: str | None = None  # CSV only; None: sniffed
    encoding: str | None = None  # CSV only; None: UTF-8, else Windows-1252 with a warning

    def validate(self, columns: Iterable[str], where: str) -> None:
        """Raise InputError when a named column is absent from ``columns``."""
        columns = list(columns)
        for role in ("text", "id", "date"):
            name = getattr(self, role)
            if name is not None and name not in columns:
                raise InputError(f"{where}: no column {name!r} for {role}= ({_describe_columns(columns)})")
        if self.lang is not None and self.lang not in columns and _language(self.lang)[0] is None:
            raise InputError(f"{where}: lang= must name a column or be 'nl' or 'en' (or a tag such as 'nl-NL'), not {self.lang!r}")

    def _value(self, rec: Mapping[str, Any], role: str) -> Any:
        """A record's lang or platform: the column or value given, else its own field called ``lang`` /
        ``platform``, as ``socialrisk check posts.csv`` reads a record (so every source kind agrees)."""
        name = getattr(self, role)
        value = rec.get(role) if name is None else rec.get(name, name)  # not a column: the value for every post
        return None if _missing(value) or (isinstance(value, str) and not value.strip()) else value

    def records(
        self, rows: list[Mapping[str, Any]], start: int, bad_dates: dict[str, list[int]] | None = None
    ) -> list[dict[str, Any]]:
        """Plain records (row, id, text, lang, platform, date, error) for rows numbered from ``start``.

        Rows whose date cannot be read are added to ``bad_dates`` (so a whole audit warns once), or
        warned about here when it is not given (a Dask partition).
        """
        pd = _pd()
        # Not named: a column called "id" / "date" is used when the rows have one (row-N and no date otherwise).
        id_col = self.id if self.id is not None else ("id" if any("id" in r for r in rows) else None)
        date_col = self.date if self.date is not None else ("date" if any("date" in r for r in rows) else None)
        dates: list[Any] = [None] * len(rows)
        if date_col is not None:
            found: dict[str, list[int]] = {"bad": [], "number": []}
            seen = _iso_dates([r.get(date_col) for r in rows]) if self.date_format is None else {}
            for i, r in enumerate(rows):
                value = r.get(date_col)
                try:
                    key = (type(value), value)
                    parsed = seen.get(key)
                except TypeError:  # unhashable (a list): parse it, it will not be a date
                    key, parsed = None, None
                if parsed is None:
                    parsed = _parse_date(value, self.dayfirst, self.date_format)
                    if key is not None:
                        seen[key] = parsed
                dates[i], problem = parsed
                if problem is not None:
                    found[problem].append(start + i)
            # "31-02-2024", "gisteren", 1709600000: say so (row numbers only, never the value), not drop it quietly.
            if bad_dates is not None:
                for kind, got in found.items():
                    bad_dates.setdefault(kind, []).extend(got)
            else:
                _warn_bad_dates(date_col, found)
        out = []
        for i, (rec, date) in enumerate(zip(rows, dates)):
            row = start + i
            text = rec.get(self.text)
            ident = None if id_col is None else rec.get(id_col)
            if isinstance(ident, float) and ident.is_integer():
                ident = int(ident)  # 1001.0: a whole-number id read as float (a blank cell made the column float)
            if isinstance(ident, str) and not ident.strip():
                ident = None  # a blank CSV cell is read as "": no id, so row-N, as for a DataFrame's NaN
            ident = _fallback_id(row) if _missing(ident) else str(ident)
            lang, lang_error = _language(self._value(rec, "lang"))
            out.append({
                "row": row,
                "id": ident,
                "text": "" if _missing(text) else text,  # a missing cell is an empty post
                "lang": lang,
                "platform": self._value(rec, "platform"),
                # a paid post is checked for its EU 2024/900 label, as 'socialrisk check posts.csv' does
                "ad": {k: rec[k] for k in _AD_FIELDS if k in rec and not _missing(rec[k]) and rec[k] != ""},
                "date": date,
                "error": rec.get("__error__") or (lang_error and f"InputError: post {_encodable(ident)}: {lang_error}"),
            })
        return out


# A record's own fields that mark it as a paid ad (read as the CLI reads a record; models.PAID_SYNONYMS).
_AD_FIELDS = ("paid", "sponsor", "sponsored", "political_ad")


def _fallback_id(row: int) -> str:
    """The id of a post without one: ``row-N``, never the bare row number, which another post may have as its
    real id ("3"): the posts would share an id and warn as duplicates. Streaming, later ids are not known yet."""
    return f"row-{row}"


_HEADER_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


def _describe_columns(columns: list[Any]) -> str:
    """The columns for an error message, never what may be post text.

    A header row names its columns with identifiers (``text``, ``post_id``); when any name is not one
    (a sentence, a phone number, a date), the first row is probably data: only the count is given.
    """
    if not columns:
        return "no columns"
    if len(columns) == 1 and isinstance(columns[0], str) and any(c in columns[0] for c in ",;\t|"):
        return "1 column, whose name holds a separator: pass sep= (e.g. sep=';')"
    if all(isinstance(c, str) and _HEADER_NAME.fullmatch(c) for c in columns):
        return "columns: " + ", ".join(columns[:20]) + (f", ... ({len(columns)} in all)" if len(columns) > 20 else "")
    return (f"{len(columns)} column(s), names not shown: some do not look like column names, "
            "so the file may have no header row (its first row holds posts)")


def _refuse_duplicate_columns(columns: Iterable[Any], where: str) -> None:
    """InputError when a column name occurs more than once (a header ``id,text,text``, two sheets merged): a
    record keeps one of the columns, and which one is the reader's choice (CSV and DataFrame differ), so half
    the posts could leave the audit unseen. Refused rather than guessed; named only when it looks like a name."""
    # Blank header cells (Excel exports end rows with empty columns) name nothing to mix up.
    counts = collections.Counter(c for c in columns if not (c is None or (isinstance(c, str) and not c.strip())))
    twice = next((c for c, n in counts.items() if n > 1), None)
    if twice is None:
        return
    named = isinstance(twice, str) and _HEADER_NAME.fullmatch(twice)
    what = f"column {twice!r}" if named else "a column name"
    raise InputError(f"{where}: {what} occurs {counts[twice]} times; rename or drop the extra column(s)")


def _language(value: Any) -> tuple[str | None, str | None]:
    """(lang for check(), error): tags as ``models.normalize_lang`` reads them; empty is None (detect).

    Another language ("fr", "de-DE") is an error for that post rather than a guess: socialrisk checks
    Dutch and English only. The value is quoted only when it is a language tag, never other cell text.
    """
    try:
        return normalize_lang(value, detect="leave lang empty"), None
    except ValueError as exc:
        return None, str(exc)


# --------------------------------------------------------------------------- reading sources


def _kind(path: Path) -> str:
    kind = _SUFFIXES.get(path.suffix.lower())
    try:
        exists = path.exists()
    except (OSError, ValueError):  # a NUL character, a name too long
        exists = False
    if not exists:
        if kind and not any(c.isspace() for c in str(path)) and len(path.name) <= 255:
            raise InputError(f"{path}: no such file")  # a path, not a post: named
        # perhaps a post's text passed as the source: described by its length, never quoted
        known = f", ending in {path.suffix.lower()!r}" if kind else ""
        raise InputError(
            f"no such file (the source is a path of {len(str(path))} characters{known}); pass a DataFrame, a file "
            "path or a list of posts (one post's text: socialrisk.check(text))")
    if kind is None:
        raise InputError(f"{path.name}: unsupported file type {path.suffix!r} (use .csv, .tsv, .jsonl or .parquet)")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    return kind


def _chunks_of(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _raw_chunks(source: Any, cols: _Columns, size: int) -> Iterator[list[Mapping[str, Any]]]:
    """The source as lists of mappings (one per post), at most ``size`` long."""
    pd = _pd()
    if isinstance(source, pd.DataFrame):
        _refuse_duplicate_columns(source.columns, "DataFrame")
        cols.validate(source.columns, "DataFrame")
        for i in range(0, len(source), size):
            yield source.iloc[i : i + size].to_dict("records")
        return
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        kind = _kind(path)
        if kind == "csv":
            yield from _csv_chunks(path, cols, size)
        elif kind == "jsonl":
            yield from _jsonl_chunks(path, cols, size)
        else:
            yield from _parquet_chunks(path, cols, size)
        return
    if isinstance(source, (bytes, Mapping)) or not isinstance(source, Iterable):
        raise InputError(f"source must be a DataFrame, a file path or an iterable of posts, not {type(source).__name__}")
    first = True
    for batch in _chunks_of(source, size):
        rows = [dict(x) if isinstance(x, Mapping) else {cols.text: x} for x in batch]
        if first:
            cols.validate(set().union(*rows), "posts")
            first = False
        yield rows


def _csv_options(path: Path, sep: str | None, encoding: str | None) -> tuple[str, str]:
    """(separator, encoding) for a CSV: as given, else sniffed from the file (see _sniff_encoding, _sniff_sep)."""
    if encoding is None:
        encoding = _sniff_encoding(path)
    if sep is None:
        sep = "\t" if path.suffix.lower() == ".tsv" else _sniff_sep(path, encoding)
    return sep, encoding


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _text_codec(path: Path) -> tuple[int, str]:
    """(length of the byte-order mark, codec of the bytes after it) of a CSV or JSONL file, as post files are
    read (formats.decode): UTF-16 or UTF-32 by its mark (Notepad, Excel's "Unicode text"), else UTF-8. NUL bytes
    without a mark are refused, saying what the file looks like: binary, or UTF-16 without a mark."""
    from .formats import _not_text, encoding_of

    with open(path, "rb") as fh:
        head = fh.read(8192)
    bom, codec, _ = encoding_of(head)
    if not bom and b"\x00" in head:
        raise InputError(f"{path.name}: {_not_text(head)}")
    return len(bom), codec


# pandas' names for a file that starts with its byte-order mark (read and dropped)
_WITH_BOM = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16", "utf-16-be": "utf-16", "utf-32-le": "utf-32", "utf-32-be": "utf-32"}


def _sniff_encoding(path: Path) -> str:
    """The encoding its byte-order mark names; else UTF-8 when the whole file decodes as UTF-8, else
    Windows-1252 (Excel's CSV export) with a warning."""
    bom, codec = _text_codec(path)
    if bom:
        return _WITH_BOM[codec]
    if _decodes(path, "utf-8"):
        return "utf-8"
    if _decodes(path, "cp1252"):
        _warn(f"{path.name}: not valid UTF-8, read as Windows-1252 (Excel's CSV export); pass encoding= to choose another")
        return "cp1252"
    raise InputError(f"{path.name}: not valid UTF-8 nor Windows-1252; pass encoding= (e.g. 'latin-1') or re-save the file as UTF-8")


def _sniff_sep(path: Path, encoding: str) -> str:
    """The separator the header line uses most: ',', ';' (Excel in Dutch), tab or '|'; ',' when none."""
    with open(path, encoding=encoding, errors="replace", newline="") as fh:
        header = fh.readline()
    counts = {c: header.count(c) for c in (",", ";", "\t", "|")}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


# A row with more fields than the header, as pandas' on_bad_lines hands it back: this marker and the field
# count, its cells (post text) dropped. It starts with NUL, which no CSV that audit() reads holds (_text_codec).
_TOO_MANY = "\x00socialrisk-too-many-fields:"


def _too_many_fields(fields: list[str]) -> list[str]:
    return [f"{_TOO_MANY}{len(fields)}"]


def _header_names(header: tuple[Any, ...], where: str) -> list[str]:
    """The header row's cells as column names (a blank one named as pandas names it)."""
    names = [f"Unnamed: {i}" if _missing(c) or c == "" else str(c) for i, c in enumerate(header)]
    _refuse_duplicate_columns(names, where)
    return names


def _csv_record(cells: tuple[Any, ...], names: list[str], row: int) -> Mapping[str, Any]:
    """One parsed row as a record, or the error of a row with more fields than the header."""
    first = cells[0] if cells else None
    if isinstance(first, str) and first.startswith(_TOO_MANY):
        return {"__error__": f"InputError: row {row} has {first[len(_TOO_MANY):]} fields, the header has {len(names)} "
                             "(a separator in an unquoted cell?); quote that cell"}
    return dict(zip(names, cells))


def _csv_chunks(path: Path, cols: _Columns, size: int) -> Iterator[list[Mapping[str, Any]]]:
    pd = _pd()
    sep, encoding = _csv_options(path, cols.sep, cols.encoding)
    try:
        # header=None, index_col=False: the header is read as a row, so a first data row with a field more than
        # the header is not taken for an index column (pandas' inference shifted every column of the file). The
        # python engine hands a row with too many fields to on_bad_lines (the C engine cannot): that row's error.
        with pd.read_csv(path, sep=sep, chunksize=size, dtype=str, keep_default_na=False, encoding=encoding,
                         header=None, index_col=False, engine="python", on_bad_lines=_too_many_fields) as reader:
            names: list[str] | None = None
            row = 0
            for frame in reader:
                cells = list(frame.itertuples(index=False, name=None))
                if names is None:
                    names = _header_names(cells.pop(0), path.name)
                    cols.validate(names, path.name)
                recs = [_csv_record(c, names, row + i) for i, c in enumerate(cells)]
                row += len(recs)
                if recs:
                    yield recs
    except UnicodeDecodeError:
        raise InputError(
            f"{path.name}: not valid {encoding}; pass encoding= (Excel exports are often 'cp1252') or re-save the file as UTF-8"
        ) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        # pandas names only line numbers and field counts, never cell contents
        raise InputError(f"{path.name}: cannot read as CSV ({str(exc).strip()}); check sep= and encoding=") from None
    except LookupError:
        raise InputError(f"{path.name}: unknown encoding {encoding!r}") from None


def _jsonl_row(line: bytes | str, n: int, text: str) -> Mapping[str, Any]:
    """One JSONL line (``n`` from 1; bytes of UTF-8, or already decoded) as a row: a dict as it is, a string as
    the text, or an error."""
    from .formats import MAX_DEPTH, _json_too_deep, duplicate_key_problem, json_object

    try:
        decoded = line if isinstance(line, str) else line.decode("utf-8")
        if _json_too_deep(decoded) is not None:  # json.loads recurses: a RecursionError from deep inside
            return {"__error__": f"InputError: line {n} is nested too deeply (over {MAX_DEPTH} levels)"}
        value = json.loads(decoded, object_pairs_hook=json_object)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {"__error__": f"InputError: line {n} is not valid UTF-8 JSON"}
    except ValueError:  # a value Python cannot build: an integer of over 4300 digits
        return {"__error__": f"InputError: line {n} holds a number too long to read"}
    except RecursionError:
        return {"__error__": f"InputError: line {n} is nested too deeply (over {MAX_DEPTH} levels)"}
    if twice := duplicate_key_problem(value):  # as the CLI reads the line: which value is meant is not known
        return {"__error__": f"InputError: line {n}: {twice}"}
    if isinstance(value, (dict, str)):
        return dict(value) if isinstance(value, dict) else {text: value}
    # [1, 2], 42, null: no post and no text; the CLI's reason for the same line, not "text must be str"
    return {"__error__": f"InputError: line {n}: each post must be a mapping of fields (or a string)"}


def _raw_lines(fh: Any, codec: str) -> Iterator[tuple[int, bytes | str]]:
    """(size in bytes, line) of each line from ``fh``'s position, split at "\\n" only: UTF-8 lines as bytes (the
    fast path), others decoded, as a UTF-16 line end is two bytes and a 0x0A byte may be half of a character."""
    if codec == "utf-8":
        for line in fh:
            yield len(line), line
        return
    decoder = codecs.getincrementaldecoder(codec)("surrogatepass")  # a lone surrogate stays one, as in UTF-8 JSON
    rest = ""
    for block in iter(lambda: fh.read(1 << 20), b""):
        *lines, rest = (rest + decoder.decode(block)).split("\n")
        for line in lines:
            yield len((line + "\n").encode(codec, "surrogatepass")), line + "\n"
    try:
        rest += decoder.decode(b"", final=True)
    except UnicodeDecodeError:  # an odd byte at the end: that line is not JSON (an error row), not a crash
        rest += "\ufffd"
    if rest:
        yield len(rest.encode(codec, "surrogatepass")), rest


def _jsonl_lines(path: Path, start: int = 0, end: int | None = None, first: int = 1) -> Iterator[tuple[int, bytes | str]]:
    """(line number, line) for the non-blank lines of ``path`` in bytes [start, end) (after a byte-order mark)."""
    bom, codec = _text_codec(path)
    with open(path, "rb") as fh:
        pos = max(start, bom)
        fh.seek(pos)
        for n, (size, line) in enumerate(_raw_lines(fh, codec), first):
            if end is not None and pos >= end:
                return
            pos += size
            if line.strip():
                yield n, line


def _jsonl_chunks(path: Path, cols: _Columns, size: int) -> Iterator[list[Mapping[str, Any]]]:
    first = True
    for batch in _chunks_of((_jsonl_row(line, n, cols.text) for n, line in _jsonl_lines(path)), size):
        if first:
            cols.validate(set().union(*batch) - {"__error__"} or [cols.text], path.name)
            first = False
        yield batch


def _parquet_chunks(path: Path, cols: _Columns, size: int) -> Iterator[list[Mapping[str, Any]]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError("audit", "audit") from None
    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises ArrowInvalid and friends, without cell contents
        raise InputError(f"{path.name}: cannot read as Parquet ({type(exc).__name__})") from None
    _refuse_duplicate_columns(pf.schema_arrow.names, path.name)
    cols.validate(pf.schema_arrow.names, path.name)
    for batch in pf.iter_batches(batch_size=size):
        yield batch.to_pylist()


def _record_chunks(source: Any, cols: _Columns, size: int) -> Iterator[list[dict[str, Any]]]:
    start, bad_dates, first_row, repeated = 0, {}, {}, []
    for rows in _raw_chunks(source, cols, size):
        recs = cols.records(rows, start, bad_dates)
        for r in recs:
            if first_row.setdefault(r["id"], r["row"]) != r["row"]:
                repeated.append(r["row"])
        yield recs
        start += len(rows)
    # once for the whole source, not once per chunk; only a date column (named, or called "date") has bad rows
    _warn_bad_dates(cols.date or "date", bad_dates)
    if repeated:
        shown = ", ".join(map(str, repeated[:10])) + (", ..." if len(repeated) > 10 else "")
        _warn(f"{len(repeated)} post(s) have an id an earlier post has (row {shown}); "
              "the row column tells them apart (findings.row matches posts.row)")


# An ISO date (2024-03-05, 2024/03/05, 20240305, with or without a time): year first, never day-first.
_ISO_DATE = re.compile(r"(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{8})(?!\d)")  # matched on stripped values
# Day and month first (05-03-2024, 5/3/24, 05.03.2024 12:00): which is which is ``dayfirst``, for every row alike.
_DMY_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)(.*)", re.S)
_NUMBER = re.compile(r"[-+]?\d+(\.\d*)?")


_ISO_ZONE = re.compile(r"(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$")  # only after a time


def _iso_dates(values: list[Any]) -> dict[tuple[type, Any], tuple[Any, str | None]]:
    """The ISO date strings among ``values`` parsed in one vectorised call (the common case, and fast):
    the zone suffix is cut off first, which keeps local wall time as _parse_date does. Others are left out."""
    pd = _pd()
    iso = list(dict.fromkeys(
        v for v in values if isinstance(v, str) and _ISO_DATE.match(v.strip()) and not v.strip()[:8].isdigit()
    ))
    if not iso:
        return {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = pd.to_datetime([_ISO_ZONE.sub(r"\1", v.strip()) for v in iso], format="ISO8601", errors="coerce")
    return {(str, v): (ts, None) for v, ts in zip(iso, parsed) if not _missing(ts) and _in_range(ts)}


def _in_range(ts: Any) -> bool:
    """Whether the posts table's datetime64[ns] can hold ``ts`` (1677-09-21 .. 2262-04-11): 9999-12-31 and
    0001-01-01, placeholders in many exports, cannot, and are unreadable dates like any other."""
    pd = _pd()
    try:
        naive = ts.tz_localize(None) if ts.tzinfo is not None else ts
        return pd.Timestamp.min <= naive <= pd.Timestamp.max
    except (TypeError, ValueError, OverflowError):
        return False


def _parse_date(value: Any, dayfirst: bool, fmt: str | None) -> tuple[Any, str | None]:
    """(naive Timestamp or None, problem): problem is None, 'bad' (not a date) or 'number' (epoch? serial?).

    A date with a time zone or offset keeps its local date and time (the zone is dropped, not converted
    to UTC), so a post at 00:30 in Amsterdam stays on its own day.
    """
    pd = _pd()
    if _missing(value) or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool):
        return None, "bad"
    if isinstance(value, numbers.Number):  # numpy numbers too
        return None, "number"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if isinstance(value, str):
                value = value.strip()
                if fmt is not None:
                    ts = pd.to_datetime(value.strip(), format=fmt)
                elif _ISO_DATE.match(value):
                    ts = pd.to_datetime(value.strip(), dayfirst=False)
                elif m := _DMY_DATE.fullmatch(value):
                    a, b, year, rest = m.groups()
                    day, month = (a, b) if dayfirst else (b, a)
                    if len(year) == 2:
                        year = ("20" if int(year) < 70 else "19") + year
                    ts = pd.to_datetime(f"{year}-{int(month):02d}-{int(day):02d}{rest}", dayfirst=False)
                elif _NUMBER.fullmatch(value):
                    return None, "number"
                else:
                    ts = pd.to_datetime(value.strip(), dayfirst=dayfirst)
            else:  # datetime, date, pandas Timestamp
                ts = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return None, "bad"
    if _missing(ts) or not _in_range(ts):
        return None, "bad"
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)  # local wall time
    return ts, None


def _warn_bad_dates(column: str | None, found: Mapping[str, list[int]]) -> None:
    def rows(got: list[int]) -> str:
        return ", ".join(map(str, got[:10])) + (", ..." if len(got) > 10 else "")

    bad, numbers = found.get("bad", []), found.get("number", [])
    if bad:
        _warn(
            f"column {column!r}: {len(bad)} value(s) are not dates (row {rows(bad)}); "
            "those posts are checked but have no date, so over_time() leaves them out"
        )
    if numbers:
        _warn(
            f"column {column!r}: {len(numbers)} value(s) are numbers, not dates (row {rows(numbers)}); epoch "
            "seconds and Excel serial numbers are not read as dates (convert them first, e.g. with "
            "pd.to_datetime(..., unit='s')); those posts are checked but have no date"
        )


def _warn(message: str) -> None:
    """A UserWarning that points at the caller's code (a notebook cell), not inside socialrisk."""
    here, frame, level = os.path.dirname(os.path.abspath(__file__)), sys._getframe(0), 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(here + os.sep):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, UserWarning, stacklevel=level)


def _total(source: Any) -> int | None:
    if isinstance(source, (str, os.PathLike)):
        if Path(source).suffix.lower() in (".parquet", ".pq"):
            try:
                import pyarrow.parquet as pq

                return pq.ParquetFile(source).metadata.num_rows
            except Exception:  # not Parquet, missing, no pyarrow: reading it says so, clearly
                return None
        return None
    return len(source) if hasattr(source, "__len__") else None


# --------------------------------------------------------------------------- checking


_PIPELINES: dict[str, "Pipeline"] = {}
_PIPELINES_LOCK = threading.Lock()


def _payload(pipeline: "Pipeline") -> str:
    """What a worker needs to rebuild ``pipeline``; also the key of the per-process pipeline cache."""
    cfg = pipeline.config
    return json.dumps(
        {"config": cfg.model_dump(mode="json"), "source": cfg.source, "checkers": pipeline.checker_names,
         "packs": pipeline._extra_packs},  # Pipeline(rule_packs=...): not in the config, but other rules
        sort_keys=True,
    )


def _worker_pipeline(payload: str) -> "Pipeline":
    """The pipeline for ``payload`` in this process, built once."""
    with _PIPELINES_LOCK:
        found = _PIPELINES.get(payload)
        if found is None:
            from .config import Config
            from .pipeline import Pipeline

            data = json.loads(payload)
            cfg = Config.model_validate(data["config"]).model_copy(update={"source": data["source"]})
            found = _PIPELINES[payload] = Pipeline(cfg, checkers=data["checkers"], rule_packs=data["packs"])
        return found


def _check_record(pipeline: "Pipeline", rec: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Check one record into its posts row and findings rows (plain dicts: cheap to send between processes)."""
    from . import pipeline as pipeline_mod

    if rec["error"]:
        return _rows(rec, rec["error"])
    post = {"text": rec["text"], "id": rec["id"], "lang": rec["lang"], "platform": rec["platform"], **rec.get("ad", {})}
    return _rows(rec, pipeline_mod._safe_check(pipeline, rec["row"], post, {}))


def _check_in_worker(payload: str, rec: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    return _check_record(_worker_pipeline(payload), rec)


def _run(
    chunks: Iterator[list[dict[str, Any]]], pipeline: "Pipeline", n_jobs: int, tick: Callable[[int], None]
) -> Iterator[tuple[list[dict], list[dict]]]:
    """(posts rows, findings rows) per chunk, in input order; ``n_jobs > 1``: one process pool for the run."""
    if n_jobs <= 1:
        for recs in chunks:
            checked = []
            for rec in recs:
                checked.append(_check_record(pipeline, rec))
                tick(1)
            yield _flatten(checked)
        return
    import concurrent.futures as cf
    import functools

    from .pipeline import log_pool_failure, process_context

    payload = _payload(pipeline)
    with _PIPELINES_LOCK:
        _PIPELINES.setdefault(payload, pipeline)  # forked workers inherit it instead of rebuilding
    ex = cf.ProcessPoolExecutor(max_workers=n_jobs, mp_context=process_context(), initializer=_worker_pipeline, initargs=(payload,))
    work = functools.partial(_check_in_worker, payload)
    pending: collections.deque = collections.deque()

    def oldest() -> tuple[list[dict], list[dict]]:
        recs, results = pending.popleft()
        try:
            checked = list(results)
        except Exception as exc:  # the pool's failure (a row that cannot be pickled, a worker that died or
            # could not start), not a post's: _check_record catches those. Check this chunk here instead.
            log_pool_failure(exc, len(recs))
            checked = [_check_record(pipeline, rec) for rec in recs]
        tick(len(checked))
        return _flatten(checked)

    try:
        # Two chunks in flight: workers stay busy while the oldest is collected, and memory stays bounded.
        for recs in chunks:
            pending.append((recs, ex.map(work, recs, chunksize=max(1, len(recs) // (4 * n_jobs)))))
            if len(pending) > 1:
                yield oldest()
        while pending:
            yield oldest()
    except BaseException:
        ex.shutdown(wait=False, cancel_futures=True)
        raise
    ex.shutdown()


def _rows(rec: dict[str, Any], result: "Report | PostError | str") -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One posts-table row and the findings-table rows for a checked record."""
    # The post is checked as given; what is stored is made encodable (see _encodable).
    text = _encodable(rec["text"]) if isinstance(rec["text"], str) else None
    ident, platform = _encodable(rec["id"]), _encodable(rec["platform"])
    post = {
        "row": rec["row"], "id": ident, "date": rec["date"], "platform": platform, "language": None,
        "decision": None, "score": float("nan"), "n_findings": 0, **dict.fromkeys(COUNTS, 0),
        "top_rules": "", "error": None, "failed": None, "text": text,
    }
    if isinstance(result, str):
        post["error"] = result
        return post, []
    if isinstance(result, PostError):
        post["error"] = _encodable(f"{result.error}: {result.message}")
        return post, []
    top = list(dict.fromkeys(f.rule_id for f in result.findings))[:TOP_RULES]
    post.update(
        language=result.language, decision=result.decision.value, score=float(result.score),
        n_findings=len(result.findings), top_rules=",".join(top), platform=_encodable(result.platform) or platform,
        failed=",".join(f.checker for f in result.failed) or None,
        **{f"n_{c}": n for c, n in result.counts.items()},
    )
    findings = [
        {
            "row": rec["row"], "post_id": ident, "rule_id": f.rule_id, "checker": f.checker,
            "category": f.category.value, "severity": f.severity.value, "score": float(f.score),
            "start": f.span.start, "end": f.span.end, "excerpt": _encodable(f.span.excerpt), "message": f.message,
        }
        for f in result.findings
    ]
    return post, findings


def _flatten(checked: list[tuple[dict, list[dict]]]) -> tuple[list[dict], list[dict]]:
    return [p for p, _ in checked], [f for _, fs in checked for f in fs]


def _typed(frame: "pd.DataFrame", dtypes: dict[str, str]) -> "pd.DataFrame":
    pd = _pd()
    frame = frame.reindex(columns=list(dtypes))
    exact = {c: pd.CategoricalDtype(_ORDERED[c], ordered=True) if t == "category" else t for c, t in dtypes.items()}
    return frame.astype(exact).reset_index(drop=True)


def _tables(posts: list[dict], findings: list[dict]) -> tuple["pd.DataFrame", "pd.DataFrame"]:
    pd = _pd()
    return (
        _typed(pd.DataFrame(posts, columns=POST_COLUMNS), POST_DTYPES),
        _typed(pd.DataFrame(findings, columns=FINDING_COLUMNS), FINDING_DTYPES),
    )


def _sorted_tables(posts: "pd.DataFrame", findings: "pd.DataFrame") -> tuple["pd.DataFrame", "pd.DataFrame"]:
    """Both tables in input order (findings keep their most-severe-first order within a post)."""
    posts = posts.sort_values("row", kind="stable").reset_index(drop=True)
    findings = findings.sort_values("row", kind="stable").reset_index(drop=True)
    return _typed(posts, POST_DTYPES), _typed(findings, FINDING_DTYPES)


# --------------------------------------------------------------------------- where results go


class _Memory:
    """Results kept in memory (no cache)."""

    def __init__(self) -> None:
        self.posts: list[dict] = []
        self.findings: list[dict] = []

    def done(self) -> frozenset[int]:
        return frozenset()

    def add(self, posts: list[dict], findings: list[dict]) -> None:
        self.posts.extend(posts)
        self.findings.extend(findings)

    def tables(self) -> tuple["pd.DataFrame", "pd.DataFrame"]:
        return _sorted_tables(*_tables(self.posts, self.findings))


class _Cache:
    """Results as Parquet parts in a folder, one per finished chunk, each written atomically (tmp + rename)."""

    def __init__(self, path: str | os.PathLike, key: dict[str, Any]) -> None:
        self.path = Path(path)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot create the cache folder ({exc.strerror})", path=str(self.path), key="cache") from None
        meta = self.path / "audit.json"
        stored: Any = None
        if meta.exists():
            try:
                stored = json.loads(meta.read_text("utf-8"))
            except (OSError, ValueError, RecursionError):  # damaged: its parts cannot be trusted to be this audit's
                _warn(f"{self.path.name}: the cache's audit.json is damaged; starting this cache again")
                for part in self.parts():
                    shutil.rmtree(part, ignore_errors=True)
            else:
                if stored != key:
                    raise ConfigError(
                        "this cache folder holds another audit (other input, columns or rules); "
                        "use a new folder or delete this one", path=str(self.path), key="cache",
                    )
        if stored is None:
            try:
                meta.write_text(json.dumps(key, sort_keys=True), "utf-8")
            except OSError as exc:
                raise ConfigError(f"cannot write to the cache folder ({exc.strerror})", path=str(self.path), key="cache") from None
        for stale in self.path.glob("tmp-*"):  # half-written parts of a crashed run
            shutil.rmtree(stale, ignore_errors=True)

    def parts(self) -> list[Path]:
        return sorted(self.path.glob("part-*"))

    def done(self) -> frozenset[int]:
        """Rows already checked. A part that cannot be read (damaged on disk) is removed, with a warning: its
        rows are checked again (it is a cache)."""
        import pyarrow.parquet as pq

        rows: set[int] = set()
        damaged = []
        for part in self.parts():
            try:
                got = pq.read_table(part / "posts.parquet", columns=["row"]).column("row").to_pylist()
                pq.read_table(part / "findings.parquet", columns=["row"])
            except Exception:  # pyarrow's ArrowInvalid, OSError, a missing file: never fail every rerun
                damaged.append(part)
                continue
            rows.update(got)
        if damaged:
            _warn(f"{self.path.name}: {len(damaged)} cached part(s) cannot be read ({', '.join(p.name for p in damaged[:3])}"
                  f"{', ...' if len(damaged) > 3 else ''}); their posts are checked again")
            for part in damaged:
                shutil.rmtree(part, ignore_errors=True)
        return frozenset(rows)

    def add(self, posts: list[dict], findings: list[dict]) -> None:
        _write_part(self.path, posts, findings)

    def tables(self) -> tuple["pd.DataFrame", "pd.DataFrame"]:
        pd = _pd()
        parts = self.parts()
        if not parts:
            return _tables([], [])
        posts = pd.concat([pd.read_parquet(p / "posts.parquet") for p in parts], ignore_index=True)
        findings = pd.concat([pd.read_parquet(p / "findings.parquet") for p in parts], ignore_index=True)
        return _sorted_tables(posts, findings)


def _write_part(folder: Path, posts: list[dict], findings: list[dict]) -> None:
    """One finished chunk as a part folder; the rename makes it appear whole or not at all."""
    if not posts:
        return
    p, f = _tables(posts, findings)
    tmp = folder / f"tmp-{uuid.uuid4().hex}"
    tmp.mkdir()
    p.to_parquet(tmp / "posts.parquet", index=False)
    f.to_parquet(tmp / "findings.parquet", index=False)
    os.replace(tmp, folder / f"part-{int(p['row'].iloc[0]):012d}-{uuid.uuid4().hex[:8]}")


def _cache_key(source: Any, cols: _Columns, pipeline: "Pipeline") -> dict[str, Any]:
    if isinstance(source, (str, os.PathLike)):
        _kind(Path(source))  # a clear error (never quoting a post passed as the source) before stat()
        st = Path(source).stat()
        src = {"file": Path(source).name, "bytes": st.st_size, "mtime": int(st.st_mtime)}
    else:
        src = {"type": type(source).__name__, "len": _total(source), "content": _fingerprint(source, cols)}
    return {
        "socialrisk": __version__, "rules": pipeline.rules.version, "checkers": pipeline.checker_names,
        "columns": vars(cols), "source": src,
    }


def _fingerprint(source: Any, cols: _Columns) -> str | None:
    """A hash over what the audit reads from an in-memory source, so an edited DataFrame or list is
    "another audit" for the cache; None for a one-shot iterator (a generator), which cannot be read twice."""
    import hashlib

    pd = _pd()
    h = hashlib.sha256()
    if isinstance(source, pd.DataFrame):
        wanted = [cols.text, cols.id or "id", cols.date or "date", cols.lang or "lang", cols.platform or "platform", *_AD_FIELDS]
        used = [c for c in dict.fromkeys(wanted) if c is not None and c in source.columns]
        for name in used:
            column = source[name]
            h.update(repr(name).encode("utf-8", "backslashreplace"))
            for i in range(0, len(column), 100_000):  # vectorised per chunk; mixed objects hash by repr
                part = column.iloc[i : i + 100_000]
                try:
                    hashed = pd.util.hash_pandas_object(part, index=False)
                except Exception:  # lists, lone surrogates, ...
                    hashed = pd.util.hash_pandas_object(part.map(repr), index=False)
                h.update(hashed.to_numpy().tobytes())
        return h.hexdigest()
    if isinstance(source, (list, tuple)):
        for item in source:
            h.update(repr(item).encode("utf-8", "backslashreplace") + b"\x00")
        return h.hexdigest()
    return None


# --------------------------------------------------------------------------- engines


def _progress(progress: bool, total: int | None, desc: str):
    try:
        from tqdm import TqdmWarning

        with warnings.catch_warnings():  # without ipywidgets tqdm.auto falls back to text; that is fine
            warnings.simplefilter("ignore", TqdmWarning)
            from tqdm.auto import tqdm
    except ImportError:
        raise MissingExtraError("audit progress bar", "audit") from None
    return tqdm(total=total, disable=not progress, unit="post", desc=desc, dynamic_ncols=True)


def _audit_local(source: Any, cols: _Columns, pipeline: "Pipeline", sink: Any, n_jobs: int, bar: Any, chunk: int) -> None:
    done = sink.done()
    bar.update(len(done))

    def todo() -> Iterator[list[dict[str, Any]]]:
        for recs in _record_chunks(source, cols, chunk):
            left = [r for r in recs if r["row"] not in done]
            if left:
                yield left

    for posts, findings in _run(todo(), pipeline, n_jobs, bar.update):
        sink.add(posts, findings)


_REC = "__socialrisk_record__"  # the one column of a Dask partition of JSONL rows (each a JSON string)


def _jsonl_ranges(path: Path, blocksize: int) -> list[tuple[int, int, int]]:
    """(start byte, end byte, first line number) of about ``blocksize`` bytes each, cut at line ends."""
    bom, codec = _text_codec(path)
    ranges, start, first, pos, n = [], bom, 1, bom, 0
    with open(path, "rb") as fh:
        fh.seek(bom)
        for n, (size, _) in enumerate(_raw_lines(fh, codec), 1):
            pos += size
            if pos - start >= blocksize:
                ranges.append((start, pos, first))
                start, first = pos, n + 1
    if pos > start or not ranges:
        ranges.append((start, pos, first))
    return ranges


def _jsonl_part(path: str, start: int, end: int, first: int, text: str) -> "pd.DataFrame":
    """One Dask partition of a JSONL file, read by the local engine's line reader (same rows, same errors)."""
    pd = _pd()
    rows = [json.dumps(_jsonl_row(line, n, text)) for n, line in _jsonl_lines(Path(path), start, end, first)]
    return pd.DataFrame({_REC: pd.Series(rows, dtype=object)})


def _dask_frame(source: Any, cols: _Columns, chunk: int):
    try:
        import dask
        import dask.dataframe as dd
    except ImportError:
        raise MissingExtraError("the dask engine", "dask") from None
    pd = _pd()
    if isinstance(source, pd.DataFrame):
        _refuse_duplicate_columns(source.columns, "DataFrame")
        cols.validate(source.columns, "DataFrame")
        return dd.from_pandas(source, chunksize=chunk, sort=False)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        kind = _kind(path)
        blocksize = max(2**16, chunk * 256)  # about ``chunk`` posts of a few hundred bytes per partition
        if kind == "csv":
            # Read by the local engine's reader, not dd.read_csv: Dask cuts blocks at line ends (inside a quoted
            # cell that spans lines, or half a UTF-16 character), and each block's first row with a field too
            # many would be taken for an index column. Same rows, same row errors; only the checking is parallel.
            rows = [r for batch in _csv_chunks(path, cols, chunk) for r in batch]
            return dd.from_pandas(pd.DataFrame({_REC: pd.Series([json.dumps(r) for r in rows], dtype=object)}),
                                  chunksize=chunk, sort=False)
        elif kind == "jsonl":
            # Not dd.read_json: one broken line would sink the whole read, and it reads 5 as "5".
            next(_jsonl_chunks(path, cols, chunk), None)  # the columns check of the local engine
            parts = [dask.delayed(_jsonl_part)(str(path), *r, cols.text) for r in _jsonl_ranges(path, blocksize)]
            return dd.from_delayed(parts, meta=pd.DataFrame({_REC: pd.Series([], dtype=object)}), verify_meta=False)
        else:
            try:
                frame = dd.read_parquet(str(path))
            except Exception as exc:  # pyarrow raises ArrowInvalid and friends, without cell contents
                raise InputError(f"{path.name}: cannot read as Parquet ({type(exc).__name__})") from None
        _refuse_duplicate_columns(frame.columns, path.name)
        cols.validate(frame.columns, path.name)
        return frame
    rows = [r for batch in _raw_chunks(source, cols, chunk) for r in batch]
    return dd.from_pandas(pd.DataFrame(rows), chunksize=chunk, sort=False)


def _dask_partition(df, payload, cols, offsets, done, cache, partition_info=None):
    """Check one partition (runs on a Dask worker); rows are numbered globally through ``offsets``."""
    pd = _pd()
    rows = [json.loads(r) for r in df[_REC]] if list(df.columns) == [_REC] else df.to_dict("records")
    recs = cols.records(rows, offsets[partition_info["number"]])
    recs = [r for r in recs if r["row"] not in done]
    pipeline = _worker_pipeline(payload)
    posts, findings = _flatten([_check_record(pipeline, r) for r in recs])
    if cache is not None:
        _write_part(Path(cache), posts, findings)
        posts, findings = [], []
    by_row = collections.defaultdict(list)
    for f in findings:
        by_row[f["row"]].append(f)
    table, _ = _tables(posts, [])
    return table.assign(_findings=pd.Series([json.dumps(by_row[r]) for r in table["row"]], dtype="string"))


def _audit_dask(source, cols, pipeline, sink, n_jobs, bar, chunk, client) -> None:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise MissingExtraError("the dask engine", "dask") from None
    pd = _pd()
    own = client is None
    if own:
        cluster = LocalCluster(
            n_workers=max(1, n_jobs), threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        )
        client = Client(cluster)
    import dask

    # Object columns stay objects: Dask would turn a number (or bytes) in the text column into a str and
    # check it, where the local engine reports it; the same tables need the same values.
    config = dask.config.set({"dataframe.convert-string": False})
    config.__enter__()
    try:
        frame = _dask_frame(source, cols, chunk)
        try:
            lengths = client.compute(frame.map_partitions(len)).result().tolist()
        except UnicodeDecodeError:
            raise InputError(f"{Path(source).name}: cannot be decoded; pass encoding= (Excel exports are often 'cp1252')") from None
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise InputError(f"{Path(source).name}: cannot read as CSV ({str(exc).strip().splitlines()[0]}); check sep= and encoding=") from None
        offsets = [sum(lengths[:i]) for i in range(len(lengths))]
        done = sink.done()
        bar.update(len(done))
        payload = _payload(pipeline)
        with _PIPELINES_LOCK:
            _PIPELINES.setdefault(payload, pipeline)  # in-process workers reuse it
        cache = str(sink.path) if isinstance(sink, _Cache) else None
        empty, _ = _tables([], [])
        meta = empty.assign(_findings=pd.Series([], dtype="string"))
        checked = frame.map_partitions(_dask_partition, payload, cols, offsets, done, cache, meta=meta)
        futures = client.compute(checked.to_delayed())
        ordered = sorted(done)
        todo = {  # posts left to check per partition, for the progress bar
            f.key: n - (bisect.bisect_left(ordered, o + n) - bisect.bisect_left(ordered, o))
            for f, o, n in zip(futures, offsets, lengths)
        }
        for fut in as_completed(futures):
            bar.update(todo[fut.key])
        parts = client.gather(futures)
    finally:
        config.__exit__(None, None, None)
        if own:
            client.close()
            cluster.close()
    if isinstance(sink, _Cache):
        return
    for part in parts:
        posts = part.drop(columns="_findings").to_dict("records")
        findings = [f for cell in part["_findings"] for f in json.loads(cell)]
        sink.add(posts, findings)


# --------------------------------------------------------------------------- the result


class Audit:
    """The result of an audit: ``.posts`` (one row per post) and ``.findings`` (one row per finding)."""

    def __init__(
        self,
        posts: "pd.DataFrame | None" = None,
        findings: "pd.DataFrame | None" = None,
        *,
        loader: Callable[[], tuple["pd.DataFrame", "pd.DataFrame"]] | None = None,
    ) -> None:
        if loader is None:
            empty = _tables([], [])
            loader = lambda: (empty[0] if posts is None else posts, empty[1] if findings is None else findings)  # noqa: E731
        self._loader = loader
        self._tables: tuple["pd.DataFrame", "pd.DataFrame"] | None = None

    def _load(self) -> tuple["pd.DataFrame", "pd.DataFrame"]:
        if self._tables is None:
            self._tables = self._loader()
        return self._tables

    @property
    def posts(self) -> "pd.DataFrame":
        """One row per post, in input order: id, decision, score, counts per category, top rules, error."""
        return self._load()[0]

    @property
    def findings(self) -> "pd.DataFrame":
        """One row per finding: post id, rule id, checker, category, severity, score, span, excerpt, message."""
        return self._load()[1]

    def __len__(self) -> int:
        return len(self.posts)

    def __repr__(self) -> str:
        s = self.summary()
        return f"<Audit {s['posts']} posts: {s['decisions']}, {s['errors']} error(s), {s['findings']} finding(s)>"

    # -- tables ----------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Headline numbers: posts, errors, posts without a (readable) date, findings, and posts per decision."""
        posts = self.posts
        counts = posts["decision"].value_counts()
        return {
            "posts": len(posts),
            "errors": int(posts["error"].notna().sum()),
            "undated": int(posts["date"].isna().sum()),
            "findings": len(self.findings),
            "decisions": {d: int(counts.get(d, 0)) for d in ("go", "review", "no_go")},
        }

    def flagged(self) -> "pd.DataFrame":
        """Posts whose decision is review or no-go, riskiest first."""
        posts = self.posts
        hit = posts[posts["decision"].isin(["review", "no_go"])]
        return hit.sort_values(["score", "row"], ascending=[False, True], kind="stable")

    def by_category(self) -> "pd.DataFrame":
        """Per category: findings, affected posts and mean_score (the findings' mean confidence, 0-1)."""
        return self._grouped("category", {})

    def by_rule(self) -> "pd.DataFrame":
        """One row per rule, most frequent first: category, severity (the worst its findings have; policy can
        re-level a rule), findings, affected posts and mean_score (the findings' mean confidence, 0-1)."""
        return self._grouped("rule_id", {"category": ("category", "first"), "severity": ("severity", "max")})

    def _grouped(self, key: str, extra: dict[str, tuple[str, str]]) -> "pd.DataFrame":
        g = self.findings.groupby(key, observed=True)
        out = g.agg(**extra, findings=("row", "size"), posts=("row", "nunique"), mean_score=("score", "mean")).reset_index()
        out = out.astype({"findings": "int64", "posts": "int64"})
        return out.sort_values(["findings", key], ascending=[False, True], kind="stable").reset_index(drop=True)

    def over_time(self, freq: str | None = None) -> "pd.DataFrame":
        """Posts, decisions, posts that could not be checked (errors) and mean risk (0-100) per period.

        ``freq``: "D", "W", "M", "Q" or "Y" (pandas' "ME"/"MS", "QE", "YE" mean the same; default: month,
        or week for spans under 90 days). Every period with a dated post is a row, also when all its posts
        failed (mean_score is then NaN); counts are ints. Posts without a date are left out
        (``summary()["undated"]``); empty without dates.
        """
        pd = _pd()
        posts = self.posts.dropna(subset=["date"])
        cols = ["period", "posts", "go", "review", "no_go", "errors", "mean_score"]
        if posts.empty:
            return pd.DataFrame({c: pd.Series([], dtype=t) for c, t in zip(cols, _OVER_TIME_DTYPES)})
        if freq is None:
            freq = _default_freq(posts["date"].min(), posts["date"].max())
        period = posts["date"].dt.to_period(_period_freq(freq)).dt.start_time.astype("datetime64[ns]").rename("period")
        out = pd.DataFrame({"posts": posts.groupby(period).size()})
        decision = posts["decision"].astype(object)
        for d in ("go", "review", "no_go"):
            out[d] = decision.eq(d).groupby(period).sum()
        out["errors"] = posts["error"].notna().groupby(period).sum()
        out = out.astype("int64")
        out["mean_score"] = posts.groupby(period)["score"].mean().round(1)
        return out.reset_index()[cols].rename_axis(columns=None)

    # -- output ----------------------------------------------------------------------------

    def _table(self, table: str) -> "pd.DataFrame":
        if table not in ("posts", "findings"):
            raise ValueError(f"table must be 'posts' or 'findings', not {table!r}")
        return getattr(self, table)

    def to_csv(self, path: str | os.PathLike, table: str = "findings") -> Path:
        """Write one table ('findings' or 'posts') as UTF-8 CSV, each text cell that a spreadsheet would run as a
        formula prefixed with ``'`` (see _spreadsheet_safe); ``audit.posts.to_csv()`` writes the values raw."""
        _spreadsheet_safe(self._table(table)).to_csv(path, index=False)
        return Path(path)

    def to_parquet(self, path: str | os.PathLike, table: str = "findings") -> Path:
        """Write one table ('findings' or 'posts') as Parquet."""
        self._table(table).to_parquet(path, index=False)
        return Path(path)

    def to_html(self, path: str | os.PathLike | None = None, *, title: str = "socialrisk audit") -> "str | Path":
        """The self-contained HTML report: written to ``path`` (UTF-8) and its Path returned, as to_csv() and
        to_parquet() do; without a path the page itself, as a str."""
        from .render.html import audit_html

        page = audit_html(self, title=title)
        if path is None:
            return page
        Path(path).write_text(page, "utf-8")
        return Path(path)

    def _repr_html_(self) -> str:
        from .render.html import audit_html

        return audit_html(self, fragment=True, limit=20)

    def plot(self) -> dict[str, Any]:
        """Matplotlib figures: 'decisions', 'categories' and, with dates, 'over_time'."""
        try:
            from matplotlib.figure import Figure
        except ImportError:
            raise MissingExtraError("audit plots", "audit") from None
        figs: dict[str, Any] = {}
        s = self.summary()["decisions"]
        fig = Figure(figsize=(5, 3), layout="constrained")
        ax = fig.subplots()
        ax.bar(list(s), list(s.values()), color=[_COLOURS[d] for d in s])
        ax.set(title="Posts per decision", ylabel="posts")
        figs["decisions"] = fig
        cats = self.by_category()
        fig = Figure(figsize=(6, 3), layout="constrained")
        ax = fig.subplots()
        ax.barh(cats["category"].astype(str)[::-1], cats["findings"][::-1], color="#4c72b0")
        ax.set(title="Findings per category", xlabel="findings")
        figs["categories"] = fig
        over = self.over_time()
        if not over.empty:
            fig = Figure(figsize=(7, 3), layout="constrained")
            ax = fig.subplots()
            bottom = None
            # bars 80% of a period wide: a week's bars must not overlap, a month's not look like lines
            step = _bar_days(over["period"])
            for d in ("go", "review", "no_go"):
                ax.bar(over["period"], over[d], bottom=bottom, width=0.8 * step, color=_COLOURS[d], label=d)
                bottom = over[d] if bottom is None else bottom + over[d]
            ax.set(title="Posts per decision over time", ylabel="posts")
            ax2 = ax.twinx()
            ax2.plot(over["period"], over["mean_score"], color="black", marker="o", label="mean risk")
            ax2.set(ylabel="mean risk (0-100)", ylim=(0, 100))
            # one legend for bars and line, outside the axes, so it hides neither
            handles, labels = (sum(x, []) for x in zip(ax.get_legend_handles_labels(), ax2.get_legend_handles_labels()))
            fig.legend(handles, labels, loc="outside lower center", ncols=len(labels), frameon=False)
            figs["over_time"] = fig
        return figs


# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (=HYPERLINK(...), a DDE
# call): a post, reply or id copied from anywhere may start so, and the CSV is made to be opened there.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _spreadsheet_safe(frame: "pd.DataFrame") -> "pd.DataFrame":
    """``frame`` with each str cell that starts a formula prefixed with a single quote (OWASP's advice against CSV
    injection), so it opens as text. Only str cells of text columns; numbers, categories and dates are as they are.
    A copy: the tables (and Parquet) keep the values raw, where text[start:end] == excerpt holds."""
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object or isinstance(out[name].dtype, _pd().StringDtype):
            out[name] = out[name].map(lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v,
                                      na_action="ignore")
    return out


_COLOURS = {"go": "#55a868", "review": "#dd8452", "no_go": "#c44e52"}
_OVER_TIME_DTYPES = ["datetime64[ns]", "int64", "int64", "int64", "int64", "int64", "float64"]
_PERIODS = ("D", "W", "M", "Q", "Y")
_PERIOD_ALIASES = {"ME": "M", "MS": "M", "QE": "Q", "QS": "Q", "YE": "Y", "YS": "Y", "A": "Y", "AS": "Y"}


def _default_freq(first: Any, last: Any) -> str:
    """Week for dates spanning under 90 days, else month. Compared by adding to the first date, not by
    subtracting: pandas' Timedelta ends at about 292 years, and one post dated 1700 next to 2024 is in range."""
    pd = _pd()
    return "W" if first + pd.Timedelta(days=90) > last else "M"


def _bar_days(periods: "pd.Series") -> float:
    """The width in days of one period's bars: the smallest step between periods (7 for one period). Each
    step is a day count of its own (no Timedelta), so periods centuries apart do not overflow."""
    days = periods.dt.to_period("D").astype("int64").diff().dropna()  # days since 1970, as ints
    return float(days.min()) if len(days) else 7.0


def _period_freq(freq: Any) -> str:
    """``freq`` as a pandas period frequency, or a ValueError listing what is accepted."""
    pd = _pd()
    if isinstance(freq, str) and freq.strip()[:1].isdigit():
        # "2M", "3D": to_period accepts them, but each post's period still starts at its own month or day, so the
        # rows would be months labelled as two-month periods. Refused: one period of each size is offered.
        raise ValueError(
            f"freq must be one period, not a multiple such as {freq!r}: one of {', '.join(map(repr, _PERIODS))} "
            "(day, week, month, quarter, year); for two-month totals, group over_time('M') yourself"
        )
    if isinstance(freq, str):
        name = _PERIOD_ALIASES.get(freq.upper(), freq)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                pd.Series(pd.to_datetime(["2024-01-01"])).dt.to_period(name)
            return name
        except (ValueError, TypeError, AttributeError):
            pass
    raise ValueError(
        f"freq must be one of {', '.join(map(repr, _PERIODS))} (day, week, month, quarter, year; pandas' "
        f"'ME'/'MS', 'QE', 'YE' and anchored weeks such as 'W-MON' work too), not {freq!r}"
    )


# --------------------------------------------------------------------------- entry point


def audit(
    source: Any,
    text: str = "text",
    id: str | None = None,
    lang: str | None = None,
    platform: str | None = None,
    date: str | None = None,
    n_jobs: int = 1,
    progress: bool = True,
    cache: str | os.PathLike | None = None,
    engine: str = "local",
    pipeline: "Pipeline | None" = None,
    config: Any = None,
    *,
    client: Any = None,
    chunk_size: int = CHUNK,
    dayfirst: bool = True,
    date_format: str | None = None,
    sep: str | None = None,
    encoding: str | None = None,
) -> Audit:
    """Audit many posts (DataFrame, CSV/JSONL/Parquet path, or iterable of texts or dicts) into an Audit."""
    # text/id/date name columns; lang/platform name a column or give one value for every post (not given: a
    # column called lang / platform, as `socialrisk check posts.csv` reads it; a bad value is that row's error).
    # Dates: ISO (2024-03-05) always year first; 05-03-2024 is day first unless dayfirst=False, the same
    # for every row; date_format="%d.%m.%Y" reads only that format. CSV: sep= and encoding= as given, else
    # sniffed (the header's most used of , ; tab |; UTF-8, else Windows-1252 with a warning).
    _pd()
    if engine not in ("local", "dask"):
        raise ConfigError(f"engine must be 'local' or 'dask', not {engine!r}", key="engine")
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs < 1:
        raise ConfigError(f"n_jobs must be a whole number of at least 1, not {n_jobs!r}", key="n_jobs")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise ConfigError(f"chunk_size must be a whole number of at least 1, not {chunk_size!r}", key="chunk_size")
    if not isinstance(text, str) or not text:
        raise InputError("text= must name the column that holds the post text")
    if pipeline is None:
        from .pipeline import Pipeline, default_pipeline

        pipeline = default_pipeline() if config is None else Pipeline(config)
    if not isinstance(dayfirst, bool):
        raise ConfigError(f"dayfirst must be True or False, not {dayfirst!r}", key="dayfirst")
    if date_format is not None and (not isinstance(date_format, str) or "%" not in date_format):
        raise ConfigError(f"date_format must be a strftime format such as '%d-%m-%Y', not {date_format!r}", key="date_format")
    if sep is not None and (not isinstance(sep, str) or not sep):
        raise ConfigError(f"sep must be a separator such as ';', not {sep!r}", key="sep")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except (LookupError, TypeError):
            raise ConfigError(f"encoding must be a codec name such as 'cp1252', not {encoding!r}", key="encoding") from None
    if id is not None and id == text:  # every post's text would be its id: quoted in errors, warnings and the report
        raise ConfigError(f"id= and text= name the same column ({text!r}); the id may not be the text", key="id")
    cols = _Columns(text=text, id=id, lang=lang, platform=platform, date=date, dayfirst=dayfirst, date_format=date_format,
                    sep=sep, encoding=encoding)
    sink: _Memory | _Cache = _Memory() if cache is None else _Cache(cache, _cache_key(source, cols, pipeline))
    with _progress(progress, _total(source), "auditing") as bar:
        if engine == "dask":
            _audit_dask(source, cols, pipeline, sink, n_jobs, bar, chunk_size, client)
        else:
            _audit_local(source, cols, pipeline, sink, n_jobs, bar, chunk_size)
    if isinstance(sink, _Cache):
        return Audit(loader=sink.tables)  # loaded on first use, so a huge audit need not fit in memory
    return Audit(*sink.tables())


class _CallableModule(types.ModuleType):
    """``socialrisk.audit(...)`` works even after ``import socialrisk.audit`` made the name the module."""

    def __call__(self, *args: Any, **kwargs: Any) -> Audit:
        return audit(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
