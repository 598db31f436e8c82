"""A small on-disk cache for start-up data: validated rule packs, name lists, word tables, hyphenation.

Building these from YAML/JSON costs most of a cold start; reading them back costs a few milliseconds.
An entry is stored under a digest of its full key, and the key is stored inside it too: an entry
is used only when the key matches exactly (the source files' content, the code that validated them,
the package and library versions) and its checksum holds. Anything else (no cache directory, an
unwritable or corrupt file, another version's entry) falls back silently to building the data.
Writes go to a temporary file that is renamed into place, so concurrent processes never see half
an entry.

Only code that asks for it writes (``with writing():``, as the command line does): the library's
promise that ``import socialrisk`` and ``check()`` write no files holds; they only read entries.

The directory is ``$SOCIALRISK_CACHE_DIR``, else ``$XDG_CACHE_HOME/socialrisk``, else
``~/.cache/socialrisk``; ``SOCIALRISK_CACHE_DIR=off`` (or empty) disables the cache. Entries are
pickles: the directory must be as private as the user's home (it is by default).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

__all__ = ["cache_dir", "cached", "writing", "is_writing", "set_starting_up", "is_starting_up"]

T = TypeVar("T")

_MAGIC = b"socialrisk-cache-1\n"
_DIGEST = 32  # bytes of sha256 stored before the payload
_writers = 0  # open ``writing()`` blocks
_starting_up = False


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """Store what is built inside this block (entries are read in any case)."""
    global _writers
    _writers += 1
    try:
        yield
    finally:
        _writers -= 1


def is_writing() -> bool:
    """Inside a ``writing()`` block: a short-lived command-line run, where start-up time counts most."""
    return _writers > 0


def set_starting_up(on: bool) -> None:
    """The command line says when it starts (until its first post is checked) and when it is past that."""
    global _starting_up
    _starting_up = on


def is_starting_up() -> bool:
    """A command-line run that has not checked a post yet: large tables load in their compact form
    (``_sorted``), a few milliseconds instead of 0.1 s each, at the price of slower lookups."""
    return _starting_up


def cache_dir() -> Path | None:
    """Where entries live; None when caching is disabled."""
    env = os.environ.get("SOCIALRISK_CACHE_DIR")
    if env is not None:
        return Path(env) if env.strip() and env.strip().lower() not in ("off", "0", "none", "false") else None
    base = os.environ.get("XDG_CACHE_HOME")
    try:
        root = Path(base) if base else Path.home() / ".cache"
    except RuntimeError:  # no home directory to be found
        return None
    return root / "socialrisk"


@functools.lru_cache(maxsize=None)
def code_stamp(*modules: str) -> str:
    """Versions of Python, socialrisk and its libraries, plus a hash of the named modules' source.

    Part of every key: an edit to the code that builds an entry (a schema, a validator) invalidates
    it even when the package version stays the same (an editable install).
    """
    import pydantic
    import regex

    from . import __version__

    h = hashlib.sha256(f"{sys.version}|{__version__}|{pydantic.VERSION}|{regex.__version__}".encode())
    here = Path(__file__).resolve().parent
    for mod in modules:
        h.update((here / (mod.replace(".", "/") + ".py")).read_bytes())
    return h.hexdigest()


def _digest(text: str, n: int) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def _path_for(kind: str, key: str, source: str = "") -> Path | None:
    """``<kind>-<source digest>-<key digest>.pickle``: the entries of one source share a prefix."""
    root = cache_dir()
    if root is None:
        return None
    return root / f"{kind}-{_digest(source, 16)}-{_digest(key, 32)}.pickle"


def _prune(path: Path) -> None:
    """Remove the entries this one replaces: same kind and source, another key (an edited file, new code).

    A process still reading one of them sees a miss and builds the value itself.
    """
    stem = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{stem}-*.pickle"):
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass


def _load(path: Path, key: str) -> tuple[bool, Any]:
    try:
        blob = path.read_bytes()
    except OSError:
        return False, None
    head = len(_MAGIC) + _DIGEST
    if not blob.startswith(_MAGIC) or hashlib.sha256(blob[head:]).digest() != blob[len(_MAGIC):head]:
        return False, None  # truncated, corrupt or of another format
    try:
        stored_key, value = pickle.loads(blob[head:])
    except Exception:  # noqa: BLE001 - any unreadable entry is a miss
        return False, None
    if stored_key != key:
        return False, None
    return True, value


def _store(path: Path, key: str, value: Any) -> None:
    import tempfile

    try:
        payload = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)  # atomic: readers see the old entry or the whole new one
            _prune(path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception:  # noqa: BLE001 - a cache that cannot be written is just not used
        return


def cached(
    kind: str,
    key: str,
    build: Callable[[], T],
    *,
    pack: Callable[[T], Any] | None = None,
    unpack: Callable[[Any], T] | None = None,
    code: tuple[str, ...] = (),
    source: str = "",
) -> Any:
    """``build()``, or the value stored for exactly this ``key`` by an earlier call (any process).

    ``pack`` turns a built value into the form that is stored (a compact ``_sorted`` table, say) and
    ``unpack`` turns that back into a built value's form. A hit returns the stored form while the command
    line starts up (``is_starting_up``: a one-post run reads a compact table in milliseconds and looks up
    only a few hundred words) and ``unpack(stored)`` otherwise (or the stored form, without ``unpack``).
    A miss returns ``build()``'s value and packs it only to store it, so a process that does not write
    (the library) never pays for packing.
    ``code`` names the modules (``"rules"``, ``"checkers._privacy_engine"``) whose source builds the
    value: their hash joins the key (see ``code_stamp``); without readable source nothing is cached.
    ``source`` names what the value is built from (a file): storing an entry removes the older entries
    of that source, so edits do not pile up. ``build`` errors propagate and nothing is stored.
    """
    try:
        key = f"{key}\0{code_stamp(*code)}"
    except OSError:
        return build()
    path = _path_for(kind, key, source)
    if path is None:
        return build()
    hit, value = _load(path, key)
    if hit:
        return value if unpack is None or _starting_up else unpack(value)
    value = build()
    if _writers:
        _store(path, key, value if pack is None else pack(value))
    return value
