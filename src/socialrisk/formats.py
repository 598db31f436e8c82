"""Reading post files: Markdown with YAML (or TOML) front matter, plain text, and collections (JSON, JSONL, YAML, CSV).

Only post text is checked. A social post written in Markdown is published as typed, not rendered, so
only what is certainly not published is masked: the front matter, closed code fences, complete HTML
comments and the link syntax around a target (``[``, ``](``, a title, ``)``; the target itself is checked), with spaces of equal length (line breaks kept), so a post offset
plus the body's start is the offset in the file and every line:column maps back. Indented lines are
post text (not CommonMark code blocks); an unclosed fence or ``<!--`` is post text too, with a Notice.
Columns count characters (Unicode code points), from 1; CRLF is one line break.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import json
import os
import re
import stat
import threading
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Callable

import yaml

from .errors import InputError, InputTooLarge
from .render.text import line_col
from .rules import MAX_DEPTH, YamlTooDeep, _Yaml12Loader, yaml_load

__all__ = ["SourcePost", "Comment", "Notice", "FORMATS", "detect_format", "read_file", "decode", "encode_like", "parse", "line_col", "mask_markdown", "replace_body"]

FORMATS = ("markdown", "text", "json", "jsonl", "yaml", "csv")
_SUFFIXES = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".yaml": "yaml", ".yml": "yaml", ".csv": "csv",
}


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether two paths name one file: another spelling (``./x``, a symlink, a hard link) included, and a
    path that does not exist yet compared by where it would be. Guards an output against the file it reads."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # one does not exist (yet), or a NUL in a name
        pass
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, ValueError, RuntimeError):  # a symlink loop
        return os.path.abspath(a) == os.path.abspath(b)


@dataclass(frozen=True)
class Comment:
    """An HTML comment of a Markdown body: file offsets and its inner text."""

    start: int
    end: int
    body: str


@dataclass(frozen=True)
class Notice:
    """Something about how a file was read that its author should know (file offset, message without post text)."""

    at: int
    message: str


@dataclass(frozen=True)
class SourcePost:
    """One post read from a file, with what is needed to point back into that file."""

    path: str
    fields: dict[str, Any]
    file_text: str
    offset: int | None
    anchor: int = 0
    index: int | None = None
    comments: tuple[Comment, ...] = ()
    ignore: tuple[str, ...] = ()
    ignore_at: int = 0
    kind: str = "text"
    notices: tuple[Notice, ...] = ()

    @property
    def text(self) -> str:
        return self.fields["text"]

    @property
    def label(self) -> str:
        """``path`` for a one-post file, ``path#id`` (or ``path#n``, 1-based) in a collection."""
        if self.index is None:
            return self.path
        post_id = self.fields.get("id")
        return f"{self.path}#{post_id if post_id is not None else self.index + 1}"

    def file_offset(self, pos: int) -> int:
        """File offset of post offset ``pos`` (the record's start when the text is not stored verbatim)."""
        return self.anchor if self.offset is None else self.offset + pos

    def line_col(self, pos: int) -> tuple[int, int]:
        return line_col(self.file_text, self.file_offset(pos))


# --------------------------------------------------------------------------- reading

# A byte-order mark says the encoding: Windows Notepad and Excel's "Unicode text" write UTF-16 with one.
# UTF-32's marks first: FF FE 00 00 also starts like UTF-16 LE.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def encoding_of(data: bytes) -> tuple[bytes, str, str]:
    """(byte-order mark, codec for the bytes after it, name) of ``data``; UTF-8 without a mark."""
    return next((b for b in _BOMS if data.startswith(b[0])), (b"", "utf-8", "UTF-8"))


def encode_like(original: bytes, text: str) -> bytes:
    """``text`` in the encoding of the file ``original`` was, with its byte-order mark (redact --write)."""
    bom, codec, _ = encoding_of(original)
    return bom + text.encode(codec, "surrogatepass")


def _not_text(head: bytes) -> str:
    """Why bytes holding NULs (and no byte-order mark) are not read: UTF-16 without a BOM, or binary."""
    even, odd = head[0::2], head[1::2]
    for order, zeros, others in (("little-endian", odd, even), ("big-endian", even, odd)):
        # Mostly-Latin UTF-16: every other byte is NUL, the bytes between are mostly printable ASCII
        text = sum(32 <= b < 127 or b in b"\t\n\r" for b in others)
        if zeros.count(0) > len(zeros) * 0.5 and text > len(others) * 0.8:
            return f"looks like UTF-16 ({order}) without a byte-order mark; re-save it as UTF-8 (or as UTF-16 with a BOM)"
    return "looks like a binary file (not text); name a post file (.md, .txt, .csv, ...)"


def decode(data: bytes, label: str) -> str:
    """Text by its byte-order mark (UTF-8, UTF-16, UTF-32; the mark is dropped), else UTF-8; binary and
    undecodable input is an InputError naming only ``label`` and the byte."""
    bom, codec, name = encoding_of(data)
    if not bom and b"\x00" in data[:8192]:
        raise InputError(_not_text(data[:8192]), post_id=label)
    try:
        return data[len(bom):].decode(codec)
    except UnicodeDecodeError as exc:  # the byte's offset in the file, its mark counted
        raise InputError(f"not valid {name} (byte {len(bom) + exc.start})", post_id=label) from None


def detect_format(path: str) -> str:
    return _SUFFIXES.get(Path(path).suffix.lower(), "text")


def read_file(
    path: str, *, fmt: str | None = None, text_field: str = "text", id_field: str = "id",
    on_error: Callable[[InputError], None] | None = None, max_chars: int | None = None,
) -> list[SourcePost]:
    """Read the posts in ``path`` (format from the suffix unless ``fmt`` is given); see ``parse`` for ``on_error``."""
    try:
        # A device (/dev/zero), FIFO or socket would be read forever or block: only regular files are posts.
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            raise InputError("not a regular file (a device, FIFO or socket); name a post file", post_id=path)
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", post_id=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", post_id=path) from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", post_id=path) from None
    return parse(decode(data, path), path, fmt=fmt or detect_format(path), text_field=text_field, id_field=id_field,
                 on_error=on_error, max_chars=max_chars)


def parse(
    text: str, path: str, *, fmt: str = "text", text_field: str = "text", id_field: str = "id",
    on_error: Callable[[InputError], None] | None = None, max_chars: int | None = None,
) -> list[SourcePost]:
    """Split decoded file content into posts.

    A bad record of a collection (a JSONL line that is not JSON, a record that is not a mapping or has no
    text field) raises InputError, unless ``on_error`` is given: then it receives the error and the other
    records are still returned, so one bad post in a batch does not hide the rest. A file that cannot be
    split at all (broken JSON, YAML or CSV syntax) always raises. ``max_chars``: a one-post file (Markdown,
    text) whose post is longer is refused with InputTooLarge before it is masked (a size check first).
    """
    if fmt in _COLLECTIONS and id_field == text_field:  # the id would be the post text, in every error line
        raise InputError(f"the id field and the text field are both {text_field!r}; name another id field", post_id=path)
    if fmt == "markdown":
        return [_markdown(text, path, max_chars)]
    if fmt == "text":
        if max_chars is not None and len(text) > max_chars:
            raise InputTooLarge(len(text), max_chars, post_id=path)
        return [SourcePost(path, {"text": text}, text, 0)]
    out = []
    for i, (rec, start, end) in enumerate(_COLLECTIONS[fmt](text, path, on_error is not None)):
        try:
            if isinstance(rec, InputError):
                raise rec
            out.append(_record(text, path, i, rec, start, end, text_field, id_field, fmt))
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)
    return out


# --------------------------------------------------------------------------- Markdown

_FRONT = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# [text](target "title") and ![alt](src): the text and the target stay, the brackets and the title go. The
# target is published too (it is where the link leads, and its address shows on hover or in a plain client):
# a meeting link with its password, a mailto: or tel: of a citizen must be checked like a bare URL.
_LINK = re.compile(
    r"(!?\[)(?:[^\[\]\n]|\[[^\[\]\n]*\])*(\]\()((?:[^()\s]|\([^()\s]*\))*)((?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\))"
)
# [ref]: target "title": the label goes, the target stays (for the same reason)
_REF_DEF = re.compile(r"^( {0,3}\[[^\]\n]+\]:)[ \t]*(?:\S+)(.*)$", re.M)
_IGNORE_KEY = re.compile(r"^ignore[ \t]*[:=]", re.M)  # YAML ignore: or TOML ignore =
_NEAR_DIRECTIVE = re.compile(r"\s*(socialrisk[-_ ]?ignore)\b", re.I)


def _blank(s: str) -> str:
    return "".join(c if c in "\r\n" else " " for c in s)


# Line breaks as line_col counts them (so every line:column maps back): not str.splitlines', which also breaks
# at U+2028, U+2029, U+0085, form feed and other characters a post may hold and a JSON string holds raw.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# JSON Lines: records end at "\n" only (a CR before it is JSON white space); a raw CR never is in a JSON string.
_JSONL_BREAK = re.compile(r"\r?\n")


def _lines(text: str, breaks: re.Pattern[str] = _LINE_BREAK) -> list[tuple[int, int]]:
    """(start, end-without-line-break) of every line."""
    out, pos = [], 0
    for m in breaks.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _fences(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Closed fenced code blocks (start, end), and the starts of fences that are never closed."""
    blocks: list[tuple[int, int]] = []
    unclosed: list[int] = []
    lines = _lines(text)
    i = 0
    while i < len(lines):
        s, e = lines[i]
        fence = _FENCE.match(text[s:e])
        if fence:
            mark = fence.group(1)
            closing = re.compile(rf"^ {{0,3}}{re.escape(mark[0])}{{{len(mark)},}}\s*$")
            j = i + 1
            while j < len(lines) and not closing.match(text[lines[j][0]:lines[j][1]]):
                j += 1
            if j < len(lines):
                blocks.append((s, lines[j][1]))
                i = j + 1
                continue
            unclosed.append(s)  # published as typed: its text stays post text
        i += 1
    return blocks, unclosed


def _comment_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each complete ``<!-- ... -->``, as ``<!--.*?-->`` (re.S) finds them, in linear time:
    the regex tries every ``<!--`` against the rest of the text, quadratic on a run of unclosed ones."""
    out, pos = [], 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:  # no closer after this one: none after a later opener either
            break
        out.append((start, end + 3))
        pos = end + 3
    return out


def _mask(body: str) -> tuple[str, list[tuple[int, int, str]], list[tuple[int, str]]]:
    """The body with what is certainly not published blanked; its HTML comments; and notices
    (body offset, message) about text that looks hidden but is checked because it is published."""
    chars = list(body)
    notices: list[tuple[int, str]] = []

    def blank(s: int, e: int) -> None:
        chars[s:e] = _blank(body[s:e])

    blocks, unclosed = _fences(body)
    for s, e in blocks:
        blank(s, e)
    notices += [(s, "code fence is never closed: the text after it is checked as post text") for s in unclosed]
    visible = "".join(chars)
    # Found on the visible text (a "<!--" inside code is code), read from the body (its own words).
    comments = [(s, e, body[s + 4 : e - 3]) for s, e in _comment_spans(visible)]
    for s, e, _ in comments:
        blank(s, e)
    visible = "".join(chars)
    opened = visible.find("<!--")
    if opened >= 0:
        notices.append((opened, "HTML comment is never closed ('-->'): the text after it is checked as post text"))
    for m in _REF_DEF.finditer(visible):
        blank(*m.span(1))
        blank(*m.span(2))
    for m in _LINK.finditer("".join(chars)):
        blank(*m.span(1))
        blank(*m.span(2))
        blank(*m.span(4))
    return "".join(chars), comments, sorted(notices)


def mask_markdown(body: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The body with non-post parts blanked, and its HTML comments as (start, end, inner text)."""
    masked, comments, _ = _mask(body)
    return masked, comments


def _as_list(value: Any, key: str, path: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in re.split(r"[\s,]+", value) if v]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise InputError(f"'{key}' must be a rule id or a list of rule ids", post_id=path)


def _post_fields(meta: dict[str, Any]) -> dict[str, Any]:
    """Front-matter or record fields as Post fields (dates become datetimes, media strings paths)."""
    out = dict(meta)
    sched = out.get("scheduled")
    if isinstance(sched, date) and not isinstance(sched, datetime):
        out["scheduled"] = datetime.combine(sched, time())
    media = out.get("media")
    if isinstance(media, (str, dict)):
        media = [media]
    if isinstance(media, list):
        out["media"] = [{"path": m} if isinstance(m, str) else m for m in media]
    return out


_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,39}")
# What the loader's ConstructorError problems mean (rules._no_duplicate_keys, rules._readable), and the fix
_YAML_PROBLEMS = {
    "found a duplicate key": ("duplicate key", ""),
    "cannot read this date": ("invalid date", " (no such day; write YYYY-MM-DD)"),
    "cannot read this number": ("invalid number", " (too long to read)"),
}


def _node_path(root: Any, line: int, column: int) -> list[Any]:
    """The keys (and list indices) leading to the YAML key or value at ``line``:``column`` ([] if none is)."""
    stack: list[tuple[Any, list[Any]]] = [(root, [])]
    while stack:
        node, keys = stack.pop()
        if isinstance(node, yaml.MappingNode):
            items = [(k, v, [*keys, k.value if isinstance(k, yaml.ScalarNode) else None]) for k, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            items = [(None, v, [*keys, i]) for i, v in enumerate(node.value)]
        else:
            continue
        for k, v, at in items:
            if any(n is not None and (n.start_mark.line, n.start_mark.column) == (line, column) for n in (k, v)):
                return at
            stack.append((v, at))
    return []


def _yaml_problem(exc: yaml.YAMLError, text: str, base: int, place: str | None) -> str:
    """An error that names what is wrong: ``duplicate key 'lang' in front matter at line 4``, ``invalid date in
    front matter field 'scheduled' at line 2 (...)``, else ``invalid YAML front matter at line 2``. ``place``:
    "front matter", or None for a collection; ``base``: the file line of the YAML's first line. A key is
    quoted only when it looks like a field name: a key may be post text."""
    mark = getattr(exc, "problem_mark", None)
    at = f" at line {mark.line + base}" if mark else ""
    known = _YAML_PROBLEMS.get(getattr(exc, "problem", None) or "")
    if mark is None or known is None:
        return f"invalid YAML{' ' + place if place else ''}{at}"
    what, fix = known
    try:
        keys = _node_path(yaml.compose(text, Loader=_Yaml12Loader), mark.line, mark.column)
    except yaml.YAMLError:  # it parsed up to this error; without the path the message still names the line
        keys = []
    named = keys and all(isinstance(k, int) or (isinstance(k, str) and _FIELD_NAME.fullmatch(k)) for k in keys)
    field = f" {'.'.join(map(str, keys))!r}" if named else ""  # media.0.alt
    where = f" in {place}" if place else ""
    if what == "duplicate key":  # duplicate key 'lang' in front matter
        return f"{what}{field}{where}{at}{fix}"
    of = (" field" if place else " in field") + field if field else ""  # invalid date in front matter field 'x'
    return f"{what}{where}{of}{at}{fix}"


def _front_matter(text: str, path: str) -> tuple[dict[str, Any], int]:
    """The front matter's fields and where the body starts: YAML between ``---`` lines, or TOML between
    ``+++`` lines (as Hugo writes it), with the same fields; ({}, 0) when the file has none."""
    if front := _FRONT.match(text):
        return _yaml_front(front.group("yaml"), path), front.end()
    if front := _TOML_FRONT.match(text):
        return _toml_front(front.group("toml"), path), front.end()
    return {}, 0


def _yaml_front(src: str, path: str) -> dict[str, Any]:
    """YAML front matter (YAML 1.2 booleans, no key twice) as fields; errors name the file line."""
    try:
        loaded = yaml_load(src)
    except YamlTooDeep as exc:
        raise InputError(f"YAML front matter nested too deeply (over {MAX_DEPTH} levels) at line {exc.line + 1}", post_id=path) from None
    except yaml.YAMLError as exc:
        raise InputError(_yaml_problem(exc, src, 2, "front matter"), post_id=path) from None
    if loaded is not None and not isinstance(loaded, dict):
        raise InputError("front matter must be a mapping of fields", post_id=path)
    return {str(k): v for k, v in (loaded or {}).items()}


_TOML_FRONT = re.compile(r"\A\+\+\+[ \t]*\r?\n(?P<toml>.*?)^\+\+\+[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_TOML_AT = re.compile(r"\A(?P<reason>.*) \(at (?:line (?P<line>\d+), column \d+|end of document)\)\Z", re.S)
# tomllib's reasons for a key or table given twice; the ones naming a key are never shown (it may be post text)
_TOML_DUPLICATE = re.compile(r"\A(?:Cannot overwrite a value|Cannot declare .* twice|Duplicate inline table key '(?P<key>.*)'\Z)", re.S)
_TOML_HIDDEN = re.compile(r"\ACannot (?:mutate|redefine)")
_TOML_KEY = re.compile(r"\A[ \t]*(?:\[{1,2}[ \t]*)?(?P<key>[A-Za-z0-9_.-]+)[ \t]*[=\]]")  # key = ..., [table], [[array]]
_TOML_DATE = re.compile(r"\A[^=]*=[ \t]*\d{4}-\d{1,2}-\d{1,2}")  # a line whose value is written as a date


def _toml_front(src: str, path: str) -> dict[str, Any]:
    """TOML front matter with Python's tomllib; an error names the file line (the TOML starts on line 2)
    and, where it can without quoting a post, the field."""
    import tomllib

    try:
        loaded = tomllib.loads(src)
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        loaded = None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(_toml_problem(str(exc), src), post_id=path) from None
    if loaded is None or _deeper_than(loaded, MAX_DEPTH):
        raise InputError(f"TOML front matter nested too deeply (over {MAX_DEPTH} levels)", post_id=path)
    return loaded


def _toml_problem(message: str, src: str) -> str:
    """tomllib's error as ours: the file line, the field where its line names one, tomllib's reason unless
    it quotes a key."""
    m = _TOML_AT.match(message)
    reason, n = (m.group("reason"), m.group("line")) if m else (message, None)
    n = int(n) if n else src.rstrip("\r\n").count("\n") + 1  # "at end of document": its last line
    lines = src.split("\n")  # tomllib counts lines by LF (TOML's line ends), not as str.splitlines does
    line = lines[n - 1].rstrip("\r") if n <= len(lines) else ""
    key = _TOML_KEY.match(line)
    parts = key.group("key").split(".") if key else []
    field = f" {'.'.join(parts)!r}" if parts and all(_FIELD_NAME.fullmatch(p) for p in parts) else ""
    at = f" at line {n + 1}"
    if dup := _TOML_DUPLICATE.match(reason):
        inner = dup.group("key")  # a key given twice inside an inline table {a = 1, a = 2}: that key, not the line's
        if inner is not None:
            field = f" {inner!r}" if _FIELD_NAME.fullmatch(inner) else ""
        return f"duplicate key{field} in front matter{at}"
    if reason.startswith("Invalid date") or _TOML_DATE.match(line):
        return f"invalid date in front matter{' field' + field if field else ''}{at} (no such day; write YYYY-MM-DD)"
    return f"invalid TOML front matter{at}" + ("" if _TOML_HIDDEN.match(reason) else f" ({reason})")


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether lists and mappings in ``value`` nest deeper than ``limit`` (iteratively: no recursion limit)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth >= limit:
                return True
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return False


def _markdown(text: str, path: str, max_chars: int | None = None) -> SourcePost:
    meta, start = _front_matter(text, path)
    if "text" in meta:  # the body is the post: a front-matter text must never stand in for it
        raise InputError("front matter may not set 'text': the post text is the body after the front matter "
                         "(rename the key, e.g. 'summary')", post_id=path)
    ignore = _as_list(meta.pop("ignore", None), "ignore", path)
    if max_chars is not None and len(text) - start > max_chars:  # masking keeps the length: refuse before it
        raise InputTooLarge(len(text) - start, max_chars, post_id=path)
    masked, comments, notices = _mask(text[start:])
    fields = {**_post_fields(meta), "text": masked}
    key = _IGNORE_KEY.search(text, 0, start) if ignore else None
    for s, _, body in comments:  # a directive in the wrong case suppresses nothing: say so, not silently
        m = _NEAR_DIRECTIVE.match(body)
        if m and m.group(1) != "socialrisk-ignore":
            notices.append((s, f"{m.group(1)!r} is not a suppression (nothing is suppressed); write socialrisk-ignore in lower case"))
    notices.sort()
    return SourcePost(
        path, fields, text, start, anchor=start,
        comments=tuple(Comment(start + s, start + e, body) for s, e, body in comments),
        ignore=tuple(ignore), ignore_at=key.start() if key else 0, kind="markdown",
        notices=tuple(Notice(start + at, message) for at, message in notices),
    )


# --------------------------------------------------------------------------- collections

Record = tuple[Any, int, int]  # (parsed record, start offset, end offset)


def _unwrap(data: Any, path: str) -> list[Any]:
    if getattr(data, "duplicate", None) == ("posts",):  # two lists of posts: which is the file's is not known
        raise InputError("key 'posts' given twice", post_id=path)
    if isinstance(data, dict) and isinstance(data.get("posts"), list):
        return data["posts"]
    if isinstance(data, list):
        return data
    raise InputError("a collection must be a list of posts (or a mapping with 'posts:')", post_id=path)


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


def _json_too_deep(text: str) -> int | None:
    """The offset where ``text`` (JSON) nests deeper than MAX_DEPTH, else None; checked before
    ``json.loads``, which recurses (a RecursionError at about 1000 levels)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth = 0
    for m in _JSON_TOKEN.finditer(text):
        c = m.group()
        if c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return m.start()
        elif c in "]}":
            depth -= 1
    return None


class Keyed(dict):
    """A JSON object as ``json`` builds it (a key given twice: the last value), remembering the path of the first
    key given twice, in it or an object inside it (``("meta", "a")``, ``("media", 0, "alt")``), so its record can
    be refused: which value is meant is the writer's choice, not the parser's."""

    duplicate: tuple[Any, ...] | None = None


def json_object(pairs: list[tuple[str, Any]]) -> Keyed:
    """``object_pairs_hook`` for ``json.loads``: the object as a Keyed."""
    out = Keyed()
    for key, value in pairs:
        if key in out and out.duplicate is None:
            out.duplicate = (key,)
        out[key] = value
    if out.duplicate is None:
        out.duplicate = next(((k, *d) for k, v in out.items() if (d := _inner_duplicate(v))), None)
    return out


def _inner_duplicate(value: Any) -> tuple[Any, ...] | None:
    if isinstance(value, Keyed):
        return value.duplicate
    if isinstance(value, list):
        return next(((i, *d) for i, v in enumerate(value) if (d := _inner_duplicate(v))), None)
    return None


def duplicate_key_problem(value: Any) -> str | None:
    """``key 'text' given twice`` when ``value`` (a JSON record) holds a key twice, else None. The key path is
    quoted only when it looks like field names (a key may be post text)."""
    keys = getattr(value, "duplicate", None)
    if not keys:
        return None
    named = all(isinstance(k, int) or _FIELD_NAME.fullmatch(k) for k in keys)
    return f"key {'.'.join(map(str, keys))!r} given twice" if named else "a key given twice"


def _json_loads(text: str, what: str, path: str, base: int = 0, line: int | None = None) -> Any:
    """``json.loads`` with nesting over MAX_DEPTH (or a RecursionError) as an InputError naming only ``path``;
    objects are Keyed (a key given twice is its record's error, see duplicate_key_problem)."""
    at = _json_too_deep(text)
    try:
        if at is None:
            return json.loads(text, object_pairs_hook=json_object)
    except RecursionError:
        at = 0
    except json.JSONDecodeError:
        raise
    except ValueError:  # a value Python cannot build: an integer of over 4300 digits
        long = _LONG_NUMBER.search(text)
        at = long.start() if long else 0
        where = f" on line {line}" if line is not None else f" at line {line_col(text, at)[0] + base}"
        raise InputError(f"{what} holds a number too long to read{where}", post_id=path) from None
    where = f" on line {line}" if line is not None else f" at line {line_col(text, at)[0] + base}"
    raise InputError(f"{what} nested too deeply (over {MAX_DEPTH} levels){where}", post_id=path)


_LONG_NUMBER = re.compile(r"\d{4000,}")


def _json(text: str, path: str, lenient: bool = False) -> list[Record]:
    dec = json.JSONDecoder()
    try:
        data = _json_loads(text, "JSON", path)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON at line {exc.lineno}, column {exc.colno}", post_id=path) from None
    items = _unwrap(data, path)
    # Walk the array again with raw_decode to learn where each record starts and ends.
    pos = text.find("[", text.find('"posts"') if isinstance(data, dict) else 0) + 1
    out = []
    try:
        for item in items:
            while text[pos] in " \t\r\n,":
                pos += 1
            value, end = dec.raw_decode(text, pos)
            if value != item:
                raise ValueError("record moved")
            out.append((item, pos, end))
            pos = end
    except (ValueError, IndexError):  # an unusual layout: locate records at the start of the file
        return [(item, 0, len(text)) for item in items]
    return out


def _jsonl(text: str, path: str, lenient: bool = False) -> list[Record]:
    """One record per non-blank line; with ``lenient``, a line that is not JSON becomes an InputError record."""
    out: list[Record] = []
    for n, (s, e) in enumerate(_lines(text, _JSONL_BREAK), 1):
        if not text[s:e].strip():
            continue
        try:
            out.append((_json_loads(text[s:e], "JSON", path, line=n), s, e))
        except json.JSONDecodeError as exc:
            err = InputError(f"invalid JSON on line {n}, column {exc.colno}", post_id=path)
            if not lenient:
                raise err from None
            out.append((err, s, e))
        except InputError as err:
            if not lenient:
                raise
            out.append((err, s, e))
    return out


def _yaml(text: str, path: str, lenient: bool = False) -> list[Record]:
    try:
        data = yaml_load(text)
        root = yaml.compose(text, Loader=_Yaml12Loader)
    except YamlTooDeep as exc:
        raise InputError(f"YAML {exc}", post_id=path) from None
    except yaml.YAMLError as exc:
        raise InputError(_yaml_problem(exc, text, 1, None), post_id=path) from None
    items = _unwrap(data, path)
    if isinstance(root, yaml.MappingNode):
        root = next(v for k, v in root.value if k.value == "posts")
    return [(item, node.start_mark.index, node.end_mark.index) for item, node in zip(items, root.value)]


def _csv_separator(text: str) -> str:
    """The separator the header line uses most: ',', ';' (Excel in Dutch), tab or '|'; ',' when none (as the audit reads it)."""
    header = text.split("\n", 1)[0]
    counts = {c: header.count(c) for c in (",", ";", "\t", "|")}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","


_CSV_LIMIT_LOCK = threading.Lock()


def _csv(text: str, path: str, lenient: bool = False) -> list[Record]:
    """The records of a CSV. The csv module's field limit (131 072 characters) is lifted while reading, so a
    long cell is one post over max_chars (InputTooLarge for that record), not the whole file unreadable."""
    with _CSV_LIMIT_LOCK:  # the limit is process-wide: set and restored under a lock
        old = csv.field_size_limit(len(text) + 1 if len(text) >= 131_072 else 131_072)
        try:
            return _csv_records(text, path)
        finally:
            csv.field_size_limit(old)


def _no_column_twice(names: list[str], path: str) -> None:
    """A header naming a column twice (``id,text,text``) is an error for the file: a record would keep the last
    column's cell and drop the other unseen (as audit() refuses it). Named only when it looks like a field name."""
    # Blank header cells (Excel exports end rows with empty columns) name nothing to mix up.
    twice = next((n for i, n in enumerate(names) if n is not None and n.strip() and n in names[:i]), None)
    if twice is not None:
        what = f"column {twice!r}" if _FIELD_NAME.fullmatch(twice) else "a column name"
        raise InputError(f"{what} occurs {names.count(twice)} times in the CSV header; rename or drop the extra column(s)",
                         post_id=path)


def _csv_records(text: str, path: str) -> list[Record]:
    lines = _lines(text)
    # strict: a quote never closed is an error, not the rest of the file swallowed into one field
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True, delimiter=_csv_separator(text))
    out, before, header = [], 1, False  # the header is line 1
    try:
        _no_column_twice(reader.fieldnames or [], path)  # reads the header, so an error after it names a record's line
        header = True
        for row in reader:
            start_line = before + 1
            before = reader.line_num
            s = lines[start_line - 1][0] if start_line - 1 < len(lines) else len(text)
            e = lines[reader.line_num - 1][1] if reader.line_num - 1 < len(lines) else len(text)
            if None in row:  # more fields than the header: the cells after it were dropped, and with them post text
                width, n = len(reader.fieldnames or []), len(reader.fieldnames or []) + len(row[None])
                out.append((InputError(f"{n} fields, the header has {width} (a separator in an unquoted cell?); quote "
                                       f"that cell (line {start_line})", post_id=f"{path}#{len(out) + 1}"), s, e))
                continue
            out.append(({k: v for k, v in row.items() if k is not None and v not in (None, "")}, s, e))
    except csv.Error as exc:
        first = before + 1 if header else 1  # where the bad record (or the header) starts
        if "unexpected end of data" in str(exc):
            raise InputError(f"invalid CSV: a quoted field on line {first} is never closed", post_id=path) from None
        raise InputError(f"invalid CSV on line {first} ({exc})", post_id=path) from None
    return out


_COLLECTIONS: dict[str, Callable[[str, str, bool], list[Record]]] = {"json": _json, "jsonl": _jsonl, "yaml": _yaml, "csv": _csv}
_CSV_BOOL = {"true": True, "false": False, "yes": True, "no": False, "1": True, "0": False, "": False}


_NOTHING = object()


def _record(text: str, path: str, i: int, rec: Any, start: int, end: int, text_field: str, id_field: str, fmt: str) -> SourcePost:
    label = f"{path}#{i + 1}"
    if not isinstance(rec, dict):
        raise InputError("each post must be a mapping of fields", post_id=label)
    if twice := duplicate_key_problem(rec):
        raise InputError(f"{twice} at line {line_col(text, start)[0]}", post_id=label)  # the record's first line
    if text_field not in rec:
        raise InputError(f"no field {text_field!r} (set --text-field)", post_id=label)
    rec = dict(rec)
    value = rec.pop(text_field)
    # With --text-field body, the record's own 'text' is another field: kept as meta.text, never the post text.
    other_text = rec.pop("text", None) if text_field != "text" and "text" in rec else _NOTHING
    ignore = _as_list(rec.pop("ignore", None), "ignore", label)
    fields: dict[str, Any] = {**_post_fields(rec), "text": value}
    if other_text is not _NOTHING:
        meta = fields.get("meta")
        fields["meta"] = {**meta, "text": other_text} if isinstance(meta, dict) else {"text": other_text} if meta is None else meta
    if id_field != "id":
        fields.pop("id", None)
        if id_field in fields:
            fields["id"] = fields.pop(id_field)
    if fmt == "csv":
        if "paid" in fields:
            fields["paid"] = _CSV_BOOL.get(str(fields["paid"]).strip().lower(), fields["paid"])
    offset = None
    if isinstance(value, str) and value and text.count(value, start, end) == 1:
        offset = text.find(value, start, end)
    return SourcePost(path, fields, text, offset, anchor=start, index=i, ignore=tuple(ignore), ignore_at=start, kind=fmt)


# --------------------------------------------------------------------------- writing back

def replace_body(source: SourcePost, new_text: str) -> str:
    """The file with the post text replaced by ``new_text`` (an edit of the masked text, e.g. redacted).

    Only the changed stretches are carried over, so front matter, code and comments stay.
    """
    if source.offset is None or source.index is not None:
        raise InputError("only a one-post file can be rewritten", post_id=source.label)
    old, base = source.text, source.offset
    out = source.file_text
    ops = difflib.SequenceMatcher(None, old, new_text, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(ops):
        if tag != "equal":
            out = out[: base + i1] + new_text[j1:j2] + out[base + i2 :]
    return out
