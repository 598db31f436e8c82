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


class _Sorted:
    __slots__ = ("_blob", "_starts")

    def __init__(self, blob: str, starts: array) -> None:
        self._blob, self._starts = blob, starts

    def _at(self, i: int) -> str:
        return self._blob[self._starts[i]: self._starts[i + 1] - 1]

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

    def __len__(self) -> int:
        return len(self._starts) - 1

    def _entries(self) -> list[str]:
        return self._blob.split(_SEP) if len(self) else []

    def __reduce__(self):
        return (type(self)._restore, self._state())

    def _state(self) -> tuple:
        return (self._blob, self._starts)


class SortedWords(_Sorted, Set):
    """A read-only set of strings: ``word in words``, ``len``, iteration in sorted order."""

    __slots__ = ()

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(*_pack(sorted(set(words))))

    @classmethod
    def _restore(cls, blob: str, starts: array) -> "SortedWords":
        self = cls.__new__(cls)
        _Sorted.__init__(self, blob, starts)
        return self

    def __contains__(self, word: object) -> bool:
        return self._find(word) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries())


class SortedTable(_Sorted, Mapping):
    """A read-only mapping of strings to strings, keys in sorted order."""

    __slots__ = ("_values", "_value_starts")

    def __init__(self, table: Mapping[str, str]) -> None:
        keys = sorted(table)
        super().__init__(*_pack(keys))
        self._values, self._value_starts = _pack([table[k] for k in keys])

    @classmethod
    def _restore(cls, blob: str, starts: array, values: str, value_starts: array) -> "SortedTable":
        self = cls.__new__(cls)
        _Sorted.__init__(self, blob, starts)
        self._values, self._value_starts = values, value_starts
        return self

    def _state(self) -> tuple:
        return (self._blob, self._starts, self._values, self._value_starts)

    def __getitem__(self, key: str) -> str:
        i = self._find(key)
        if i < 0:
            raise KeyError(key)
        return self._values[self._value_starts[i]: self._value_starts[i + 1] - 1]

    def __contains__(self, key: object) -> bool:
        return self._find(key) >= 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries())

    def values(self) -> list[str]:  # type: ignore[override]  # one split, not a search per key
        return self._values.split(_SEP) if len(self) else []

    def items(self) -> Iterator[tuple[str, str]]:  # type: ignore[override]
        return zip(self._entries(), self.values())
