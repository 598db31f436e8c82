"""Rule packs: the schema of a rule and the loader for shipped and user packs.

A pack is a YAML file holding a list of rules (or a mapping with ``rules:``). Words, patterns,
thresholds and messages are data; a checker reads ``match`` and ``params`` of its own rules.
Loading is safe (``yaml.safe_load``) and every error names the file, the rule id and the field.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from .errors import RulePackError
from .models import Category, Severity

if TYPE_CHECKING:  # pragma: no cover
    import regex

__all__ = ["Rule", "RuleMatch", "PatternSpec", "Example", "Examples", "yaml_load", "YamlTooDeep", "MAX_DEPTH", "RuleSet", "load_pack", "load_rules", "rules_dir"]

LANGS = ("nl", "en")
_ID_RE = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PatternSpec(_Strict):
    """A regular expression that proposes a match; its ``score`` is the confidence before validation."""

    name: str
    ignore_case: bool = True  # before ``regex``: its validator compiles with this flag
    regex: str
    score: float = Field(default=0.5, ge=0.0, le=1.0)
    languages: list[Literal["nl", "en"]] | None = None

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str, info: ValidationInfo) -> str:
        import regex

        if not value:
            raise ValueError("regular expression is empty (it would match at every position)")
        _check_regex_size(value)
        try:
            # Compiled as the matcher will use it (cached), so a pack's patterns compile once, at load.
            compiled_regex(value, info.data.get("ignore_case", True))
        except regex.error as exc:
            raise ValueError(f"regular expression does not compile: {exc}") from None
        except (RecursionError, MemoryError, OverflowError):
            raise ValueError("regular expression is too large or nested too deeply to compile") from None
        if compiled_regex(value, info.data.get("ignore_case", True)).fullmatch("") is not None:
            raise ValueError("regular expression matches the empty string (a finding at every position); "
                             "make it match at least one character")
        return value


#: Largest repeat count of a rule pattern (``a{1000}``), and of nested repeats multiplied (``(a{100}){100}``):
#: the regex compiler builds each repeat out, so ``a{1000000000}`` would take gigabytes.
MAX_REPEAT = 1000
MAX_REPEAT_PRODUCT = 100_000
MAX_GROUP_DEPTH = 100
_REPEAT = __import__("re").compile(r"\{(\d*)(?:,(\d*))?\}")


def _check_regex_size(source: str) -> None:
    """A ValueError for repeat counts over MAX_REPEAT (or nested ones multiplying past MAX_REPEAT_PRODUCT) and
    groups nested deeper than MAX_GROUP_DEPTH, before the compiler sees them (it would exhaust memory or recurse)."""
    stack = [0]  # the heaviest repeat inside each open group
    last = 1  # the weight of the atom a quantifier would apply to
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            if i + 2 < n and source[i + 1] in "pPNx" and source[i + 2] == "{":
                close = source.find("}", i + 2)
                i = n if close < 0 else close + 1
            else:
                i += 2
            last = 1
            continue
        if c == "[":  # a character class: skip to its closing bracket
            j = i + 1
            if j < n and source[j] == "^":
                j += 1
            if j < n and source[j] == "]":
                j += 1
            while j < n and source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            i, last = j + 1, 1
            continue
        if c == "(":
            stack.append(0)
            if len(stack) > MAX_GROUP_DEPTH:
                raise ValueError(f"regular expression nests groups deeper than {MAX_GROUP_DEPTH} levels")
            i += 1
            continue
        if c == ")" and len(stack) > 1:
            last = max(stack.pop(), 1)
            stack[-1] = max(stack[-1], last)
            i += 1
            continue
        if c == "{":
            m = _REPEAT.match(source, i)
            if m and (m.group(1) or m.group(2)):
                count = max(int(x) for x in m.groups() if x)
                if count > MAX_REPEAT:
                    raise ValueError(f"regular expression repeats {count} times (at most {MAX_REPEAT})")
                weight = count * last
                if weight > MAX_REPEAT_PRODUCT:
                    raise ValueError(f"regular expression's nested repeats come to {weight} (at most {MAX_REPEAT_PRODUCT})")
                stack[-1] = max(stack[-1], weight)
                last = weight
                i = m.end()
                continue
        last = 1
        i += 1


@functools.lru_cache(maxsize=4096)
def compiled_regex(source: str, ignore_case: bool) -> "regex.Pattern[str]":
    """A rule pattern compiled with the flags rules use (``regex`` module, VERSION0)."""
    import regex

    return regex.compile(source, regex.V0 | (regex.IGNORECASE if ignore_case else 0))


class RuleMatch(_Strict):
    """What a rule looks for. Which keys a checker reads is up to the checker (it validates at load).

    - ``terms``: lexicon phrases per language (``nl``, ``en``, or ``all``), matched as whole words,
      case- and accent-insensitive, on the normalised text (see ``_match.Lexicon``).
    - ``patterns``: regular expressions (``regex`` module syntax, run with a timeout).
    - ``validator``: the name of a code-side validator (e.g. ``elfproef``) that decides a pattern hit.
    - ``context``: words near a hit that raise its confidence, per language.
    - ``exclude``: phrases per language that, when they cover a hit, cancel it.
    """

    terms: dict[str, list[str]] = Field(default_factory=dict)
    patterns: list[PatternSpec] = Field(default_factory=list)
    validator: str | None = None
    context: dict[str, list[str]] = Field(default_factory=dict)
    exclude: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("terms", "context", "exclude")
    @classmethod
    def _lang_keys(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        bad = sorted(set(value) - {*LANGS, "all"})
        if bad:
            raise ValueError(f"unknown language key(s) {bad}; use nl, en or all")
        for lang, terms in value.items():
            for term in terms:
                if not any(c.isalnum() for c in term):  # '*' matches every word; '' and '  ' never match
                    raise ValueError(f"{lang}: term {term!r} has no letter or digit (a bare '*' would match every word)")
        return value

    def terms_for(self, lang: str) -> list[str]:
        return [*self.terms.get("all", []), *self.terms.get(lang, [])]

    def context_for(self, lang: str) -> list[str]:
        return [*self.context.get("all", []), *self.context.get(lang, [])]

    def exclude_for(self, lang: str) -> list[str]:
        return [*self.exclude.get("all", []), *self.exclude.get(lang, [])]

    def patterns_for(self, lang: str) -> list[PatternSpec]:
        return [p for p in self.patterns if p.languages is None or lang in p.languages]


class Example(_Strict):
    """One example text, with the language and post fields it needs (e.g. ``platform: x``)."""

    text: str = Field(min_length=1)
    lang: Literal["nl", "en"] | None = None
    post: dict[str, Any] = Field(default_factory=dict)


def _as_example(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Examples(_Strict):
    """Texts the tests run: each ``trigger`` must fire the rule; ``clean`` and ``fixed`` must not.

    An item is a string, or a mapping ``{text, lang, post}``. ``post`` at this level applies to all.
    """

    trigger: list[Example] = Field(min_length=1)
    clean: list[Example] = Field(min_length=1)
    fixed: Example | None = None
    post: dict[str, Any] = Field(default_factory=dict)

    @field_validator("trigger", "clean", mode="before")
    @classmethod
    def _items(cls, value: Any) -> Any:
        return [_as_example(v) for v in value] if isinstance(value, list) else value

    @field_validator("fixed", mode="before")
    @classmethod
    def _fixed(cls, value: Any) -> Any:
        return _as_example(value)


class Rule(_Strict):
    id: str = Field(pattern=_ID_RE)
    checker: str
    category: Category
    severity: Severity
    languages: list[Literal["nl", "en"]] = Field(default_factory=lambda: ["nl", "en"], min_length=1)
    status: Literal["stable", "preview", "deprecated", "removed"] = "stable"
    since: str = "0.1.0"
    match: RuleMatch = Field(default_factory=RuleMatch)
    params: dict[str, Any] = Field(default_factory=dict)
    what: str
    why: str
    message: str
    suggestion: str = ""
    reference: str = ""
    link: str = ""
    examples: Examples
    source: str = Field(default="", description="file the rule came from (set by the loader)")

    @property
    def prefix(self) -> str:
        return self.id.split("-", 1)[0]

    def applies_to(self, lang: str) -> bool:
        return lang in self.languages and self.status != "removed"


class _PackFile(_Strict):
    version: str = "1"
    name: str | None = None
    rules: list[dict[str, Any]]


class RuleSet(BaseModel):
    """All loaded rules, by id, with a content version for reports."""

    model_config = ConfigDict(frozen=True)

    rules: tuple[Rule, ...]
    version: str
    packs: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _unique(self) -> "RuleSet":
        _check_unique(self.rules)
        return self

    @functools.cached_property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    def for_checker(self, checker: str) -> list[Rule]:
        return [r for r in self.rules if r.checker == checker and r.status != "removed"]

    def get(self, rule_id: str) -> Rule | None:
        return self.by_id.get(rule_id)


def _check_unique(rules: Iterable[Rule]) -> None:
    """A RulePackError naming the later file and the id when two rules share an id (ids are forever)."""
    seen: dict[str, str] = {}
    for r in rules:
        if r.id in seen:
            raise RulePackError(
                f"duplicate rule id (also defined in {seen[r.id]}); a pack must use its own ids (e.g. its own prefix)",
                path=r.source, rule_id=r.id, field="id",
            )
        seen[r.id] = r.source


# libyaml's parser when present (10x faster on our packs); the resolvers below are Python-side either way.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Yaml12Loader(_SafeBase):  # type: ignore[misc,valid-type]
    """Safe YAML without YAML 1.1's surprises: ``no``, ``on``, ``yes``, ``off`` stay words."""


def _no_duplicate_keys(loader: Any, node: Any, deep: bool = False) -> Any:
    """A mapping with a key twice (``lang: nl`` ... ``lang: en``) is an error at the second, not the last one
    silently kept. Merge keys (``<<: *base``) may still be overridden."""
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = loader.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: the constructor reports it
                continue
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, "found a duplicate key", key_node.start_mark)
    return yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep)


_Yaml12Loader.construct_mapping = _no_duplicate_keys  # type: ignore[method-assign]
_Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _readable(tag: str, what: str) -> None:
    """Make a YAML value Python cannot build (an int over 4300 digits, 2024-02-30) a YAMLError at its node."""
    build = yaml.constructor.SafeConstructor.yaml_constructors[tag]

    def construct(loader, node):
        try:
            return build(loader, node)
        except (ValueError, OverflowError):
            raise yaml.constructor.ConstructorError(None, None, f"cannot read this {what}", node.start_mark) from None

    _Yaml12Loader.add_constructor(tag, construct)


for _tag, _what in (("int", "number"), ("float", "number"), ("timestamp", "date")):
    _readable(f"tag:yaml.org,2002:{_tag}", _what)


#: Deepest nesting of lists and mappings accepted in YAML (posts, front matter, rule packs) and JSON.
MAX_DEPTH = 100


class YamlTooDeep(yaml.YAMLError):
    """YAML nested deeper than :data:`MAX_DEPTH`: refused before it is built (libyaml's composer recurses
    in C and crashes the interpreter on some thousands of levels)."""

    def __init__(self, line: int) -> None:
        self.line = line  # 1-based line where the limit was passed
        super().__init__(f"nested too deeply (over {MAX_DEPTH} levels) at line {line}")


def yaml_depth_check(text: str) -> None:
    """Raise YamlTooDeep when ``text`` nests deeper than MAX_DEPTH.

    Reads the event stream (libyaml's parser is a loop, not a recursion, so this cannot crash), stops
    at the first level too many, and costs less than the load it guards. Short text cannot be deep.
    """
    if len(text) <= MAX_DEPTH:
        return
    depth = 0
    for event in yaml.parse(text, Loader=_SafeBase):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlTooDeep(event.start_mark.line + 1)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


def yaml_load(text: str):
    """Parse YAML safely (no object construction), with YAML 1.2 booleans.

    Nesting deeper than MAX_DEPTH raises YamlTooDeep (a ``yaml.YAMLError``) before anything is built.
    """
    yaml_depth_check(text)
    try:
        return yaml.load(text, Loader=_Yaml12Loader)  # noqa: S506 - a SafeLoader subclass
    except (ValueError, TypeError, OverflowError, RecursionError):  # a value that cannot be built: as a syntax error
        raise yaml.YAMLError("a value cannot be read") from None


def rules_dir() -> Path:
    """The shipped rule packs: inside the wheel, or the checkout's top-level ``rules/``."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RulePackError("shipped rule packs not found; is socialrisk installed correctly?")


def _loc(err: dict[str, Any]) -> str:
    return ".".join(str(p) for p in err["loc"])


def load_pack(path: str | Path) -> tuple[list[Rule], str]:
    """Load and validate one pack file; returns its rules and a content hash."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RulePackError("rule pack file not found", path=str(path)) from None
    except OSError as exc:
        raise RulePackError(f"cannot read rule pack ({exc.strerror})", path=str(path)) from None
    rules, digest = _parse_pack(str(path), raw)
    return list(rules), digest


@functools.lru_cache(maxsize=256)
def _parse_pack(path_str: str, raw: bytes) -> tuple[tuple[Rule, ...], str]:
    """Parse and validate a pack's bytes; cached by content (also on disk), since rules are immutable.

    A cached pack skips the YAML parse, the validation and the regex compiles of a cold start (its
    patterns compiled when it was stored, with the same code and library versions); patterns then
    compile on first use.
    """
    from ._cache import cached

    key = f"{path_str}\0{hashlib.sha256(raw).hexdigest()}"
    return cached("rules", key, lambda: _validate_pack(path_str, raw), code=("rules", "models"), source=path_str)


def _validate_pack(path_str: str, raw: bytes) -> tuple[tuple[Rule, ...], str]:
    path = Path(path_str)
    try:
        data = yaml_load(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise RulePackError("rule pack is not valid UTF-8", path=str(path)) from None
    except YamlTooDeep as exc:
        raise RulePackError(f"YAML {exc}", path=str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise RulePackError(f"invalid YAML{where}", path=str(path)) from None
    if isinstance(data, list):
        data = {"rules": data}
    if not isinstance(data, dict):
        raise RulePackError("a rule pack must be a list of rules or a mapping with 'rules:'", path=str(path))
    try:
        pack = _PackFile.model_validate(data)
    except ValidationError as exc:
        e = exc.errors()[0]
        raise RulePackError(e["msg"], path=str(path), field=_loc(e)) from None
    rules = []
    for i, item in enumerate(pack.rules):
        rule_id = item.get("id") if isinstance(item, dict) else None
        try:
            rules.append(Rule.model_validate({**item, "source": str(path)}))
        except ValidationError as exc:
            e = exc.errors()[0]
            raise RulePackError(
                e["msg"], path=str(path), rule_id=str(rule_id or f"#{i}"), field=_loc(e)
            ) from None
        except TypeError:
            raise RulePackError("a rule must be a mapping", path=str(path), rule_id=f"#{i}") from None
    return tuple(rules), hashlib.sha256(raw).hexdigest()[:12]


def _pack_files(root: Path) -> list[Path]:
    # Files starting with "_" hold data that is not rules (e.g. language identification).
    return sorted(p for p in root.rglob("*.y*ml") if p.suffix in (".yaml", ".yml") and not p.name.startswith("_"))


def load_rules(extra_packs: Iterable[str | Path] = ()) -> RuleSet:
    """Load the shipped packs plus the user's packs (later packs may not reuse an id)."""
    root = rules_dir()
    rules: list[Rule] = []
    packs: dict[str, str] = {}
    for f in _pack_files(root):
        rs, digest = load_pack(f)
        rules.extend(rs)
        packs[f.relative_to(root).as_posix()] = digest
    for p in extra_packs:
        p = Path(p)
        files = _pack_files(p) if p.is_dir() else [p]
        for f in files:
            rs, digest = load_pack(f)
            # A user pack's patterns are probed for catastrophic backtracking; shipped ones are
            # probed by tests/test_redos.py, so the usual start-up pays nothing.
            from ._redos import check_rules

            check_rules(rs, str(f))
            rules.extend(rs)
            packs[str(f)] = digest
    _check_unique(rules)  # here, not only in RuleSet: a validator's error would reach the user as a ValidationError
    combined = hashlib.sha256("".join(f"{k}:{v}" for k, v in sorted(packs.items())).encode()).hexdigest()[:12]
    return RuleSet(rules=tuple(rules), version=combined, packs=packs)
