"""The compact word tables a command-line run loads while it starts up: a set and a dict, exactly."""

from __future__ import annotations

import pickle

import pytest

from socialrisk._sorted import SortedTable, SortedWords

WORDS = ["", "a", "aa", "ab", "b", "Zorg", "zorg", "zorgen", "één", "ß", "\U0001f600", "z" * 300]


def test_sorted_words_is_the_set_it_was_built_from():
    words = SortedWords(WORDS + ["zorg"])  # duplicates count once
    plain = frozenset(WORDS)
    assert len(words) == len(plain) and set(words) == plain and words == plain
    assert list(words) == sorted(plain)
    for probe in [*WORDS, "aaa", "ac", "zor", "zorgenn", "Een", "c", "\x00", "zzz"]:
        assert (probe in words) == (probe in plain), probe
    assert 1 not in words and None not in words


def test_sorted_table_is_the_dict_it_was_built_from():
    plain = {w: w.upper() + "!" for w in WORDS}
    plain["leeg"] = ""
    table = SortedTable(plain)
    assert table == plain and dict(table) == plain and len(table) == len(plain)
    assert sorted(table.values()) == sorted(plain.values()) and dict(table.items()) == plain
    for probe in [*plain, "aaa", "zor", "x"]:
        assert table.get(probe, "?") == plain.get(probe, "?"), probe
    with pytest.raises(KeyError):
        table["absent"]
    assert 3 not in table


def test_empty_tables():
    assert len(SortedWords([])) == 0 and "" not in SortedWords([]) and list(SortedWords([])) == []
    empty = SortedTable({})
    assert len(empty) == 0 and empty.get("") is None and empty.values() == [] and dict(empty) == {}
    assert "" in SortedWords([""]) and SortedTable({"": "x"})[""] == "x"


def test_they_survive_a_pickle_round_trip():
    words, table = SortedWords(WORDS), SortedTable({w: w[::-1] for w in WORDS})
    back_words, back_table = pickle.loads(pickle.dumps((words, table), protocol=pickle.HIGHEST_PROTOCOL))
    assert type(back_words) is SortedWords and back_words == words and "zorg" in back_words
    assert type(back_table) is SortedTable and dict(back_table) == dict(table)


def test_an_entry_with_a_line_break_is_refused():
    with pytest.raises(ValueError, match="line break"):
        SortedWords(["twee\nregels"])
    with pytest.raises(ValueError, match="line break"):
        SortedTable({"a": "b\nc"})
