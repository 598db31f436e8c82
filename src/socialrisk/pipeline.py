"""The Pipeline: loads models, rule packs and checkers once; checks posts many times."""

from __future__ import annotations

import hashlib
import itertools
import logging
import threading
from pathlib import Path
from time import perf_counter
from typing import Any, Iterable, Iterator, Mapping, Sequence

from pydantic import BaseModel, ValidationError

from . import __version__
from .analysis import Analysis, analyse, build_nlp, normalize, transient_words
from .checkers.base import Checker, CheckerContext, SkipCheck, available_checkers, get_checker
from .config import Config, load_config
from .errors import ConfigError, InputError, InputTooLarge, InputTypeError, RulePackError, SocialRiskError
from .models import (
    Category,
    FailedChecker,
    Finding,
    Post,
    PostError,
    Report,
    SkippedChecker,
    Versions,
    is_blank,
    normalize_lang,
)
from .policy import Policy, UnknownSelector, decide, known_selectors, risk_score
from .rules import RuleSet, load_rules

__all__ = ["Pipeline", "check", "check_many", "default_pipeline", "PostLike"]

log = logging.getLogger("socialrisk")

PostLike = "str | Post | Mapping[str, Any]"
# The suggestion of a finding the policy's allow-list covers (a checker sets details["allowed"], or allow.terms).
ALLOWED_SUGGESTION = "Allowed by the policy's allow-list; nothing to change."
_POST_FIELDS = set(Post.model_fields)
_CHECK_KEYWORDS = ("lang", "platform", "policy", *sorted(_POST_FIELDS - {"text"}))


# Metadata the shipped checkers read (advertising: ``election``, and the synonyms of paid=True; legal:
# ``election_days``): never a typo.
_KNOWN_META = frozenset({"election", "sponsored", "political_ad", "ad", "election_days"})
# Names that are arguments elsewhere, never post fields: as keywords they are a mistake, not metadata.
_NOT_FIELDS = {
    "processes": "n_process", "n_jobs": "n_process", "jobs": "n_process", "workers": "n_process", "n_process": "n_process",
    "chunk_size": "chunksize", "chunksize": "chunksize", "config": None, "checkers": None, "rule_packs": None, "text": None,
}


def _unknown_keywords(function: str, given: Iterable[str], allowed: Sequence[str]) -> None:
    """A TypeError, as Python gives, for a keyword argument that is a typo of a parameter or post field
    (``platfrom=``, with the close match) or an argument of another call (``processes=``): it must not be
    stored as metadata and the post checked without it. Other names are metadata, as documented."""
    import difflib

    for name in given:
        if name in allowed or name in _KNOWN_META:
            continue
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.8)
        if name in _NOT_FIELDS:
            target = _NOT_FIELDS[name]
            if target in allowed:
                hint = f"; did you mean {target!r}?"
            elif target is not None:
                hint = f"; {function}() checks one post: use check_many(..., {target}=...)"
            else:
                hint = " (it is not a post field)"
        elif close:
            hint = f"; did you mean {close[0]!r}?"
        else:
            continue  # another field: kept in the post's meta (e.g. election=)
        raise TypeError(f"{function}() got an unexpected keyword argument {name!r}{hint}")


def _whole(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{name} must be a whole number of at least 1, not {value!r}", key=name)
    return value


def _to_config(config: "Config | Mapping[str, Any] | str | Path | None") -> Config:
    if config is None:
        return load_config()
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return Config.from_mapping(dict(config))
    if isinstance(config, (str, Path)):
        return load_config(config)
    raise ConfigError(f"config must be a Config, a mapping or a path, not {type(config).__name__}")


def _shape(text: str) -> str:
    """``06-12345678`` -> ``99-99999999``, ``Jan Smit`` -> ``Aaa Aaaa``: the form of the words, not the words."""
    return "".join("9" if c.isdigit() else ("A" if c.isupper() else "a") if c.isalpha() else c for c in " ".join(text.split()))


def fingerprint(finding: Finding) -> str:
    """A stable id of a finding: its rule id and normalised words. For personal data the words' shape
    instead: an unsalted hash of a phone number or BSN is recovered by trying all 10**8 of them, and
    fingerprints travel to baselines and SARIF logs that hold no post text."""
    words = _shape(finding.span.excerpt) if finding.category is Category.PRIVACY else normalize(finding.span.excerpt).text
    return hashlib.sha1(f"{finding.rule_id}\x00{words}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _absolute(path: str | Path) -> str:
    """A rule-pack path as an absolute one (from the current folder, as it was loaded)."""
    return str(Path(path).resolve())


class Pipeline:
    """Build once, check many: ``Pipeline(config).check(text)``.

    ``config`` is a :class:`Config`, a mapping of its fields, a path to a TOML file, or ``None``
    (the nearest ``socialrisk.toml`` / ``[tool.socialrisk]``, else defaults). ``checkers`` limits the
    run to those names.
    """

    def __init__(
        self,
        config: "Config | Mapping[str, Any] | str | Path | None" = None,
        *,
        checkers: Sequence[str] | None = None,
        rule_packs: Sequence[str | Path] = (),
    ) -> None:
        self.config = _to_config(config)
        # Worker processes load the same packs, perhaps after a chdir (a notebook's %cd): absolute paths, fixed
        # now, and loaded as such here too, so every process reports the same pack versions.
        self._extra_packs = [_absolute(p) for p in rule_packs]
        if any(not Path(p).is_absolute() for p in self.config.rule_packs):  # a Config built in code, not from a file
            self.config = self.config.model_copy(update={"rule_packs": [_absolute(p) for p in self.config.rule_packs]})
        self.rules: RuleSet = load_rules([*self.config.rule_packs, *self._extra_packs])
        registry = available_checkers()
        for rule in self.rules.rules:
            cls = registry.get(rule.checker)
            if cls is None:
                raise RulePackError(
                    f"no checker named {rule.checker!r} (available: {', '.join(registry)})",
                    path=rule.source, rule_id=rule.id, field="checker",
                )
            try:
                cls.validate_rule(rule)
            except ValueError as exc:
                raise RulePackError(str(exc), path=rule.source, rule_id=rule.id, field="match") from None
            if rule.match.validator is not None:  # a misspelt validator would be ignored silently
                from .checkers import _privacy_validators  # noqa: F401 - registers the validators rules name
                from .checkers._match import VALIDATORS

                if rule.match.validator not in VALIDATORS:
                    raise RulePackError(
                        f"unknown validator {rule.match.validator!r} (available: {', '.join(sorted(VALIDATORS))})",
                        path=rule.source, rule_id=rule.id, field="match.validator",
                    )
        self._known_selectors = known_selectors(r.id for r in self.rules.rules)
        self._check_policy(self.config.policy, self.config.source)
        for key, names in (("checkers", self.config.checkers), ("disable", self.config.disable)):
            for name in names:
                if name not in registry:
                    raise ConfigError(
                        f"unknown checker {name!r}; available: {', '.join(registry)}", path=self.config.source,
                        key=f"checkers.{name}" if key == "checkers" else key,
                    )
        names = list(checkers) if checkers is not None else [n for n in registry if n not in self.config.disable]
        self._classes: dict[str, type[Checker]] = {n: get_checker(n) for n in names}
        self._settings: dict[str, BaseModel] = {}
        for name, cls in self._classes.items():
            try:
                self._settings[name] = cls.Settings.model_validate(self.config.checkers.get(name, {}))
            except ValidationError as exc:
                e = exc.errors()[0]
                key = ".".join(["checkers", name, *map(str, e["loc"])])
                raise ConfigError(e["msg"], path=self.config.source, key=key) from None
        self._instances: dict[str, Checker] = {}
        self._lock = threading.Lock()
        self._context = CheckerContext(config=self.config, nlp_for=self.nlp_for)

    @property
    def known_selectors(self) -> frozenset[str]:
        """Every selector that names a loaded rule: ids, id prefixes, categories, ALL."""
        return self._known_selectors

    def _policy(self, policy: "Policy | Mapping[str, Any] | None") -> Policy:
        """The config's policy merged with a ``policy=`` argument, validated as a config file's policy is:
        a ConfigError naming the key (``policy.ignore: Input should be a valid list``)."""
        if policy is None:
            return self.config.policy
        if not isinstance(policy, (Policy, Mapping)):
            raise ConfigError(f"must be a Policy or a mapping of policy fields, not {type(policy).__name__}", key="policy")
        try:
            pol = self.config.policy.merged(policy if isinstance(policy, Policy) else dict(policy))
        except ValidationError as exc:
            e = exc.errors()[0]
            raise ConfigError(e["msg"], key=".".join(["policy", *map(str, e["loc"])])) from None
        except (TypeError, AttributeError, ValueError):  # allow= that is not a mapping, and the like
            raise ConfigError("not a valid policy", key="policy") from None
        self._check_policy(pol)
        return pol

    def _check_policy(self, policy: Policy, path: str | None = None) -> None:
        """A selector naming no loaded rule (a typo, or a pack not loaded) is a ConfigError naming the key."""
        try:
            policy.check_selectors(known=self._known_selectors)
        except UnknownSelector as exc:
            raise ConfigError(str(exc), path=path, key=f"policy.{exc.key}") from None

    # -- resources -------------------------------------------------------------------------

    def nlp_for(self, lang: str):
        """The spaCy pipeline for a language (blank unless config names a trained one)."""
        return build_nlp(lang, self.config.spacy_models.get(lang))  # type: ignore[arg-type]

    def checker(self, name: str) -> Checker:
        """The checker instance called ``name``, created on first use."""
        inst = self._instances.get(name)
        if inst is None:
            with self._lock:
                inst = self._instances.get(name)
                if inst is None:
                    cls = self._classes[name]
                    inst = cls(self.rules.for_checker(name), self._settings[name], self._context)
                    self._instances[name] = inst
        return inst

    @property
    def checker_names(self) -> list[str]:
        return list(self._classes)

    def warm_up(self) -> "Pipeline":
        """Load everything now (models, recognizers) instead of on the first post."""
        for lang in ("nl", "en"):
            # A made-up personal address: loads the e-mail validator's suffix list and the redaction engine
            # too, which would otherwise be paid on the first post with personal data.
            self.check("Warm-up: mail j.doe@gmail.com" if lang == "en" else "Opwarmen: mail j.jansen@ziggo.nl", lang=lang)
            load_all = getattr(self.nlp_for(lang).tokenizer, "load_all", None)
            if load_all is not None:  # the blank pipelines' tokenizer exceptions (see analysis.build_nlp)
                load_all()
        return self

    # -- input -----------------------------------------------------------------------------

    def to_post(self, text: Any, **fields: Any) -> Post:
        """Validate input into a Post; raises InputError/InputTypeError with a clear reason."""
        fields = {k: v for k, v in fields.items() if not is_blank(v)}
        post_id = fields.get("id")
        if isinstance(text, Post):
            post = text.model_copy(update=fields) if fields else text
        elif isinstance(text, str):
            post = self._build_post({"text": text, **fields})
        elif isinstance(text, Mapping):
            post = self._build_post({**text, **fields})
        elif isinstance(text, (bytes, bytearray, memoryview)):
            raise InputTypeError("got bytes: decode them to str first, e.g. data.decode('utf-8')", post_id=post_id)
        else:
            raise InputTypeError(f"expected str or Post, got {type(text).__name__}", post_id=post_id)
        if not isinstance(post.text, str):
            raise InputTypeError(f"text must be str, got {type(post.text).__name__}", post_id=post.id)
        if not post.text.strip():
            raise InputError("text is empty", post_id=post.id)
        if len(post.text) > self.config.max_chars:
            raise InputTooLarge(len(post.text), self.config.max_chars, post_id=post.id)
        return post

    @staticmethod
    def _build_post(data: Mapping[str, Any]) -> Post:
        # A blank optional field is not given, as a keyword None is and as the CLI and audit read a blank cell
        # (check_many(df.to_dict("records")) hands over NaN and pd.NA for every empty cell).
        data = {k: v for k, v in data.items() if k == "text" or not is_blank(v)}
        if "text" in data and not isinstance(data["text"], str):
            value = data["text"]
            if isinstance(value, (bytes, bytearray)):
                raise InputTypeError("got bytes: decode them to str first", post_id=data.get("id"))
            raise InputTypeError(f"text must be str, got {type(value).__name__}", post_id=data.get("id"))
        if data.get("id") is not None:
            data["id"] = str(data["id"])
        meta = data.get("meta")
        if meta is not None and not isinstance(meta, Mapping):
            raise InputError(f"invalid field meta: must be a mapping of fields, not {type(meta).__name__}",
                             post_id=data.get("id"))
        extra = {k: data.pop(k) for k in list(data) if k not in _POST_FIELDS}
        if extra:
            data["meta"] = {**(meta or {}), **extra}
        try:
            return Post.model_validate(data)
        except ValidationError as exc:
            e = exc.errors()[0]
            msg = str(e["ctx"]["error"]) if e["type"] == "value_error" else e["msg"]  # no "Value error, " prefix
            raise InputError(f"invalid field {'.'.join(map(str, e['loc']))}: {msg}", post_id=data.get("id")) from None

    # -- checking --------------------------------------------------------------------------

    def check(
        self,
        text: "str | Post",
        *,
        lang: str | None = None,
        platform: str | None = None,
        policy: "Policy | Mapping[str, Any] | None" = None,
        **post_fields: Any,
    ) -> Report:
        """Check one post and return its Report."""
        _unknown_keywords("check", post_fields, _CHECK_KEYWORDS)
        try:  # "nl-NL", "EN" -> "nl", "en"; another language is refused, not guessed
            lang = normalize_lang(lang, detect="pass lang=None")
        except ValueError as exc:
            post_id = text.id if isinstance(text, Post) else post_fields.get("id")
            raise InputError(str(exc), post_id=None if post_id is None else str(post_id)) from None
        post = self.to_post(text, lang=lang, platform=platform or None, **post_fields)
        if post.platform is None and self.config.platform:
            post = post.model_copy(update={"platform": self.config.platform})
        pol = self._policy(policy)
        if post.ignore:
            pol = pol.model_copy(update={"ignore": [*pol.ignore, *post.ignore]})
        with transient_words(self.config.vocabulary_budget):  # the post's new words go once past the budget
            return self._check(post, pol)

    def _check(self, post: Post, pol: Policy) -> Report:
        t0 = perf_counter()
        analysis = analyse(post, self.nlp_for, post.lang, self.config.default_language)
        timings = {"analysis": round((perf_counter() - t0) * 1000, 3)}
        findings: list[Finding] = []
        skipped: list[SkippedChecker] = []
        failed: list[FailedChecker] = []
        for name, cls in self._classes.items():
            if analysis.lang not in cls.languages:
                skipped.append(SkippedChecker(checker=name, reason=f"does not support language {analysis.lang!r}"))
                continue
            t1 = perf_counter()
            try:
                found = self.checker(name).check(analysis, pol)
            except SkipCheck as skip:
                skipped.append(SkippedChecker(checker=name, reason=skip.reason))
                continue
            except SocialRiskError:
                raise
            except Exception as exc:  # a failing checker must not sink the report
                # Only the exception type: messages from deep inside may quote the post.
                log.error("checker %s failed with %s", name, type(exc).__name__)
                failed.append(FailedChecker(checker=name, error=type(exc).__name__))
                continue
            finally:
                timings[name] = round((perf_counter() - t1) * 1000, 3)
            findings.extend(found)
        kept, suppressed = self._apply_policy(findings, pol, analysis)
        score = risk_score(kept)
        timings["total"] = round((perf_counter() - t0) * 1000, 3)
        return Report(
            decision=decide(kept, score, pol, incomplete=bool(failed)),
            score=score,
            findings=kept,
            post_id=post.id,
            language=analysis.lang,
            language_source=analysis.lang_source,
            language_confidence=analysis.lang_guess.confidence if analysis.lang_source == "detected" else 1.0 if analysis.lang_source == "given" else 0.0,
            language_status=analysis.lang_guess.status,
            platform=post.platform,
            text_length=len(post.text),
            versions=Versions(socialrisk=__version__, rules=self.rules.version, packs=dict(self.rules.packs)),
            timings_ms=timings,
            skipped=skipped,
            failed=failed,
            suppressed=suppressed,
            redacted=analysis.cache.get("redacted"),
        )

    def _apply_policy(
        self, findings: list[Finding], policy: Policy, analysis: Analysis
    ) -> tuple[list[Finding], list[Finding]]:
        best: dict[tuple[str, int, int], Finding] = {}
        suppressed: list[Finding] = []
        for f in findings:
            rule = self.rules.get(f.rule_id)
            if rule is not None and rule.status == "preview" and not policy.include_preview:
                continue
            sev = policy.severity_for(f.rule_id, f.category, f.severity)
            fp = fingerprint(f)
            term = policy.allow.allows_term(f.span.excerpt)
            allowed = term or f.details.get("allowed") is True  # on the allow-list: nothing to remove or rewrite
            f = f.model_copy(update={"severity": sev, "fingerprint": fp}
                             | ({"suggestion": ALLOWED_SUGGESTION, "replacement": None} if allowed else {}))
            reason = (
                "select/ignore" if not policy.is_enabled(f.rule_id, f.category)
                else "allow.terms" if term
                else "min_severity" if f.severity < policy.min_severity
                else None
            )
            if reason is not None:  # hidden, never dropped: counted and listed as suppressed
                suppressed.append(f.model_copy(update={"details": {**f.details, "suppressed_by": "policy", "suppressed_reason": reason}}))
                continue
            key = (f.rule_id, f.span.start, f.span.end)
            if key not in best or f.score > best[key].score:
                best[key] = f
        kept = sorted(best.values(), key=Finding.sort_key)
        return kept, sorted(suppressed, key=Finding.sort_key)

    def check_many(
        self,
        posts: Iterable[Any],
        *,
        n_process: int = 1,
        chunksize: int = 32,
        **common: Any,
    ) -> list["Report | PostError"]:
        """Check many posts, in input order. A post that cannot be checked becomes a PostError.

        ``posts`` is an iterable of posts (str, Post or mapping), not one str. ``common`` (lang, platform,
        policy, post fields) applies to every post; it is validated once, before the first post.
        """
        return list(self.iter_check(posts, n_process=n_process, chunksize=chunksize, **common))

    def iter_check(
        self, posts: Iterable[Any], *, n_process: int = 1, chunksize: int = 32, **common: Any
    ) -> Iterator["Report | PostError"]:
        self._check_batch_args(posts, n_process, chunksize, common)
        return self._iter_check(posts, n_process, chunksize, common)

    def _check_batch_args(self, posts: Any, n_process: Any, chunksize: Any, common: dict[str, Any]) -> None:
        if isinstance(posts, (str, bytes, bytearray, memoryview, Post)) or isinstance(posts, Mapping):
            raise InputTypeError(
                f"posts must be an iterable of posts (a list of str, Post or mappings), not one {type(posts).__name__}; "
                "check one post with check()")
        if type(posts).__name__ == "DataFrame":  # iterating one yields its column names, not its posts
            raise InputTypeError("posts must be an iterable of posts, not a DataFrame (its column names); "
                                 "pass df['text'] or df.to_dict('records'), or use socialrisk.audit(df)")
        if not isinstance(posts, Iterable):
            raise InputTypeError(f"posts must be an iterable of posts (a list of str, Post or mappings), not {type(posts).__name__}")
        _whole(n_process, "n_process")
        _whole(chunksize, "chunksize")
        _unknown_keywords("check_many", common, ("n_process", "chunksize", *_CHECK_KEYWORDS))
        if common.get("policy") is not None:
            self._policy(common["policy"])  # a bad policy is one error for the call, not one per post

    def _iter_check(
        self, posts: Iterable[Any], n_process: int, chunksize: int, common: dict[str, Any]
    ) -> Iterator["Report | PostError"]:
        if n_process <= 1:
            for i, p in enumerate(posts):
                yield _safe_check(self, i, p, common)
            return
        import concurrent.futures as cf

        ctx = process_context()
        payload = (self.config.model_dump(mode="json"), self.config.source, list(self._classes), self._extra_packs)
        numbered = enumerate(posts)
        # Submit a bounded window at a time, so memory stays flat however many posts come in.
        window = max(1, n_process * chunksize * 4)
        with cf.ProcessPoolExecutor(max_workers=n_process, mp_context=ctx, initializer=_init_worker, initargs=(payload,)) as ex:
            while batch := list(itertools.islice(numbered, window)):
                try:
                    done = list(ex.map(_worker_check, batch, itertools.repeat(common), chunksize=chunksize))
                except Exception as exc:  # a post that cannot be pickled, a worker that died or could not start
                    # _safe_check catches every error of a check, so this is the pool's: never lose the batch for it.
                    # This window is checked here instead, post by post, as n_process=1 would.
                    log_pool_failure(exc, len(batch))
                    done = [_safe_check(self, i, p, common) for i, p in batch]
                yield from done


def process_context() -> Any:
    """The multiprocessing context for worker pools: fork where the platform has it (workers inherit the
    warm pipeline instead of rebuilding it), spawn elsewhere."""
    import multiprocessing as mp

    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


def log_pool_failure(exc: BaseException, n_posts: int) -> None:
    """One line for a worker pool that failed (a post that cannot be pickled, a worker that died): the
    caller checks those posts in its own process. Only the error's type: its message may quote a post."""
    log.warning("worker processes failed with %s; checking %d post(s) in this process", type(exc).__name__, n_posts)


def _safe_check(pipeline: Pipeline, index: int, post: Any, common: dict[str, Any]) -> "Report | PostError":
    post_id = None
    if isinstance(post, Mapping):
        post_id = None if post.get("id") is None else str(post.get("id"))
    elif isinstance(post, Post):
        post_id = post.id
    try:
        return pipeline.check(post, **common)
    except SocialRiskError as exc:
        return PostError(index=index, post_id=post_id, error=type(exc).__name__, message=str(exc))
    except Exception as exc:  # never lose the batch for one post; never echo its text
        log.error("post %s failed with %s", post_id if post_id is not None else index, type(exc).__name__)
        return PostError(index=index, post_id=post_id, error=type(exc).__name__, message="internal error while checking this post")


_WORKER: Pipeline | None = None


def _init_worker(payload: tuple[dict, str | None, list[str], list[str]]) -> None:
    global _WORKER
    data, source, names, packs = payload
    cfg = Config.model_validate(data).model_copy(update={"source": source})
    _WORKER = Pipeline(cfg, checkers=names, rule_packs=packs)


def _worker_check(item: tuple[int, Any], common: dict[str, Any]) -> "Report | PostError":
    index, post = item
    assert _WORKER is not None
    return _safe_check(_WORKER, index, post, common)


# --------------------------------------------------------------------------- module level

_default: Pipeline | None = None
_default_lock = threading.Lock()


def default_pipeline() -> Pipeline:
    """The process-wide pipeline behind ``socialrisk.check`` (config discovered from the cwd)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Pipeline()
    return _default


def check(
    text: "str | Post",
    lang: str | None = None,
    platform: str | None = None,
    policy: "Policy | Mapping[str, Any] | None" = None,
    **post_fields: Any,
) -> Report:
    """Check one post with the default pipeline: ``socialrisk.check("Tekst van de post")``."""
    return default_pipeline().check(text, lang=lang, platform=platform, policy=policy, **post_fields)


def check_many(posts: Iterable[Any], *, n_process: int = 1, **common: Any) -> list["Report | PostError"]:
    """Check many posts with the default pipeline, in order; failures become PostError entries."""
    return default_pipeline().check_many(posts, n_process=n_process, **common)
