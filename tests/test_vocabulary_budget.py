"""A long-lived process's spaCy string store stays bounded past Config.vocabulary_budget (spaCy memory zones)."""

from __future__ import annotations

import threading

import pytest

from socialrisk.errors import ConfigError
from socialrisk.pipeline import Pipeline

POSTS = [
    "Jan de Vries woont op de Kerkstraat {n} in Utrecht, bel hem op 06-1234{n:04d}. #buurt{n}",
    "Our council will debate the Zorblax{n} plan on Tuesday. Read more: https://example.org/p{n} @user{n}",
    "Wethouder Jansen liep gisteren {n} rondjes door de wijk Qwertyveld{n} en sprak met bewoners.",
]


def _texts(start: int, n: int) -> list[str]:
    return [POSTS[i % len(POSTS)].format(n=i) for i in range(start, start + n)]


def _store_sizes(pipeline: Pipeline) -> tuple[int, int]:
    return len(pipeline.nlp_for("nl").vocab.strings), len(pipeline.nlp_for("en").vocab.strings)


def test_past_the_budget_new_words_are_freed_and_reports_do_not_change():
    zoned = Pipeline({"vocabulary_budget": 0}).warm_up()
    for text in _texts(0, 30):  # any check past the budget runs in a zone
        zoned.check(text)
    before = _store_sizes(zoned)
    texts = _texts(1000, 60)
    got = [zoned.check(t).model_dump(exclude={"timings_ms"}) for t in texts]
    assert _store_sizes(zoned) == before  # 60 posts with new words each: nothing kept
    plain = Pipeline({"vocabulary_budget": 10**9})  # same shared spaCy pipelines, never in a zone
    want = [plain.check(t).model_dump(exclude={"timings_ms"}) for t in texts]
    assert got == want
    # the same words again, after their zone ended: lemmas and sentences still resolve
    assert [zoned.check(t).model_dump(exclude={"timings_ms"}) for t in texts] == want


def test_below_the_budget_words_are_kept():
    pipeline = Pipeline({"vocabulary_budget": 10**9}).warm_up()
    before = _store_sizes(pipeline)
    for text in _texts(5000, 10):
        pipeline.check(text)
    assert _store_sizes(pipeline) > before


def test_threads_share_one_zone():
    pipeline = Pipeline({"vocabulary_budget": 0}).warm_up()
    texts = _texts(9000, 40)
    want = [Pipeline({"vocabulary_budget": 10**9}).check(t).decision for t in texts]
    got: dict[int, object] = {}
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            for i in range(k, len(texts), 4):
                got[i] = pipeline.check(texts[i]).decision
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert [got[i] for i in range(len(texts))] == want


@pytest.mark.parametrize("bad", [-1, True, "many"])
def test_a_bad_budget_is_a_config_error(bad):
    with pytest.raises(ConfigError, match="vocabulary_budget"):
        Pipeline({"vocabulary_budget": bad})
