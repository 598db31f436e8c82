"""Large read-only word tables as one sorted string each: for a cold start, where loading counts.

A dict or frozenset of a few hundred thousand words costs 0.07-0.1 s to unpickle (one object per
word, one hash-table insert each); one string and an array of offsets load from the start-up cache
in a few milliseconds. A lookup is a binary search, about 5 µs instead of 0.05 µs: right for a
command-line run that looks up a few hundred words, wrong for a batch, which keeps the dict or set.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Set

__all__ = ["SortedWords", "SortedTable"]

_SEP = "\n"


def _pack(items: list[str]) -> tuple[str, array]:
    """The items joined by a separator, and where each starts (plus one past the end)."""
    if any(_SEP in s for s in items):
        raise ValueError("an entry holds a line break")
    starts = array("Q", [0])
    at = 0
    for s in items:
        at += len(s) + 1
        starts.append(at)
    return _SEP.join(items), starts


def _split(blob: str, n: int) -> list[str]:
    return blob.split(_SEP) if n else []


class _Sorted:
    """Sorted keys as one string; pickles by its slots (``copyreg``), which is what makes loading cheap."""

    __slots__ = ("_blob", "_starts")

    def __init__(self, keys: list[str]) -> None:
        self._blob, self._starts = _pack(keys)

    def _find(self, key: object) -> int:
        """The index of ``key``, or -1."""
        if not isinstance(key, str):
            return -1
        blob, starts = self._blob, self._starts
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if blob[starts[mid]: starts[mid + 1] - 1] < key:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(starts) - 1 and blob[starts[lo]: starts[lo + 1] - 1] == key else -1

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(_split(self._blob, len(self)))

    def __len__(self) -> int:
        return len(self._starts) - 1


class SortedWords(_Sorted, Set):
    """A read-only set of strings: ``word in words``, ``len``, iteration in sorted order."""

    __slots__ = ()

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(sorted(set(words)))


class SortedTable(_Sorted, Mapping):
    """A read-only mapping of strings to strings, keys in sorted order."""

    __slots__ = ("_values", "_value_starts")

    def __init__(self, table: Mapping[str, str]) -> None:
        keys = sorted(table)
        super().__init__(keys)
        self._values, self._value_starts = _pack([table[k] for k in keys])

    def __getitem__(self, key: str) -> str:
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return self._values[self._value_starts[i]: self._value_starts[i + 1] - 1]

    def values(self) -> list[str]:  # type: ignore[override]  # one split, not a search per key
        return _split(self._values, len(self))

    def items(self) -> Iterator[tuple[str, str]]:  # type: ignore[override]
        return zip(self, self.values())
