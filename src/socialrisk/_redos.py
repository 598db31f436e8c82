"""Pattern safety: reject regular expressions that backtrack catastrophically (ReDoS).

A rule pattern runs on every post, and a user pack may carry any pattern. Each pattern is run
against adversarial inputs (long runs of the characters it mentions and of common character classes,
alone and in pairs, each followed by a character that makes the match fail) under the ``regex``
module's timeout. A pattern that cannot get through one of them within the budget, twice in a row, is
refused at load time (``regex`` counts the budget in CPU time of the whole process, so one time-out may
be a busy neighbour thread rather than the pattern); at check time ``_match.scan`` runs every pattern
under a timeout as well, so this is the early, loud half of the defence.
"""

from __future__ import annotations

import collections
import functools
import itertools
from dataclasses import dataclass
from time import perf_counter
from typing import TYPE_CHECKING, Iterable, Iterator

import regex

if TYPE_CHECKING:  # pragma: no cover
    from .rules import Rule

__all__ = ["PatternCheck", "probe", "adversarial_inputs", "check_rules", "PROBE_TIMEOUT", "LONG_RUN"]

PROBE_TIMEOUT = 0.25  # seconds per input: a safe pattern scans LONG_RUN characters in ~1 ms
LONG_RUN = 50_000  # about half of the default max_chars
PAIR_RUN = 4_000  # two-character runs: enough to expose quadratic and exponential backtracking
# Stand-ins for the classes patterns usually repeat: letters (ASCII, accented, Cyrillic), digits,
# white space, word and URL punctuation, emoji.
_CLASS_CHARS = "aA1 \t\n.-_@#/:,'é€ж😀"
_FAIL_SUFFIXES = ("!", "")
_META = set("\\^$.|?*+()[]{}")


@dataclass(frozen=True)
class PatternCheck:
    """The outcome of probing one pattern."""

    regex: str
    safe: bool
    inputs: int  # how many adversarial inputs were run
    worst_ms: float  # slowest whole scan of one input (wall clock)
    worst_input: str  # a short description of that input, e.g. "'a' * 50000 + '!'"


def _mentioned_chars(src: str) -> list[str]:
    """Literal characters of a pattern (escapes like ``\\d`` are covered by the class stand-ins)."""
    out: list[str] = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            nxt = src[i + 1: i + 2]
            if nxt and not nxt.isalnum():  # an escaped literal: "\." "\-" "\+"
                out.append(nxt)
            i += 2
            continue
        if ch not in _META:
            out.append(ch)
        i += 1
    return list(dict.fromkeys(c for c in out if c.isprintable() or c.isspace()))


def adversarial_inputs(src: str) -> Iterator[tuple[str, str]]:
    """(description, text) pairs that make backtracking engines work hardest for ``src``."""
    chars = list(dict.fromkeys([*_mentioned_chars(src), *_CLASS_CHARS]))
    for c in chars:
        for suffix in _FAIL_SUFFIXES:
            yield f"{c!r} * {LONG_RUN} + {suffix!r}", c * LONG_RUN + suffix
    # Alternating pairs catch nested groups such as (\w+\s?)+ whose parts take turns.
    for a, b in itertools.combinations(chars[:16], 2):
        yield f"{a + b!r} * {PAIR_RUN // 2} + '!'", (a + b) * (PAIR_RUN // 2) + "!"
    sentence = "Lorem 123 ipsum, dolor @user #tag https://x.nl/a?b=1 é ж 😀\n"
    yield f"mixed text * {LONG_RUN // len(sentence)}", sentence * (LONG_RUN // len(sentence))


@functools.lru_cache(maxsize=1024)
def probe(src: str, ignore_case: bool = True, timeout: float = PROBE_TIMEOUT) -> PatternCheck:
    """Run ``src`` (compiled as rule patterns are) against every adversarial input."""
    rx = regex.compile(src, regex.V0 | (regex.IGNORECASE if ignore_case else 0))
    worst_ms, worst_desc, n = 0.0, "", 0
    for desc, text in adversarial_inputs(src):
        n += 1
        for attempt in (1, 2):
            t0 = perf_counter()
            try:
                # Consumed in C with the GIL held, as _match.scan does: no other thread runs mid-scan.
                collections.deque(rx.finditer(text, timeout=timeout, concurrent=False), maxlen=0)
                break
            except TimeoutError:
                if attempt == 2:
                    return PatternCheck(src, False, n, round(timeout * 1000, 1), desc)
        ms = (perf_counter() - t0) * 1000
        if ms > worst_ms:
            worst_ms, worst_desc = ms, desc
    return PatternCheck(src, True, n, round(worst_ms, 2), worst_desc)


def check_rules(rules: Iterable["Rule"], path: str | None = None) -> list[PatternCheck]:
    """Probe every pattern of ``rules``; raise RulePackError (file, rule id, field) on the first unsafe one."""
    from .errors import RulePackError

    results = []
    for rule in rules:
        for i, spec in enumerate(rule.match.patterns):
            res = probe(spec.regex, spec.ignore_case)
            if not res.safe:
                raise RulePackError(
                    f"pattern {spec.name!r} backtracks catastrophically (over {res.worst_ms:g} ms on "
                    f"{res.worst_input}); rewrite it without nested or overlapping repetition",
                    path=path or rule.source,
                    rule_id=rule.id,
                    field=f"match.patterns.{i}.regex",
                )
            results.append(res)
    return results
