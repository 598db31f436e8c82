"""The privacy checker: citizens' personal data, special categories, confidential material.

Personal data is found by Presidio recognizers declared in ``rules/common/privacy.yaml`` (patterns,
validators, context words) on the shared spaCy analysis; names come from a gazetteer. Sensitive
facts (AVG art. 9 and 10, minors) are blockers only next to an identifiable private person. The
post with the data replaced (presidio-anonymizer) goes to ``analysis.cache["redacted"]``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field

from ..analysis import parse_text
from ..models import Category, Finding, Severity
from . import _privacy_validators  # registers the validators rules name
from ._match import (
    VALIDATORS, compile_pattern, exclude_lexicon, lexicon_for, per_object, post_hits, rule_lexicon, rule_patterns, scan,
)
from .base import Checker, register

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis
    from ..policy import Policy
    from ..rules import Rule
    from ._match import Lexicon

__all__ = ["PrivacyChecker", "PrivacySettings"]

_KINDS = ("entity", "person", "sensitive", "lexicon")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


class PrivacySettings(BaseModel):
    """Tunables of the privacy checker; config: ``[tool.socialrisk.checkers.privacy]``."""

    model_config = ConfigDict(extra="forbid")

    operator: Literal["replace", "mask", "hash"] = Field(default="replace", description="how the redacted post hides data")
    labels: dict[str, str] = Field(default_factory=dict, description="replace: text per entity type (default <TYPE>)")
    mask_char: str = Field(default="*", min_length=1, max_length=1)
    hash_type: Literal["sha256", "sha512"] = "sha256"
    hash_salt: str = Field(default="socialrisk-redaction", min_length=16, description="fixed salt: same input, same hash")
    report_allowed: bool = Field(default=True, description="report allow-listed contacts and names as info")
    context_factor: float = Field(default=0.35, ge=0, le=1, description="score added by a context word")
    context_before: int = Field(default=6, ge=0, description="tokens before a hit searched for context words")
    context_after: int = Field(default=3, ge=0, description="tokens after a hit searched for context words")
    names_file: str | None = Field(default=None, description="own name gazetteer (schema: NameData)")


@dataclass(slots=True)
class _Hit:
    """One recognised piece of personal data, in original offsets."""

    rule: "Rule"
    entity: str
    start: int
    end: int
    score: float
    pattern: str
    allowed: bool = False
    public: bool = False
    historical: bool = False  # a historical figure ("Willem Drees", "Aletta Jacobs (1854-1929)"): never a private person
    role: bool = False  # an organisation's department address (woz@gemeente.nl), not a person's
    home: str = ""  # "person": the home of an identifiable private person; "visit": a home and a call to go there
    organisation: bool = False  # the words around it say it is an organisation's ("bel de gemeente op ...")
    personal: bool = False  # a private person's own number, set right after their full name ("Bel Anja de Vries op ...")
    severity: Severity = Severity.INFO
    related: list[tuple[int, int]] = field(default_factory=list)


@register("privacy")
class PrivacyChecker(Checker):
    """Personal data, special categories of data, minors and confidential material."""

    categories: ClassVar = frozenset({Category.PRIVACY})
    Settings: ClassVar = PrivacySettings

    def __init__(self, rules, settings, context) -> None:
        super().__init__(rules, settings, context)
        self._engine = None
        self._lock = threading.Lock()
        self._digits: dict[tuple, dict[str, str]] = {}

    # -- rules -----------------------------------------------------------------------------

    @classmethod
    def validate_rule(cls, rule: "Rule") -> None:
        p = rule.params
        kind = p.get("kind")
        if kind not in _KINDS:
            raise ValueError(f"params.kind must be one of {', '.join(_KINDS)}")
        if rule.match.validator and rule.match.validator not in VALIDATORS:
            raise ValueError(f"unknown validator {rule.match.validator!r}; known: {', '.join(sorted(VALIDATORS))}")
        if kind in ("entity", "person") and not rule.match.patterns:
            raise ValueError(f"a {kind} rule needs match.patterns")
        if kind == "entity" and not isinstance(p.get("entity"), str):
            raise ValueError("an entity rule needs params.entity (a Presidio entity type)")
        if kind in ("sensitive", "lexicon") and not (rule.match.terms or rule.match.patterns):
            raise ValueError(f"a {kind} rule needs match.terms or match.patterns")
        for key in ("public_figure_exempt", "hyphen_heads"):
            words = p.get(key, [])
            if not (isinstance(words, list) and all(isinstance(w, str) and w.strip() for w in words)):
                raise ValueError(f"params.{key} must be a list of words")
        for key in ("demoted", "alone", "with_handle", "with_evidence", "public", "public_figure"):
            if p.get(key) is not None:
                _check_severity(p[key], f"params.{key}")
        if "demote_digits" in p:
            spec = p["demote_digits"]
            sources = [spec] if isinstance(spec, str) else list(spec.values()) if isinstance(spec, dict) else [None]
            if isinstance(spec, dict) and set(spec) - {"nl", "en", "all"}:
                sources = [None]
            try:
                for rx in sources:
                    regex.compile(rx)
            except (regex.error, TypeError):
                raise ValueError("params.demote_digits must be a regex, or map nl/en/all to regexes") from None
        pre = p.get("prefilter", {})
        if not isinstance(pre, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in pre.items()):
            raise ValueError("params.prefilter must map pattern names to regexes")
        for name, rx in pre.items():
            try:
                regex.compile(rx)
            except regex.error:
                raise ValueError(f"params.prefilter.{name} is not a valid regex") from None
        for key in ("demote_below", "min_score", "validated_score", "person_min_score", "identifiable_score"):
            if key in p and not (isinstance(p[key], (int, float)) and 0 <= p[key] <= 1):
                raise ValueError(f"params.{key} must be a number between 0 and 1")
        if "home" in p:
            _validate_home(p["home"])
        if "historical" in p:
            _validate_historical(p["historical"])
        if "public_figure_link" in p:
            _validate_tight(p["public_figure_link"])
        if "active" in p:
            act = p["active"]
            if not (isinstance(act, dict) and set(act) == {"terms", "aux"} and _is_word_map(act["aux"])
                    and isinstance(act["terms"], list) and all(isinstance(t, str) and t.strip() for t in act["terms"])):
                raise ValueError("params.active must be a mapping with terms (a list) and aux (nl/en/all lists)")
        if "role" in p:
            role = p["role"]
            if not (isinstance(role, dict) and isinstance(role.get("webmail", []), list)
                    and all(isinstance(d, str) and d for d in role.get("webmail", []))):
                raise ValueError("params.role must be a mapping with webmail: a list of domains")
            _check_severity(role.get("severity", "low"), "params.role.severity")
            words = role.get("words", [])
            if not (isinstance(words, list) and all(isinstance(w, str) and w for w in words)):
                raise ValueError("params.role.words must be a list of words")
            _check_domains(role.get("government", {}), "params.role.government")
        if "organisation" in p:
            _validate_organisation(p["organisation"])
        if "personal" in p:
            _validate_personal(p["personal"])
        raised = p.get("raised_by")
        if raised is not None:
            if not (isinstance(raised, dict) and set(raised) == {"severity", "words"} and isinstance(raised["words"], dict)):
                raise ValueError("params.raised_by must be a mapping with severity and words (nl/en/all lists)")
            _check_severity(raised["severity"], "params.raised_by.severity")
        for key in ("link", "possessive", "addressed", "pronouns", "fillers", "speech", "source"):
            if not _is_word_map(p.get(key, {}), languages=None, stripped=True):
                raise ValueError(f"params.{key} must map languages to lists of words")
        for key in ("bare_label", "venue", "public_figure_disclosed"):
            if not _is_word_map(p.get(key, {})):
                raise ValueError(f"params.{key} must map nl/en/all to lists of words")

    # -- resources -------------------------------------------------------------------------

    def _analyzer(self):
        """The Presidio analyzer and anonymizer, built on first use (once per checker instance)."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    from ._privacy_engine import build_analyzer, name_data

                    s: PrivacySettings = self.settings  # type: ignore[assignment]
                    analyzer, nlp_engine = build_analyzer(
                        self.rules,
                        self.context.nlp_for,
                        names=name_data(s.names_file),
                        context_factor=s.context_factor,
                        context_window=(s.context_before, s.context_after),
                    )
                    self._engine = (analyzer, nlp_engine, _LazyAnonymizer(), name_data(s.names_file))
        return self._engine

    # -- check -----------------------------------------------------------------------------

    def check(self, analysis: "Analysis", policy: "Policy") -> list[Finding]:
        lang = analysis.lang
        rules = self.rules_for(lang)
        if not rules:
            return []
        hits = self._recognise(analysis, rules)
        echoes = self._grade(analysis, policy, hits)
        out = [self._entity_finding(analysis, h) for h in hits if not (h.allowed and not self.settings.report_allowed)]
        private_people = _with_echoes([h for h in hits if h.entity == "PERSON" and not (h.allowed or h.public)], echoes)
        # Data that points at one private person (a phone, a home address), as opposed to a secret link.
        contact = [h for h in hits if h.rule.params.get("identifies") and not h.allowed and h.severity >= Severity.HIGH]
        # named public figures: their names and roles may be published, their health may not (``params.public_figure``);
        # an allow-listed name is the organisation's own person, who agreed to be named, not to have their health or
        # criminal record published: a public figure too. A historical figure is neither (``params.historical``).
        officials = _with_echoes([h for h in hits if h.entity == "PERSON" and (h.public or h.allowed) and not h.historical],
                                 echoes)
        historical = [h for h in hits if h.historical]
        person_rule = next((r for r in rules if r.params["kind"] == "person"), None)
        spec = person_rule.params.get("historical") if person_rule is not None else None
        past = (lambda x: _historical(analysis, x.start, x.end, self._analyzer()[3], spec, False)) if spec else None
        for rule in rules:
            kind = rule.params["kind"]
            if kind == "sensitive":
                out.extend(self._sensitive(analysis, policy, rule, private_people, contact, officials, historical, past))
            elif kind == "lexicon":
                out.extend(self._lexicon(analysis, rule))
        self._redact(analysis, hits, out)
        return out

    def _recognise(self, analysis: "Analysis", rules: list["Rule"]) -> list[_Hit]:
        """Run Presidio on the post (invisible characters removed) and map hits to original offsets."""
        analyzer, nlp_engine, _, _ = self._analyzer()
        text = analysis.text
        view = _digit_view(text, self._digit_words(rules, analysis.lang))
        if view is None:
            clean, doc = text, analysis.doc
        else:  # "06\u200b1234...", "nul zes een twee ...": analyse a cleaned copy, map offsets back
            clean, starts, ends = view
            # as the analysis parses the post: lone surrogates and 200+ character runs would crash or stall spaCy
            doc = parse_text(self.context.nlp_for(analysis.lang), clean)
        results = analyzer.analyze(
            text=clean, language=analysis.lang, nlp_artifacts=nlp_engine.artifacts(doc, analysis.lang)
        )
        by_id = {r.id: r for r in rules}
        hits: list[_Hit] = []
        in_url = _Covers(analysis.urls)
        numbers = _Covers(analysis.numbers)
        for r in results:
            rule = by_id.get(r.recognition_metadata.get("rule_id", ""))
            if rule is None or r.score < float(rule.params.get("min_score", 0.0)):
                continue
            start, end = (r.start, r.end) if view is None else (starts[r.start], ends[r.end - 1])
            if not rule.params.get("in_urls") and in_url.covers(start, end):
                continue  # digits of a link are not a phone number
            skip = rule.params.get("skip_numbers", ())
            if skip and any(n.kind in skip and _real_number(n, text) for n in numbers.overlapping(start, end)):
                continue  # a date, time, price or percentage that happens to look like an identifier
            hits.append(_Hit(rule, r.entity_type, start, end, r.score, r.recognition_metadata.get("pattern", "")))
        return _non_overlapping(_split_residents(hits, text, self._analyzer()[3].lone_names.street_joiners))

    def _digit_words(self, rules: list["Rule"], lang: str) -> dict[str, str]:
        """``_digit_words`` of the rules for this language, once per checker (the rules never change)."""
        key = (lang, tuple(r.id for r in rules))
        got = self._digits.get(key)
        if got is None:
            got = self._digits[key] = _digit_words(rules, lang)
        return got

    def _grade(self, analysis: "Analysis", policy: "Policy", hits: list[_Hit]) -> list[_Hit]:
        """Allow-lists, public figures and the severity of each hit; returns the echoes of full names (``_echoes``)."""
        _, _, _, names = self._analyzer()
        titles = lexicon_for(tuple(names.public_titles.both()))
        text = analysis.text
        allow = policy.allow
        for h in hits:
            value = text[h.start:h.end]
            if not value.isascii():  # "ｊａｎ＠ｏｎｚｅｐａｒｔｉｊ．ｎｌ", "070–123 4567": allow-lists and roles read the ASCII form
                value = "".join(map(_fold_char, value))
            p = h.rule.params
            if h.entity == "EMAIL_ADDRESS":
                address = _privacy_validators.deobfuscate_email(value)
                h.allowed = allow.allows_email(address)
                h.role = bool(p.get("role")) and not h.allowed and _role_address_of(analysis, address, p["role"], names)
            elif h.entity == "PHONE_NUMBER":
                h.allowed = allow.allows_phone(value)
            elif h.entity == "PERSON":
                h.allowed = allow.allows_name(value)
                # A role just before ("minister Jansen") or a party after ("Jansen (VVD)"): public figure.
                tail = " ".join(text[max(0, h.start - 60):h.start].split()[-4:])
                tail = _role_tail(tail, titles)
                # the name finder may have taken the role in ("Councillor Davies"): its first word counts too
                first = value.split(maxsplit=1)[0] if " " in value.strip() else ""
                role_first = any(s == 0 and e == len(first) for s, e, _ in titles.search_text(first))
                # "De dochter van onze voorzitter, Lisa de Boer": the office is the possessor's, the name the relative's
                by_role = bool(titles.search_text(tail)) and not _relative_apposed(text, h.start, titles, names.relatives)
                h.public = (
                    by_role or role_first or _party_after(text, h.end)
                    or _public_after(text, h.end, names.public_suffixes, titles)
                )
                if p.get("historical") and _historical(analysis, h.start, h.end, names, p["historical"], h.public):
                    h.public = h.historical = True
            sev = h.rule.severity
            if "demote_below" in p and h.score < p["demote_below"]:
                sev = Severity(p.get("demoted", "low"))
            if _demoted_digits(p.get("demote_digits"), analysis.lang, value):
                sev = Severity(p.get("demoted", "low"))  # a free or paid service number, however it was found
            if h.public and p.get("public"):
                sev = Severity(p["public"])
            if h.historical:
                sev = Severity(p["historical"].get("severity", "info"))
            if h.role:
                sev = Severity(p["role"].get("severity", "low"))
            h.severity = Severity.INFO if h.allowed else sev
        named = [h for h in hits if h.entity == "PERSON" and not h.allowed]
        echoes = _echoes(text, named)
        named = _ByStart(_with_echoes(named, echoes))
        people = _ByStart(_with_echoes([h for h in hits if h.entity == "PERSON" and not (h.allowed or h.public)], echoes))
        # department addresses: those found, and those the e-mail patterns leave out as never a person's (info@, griffie@)
        desks = _ByStart([*(x for x in hits if x.entity == "EMAIL_ADDRESS" and x.role),
                          *_unreported_desks(analysis, hits, self.rules_for(analysis.lang), names)])
        index = _index(analysis)
        anyone = any(x.severity > Severity.INFO for x in people)
        past = _ByStart([x for x in hits if x.historical])
        for h in hits:
            if h.entity == "PERSON" or h.allowed:
                continue
            a, b = index.sentence_of(h.start)
            someone = people.any_above_info(a, b)  # a private person of the sentence, more than a bare listed word
            # a venue named right before the address, a plain "Adres:" label in a post that names nobody, or a
            # historical figure's house in a sentence with no private person ("Aletta Jacobs woonde aan de
            # Herengracht 12"): the address is a place's, however strongly the words around it suggest a home
            venue = (_venue_before(analysis, h) or _bare_label(analysis, h, anyone)
                     or (not someone and bool(past.within(a, b))))
            if venue and "demoted" in h.rule.params:
                h.severity = min(h.severity, Severity(h.rule.params["demoted"]))
            near = people.spans_near(a, b, h.start, h.end)  # at most _RELATED_MAX: the nearest
            if near:
                h.related = near
                # an address next to a private person is theirs; a bare listed word (info) is too weak to say so
                if h.rule.params.get("person_raises") and h.severity < h.rule.severity and someone and not venue:
                    h.severity = h.rule.severity
            raise_ = h.rule.params.get("raised_by")
            if raise_ and h.severity < Severity(raise_["severity"]) and _any_word(analysis, raise_["words"]):
                h.severity = Severity(raise_["severity"])  # "Wie herkent deze bestuurder? ... kenteken 12-ABC-3"
            org = h.rule.params.get("organisation")
            if org and h.severity > Severity(org["severity"]) and (
                _said_of_organisation(analysis, h, org, someone) or _beside_a_desk_address(analysis, h, desks, someone)
                or _office_line(analysis, h, org, named, names, someone)
            ):
                h.organisation = True
                h.severity = Severity(org["severity"])
            personal = h.rule.params.get("personal")
            if personal and not h.organisation and h.severity >= h.rule.severity and (
                _personal_line(analysis, h, people, personal, a) or _pressed_line(analysis, policy, h, named, personal, a)
            ):
                h.personal = True
                h.severity = max(h.severity, Severity(personal["severity"]))
            home = h.rule.params.get("home")
            if home:
                h.home = _home_of(analysis, h, named, home, named.within(h.end, h.end + 17))
                if h.home:
                    h.severity = max(h.severity, Severity(home["severity"]))
        return echoes

    def _entity_finding(self, analysis: "Analysis", h: _Hit) -> Finding:
        p = h.rule.params
        return self.finding(
            h.rule, analysis, h.start, h.end,
            score=h.score,
            severity=h.severity,
            message=(
                p.get("allowed_message") if h.allowed
                else p["role"].get("message") if h.role
                else p["organisation"].get("message") if h.organisation
                else p["home"].get(f"{h.home}_message") if h.home
                else p["personal"].get("message") if h.personal
                else p["historical"].get("message") if h.historical
                else p.get("public_message") if h.public
                else None
            ),
            related=h.related,
            details={"entity": h.entity, "pattern": h.pattern, "allowed": h.allowed, "public": h.public}
            | ({"home": h.home} if h.home else {}) | ({"role": True} if h.role else {})
            | ({"organisation": True} if h.organisation else {}) | ({"personal": True} if h.personal else {})
            | ({"historical": True} if h.historical else {}),
        )

    def _sensitive(self, analysis, policy, rule, people: list[_Hit], contact: list[_Hit],
                   officials: list = (), historical: list = (), past=None) -> list[Finding]:
        """A special-category fact, criminal record or minor: blocker about an identifiable private person.

        ``params.public_figure``: the severity of such a fact said of a named public figure or allow-listed
        person ("Wethouder Kramer is hiv-positief"): their role is public, their health is not (AVG art. 9),
        but they often made it public themselves or the post wishes them well, so a person decides (review).
        ``public_figure_exempt``: the facts (terms or pattern names) that are a public figure's role, such as
        party membership. ``historical``: the historical figures named (never a private person nor a public
        figure to review); ``past(span)`` tells whether a titled name ("premier Drees") is one."""
        p = rule.params
        lang = analysis.lang
        text = analysis.text
        # A weakly evidenced lone name ("Jordan", "Mark", a listed surname) never makes a fact about someone.
        people = [x for x in people if x.score >= float(p.get("person_min_score", 0.0))]
        facts = set(p.get("facts", ()))
        found = [(h.start, h.end, h.term) for h in rule_lexicon(rule, lang).finditer(analysis)]
        found += [
            (*m.span(), pat.name) for pat in rule_patterns(rule, lang) if pat.name in facts
            for m in pat.finditer(text)
        ]
        named_out = self._named_minor(analysis, rule, people) if p.get("named") and people else []
        if not found:
            return named_out  # the common case: no sensitive word, nothing else to compute
        excluded = _Covers(exclude_lexicon(rule, lang).finditer(analysis))
        heads = _hyphen_heads(tuple(p.get("hyphen_heads", ())))
        # "longkanker-onderzoek", "diabetes-zorg": the first half of a compound about research or care, no disease
        found = sorted((s, e, t) for s, e, t in found if not excluded.covers(s, e)
                       and not (heads is not None and heads.match(text, e)))
        link = lexicon_for(tuple(p.get("link", {}).get(lang, [])))
        addressee = lexicon_for(tuple(p.get("addressed", {}).get(lang, [])))
        possessive = lexicon_for(tuple(p.get("possessive", {}).get(lang, [])))
        pronouns = lexicon_for(tuple(p.get("pronouns", {}).get(lang, [])))
        fillers = frozenset(w.lower() for w in p.get("fillers", {}).get(lang, []))
        speech = lexicon_for(tuple(p.get("speech", {}).get(lang, []))) if p.get("speech") else None
        source = lexicon_for(tuple(p.get("source", {}).get(lang, []))) if p.get("source") else None
        strong = float(p.get("identifiable_score", 0.7))
        possessive_words = int(p.get("possessive_words", 15))
        # per evidence pattern, its matches in order (the order the findings' related spans are given in)
        evidence = [
            [m.span() for m in pat.finditer(text) if not rule.match.validator or VALIDATORS[rule.match.validator](m.group())]
            for pat in rule_patterns(rule, lang) if pat.name not in facts
        ]
        evidence_starts = [[s for s, _ in spans] for spans in evidence]
        index = _index(analysis)
        by_start = _ByStart(people)
        handles = _ByStart(m for m in analysis.mentions if not policy.allow.allows_handle(m.text))
        # handles that address the reader, by their end: a reply's opening handle, or "@jan," / "@jan:" / "@jan!"
        addressing = [m for m in handles if m.start <= index.first_char or text[m.end:m.end + 1] in (",", ":", "!")]
        addressing_ends = [m.end for m in addressing]
        reach = max(_LINK_WORDS, possessive_words)
        contact_spans = [(c.start, c.end) for c in contact]
        public_sev = p.get("public_figure")
        exempt = {w.lower() for w in p.get("public_figure_exempt", ())}
        public = None
        if public_sev:
            # a title before a name already found adds nothing
            named_spans = _Covers([*people, *officials, *historical])
            public = _ByStart([*officials, *(t for t in _titled_names(analysis, self._analyzer()[3])
                                            if not named_spans.overlapping(t.start, t.end)
                                            and not (past is not None and past(t)))])
        disclosed = _words(p.get("public_figure_disclosed"), lang)
        tight = _tight_spec(p.get("public_figure_link"), lang)
        active = p.get("active")
        active_terms = frozenset(t.lower() for t in active["terms"]) if active else frozenset()
        active_aux = _word_set(active["aux"], lang) if active else frozenset()
        out = []
        pos = 0
        for start, end, term in found:
            if start < pos:
                continue  # a term inside a longer fact pattern ("kanker" in "lid van ... kanker"): once
            pos = end
            a, b = index.sentence_of(start)
            before = " ".join(index.words_before(start, 2))
            # "Jan de Vries heeft het geweld veroordeeld" (condemned), "heeft de dief opgepakt": an active perfect
            # makes the name the one who did it (``params.active``); the record is someone else's
            agent = _active_agent(text, start, active_aux) if term.lower() in active_terms else None
            # "haar longkanker", "his stroke": a possessive points at the private person of the sentence.
            mine = bool(possessive) and bool(possessive.search_text(before))
            # only the people of the sentence within reach of the fact (_LINK_WORDS): no link reads further
            # (after the fact: at most 6 words with a letter or digit for a link, possessive_words for "haar")
            lo = max(a, index.reach_before(start, reach + 1) - by_start.longest)
            hi = min(b, max(index.reach_after(end, possessive_words + 1), index.wordish_reach_after(end, 8)) + 1)
            about = [x for x in by_start.within(lo, hi) if not (term in _PLACE_FACTS and start <= x.start and x.end <= end)
                     and not (agent is not None and agent <= x.start) and (
                index.words_between(min(x.end, start), max(x.start, end)) <= _LINK_WORDS
                and _may_link(index, text, start, end, x, True, fillers)
                and _linked(text, start, end, x, link, fillers=fillers, index=index, speech=speech, source=source)
                or (mine and index.words_between(min(x.end, start), max(x.start, end)) <= possessive_words)
            )]
            if not about and pronouns:
                about = _carried_over(analysis, text, start, end, by_start, pronouns, link, strong, fillers)
            named = [(x.start, x.end) for x in about if x.score >= strong]
            # Weakly identified: a first name only, or an @handle (often a public account) said to have it.
            # A reply that addresses someone ("@jan ... je depressie", "your son was arrested") is about them.
            you = bool(addressee.search_text(before))
            # a handle is linked across at most 3 words with a letter or digit (``_may_link``)
            near_handles = [
                m for m in handles.within(max(lo, index.wordish_reach_before(start, 5) - handles.longest),
                                          min(hi, index.wordish_reach_after(end, 5) + 1))
                if index.words_between(min(m.end, start), max(m.start, end)) <= _LINK_WORDS
                and _may_link(index, text, start, end, m, False, fillers)
                and _linked(text, start, end, m, link, adjacent=False, index=index)
            ]
            if you:  # every addressing handle before the fact counts: the last few are enough to name them
                upto = bisect.bisect_right(addressing_ends, start)
                near_handles += addressing[max(0, upto - _RELATED_MAX - 1):upto]
            weak = [(x.start, x.end) for x in about if x.score < strong] + sorted({(m.start, m.end) for m in near_handles})
            # the evidence of the sentence (an age, a school), per pattern the matches nearest the fact
            here = []
            for spans, st in zip(evidence, evidence_starts):
                i, j, k = bisect.bisect_left(st, a), bisect.bisect_left(st, b), bisect.bisect_left(st, start)
                here += spans[max(i, k - _RELATED_MAX - 1):min(j, k + _RELATED_MAX + 1)]
            said_of_public = []
            # "..., vertelde hij", "has spoken about his depression": the official made it public themselves
            if not (named or contact) and public is not None and public.items and term.lower() not in exempt and not (
                    _said_in(analysis, disclosed, a, b)):
                # "Minister Kuipers: kanker moet sneller ...": a colon after the name opens what they say
                said_of_public = [(x.start, x.end) for x in public.within(lo, hi) if not (
                    x.end <= start and text[x.end:start].lstrip().startswith(":")) and not (
                    agent is not None and agent <= x.start) and (
                    tight is None and index.words_between(min(x.end, start), max(x.start, end)) <= _LINK_WORDS
                    and _may_link(index, text, start, end, x, True, fillers)
                    and _linked(text, start, end, x, link, fillers=fillers, index=index, speech=speech, source=source)
                    or tight is None and mine and index.words_between(min(x.end, start), max(x.start, end)) <= possessive_words
                    or tight is not None and _tightly_linked(text, start, x, tight, fillers)
                    and not _is_source(text, x, source, index)
                )]
            if named or contact:
                sev, related, why = rule.severity, named or contact_spans, "person"
            elif said_of_public:
                sev, related, why = Severity(public_sev), sorted(set(said_of_public)), "public"
            elif weak and p.get("with_handle"):
                sev, related, why = Severity(p["with_handle"]), weak, "handle"
            elif here and p.get("with_evidence"):
                sev, related, why = Severity(p["with_evidence"]), here, "evidence"
            elif p.get("alone"):
                sev, related, why = Severity(p["alone"]), [], "alone"
            else:
                continue
            out.append(
                self.finding(
                    rule, analysis, start, end,
                    score=0.9 if why == "person" else 0.6,
                    severity=sev,
                    message=None if why == "person" else p.get("public_message") if why == "public"
                    else p.get("alone_message"),
                    related=_nearest(related, start, end, ordered=related is contact_spans),
                    details={"term": term, "about": why},
                )
            )
        if named_out:  # a child word already said it about this child: keep the named-age finding only if new
            taken = {tuple(r) for f in out for r in f.related}
            out.extend(f for f in named_out if not {tuple(r) for r in f.related} <= taken)
        return out

    def _named_minor(self, analysis, rule, people: list[_Hit]) -> list[Finding]:
        """A private person named with a minor's age right next to the name, a birthday age or a school.

        ``params.named``: ``adjacent`` (pattern names: an age written against the name, "Tim de Vries (12)",
        "de 9-jarige Sanne"), ``sentence`` (patterns that count anywhere in the name's sentence: a school,
        a class, a birthday), ``school`` (which of those make the child findable), ``full_score`` (a name
        this strong is a full name), ``list_cues`` (words of a candidate list: "Jansen (3)" is a list
        position there, not an age), ``adults`` (words that make the named person an adult: juf, teacher),
        and the severities ``full`` (full name + age, or name + age + school), ``partial`` (first name + age,
        or name + school / birthday).
        """
        cfg = rule.params["named"]
        lang = analysis.lang
        text = analysis.text
        adjacent = set(cfg.get("adjacent", ()))
        sentence = set(cfg.get("sentence", ()))
        school = set(cfg.get("school", ()))
        check = VALIDATORS.get(rule.match.validator or "", lambda _: True)
        spans: dict[str, list[tuple[int, int]]] = {}
        for pat in rule.match.patterns_for(lang):
            if pat.name in adjacent or pat.name in sentence:
                spans[pat.name] = [m.span() for m in compile_pattern(pat).finditer(text) if check(m.group())]
        if not any(spans.values()):
            return []
        listed = lexicon_for(tuple(cfg.get("list_cues", {}).get(lang, [])))
        bare = regex.compile(r"\(\d{1,2}\)")
        if listed.contains(analysis) or len(bare.findall(text)) >= 3:
            # "Jansen (2), De Vries (3)": positions on a list, not ages
            for name in adjacent:
                spans[name] = [s for s in spans.get(name, []) if not bare.fullmatch(text, s[0], s[1])]
        adults = lexicon_for(tuple(cfg.get("adults", {}).get(lang, [])))
        full_score = float(cfg.get("full_score", 0.7))
        out = []
        index = _index(analysis)
        # each pattern's spans are in order: the ones near a name or in its sentence are found by bisection
        starts = {n: [sp[0] for sp in v] for n, v in spans.items()}
        longest = max((e - s for v in spans.values() for s, e in v), default=0)

        def between(n: str, lo: int, hi: int) -> list[tuple[int, int]]:
            """The spans of pattern ``n`` that start in ``[lo, hi)``, in order."""
            st = starts.get(n, [])
            return spans.get(n, [])[bisect.bisect_left(st, lo):bisect.bisect_left(st, hi)]

        others_of = sentence - school
        for x in people:
            if _PLACE_NAME.match(text, x.end):
                continue  # "St Mary's Primary", "St John's": a place named after a person
            if any(between(n, x.start, x.end + 2) for n in school):
                continue  # "Westfield Primary", "Brookside Academy": the name is the school's, not a child's
            a, b = index.sentence_of(x.start)
            # written against the name: at most 3 characters between (``_touches``)
            ages = [s for n in adjacent for s in between(n, x.start - 3 - longest, x.end + 4) if _touches(text, x, s)]
            schools = [s for n in school for s in between(n, a, b)[:1]]
            others = [s for n in others_of for s in between(n, a, b)[:1]]
            if not (ages or schools or others):
                continue
            if _said_in(analysis, adults, a, b):
                continue  # "juf Anneke van groep 6", "teacher Amy Clarke (Year 5)": an adult at the school
            if ages and (x.score >= full_score or schools):
                sev, span = Severity(cfg.get("full", "blocker")), ages[0]
            elif ages or others:
                sev, span = Severity(cfg.get("partial", "high")), (ages or others)[0]
                if schools:
                    sev = Severity(cfg.get("full", "blocker"))
            else:
                sev, span = Severity(cfg.get("partial", "high")), schools[0]
            out.append(
                self.finding(
                    rule, analysis, *span,
                    score=0.85,
                    severity=sev,
                    related=[(x.start, x.end)],
                    details={"about": "named", "evidence": "age" if ages else "school" if any(
                        span in between(n, span[0], span[0] + 1) for n in school) else "sentence"},
                )
            )
        return out

    def _lexicon(self, analysis: "Analysis", rule: "Rule") -> list[Finding]:
        """Confidential markers and draft notes: words and patterns, at the rule's severity."""
        excluded = _Covers(exclude_lexicon(rule, analysis.lang).finditer(analysis))
        out = [self.finding(rule, analysis, h.start, h.end, score=0.8, details={"term": h.term})
               for h in rule_lexicon(rule, analysis.lang).finditer(analysis)
               if not excluded.covers(h.start, h.end)]
        for pat in rule_patterns(rule, analysis.lang):
            out.extend(self.finding(rule, analysis, *m.span(), score=pat.score, details={"pattern": pat.name})
                       for m in pat.finditer(analysis.text))
        return out

    def _redact(self, analysis: "Analysis", hits: list[_Hit], findings: list[Finding]) -> None:
        """Replace the private data via presidio-anonymizer; give each finding its replacement."""
        todo = [h for h in hits if not (h.allowed or h.public) and h.severity >= Severity.LOW]
        if not todo:
            return
        from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

        _, _, anonymizer, _ = self._analyzer()
        s: PrivacySettings = self.settings  # type: ignore[assignment]
        operators: dict[str, Any] = {}
        for h in todo:
            if s.operator == "replace":
                params = {"new_value": s.labels.get(h.entity, f"<{h.entity}>")}
            elif s.operator == "mask":
                params = {"masking_char": s.mask_char, "chars_to_mask": h.end - h.start, "from_end": False}
            else:
                params = {"hash_type": s.hash_type, "salt": s.hash_salt}
            operators[h.entity] = OperatorConfig(s.operator, params)
        result = anonymizer.anonymize(
            text=analysis.text,
            analyzer_results=[RecognizerResult(h.entity, h.start, h.end, h.score) for h in todo],
            operators=operators,
            merge_entities_with_spaces=False,
        )
        analysis.cache["redacted"] = result.text
        items = sorted(result.items, key=lambda i: i.start)
        spans = sorted((h.start, h.end) for h in todo)
        replacement = {span: item.text for span, item in zip(spans, items)}
        for i, f in enumerate(findings):
            rep = replacement.get((f.span.start, f.span.end))
            if rep is not None and f.details.get("entity"):
                findings[i] = f.model_copy(update={"replacement": rep})


# --------------------------------------------------------------------------- helpers

# Long posts. A hostile post of 100 kB holds thousands of names, numbers and facts, often in one "sentence";
# every look-up below that would walk the whole post (or sentence, or list of hits) once per hit is made
# by bisection over offsets computed once per post, so the checker stays about linear in the post's length.

_RUN = re.compile(r"\S+")  # the words of str.split() (``re``'s \s is str.isspace)


class _PostIndex:
    """Offsets of one post computed once: its sentences and its words (runs of non-space)."""

    __slots__ = ("text", "_sentence_starts", "_sentences", "sentence_of", "_word_starts", "_word_ends", "first_char", "_leads",
                 "_wordish", "_wordish_starts", "_wordish_ends", "_fillers")

    def __init__(self, analysis: "Analysis") -> None:
        self.text = analysis.text
        self._sentences = analysis.sentences
        self._sentence_starts = analysis.sentence_starts
        self.sentence_of = analysis.sentence_of  # by bisection already
        self._word_starts: list[int] | None = None
        self._word_ends: list[int] = []
        self._leads: dict[tuple, tuple[list[tuple[int, str]], int]] = {}
        self._wordish: list[int] | None = None  # prefix sums: words with a letter or digit
        self._wordish_starts: list[int] = []
        self._wordish_ends: list[int] = []
        self._fillers: dict[frozenset, list[int]] = {}
        self.first_char = len(self.text) - len(self.text.lstrip())  # text[:i].strip() == "" iff i <= first_char

    def previous_sentence(self, a: int) -> tuple[int, int] | None:
        """The last sentence that ends at or before ``a``."""
        i = bisect.bisect_right(self._sentence_starts, a) - 1
        while i >= 0 and self._sentences[i][1] > a:
            i -= 1
        return self._sentences[i] if i >= 0 else None

    def _words(self) -> tuple[list[int], list[int]]:
        if self._word_starts is None:
            spans = [m.span() for m in _RUN.finditer(self.text)]
            self._word_starts = [a for a, _ in spans]
            self._word_ends = [b for _, b in spans]
        return self._word_starts, self._word_ends

    def words_between(self, start: int, end: int) -> int:
        """``len(text[start:end].split())`` without the slice: the words that reach into ``[start, end)``."""
        if start >= end:
            return 0
        starts, ends = self._words()
        return max(0, bisect.bisect_left(starts, end) - bisect.bisect_right(ends, start))

    def words_before(self, offset: int, n: int, start: int = 0) -> list[str]:
        """``text[start:offset].split()[-n:]`` (``n`` > 0) without splitting the whole text before ``offset``."""
        if start >= offset:
            return []
        starts, ends = self._words()
        i = bisect.bisect_right(ends, start)  # the first word that reaches past start
        j = bisect.bisect_left(starts, offset)  # words [i, j) reach into [start, offset)
        return [self.text[max(starts[k], start):min(ends[k], offset)] for k in range(max(i, j - n), j)]

    def stripped_words(self, start: int, end: int, chars: str, n_first: int, n_last: int) -> tuple[list[str], list[str]]:
        """The first ``n_first`` and the last ``n_last`` of ``[w for w in (v.strip(chars).lower() for v in
        text[start:end].split()) if w]``, without splitting ``text[start:end]``. The first words of a
        start are found once (many numbers share a sentence start)."""
        starts, ends = self._words()
        i = bisect.bisect_right(ends, start)  # the first word that reaches past start
        j = bisect.bisect_left(starts, end)  # words [i, j) reach into [start, end)
        if i >= j:
            return [], []
        text = self.text

        def word(k: int) -> str:
            return text[max(starts[k], start):min(ends[k], end)].strip(chars).lower()

        key = (start, chars, n_first)
        lead = self._leads.get(key)
        if lead is None:  # (word index, word) of the first n_first non-empty words after start, up to any end
            lead, k = [], i
            while k < len(starts) and len(lead) < n_first:
                w = text[max(starts[k], start):ends[k]].strip(chars).lower()
                if w:
                    lead.append((k, w))
                k += 1
            self._leads[key] = lead = (lead, k)
        found, scanned = lead
        first = [w for k, w in found if k < j - 1]
        if j - 1 < scanned and len(first) < n_first:  # the last word may be cut off at end
            w = word(j - 1)
            if w:
                first.append(w)
        last: list[str] = []
        k = j - 1
        while k >= i and len(last) < n_last:
            w = word(k)
            if w:
                last.append(w)
            k -= 1
        return first[:n_first], last[::-1]

    def _wordish_runs(self) -> list[int]:
        """Prefix counts of the words with a letter or digit (``_WORDISH``), and their offsets."""
        if self._wordish is None:
            starts, ends = self._words()
            flags = [_WORDISH.search(self.text, a, b) is not None for a, b in zip(starts, ends)]
            self._wordish = [0, *itertools.accumulate(flags)]
            self._wordish_starts = [a for a, f in zip(starts, flags) if f]
            self._wordish_ends = [b for b, f in zip(ends, flags) if f]
        return self._wordish

    def wordish_between(self, start: int, end: int) -> int:
        """``sum(bool(_WORDISH.search(w)) for w in text[start:end].split())`` by prefix sums over the post's words
        (a word cut off by ``start`` or ``end`` is tested again)."""
        if start >= end:
            return 0
        starts, ends = self._words()
        i = bisect.bisect_right(ends, start)
        j = bisect.bisect_left(starts, end)
        if i >= j:
            return 0
        count = self._wordish_runs()
        n = count[j] - count[i]
        if starts[i] < start or (i == j - 1 and ends[i] > end):  # the first word is cut off
            n += (_WORDISH.search(self.text, start, min(ends[i], end)) is not None) - (count[i + 1] - count[i])
        if i < j - 1 and ends[j - 1] > end:  # the last word is cut off
            n += (_WORDISH.search(self.text, starts[j - 1], end) is not None) - (count[j] - count[j - 1])
        return n

    def wordish_reach_before(self, offset: int, n: int) -> int:
        """An offset with at least ``n`` whole words with a letter or digit between it and ``offset`` (0 when
        fewer are there): a span that starts before it holds more than ``n - 1`` of them."""
        self._wordish_runs()
        k = bisect.bisect_right(self._wordish_ends, offset)  # wordish words that end by offset
        return self._wordish_starts[k - n] if k - n >= 0 else 0

    def wordish_reach_after(self, offset: int, n: int) -> int:
        """An offset with at least ``n`` whole words with a letter or digit between ``offset`` and it (the end
        when fewer are there): a span that ends after it holds more than ``n - 1`` of them."""
        self._wordish_runs()
        k = bisect.bisect_left(self._wordish_starts, offset)  # wordish words that start at or after offset
        return self._wordish_ends[k + n - 1] if k + n - 1 < len(self._wordish_ends) else len(self.text)

    def fillers_between(self, fillers: frozenset, start: int, end: int) -> int:
        """About how many filler words (``_without``) start in ``[start, end)``: their matches in the whole post
        (a match at the edge of a slice may differ: callers allow for two more)."""
        if not fillers:
            return 0
        got = self._fillers.get(fillers)
        if got is None:
            got = self._fillers[fillers] = [m.start() for m in _filler_regex(fillers).finditer(self.text)]
        return bisect.bisect_left(got, end) - bisect.bisect_left(got, start)

    def reach_before(self, offset: int, n: int) -> int:
        """An offset at most ``n`` words before ``offset`` (0 when fewer words are there)."""
        starts, _ = self._words()
        j = bisect.bisect_left(starts, offset)
        return starts[j - n] if j - n > 0 else 0

    def reach_after(self, offset: int, n: int) -> int:
        """An offset at least ``n`` words after ``offset`` (the end when fewer words are there)."""
        _, ends = self._words()
        j = bisect.bisect_right(ends, offset)
        return ends[j + n - 1] if j + n - 1 < len(ends) else len(self.text)


def _index(analysis: "Analysis") -> _PostIndex:
    got = analysis.cache.get("_privacy.index")
    if got is None:
        got = analysis.cache["_privacy.index"] = _PostIndex(analysis)
    return got


class _ByStart:
    """Hits (or any objects with ``start``/``end``) in their given order, found by the range of their start."""

    __slots__ = ("items", "starts", "longest", "_above")

    def __init__(self, items) -> None:
        self.items = sorted(items, key=lambda h: h.start)  # stable: the given order among equal starts
        self.starts = [h.start for h in self.items]
        self.longest = max((h.end - h.start for h in self.items), default=0)
        self._above: list[int] | None = None

    def within(self, a: int, b: int) -> list:
        """The items with ``a <= start < b``, in order (as ``[x for x in items if a <= x.start < b]``)."""
        return self.items[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]

    def any_above_info(self, a: int, b: int) -> bool:
        """``any(x.severity > Severity.INFO for x in self.within(a, b))``, by prefix counts (severities are
        read once: build this after they are set)."""
        if self._above is None:
            self._above = [0, *itertools.accumulate(x.severity > Severity.INFO for x in self.items)]
        return self._above[bisect.bisect_left(self.starts, b)] > self._above[bisect.bisect_left(self.starts, a)]

    def spans_near(self, a: int, b: int, start: int, end: int) -> list[tuple[int, int]]:
        """The spans of ``within(a, b)``; more than _RELATED_MAX: the nearest to ``[start, end)`` (``_nearest``)."""
        i, j = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        if j - i <= _RELATED_MAX:
            return [(x.start, x.end) for x in self.items[i:j]]
        k = bisect.bisect_left(self.starts, start, i, j)
        near = self.items[max(i, k - 2 * _RELATED_MAX):min(j, k + _RELATED_MAX)]
        return _nearest([(x.start, x.end) for x in near], start, end)

    def __iter__(self):
        return iter(self.items)


class _Covers:
    """Features (URLs, numbers) sorted by start, with the furthest end reached so far: which of them cover or
    overlap a span, by bisection instead of a walk over all of them per hit."""

    __slots__ = ("items", "starts", "reach")

    def __init__(self, features) -> None:
        self.items = sorted(features, key=lambda f: f.start)
        self.starts = [f.start for f in self.items]
        self.reach = list(itertools.accumulate((f.end for f in self.items), max))

    def covers(self, start: int, end: int) -> bool:
        """Whether one feature holds ``[start, end)`` (``Analysis.inside``)."""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end

    def overlapping(self, start: int, end: int) -> list:
        """The features with ``f.start < end and start < f.end``, in order."""
        i = bisect.bisect_left(self.starts, end) - 1
        out = []
        while i >= 0 and self.reach[i] > start:
            if self.items[i].end > start:
                out.append(self.items[i])
            i -= 1
        return out[::-1]


def _lexicon_range(analysis: "Analysis", lexicon: "Lexicon", start: int = 0, end: int | None = None) -> tuple[list, int, int]:
    """The post's hits of ``lexicon`` (``post_hits``: found once, in order, not overlapping) and the range
    ``[i, j)`` of them that ``lexicon.finditer(analysis, start, end)`` gives, by bisection: asking for one
    sentence after another does not scan the post again, nor walk all its hits."""
    hits = post_hits(analysis, lexicon)
    if not hits:
        return hits, 0, 0
    key = ("_privacy.hit_starts", lexicon)
    got = analysis.cache.get(key)
    if got is None:
        got = analysis.cache[key] = ([h.start for h in hits], [h.end for h in hits])
    starts, ends = got
    i = bisect.bisect_left(starts, start)
    if end is None:
        return hits, i, len(hits)
    return hits, i, max(i, bisect.bisect_right(ends, end))  # ends are in order too: the hits that end by ``end``


def _lexicon_hits(analysis: "Analysis", lexicon: "Lexicon", start: int = 0, end: int | None = None) -> list:
    """``list(lexicon.finditer(analysis, start, end))`` (see ``_lexicon_range``)."""
    hits, i, j = _lexicon_range(analysis, lexicon, start, end)
    return hits[i:j]


def _hit_beside(analysis: "Analysis", lexicon: "Lexicon", start: int, end: int | None, h: "_Hit") -> bool:
    """``any(not (x.start < h.end and h.start < x.end) for x in lexicon.finditer(analysis, start, end))``: a hit
    in the span that does not overlap ``h`` (those that do are next to each other: only they are walked)."""
    hits, i, j = _lexicon_range(analysis, lexicon, start, end)
    if i >= j:
        return False
    starts = analysis.cache[("_privacy.hit_starts", lexicon)][0]
    k = max(i, bisect.bisect_left(starts, h.start) - 1)  # hits before k end before h.start, or k == i
    overlapping = 0
    while k < j and hits[k].start < h.end:
        overlapping += hits[k].end > h.start
        k += 1
    return j - i > overlapping


class _LazyAnonymizer:
    """presidio-anonymizer's engine, imported and built when the first post has data to redact."""

    def __init__(self) -> None:
        self._engine = None
        self._lock = threading.Lock()

    def anonymize(self, **kwargs: Any):
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    from presidio_anonymizer import AnonymizerEngine

                    self._engine = AnonymizerEngine()
        return self._engine.anonymize(**kwargs)


# "Jesse Klaver (GL)": a party abbreviation right after a name marks a politician.
_APPOSITIVE = regex.compile(r"[^\S\n]*,[^\S\n]*(?:(?:de|het|the|our|onze|ons)[^\S\n]+)?")
_NEXT_TOKEN = regex.compile(r"[^\S\n]+([\p{L}.]+)")


def _public_after(text: str, end: int, suffixes: list[str], titles: "Lexicon") -> bool:
    """A role right after the name: a post-nominal ("Tom Hughes MP") or a title after a comma
    ("Sharon Dijksma, burgemeester van Utrecht"; "Jo Smith, the Mayor")."""
    m = _NEXT_TOKEN.match(text, end)
    if m is not None and m.group(1).rstrip(".") in suffixes:
        return True
    # ``_APPOSITIVE.match(text, end)`` with its comma found by hand: ``regex`` looks for a pattern's required
    # character ahead of every match, to the end of the text (a post without commas: the whole post per name)
    q = _LINE_SPACES.match(text, end).end()
    m = _APPOSITIVE_REST.match(text, q + 1) if text[q:q + 1] == "," else None
    if m is None:
        return False
    hits = titles.search_text(text[m.end(): m.end() + 40])
    return bool(hits) and hits[0][0] == 0


_PARTY_AFTER = regex.compile(r"\s*\((?:\p{Lu}[\p{Lu}\p{N}&/-]{1,9}|\p{Lu}\p{Ll}{1,4}\p{Lu}{1,4})\)")
_SPACES = regex.compile(r"\s*")
_LINE_SPACES = regex.compile(r"[^\S\n]*")
_APPOSITIVE_REST = regex.compile(r"[^\S\n]*(?:(?:de|het|the|our|onze|ons)[^\S\n]+)?")  # after its comma


def _party_after(text: str, end: int) -> bool:
    """``_PARTY_AFTER.match(text, end)``, in the few characters it can span after the white space: ``regex``
    looks for a pattern's required "(" ahead of every match, to the end of the text, so a post of names
    without brackets cost the whole post per name."""
    q = _SPACES.match(text, end).end()
    return text[q:q + 1] == "(" and _PARTY_AFTER.match(text, end, q + 12) is not None


# "St Mary's Primary": a name with a possessive 's and a capitalised word after it names a place.
_PLACE_NAME = regex.compile(r"['\u2019]s\s+\p{Lu}")


_DIGIT_RUN_WORDS = 6  # number words in a row that make a written-out number


@functools.lru_cache(maxsize=64)
def _digit_run_regex(words: tuple[str, ...]) -> "regex.Pattern[str] | None":
    """Six or more number words in a row ("nul zes een twee ..."): a number written out."""
    if not words:
        return None
    alt = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    more = _DIGIT_RUN_WORDS - 1
    return regex.compile(rf"(?<![\p{{L}}])(?:{alt})(?:[\s,-]+(?:{alt})){{{more},}}(?![\p{{L}}])", regex.IGNORECASE)


def _digit_words(rules: list["Rule"], lang: str) -> dict[str, str]:
    """Number words -> digits, from the rules' ``params.digit_words`` for this language."""
    out: dict[str, str] = {}
    for rule in rules:
        out.update({k.casefold(): str(v) for k, v in rule.params.get("digit_words", {}).get(lang, {}).items()})
    return out


_ASCII_WORD = re.compile(r"[a-z]+")


def _may_hold_digit_run(text: str, words: dict[str, str]) -> bool:
    """False when ``text`` cannot hold six number words in a row: an ASCII text with fewer than six
    runs of letters that are number words. (Each word of a ``_digit_run_regex`` match is a whole run of
    letters; in ASCII text, case-insensitive means lower-cased. The scan costs ~30 us a post.)"""
    if not text.isascii():
        return True
    return sum(w in words for w in _ASCII_WORD.findall(text.lower())) >= _DIGIT_RUN_WORDS


# Characters the recognizers read as their ASCII form, one for one (so the offset map stays a character map):
# dashes (Word turns " - " into an en dash), the full-width forms ("０６－１２３４５６７８", "ｊａｎ＠ｇｍａｉｌ．ｃｏｍ"),
# the ideographic space, and decimal digits of other scripts.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"
# folded only when a dash stands between digits or a full-width form or another script's digit is there: a
# dash between words ("Amsterdam \u2013 Utrecht") changes no recognizer's match, and folding costs a parse
_FOLD_TRIGGER = regex.compile(rf"\d[^\S\n]?[{_DASHES}][^\S\n]?\d|[\uff01-\uff5e\u3000]|(?![0-9])\p{{Nd}}")


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    """The ASCII character a dash, full-width form or digit stands for (NFKC, one character); else ``c``."""
    if c in _DASHES:
        return "-"
    if c == "\u3000":
        return " "
    if "\uff01" <= c <= "\uff5e":
        return chr(ord(c) - 0xFEE0)
    if c.isdecimal():
        return str(unicodedata.decimal(c, "")) or c
    return c


def _digit_view(text: str, words: dict[str, str]) -> tuple[str, list[int], list[int]] | None:
    """The text without invisible characters, with written-out digits as digits and dashes, full-width forms
    and other scripts' digits folded to ASCII (``_fold_char``), plus an offset map.

    ``starts[i]``/``ends[i]`` are the original span of character ``i``; ``None`` when nothing changes.
    """
    runs = []
    rx = _digit_run_regex(tuple(words))
    if rx is not None and _may_hold_digit_run(text, words):
        runs = [m.span() for m in scan(rx, text, "written-out digits")]
    folds = not text.isascii() and _FOLD_TRIGGER.search(text) is not None
    if not runs and not folds and _INVISIBLE.isdisjoint(text):
        return None
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    for a, b in [*runs, (len(text), len(text))]:
        for j in range(i, a):
            c = text[j]
            if c not in _INVISIBLE:
                chars.append(_fold_char(c) if folds and not c.isascii() else c)
                starts.append(j)
                ends.append(j + 1)
        for m in _LETTERS.finditer(text[a:b]):
            chars.append(words[m.group().casefold()])
            starts.append(a + m.start())
            ends.append(a + m.end())
        i = b
    return "".join(chars), starts, ends


def _gap(text: str, person, start: int, end: int) -> str | None:
    """The text between ``person`` (a hit or a mention) and ``[start, end)``; None when they overlap."""
    if person.end <= start:
        return text[person.end:start]
    if end <= person.start:
        return text[end:person.start]
    return None


_ROLE_JOINERS = frozenset({"van", "voor", "de", "der", "het", "en", "of", "for", "the", "and", "&", "-"})


def _role_tail(tail: str, titles) -> str:
    """The words before a name, or "" when the last role in them belongs to someone else.

    "minister van Financiën", "spokesperson on health, Dr", "Senator from Texas,": the role is this person's.
    A capitalised word after the role and then a lower-case word that joins nothing, as in "Wethouder Yilmaz
    bezocht mevrouw De Wit", shows the role went with the name in between (Yilmaz), not with De Wit.
    """
    hits = titles.search_text(tail)
    if not hits:
        return ""
    named = False  # a capitalised word (another person's name) after the role ...
    for word in tail[hits[-1][1]:].replace(",", " ").replace(":", " ").split():
        if word[:1].isupper():
            named = True
        elif named and word.lower() not in _ROLE_JOINERS:
            return ""  # ... then a verb or an honorific: the role went with that name
    return tail


@functools.lru_cache(maxsize=8)
def _relative_regexes(relatives: tuple[str, ...]) -> tuple["regex.Pattern[str]", "regex.Pattern[str]"]:
    alt = "|".join(regex.escape(w) for w in sorted(relatives, key=len, reverse=True)) or "(?!)"
    # before the office: "dochter van onze", "son of our", "zoon van de"
    before = regex.compile(
        rf"(?<![\p{{L}}])(?:{alt})[^\S\n]+(?:van|of)[^\S\n]+"
        r"(?:(?:onze|ons|de|het|mijn|zijn|haar|hun|the|our|my|his|her|their)[^\S\n]+)?$",
        regex.IGNORECASE,
    )
    # after the office: ", " (the name apposed), the office holder's surname and ", ", or "'s son, "
    after = regex.compile(
        rf"^(?:['\u2019]s[^\S\n]+(?:{alt})|(?:[^\S\n]+(?:\p{{Lu}}\.|\p{{Lu}}[\p{{L}}'-]+|van|de|der|den|ter|ten)){{0,4}})"
        r"[^\S\n]*[,\u2013\u2014][^\S\n]*$",
        regex.IGNORECASE,
    )
    return before, after


def _relative_apposed(text: str, start: int, titles, relatives) -> bool:
    """Whether the name at ``start`` is set after an office held by someone else, as a relative of theirs:
    "De dochter van onze voorzitter, Lisa de Boer", "De zoon van wethouder Kramer, Tom Kramer", "Our chair's
    son, Tom Hale". Without the comma ("de dochter van onze voorzitter Lisa de Boer") the name is the office holder's."""
    if not (relatives.nl or relatives.en):
        return False
    window = text[max(0, start - 90):start]
    hits = titles.search_text(window)
    if not hits:
        return False
    s, e, _ = hits[-1]
    before, after = _relative_regexes(tuple(relatives.both()))
    if after.match(window[e:]) is None:
        return False
    return window[e:e + 1] in ("'", "\u2019") or before.search(window[:s]) is not None


_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
# compiled once: a call such as regex.search(r"...", s) looks its pattern up anew each time (~10 us)
_LETTERS = regex.compile(r"[\p{L}]+")
_LOCAL_PARTS = regex.compile(r"[._-]")
_LOCAL_MARKS = regex.compile(r"[._\d+]")
_PREDICATE_BREAK = regex.compile(r"[,;:!?()\n]")
_CAPITALISED = regex.compile(r"\p{Lu}\p{Ll}+")


def _role_address_of(analysis: "Analysis", address: str, role: dict, names) -> bool:
    """``_role_address``, once per address of a post (a post may repeat one address thousands of times)."""
    key = ("_privacy.role", id(role), address)
    got = analysis.cache.get(key)
    if got is None:
        got = analysis.cache[key] = _role_address(address, role, names)
    return got


def _role_address(address: str, role: dict, names) -> bool:
    """Whether an e-mail address is an organisation's department address ("woz@utrecht.nl",
    "burgerzaken@gemeente.nl") rather than a person's.

    A person's address has a webmail domain, or a local part shaped like a name: a dot, underscore,
    digit or inner capital ("j.devries", "jan_1978", "EmilHenriksson"), or one that is, starts with (4+
    letters) or ends in (after an initial or two) a listed first name or surname ("jan", "jdevries").
    What is left is a word or acronym: a role. When in doubt it is a person's (the default, high).
    """
    from ._privacy_engine import email_name_sets

    local, _, domain = address.rpartition("@")
    domain = domain.lower().rstrip(".")
    if not local or any(domain == d or domain.endswith("." + d) for d in role.get("webmail", ())):
        return False
    parts = [w for w in _LOCAL_PARTS.split(local.lower()) if w]
    if parts and all(w in role.get("words", ()) for w in parts):
        return True  # "planning@", "customer.services@", "klantcontact.centrum@": words for a desk, not a name
    if _LOCAL_MARKS.search(local) or _INNER_CAPITAL.search(local):
        return False
    listed, first = email_name_sets(names)
    low = local.lower()
    if low in listed:
        return False
    if role.get("government") and _government_domain(domain, role["government"]):
        # a public body's domain ("grants@westfield.gov.uk"): a word that is not a name is a desk, even one
        # that starts like a first name ("grants", "Grant"); "jsmith" (an initial and a surname) stays a person's
        return not any(low[k:] in listed for k in (1, 2) if len(low) - k >= 4)
    if any(low[:k] in first for k in range(4, len(low))):
        return False
    return not any(low[k:] in listed for k in (1, 2) if len(low) - k >= 4)


_ORGANISATION_KEYS = frozenset({
    "severity", "message", "words", "unless", "staff", "sentences_before", "sentences_after", "own", "domains",
    "office",
})
_OWN_KEYS = frozenset({"possessive", "nouns", "labels", "after"})


def _check_mapping(value: Any, name: str, keys: frozenset[str], hint: str) -> None:
    """A params block of a rule: a mapping with only the known keys, and its severity, when it has one, valid."""
    if not isinstance(value, dict):
        raise ValueError(f"{name} must be a mapping {hint}")
    unknown = set(value) - keys
    if unknown:
        raise ValueError(f"{name} has unknown keys: {', '.join(sorted(unknown))}")
    _check_severity(value.get("severity"), f"{name}.severity")


def _validate_organisation(org: Any) -> None:
    """``params.organisation``: the words that say a number or account is an organisation's own."""
    _check_mapping(org, "params.organisation", _ORGANISATION_KEYS, "(severity, message, words, sentences_before)")
    for key in ("words", "unless", "staff", "office"):
        words = org.get(key, {"all": []} if key != "words" else None)
        if not (words and _is_word_map(words)):
            raise ValueError(f"params.organisation.{key} must map nl/en/all to lists of words")
    own = org.get("own", {})
    if not isinstance(own, dict) or set(own) - _OWN_KEYS:
        raise ValueError(f"params.organisation.own must be a mapping with {', '.join(sorted(_OWN_KEYS))}")
    for key, words in own.items():
        if not _is_word_map(words, stripped=True):
            raise ValueError(f"params.organisation.own.{key} must map nl/en/all to lists of words")
    _check_domains(org.get("domains", {}), "params.organisation.domains")
    for key in ("sentences_before", "sentences_after"):
        n = org.get(key, 0)
        if not (isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= 3):
            raise ValueError(f"params.organisation.{key} must be an integer from 0 to 3")


_WORD_MAP_KEYS = frozenset({"nl", "en", "all"})


def _is_word_map(spec: Any, languages: frozenset | None = _WORD_MAP_KEYS, stripped: bool = False) -> bool:
    """Whether ``spec`` maps languages (only ``languages``; None: any key) to lists of words (not blank if
    ``stripped``): the shape of every word-list param of a privacy rule."""
    return isinstance(spec, dict) and (languages is None or set(spec) <= languages) and all(
        isinstance(v, list) and all(isinstance(w, str) and (w.strip() if stripped else w) for w in v)
        for v in spec.values()
    )


def _word_set(spec: dict | None, lang: str) -> frozenset[str]:
    """The lower-cased words of a {nl, en, all} word list for one language (for exact, not lexicon, lookups);
    built once per word list (rule params do not change), not once per hit."""
    if not spec:
        return frozenset()
    return per_object(spec, ("word_set", lang),
                      lambda: frozenset(w.lower() for w in [*spec.get("all", []), *spec.get(lang, [])]))


def _words(spec: dict | None, lang: str):
    """The lexicon of a {nl, en, all} word list of a rule's params, for one language."""
    if not spec:
        return lexicon_for(())
    return per_object(spec, ("words", lang), lambda: lexicon_for(tuple([*spec.get("all", []), *spec.get(lang, [])])))


def _any_word(analysis: "Analysis", spec: dict, start: int = 0, end: int | None = None) -> bool:
    """Whether a {nl, en, all} word list has a hit in the post (within ``[start, end)``)."""
    _, i, j = _lexicon_range(analysis, _words(spec, analysis.lang), start, end)
    return j > i


def _beside_a_desk_address(analysis: "Analysis", h: _Hit, desks: _ByStart, someone: bool) -> bool:
    """Whether a phone number shares its sentence with a department e-mail address ("Mail naar
    parkeren@gemeente-zwolle.nl of bel (038) 498 2000") and no private person: the same desk's line.
    ``desks``: the post's department addresses; ``someone``: the number's sentence names a private person."""
    if h.entity != "PHONE_NUMBER":
        return False
    a, b = _index(analysis).sentence_of(h.start)
    if someone:
        return False
    return bool(desks.within(a, b))


def _said_of_organisation(analysis: "Analysis", h: _Hit, org: dict, someone: bool) -> bool:
    """Whether the words around a phone number, e-mail address or account say it is an organisation's own:
    "Bel de gemeente op ...", "Vragen? Bel het Wmo-loket: ...", "Call us on ...", "... t.n.v. Gemeente Dorpen".

    A ``words`` cue before the value, in its sentence or the ``sentences_before`` before it (after it only
    within ``sentences_after``: "NL91 ... t.n.v. CDA Dorpen"), and in the value's sentence no private person
    ("Bel wijkcoach Anja op 06-...", "Contact Sandra Smith on ...") nor an ``unless`` word that points at one
    ("mijn buurman is bereikbaar op ...", "bel hem op ..."). A ``staff`` word anywhere in the post (a vacancy,
    a press contact) makes a named person's number their work line, cue or not.
    """
    a, b = _index(analysis).sentence_of(h.start)
    lang = analysis.lang
    if _hit_beside(analysis, _words(org.get("unless"), lang), a, b, h):
        return False
    if org.get("staff") and _any_word(analysis, org["staff"]):
        return True  # a vacancy or a press contact: the person named gives their work line on purpose
    if org.get("own") and _own_line(analysis, h, org["own"], a):
        return True  # "call Jenny on our volunteering line ...", "Report flooding: ...", "... (24 hrs)"
    if someone:  # a private person (more than a bare listed word) in the value's sentence
        return False
    lo, hi = a, h.start
    for _ in range(int(org.get("sentences_before", 0))):
        if lo == 0:
            break
        lo = _index(analysis).sentence_of(lo - 1)[0]
    if org.get("domains") and _government_in(analysis, org["domains"], lo, b):
        return True  # "Find out if you qualify: business.belfastcity.gov.uk or call ...": a public body's line
    after = int(org.get("sentences_after", 0))
    if after:
        hi = b
        for _ in range(after - 1 if b >= len(analysis.text) else after):
            if hi >= len(analysis.text):
                break
            hi = _index(analysis).sentence_of(hi)[1]
    return _hit_beside(analysis, _words(org.get("words"), lang), lo, hi, h)


def _check_domains(spec: Any, name: str) -> None:
    """A list of domain suffixes ("gov.uk") and label prefixes ("gemeente"): {suffixes: [...], labels: [...]}."""
    if not (isinstance(spec, dict) and set(spec) <= {"suffixes", "labels"} and all(
        isinstance(v, list) and all(isinstance(w, str) and w and " " not in w for w in v) for v in spec.values()
    )):
        raise ValueError(f"{name} must map suffixes and labels to lists of domain parts")


# a domain name or the domain of an address ("business.belfastcity.gov.uk", "grants@westfield.gov.uk")
_DOMAIN = regex.compile(r"(?<![\w.-])[\w-]+(?:\.[\w-]+)+")


def _government_in(analysis: "Analysis", spec: dict, start: int, end: int) -> bool:
    """Whether a ``_DOMAIN`` match of ``text[start:end]`` (``_DOMAIN.finditer(text, start, end)``) is a public
    body's (``_government_domain``), from one scan of the post and one test per domain: a match starts where
    one of the whole post starts (the look-behind sees the same text); one that runs past ``end`` is matched
    again up to it."""
    text = analysis.text
    got = analysis.cache.get("_privacy.domains")
    if got is None:
        spans = [m.span() for m in _DOMAIN.finditer(text)]
        got = analysis.cache["_privacy.domains"] = ([a for a, _ in spans], spans)
    starts, spans = got
    key = ("_privacy.government", id(spec))
    counts = analysis.cache.get(key)
    if counts is None:  # how many public bodies' domains before each one
        counts = analysis.cache[key] = [0, *itertools.accumulate(_government_domain(text[a:b], spec) for a, b in spans)]
    i, j = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    if j > i and spans[j - 1][1] > end:  # only the last one can run past the end
        j -= 1
        m = _DOMAIN.match(text, spans[j][0], end)
        if m is not None and _government_domain(m.group(), spec):
            return True
    return counts[j] > counts[i]


def _government_domain(domain: str, spec: dict) -> bool:
    """Whether a domain is a public body's: it ends in a listed suffix ("leeds.gov.uk") or one of its labels
    starts with a listed word ("gemeente-zwolle.nl")."""
    domain = domain.lower().rstrip(".").rpartition("@")[2]
    if any(domain == s or domain.endswith("." + s) for s in spec.get("suffixes", ())):
        return True
    return any(label.startswith(w) for label in domain.split(".")[:-1] for w in spec.get("labels", ()))


def _own_line(analysis: "Analysis", h: _Hit, own: dict, a: int) -> bool:
    """Whether the words right at a number say it is the organisation's own line, a private person named or not:
    a possessive and a line word just before it ("call Jenny on our volunteering line 01632 ..."), a label
    of the organisation's own service opening the sentence ("Report flooding: 01632 ..."), or a service time
    right after it ("... (24 hrs)", "24/7")."""
    lang = analysis.lang
    text = analysis.text
    pick = lambda key: _word_set(own.get(key), lang)
    # the words before the number in its sentence, stripped of ":,()" (empty ones left out): the last four
    # and the first five are all that is read, so a long sentence is not split again for each number
    first, last = _index(analysis).stripped_words(a, h.start, ":,()", 5, 4)
    nouns, possessive = pick("nouns"), pick("possessive")
    # a line word, or a compound ending in one ("vrijwilligersnummer", "helpline")
    line = bool(last) and any(last[-1] == n or last[-1].endswith(n) and len(last[-1]) > len(n) + 2 for n in nouns)
    if line and possessive.intersection(last[:-1]):
        return True
    labels = pick("labels")
    if labels and first and first[0] in labels and len(first) <= 4 and text[a:h.start].rstrip().endswith(":"):
        return True
    after = own.get("after")
    if after:
        tail = text[h.end:h.end + 24].lstrip(" (,-\u2013").lower()
        return any(tail.startswith(w) for w in _word_set(after, lang))
    return False


def _bare_label(analysis: "Analysis", h: _Hit, anyone: bool) -> bool:
    """"Nieuwe openingstijden Milieustraat: ... Adres: Energieweg 20.": an address after a plain label that
    opens its sentence, in a post that names no private person (``anyone``: it names one above info), is a
    bare address (``params.bare_label``)."""
    label = h.rule.params.get("bare_label")
    if not label or anyone:
        return False
    index = _index(analysis)
    a = index.sentence_of(h.start)[0]
    labels = _word_set(label, analysis.lang)
    if index.words_between(a, h.start) > 1 + max((len(w.split()) for w in labels), default=0):
        return False  # more words before the address than a label and its colon: not a bare label
    head = analysis.text[a:h.start].strip()
    if not (head.endswith(":") and head[:1].isupper()):
        return False  # a post's sentence starts with a capital; a form's field ("address: ...") need not
    return head[:-1].strip().lower() in labels


def _check_severity(value: Any, name: str) -> None:
    try:
        Severity(value)
    except ValueError:
        raise ValueError(f"{name} must be a severity") from None


_HOME_KEYS = frozenset({
    "severity", "words", "visit", "linkers", "identifiable_score", "gap_words", "before_words", "person_message",
    "visit_message", "letter_linkers", "letter_honorifics", "lives", "of", "pressure", "pressure_message", "addressed",
})


def _validate_home(home: Any) -> None:
    """``params.home`` of an address rule: when an address is someone's home, to be kept out (a blocker)."""
    _check_mapping(home, "params.home", _HOME_KEYS, "(severity, words, visit, identifiable_score, ...)")
    for key in ("words", "visit", "linkers", "letter_linkers", "letter_honorifics", "lives", "of", "pressure"):
        words = home.get(key, {"-": ["-"]})
        if not (words and _is_word_map(words, languages=None, stripped=True)):
            raise ValueError(f"params.home.{key} must map languages to lists of words")
    addressed = home.get("addressed", {"salutations": {"-": ["-"]}, "your": {"-": ["-"]}})
    if not (isinstance(addressed, dict) and set(addressed) == {"salutations", "your"} and all(
            v and _is_word_map(v, languages=None, stripped=True) for v in addressed.values())):
        raise ValueError("params.home.addressed must map salutations and your to word lists (nl/en/all)")
    score = home.get("identifiable_score", 0.7)
    if not (isinstance(score, (int, float)) and 0 <= score <= 1):
        raise ValueError("params.home.identifiable_score must be a number between 0 and 1")
    for key in ("gap_words", "before_words"):
        if not (isinstance(home.get(key, 0), int) and home.get(key, 0) >= 0):
            raise ValueError(f"params.home.{key} must be a whole number >= 0")


_HISTORICAL_KEYS = frozenset({"severity", "died_years", "deceased", "message"})


def _validate_historical(spec: Any) -> None:
    _check_mapping(spec, "params.historical", _HISTORICAL_KEYS, "severity, died_years, deceased, message")
    _check_severity(spec.get("severity", "info"), "params.historical.severity")
    years = spec.get("died_years", 20)
    if not (isinstance(years, int) and not isinstance(years, bool) and 0 <= years <= 200):
        raise ValueError("params.historical.died_years must be a whole number of years (0-200)")
    if not _is_word_map(spec.get("deceased", {})):
        raise ValueError("params.historical.deceased must map nl/en/all to lists of words")
    if not isinstance(spec.get("message", ""), str):
        raise ValueError("params.historical.message must be a text")


_DASH_CLASS = "\\-\u2010-\u2015\u2212"
# life years set right after the name: "Aletta Jacobs (1854-1929)", "Drees (1886 – 1988)", ", 1886-1988,"
_LIFE_YEARS = regex.compile(
    rf"[^\S\n]*[(,][^\S\n]*(?:\*[^\S\n]*)?(\d{{3,4}})[^\S\n]*[{_DASH_CLASS}][^\S\n]*(?:\u2020[^\S\n]*)?(\d{{3,4}})[^\S\n]*[),]"
)
# a year of death alone: "(\u2020 1929)", "(overleden 1929)", "(d. 1929)", "(died 1929)"
_DEATH_YEAR = regex.compile(
    r"[^\S\n]*\([^\S\n]*(?:\u2020|(?i:overleden|overl\.|gest\.|died|d\.))[^\S\n]*(?:(?i:in)[^\S\n]+)?(\d{3,4})[^\S\n]*\)"
)
_YEAR = regex.compile(r"(?<![\p{L}\p{N}])(1\d{3}|20\d{2})(?![\p{L}\p{N}])")
_LIFE_SPAN = (15, 120)  # years from birth to death that read as a life, not a term of office ("(2010-2014)")


def _this_year(analysis: "Analysis") -> int:
    """The year the post goes out: its scheduled date, or today."""
    import datetime

    when = getattr(analysis.post, "scheduled", None) if analysis.post is not None else None
    return when.year if when is not None else datetime.date.today().year


@functools.lru_cache(maxsize=8)
def _figures(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(" ".join(n.split()).casefold() for n in names)


def _historical(analysis: "Analysis", start: int, end: int, names, spec: dict, public: bool) -> bool:
    """Whether the person named at ``text[start:end]`` is a historical figure, never a private person: a name of
    ``historical_figures`` in ``_names.yaml`` (also with the title before it: "Koningin Juliana"), life years
    right after the name with a death at least ``died_years`` before the post's year ("Aletta Jacobs
    (1854-1929)", "(\u2020 1929)"), or a word for the dead right before it ("wijlen", "the late"; a title may
    stand between) with a public role or a year that long ago in the sentence ("wijlen premier Drees", "wijlen
    Jan de Vries, die in 1944 ..."). "Wijlen" alone says nothing of how long ago: a resident who died last week
    is still a private person."""
    text = analysis.text
    value = " ".join(text[start:end].split()).casefold()
    figures = _figures(tuple(names.historical_figures))
    index = _index(analysis)
    before = [w.strip("(\"'\u2018\u201c,:") for w in index.words_before(start, 2)]
    if figures and (value in figures or any(" ".join([*before[i:], value]).casefold() in figures for i in range(len(before)))):
        return True
    limit = _this_year(analysis) - int(spec.get("died_years", 20))
    m = _LIFE_YEARS.match(text, end)
    if m is not None:
        born, died = int(m.group(1)), int(m.group(2))
        if _LIFE_SPAN[0] <= died - born <= _LIFE_SPAN[1] and died <= limit:
            return True
    m = _DEATH_YEAR.match(text, end)
    if m is not None and int(m.group(1)) <= limit:
        return True
    deceased = _words(spec.get("deceased"), analysis.lang)
    if not deceased:
        return False
    words = index.words_before(start, 4)
    titles = lexicon_for(tuple(names.public_titles.both()))
    for k in range(len(words)):
        hit = deceased.search_text(" ".join(words[k:]))
        if hit and any(s == 0 for s, _, _ in hit):
            rest = " ".join(" ".join(words[k:])[max(e for s, e, _ in hit if s == 0):].split())
            if rest and not any(s == 0 and e == len(rest) for s, e, _ in titles.search_text(rest)):
                continue  # words between the marker and the name that are no title: "the late shift manager"
            if public or rest:
                return True
            a, b = index.sentence_of(start)
            return any(int(y.group(1)) <= limit for y in _YEAR.finditer(text, a, b))
    return False


def _home_of(analysis: "Analysis", address: _Hit, named: _ByStart, home: dict, after: list[_Hit] = ()) -> str:
    """Why ``address`` is a home to keep out of the post: "person", "visit", or "" (it is not).

    "person": it is said to be the home of an identifiable private person of its sentence, by a residence
    word ("woont", "lives at", "thuisadres") between the name and the address or just before the first of
    them ("het adres van Jan de Vries is ..."). "visit": a residence word stands right before the address
    and the sentence or the next one tells readers to go there ("ga daar maar eens langs", "pop round"),
    whoever lives there, a public figure too (doxing, Sr 285d). A name and an address in one sentence
    without a residence word ("de bibliotheek aan de Dorpsstraat 12 wordt geopend door Jan de Vries") is
    neither.
    """
    text, lang = analysis.text, analysis.lang
    words = lexicon_for(tuple(home["words"].get(lang, ())))
    if not words:
        return ""
    strong = float(home.get("identifiable_score", 0.7))
    gap_words, before_words = int(home.get("gap_words", 8)), int(home.get("before_words", 3))

    index = _index(analysis)

    def said_before(start: int) -> bool:
        return bool(before_words) and bool(words.search_text(" ".join(index.words_before(start, before_words))))

    linkers = {" ".join(w.lower().split()) for w in home.get("linkers", {}).get(lang, ())}
    letter = {" ".join(w.lower().split()) for w in home.get("letter_linkers", {}).get(lang, ())}
    honorifics = {w.lower() for w in home.get("letter_honorifics", {}).get(lang, ())}
    # A name more than ``reach`` words from the address says nothing about it below: a residence word must
    # stand within gap_words, and an envelope's joiner is a linker after an age ("(72)", ", 72,": 3 words).
    # Only the names of the sentence within that reach are looked at, so an address costs the same in a
    # long sentence as in a short one.
    reach = max(gap_words, 3 + max([2, *(len(w.split()) for w in linkers | letter)]))
    a, b = index.sentence_of(address.start)
    people = named.within(max(a, index.reach_before(address.start, reach + 1) - named.longest),
                          min(b, index.reach_after(address.end, reach + 1) + 1))
    enveloped = False  # a private person of any strength with the address set right after the name
    for x in people:
        if x.public:
            continue
        first, last = (x, address) if x.start < address.start else (address, x)
        if index.words_between(first.end, last.start) > reach:
            continue
        gap = text[first.end:last.start]
        # "Peter de Vries (Dorpsstraat 12, ...)", "Tom Walker, 14 Elm Road", "J. Smit van de Kerkweg 8", "Brenda
        # Walsh (72) of 9 Larch Close": the address set right after the name, as on an envelope, is where they live
        short = _AGE_APPOSITION.sub("", gap, count=1) if first is x else gap
        joiner = " ".join(short.lower().split())
        envelope = first is x and (_WORDISH.search(short) is None and len(short.strip()) <= 2 and ")" not in short
                                   or joiner in linkers or joiner in letter and _after_honorific(text, x, honorifics))
        # with a call to go there, any name set against the address counts: "Our neighbour John at 14 Elm Road"
        enveloped = enveloped or envelope or first is x and joiner in letter
        if x.score < strong:
            continue
        if len(gap.split()) <= gap_words and (words.search_text(gap) or said_before(first.start)):
            return "person"
        if envelope:
            return "person"

    # "Eikstraat 4 (fam. Yilmaz)", "9 Oak Street (Mr Grant)": the household named in brackets after the address
    # (looked up past the sentence end: a splitter may end the sentence at "fam.")
    for x in after:
        bracket = _BRACKET_NAME.fullmatch(text, address.end, x.start) if text[x.end:x.end + 1] == ")" else None
        if bracket and not x.public and x.score >= strong and (
            not bracket.group(1) or bracket.group(1).lower().rstrip(".") in honorifics
        ):
            return "person"
    if _letter_to(analysis, address, named, home, strong):
        return "person"  # "Dear Mr Hassan Ali, regarding your arrears at 18 Victoria Road": the addressee's home
    visit = lexicon_for(tuple(home.get("visit", {}).get(lang, ())))
    # "Our neighbour John at 14 Elm Road ... Pop round": a first name set against the address and a call to go there
    # "naar het huis van wethouder De Vos, Berkenstraat 22": the house of whoever is named right before it
    resident = said_before(address.start) or enveloped or _house_of_before(analysis, address, home)
    if visit and resident:
        a, b = _index(analysis).sentence_of(address.start)
        if b < len(text):
            b = _index(analysis).sentence_of(b)[1]  # "Ze woont op de Dorpsstraat 12. Ga daar maar eens langs!"
        if _said_in(analysis, visit, a, b):
            return "visit"
    # "Let's flood @someone's DMs until he quits. He lives at 9 Chapel Row": a home in a post that calls
    # readers to press the one who lives there, wherever in the post the call stands
    if resident and home.get("pressure") and _any_word(analysis, home["pressure"]):
        return "pressure"
    return ""


def _house_of_before(analysis: "Analysis", address: _Hit, home: dict) -> bool:
    """Whether a word for someone's house and "van"/"of" (``home.of``: "het huis van", "the home of") stands
    right before the address with at most a name or a title and a name between, set against it as on an
    envelope ("naar het huis van wethouder De Vos, Berkenstraat 22", "outside the home of Cllr Reid, 14 Elm
    Road"): the address is that person's house, whoever they are. In lower case only: "het Huis van de Wijk,
    Lindelaan 3" names a venue."""
    spec = home.get("of")
    if not spec:
        return False
    index = _index(analysis)
    a = index.sentence_of(address.start)[0]
    lo = max(a, index.reach_before(address.start, _HOUSE_OF_WORDS + 4))
    hits = _lexicon_hits(analysis, _words(spec, analysis.lang), lo, address.start)
    if not hits:
        return False
    last = hits[-1]
    text = analysis.text
    if not text[last.start].islower():
        return False
    between = text[last.end:address.start]
    m = _HOUSE_OF_GAP.fullmatch(between)
    return m is not None and 0 < len(between.split()) <= _HOUSE_OF_WORDS


_HOUSE_OF_WORDS = 4  # "huis van [wethouder] [De] [Vos],": a title and a name of up to three words
# the name (and title) between "het huis van" and the address: words with no sentence mark, then a comma, colon,
# bracket or dash (or nothing) right before the address
_HOUSE_OF_GAP = regex.compile(r"[^\S\n]+(?:[\p{L}'\u2019.-]+[^\S\n]+){0,3}[\p{L}'\u2019-]+[^\S\n]*[,:(\u2013\u2014-]?[^\S\n]*")


def _letter_to(analysis: "Analysis", address: _Hit, named: _ByStart, home: dict, strong: float) -> bool:
    """Whether the post is a letter to an identifiable private person and calls the address theirs: a salutation
    right before the name ("Dear Mr Hassan Ali", "Beste meneer Ahmed Yilmaz", an honorific between;
    ``home.addressed.salutations``) in the post's first sentence or the address's, and a word for "your" among the
    few words before the address in its sentence ("regarding your arrears of £2,340 at Flat 5, 18 Victoria Road",
    "uw aanvraag voor Dorpsstraat 12"; ``home.addressed.your``), with no venue named right before it ("your
    nearest library at 7 Oak Close"). A council answering a resident in public with their address and their
    debt or benefit publishes both."""
    spec = home.get("addressed")
    if not spec or _venue_before(analysis, address):
        return False
    index = _index(analysis)
    a, _ = index.sentence_of(address.start)
    gap_words = int(home.get("gap_words", 8))
    lo = max(a, index.reach_before(address.start, gap_words + 1))
    if not _lexicon_hits(analysis, _words(spec["your"], analysis.lang), lo, address.start):
        return False
    first = index.sentence_of(index.first_char)
    salutations = _words(spec["salutations"], analysis.lang)
    honorifics = {w.lower() for w in home.get("letter_honorifics", {}).get(analysis.lang, ())}
    for x in [*named.within(*first), *(named.within(a, address.start) if a > first[0] else ())]:
        if x.public or x.allowed or x.score < strong or x.start >= address.start:
            continue
        before = [w.strip(",:;") for w in index.words_before(x.start, 2)]
        if before and before[-1].lower().rstrip(".") in honorifics:
            before = before[:-1]  # "Dear Mr Hassan Ali": the honorific outside the name found
        elif len(before) > 1:
            before = before[-1:]
        if before and salutations.search_text(before[-1]):
            return True
    return False


def _said_in(analysis: "Analysis", lexicon: "Lexicon", a: int, b: int) -> bool:
    """``bool(lexicon.search_text(text[a:b]))``, once per span of the post (the addresses or facts of one long
    sentence ask about the same sentence)."""
    key = ("_privacy.said_in", lexicon, a, b)
    got = analysis.cache.get(key)
    if got is None:
        got = analysis.cache[key] = bool(lexicon.search_text(analysis.text[a:b]))
    return got


_PERSONAL_KEYS = frozenset({"severity", "identifiable_score", "words", "linkers", "message", "pressure"})
_PRESSURE_KEYS = frozenset({"words", "calls", "lines", "lines_of", "joiners"})


def _validate_personal(personal: Any) -> None:
    """``params.personal`` of a phone rule: when a number is a named private person's own line (a blocker)."""
    _check_mapping(personal, "params.personal", _PERSONAL_KEYS, "(severity, identifiable_score, linkers, message)")
    score = personal.get("identifiable_score", 0.7)
    if not (isinstance(score, (int, float)) and 0 <= score <= 1):
        raise ValueError("params.personal.identifiable_score must be a number between 0 and 1")
    for key in ("words", "linkers"):
        if not (personal.get(key) and _is_word_map(personal[key], stripped=True)):
            raise ValueError(f"params.personal.{key} must map nl/en/all to lists of words")
    if "pressure" in personal:
        pressure = personal["pressure"]
        _check_mapping(pressure, "params.personal.pressure", _PRESSURE_KEYS, "(words, calls, lines, lines_of, joiners)")
        for key in _PRESSURE_KEYS:
            if not ((key != "words" or pressure.get(key)) and _is_word_map(pressure.get(key, {}), stripped=True)):
                raise ValueError(f"params.personal.pressure.{key} must map nl/en/all to lists of words")
    if not isinstance(personal.get("message", ""), str):
        raise ValueError("params.personal.message must be a string")


# punctuation that may stand between a name and the number set after it ("Anja de Vries: 06-...", "(06-...)")
_ENVELOPE_MARKS = " :,;-\u2013\u2014()/"


def _personal_line(analysis: "Analysis", h: _Hit, people: _ByStart, personal: dict, a: int) -> bool:
    """Whether a phone number is said to be the private line of a named private person of its sentence: a word
    for a private line in the sentence (``words``: "privé", "thuis", "home number", "private") and the number
    set right after an identifiable name, with only punctuation ("Anja de Vries (privé): 06-...") or one of
    ``linkers`` between ("Privé is Anja de Vries bereikbaar op 06-...", "Sandra Smith's home number is ...").
    As a home address said to be a named person's, it is a blocker (doxing, Sr 285d). Without such a word
    it stays high: "Bel Anja de Vries op ...", "Contact Sandra Smith on ..." are mostly a volunteer's or an
    employee's line given on purpose; a first name alone stays high, and an organisation's line
    (``params.organisation``) was made low before this is asked."""
    text, lang = analysis.text, analysis.lang
    b = _index(analysis).sentence_of(h.start)[1]
    if not _any_word(analysis, personal["words"], a, b):
        return False
    linkers = {" ".join(w.lower().split()) for w in _word_set(personal.get("linkers"), lang)}
    strong = float(personal.get("identifiable_score", 0.7))
    reach = 1 + max([0, *(len(w.split()) for w in linkers)])
    index = _index(analysis)
    for x in people.within(max(a, index.reach_before(h.start, reach + 1) - people.longest), h.start):
        if x.public or x.allowed or x.score < strong or x.end > h.start:
            continue
        if index.words_between(x.end, h.start) > reach:
            continue
        joiner = " ".join(text[x.end:h.start].lower().split()).strip(_ENVELOPE_MARKS)
        if not joiner or joiner in linkers:
            return True
    return False


def _pressed_line(analysis: "Analysis", policy: "Policy", h: _Hit, named: _ByStart, personal: dict, a: int) -> bool:
    """Whether a phone number is a named private person's, in a post that calls readers to press them: a blocker,
    as their home address with a call to go there (doxing, Sr 285d; ``params.personal.pressure``).

    The call: a word of ``words`` anywhere in the post ("bel haar zelf maar", "spam dit account", "give him
    hell", "make sure he doesn't sleep"), or a weaker one of ``calls`` ("go for it", "ga je gang", "je weet wat je
    moet doen") with a word for the person's own line. The number is theirs when it is set right after an
    identifiable private name with only punctuation or a linker of ``params.personal`` between (as in
    ``_personal_line``; with a weak call only after a word of ``lines_of`` before the name: "het 06 van Henk
    Vermeulen: 06-..."), or when a word of ``lines`` stands right before it ("His mobile is ...", "Zijn nummer:
    ...", a ``joiners`` word at most between) and the nearest name or @handle before it, in its sentence or
    the one before, is an identifiable private person's or a handle ("Spam dit account: @x ... Zijn nummer:
    ..."). Without a call a named person's number stays high: "Bel Anja de Vries op ..." is mostly a
    volunteer's or an employee's line, and "tell him what you think" of a public figure is politics."""
    spec = personal.get("pressure")
    if not spec:
        return False
    pressed = _any_word(analysis, spec["words"])
    if not (pressed or (spec.get("calls") and _any_word(analysis, spec["calls"]))):
        return False
    text, lang = analysis.text, analysis.lang
    index = _index(analysis)
    strong = float(personal.get("identifiable_score", 0.7))
    linkers = {" ".join(w.lower().split()) for w in _word_set(personal.get("linkers"), lang)}
    reach = 1 + max([0, *(len(w.split()) for w in linkers)])
    for x in named.within(max(a, index.reach_before(h.start, reach + 1) - named.longest), h.start):
        if x.public or x.allowed or x.score < strong or x.end > h.start:
            continue
        if index.words_between(x.end, h.start) > reach:
            continue
        joiner = " ".join(text[x.end:h.start].lower().split()).strip(_ENVELOPE_MARKS)
        if (not joiner or joiner in linkers) and (pressed or _word_right_before(analysis, spec.get("lines_of"), x.start, a)):
            return True
    line = _line_word_before(analysis, spec, h, a, pressed)
    if line is None:
        return False
    prev = index.previous_sentence(a)
    lo = prev[0] if prev else a
    people = [x for x in named.within(lo, line) if x.end <= line]
    handles = [m for m in analysis.mentions if lo <= m.start and m.end <= line and not policy.allow.allows_handle(m.text)]
    nearest = max([*people, *handles], key=lambda x: x.start, default=None)
    if nearest is None:
        return False
    if not isinstance(nearest, _Hit):
        return True  # "Spam dit account: @x ... Zijn nummer: ...": the account readers are told to press
    return not (nearest.public or nearest.allowed) and nearest.score >= strong


def _word_right_before(analysis: "Analysis", spec: dict | None, start: int, a: int) -> bool:
    """Whether a word of ``spec`` ends right before ``start`` (at most two words between, no punctuation):
    "het 06 van Henk Vermeulen", "het nummer van onze buurman Piet"."""
    if not spec:
        return False
    index = _index(analysis)
    hits = _lexicon_hits(analysis, _words(spec, analysis.lang), max(a, index.reach_before(start, 6)), start)
    if not hits:
        return False
    between = analysis.text[hits[-1].end:start]
    return len(between.split()) <= 2 and not any(c in between for c in ",;:.!?()")


def _line_word_before(analysis: "Analysis", spec: dict, h: _Hit, a: int, pressed: bool) -> int | None:
    """The start of a word for a person's own line right before the number ("His mobile is 07700 ...", "Zijn
    nummer: 06-...", "ring him yourself on ..."; ``pressure.lines``), with only punctuation or a word of
    ``pressure.joiners`` ("is", "hier") between; None when there is none."""
    lines = spec.get("lines")
    if not lines:
        return None
    index = _index(analysis)
    hits = _lexicon_hits(analysis, _words(lines, analysis.lang), max(a, index.reach_before(h.start, 8)), h.start)
    if not hits:
        return None
    last = hits[-1]
    joiner = " ".join(analysis.text[last.end:h.start].lower().split()).strip(_ENVELOPE_MARKS)
    joiners = {" ".join(w.lower().split()) for w in _word_set(spec.get("joiners"), analysis.lang)}
    return last.start if not joiner or joiner in joiners else None


# an e-mail address in plain form (the personal pattern without its list of role parts)
_ANY_EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]+@(?:[\w-]+\.)+[A-Za-z]{2,24}(?![\w-])")


def _unreported_desks(analysis: "Analysis", hits: list[_Hit], rules: list["Rule"], names) -> list[_Span]:
    """The post's e-mail addresses that no e-mail pattern reported and that are a department's (``_role_address``
    with the e-mail rule's ``params.role``): the personal pattern leaves info@, griffie@, press@ ... out as never
    a person's, so they are no hits, yet a number in the same sentence is that desk's line ("Meld je aan bij de
    griffie: griffie@dorpen.nl of 0523 - 68 12 00"; ``_beside_a_desk_address``)."""
    text = analysis.text
    if "@" not in text or not any(h.entity == "PHONE_NUMBER" for h in hits):
        return []
    role = next((r.params["role"] for r in rules
                 if r.params.get("entity") == "EMAIL_ADDRESS" and isinstance(r.params.get("role"), dict)), None)
    if role is None:
        return []
    found = _Covers([x for x in hits if x.entity == "EMAIL_ADDRESS"])
    return [_Span(*m.span()) for m in _ANY_EMAIL.finditer(text)
            if not found.overlapping(*m.span()) and _role_address_of(analysis, m.group(), role, names)]


def _office_line(analysis: "Analysis", h: _Hit, org: dict, named: _ByStart, names, someone: bool) -> bool:
    """"Senator Whitfield voted to cut school lunches. Call his office and tell him so: (202) 224-3121", "Bel zijn
    ministerie", "Bel het fractiebureau en zeg hem dat: ...": a word for an office holder's office before the number
    in its sentence (``organisation.office``) and a public figure (a role or a party with the name, or a title and
    a surname) named in that sentence or the one before: the office's public line, whatever "his" or "him" says
    (the ``unless`` words of ``_said_of_organisation``). Not with a private person in the sentence (``someone``)
    nor a word of a private line there ("at home", "privé": ``params.personal.words``)."""
    spec = org.get("office")
    if not spec or someone or h.entity != "PHONE_NUMBER":
        return False
    index = _index(analysis)
    a, b = index.sentence_of(h.start)
    if not _hit_beside(analysis, _words(spec, analysis.lang), a, h.start, h):
        return False
    personal = h.rule.params.get("personal")
    if personal and _any_word(analysis, personal["words"], a, b):
        return False
    prev = index.previous_sentence(a)
    lo = prev[0] if prev else a
    if any(x.public for x in named.within(lo, b)):
        return True
    return any(lo <= t.start < b for t in _titled_names(analysis, names))


# the opening bracket (and an honorific the name finder left out) between an address and the name after it
_BRACKET_NAME = regex.compile(r"[^\S\n]*\([^\S\n]*(?:(\p{L}{1,8}\.?)[^\S\n]+)?")


def _after_honorific(text: str, x: _Hit, honorifics: set[str]) -> bool:
    """Whether the name ``x`` follows (or opens with) one of ``honorifics`` ("Mrs Green", "mevrouw Jansen")."""
    words = text[max(0, x.start - 12):x.start].split()[-1:] + text[x.start:x.end].split()[:1]
    return any(w.lower().rstrip(".") in honorifics for w in words)


_OPENER = regex.compile(r"\s*([\p{L}]+)")
# the last clause mark before a fact, with no other mark after it: the clause the fact stands in opens there
_CLAUSE_MARK = regex.compile(r"[:;,\u2013\u2014](?=[^:;,\u2013\u2014]*$)")


def _carried_over(analysis: "Analysis", text: str, start: int, end: int, people: _ByStart, pronouns, link,
                  strong: float, fillers: frozenset = frozenset()) -> list[_Hit]:
    """"Gisteren overleed Gerrit Hendriks. Hij had kanker.", "Pieter de Boer reed een fietser aan. Hij zit nu
    vast.": a sentence that opens with a personal pronoun linked to the fact speaks of the one private person
    identified in the sentence before it (two or more people there: nobody can tell whom it means)."""
    index = _index(analysis)
    a, _ = index.sentence_of(start)

    def pronoun_at(opener) -> "_Span | None":
        """The opener as a span when it is a whole pronoun linked to the fact."""
        if not opener:
            return None
        word = _Span(opener.start(1), opener.end(1))
        hits = pronouns.search_text(text[word.start : word.end])
        if not hits or hits[0][1] - hits[0][0] != word.end - word.start or not _linked(
            text, start, end, word, link, fillers=fillers, index=index
        ):
            return None
        return word

    # "Vrijwilliger Piet Smit komt niet: hij ligt in het ziekenhuis": a pronoun opening a clause after a colon,
    # semicolon, comma or dash of the same sentence speaks of the one private person before that mark
    mark = _CLAUSE_MARK.search(text[max(a, start - 200):start])
    if mark is not None:
        cut = max(a, start - 200) + mark.start()
        if pronoun_at(_OPENER.match(text, cut + 1, start)) is not None:
            before = {(x.start, x.end): x for x in people.within(a, cut) if x.end <= cut}
            strong_ones = [x for x in before.values() if x.score >= strong]
            if len(strong_ones) == 1 and len(before) == 1:
                return strong_ones
    if a == 0 or pronoun_at(_OPENER.match(text, a, start)) is None:
        return []
    previous = index.previous_sentence(a)
    if previous is None:
        return []
    pa, pb = previous
    before = {(x.start, x.end): x for x in people.within(pa, pb)}
    strong_ones = [x for x in before.values() if x.score >= strong]
    return strong_ones if len(strong_ones) == 1 and len(before) == 1 else []


@functools.lru_cache(maxsize=8)
def _hyphen_heads(heads: tuple[str, ...]) -> "regex.Pattern[str] | None":
    """A hyphen and one of ``params.hyphen_heads`` right after a fact ("-onderzoek", "-zorg")."""
    if not heads:
        return None
    alt = "|".join(regex.escape(h) for h in sorted(heads, key=len, reverse=True))
    return regex.compile(rf"-(?:{alt})(?![\p{{L}}])", regex.IGNORECASE)


def _titled_names(analysis: "Analysis", names) -> list[_Span]:
    """"Wethouder Kramer", "Cllr Harris", "minister De Jonge": a public title and a capitalised surname (with
    initials or a tussenvoegsel), which the name finder leaves out when the surname stands alone. Used only to
    link a sensitive fact to a public figure, never reported."""
    key = "_privacy.titled"
    got = analysis.cache.get(key)
    if got is None:
        rx = _titled_regex(tuple(names.public_titles.both()), tuple(names.particles), frozenset(names.not_surnames))
        got = analysis.cache[key] = [
            _Span(*m.span(1)) for m in rx.finditer(analysis.text)
            if m.group(2) not in names.not_surnames and m.group(2) not in names.not_names
        ]
    return got


@functools.lru_cache(maxsize=8)
def _titled_regex(titles: tuple[str, ...], particles: tuple[str, ...], _stop: frozenset) -> "regex.Pattern[str]":
    alt = "|".join(regex.escape(t) for t in sorted(titles, key=len, reverse=True))
    part = "|".join(regex.escape(t) for t in sorted(particles, key=len, reverse=True))
    return regex.compile(
        rf"(?<![\p{{L}}])(?i:{alt})(?![\p{{L}}])[^\S\n]+((?:\p{{Lu}}\.[^\S\n]?)*(?:(?i:{part})[^\S\n]+)*"
        rf"(\p{{Lu}}\p{{Ll}}+)(?:-\p{{Lu}}\p{{Ll}}+)?)(?![\p{{L}}])"
    )


# Facts that name a place ("ligt in het Antoniusziekenhuis", "is in St Thomas' Hospital"): a name inside the
# fact is the place's, not the person's the fact is about.
_PLACE_FACTS = frozenset({"hospital"})

# How far a fact reaches for the person it is said of, in words between them: the longest link below is a
# closed clause of at most _CLAUSE_WORDS words and a predicate of at most 8 (filler words left out), so 60
# leaves room for a score of fillers; a name further away is not linked (in a long post, only the names
# within reach are tried, not every name of the post).
_LINK_WORDS = 60
# A finding points at most at this many related spans (the nearest): a post with a thousand phone numbers
# does not give each fact a thousand related spans.
_RELATED_MAX = 10


def _nearest(spans: list[tuple[int, int]], start: int, end: int, ordered: bool = False) -> list[tuple[int, int]]:
    """``spans`` itself when there are at most _RELATED_MAX, else the _RELATED_MAX nearest to ``[start, end)`` in
    the post's order. ``ordered``: the spans are sorted by start (the nearest are found by bisection)."""
    if len(spans) <= _RELATED_MAX:
        return spans
    if ordered:
        i = bisect.bisect_left(spans, (start, -1))
        spans = spans[max(0, i - _RELATED_MAX):i + _RELATED_MAX]
    near = sorted(spans, key=lambda sp: (max(0, sp[0] - end, start - sp[1]), sp))[:_RELATED_MAX]
    return sorted(near)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


_CLAUSE_OPENERS = ("(", ",", "\u2013", "\u2014", "-")
_PLACE_WORDS = regex.compile(r"(?:uit|from|of)[^\S\n]")


def _may_link(index: _PostIndex, text: str, start: int, end: int, person, adjacent: bool, fillers: frozenset) -> bool:
    """False when ``_linked`` is certainly False for these two, from word counts alone (no slicing): between
    a fact and a name after it at most 6 words with letters or digits (3 for a handle); between a name and
    the fact after it the same, unless an apposition or clause opens the gap ("(72)", ", die ...", " - ",
    "uit Leeds"): then at most 4 + _CLAUSE_WORDS + 8; and a filler word left out ("al jaren") may make room
    for two more. In a long post most names near a fact are ruled out here, at the cost of two bisections."""
    if not (person.end <= start or end <= person.start):
        return True  # they overlap
    if not adjacent or end <= person.start:
        a, b = (person.end, start) if person.end <= start else (end, person.start)
        return index.wordish_between(a, b) <= (6 if adjacent else 3)
    words = index.wordish_between(person.end, start)
    if words <= 6:
        return True
    limit = min(start, person.end + 64)
    q = _SPACES.match(text, person.end, limit).end()  # the gap's first character that is no space
    opens = (q == limit and limit < start) or text.startswith(_CLAUSE_OPENERS, q, start) or (
        _PLACE_WORDS.match(text, q, start) is not None)
    room = (4 + _CLAUSE_WORDS + 8 if opens else 6) + 2 * (index.fillers_between(fillers, person.end, start) + 2)
    return words <= room


def _linked(text: str, start: int, end: int, person, link, adjacent: bool = True,
            fillers: frozenset = frozenset(), index: "_PostIndex | None" = None, speech=None, source=None) -> bool:
    """Whether a fact at ``[start, end)`` is said about ``person`` (a hit or a mention): adjacent, or joined by a link word.

    Replies open with @handles and address people with them, so for a handle only a link word counts.
    Between a name and the fact after it, an age or a place set against the name ("Dhr. Kuipers (72) uit
    Oosterhout is ...") and filler words ("vecht momenteel tegen") do not count, and a relative clause
    speaks of the name: the fact inside it with a link word ("Laura, who is HIV positive"), or the link
    after it ("Tom, who many of you know from the lunch club, has been diagnosed with ...").
    A word of ``speech`` between a name and the fact after it ("Mayor Reed said the man was arrested",
    "Burgemeester Halsema zei dat de verdachte is aangehouden") makes the fact what they report, about someone
    else, unless its clause opens with he or she ("Tom Hale says he was arrested"); not inside a relative clause
    about the name ("Tom, who says he is tired, has ..."). So does a word of ``source`` right before the name, a
    title at most between ("Volgens burgemeester Halsema is de verdachte aangehouden": the mayor is the source).
    """
    gap = _gap(text, person, start, end)
    if gap is None:
        return True
    if adjacent and person.end <= start:
        raw = gap
        gap = _AGE_APPOSITION.sub("", gap, count=1)
        gap = _PLACE_APPOSITION.sub("", gap, count=1)
        if _after_closed_clause(gap, link, fillers):
            return True  # "Kees Verhoef, die al jaren ... helpt, is vorige maand opgenomen met ..."
        m = _RELATIVE.match(gap)
        if m is None and speech is not None and (_reports_another(gap, speech) or _is_source(text, person, source, index)):
            return False
        if m is not None:
            clause, comma, after = gap[m.end():].partition(",")
            if not comma:  # the fact inside the clause
                return len(clause.split()) <= 8 and bool(
                    link.search_text(clause) or link.search_text(_without(clause, fillers)))
            if len(clause.split()) > 12:
                return False
            gap = after
        short = _without(gap, fillers)
        if short != gap and sum(bool(_WORDISH.search(w)) for w in short.split()) <= 6 and _link_after_breaks(short, link):
            return True  # "Henk vecht al jaren tegen leukemie": the link once the fillers are left out
        if gap != raw and sum(bool(_WORDISH.search(w)) for w in gap.split()) <= 6 and _link_after_breaks(gap, link):
            return True  # "Dhr. Kuipers (72) uit Oosterhout is herstellende van ...", "Tom, who ..., has been ..."
        gap = raw if m is None else gap
    if sum(bool(_WORDISH.search(w)) for w in gap.split()) > (6 if adjacent else 3):  # a lone comma is no word
        return False
    # "Emma (7)", "Jan, moslim": only punctuation between the two is an apposition.
    if adjacent and _WORDISH.search(gap) is None:
        return True
    if _link_after_breaks(gap, link):
        return True
    # "Vandaag overleed Gerrit Hendriks (82) aan longkanker", "Sinds maart kampt Jan Smit met ...": the verb
    # of a link stands right before the name (Dutch inversion) and the rest of it, if any, in the gap.
    if not adjacent or person.end > start:
        return False
    rest = _AGE_APPOSITION.sub("", gap, count=1).strip()
    verb = index.words_before(person.start, 1) if index is not None else text[: person.start].split()[-1:]
    if verb and verb[0].lower() in _INVERSION_AUX and _participle_at_end(text, end, rest):
        return True  # "Vorige week is Sjaak Dekker uit de Kerkstraat door de politie aangehouden."
    if not verb or len(rest.split()) > 2:
        return False
    phrase = f"{verb[0]} {rest}".strip()
    return any(s == 0 and phrase[e:].strip().lower() in _ARTICLES for s, e, _ in link.search_text(phrase))


_ARTICLES = frozenset({"", "een", "de", "het", "a", "an", "the"})
_SELF = frozenset({"hij", "zij", "ze", "he", "she", "i", "ik"})  # a reported clause about its speaker
_THAT = frozenset({"dat", "that"})


_ACTIVE_WORDS = 8  # how far before a participle its active auxiliary is looked for


def _active_agent(text: str, start: int, aux: frozenset) -> int | None:
    """The sentence start of a clause where an active auxiliary ("heeft", "hebben") stands within a few words
    before the participle at ``start`` ("Jan de Vries heeft het geweld veroordeeld"), and no passive one ("is",
    "werd") between: the names before it did the deed; None when there is none."""
    if not aux:
        return None
    a = max(0, text.rfind("\n", 0, start) + 1)
    for mark in ".!?;":
        a = max(a, text.rfind(mark, 0, start) + 1)
    words = text[a:start].split()[-_ACTIVE_WORDS:]
    lowered = [w.strip(",:()\"'").lower() for w in words]
    hits = [i for i, w in enumerate(lowered) if w in aux]
    if not hits or any(w in _PASSIVE_AUX for w in lowered[hits[-1]:]):
        return None
    return a


_PASSIVE_AUX = frozenset({"is", "was", "werd", "wordt", "worden", "werden", "zijn", "waren", "geweest"})
_TIGHT_KEYS = frozenset({"words", "gap", "stop", "agent"})


def _validate_tight(spec: Any) -> None:
    if not isinstance(spec, dict) or set(spec) - _TIGHT_KEYS or "words" not in spec:
        raise ValueError("params.public_figure_link must be a mapping with words, gap and stop")
    if not all(_is_word_map(spec.get(k, {})) for k in ("words", "stop", "agent")):
        raise ValueError("params.public_figure_link.words, .stop and .agent must map nl/en/all to lists of words")
    gap = spec.get("gap", 3)
    if not (isinstance(gap, int) and not isinstance(gap, bool) and 1 <= gap <= _LINK_WORDS):
        raise ValueError(f"params.public_figure_link.gap must be a whole number of words (1-{_LINK_WORDS})")


def _tight_spec(spec: dict | None, lang: str) -> tuple | None:
    """``params.public_figure_link`` for one language: (link phrases, gap, stop words), or None."""
    if not spec:
        return None
    phrases = tuple(" ".join(w.lower().split()) for w in [*spec["words"].get("all", []), *spec["words"].get(lang, [])])
    stop = frozenset(w.lower() for w in [*spec.get("stop", {}).get("all", []), *spec.get("stop", {}).get(lang, [])])
    agent = frozenset(w.lower() for w in [*spec.get("agent", {}).get("all", []), *spec.get("agent", {}).get(lang, [])])
    return phrases, int(spec.get("gap", 3)), stop, agent


def _tightly_linked(text: str, start: int, person, tight: tuple, fillers: frozenset) -> bool:
    """A fact after a public figure's name, joined as a record is ("Wethouder Jansen is vorig jaar veroordeeld",
    "Cllr Harris was convicted", "Wethouder Kramer zat twee jaar vast"): only a phrase of ``params.public_figure_link``
    (a passive or "zat"/"kreeg") opening the gap, at most ``gap`` words in all once fillers and a passive's agent
    ("door de politie", "by police": ``agent`` and at most two words after it) are left out, and no
    stop word ("is voorstander van een taakstraf", "is glad the vandals were arrested"). Officials speak of arrests
    and sentences all the time: "heeft de rellen veroordeeld" (condemned) is no record."""
    if person.end > start:
        return False  # the fact before the name ("Veroordeeld: wethouder Jansen"): not read for a public figure
    phrases, gap, stop, agent = tight
    words = [w.strip(",;:()\"'").lower() for w in _without(text[person.end:start], fillers).split()]
    words = [w for w in words if w]
    for i, w in enumerate(words):  # a passive's agent before the participle: "is door de politie aangehouden"
        if w in agent and 0 < i and len(words) - i <= 3:
            words = words[:i]
            break
    if not words:
        return True  # "Wethouder Kramer zat twee jaar vast": the fact's own pattern holds the verb
    if len(words) > gap or stop.intersection(words):
        return False
    joined = " ".join(words)
    return any(joined == ph or joined.startswith(ph + " ") for ph in phrases)


def _is_source(text: str, person, source, index: "_PostIndex | None") -> bool:
    """Whether a word of ``source`` ("volgens", "according to") stands right before ``person``, with at most two
    words and no punctuation between ("Volgens burgemeester Halsema ...", "According to Cllr Harris ...")."""
    if source is None or index is None:
        return False
    before = " ".join(index.words_before(person.start, 4))
    hits = source.search_text(before)
    if not hits:
        return False
    rest = before[max(e for _, e, _ in hits):]
    return len(rest.split()) <= 2 and not any(c in rest for c in ",;:.!?()")


def _reports_another(gap: str, speech) -> bool:
    """Whether ``gap`` (name to fact) holds a word of ``speech`` whose clause does not open with he, she or I:
    "said the man was", "zei dat de verdachte is" (someone else's fact), not "says he was", "zei dat hij"."""
    hits = speech.search_text(gap)
    if not hits:
        return False
    words = gap[max(e for _, e, _ in hits):].split()
    while words and words[0].lower().strip(",:") in _THAT:
        words = words[1:]
    return not (words and words[0].lower().strip(",:") in _SELF)
# Dutch inversion: an auxiliary before the name, the participle (the fact) closing the clause, and only a few
# words of a prepositional phrase between ("Vorige week is Sjaak Dekker uit de Kerkstraat door de politie
# aangehouden", "Gisteren werd Jan Smit in Utrecht opgepakt")
_INVERSION_AUX = frozenset({"is", "was", "werd", "wordt", "heeft", "had"})
_INVERSION_WORDS = 6  # as many as _may_link lets through
# a Dutch past participle: "aangehouden", "opgepakt", "gearresteerd", "veroordeeld", "opgenomen"
_PARTICIPLE = regex.compile(r"(?i:\p{L}*ge\p{L}+|(?:be|ver|ont|her|er)\p{L}+)(?:d|t|en)")
_CLAUSE_END = regex.compile(r"[^\S\n]*(?:[.!?;,:)\n]|$)")


def _participle_at_end(text: str, end: int, gap: str) -> bool:
    """Whether the fact ending at ``end`` closes its clause and the gap from the name is one short phrase: no
    punctuation, no word that opens another clause, at most _INVERSION_WORDS words."""
    last = text[max(0, end - 30):end].split()[-1:]
    if not last or _PARTICIPLE.fullmatch(last[0]) is None:
        return False  # "Vandaag is Jan Smit aanwezig bij de lezing over diabetes": a noun, no participle
    if _CLAUSE_END.match(text, end) is None or _PREDICATE_BREAK.search(gap) or _CLAUSE_BREAK.search(gap):
        return False
    return 0 < len(gap.split()) <= _INVERSION_WORDS

# the town set against a name: "Dhr. Kuipers (72) uit Oosterhout is ...", "Jane Cole from Leeds has ..."
_PLACE_APPOSITION = regex.compile(r"^[^\S\n]*,?[^\S\n]*(?:uit|from|of)[^\S\n]+\p{Lu}[\p{L}'-]+(?:[^\S\n]*,)?")
# a relative clause opening right after the name: "Laura, who ...", "Bram de Jong, die ..."
_RELATIVE = regex.compile(r"^[^\S\n]*[,\u2013\u2014-][^\S\n]*(?:who|die|wie)[^\S\n]+", regex.IGNORECASE)

# A relative clause or an apposition with one that belongs to the name and is closed again, however long:
# "Kees Verhoef, die al jaren in de Lindelaan woont en ... helpt, is ...", "Gary Holt, the man who runs the
# chip shop ... and coaches the under-12s, served ...". No comma, colon, bracket or sentence end inside it
# (then it would not be one clause), at most _CLAUSE_WORDS words.
_CLOSED_CLAUSE = regex.compile(
    r"^[^\S\n]*(?:[,\u2013\u2014]|[^\S\n]-)[^\S\n]*"
    r"(?:(?:the|a|an|our|my|de|het|een|onze|ons|mijn)[^\S\n]+(?:[\p{L}'-]+[^\S\n]+){0,3})?"
    r"(?:who|that|die|dat|wie)[^\S\n]+[^,;:!?()\[\]\n\u2013\u2014]{1,240}?[^\S\n]*(?:,|[\u2013\u2014]|[^\S\n]-[^\S\n])",
    regex.IGNORECASE,
)
_CLAUSE_WORDS = 30
# words that start another clause: after one, the fact may be about someone or something else
_CLAUSE_BREAK = regex.compile(
    r"(?<![\p{L}])(?:en|maar|want|omdat|dat|die|wie|terwijl|zodat|and|or|but|because|that|who|which|while)(?![\p{L}])",
    regex.IGNORECASE,
)


def _link_after_breaks(gap: str, link) -> bool:
    """A link word in ``gap`` after the last word that starts another clause: "Jan Smit is worried and people
    with depression wait" links nothing; "Gordon Pike, the resident who was sectioned" links."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(gap)]
    return bool(link.search_text(gap[breaks[-1]:] if breaks else gap))


def _after_closed_clause(gap: str, link, fillers: frozenset) -> bool:
    """Whether ``gap`` (name to fact) is a closed relative clause or apposition (``_CLOSED_CLAUSE``) and then the
    name's own predicate: the fact right after the clause ("..., served three years for burglary"), or a link
    word opening the predicate and the fact within a few words, in the same clause ("..., is vorige maand
    opgenomen met een zware depressie"). A predicate that opens with another verb ("..., zegt dat zijn broer
    kanker heeft") or runs into another clause is not the name's."""
    m = _CLOSED_CLAUSE.match(gap)
    if m is None or len(gap[:m.end()].split()) > _CLAUSE_WORDS:
        return False
    rest = _without(gap[m.end():], fillers).strip()
    if not rest:
        return True
    if _PREDICATE_BREAK.search(rest) or _CLAUSE_BREAK.search(rest) or len(rest.split()) > 8:
        return False
    return any(s == 0 for s, _, _ in link.search_text(rest))


_WORDISH = regex.compile(r"[\p{L}\p{N}]")


@functools.lru_cache(maxsize=16)
def _filler_regex(fillers: frozenset) -> "regex.Pattern[str]":
    alt = "|".join(regex.escape(w) for w in sorted(fillers, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}])(?:{alt})(?![\p{{L}}])[^\S\n]*", regex.IGNORECASE)


def _without(gap: str, fillers: frozenset) -> str:
    """``gap`` without the filler words of ``params.fillers`` ("momenteel", "al jaren", "currently")."""
    return _filler_regex(fillers).sub("", gap) if fillers else gap


# a capitalised word that may repeat a first name: not run into a letter, a digit or a capitalised word after it
_ECHO_WORD = regex.compile(r"(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}]|[^\S\n]+\p{Lu})")


def _echoes(text: str, people: list[_Hit], strong: float = 0.7) -> list[_Hit]:
    """The first name of a private person named in full, repeated later in the post ("Ms Laura Kenny. Laura, who
    ...", "Tom Harding - Tom, who ..."): the same person, as identifiable as the full name. Not reported (the
    full name is), only used to link facts and addresses to that person.

    One scan of the post for every candidate word, and each repeat once per person it echoes: a full name
    written again ("Jan de Vries ... Jan de Vries ... Jan") adds no second echo of the same kind, so a post
    of many repeated names is linear, not quadratic, in its length.
    """
    strong_ones = sorted((y.start, y.end) for y in people if y.score >= strong)
    if not strong_ones:
        return []
    names_of: dict[str, set[str]] = {}  # first word -> the full names of strong people that start with it
    for y in people:
        if y.score >= strong:
            first = text[y.start:y.end].split()[:1]
            if first:
                names_of.setdefault(first[0], set()).add(text[y.start:y.end])
    todo = []
    for x in people:
        words = text[x.start:x.end].split()
        if x.score < strong or len(words) < 2 or _CAPITALISED.fullmatch(words[0]) is None:
            continue
        if names_of[words[0]] - {text[x.start:x.end]}:
            continue  # two people with that first name: nobody can tell which one is meant
        todo.append((x, words[0]))
    if not todo:
        return []
    wanted = {w for _, w in todo}
    starts = [a for a, _ in strong_ones]
    reach = list(itertools.accumulate((b for _, b in strong_ones), max))  # furthest end up to each start
    repeats: dict[str, list[tuple[int, int]]] = {}
    for m in _ECHO_WORD.finditer(text):
        if m.group(1) in wanted:
            i = bisect.bisect_right(starts, m.start()) - 1
            if i < 0 or reach[i] <= m.start():  # not inside a name already found
                repeats.setdefault(m.group(1), []).append(m.span())
    out: list[_Hit] = []
    done: dict[tuple, int] = {}  # (first word, kind of echo) -> echoes made from this offset on
    for x, word in todo:
        found = repeats.get(word, [])
        key = (word, id(x.rule), x.score, x.public, x.severity)
        upto = done.get(key, len(text) + 1)
        lo = bisect.bisect_left(found, (x.end, -1))
        for a, b in found[lo:]:
            if a >= upto:
                break
            out.append(_Hit(x.rule, "PERSON", a, b, x.score, "echo", public=x.public, severity=x.severity))
        done[key] = min(upto, x.end)
    return out


def _with_echoes(people: list[_Hit], echoes: list[_Hit]) -> list[_Hit]:
    """``people`` with a weaker hit on the same words replaced by its echo; a list of private people gets no
    echo of a public figure, and loses the hit it covers ("Councillor Amy Reed - Amy, who is ...")."""
    if not echoes:
        return people
    private = all(not x.public for x in people)
    spans = {(e.start, e.end) for e in echoes}
    keep = [e for e in echoes if not (private and e.public)]
    return sorted([x for x in people if (x.start, x.end) not in spans] + keep, key=lambda h: h.start)


# an age set against a name: "Gerrit Hendriks (82) ...", "Gerrit Hendriks, 82, ..."
_AGE_APPOSITION = regex.compile(r"^\s*(?:\(\d{1,3}(?:\s?(?:jaar|jr\.?|years?))?\)|,\s*\d{1,3}\s*,)")


_DIGIT_DATE = regex.compile(r"(\d{1,4})[-/.](\d{1,2})(?:[-/.](\d{1,4}))?")


def _touches(text: str, person, span: tuple[int, int]) -> bool:
    """Whether ``span`` is written against the name: only spaces and punctuation between ("Tim (12)", "9-jarige Sanne")."""
    gap = _gap(text, person, *span)
    return gap is not None and len(gap) <= 3 and _WORDISH.search(gap) is None


def _real_number(n, text: str) -> bool:
    """False for a "date" in digits that no calendar has ("01.84.17" of "01.84.17.61.18", a French phone)."""
    if n.kind != "date":
        return True
    m = _DIGIT_DATE.fullmatch(text[n.start:n.end])
    if m is None:
        return True  # "3 maart 2024" and other written dates
    a, b = int(m.group(1)), int(m.group(2))
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31) or (a > 31 and 1 <= b <= 12)


def _demoted_digits(spec: Any, lang: str, value: str) -> bool:
    """Whether a number's digits match ``params.demote_digits`` (one regex, or one per language: a Dutch 088
    company number and a UK 03 public-body line share digits with other countries' numbers)."""
    if not spec:
        return False
    sources = [spec] if isinstance(spec, str) else [spec.get("all"), spec.get(lang)]
    digits = _privacy_validators.digits_of(value)
    return any(rx and _compiled(rx).match(digits) for rx in sources)


@functools.lru_cache(maxsize=256)
def _compiled(source: str) -> "regex.Pattern[str]":
    return regex.compile(source)


def _venue_before(analysis: "Analysis", h: _Hit) -> bool:
    """Whether a venue is named right before an address ("in het wijkcentrum, Lindelaan 3", "St Mary's Church
    Hall, 4 Church Street"): the address is the venue's, whoever else the sentence names (``params.venue``)."""
    venue = h.rule.params.get("venue")
    if not venue:
        return False
    words = _words(venue, analysis.lang)
    a = _index(analysis).sentence_of(h.start)[0]
    before = _index(analysis).words_before(h.start, 4, a)
    if not (before and words.search_text(" ".join(before))):
        return False
    # "She lives in the Old Meeting House, 6 Mount Street": a word for living there makes the venue a home
    # (in lower case: "het Loket Wonen is verhuisd naar het Stadskantoor" names a desk)
    home = h.rule.params.get("home", {}).get("lives", {})
    return not (home and any(analysis.text[x.start].islower()
                             for x in _lexicon_hits(analysis, _words(home, analysis.lang), a, h.start)))


_OF_STREET = regex.compile(r"\s+(?:van|uit)\s+(?:(?:de|het|der|den)\s+)?(?=\p{Lu})")


def _split_residents(hits: list[_Hit], text: str, joiners: list[str] = ()) -> list[_Hit]:
    """"Jan Smit van de Kerkweg 8", "mevrouw J. Smit van de Kerkweg 8": a named person of a street, not a
    street named after a person ("Willem van de Veldestraat 3", where the name runs into the street word).

    When a Dutch street match starts inside a name of two or more words that is followed by "van (de)" and
    the street, the street starts after "van de": both the person and their address are found.
    """
    people = [h for h in hits if h.entity == "PERSON" and len(text[h.start:h.end].split()) >= 2]
    joined = regex.compile(rf"[^\S\n]+(?:{'|'.join(map(regex.escape, joiners))})(?:[^\S\n]+(?:de|het|den|der))?[^\S\n]+$",
                           regex.IGNORECASE) if joiners else None
    # only a name that holds the street's start matters: found by bisection over the names' starts, with the
    # furthest end reached so far (ends only get shorter below, so it stays an upper bound)
    order = sorted(range(len(people)), key=lambda i: people[i].start)
    starts = [people[i].start for i in order]
    reach = list(itertools.accumulate((people[i].end for i in order), max))
    for h in hits:
        if h.entity != "STREET_ADDRESS" or not h.pattern.startswith("nl-street"):
            continue
        j = bisect.bisect_right(starts, h.start) - 1
        held = []
        while j >= 0 and reach[j] > h.start:
            if people[order[j]].end > h.start:
                held.append(order[j])
            j -= 1
        around = [people[i] for i in sorted(held)]  # in the order of the hits, as the first one wins below
        for x in around:
            # "onze buurman Piet op de Lindelaan 14": the name ran into the street through "op de"; it ends before
            m = joined.search(text, x.start, h.start) if joined is not None and x.start < h.start < x.end <= h.end else None
            if m is not None and m.start() > x.start:
                x.end = m.start()
        for x in around:
            if x.start <= h.start < x.end < h.end:
                m = _OF_STREET.match(text, x.end)
                if m and m.end() < h.end:
                    h.start = m.end()
                    break
    return hits


def _non_overlapping(hits: list[_Hit]) -> list[_Hit]:
    """Where hits overlap keep the rule with the higher priority, then the higher score, then the longer."""
    ordered = sorted(
        hits, key=lambda h: (-int(h.rule.params.get("priority", 0)), -h.score, -(h.end - h.start), h.start)
    )
    if any(h.end <= h.start for h in hits):  # an empty span: the plain test against every kept hit
        kept: list[_Hit] = []
        for h in ordered:
            if all(h.end <= k.start or k.end <= h.start for k in kept):
                kept.append(h)
        return sorted(kept, key=lambda h: h.start)
    # Kept spans do not overlap, so sorted by start they are sorted by end too: a new span overlaps one of
    # them only if it overlaps the last one that starts before its end (bisection, not a walk over all).
    spans: list[tuple[int, int]] = []
    keep: list[_Hit] = []
    for h in ordered:
        i = bisect.bisect_left(spans, (h.end, -1))  # spans[:i] start before h.end
        if i and spans[i - 1][1] > h.start:
            continue
        spans.insert(i, (h.start, h.end))
        keep.append(h)
    return sorted(keep, key=lambda h: h.start)
