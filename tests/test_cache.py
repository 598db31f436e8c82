"""The start-up cache on disk: exact keys, silent fallback, atomic writes, no writes unless asked."""

from __future__ import annotations

import multiprocessing as mp

import pytest

from socialrisk import _cache
from socialrisk._cache import cached, writing


@pytest.fixture()
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("SOCIALRISK_CACHE_DIR", str(d))
    return d


def _entries(d):
    return sorted(p.name for p in d.iterdir()) if d.exists() else []


def test_stored_inside_writing_and_read_back(cache_dir):
    calls = []

    def build():
        calls.append(1)
        return {"a": [1, 2]}

    with writing():
        assert cached("t", "key", build) == {"a": [1, 2]}
    assert len(_entries(cache_dir)) == 1
    assert cached("t", "key", build) == {"a": [1, 2]}
    assert len(calls) == 1  # the second call read the entry
    assert cached("t", "other key", build) == {"a": [1, 2]}
    assert len(calls) == 2


def test_nothing_written_outside_writing(cache_dir):
    assert cached("t", "key", lambda: 1) == 1
    assert not cache_dir.exists()


def test_pack_shapes_only_the_stored_copy(cache_dir):
    packed = []

    def pack(value):
        packed.append(value)
        return tuple(value)

    assert cached("t", "key", lambda: [1, 2], pack=pack) == [1, 2]
    assert packed == [] and not cache_dir.exists()  # not writing: nothing stored, nothing packed
    with writing():
        assert cached("t", "key", lambda: [1, 2], pack=pack) == [1, 2]  # a miss gives the value as built
    assert packed == [[1, 2]]
    assert cached("t", "key", lambda: [9], pack=pack) == (1, 2)  # a hit gives the stored form
    assert cached("t", "key", lambda: [9], pack=pack, unpack=list) == [1, 2]  # ... or unpacks it
    _cache.set_starting_up(True)
    try:  # while the command line starts up, a hit stays in its stored (compact) form
        assert cached("t", "key", lambda: [9], pack=pack, unpack=list) == (1, 2)
    finally:
        _cache.set_starting_up(False)


def test_disabled(tmp_path, monkeypatch):
    for off in ("off", ""):
        monkeypatch.setenv("SOCIALRISK_CACHE_DIR", off)
        assert _cache.cache_dir() is None
        with writing():
            assert cached("t", "key", lambda: 2) == 2


def test_default_dir_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.delenv("SOCIALRISK_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert _cache.cache_dir() == tmp_path / "socialrisk"


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b"",
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b[:-1] + bytes([b[-1] ^ 1]),  # one bit flipped in the payload
        lambda b: b"not a cache entry at all",
        lambda b: b[:60] + b"\0" * (len(b) - 60),
    ],
)
def test_a_corrupt_entry_is_ignored_and_replaced(cache_dir, damage):
    with writing():
        cached("t", "key", lambda: "good")
    (path,) = cache_dir.iterdir()
    path.write_bytes(damage(path.read_bytes()))
    assert cached("t", "key", lambda: "rebuilt") == "rebuilt"  # read-only: the bad entry stays
    with writing():
        assert cached("t", "key", lambda: "rebuilt") == "rebuilt"
    assert cached("t", "key", lambda: "again") == "rebuilt"


def test_an_entry_for_another_key_is_never_used(cache_dir):
    with writing():
        cached("t", "key A", lambda: "A")
    (path,) = cache_dir.iterdir()
    # An entry whose file name says "key B" but whose content was stored for "key A".
    target = _cache._path_for("t", "key B\0" + _cache.code_stamp())
    path.rename(target)
    assert cached("t", "key B", lambda: "B") == "B"


def test_a_well_formed_entry_with_a_bad_pickle_is_ignored(cache_dir):
    import hashlib

    payload = b"\x80\x05garbage"
    path = _cache._path_for("t", "key\0" + _cache.code_stamp())
    cache_dir.mkdir()
    path.write_bytes(_cache._MAGIC + hashlib.sha256(payload).digest() + payload)
    assert cached("t", "key", lambda: "built") == "built"


def test_an_unwritable_cache_dir_falls_back_silently(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("SOCIALRISK_CACHE_DIR", str(blocker / "cache"))  # below a file: cannot be created
    with writing():
        assert cached("t", "key", lambda: 3) == 3


def _worker(args):
    d, n = args
    import os

    os.environ["SOCIALRISK_CACHE_DIR"] = d
    from socialrisk._cache import cached, writing

    with writing():
        return cached("t", "shared", lambda: list(range(n)))


def test_concurrent_writers_leave_one_whole_entry(cache_dir):
    ctx = mp.get_context("spawn")
    with ctx.Pool(4) as pool:
        got = pool.map(_worker, [(str(cache_dir), 50_000)] * 8)
    assert all(g == list(range(50_000)) for g in got)
    assert len(_entries(cache_dir)) == 1  # no temporary files left behind
    assert cached("t", "shared", lambda: None) == list(range(50_000))


# --------------------------------------------------------------------------- what is cached

def test_rule_packs_from_the_cache_equal_a_fresh_load(cache_dir):
    from socialrisk import rules

    rules._parse_pack.cache_clear()
    fresh = rules.load_rules()
    rules._parse_pack.cache_clear()
    with writing():
        rules.load_rules()
    assert any(n.startswith("rules-") for n in _entries(cache_dir))
    rules._parse_pack.cache_clear()
    again = rules.load_rules()
    assert again == fresh
    assert [r.model_dump() for r in again.rules] == [r.model_dump() for r in fresh.rules]


def test_an_edited_pack_is_loaded_afresh(cache_dir, tmp_path):
    from socialrisk.rules import _parse_pack, load_pack

    src = (
        "- id: MY-ONE\n  checker: style\n  category: style\n  severity: low\n  what: w\n  why: y\n"
        "  message: MSG\n  match: {terms: {all: [woord]}}\n  examples: {trigger: [woord], clean: [iets]}\n"
    )
    pack = tmp_path / "mine.yaml"
    pack.write_text(src, "utf-8")
    with writing():
        assert load_pack(pack)[0][0].message == "MSG"
    _parse_pack.cache_clear()
    pack.write_text(src.replace("MSG", "CHANGED"), "utf-8")
    assert load_pack(pack)[0][0].message == "CHANGED"


def test_a_cached_pack_compiles_its_patterns_on_use(cache_dir):
    from socialrisk import rules
    from socialrisk.checkers._match import compile_pattern

    rules._parse_pack.cache_clear()
    with writing():
        rules.load_rules()
    rules._parse_pack.cache_clear()
    for rule in rules.load_rules().rules:
        for spec in rule.match.patterns:
            assert compile_pattern(spec).rx.pattern == spec.regex


def test_name_data_and_lemmas_from_the_cache_are_the_same(cache_dir):
    from socialrisk.analysis import lemma_table
    from socialrisk.checkers._privacy_engine import name_data

    name_data.cache_clear()
    lemma_table.cache_clear()
    fresh_names, fresh_lemmas = name_data(None), lemma_table("nl")
    name_data.cache_clear()
    lemma_table.cache_clear()
    with writing():
        name_data(None)
        lemma_table("nl")
    assert {n.split("-")[0] for n in _entries(cache_dir)} == {"names", "lemmas"}
    name_data.cache_clear()
    lemma_table.cache_clear()
    assert name_data(None) == fresh_names
    assert lemma_table("nl") == fresh_lemmas


def test_the_key_holds_the_code_that_built_the_value(cache_dir, monkeypatch):
    with writing():
        assert cached("t", "key", lambda: "v1", code=("rules",)) == "v1"
    assert cached("t", "key", lambda: "other", code=("rules",)) == "v1"
    monkeypatch.setattr(_cache, "code_stamp", lambda *m: "edited source")  # the module's source changed
    assert cached("t", "key", lambda: "v2", code=("rules",)) == "v2"

    def unreadable(*modules):
        raise OSError("no source")

    monkeypatch.setattr(_cache, "code_stamp", unreadable)  # e.g. installed without .py files
    with writing():
        assert cached("t", "key2", lambda: "v3", code=("rules",)) == "v3"
    assert len(_entries(cache_dir)) == 1  # nothing stored without a code stamp


def test_a_new_entry_replaces_the_older_ones_of_its_source(cache_dir):
    with writing():
        cached("t", "pack v1", lambda: 1, source="a.yaml")
        cached("t", "pack b", lambda: 2, source="b.yaml")
        cached("u", "other kind", lambda: 3, source="a.yaml")
        assert len(_entries(cache_dir)) == 3
        cached("t", "pack v2", lambda: 4, source="a.yaml")  # a.yaml was edited
    assert len(_entries(cache_dir)) == 3
    assert cached("t", "pack v2", lambda: None, source="a.yaml") == 4
    assert cached("t", "pack b", lambda: None, source="b.yaml") == 2
    assert cached("u", "other kind", lambda: None, source="a.yaml") == 3
    assert cached("t", "pack v1", lambda: "rebuilt", source="a.yaml") == "rebuilt"


def test_the_hashtag_vocabulary_from_the_cache_is_the_same(cache_dir, monkeypatch):
    from socialrisk import analysis

    built = analysis._build_word_forms()
    analysis.word_forms.cache_clear()
    try:
        with writing():  # the command line: built and stored
            assert analysis.word_forms() == built
        assert any(name.startswith("vocabulary-") for name in _entries(cache_dir))
        analysis.word_forms.cache_clear()
        monkeypatch.setattr(analysis, "_build_word_forms", lambda: pytest.fail("not read from the cache"))
        with writing():  # the next command-line run reads it back
            assert analysis.word_forms() == built
    finally:
        analysis.word_forms.cache_clear()


def test_a_long_running_process_builds_the_vocabulary_itself(cache_dir, monkeypatch):
    # Outside the command line the sets are built (sharing the lemma tables' strings), never read.
    from socialrisk import analysis

    analysis.word_forms.cache_clear()
    try:
        monkeypatch.setattr(analysis, "_build_word_forms", lambda: (frozenset({"x"}), frozenset()))
        assert analysis.word_forms() == (frozenset({"x"}), frozenset())
        assert _entries(cache_dir) == []
    finally:
        analysis.word_forms.cache_clear()


@pytest.fixture()
def starting_up():
    """A command-line run before its first post: word tables load in their compact form."""
    from socialrisk.analysis import lemma_table, word_forms
    from socialrisk.checkers import readability

    caches = (lemma_table, word_forms, readability._cmu_dict)

    def clear():
        for c in caches:
            c.cache_clear()

    clear()
    _cache.set_starting_up(True)
    try:
        with writing():
            yield clear
    finally:
        _cache.set_starting_up(False)
        clear()


def test_start_up_tables_hold_the_same_words_as_the_full_ones(cache_dir, starting_up):
    from socialrisk._sorted import SortedTable, SortedWords
    from socialrisk.analysis import _build_word_forms, _lemma_dict, _lookups_path, lemma_table, word_forms
    from socialrisk.checkers import readability

    for read in ("built and stored", "read back"):
        # Built afresh, a table stays in its plain form (only the stored copy is packed); read back, it is
        # the compact one.
        compact = read == "read back"
        lemmas = lemma_table("nl")
        assert isinstance(lemmas, SortedTable) is compact, read
        assert lemmas == _lemma_dict(_lookups_path("nl", "lemma_lookup").read_bytes()), read
        nl, en = word_forms()
        assert isinstance(nl, SortedWords) is compact and (nl, en) == _build_word_forms(), read
        cmu = readability._cmu_dict()
        _cache.set_starting_up(False)
        readability._cmu_dict.cache_clear()
        full = readability._cmu_dict()
        _cache.set_starting_up(True)
        assert len(cmu) == len(full) and all(cmu[w] == full[w] for w in ("cat", "readability", "the", "abbreviation"))
        with pytest.raises(KeyError):
            cmu["zzxqj"]
        starting_up()
    kinds = {n.split("-", 1)[0] for n in _entries(cache_dir)}
    assert {"lemmas", "vocabulary", "cmudict"} <= kinds


def test_hyphenation_patterns_from_the_cache_split_words_the_same(cache_dir):
    import pyphen

    from socialrisk.checkers import readability

    path = pyphen.LANGUAGES[pyphen.language_fallback("nl")]
    fresh = pyphen.HyphDict(path)
    saved = pyphen.hdcache.pop(path, None)
    try:
        with writing():
            readability._hyphenation("nl")  # parsed and stored
        pyphen.hdcache.pop(path)
        readability._hyphenation("nl")  # read back
        assert any(name.startswith("hyphenation-") for name in _entries(cache_dir))
        cached_hd = pyphen.hdcache[path]
        assert cached_hd.patterns == fresh.patterns
        for word in ("lettergrepen", "gemeenteraad", "woningnood", "verkiezingsprogramma"):
            assert cached_hd.positions(word) == fresh.positions(word), word
    finally:
        pyphen.hdcache.pop(path, None)
        if saved is not None:
            pyphen.hdcache[path] = saved
