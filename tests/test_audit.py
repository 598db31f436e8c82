"""socialrisk.audit: every input kind, error isolation, resume from cache, order with n_jobs, Dask == local, reports."""

from __future__ import annotations

import codecs
import io
import json
import logging
import re
import warnings

import pytest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import socialrisk  # noqa: E402
from socialrisk import Pipeline  # noqa: E402
from socialrisk.audit import Audit, audit  # noqa: E402
from socialrisk.checkers import base  # noqa: E402
from socialrisk.checkers._match import compile_pattern, rule_lexicon  # noqa: E402
from socialrisk.config import Config  # noqa: E402
from socialrisk.errors import ConfigError, InputError  # noqa: E402
from socialrisk.models import Category  # noqa: E402
from socialrisk.render.html import highlight  # noqa: E402

PROBE_RULES = """
- id: PROBE-INSULT
  checker: auditprobe
  category: tone
  severity: high
  match: {terms: {nl: [idioot, idioten], en: [idiot, idiots]}}
  what: An insult (test rule).
  why: Test rule of the audit tests.
  message: Insult.
  examples: {trigger: ["Wat een idioot."], clean: ["Wat een dag."]}
- id: PROBE-PHONE
  checker: auditprobe
  category: privacy
  severity: blocker
  match: {patterns: [{name: mobile, regex: '\\b06[- ]?\\d{8}\\b', score: 0.95}]}
  what: A Dutch mobile number (test rule).
  why: Test rule of the audit tests.
  message: Phone number.
  examples: {trigger: ["Bel 0612345678."], clean: ["Bel ons."]}
"""


class ProbeChecker(base.Checker):
    """A small real checker, so audit tests do not depend on the built-in checkers being written now."""

    categories = frozenset({Category.TONE, Category.PRIVACY})

    def check(self, analysis, policy):
        out = []
        for rule in self.rules_for(analysis.lang):
            for hit in rule_lexicon(rule, analysis.lang).finditer(analysis):
                out.append(self.finding(rule, analysis, hit.start, hit.end, score=0.9))
            for spec in rule.match.patterns_for(analysis.lang):
                for m in compile_pattern(spec).finditer(analysis.text):
                    out.append(self.finding(rule, analysis, m.start(), m.end(), score=spec.score))
        return out


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    """A pipeline running only the probe checker; the checker is unregistered afterwards."""
    pack = tmp_path_factory.mktemp("pack") / "probe.yaml"
    pack.write_text(PROBE_RULES, "utf-8")
    base.register("auditprobe")(ProbeChecker)
    try:
        yield Pipeline(Config(rule_packs=[str(pack)], max_chars=500), checkers=["auditprobe"])
    finally:
        base._REGISTRY.pop("auditprobe", None)


SECRET = "Zilverschoonweg"  # a word that must never show up in errors or logs


def _posts(n: int = 30) -> pd.DataFrame:
    """Reproducible posts: plain, insulting, leaking a phone number, Dutch and English, with dates."""
    texts = [
        "Kom zaterdag naar de markt op het {n}e plein!",
        "Those idiots in the council voted against housing again ({n}).",
        "Mevrouw aan de " + SECRET + " {n}: bel haar op 0612345678.",
        "Thank you to all {n} volunteers who helped today.",
        "Wat een idioten, en bel 06-87654321 voor info {n}.",
    ]
    return pd.DataFrame({
        "id": [f"p{i:03d}" for i in range(n)],
        "date": pd.date_range("2024-01-01", periods=n, freq="5D").strftime("%Y-%m-%d"),
        "platform": ["x", "facebook", "bluesky"] * (n // 3) + ["x"] * (n % 3),
        "text": [texts[i % len(texts)].format(n=i) for i in range(n)],
    })


def _run(source, pipeline, **kw):
    return audit(source, id=kw.pop("id", "id"), date=kw.pop("date", "date"), platform="platform",
                 pipeline=pipeline, progress=False, **kw)


def _same(a: Audit, b: Audit) -> None:
    pd.testing.assert_frame_equal(a.posts, b.posts)
    pd.testing.assert_frame_equal(a.findings, b.findings)


# --------------------------------------------------------------------------- inputs and tables


def test_every_input_kind_gives_the_same_tables(probe, tmp_path):
    df = _posts()
    reference = _run(df, probe)
    df.to_csv(tmp_path / "p.csv", index=False)
    df.to_parquet(tmp_path / "p.parquet", index=False)
    with open(tmp_path / "p.jsonl", "w", encoding="utf-8") as fh:
        for rec in df.to_dict("records"):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for source in (tmp_path / "p.csv", str(tmp_path / "p.parquet"), tmp_path / "p.jsonl", df.to_dict("records")):
        _same(_run(source, probe, chunk_size=7), reference)
    texts_only = audit(list(df["text"]), pipeline=probe, progress=False)
    assert list(texts_only.posts["id"]) == [f"row-{i}" for i in range(len(df))]
    assert list(texts_only.posts["decision"]) == list(reference.posts["decision"])


def test_id_and_date_columns_are_found_when_not_named(probe, tmp_path):
    df = _posts(12)
    named = audit(df, id="id", date="date", pipeline=probe, progress=False)
    unnamed = audit(df, pipeline=probe, progress=False)
    _same(unnamed, named)
    assert unnamed.posts["id"].iloc[0] == "p000" and unnamed.posts["date"].notna().all()
    df.to_csv(tmp_path / "p.csv", index=False)
    assert list(audit(tmp_path / "p.csv", pipeline=probe, progress=False).posts["id"]) == list(df["id"])
    plain = audit(df.drop(columns=["id", "date"]), pipeline=probe, progress=False).posts
    assert list(plain["id"]) == [f"row-{i}" for i in range(12)] and plain["date"].isna().all()


def test_tables_point_at_the_words(probe):
    df = _posts(10)
    a = _run(df, probe)
    posts, findings = a.posts, a.findings
    assert list(posts["id"]) == list(df["id"]) and list(posts["row"]) == list(range(10))
    assert set(posts["decision"]) == {"go", "review", "no_go"}
    texts = dict(zip(posts["row"], posts["text"]))
    for f in findings.itertuples():
        assert texts[f.row][f.start:f.end] == f.excerpt
    phone = findings[findings["rule_id"] == "PROBE-PHONE"]
    assert set(phone["excerpt"]) == {"0612345678", "06-87654321"}
    assert (posts.loc[posts["row"].isin(phone["row"]), "decision"] == "no_go").all()
    insult = posts[posts["text"].str.contains("idiot")]
    assert (insult["n_tone"] == 1).all() and insult["top_rules"].str.contains("PROBE-INSULT").all()
    assert (posts["n_findings"] == posts[[c for c in posts if c.startswith("n_") and c != "n_findings"]].sum(axis=1)).all()
    assert posts["date"].dt.year.eq(2024).all() and posts["platform"].iloc[1] == "facebook"
    assert a.summary() == {
        "posts": 10, "errors": 0, "undated": 0, "findings": len(findings), "decisions": {"go": 4, "review": 2, "no_go": 4},
    }


def test_one_bad_post_is_recorded_and_the_rest_finish(probe, caplog):
    good = _posts(6)
    bad = pd.DataFrame({
        "id": ["empty", "none", "bytes", "number", "long", "lang"],
        "date": ["2024-02-01", "not a date", None, "2024-02-03", "2024-02-04", "2024-02-05"],
        "platform": ["x"] * 6,
        "text": ["   ", None, SECRET.encode(), 12345, SECRET + " " + "x" * 600, SECRET + " idioot"],
        "lang": [None, None, None, None, None, "de"],
    })
    mixed = pd.concat([good.iloc[:3], bad, good.iloc[3:]], ignore_index=True)
    with caplog.at_level(logging.DEBUG, logger="socialrisk"), pytest.warns(UserWarning, match="not dates"):
        a = _run(mixed, probe, lang="lang", chunk_size=4)
    posts = a.posts.set_index("id")
    assert len(posts) == 12 and posts.loc[list(good["id"]), "error"].isna().all()
    errors = posts.loc[list(bad["id"]), "error"]
    assert errors.notna().all()
    assert "empty" in errors["empty"] and "empty" in errors["none"] and "bytes" in errors["bytes"]
    assert "int" in errors["number"] and "limit" in errors["long"] and "lang" in errors["lang"]
    assert posts.loc[list(bad["id"]), "decision"].isna().all()
    assert pd.isna(posts.loc["none", "date"])  # an unreadable date is missing, not an error
    assert not any(SECRET in e for e in errors) and SECRET not in caplog.text
    assert a.summary()["errors"] == 6


def test_bad_jsonl_line_is_recorded(probe, tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_bytes(b'{"text": "Hallo allemaal"}\n{"text": "kapot\n\xff\xfe\n{"text": "Bel 0612345678"}\n')
    a = audit(path, pipeline=probe, progress=False)
    assert list(a.posts["error"].isna()) == [True, False, False, True]
    assert "line 2" in a.posts["error"].iloc[1] and list(a.posts["decision"])[3] == "no_go"


def test_deeply_nested_jsonl_line_is_one_error(probe, tmp_path):
    path = tmp_path / "p.jsonl"
    deep = '{"text": ' + "[" * 5000 + "]" * 5000 + "}"
    path.write_text('{"text": "Hallo allemaal"}\n' + deep + '\n{"text": "Bel 0612345678"}\n', "utf-8")
    a = audit(path, pipeline=probe, progress=False)
    assert list(a.posts["error"].isna()) == [True, False, True]
    assert "nested too deeply" in a.posts["error"].iloc[1] and list(a.posts["decision"])[2] == "no_go"


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"text": "body"}, InputError, ["body", "text="]),
        ({"id": "post_id"}, InputError, ["post_id"]),
        ({"date": "when"}, InputError, ["when"]),
        ({"lang": "taal"}, InputError, ["taal"]),
        ({"n_jobs": 0}, ConfigError, ["n_jobs"]),
        ({"engine": "spark"}, ConfigError, ["engine"]),
    ],
)
def test_bad_arguments_name_what_is_wrong(probe, tmp_path, kwargs, error, words):
    path = tmp_path / "p.csv"
    _posts(3).to_csv(path, index=False)
    with pytest.raises(error) as info:
        audit(path, pipeline=probe, progress=False, **kwargs)
    assert all(w in str(info.value) for w in words)


def test_bad_sources_name_what_is_wrong(probe, tmp_path):
    (tmp_path / "p.xlsx").write_text("x")
    (tmp_path / "bad.csv").write_bytes(b"text\n\x81\x8d broken\n")  # neither UTF-8 nor Windows-1252
    for source, words in [
        (tmp_path / "p.xlsx", ["p.xlsx", ".csv"]),
        (tmp_path / "missing.csv", ["missing.csv", "no such file"]),
        (tmp_path / "bad.csv", ["bad.csv", "UTF-8", "encoding="]),
        (42, ["int"]),
    ]:
        with pytest.raises(InputError) as info:
            audit(source, pipeline=probe, progress=False)
        assert all(w in str(info.value) for w in words)


# --------------------------------------------------------------------------- cache and resume


def test_resume_after_a_crash_loses_and_repeats_nothing(probe, tmp_path, monkeypatch):
    df = _posts(50)
    expected = _run(df, probe)
    calls = {"n": 0}
    real = Pipeline.check

    def crash_after_25(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 25:
            raise KeyboardInterrupt  # what Ctrl-C raises
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Pipeline, "check", crash_after_25)
    with pytest.raises(KeyboardInterrupt):
        _run(df, probe, cache=tmp_path / "cache", chunk_size=10)
    saved = len(list((tmp_path / "cache").glob("part-*")))
    assert saved == 2  # chunks of 10: two finished before the crash, the third was lost whole

    calls["n"] = -1000
    resumed = _run(df, probe, cache=tmp_path / "cache", chunk_size=10)
    assert calls["n"] == -1000 + 30  # only the 30 unfinished posts were checked again
    _same(resumed, expected)

    calls["n"] = -1000
    _same(_run(df, probe, cache=tmp_path / "cache", chunk_size=10), expected)
    assert calls["n"] == -1000  # everything cached: nothing checked


def test_cache_refuses_another_audit(probe, tmp_path):
    df = _posts(5)
    _run(df, probe, cache=tmp_path / "c")
    with pytest.raises(ConfigError, match="another audit"):
        audit(df, text="text", pipeline=probe, progress=False, cache=tmp_path / "c")


# --------------------------------------------------------------------------- parallel and dask


def test_n_jobs_2_keeps_input_order(probe):
    df = _posts(60)
    _same(_run(df, probe, n_jobs=2, chunk_size=7), _run(df, probe))


def test_dask_on_a_threaded_local_cluster_matches_local(probe, tmp_path):
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.dataframe")
    df = _posts(40)
    df.to_csv(tmp_path / "p.csv", index=False)
    local = _run(df, probe)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None
    ) as cluster:
        with distributed.Client(cluster) as client:
            _same(_run(df, probe, engine="dask", client=client, chunk_size=9), local)
            _same(_run(tmp_path / "p.csv", probe, engine="dask", client=client), local)
            cached = _run(df, probe, engine="dask", client=client, chunk_size=9, cache=tmp_path / "c")
            _same(cached, local)


def test_dask_default_local_cluster_with_worker_processes_matches_local(tmp_path):
    pytest.importorskip("distributed")
    # Only built-ins: worker processes import socialrisk afresh and know no test-registered checkers.
    names = [n for n, c in base.available_checkers().items() if c.__module__.startswith("socialrisk.checkers.")]
    pipeline = Pipeline(Config(), checkers=names)
    df = _posts(24)
    local = _run(df, pipeline)
    _same(_run(df, pipeline, engine="dask", n_jobs=2, chunk_size=8), local)


# --------------------------------------------------------------------------- reports


def test_html_report_is_self_contained_escaped_and_highlights(probe, tmp_path):
    df = _posts(10)
    df.loc[3, "text"] = 'The <script>alert("x")</script> idiots & "friends" are at it again and they will not stop'
    a = _run(df, probe)
    assert a.to_html(tmp_path / "r.html") == tmp_path / "r.html"  # a Path, as to_csv() and to_parquet() give
    page = a.to_html()
    assert (tmp_path / "r.html").read_text("utf-8") == page
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "http://" not in page and "https://" not in page and " src=" not in page and "<link" not in page
    assert '<mark class="blocker" title="PROBE-PHONE (blocker): Phone number.">0612345678</mark>' in page
    assert '<mark class="high" title="PROBE-INSULT (high): Insult.">idiots</mark> &amp; &quot;friends&quot;' in page
    flagged = a.summary()["decisions"]["review"] + a.summary()["decisions"]["no_go"]
    assert len(a.flagged()) == flagged > 0
    for heading in ("Decisions", "Findings per category", "Findings per rule", "Risk over time", f"Flagged posts ({flagged})"):
        assert heading in page
    no_dates = audit(list(df["text"]), pipeline=probe, progress=False)
    assert "Risk over time" not in no_dates.to_html() and "Flagged posts" in no_dates._repr_html_()


def test_highlight_cuts_overlapping_spans():
    out = highlight("ab<cd", [(0, 3, "low", "A"), (2, 5, "blocker", "B<")])
    assert out == '<mark class="low" title="A">ab</mark><mark class="blocker" title="A&#10;B&lt;">&lt;</mark>' \
                  '<mark class="blocker" title="B&lt;">cd</mark>'
    assert highlight("plain", []) == "plain"


def test_report_renders_in_jupyter(probe):
    report = probe.check("Bel <b>0612345678</b> idioot")
    out = report._repr_html_()
    assert "PROBE-PHONE" in out and "NO-GO" in out and "&lt;b&gt;" not in out and "0612345678" in out


def test_tables_over_time_plots_and_files(probe, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    a = _run(_posts(40), probe)
    over = a.over_time()
    assert over["posts"].sum() == 40
    assert list(over.columns) == ["period", "posts", "go", "review", "no_go", "errors", "mean_score"]
    assert a.by_rule().set_index("rule_id")["findings"].to_dict() == a.findings["rule_id"].value_counts().to_dict()
    figs = a.plot()
    assert set(figs) == {"decisions", "categories", "over_time"}
    for fig in figs.values():
        fig.savefig(io.BytesIO(), format="png")
    assert "over_time" not in audit(["Hallo"], pipeline=probe, progress=False).plot()
    pd.testing.assert_frame_equal(pd.read_parquet(a.to_parquet(tmp_path / "f.parquet")), a.findings)
    back = pd.read_csv(a.to_csv(tmp_path / "p.csv", table="posts"))
    assert list(back["id"]) == list(a.posts["id"]) and len(back.columns) == len(a.posts.columns)
    with pytest.raises(ValueError, match="table"):
        a.to_csv(tmp_path / "x.csv", table="rules")


def test_progress_bar_shows_posts_per_second(probe, capsys):
    audit(["Hallo", "Hello there"], pipeline=probe, progress=True)
    assert "post/s" in capsys.readouterr().err
    audit(["Hallo"], pipeline=probe, progress=False)
    assert capsys.readouterr().err == ""


def test_audit_stays_callable_after_importing_the_module(probe):
    import socialrisk.audit as module

    assert socialrisk.audit is module or socialrisk.audit is audit
    assert len(socialrisk.audit(["Hallo"], pipeline=probe, progress=False)) == 1


def test_cli_audit_writes_report_and_tables(probe, tmp_path, capsys):
    from socialrisk.cli import main

    others = [n for n in base.available_checkers() if n != "auditprobe"]
    (tmp_path / "probe.yaml").write_text(PROBE_RULES, "utf-8")
    (tmp_path / "socialrisk.toml").write_text(f'rule_packs = ["probe.yaml"]\ndisable = {json.dumps(others)}\n', "utf-8")
    _posts(12).to_csv(tmp_path / "posts.csv", index=False)
    common = ["--config", str(tmp_path / "socialrisk.toml"), "audit", str(tmp_path / "posts.csv")]
    code = main([*common, "--id-column", "id", "--date-column", "date", "--html", str(tmp_path / "r.html"),
                 "--csv", str(tmp_path / "f.csv"), "--posts-csv", str(tmp_path / "p.csv"), "--jobs", "2", "--quiet"])
    out = capsys.readouterr().out
    assert code == 0 and out.startswith("12 posts:") and "0 could not be checked" in out
    findings = pd.read_csv(tmp_path / "f.csv")
    assert set(findings["rule_id"]) == {"PROBE-PHONE", "PROBE-INSULT"} and set(findings["post_id"]) <= set(_posts(12)["id"])
    assert len(pd.read_csv(tmp_path / "p.csv")) == 12 and "<mark" in (tmp_path / "r.html").read_text("utf-8")
    assert main([*common, "--text-column", "body", "--quiet"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "'body'" in err


def test_unreadable_dates_are_named_by_row_and_counted(probe):
    df = pd.DataFrame({
        "id": ["a", "b", "c", "d"],
        "text": ["Hallo allemaal.", None, "Tot morgen.", "Bel 0612345678."],
        "date": ["2024-01-01", "2024-01-02", "gisteren", ""],
    })
    with pytest.warns(UserWarning, match=r"column 'date': 1 value\(s\) are not dates \(row 2\)") as caught:
        a = _run(df, probe)
    assert not any("gisteren" in str(w.message) for w in caught)  # a row number, never the value
    s = a.summary()
    assert (s["posts"], s["errors"], s["undated"]) == (4, 1, 2)
    over = a.over_time()
    # the failed post keeps its date and is counted per period; the undated ones are left out
    assert over[["posts", "go", "review", "no_go", "errors"]].sum().to_dict() == {
        "posts": 2, "go": 1, "review": 0, "no_go": 0, "errors": 1,
    }
    assert "2 post(s) without a date" in a.to_html()


def test_unreadable_dates_warn_once_for_the_whole_source(probe):
    df = pd.DataFrame({
        "id": list("abcdef"),
        "text": ["Hallo."] * 6,
        "date": ["gisteren", "2024-01-02", "2024-01-03", "morgen", "2024-01-05", "ooit"],
    })
    with pytest.warns(UserWarning) as caught:
        _run(df, probe, chunk_size=2)
    dated = [str(w.message) for w in caught if "not dates" in str(w.message)]
    assert dated == [
        "column 'date': 3 value(s) are not dates (row 0, 3, 5); "
        "those posts are checked but have no date, so over_time() leaves them out"
    ]


def test_lone_surrogate_is_checked_and_stored_as_replacement_character(probe, tmp_path, capsys):
    texts = ["Kom zaterdag naar de markt!", "Wat een idioot \ud83d bel 0612345678", "Leuk \ud83d"]
    for a in (audit(texts, pipeline=probe, progress=False),
              audit(texts, pipeline=probe, progress=False, cache=tmp_path / "c"),
              audit(texts, pipeline=probe, progress=False, cache=tmp_path / "c")):  # the rerun reads the cache
        posts, findings = a.posts, a.findings
        assert posts["error"].isna().all() and list(posts["decision"]) == ["go", "no_go", "go"]
        assert posts["text"].iloc[2] == "Leuk \ufffd" and all("\ud83d" not in t for t in posts["text"])
        texts_by_row = dict(zip(posts["row"], posts["text"]))
        for f in findings.itertuples():  # one code point for one: offsets still index the stored text
            assert texts_by_row[f.row][f.start:f.end] == f.excerpt
        assert "\ufffd" in a.to_html()
    from socialrisk.cli import main

    (tmp_path / "s.jsonl").write_text('{"id": "t1", "text": "Leuk \\ud83d"}\n', "utf-8")
    assert main(["audit", str(tmp_path / "s.jsonl"), "--quiet", "--html", str(tmp_path / "s.html")]) == 0
    assert capsys.readouterr().out.startswith("1 posts:")


def test_dates_are_day_first_by_default_iso_year_first_and_zones_keep_local_time(probe):
    import datetime

    raw = ["05-03-2024", "13-03-2024", "05/03/2024", "2024-03-05", "5.3.24", "2024-04-01T00:30:00+02:00",
           datetime.datetime(2024, 4, 1, 0, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2))), "March 5, 2024"]
    df = pd.DataFrame({"text": ["Kom langs!"] * len(raw), "date": raw})
    got = audit(df, pipeline=probe, progress=False).posts["date"].dt.strftime("%Y-%m-%d %H:%M").tolist()
    assert got == ["2024-03-05 00:00", "2024-03-13 00:00"] + ["2024-03-05 00:00"] * 3 + ["2024-04-01 00:30"] * 2 \
        + ["2024-03-05 00:00"]
    with pytest.warns(UserWarning, match=r"1 value\(s\) are not dates \(row 1\)"):  # 13-03: no 13th month, not swapped
        month_first = audit(df.iloc[:4], pipeline=probe, progress=False, dayfirst=False).posts["date"]
    assert month_first.dt.strftime("%Y-%m-%d").fillna("-").tolist() == ["2024-05-03", "-", "2024-05-03", "2024-03-05"]
    with pytest.warns(UserWarning, match=r"\(row 1\)"):  # date_format= reads only that format
        fmt = audit(pd.DataFrame({"text": ["a", "b"], "date": ["05.03.2024", "2024-03-05"]}), pipeline=probe,
                    progress=False, date_format="%d.%m.%Y")
    assert fmt.posts["date"].iloc[0] == pd.Timestamp("2024-03-05") and pd.isna(fmt.posts["date"].iloc[1])
    with pytest.raises(ConfigError, match="date_format"):
        audit(df, pipeline=probe, progress=False, date_format="dd-mm-yyyy")


def test_numeric_dates_warn_once_instead_of_giving_1970(probe):
    df = pd.DataFrame({"text": ["Hallo."] * 5, "date": [1709600000, 45356, "1709600000", "2024-03-05", 45357.5]})
    with pytest.warns(UserWarning) as caught:
        a = audit(df, pipeline=probe, progress=False, chunk_size=2)
    msgs = [str(w.message) for w in caught if "date" in str(w.message)]
    assert len(msgs) == 1 and "4 value(s) are numbers" in msgs[0] and "(row 0, 1, 2, 4)" in msgs[0]
    assert a.posts["date"].notna().sum() == 1 and not (a.posts["date"].dt.year == 1970).any()
    assert caught[0].filename == __file__  # points at the caller, not inside socialrisk


def test_cli_reads_month_first_dates_when_asked_and_warns_in_one_line(probe, tmp_path, capsys):
    from socialrisk.cli import main

    (tmp_path / "probe.yaml").write_text(PROBE_RULES, "utf-8")
    others = [n for n in base.available_checkers() if n != "auditprobe"]
    (tmp_path / "socialrisk.toml").write_text(f'rule_packs = ["probe.yaml"]\ndisable = {json.dumps(others)}\n', "utf-8")
    pd.DataFrame({"text": ["Hallo", "Hoi"], "date": ["05-03-2024", "gisteren"]}).to_csv(tmp_path / "p.csv", index=False)
    common = ["--config", str(tmp_path / "socialrisk.toml"), "audit", str(tmp_path / "p.csv"), "--quiet"]
    for flags, month in ([], 3), (["--month-first"], 5), (["--date-format", "%d-%m-%Y"], 3):
        assert main([*common, *flags, "--posts-csv", str(tmp_path / "out.csv")]) == 0
        assert pd.to_datetime(pd.read_csv(tmp_path / "out.csv")["date"]).dt.month.iloc[0] == month
        err = capsys.readouterr().err
        assert err.startswith("socialrisk: warning: column 'date': 1 value(s) are not dates (row 1)")
        assert "audit.py" not in err and len(err.strip().splitlines()) == 1


def test_missing_column_errors_never_quote_a_data_row_as_column_names(probe, tmp_path, capsys):
    from socialrisk.cli import main

    path = tmp_path / "noheader.csv"
    path.write_text(f"p1,2024-01-01,Bel mevrouw Jansen op 06-12345678 aan de {SECRET} 12\n", "utf-8")
    for source in (path, pd.read_csv(path)):
        with pytest.raises(InputError) as info:
            audit(source, pipeline=probe, progress=False)
        message = str(info.value)
        assert "3 column(s)" in message and "no header row" in message
        assert SECRET not in message and "06-12345678" not in message and "2024-01-01" not in message
    assert main(["audit", str(path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert SECRET not in err and "no header row" in err and len(err.strip().splitlines()) == 1
    with pytest.raises(InputError, match=r"no column 'body' for text= \(columns: id, date, platform, text\)"):
        audit(_posts(3), text="body", pipeline=probe, progress=False)  # a real header is listed


def test_cache_sees_an_edited_dataframe_or_list(probe, tmp_path):
    df = pd.DataFrame({"text": ["Kom zaterdag naar de markt!", "Fijne dag"], "date": ["2024-01-01", "2024-01-02"]})
    audit(df, pipeline=probe, progress=False, cache=tmp_path / "c")
    same = audit(df.copy(), pipeline=probe, progress=False, cache=tmp_path / "c")  # equal content: resumes
    assert list(same.posts["decision"]) == ["go", "go"]
    for edit in ({"text": "Wat een idioot, bel 0612345678"}, {"date": "2024-02-01"}):
        changed = df.copy()
        column, value = next(iter(edit.items()))
        changed.loc[0, column] = value
        with pytest.raises(ConfigError, match="another audit"):
            audit(changed, pipeline=probe, progress=False, cache=tmp_path / "c")
    mixed = pd.DataFrame({"text": ["Hallo \ud83d", 5, ["a"], None]})  # unhashable and unencodable cells still hash
    audit(mixed, pipeline=probe, progress=False, cache=tmp_path / "m")
    texts = ["Hallo", "Fijne dag"]
    audit(texts, pipeline=probe, progress=False, cache=tmp_path / "l")
    with pytest.raises(ConfigError, match="another audit"):
        audit(["Hallo", "Wat een idioot"], pipeline=probe, progress=False, cache=tmp_path / "l")


def test_corrupt_parquet_is_one_clear_input_error(probe, tmp_path, capsys):
    from socialrisk.cli import main

    path = tmp_path / "bad.parquet"
    path.write_bytes(b"not parquet")
    with pytest.raises(InputError, match=r"bad\.parquet: cannot read as Parquet"):
        audit(path, pipeline=probe, progress=False)
    assert main(["audit", str(path), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("socialrisk: bad.parquet: cannot read as Parquet") and len(err.strip().splitlines()) == 1


def test_dask_reads_jsonl_and_odd_values_as_the_local_engine_does(probe, tmp_path):
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.dataframe")
    path = tmp_path / "p.jsonl"
    lines = [json.dumps({"id": f"p{i}", "text": t}) for i, t in enumerate(["Hallo", "Wat een idioot", "Bel 0612345678"] * 30)]
    lines[4] = '{"id": "p4", "text": "kapot'                      # broken JSON
    lines[10] = json.dumps("Een kale string, idioot")             # a bare string is the text
    lines[20] = json.dumps({"id": "p20", "text": 5})             # not text: an error, not "5"
    lines[30] = json.dumps({"id": "p30"})                        # no text: empty
    lines[40] = json.dumps(["a", "list"])
    path.write_text("\n".join(lines[:50]) + "\n\n" + "\n".join(lines[50:]) + "\n", "utf-8")  # a blank line too
    df = pd.DataFrame({"id": ["a", "b", "c", "d"], "text": ["Hallo", 5, SECRET.encode(), None]})
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        for source in (path, df):
            local = audit(source, pipeline=probe, progress=False, chunk_size=16)
            dask_ = audit(source, pipeline=probe, progress=False, chunk_size=16, engine="dask", client=client)
            _same(dask_, local)
        errors = dask_.posts["error"]
        assert "int" in errors.iloc[1] and "bytes" in errors.iloc[2] and errors.iloc[0] is pd.NA
        bad = local_jsonl = audit(path, pipeline=probe, progress=False)
        assert "line 5" in bad.posts["error"].iloc[4] and "int" in local_jsonl.posts["error"].iloc[20]


def test_over_time_keeps_periods_where_every_post_failed_and_counts_ints(probe):
    d = pd.DataFrame({"text": ["Kom langs!", "", None, "Kom langs!"],
                      "date": ["2024-01-05", "2024-02-05", "2024-02-06", "2024-03-05"]})
    a = audit(d, pipeline=probe, progress=False)
    over = a.over_time("M")
    assert [p.month for p in over["period"]] == [1, 2, 3]
    assert over["errors"].tolist() == [0, 2, 0] and over["errors"].sum() == a.summary()["errors"]
    assert over["posts"].tolist() == [1, 2, 1] and over["go"].tolist() == [1, 0, 1]
    assert over["mean_score"].isna().tolist() == [False, True, False]
    failed = audit(d.iloc[1:3], pipeline=probe, progress=False).over_time()
    assert failed[["posts", "go", "review", "no_go", "errors"]].dtypes.eq("int64").all()
    assert failed[["go", "review", "no_go", "errors"]].iloc[0].tolist() == [0, 0, 0, 2]
    assert over["period"].dtype == a.posts["date"].dtype
    pd.testing.assert_frame_equal(a.over_time("ME"), over)
    pd.testing.assert_frame_equal(a.over_time("MS"), over)
    with pytest.raises(ValueError, match=r"freq must be one of 'D', 'W', 'M', 'Q', 'Y'.*not 'bogus'"):
        a.over_time("bogus")
    assert "<td>2024-02-05</td><td class=\"n\">2</td>" in a.to_html()  # weekly: the failed week is a row
    assert audit(["Hallo"], pipeline=probe, progress=False).over_time().dtypes["posts"] == "int64"


def test_dutch_excel_csv_semicolons_and_windows_1252_are_read(probe, tmp_path, capsys):
    df = pd.DataFrame({"id": ["a", "b"], "text": ["Café “gezellig”, kom €5", "Wat een idioot; echt"]})
    reference = audit(df, pipeline=probe, progress=False)
    excel = tmp_path / "excel.csv"
    df.to_csv(excel, sep=";", index=False, encoding="cp1252")
    with pytest.warns(UserWarning, match=r"excel\.csv: not valid UTF-8, read as Windows-1252.*encoding="):
        sniffed = audit(excel, pipeline=probe, progress=False)
    _same(sniffed, reference)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # given: no warning
        _same(audit(excel, pipeline=probe, progress=False, sep=";", encoding="cp1252"), reference)
    with pytest.raises(InputError, match=r"excel\.csv: not valid utf-8; pass encoding= \(Excel exports are often 'cp1252'\)"):
        audit(excel, pipeline=probe, progress=False, encoding="utf-8")
    with pytest.raises(InputError, match=r"excel\.csv: no column 'text' for text= \(1 column, whose name holds a separator: pass sep="):
        audit(excel, pipeline=probe, progress=False, sep=",", encoding="cp1252")
    with pytest.raises(ConfigError, match="encoding"):
        audit(excel, pipeline=probe, progress=False, encoding="klingon")
    from socialrisk.cli import main

    assert main(["audit", str(excel), "--quiet", "--sep", ";", "--encoding", "cp1252"]) == 0
    assert capsys.readouterr().out.startswith("2 posts:")


def test_failed_column_check_closes_the_csv(probe, tmp_path):
    import gc
    import warnings

    path = tmp_path / "p.csv"
    _posts(3).to_csv(path, index=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(InputError):
            audit(path, text="body", pipeline=probe, progress=False)
        gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]


def test_decision_and_severity_are_ordered_categoricals(probe, tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    a = _run(_posts(20), probe)
    posts, findings = a.posts, a.findings
    assert list(posts["decision"].cat.categories) == ["go", "review", "no_go"] and posts["decision"].cat.ordered
    assert list(findings["severity"].cat.categories) == ["info", "low", "medium", "high", "blocker"]
    assert set(posts.loc[posts["decision"] >= "review", "decision"]) == {"review", "no_go"}
    assert list(findings.sort_values("severity")["severity"].drop_duplicates()) == ["high", "blocker"]
    assert (findings["severity"] >= "high").all()
    cached = _run(_posts(20), probe, cache=tmp_path / "c", chunk_size=6)  # through Parquet and back
    _same(cached, a)
    pd.testing.assert_frame_equal(pd.read_parquet(a.to_parquet(tmp_path / "p.parquet", table="posts")), posts)
    assert "Flagged posts" in a.to_html() and a.plot() and a.summary()["decisions"]["go"] > 0
    empty = audit([], pipeline=probe, progress=False)
    assert empty.posts["decision"].dtype == posts["decision"].dtype and empty.findings["severity"].dtype == findings["severity"].dtype


def test_by_rule_is_one_row_per_rule_with_its_worst_severity(probe):
    from socialrisk.audit import COUNTS, _tables

    finding = dict(checker="legal", category="legal", score=0.5, start=0, end=1, excerpt="x", message="m")
    findings = [dict(finding, row=i, post_id=str(i), rule_id="LEGAL-X", severity=sev)
                for i, sev in enumerate(["high", "blocker", "high", "high"])]
    findings.append(dict(finding, row=0, post_id="0", rule_id="TONE-Y", category="tone", severity="low", score=0.9))
    posts = [dict(row=i, id=str(i), decision="no_go", score=90.0, n_findings=1, **dict.fromkeys(COUNTS, 0)) for i in range(4)]
    a = Audit(*_tables(posts, findings))
    rules = a.by_rule()
    assert list(rules.columns) == ["rule_id", "category", "severity", "findings", "posts", "mean_score"]
    assert rules.to_dict("records") == [
        {"rule_id": "LEGAL-X", "category": "legal", "severity": "blocker", "findings": 4, "posts": 4, "mean_score": 0.5},
        {"rule_id": "TONE-Y", "category": "tone", "severity": "low", "findings": 1, "posts": 1, "mean_score": 0.9},
    ]
    assert rules["posts"].sum() <= len(a.posts) + 1 and "LEGAL-X" in a.to_html()
    assert list(a.by_category()["category"]) == ["legal", "tone"]


def test_lang_tags_are_normalised_and_other_languages_are_errors(probe):
    df = pd.DataFrame({"text": ["Kom langs, idioot!"] * 8,
                       "lang": ["NL", "nl-NL", "nl_BE", "en-GB", "EN", " ", "fr", SECRET + " zegt hallo"]})
    posts = audit(df, lang="lang", pipeline=probe, progress=False).posts
    assert posts["language"].tolist()[:5] == ["nl", "nl", "nl", "en", "en"] and posts["error"].iloc[:6].isna().all()
    assert posts["decision"].iloc[0] == "review"  # checked as Dutch: the insult was found
    assert posts["error"].iloc[6] == "InputError: post row-6: lang 'fr' is not supported: socialrisk checks nl and en " \
                                     "(leave lang empty to detect)"
    assert "not a language tag" in posts["error"].iloc[7] and SECRET not in posts["error"].iloc[7]
    one = audit(["Hallo allemaal"], lang="nl-NL", pipeline=probe, progress=False).posts
    assert one["language"].iloc[0] == "nl"


def test_ids_float_whole_numbers_and_duplicates_warn_once(probe, tmp_path):
    df = pd.DataFrame({"id": [1001.0, None, 1003.0, 1001.0, 7.5], "text": ["Hallo."] * 5})
    with pytest.warns(UserWarning, match=r"^1 post\(s\) have an id an earlier post has \(row 3\)") as caught:
        posts = audit(df, pipeline=probe, progress=False, chunk_size=2).posts
    assert posts["id"].tolist() == ["1001", "row-1", "1003", "1001", "7.5"] and len(caught) == 1
    filtered = pd.DataFrame({"text": ["a", "b", "c"]}, index=[5, 9, 12])
    assert audit(filtered, pipeline=probe, progress=False).posts["row"].tolist() == [0, 1, 2]  # position, not index


def test_a_blank_id_cell_in_a_csv_is_the_row_number(probe, tmp_path):
    # a CSV's blank cell is read as "": the README's "a missing id becomes row-N", as for a NaN
    (tmp_path / "a.csv").write_text("id,text\n7,hallo daar\n  ,tot morgen\n", encoding="utf-8")
    assert audit(tmp_path / "a.csv", pipeline=probe, progress=False).posts["id"].tolist() == ["7", "row-1"]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", "list", "DataFrame"])
def test_a_fallback_id_never_clashes_with_a_real_id_nor_warns(probe, tmp_path, suffix):
    # row 2 has no id: as the bare row number "2" it was another post's real id, and warned as a duplicate
    recs = [{"id": "2", "text": "Hallo daar."}, {"id": "", "text": "Tot morgen."}, {"text": "Tot zo."}, {"id": "1", "text": "Hoi."}]
    if suffix == ".jsonl":
        source = tmp_path / "p.jsonl"
        source.write_text("".join(json.dumps({k: v for k, v in r.items() if v}) + "\n" for r in recs), "utf-8")
    elif suffix == ".csv":
        source = tmp_path / "p.csv"
        source.write_text("id,text\n" + "".join(f"{r.get('id', '')},{r['text']}\n" for r in recs), "utf-8")
    else:
        source = recs if suffix == "list" else pd.DataFrame(recs)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        posts = audit(source, pipeline=probe, progress=False, chunk_size=2).posts
    assert posts["id"].tolist() == ["2", "row-1", "row-2", "1"]
    assert posts["id"].is_unique


def test_a_real_duplicate_id_still_warns_next_to_fallback_ids(probe, tmp_path):
    (tmp_path / "p.jsonl").write_text('{"id": 3, "text": "a"}\n{"text": "b"}\n{"text": "c"}\n{"id": "3", "text": "d"}\n', "utf-8")
    with pytest.warns(UserWarning, match=r"^1 post\(s\) have an id an earlier post has \(row 3\)"):
        posts = audit(tmp_path / "p.jsonl", pipeline=probe, progress=False).posts
    assert posts["id"].tolist() == ["3", "row-1", "row-2", "3"]


def test_over_time_plot_legend_is_outside_and_names_the_risk_line(probe):
    import matplotlib

    matplotlib.use("Agg")
    fig = _run(_posts(40), probe).plot()["over_time"]
    fig.savefig(io.BytesIO(), format="png")
    (ax, ax2) = fig.axes
    assert ax.get_legend() is None and ax2.get_legend() is None and len(fig.legends) == 1
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["go", "review", "no_go", "mean risk"]
    legend, axes = fig.legends[0].get_window_extent(), ax.get_window_extent()
    assert legend.y1 <= axes.y0 or legend.y0 >= axes.y1  # above or below the bars, never on them


def test_vectorised_iso_dates_agree_with_the_one_by_one_parser():
    from socialrisk.audit import _Columns, _parse_date

    values = ["2024-03-05", "2024-03-05 10:00", "2024-03-05T10:00:00Z", "2024-03-05T10:00:00.123+0530", "2024/03/05",
              "2024-13-05", "2024-04-01T00:30:00+02", "2024-04-01T00:30:00 +02:00", "2024-3-5", "2024-03-05T23:30:00-05:00"]
    recs = _Columns().records([{"text": "x", "date": v} for v in values], 0, {})
    assert [r["date"] for r in recs] == [_parse_date(v, True, None)[0] for v in values]
    assert [str(r["date"]) for r in recs][:3] == ["2024-03-05 00:00:00", "2024-03-05 10:00:00", "2024-03-05 10:00:00"]
    assert recs[9]["date"] == pd.Timestamp("2024-03-05 23:30")  # local wall time, not the next day in UTC


def test_a_date_outside_pandas_range_is_an_unreadable_date(probe):
    df = pd.DataFrame({"text": ["Hallo allemaal", "Bel 0612345678", "Hoi", "Nog een"],
                       "date": ["2024-01-01", "9999-12-31", "0001-01-01", "31-12-2300"]})
    with pytest.warns(UserWarning, match=r"3 value\(s\) are not dates \(row 1, 2, 3\)"):
        a = audit(df, pipeline=probe, progress=False)
    assert list(a.posts["date"].isna()) == [False, True, True, True]
    assert list(a.posts["decision"])[1] == "no_go" and a.posts["error"].isna().all()


def test_a_jsonl_number_too_long_to_read_is_an_error_row(probe, tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"text": "Hallo allemaal"}\n{"text": "x", "n": ' + "9" * 5000 + '}\n{"text": "Bel 0612345678"}\n', "utf-8")
    a = audit(path, pipeline=probe, progress=False)
    assert list(a.posts["error"].isna()) == [True, False, True]
    assert "line 2 holds a number too long" in a.posts["error"].iloc[1] and list(a.posts["decision"])[2] == "no_go"


def test_a_damaged_cache_is_rebuilt_with_a_warning(probe, tmp_path):
    df = _posts(30)
    expected = _run(df, probe)
    cache = tmp_path / "c"
    _run(df, probe, cache=cache, chunk_size=10)
    part = sorted(cache.glob("part-*"))[1]
    (part / "posts.parquet").write_bytes(b"garbage")
    with pytest.warns(UserWarning, match=r"1 cached part\(s\) cannot be read .*checked again"):
        _same(_run(df, probe, cache=cache, chunk_size=10), expected)
    (cache / "audit.json").write_text("{not json", "utf-8")
    with pytest.warns(UserWarning, match="audit.json is damaged"):
        _same(_run(df, probe, cache=cache, chunk_size=10), expected)
    _same(_run(df, probe, cache=cache, chunk_size=10), expected)  # and the rebuilt cache is used again


def test_cli_audit_output_that_cannot_be_written_is_exit_2_and_the_others_are_written(probe, tmp_path, capsys, monkeypatch):
    from socialrisk import audit_cli, cli

    src = tmp_path / "p.jsonl"
    src.write_text('{"text": "Hallo allemaal"}\n', "utf-8")
    monkeypatch.setattr(Audit, "to_html", lambda self, path, **kw: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    args = cli.build_parser().parse_args(["audit", str(src), "--quiet", "--html", str(tmp_path / "a.html"),
                                          "--csv", str(tmp_path / "f.csv")])
    assert audit_cli.run(args, probe) == 2
    err = capsys.readouterr().err
    assert f"socialrisk: {tmp_path / 'a.html'}: cannot write the HTML report (Permission denied)" in err
    assert (tmp_path / "f.csv").exists()


def test_a_post_text_passed_as_the_source_is_not_quoted(probe, tmp_path):
    for cache in (None, tmp_path / "c"):
        with pytest.raises(InputError) as info:
            audit(f"Mevrouw aan de {SECRET} 12.csv", pipeline=probe, progress=False, cache=cache)
        assert SECRET not in str(info.value) and "a path of 37 characters, ending in '.csv'" in str(info.value)


def test_a_failing_checker_is_listed_in_the_failed_column(probe, monkeypatch):
    real = ProbeChecker.check

    def flaky(self, analysis, policy):
        if "idioot" in analysis.text:
            raise RuntimeError(SECRET)
        return real(self, analysis, policy)

    monkeypatch.setattr(ProbeChecker, "check", flaky)
    a = audit(["Hallo allemaal", "Wat een idioot", "Bel 0612345678"], pipeline=probe, progress=False)
    assert list(a.posts["failed"].fillna("")) == ["", "auditprobe", ""]
    assert list(a.posts["decision"]) == ["go", "review", "no_go"] and a.posts["error"].isna().all()
    assert SECRET not in a.posts.to_string()


def test_n_jobs_2_checks_a_row_the_workers_cannot_take_here(probe):
    import threading

    # a text cell that cannot be pickled to a worker process: an error row, as without workers
    df = pd.DataFrame({"text": ["Hallo allemaal", threading.Lock(), "Bel 0612345678"]})
    expected = audit(df, pipeline=probe, progress=False)
    got = audit(df, pipeline=probe, progress=False, n_jobs=2)
    _same(got, expected)
    assert list(got.posts["error"].notna()) == [False, True, False] and list(got.posts["decision"])[2] == "no_go"


def test_a_jsonl_line_that_is_no_mapping_says_so(probe, tmp_path):
    (tmp_path / "p.jsonl").write_text('{"id": "a", "text": "Hallo."}\n[1, 2]\n"Tot morgen."\n', encoding="utf-8")
    posts = audit(tmp_path / "p.jsonl", pipeline=probe, progress=False).posts
    assert posts["error"].tolist()[1].endswith("each post must be a mapping of fields (or a string)")
    assert posts["error"].isna().tolist() == [True, False, True]  # a bare string is a post, as before


_LANG_PLATFORM = [
    {"id": "a", "text": "Kom langs, idioot!", "lang": "nl-NL", "platform": "x"},
    {"id": "b", "text": "Kom langs, idioot!", "lang": "EN", "platform": "linkedin"},
    {"id": "c", "text": "Hallo daar.", "lang": "xx", "platform": "x"},
    {"id": "d", "text": "Tot morgen.", "lang": "", "platform": ""},
]


def _source(kind, tmp_path, recs):
    if kind == ".jsonl":
        path = tmp_path / "p.jsonl"
        path.write_text("".join(json.dumps({k: v for k, v in r.items() if v != ""}) + "\n" for r in recs), "utf-8")
        return path
    if kind in (".csv", ".parquet"):
        path = tmp_path / f"p{kind}"
        if kind == ".csv":
            pd.DataFrame(recs).to_csv(path, index=False)
        else:
            pd.DataFrame(recs).replace("", None).to_parquet(path, index=False)
        return path
    return recs if kind == "list" else pd.DataFrame(recs).replace("", None)


@pytest.mark.parametrize("kind", [".jsonl", ".csv", ".parquet", "list", "DataFrame"])
def test_lang_and_platform_columns_are_used_when_not_named(probe, tmp_path, kind):
    # as `socialrisk check posts.csv` reads a record's lang and platform fields
    posts = audit(_source(kind, tmp_path, _LANG_PLATFORM), pipeline=probe, progress=False).posts
    assert posts["language"].tolist()[:2] == ["nl", "en"] and posts["decision"].tolist()[:2] == ["review", "go"]
    assert posts["platform"].tolist()[:3] == ["x", "linkedin", "x"] and pd.isna(posts["platform"].iloc[3])
    # lang "xx" is that row's error only; the other rows are checked (an empty lang is detected)
    assert posts["error"].tolist()[2] == "InputError: post c: lang 'xx' is not supported: socialrisk checks nl and en " \
                                         "(leave lang empty to detect)"
    assert posts["error"].drop(index=2).isna().all() and posts["decision"].drop(index=2).notna().all()


@pytest.mark.parametrize("kind", [".jsonl", ".csv", ".parquet", "list", "DataFrame"])
def test_lang_and_platform_given_still_win_over_the_columns(probe, tmp_path, kind):
    source = _source(kind, tmp_path, _LANG_PLATFORM)
    posts = audit(source, lang="en", platform="bluesky", pipeline=probe, progress=False).posts
    assert posts["language"].tolist() == ["en"] * 4 and posts["platform"].tolist() == ["bluesky"] * 4
    assert posts["error"].isna().all()  # the column's "xx" is not read
    recs = [{**r, "taal": "en", "kanaal": "mastodon"} for r in _LANG_PLATFORM]
    posts = audit(_source(kind, tmp_path, recs), lang="taal", platform="kanaal", pipeline=probe, progress=False).posts
    assert posts["language"].tolist() == ["en"] * 4 and posts["platform"].tolist() == ["mastodon"] * 4


def test_an_unknown_or_unreadable_platform_is_that_rows_only(tmp_path):
    lines = [{"text": "Hallo allemaal, tot zaterdag.", "platform": "myspace"}, {"text": "Hallo allemaal.", "platform": "x"},
             {"text": "Hallo allemaal.", "platform": 5}, {"text": "Hallo allemaal."}]
    (tmp_path / "p.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    a = audit(tmp_path / "p.jsonl", pipeline=Pipeline(checkers=["platform"]), progress=False)
    assert a.findings["rule_id"].tolist() == ["PLAT-PROFILE-UNKNOWN"] and a.findings["row"].tolist() == [0]
    errors = a.posts["error"].tolist()
    assert pd.isna(errors[0]) and pd.isna(errors[1]) and pd.isna(errors[3])
    assert errors[2].startswith("InputError: ") and "platform" in errors[2]


_ENCODED = {  # Windows Notepad / Excel "Unicode text" write UTF-16 with a byte-order mark
    "utf-16-le": lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    "utf-16-be": lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    "utf-8-sig": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
}


@pytest.mark.parametrize("codec", list(_ENCODED))
@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_utf16_and_bom_files_are_read_as_utf8_is(probe, tmp_path, codec, suffix):
    df = _posts(12)
    plain = tmp_path / f"plain{suffix}"
    if suffix == ".csv":
        df.to_csv(plain, index=False, sep="\t")
    else:
        plain.write_text("".join(json.dumps(r, ensure_ascii=False, default=str) + "\r\n" for r in df.to_dict("records")), "utf-8")
    encoded = tmp_path / f"enc{suffix}"
    encoded.write_bytes(_ENCODED[codec](plain.read_text("utf-8")))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "read as Windows-1252"
        got = _run(encoded, probe, chunk_size=5)
    _same(got, _run(plain, probe, chunk_size=5))
    assert got.posts["error"].isna().all() and got.posts["id"].iloc[0] == "p000"


def test_utf16_jsonl_with_the_dask_engine(probe, tmp_path):
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("dask.dataframe")
    lines = [json.dumps({"id": f"p{i}", "text": t + " \u00e9\U0001F600"}) for i, t in enumerate(["Hallo", "Wat een idioot", "Bel 0612345678"] * 400)]
    lines[7] = '{"id": "p7", "text": "kapot'
    (tmp_path / "p.jsonl").write_bytes(_ENCODED["utf-16-le"]("\n".join(lines) + "\n"))
    (tmp_path / "p.csv").write_bytes(_ENCODED["utf-16-be"]("id;text\n" + "".join(f"p{i};Hallo {i}\n" for i in range(3000))))
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1", dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        for source in (tmp_path / "p.jsonl", tmp_path / "p.csv"):
            local = audit(source, pipeline=probe, progress=False, chunk_size=100)
            _same(audit(source, pipeline=probe, progress=False, chunk_size=100, engine="dask", client=client), local)
            errors = local.posts["error"]
            assert errors.notna().sum() == (source.suffix == ".jsonl") and len(local.posts) in (1200, 3000)
    assert "line 8" in audit(tmp_path / "p.jsonl", pipeline=probe, progress=False).posts["error"].iloc[7]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_binary_and_bomless_utf16_sources_are_refused_saying_what_they_look_like(probe, tmp_path, suffix):
    (tmp_path / f"b{suffix}").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" * 20)
    with pytest.raises(InputError, match=rf"^b{re.escape(suffix)}: looks like a binary file \(not text\)"):
        audit(tmp_path / f"b{suffix}", pipeline=probe, progress=False)
    body = "id,text\n1,Hallo daar\n" if suffix == ".csv" else '{"id": 1, "text": "Hallo daar"}\n'
    (tmp_path / f"u{suffix}").write_bytes(body.encode("utf-16-le"))
    with pytest.raises(InputError, match=rf"^u{re.escape(suffix)}: looks like UTF-16 \(little-endian\) without a byte-order mark"):
        audit(tmp_path / f"u{suffix}", pipeline=probe, progress=False)
    if suffix == ".csv":  # named, it is read
        assert audit(tmp_path / "u.csv", encoding="utf-16-le", pipeline=probe, progress=False).posts["id"].tolist() == ["1"]


# --------------------------------------------------------------------------- hostile input (second round)


def test_a_row_with_a_field_too_many_is_that_rows_error_never_a_column_shift(probe, tmp_path):
    # pandas takes a first data row with one field more than the header for an index column: every column shifted
    path = tmp_path / "comma.csv"
    path.write_text("id,date,text\n1,2024-03-05,Kom naar de markt, het wordt leuk\n2,2024-03-06,Wat een idioot.\n"
                    "3,2024-03-07,Bel 0612345678\n4,2024-03-08,a,b,c\n", "utf-8")
    posts = audit(path, pipeline=probe, progress=False).posts
    assert list(posts["id"]) == ["row-0", "2", "3", "row-3"]
    assert list(posts["text"]) == ["", "Wat een idioot.", "Bel 0612345678", ""]
    assert list(posts["date"].dt.day[1:3]) == [6, 7]
    assert posts["error"][0] == "InputError: row 0 has 4 fields, the header has 3 (a separator in an unquoted cell?); quote that cell"
    assert posts["error"][3].startswith("InputError: row 3 has 5 fields, the header has 3")
    assert not posts["error"].str.contains("markt|leuk", na=False).any()  # a reason never quotes the post
    assert list(posts["decision"].astype(object)[1:3]) == ["review", "no_go"]


@pytest.mark.parametrize("flags", [["--csv", "{src}"], ["--posts-csv", "{dir}/./p.csv"], ["--html", "{src}"],
                                   ["--parquet", "{src}"], ["--csv", "{dir}/o.csv", "--posts-csv", "{dir}/o.csv"]])
def test_an_audit_output_naming_the_input_or_another_output_is_refused_before_checking(tmp_path, capsys, monkeypatch, flags):
    from socialrisk.cli import main

    src = tmp_path / "p.csv"
    src.write_text("id,text\n1,Kom naar de markt\n", "utf-8")
    monkeypatch.setattr("socialrisk.audit.audit", lambda *a, **k: pytest.fail("checked before refusing"))
    argv = [f.format(src=src, dir=tmp_path) for f in flags]
    assert main(["audit", str(src), "--quiet", *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith(f"socialrisk: {argv[-1]}: ")
    assert ("name the same file" if len(argv) == 4 else "names the input file") in err
    assert src.read_text("utf-8") == "id,text\n1,Kom naar de markt\n"


def test_baseline_refuses_an_output_that_is_one_of_the_files_read(tmp_path, capsys, monkeypatch):
    from socialrisk.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "posts").mkdir()
    post = tmp_path / "posts" / "a.md"
    post.write_text("Wat een idioot.\n", "utf-8")
    for argv in (["posts/a.md", "-o", "posts/a.md"], ["posts", "-o", "posts/./a.md"]):
        assert main(["baseline", *argv]) == 2
        assert capsys.readouterr().err == f"socialrisk: {argv[-1]}: -o names a file being read; choose another output path\n"
    assert post.read_text("utf-8") == "Wat een idioot.\n"
    assert main(["baseline", "posts", "-o", "bl.json"]) == 0 and (tmp_path / "bl.json").exists()


def test_dates_centuries_apart_do_not_overflow_over_time_plot_or_the_report(probe, tmp_path, capsys):
    import matplotlib

    from socialrisk.audit import _bar_days
    from socialrisk.cli import main

    matplotlib.use("Agg")
    path = tmp_path / "wide.csv"  # 1700 and 2024 are in pandas' range; their difference is not a Timedelta
    path.write_text("id,date,text\n1,1700-01-01,Kom naar de markt\n2,2024-03-05,Wat een idioot.\n", "utf-8")
    a = audit(path, pipeline=probe, progress=False)
    over = a.over_time()
    assert list(over["period"].dt.year) == [1700, 2024] and list(over["posts"]) == [1, 1]  # months: over 90 days
    assert set(a.plot()) == {"decisions", "categories", "over_time"}
    assert "1700-01" in a.to_html() and a._repr_html_()
    assert main(["audit", str(path), "--quiet", "--html", str(tmp_path / "r.html")]) == 0
    assert _bar_days(pd.Series(pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-22"]))) == 7.0
    assert _bar_days(pd.Series(pd.to_datetime(["2024-01-01"]))) == 7.0


def test_a_jsonl_key_given_twice_is_that_rows_error(probe, tmp_path):
    path = tmp_path / "dup.jsonl"
    path.write_text('{"id": "x", "text": "Kom", "text": "Wat een idioot."}\n{"id": "ok", "text": "Wat een idioot."}\n'
                    '{"text": "twee", "meta": {"a": 1, "a": 2}}\n', "utf-8")
    posts = audit(path, pipeline=probe, progress=False).posts
    assert list(posts["error"].fillna("")) == ["InputError: line 1: key 'text' given twice", "",
                                               "InputError: line 3: key 'meta.a' given twice"]
    assert list(posts["id"]) == ["row-0", "ok", "row-2"] and posts["decision"][1] == "review"


def test_a_column_name_given_twice_is_refused_naming_the_column(probe, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from socialrisk.formats import parse

    path = tmp_path / "dup.csv"  # two sheets merged: which 'text' is the post would be the reader's choice
    path.write_text("id,text,text\n1,Kom naar de markt,Wat een idioot.\n", "utf-8")
    with pytest.raises(InputError, match=r"^dup\.csv: column 'text' occurs 2 times; rename or drop the extra column\(s\)$"):
        audit(path, pipeline=probe, progress=False)
    frame = pd.DataFrame([["Kom naar de markt", "Wat een idioot."]], columns=["text", "text"])
    with pytest.raises(InputError, match=r"^DataFrame: column 'text' occurs 2 times"):
        audit(frame, pipeline=probe, progress=False)
    with pytest.raises(InputError, match=r"^DataFrame: a column name occurs 2 times"):  # no post text as a name
        audit(pd.DataFrame([[1, 2, 3]], columns=["text", "Bel 0612345678", "Bel 0612345678"]), pipeline=probe, progress=False)
    pq.write_table(pa.table([pa.array(["a"]), pa.array(["b"])], names=["text", "text"]), tmp_path / "dup.parquet")
    with pytest.raises(InputError, match=r"^dup\.parquet: column 'text' occurs 2 times"):
        audit(tmp_path / "dup.parquet", pipeline=probe, progress=False)
    with pytest.raises(InputError, match=r"^post dup\.csv: column 'text' occurs 2 times in the CSV header"):
        parse(path.read_text("utf-8"), "dup.csv", fmt="csv")  # socialrisk check reads it the same way


def test_blank_header_cells_are_no_duplicate_columns(probe, tmp_path):
    """Excel exports end rows with empty columns (a header 'id,text,,'): nothing to mix up, so the file is read."""
    from socialrisk.formats import parse

    path = tmp_path / "blank.csv"
    path.write_text("id,text,,\n1,Kom naar de markt,,\n2,Wat een idioot.,,\n", "utf-8")
    posts = audit(path, pipeline=probe, progress=False).posts
    assert list(posts["id"]) == ["1", "2"] and posts["error"].isna().all()
    assert [s.text for s in parse(path.read_text("utf-8"), "blank.csv", fmt="csv")] == ["Kom naar de markt", "Wat een idioot."]


def test_the_text_column_cannot_be_the_id_column(probe):
    """Every post's text would be its id, quoted in errors, duplicate warnings and the HTML report."""
    with pytest.raises(ConfigError, match="id= and text= name the same column"):
        audit(pd.DataFrame({"body": ["Wat een idioot."]}), text="body", id="body", pipeline=probe, progress=False)


def test_csv_exports_neutralise_cells_a_spreadsheet_would_run_as_a_formula(probe, tmp_path, capsys):
    from socialrisk.cli import main

    rows = [{"id": "=cmd|' /C calc'!A0", "text": '=HYPERLINK("http://x","klik") Wat een idioot.'},
            {"id": "+31", "text": "-Wat een idioot."}, {"id": "@x", "text": "\tWat een idioot."},
            {"id": "7", "text": "Kom naar de markt = leuk"}]
    a = audit(rows, pipeline=probe, progress=False)
    posts = pd.read_csv(a.to_csv(tmp_path / "p.csv", table="posts"), dtype=str, keep_default_na=False)
    assert list(posts["id"]) == ["'=cmd|' /C calc'!A0", "'+31", "'@x", "7"]
    assert [t[:2] for t in posts["text"]] == ["'=", "'-", "'\t", "Ko"]
    findings = pd.read_csv(a.to_csv(tmp_path / "f.csv"), dtype=str, keep_default_na=False)
    assert findings["post_id"].str.startswith("'").sum() == 3 and set(findings["score"].str[0]) <= set("0123456789.")
    assert list(a.posts["id"])[:3] == ["=cmd|' /C calc'!A0", "+31", "@x"]  # the tables and Parquet stay raw
    assert pd.read_parquet(a.to_parquet(tmp_path / "p.parquet", table="posts"))["id"][1] == "+31"
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    assert main(["audit", str(src), "--quiet", "--posts-csv", str(tmp_path / "cli.csv")]) == 0
    assert pd.read_csv(tmp_path / "cli.csv", dtype=str)["id"][1] == "'+31"


def test_html_report_isolates_ids_and_text_so_an_rtl_override_cannot_reverse_the_line(probe):
    a = audit([{"id": "rtl\u202eevil", "text": "Wat een \u202eidioot.", "date": "2024-03-04", "platform": "x\u202e"},
               {"id": "e\u202e", "text": ""}], date="date", pipeline=probe, progress=False)
    page = a.to_html()
    assert "id <bdi>rtl\u202eevil</bdi> &middot; 2024-03-04 &middot; <bdi>x\u202e</bdi> &middot; risk" in page
    assert "&laquo;<bdi>idioot</bdi>&raquo;" in page and "<td><bdi>e\u202e</bdi></td>" in page
    assert ".sr .text{white-space:pre-wrap;margin:.4em 0;unicode-bidi:isolate}" in page
    assert "<bdi>rtl\u202eevil</bdi>" in a._repr_html_()
    outside = re.sub(r'<bdi>.*?</bdi>|<div class="text">.*?</div>', "", page, flags=re.S)
    assert "\u202e" not in outside  # each override is inside an isolate


@pytest.mark.parametrize("freq", ["2M", "3D", " 2W", "10Y"])
def test_over_time_refuses_multiples_of_a_period_naming_what_it_accepts(probe, freq):
    a = audit(_posts(10), id="id", date="date", pipeline=probe, progress=False)
    with pytest.raises(ValueError, match=r"freq must be one period, not a multiple such as .*: one of 'D', 'W', 'M', 'Q', 'Y'"):
        a.over_time(freq)
    assert a.over_time("M")["posts"].sum() == 10 and a.over_time("W-MON")["posts"].sum() == 10


def test_relative_rule_packs_still_load_in_worker_processes_after_a_chdir(probe, tmp_path, monkeypatch, caplog):
    packs = tmp_path / "packs"
    packs.mkdir()
    phone, insult = PROBE_RULES.split("- id: PROBE-PHONE")
    (packs / "insult.yaml").write_text(phone, "utf-8")
    (packs / "phone.yaml").write_text("- id: PROBE-PHONE" + insult, "utf-8")
    monkeypatch.chdir(tmp_path)
    only = {n: Pipeline(Config(max_chars=500), checkers=["auditprobe"], rule_packs=[f"packs/{n}.yaml"]) for n in ("insult", "phone")}
    monkeypatch.chdir(tmp_path / "packs")  # a notebook's %cd: "packs/phone.yaml" is no longer there
    texts = ["Wat een idioot, bel 0612345678."] * 4
    with caplog.at_level(logging.WARNING):
        reports = only["phone"].check_many(texts, n_process=2)
    assert [[f.rule_id for f in r.findings] for r in reports] == [["PROBE-PHONE"]] * 4
    assert not [r for r in caplog.records if "worker processes failed" in r.getMessage()]
    # Two pipelines alike but for their packs are two pipelines for audit's workers too (not one cached for both)
    for name, rule in (("insult", "PROBE-INSULT"), ("phone", "PROBE-PHONE")):
        found = audit(texts, pipeline=only[name], progress=False, n_jobs=2, chunk_size=1).findings
        assert set(found["rule_id"]) == {rule}


def test_a_paid_column_is_read_as_the_cli_reads_it(tmp_path):
    """A paid political ad in the archive is checked for its label in the audit too, not only by 'socialrisk check'."""
    ad = "Stem op ons bij de gemeenteraadsverkiezingen van 18 maart!"
    path = tmp_path / "ads.csv"
    pd.DataFrame({"id": ["a", "b", "c", "d"], "text": [ad] * 4, "paid": ["true", "", None, "false"],
                  "sponsored": [None, None, "true", None]}).to_csv(path, index=False)
    posts = audit(path, progress=False).posts.set_index("id")
    assert list(posts["decision"]) == ["no_go", "go", "no_go", "go"]
    from socialrisk.cli import main

    assert main(["check", str(path)]) == 1  # the CLI agrees
