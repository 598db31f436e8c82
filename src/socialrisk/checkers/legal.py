"""Legal exposure: accusations stated as fact (smaad/laster, defamation), insults (belediging), group
insult and incitement (groepsbelediging, aanzetten tot haat), threats, doxing calls, election misinformation.

Each rule names a ``params.mechanism``; the words, windows and the severity of each framing
(``params.levels``: fact, hedged, attributed, question, ...) are data in ``rules/common/legal.yaml``.
The legal line (Sr art. 261/262 versus 266 lid 2): a specific act pinned on an identifiable target is
the risk, an opinion about how an office is run is not, so most mechanisms need a target nearby.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import heapq
import re
from typing import ClassVar, Literal

import regex

from pydantic import BaseModel, ConfigDict, Field

from ..models import Category
from ._match import Hit
from ._target import (
    FramedChecker,
    FramedParams,
    Frame,
    Target,
    between_has,
    cue_hits,
    cues_near,
    has_cue,
    mention_at,
    find_targets,
    frame_of,
    is_question,
    param_lexicon,
    post_hits,
    rule_hits,
)
from .base import register

# Word lists a legal rule may carry in ``params`` ({nl, en, all} -> words).
WORD_KEYS = (
    "crimes", "topics", "combat", "against", "committed", "copula", "possessive", "generic_plurals", "pinned",
    "things", "predicate",
    "office", "org", "titles", "pronoun", "group", "not_names", "not_after",
    "hedge", "conditional", "attribution", "negation", "reported", "debunk", "modal", "dehumanising", "derogatory", "link",
    "reversal", "not_negation", "arson", "place", "people", "lead", "not_imperative", "companion", "anonymous",
    "pointed", "anaphora", "antecedent", "weekdays", "months", "passive", "epithets", "demonstrative", "rebuttal",
    "adjectives", "person_nouns", "insult_nouns", "aimed_at",
)
# (the blind-test mechanisms: who a wish is said of, menacing knowledge, insult piles and fragments)
WORD_KEYS += ("roles", "determiners", "anyone", "wish", "wish_lead", "mild", "dehumanised", "fragment_lead")
FRAME_KEYS = ("hedge", "conditional", "attribution", "negation", "reported", "debunk", "anonymous")


class LegalParams(FramedParams):
    """The non-word params of a legal rule."""

    before_window: int = Field(default=20, ge=0, description="max characters from a predicate before a group term")
    open_patterns: tuple[str, ...] = Field(
        default=(), description="patterns that do not name who they are aimed at: like terms, they need a target"
    )
    person_patterns: tuple[str, ...] = Field(
        default=(), description="patterns that single out one person themselves (\"die sukkel van een wethouder\")"
    )
    object_words: int = Field(default=3, ge=0, description="max words between an imperative verb and its object")
    weak: tuple[str, ...] = Field(
        default=(), description="veiled-threat terms or pattern names that count only with a second cue in the post"
    )
    person_terms: tuple[str, ...] = Field(
        default=(), description="terms or pattern names that accuse only when a named person, @handle or office holder is their target"
    )
    crime_patterns: tuple[str, ...] = Field(
        default=(), description="patterns that name a crime themselves (\"in zijn eigen zak gestoken\"), like params.crimes"
    )
    yields_to: tuple[str, ...] = Field(
        default=(), description="rule ids whose finding, when it covers this rule's finding, replaces it"
    )
    frames: dict[Literal["nl", "en", "all"], tuple[str, ...]] = Field(
        default_factory=dict,
        description="group mechanism: {nl, en, all} -> regexes with one {g} where the group (or the pronoun that takes "
        "it) stands, for predicates that wrap it (\"send them all back\", \"stuur ze allemaal terug\")",
    )
    aimed: tuple[str, ...] = Field(
        default=(), description="veiled: pattern names that threaten only with an ``aimed_at`` word (an office holder) "
        "in their sentence (\"Stem voor dit plan, wethouder, en je zult zien wat er gebeurt\")",
    )
    spelled_out: tuple[str, ...] = Field(
        default=(), description="veiled: pattern names that are intimidation spelled out on their own (a call to "
        "message a person with their private contact data given): label \"warned\" without a companion",
    )
    subject_words: int = Field(
        default=3, ge=0,
        description="max words between a lone capitalised sentence opener and the predicate for the opener to be its subject",
    )


# Which framing labels each mechanism can produce (all must be given in params.levels).
MECHANISMS: dict[str, tuple[str, ...]] = {
    "accusation": ("crime_person", "fact", "hedged", "question", "attributed"),  # optional: "policy"
    "insult": ("person", "fact", "attributed"),
    "group": ("dehumanising", "derogatory", "question"),  # optional: "rebutted"
    "slur": ("aimed", "fact"),
    "threat": ("explicit", "fact", "attributed"),
    "phrase": ("fact", "question", "attributed"),
    "veiled": ("warned", "fact", "question", "attributed"),
    "election": ("fact",),
    "election_day": ("fact",),
}


class LegalSettings(BaseModel):
    """Tunables: ``[tool.socialrisk.checkers.legal]``."""

    model_config = ConfigDict(extra="forbid")

    election_days: list[dt.date] = Field(
        default_factory=list,
        description="the days voters can vote in the coming election(s), as ISO dates; a post that tells people "
        "to vote on another day is LEGAL-ELECTION-DAY (without them that rule is off)",
    )


_GENITIVE = re.compile(r"\w['’]s\s+$")  # "Jansen's " right before a noun
_WORD_START = re.compile(r"\S+")
_POSSESSIVES = frozenset({"your", "his", "her", "their", "my", "our", "its", "je", "jouw", "uw", "zijn", "z'n", "haar", "hun", "mijn", "ons", "onze"})
_NAME_BEFORE = regex.compile(
    r"(?:\b(?:mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|meneer|mevrouw|mevr|dhr|mw|de\s+heer|councillor|councilor|"
    r"cllr|mayor|minister|senator|wethouder|burgemeester|raadslid|kamerlid|gedeputeerde|de|van|der|den|ter|ten|"
    r"van\s+de|van\s+der|van\s+den)\.?)((?-i:\s+\p{Lu}[\p{Ll}'’-]+){0,2})\s+$",
    regex.IGNORECASE,
)


def _surname(text: str, hit: Hit) -> bool:
    """Whether a capitalised hit is a surname: an honorific, title or particle right before it, with at most two
    capitalised names between ("Mr Crook", "Councillor Sarah Crook", "wethouder Jan de Dief"). A title-case
    slogan is not ("Another Fraud Senator", "Election Fraud, Sedition And Treason")."""
    word = text[hit.start : hit.end]
    if not word[:1].isupper() or word.isupper():
        return False
    return bool(_NAME_BEFORE.search(text[max(0, hit.start - 60) : hit.start]))


_ALL_OF = re.compile(r"\b(?:all|every|each|alle|al\s+die|elke|ieder(?:e)?)\b", re.IGNORECASE)


def _all_of(text: str, hit: Hit, t: Target) -> bool:
    """Whether "all"/"alle" stands between a violent verb and the organisation after it: its people."""
    return t.start >= hit.end and bool(_ALL_OF.search(text, hit.end, t.start))


@functools.lru_cache(maxsize=None)
def _frame(frame: str) -> tuple[regex.Pattern, regex.Pattern]:
    """A group frame split at its {g}: the part that must end right before the group, and the part that must
    start right after it."""
    left, right = frame.split("{g}")
    return (
        regex.compile(f"(?:{left})\\Z", regex.IGNORECASE | regex.V0),
        regex.compile(f"(?:{right})", regex.IGNORECASE | regex.V0),
    )


_LIST_GAP = re.compile(r"[,;&/]|\b(?:and|en|or|of|with|met)\b", re.IGNORECASE)  # two people, not one
_OWNER_AFTER = re.compile(r"\s+(?:van|of|by)\s+")  # "fraude van minister Jansen", "the fraud of the mayor"


_CLOSING_GAP = " \t\r\n.,;:!?-–—"  # what may stand between a sentence and the handles that close the post
_APPOSITION_GAP = " \t:?!-–—"  # what may set an epithet after a group ("Migranten: ongedierte.")
_CLAUSE_END = re.compile(r"\s*(?:[.!?,;:)…]|$)")  # a word that ends its clause
_CLAUSE_BREAK = re.compile(r"[,;:–—]\s*(?:(?:en|maar|want|dus|and|but|so)\s+)?|\s(?:en|maar|want|and|but)\s", re.IGNORECASE)
_CLOSING_LINK_GAP = re.compile(r"\s+(?:te\s+)?|\s*")  # "dat ze uitschot zijn", "om zo dom te zijn"
_YOU = re.compile(r"(?:you|you['’]re|u|ya|je|jij|jou|jullie)", re.IGNORECASE)
_RELATIVE = re.compile(r"\s*,?\s*(?:die|dat|wie|welke|who|that|which)\b", re.IGNORECASE)
_BUT = re.compile(r"\s+(?:anders\s+|meer\s+|minder\s+)?(?:dan|but|more\s+than|less\s+than)\b", re.IGNORECASE)
# the insult structure: subject, copula, intensifiers or an article, adjective, (a word,) a noun for a person
_ADVERBS = r"\s*(?:(?:nu|echt|gewoon|toch|ook|nog\s+steeds|really|just|also|still|truly|honestly)\s+)*"
_ADVERB_GAP = regex.compile(_ADVERBS, regex.IGNORECASE)
_NAME_AFTER = regex.compile(r"(?:\s+(?:(?:de|van|der|den)\s+)?\p{Lu}[\p{Ll}'’-]+){0,3}")
# after a title, its name may come first ("Councillor Hill is", "Wethouder De Vries is")
_SUBJECT_GAP = regex.compile(r"(?-i:\s+(?:(?:de|van|der|den)\s+)?\p{Lu}[\p{Ll}'’-]+){0,3}" + _ADVERBS, regex.IGNORECASE)
_COPULA_GAP = {  # intensifiers and articles, per language ("is a vet" in a Dutch post is no "is een vette ...")
    "nl": re.compile(
        r"\s+(?:(?:echt|zo|zó|gewoon|toch|ontzettend|enorm|zeer|erg|heel|vreselijk|verschrikkelijk|compleet|volslagen|"
        r"totaal|helemaal|werkelijk|ongelooflijk|hartstikke|behoorlijk|ronduit|best\s+wel|onwijs|door\s+en\s+door|een|de|het)\s+)*",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\s+(?:(?:so|really|just|such|very|utterly|completely|totally|absolutely|incredibly|plain|bloody|fucking|truly|"
        r"damned|damn|extremely|seriously|genuinely|quite|pretty|painfully|hopelessly|thoroughly|deeply|a|an|the|most|one\s+of)\s+)*",
        re.IGNORECASE,
    ),
}
_NOUN_COPULA_GAP = {k: regex.compile(v.pattern + r"(?:[\p{L}'’-]+\s+){0,2}", regex.IGNORECASE) for k, v in _COPULA_GAP.items()}
_NOUN_GAP = regex.compile(r"\s+(?:[\p{L}-]+\s+)?")
_NOUN_END = re.compile(r"\s*(?:[.!?,;:)…]|$)|\s+(?:en|maar|die|dat|and|but|who|that|with|met)\b", re.IGNORECASE)
# between "het zijn" / "those are" and the epithet: intensifiers or an article at most
_DEMONSTRATIVE_GAP = re.compile(
    r"\s+(?:(?:allemaal|gewoon|echt|stuk\s+voor\s+stuk|niets\s+anders\s+dan|een\s+stel|all|just|really|nothing\s+but|a\s+bunch\s+of)\s+)*",
    re.IGNORECASE,
)


_ROLE_GAP = regex.compile(r"\s+(?:[\p{L}'’-]+\s+){0,2}")  # "die (corrupte) rechter": up to two words before the role
_TOKEN_BACK = regex.compile(r"(?r)\S+")  # whitespace-separated words, nearest first
_ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum() accepts
_REACH = 400  # max characters between a copula and the insult it joins (intensifiers, a subject, a name)


def _words_back(text: str, a: int, pos: int, n: int) -> list[tuple[int, int]]:
    """Up to ``n`` whitespace-separated words of ``text[a:pos]``, nearest ``pos`` first (as ``split`` reads them)."""
    out = []
    for m in _TOKEN_BACK.finditer(text, a, pos):
        out.append(m.span())
        if len(out) >= n:
            break
    return out


def _within_words(text: str, a: int, pos: int, n: int) -> int:
    """The smallest end offset ``e >= a`` with ``len(text[e:pos].split()) <= n``: an end before it leaves more
    than ``n`` words up to ``pos``."""
    words = _words_back(text, a, pos, n + 1)
    return words[n][1] if len(words) > n else a


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


@register("legal")
class LegalChecker(FramedChecker):
    """Accusations, insults, group insult, threats and election misinformation aimed at someone."""

    categories: ClassVar = frozenset({Category.LEGAL})
    Params = LegalParams
    Settings: ClassVar = LegalSettings
    MECHANISMS = MECHANISMS
    WORD_KEYS = WORD_KEYS

    @classmethod
    def parse(cls, rule):
        """Validate the params, and that every name in ``open_patterns``, ``person_patterns``, ``crime_patterns``,
        ``weak`` and ``person_terms`` names one of the rule's own patterns or terms (a typo would silently do nothing)."""
        p = super().parse(rule)
        patterns = {spec.name for spec in rule.match.patterns}
        terms = {t for words in rule.match.terms.values() for t in words}
        for key, allowed in (
            ("open_patterns", patterns), ("person_patterns", patterns), ("crime_patterns", patterns),
            ("weak", patterns | terms), ("person_terms", patterns | terms), ("aimed", patterns),
            ("spelled_out", patterns),
        ):
            unknown = sorted(set(getattr(p, key)) - allowed)
            if unknown:
                raise ValueError(f"params.{key} names no pattern or term of the rule: {unknown}")
        if any(not isinstance(r, str) or not r.strip() for r in p.yields_to):
            raise ValueError("params.yields_to must list rule ids")
        for frames in p.frames.values():  # the keys are nl/en/all by the field's type
            for f in frames:
                if f.count("{g}") != 1:
                    raise ValueError(f"params.frames: each regex needs exactly one {{g}}: {f!r}")
                _frame(f)  # raises regex.error on a bad regex
        return p

    def check(self, analysis, policy):
        """The findings of every rule, minus those a more specific rule's finding covers (``params.yields_to``:
        "Roma stelen" is group insult, not an accusation of one person)."""
        out = super().check(analysis, policy)
        spans: dict[str, list[tuple[int, int]]] = {}
        for f in out:
            spans.setdefault(f.rule_id, []).append((f.span.start, f.span.end))
        return [
            f for f in out
            if not any(
                a <= f.span.start and f.span.end <= b
                for other in getattr(self.params.get(f.rule_id), "yields_to", ())
                for a, b in spans.get(other, ())
            )
        ]

    # -- helpers ---------------------------------------------------------------------------

    def _targets(
        self, rule, analysis, hit: Hit, window: int, kinds=("office", "org", "group", "pronoun"), inside: bool = False,
        closing: bool = False,
    ) -> list[Target]:
        """Who the hit is aimed at; ``inside``: a pattern's own words may name them ("hope the mayor gets cancer");
        ``closing``: so may the handles that close the post right after the sentence ("What an idiot. @JohnSmithMP";
        for insults only: a tag list after a statement is often just who should see it)."""
        a, b = analysis.sentence_of(hit.start)
        lang = analysis.lang
        lexicons = {k: param_lexicon(rule, k, lang) for k in kinds if k in rule.params}
        names = param_lexicon(rule, "not_names", lang) if "not_names" in rule.params else None
        found = find_targets(
            analysis, a, max(b, hit.end), lexicons,
            not_names=names, not_after=param_lexicon(rule, "not_after", lang), skip=[] if inside else [(hit.start, hit.end)],
            titles=param_lexicon(rule, "titles", lang) if "office" in kinds and "titles" in rule.params else None,
            near=(hit.start - window, hit.end + window),
        )
        near = [t for t in found if _gap((t.start, t.end), (hit.start, hit.end)) <= window]
        # In a reply ("@naam ..."), the handles it opens with are who the whole post speaks to.
        near += [t for t in self._addressees(analysis) if t not in near and t.end <= hit.start]
        if closing:
            near += [t for t in self._closing_addressees(analysis, max(b, hit.end)) if t not in near]
        return near

    @staticmethod
    def _addressees(analysis) -> list[Target]:
        out, pos = [], 0
        for m in analysis.mentions:
            if analysis.text[pos : m.start].strip():
                break
            out.append(Target("handle", m.start, m.end))
            pos = m.end
        return out

    @staticmethod
    def _closing_addressees(analysis, sentence_end: int) -> list[Target]:
        """The handles that end the post when nothing but punctuation stands between them and the sentence
        (a hashtag or a word after them means they are a tag list or part of the next sentence)."""
        key = ("legal.closing", sentence_end)
        got = analysis.cache.get(key)
        if got is None:
            got = analysis.cache[key] = LegalChecker._closing_handles(analysis, sentence_end)
        return list(got)

    @staticmethod
    def _closing_handles(analysis, sentence_end: int) -> list[Target]:
        text, pos, out = analysis.text, sentence_end, []
        for m in analysis.mentions:
            if m.start < sentence_end:
                continue
            if text[pos : m.start].strip(_CLOSING_GAP):
                return []
            out.append(Target("handle", m.start, m.end))
            pos = m.end
        return out if out and not text[pos:].strip(_CLOSING_GAP) else []

    @staticmethod
    def _framing(frame: Frame, hit: Hit, p: LegalParams) -> str | None:
        """The framing label of a statement, or None when it is negated."""
        if frame.negates(hit.start, p.negation_window):
            return None
        # "volgens ingewijden", "according to insiders": an anonymous source is no attribution (``anonymous``)
        attributed = frame.unanonymous(("attribution", "reported"), "anonymous")
        if attributed or frame.quoted:
            return "attributed"
        if frame.has("hedge") or frame.has("conditional"):
            return "hedged"
        if frame.question:
            return "question"
        return "fact"

    def _label(self, rule, analysis, frame: Frame, hit: Hit, p: LegalParams) -> str | None:
        """``_framing``, and a question answered no right after it ("Is de wethouder corrupt? Nee, ...", params.rebuttal)
        is "rebutted" where the rule gives that level a severity, else nothing."""
        label = self._framing(frame, hit, p)
        if label == "question" and self._rebutted(rule, analysis, hit.end):
            return "rebutted" if "rebutted" in p.levels else None
        return label

    # -- mechanisms: each yields (label, span, related spans, term) -----------------------------

    @staticmethod
    def _subject_matter(rule, analysis, hit: Hit, targets: list[Target]) -> bool:
        """Whether a crime word names a subject to fight or warn about, not a deed pinned on someone:
        "we pakken fraude aan", "het plan tegen witwassen", "let op: oplichters ...", "crack down on fraud".

        Only ``topics`` (crime nouns: fraude, oplichters; fraud, scammers) qualify, with a ``combat`` word in
        the sentence or an ``against`` word right before the noun, and no ``committed`` word in the sentence
        ("pleegde", "guilty of") nor a ``copula`` or ``possessive`` right before the noun, or a target right
        after it ("van minister Jansen", "of the mayor"), pinning it on someone.
        """
        lang = analysis.lang
        if not param_lexicon(rule, "topics", lang).contains(analysis, hit.start, hit.end):
            return False
        a, b = analysis.sentence_of(hit.start)
        a, b = min(a, hit.start), max(b, hit.end)
        if has_cue(analysis, param_lexicon(rule, "committed", lang), a, b):
            return False
        text = analysis.text
        lo = hit.start  # where the run of spaces and dashes right before the hit begins
        while lo > a and text[lo - 1] in " -":
            lo -= 1

        def right_before(key: str) -> bool:
            cues = cues_near(analysis, param_lexicon(rule, key, lang), a, hit.start, lo, hit.start)
            return any(not text[c.end : hit.start].strip(" -") for c in cues)

        genitive = _GENITIVE.search(text, max(a, hit.start - 4), hit.start)
        if right_before("copula") or right_before("possessive") or genitive:
            return False  # "is een oplichter", "zijn fraude", "Jansen's fraud": pinned on someone
        owner = _OWNER_AFTER.match(text, hit.end)
        if owner and any(
            t.start >= owner.end() and len(text[owner.end() : t.start].split()) <= 2 for t in targets
        ):  # "van Jansen", "van minister Jansen", "of the mayor" (a role or an article may come between)
            return False  # "de fraude van minister Jansen", "the fraud of the mayor": pinned on them
        return right_before("against") or has_cue(analysis, param_lexicon(rule, "combat", lang), a, b, [(hit.start, hit.end)])

    @staticmethod
    def _unpinned_plural(rule, analysis, hit: Hit) -> bool:
        """A plural crime noun ("criminelen", "fraudsters") with nothing pinning it on anyone right before it."""
        lang = analysis.lang
        if not param_lexicon(rule, "generic_plurals", lang).contains(analysis, hit.start, hit.end):
            return False
        a = analysis.sentence_of(hit.start)[0]
        pinned = cues_near(analysis, param_lexicon(rule, "pinned", lang), min(a, hit.start), hit.start, hit.start - 2, hit.start)
        return not any(0 <= hit.start - c.end <= 2 for c in pinned)

    @staticmethod
    def _said_of_a_thing(rule, analysis, hit: Hit, targets: list[Target], max_words: int = 5) -> bool:
        """Whether the word is said of a plan or policy, not of a person: "het beleid van wethouder Bakker is
        corrupt", "the prime minister's housing plan is a disgrace and a fraud on voters".

        The word follows a ``predicate`` ("is", "zijn", "are") by at most ``max_words`` words, nothing the
        statement could be aimed at stands between them, and the subject just before the predicate holds
        one of ``things`` (plan, beleid, akkoord; plan, policy, bill). "Wethouder Bakker is corrupt" and
        "the mayor's deal is corrupt" (a deal is done by people) stay accusations.
        """
        lang = analysis.lang
        a = min(analysis.sentence_of(hit.start)[0], hit.start)
        text = analysis.text
        # the predicate may open the hit itself (an open pattern "is stupid", "is gestoord")
        reach = _within_words(text, a, hit.start, max_words)
        predicates = [
            c for c in cues_near(analysis, param_lexicon(rule, "predicate", lang), a, hit.end, reach, hit.start)
            if c.start <= hit.start and len(text[c.end : hit.start].split()) <= max_words
        ]
        if not predicates:
            return False
        verb = predicates[-1]
        if any(verb.end <= t.start and t.end <= hit.start for t in targets):
            return False  # "het plan is dat de minister liegt": aimed at the minister after all
        words = _words_back(text, a, verb.start, 6)
        lo = words[5][0] if len(words) >= 6 else a  # the subject: up to six words before the predicate
        return has_cue(analysis, param_lexicon(rule, "things", lang), lo, verb.start)

    @staticmethod
    def _opener_not_subject(rule, analysis, hit: Hit, targets: list[Target], max_words: int) -> bool:
        """Whether the only targets are capitalised sentence openers ("word") that a long clause separates
        from the predicate the word follows: "Closing the only night shelter in midwinter is criminal" says
        it of a situation; "Rutte is corrupt" keeps its subject right before the verb."""
        if not targets or any(t.kind != "word" for t in targets):
            return False
        lang = analysis.lang
        a = min(analysis.sentence_of(hit.start)[0], hit.start)
        text = analysis.text
        reach = _within_words(text, a, hit.start, 2)
        predicates = [
            c for c in cues_near(analysis, param_lexicon(rule, "predicate", lang), a, hit.start, reach, hit.start)
            if len(text[c.end : hit.start].split()) <= 2
        ]
        if not predicates:
            return False
        verb = predicates[-1]
        return all(t.end <= verb.start and len(text[t.end : verb.start].split()) > max_words for t in targets)

    def _one_person_before(self, rule, analysis, hit: Hit, targets: list[Target]) -> bool:
        """Whether a singular pronoun aimed at ("Hij is een oplichter", "He is a fraudster") takes the one person
        the sentence before names ("Staatssecretaris Van Wijk sprak. Hij is een oplichter."): that person is accused."""
        pronouns = param_lexicon(rule, "antecedent", analysis.lang)
        if not any(t.kind == "pronoun" and pronouns.contains(analysis, t.start, t.end) for t in targets):
            return False
        a = analysis.sentence_of(hit.start)[0]
        sents = analysis.sentences
        ends = analysis.cache.get("legal.sentence_ends")
        if ends is None or ends[0] is not sents:
            ends = analysis.cache["legal.sentence_ends"] = (sents, [y for _, y in sents])
        k = bisect.bisect_right(ends[1], a)  # the sentences that end by ``a`` (they are in order)
        if k == 0:
            return False
        x, y = sents[k - 1]  # the last sentence that ends by ``a``
        key = ("legal.one_person_before", rule.id, x, y)  # the same answer for every hit of the sentence
        got = analysis.cache.get(key)
        if got is None:
            got = analysis.cache[key] = self._one_person_in(rule, analysis, x, y)
        return got

    @staticmethod
    def _one_person_in(rule, analysis, x: int, y: int) -> bool:
        """Whether the sentence ``[x, y)`` names exactly one person (a title and a name count as one)."""
        lexicons = {k: param_lexicon(rule, k, analysis.lang) for k in ("office",) if k in rule.params}
        found = find_targets(
            analysis, x, y, lexicons, not_names=param_lexicon(rule, "not_names", analysis.lang),
            not_after=param_lexicon(rule, "not_after", analysis.lang),
            titles=param_lexicon(rule, "titles", analysis.lang) if "titles" in rule.params else None,
        )
        people = [t for t in found if t.person]

        def same(u: Target, v: Target) -> bool:  # "Staatssecretaris Van Wijk": a title, a particle, a name
            gap = analysis.text[u.end : v.start]
            return len(gap.split()) <= 1 and not _LIST_GAP.search(gap)

        return bool(people) and all(same(u, v) for u, v in zip(people, people[1:]))

    def _accusation(self, rule, p, analysis):
        crimes = param_lexicon(rule, "crimes", analysis.lang)
        for hit in rule_hits(rule, analysis, masked=p.masked):
            if "generic_plurals" in rule.params and self._unpinned_plural(rule, analysis, hit):
                continue
            if _surname(analysis.text, hit):
                continue  # "Councillor Sarah Crook", "wethouder Jan de Dief": a name, not a charge
            targets = self._targets(rule, analysis, hit, p.window)
            if "topics" in rule.params and self._subject_matter(rule, analysis, hit, targets):
                continue
            if not targets:
                continue  # wrongdoing in general ("fraude bestrijden") accuses nobody
            if "predicate" in rule.params and self._opener_not_subject(rule, analysis, hit, targets, p.subject_words):
                continue  # "Closing the night shelter ... is criminal": said of a situation, not of a person
            label = self._label(rule, analysis, frame_of(rule, analysis, hit.start, hit.end, FRAME_KEYS), hit, p)
            if label is None:
                continue
            if label == "fact" and "policy" in p.levels and "things" in rule.params and (
                self._said_of_a_thing(rule, analysis, hit, targets)
            ):
                label = "policy"  # sharp criticism of a plan (Sr 266 lid 2), not a deed pinned on its author
                if hit.term in p.person_terms:
                    continue  # "the minister's cuts are a danger to patients": criticism of policy, nothing more
            named = any(t.person and _gap((t.start, t.end), (hit.start, hit.end)) <= p.window for t in targets)
            if label == "fact" and not named and "antecedent" in rule.params:
                named = self._one_person_before(rule, analysis, hit, targets)
            if hit.term in p.person_terms and not named:
                continue  # "staff shortages are a danger to patients" is about a thing
            if label == "fact" and named and (hit.term in p.crime_patterns or crimes.contains(analysis, hit.start, hit.end)):
                label = "crime_person"
            yield label, (hit.start, hit.end), [(t.start, t.end) for t in targets], hit.term

    def _insult(self, rule, p, analysis):
        # a pattern names its addressee itself ("you are pathetic", "hou je bek"), unless it is open ("is a racist")
        pattern_names = {s.name for s in rule.match.patterns} - set(p.open_patterns)
        not_negation = param_lexicon(rule, "not_negation", analysis.lang)
        done: list[tuple[int, int]] = []
        for hit in rule_hits(rule, analysis, masked=p.masked):
            targets = self._targets(rule, analysis, hit, p.window, inside=hit.term in pattern_names, closing=True)
            if not targets and hit.term not in pattern_names:
                continue
            if hit.term in p.open_patterns and "things" in rule.params and self._said_of_a_thing(rule, analysis, hit, targets):
                continue  # "the minister's plan is as useful as a chocolate teapot": said of the plan, not its author
            # "niets anders dan een oplichter", "nothing but a clown": the negation word affirms
            a, b = analysis.sentence_of(hit.start)
            affirm = [(h.start, h.end) for h in cue_hits(analysis, not_negation, min(a, hit.start), max(b, hit.end))]
            frame = frame_of(rule, analysis, hit.start, hit.end, FRAME_KEYS, skip=affirm)
            label = self._label(rule, analysis, frame, hit, p)
            if label is None:
                continue
            if label != "attributed":
                one = hit.term in p.person_patterns  # "die sukkel van een wethouder": one office holder
                label = "person" if one or any(t.person for t in targets) else "fact"
            done.append((hit.start, hit.end))
            yield label, (hit.start, hit.end), [(t.start, t.end) for t in targets], hit.term
        if "adjectives" in rule.params:
            yield from self._insult_copula(rule, p, analysis, done)

    def _insult_copula(self, rule, p, analysis, done: list[tuple[int, int]]):
        """The insult structure any adjective fits: a person, @handle, office holder or pronoun, a ``copula`` right
        after it, then an insulting adjective (``adjectives``) that ends its clause ("Minister Faber is dom.",
        "Councillor Hill is brainless.") or that a plain noun for a person (``person_nouns``) follows ("is een domme
        vrouw", "is a pathetic little man"). Only intensifiers or an article may stand between copula and
        adjective, so "is niet dom", "is geen domme vrouw" and "is dom bezig" are not it; a subject that is a
        plan or decision ("the minister's plan is stupid") is criticism of the plan."""
        lang, text = analysis.lang, analysis.text
        copula = param_lexicon(rule, "copula", lang)
        nouns = param_lexicon(rule, "person_nouns", lang)
        gap = _COPULA_GAP.get(lang, _COPULA_GAP["en"])
        # nouns that insult on their own once said of someone ("Hij is een onbenul", "He is a sloth"): up to two
        # adjectives may stand before them ("a spineless worm"), and they end the clause
        noun_gap = _NOUN_COPULA_GAP.get(lang, _NOUN_COPULA_GAP["en"])
        candidates = [(h, False) for h in post_hits(analysis, param_lexicon(rule, "adjectives", lang, masked=True))]
        candidates += [(h, True) for h in post_hits(analysis, param_lexicon(rule, "insult_nouns", lang, masked=True))]
        # what is already reported, by end: candidates come in order, so a span that ends before one never
        # overlaps a later one (a 100 kB post of insults was quadratic here)
        active = [(y, x) for x, y in done]
        heapq.heapify(active)
        for adj, noun in sorted(candidates, key=lambda c: c[0].start):
            while active and active[0][0] <= adj.start:
                heapq.heappop(active)
            if any(adj.start < y and x < adj.end for y, x in active):
                continue
            a, b = analysis.sentence_of(adj.start)
            a, b = min(a, adj.start), max(b, adj.end)
            cops = [
                c for c in cues_near(analysis, copula, a, adj.start, adj.start - _REACH, adj.start)
                if (noun_gap if noun else gap).fullmatch(text, c.end, adj.start)
            ]
            # Dutch puts the subject after the verb behind a fronted word ("Wat is die wethouder dom!", "Eerlijk
            # gezegd is de burgemeester gewoon een prutser."): copula, subject, then the same gap
            inverted = None
            if lang == "nl" and not is_question(analysis, adj.start, adj.end):
                inverted = self._inverted_subject(rule, analysis, copula, a, adj, noun_gap if noun else gap)
                if inverted:
                    cops = [inverted[0]]
            if not cops or (noun and not _NOUN_END.match(text, adj.end)):
                continue
            cop, end = cops[-1], adj.end
            if not noun and not _CLAUSE_END.match(text, adj.end):
                after = [
                    h for h in cues_near(analysis, nouns, adj.end, b, adj.end, adj.end + _REACH)
                    if _NOUN_GAP.fullmatch(text, adj.end, h.start)
                ]
                if not after or not _NOUN_END.match(text, after[0].end):
                    continue  # "is dom bezig", "is a stupid idea": not said of the person
                end = after[0].end
            hit = Hit(cop.start, end, "copula")
            closing = self._closing_addressees(analysis, max(b, end))
            targets = [
                t for t in self._targets(rule, analysis, hit, p.window, ("office", "pronoun"), closing=True)
                if t.kind != "word" and (
                    (t.end <= cop.start and (_SUBJECT_GAP if t.kind == "office" else _ADVERB_GAP).fullmatch(text, t.end, cop.start))
                    or t.start < cop.start < t.end  # "he's", "you're"
                    or t in closing  # "Je bent zo dom. @naam": the handles that close the post
                )
            ]
            if inverted:
                targets = [inverted[1]]
            if not targets or self._said_of_a_thing(rule, analysis, Hit(adj.start, end, "copula"), targets):
                continue
            frame = frame_of(rule, analysis, adj.start, end, FRAME_KEYS)
            label = self._label(rule, analysis, frame, Hit(adj.start, end, "copula"), p)
            if label is None:
                continue
            if label != "attributed":
                # "@smith you are ...": in a reply, "you" is the handle the post opens with
                you = self._addressees(analysis) and any(
                    t.kind == "pronoun" and _YOU.fullmatch(text, t.start, t.end) for t in targets
                )
                label = "person" if you or any(t.person for t in targets) else "fact"
            first = min(t.start for t in targets)
            done.append((min(first, cop.start), end))
            heapq.heappush(active, (end, min(first, cop.start)))
            yield label, (min(first, cop.start), end), [(t.start, t.end) for t in targets], text[adj.start : adj.end].lower()

    def _inverted_subject(self, rule, analysis, copula, a: int, adj: Hit, gap) -> tuple[Hit, Target] | None:
        """The copula and the person, office holder or pronoun right after it, with only ``gap`` between that subject
        and the insult ("is die wethouder dom", "ben jij een prutser"), or None."""
        text = analysis.text
        for cop in reversed(cues_near(analysis, copula, a, adj.start, adj.start - _REACH, adj.start)):
            for t in self._targets(rule, analysis, Hit(cop.start, cop.end, "copula"), 40, ("office", "pronoun")):
                if t.kind == "word" or t.start < cop.end or text[cop.end : t.start].strip():
                    continue
                # an office holder's name may follow the title ("is minister Jansen zo zielig")
                named = _NAME_AFTER.match(text, t.end).end() if t.kind == "office" else t.end
                if gap.fullmatch(text, named, adj.start):
                    return cop, t
        return None

    def _group(self, rule, p, analysis):
        lang = analysis.lang
        dehum = param_lexicon(rule, "dehumanising", lang, masked=True)
        derog = param_lexicon(rule, "derogatory", lang, masked=True)
        # pejorative nouns for people ("gelukzoekers", "indringers", "invaders"): predicates like the others, and
        # also in apposition ("Migranten: ongedierte.") or after a demonstrative ("Het zijn gelukzoekers.")
        epithets = param_lexicon(rule, "epithets", lang, masked=True)
        negation = param_lexicon(rule, "negation", lang)
        reversal = param_lexicon(rule, "reversal", lang)
        link = param_lexicon(rule, "link", lang)
        text = analysis.text

        def negated_between(g: tuple[int, int], h: Hit, spans) -> bool:
            after = max(g[1], h.end)
            return any(between_has(analysis, lex, g, (h.start, h.end), spans) for lex in (negation, reversal)) or bool(
                cue_hits(analysis, negation, after, after + p.negation_window // 3, spans)
            )

        def predicates(g: tuple[int, int], h: Hit) -> bool:
            # After the group a linking verb must join them ("X zijn ..."); before it, only a few words
            # may stand between ("vieze X", "ik haat X"), so talk *about* hatred is not read as hatred.
            links = cue_hits(analysis, link, max(0, g[0] - p.before_window), h.end, [g])
            if h.start >= g[1]:
                # the link may open the predicate ("moeten weg") or precede the group ("zijn X ..."); a
                # predicate right after the group carries its own verb ("X stelen", "X can't be trusted"); in a
                # Dutch clause the verb may close it ("dat ze nog steeds uitschot zijn")
                adjacent = not text[g[1] : h.start].strip()
                # (not in a relative clause that picks some of them out: "Vrouwen die ziek zijn, ...")
                closing = [
                    x for x in cue_hits(analysis, link, h.end, h.end + 12)
                    if _CLOSING_LINK_GAP.fullmatch(text, h.end, x.start) and not _RELATIVE.match(text, g[1])
                ]
                links += closing
                ok = h.start - g[1] <= p.window and (bool(links) or adjacent)
            else:
                # "ik heb geen bijzondere minachting voor X": a negation just before a predicate that precedes the group
                # ("niets dan minachting voor X", "nothing but contempt for X" affirm it)
                ok = g[0] - h.end <= p.before_window and not any(
                    len(text[n.end : h.start].split()) <= 1 and not _BUT.match(text, n.end)
                    for n in cue_hits(analysis, negation, max(0, h.start - 24), h.start)
                )
            # "niets anders dan" is a link, not a negation; "ik haat X niet" negates after the fact
            return ok and not negated_between(g, h, [(x.start, x.end) for x in links])

        def apposed(g: tuple[int, int], h: Hit) -> bool:
            # "Migranten: ongedierte.", "Asielzoekers? Gelukzoekers, stuk voor stuk.": an epithet set after the
            # group by a colon, dash or question mark alone, closing its clause
            gap = text[g[1] : h.start]
            return (
                h.start >= g[1] and bool(gap.strip()) and not gap.strip(_APPOSITION_GAP)
                and bool(_CLAUSE_END.match(text, h.end))
            )

        frames = (*p.frames.get("all", ()), *p.frames.get(lang, ()))

        def framed(g: tuple[int, int], a: int, b: int) -> Hit | None:
            # Predicates no word list can hold, as they wrap the group ("send them all back"): a frame whose left
            # part ends right before the group and whose right part starts right after it, in the sentence.
            # the left part is looked for in the _REACH characters before the group, not the whole sentence
            # (a 100 kB sentence was quadratic); a match at the cut is looked for again in the whole of it
            lo = max(a, g[0] - _REACH)
            end = max(b, g[1])
            cut = min(end, g[1] + _REACH)  # the right part too is matched in _REACH characters after the group
            for f in frames:
                left, right = _frame(f)
                rm = right.match(text, g[1], cut)
                if rm is not None and cut < end and (rm.end() >= cut - 1 or not text[rm.end() : cut].strip()):
                    rm = right.match(text, g[1], end)  # it may have read the cut as the end ("$", "\b")
                if rm is None:
                    continue
                base = lo
                lm = left.search(text[lo : g[0]])
                if lm is not None and lm.start() == 0 and lo > a:
                    base, lm = a, left.search(text[a : g[0]])
                if lm and (lm.end() > lm.start() or rm.end() > rm.start()):
                    return Hit(base + lm.start(), rm.end(), f)
            return None

        def described(g: tuple[int, int], a: int, b: int, after_only: bool = False):
            """What the sentence ``[a, b)`` says of the group at ``g``: (kind, predicate, every predicate) or None.
            ``after_only``: only predicates after ``g`` count (a pronoun that takes up a group earlier in the
            sentence: "..., ze zijn parasieten")."""
            wrap = framed(g, a, b) if frames else None
            if wrap is not None and not any(
                0 <= wrap.start - n.end <= p.negation_window
                for n in cues_near(analysis, negation, a, wrap.start, wrap.start - p.negation_window, wrap.start)
            ):  # "we sturen ze niet allemaal terug", "we will never send them all back" negate it
                return "derogatory", wrap, [wrap]
            # (only a predicate within the windows of the group can be said of it: see ``predicates``)
            preds = [
                (kind, h)
                for kind, lex in (("dehumanising", dehum), ("derogatory", derog), ("derogatory", epithets))
                for h in cues_near(analysis, lex, a, b, g[0] - p.before_window, g[1] + p.window, [g])
                if (h.start >= g[1] or not after_only) and predicates(g, h)
            ]
            # "Asielzoekers? Gelukzoekers.": the epithet may open the next sentence when only the gap stands between
            nxt = [(x, y) for x, y in analysis.sentences if x >= b]
            reach = nxt[0][1] if nxt and not text[g[1] : nxt[0][0]].strip(_APPOSITION_GAP) else b
            gap_end = g[1]  # an apposed epithet starts right after the gap characters
            while gap_end < len(text) and text[gap_end] in _APPOSITION_GAP:
                gap_end += 1
            preds += [
                ("derogatory", h) for h in cues_near(analysis, epithets, g[1], reach, g[1], gap_end, [g])
                if apposed(g, h) and not negated_between(g, h, [])
            ]
            if not preds:
                return None
            kind, pred = min(preds, key=lambda kp: (kp[0] != "dehumanising", _gap((kp[1].start, kp[1].end), g)))
            return kind, pred, [h for _, h in preds]

        def demonstrated(a: int, b: int):
            # "Het zijn gelukzoekers.", "Those are parasites.": a demonstrative with a plural copula takes up the
            # group of the sentence before, but only for a pejorative noun for people right after it (a few
            # intensifiers or an article between): "Het zijn gevaarlijke tijden" says nothing of the group
            for d in cue_hits(analysis, demonstrative, a, b):
                for h in cues_near(analysis, epithets, d.end, b, d.end, d.end + _REACH):
                    if _DEMONSTRATIVE_GAP.fullmatch(text, d.end, h.start) and not negated_between((d.start, d.end), h, []):
                        return (d.start, d.end), ("derogatory", h, [h])
            return None

        anaphora = param_lexicon(rule, "anaphora", lang)
        demonstrative = param_lexicon(rule, "demonstrative", lang)
        done: set[tuple[int, int]] = set()
        for hit in rule_hits(rule, analysis, masked=p.masked):
            a, b = analysis.sentence_of(hit.start)
            g = (hit.start, hit.end)
            found = described(g, a, max(b, hit.end))
            related = [g]
            if found is None:
                # "De vluchtelingen zijn hier niet om te werken, ze zijn parasieten.": a pronoun after a clause
                # break in the same sentence takes the group before it (only what is said after the pronoun)
                for pro in cue_hits(analysis, anaphora, hit.end, max(b, hit.end)):
                    brk = _CLAUSE_BREAK.search(text, hit.end, pro.start)
                    if brk is None:
                        continue
                    found = described((pro.start, pro.end), brk.end(), max(b, hit.end), after_only=True)
                    if found is not None:
                        g = (pro.start, pro.end)
                        related = [(hit.start, hit.end), g]
                        break
                brk = _CLAUSE_BREAK.search(text, hit.end, max(b, hit.end))
                if found is None and brk is not None and (shown := demonstrated(brk.end(), max(b, hit.end))) is not None:
                    g, found = shown  # "Ze komen hier voor het geld, het zijn gelukzoekers."
                    related = [(hit.start, hit.end), g]
            if found is None:
                # "Die X wonen hier al jaren. Ze moeten oprotten.": a pronoun in the next sentence
                # takes the group of the sentence before it
                following = [(x, y) for x, y in analysis.sentences if x >= max(b, hit.end)]
                if not following or following[0] in done:
                    continue
                a2, b2 = following[0]
                for pro in cue_hits(analysis, anaphora, a2, b2):
                    found = described((pro.start, pro.end), a2, b2)
                    if found is not None:
                        g = (pro.start, pro.end)
                        related = [(hit.start, hit.end), g]
                        done.add((a2, b2))
                        break
                if found is None and (shown := demonstrated(a2, b2)) is not None:
                    g, found = shown
                    related = [(hit.start, hit.end), g]
                    done.add((a2, b2))
                if found is None:
                    continue
            kind, pred, every = found
            frame = frame_of(rule, analysis, g[0], g[1], ("reported", "attribution"), skip=[(pred.start, pred.end)])
            if frame.has("reported") or frame.has("attribution") or frame.quoted:
                continue  # counter-speech, quotes and reports of what others say are not the post's own words
            # "Asielzoekers? Gelukzoekers.": an epithet that answers the question is what the post says
            question = frame.question and (pred.start < analysis.sentence_of(g[0])[1] or is_question(analysis, pred.start, pred.end))
            # "Stuur ze allemaal terug? Nee, wij kiezen voor ...": a question put to be answered no (optional level
            # "rebutted"; without it, nothing)
            rebutted = question and self._rebutted(rule, analysis, max(g[1], pred.end))
            label = "rebutted" if rebutted else "question" if question else kind
            # the span runs from the group over every predicate said of it ("Polen pikken onze banen en zijn
            # allemaal dronkaards")
            span = (min(g[0], *(h.start for h in every)), max(g[1], *(h.end for h in every)))
            yield label, span, [*related, *((h.start, h.end) for h in every)], hit.term

    @staticmethod
    def _rebutted(rule, analysis, pos: int) -> bool:
        """Whether the question holding ``pos`` is answered no right after its question mark ("Stuur ze allemaal
        terug? Nee, ...", "Send them all back? Of course not."): a ``rebuttal`` word opens what follows."""
        if "rebuttal" not in rule.params:
            return False
        text = analysis.text
        q = text.find("?", pos, analysis.sentence_of(pos)[1] + 4)
        if q < 0:
            return False
        rest = q + 1 + (len(text[q + 1 :]) - len(text[q + 1 :].lstrip(" \t\r\n?!")))
        return any(
            h.start == rest and _CLAUSE_END.match(text, h.end) is not None
            for h in cue_hits(analysis, param_lexicon(rule, "rebuttal", analysis.lang), rest, len(text))
        )

    def _slur(self, rule, p, analysis):
        for hit in rule_hits(rule, analysis, masked=p.masked):
            frame = frame_of(rule, analysis, hit.start, hit.end, ("reported", "attribution", "negation"))
            if frame.has("reported") or frame.has("attribution") or frame.quoted:
                continue  # talking about a word is not using it against someone
            targets = self._targets(rule, analysis, hit, p.window, ("pronoun", "group", "office", "org"))
            # "al die makakken", "those ...": a demonstrative right before the slur points it at people
            pointed = [
                c for c in cue_hits(analysis, param_lexicon(rule, "pointed", analysis.lang), max(0, hit.start - 20), hit.start)
                if not analysis.text[c.end : hit.start].strip()
            ]
            label = "aimed" if targets or pointed else "fact"
            yield label, (hit.start, hit.end), [(t.start, t.end) for t in targets], hit.term

    @staticmethod
    def _opens_sentence(rule, analysis, hit: Hit) -> bool:
        """Whether the hit opens its sentence, as an imperative does ("Kill them all", "Maak die wethouder
        af"): only ``lead`` words ("nu", "gewoon"; "just", "come on"), @handles and punctuation before it."""
        a = min(analysis.sentence_of(hit.start)[0], hit.start)
        text = analysis.text
        lead = param_lexicon(rule, "lead", analysis.lang)
        pos = a
        # the first letter or digit that no @handle and no lead word holds: there is none before an imperative
        while (m := _ALNUM.search(text, pos, hit.start)) is not None:
            i = m.start()
            m = mention_at(analysis, i)
            held = [(m.start, m.end)] if m is not None and a <= m.start < hit.start else []
            held += [(h.start, h.end) for h in cues_near(analysis, lead, a, hit.start, i, i) if h.start <= i < h.end]
            if not held:
                return False
            pos = max(y for _, y in held)
        return True

    @staticmethod
    def _object_of(analysis, hit: Hit, targets: list[Target], inside: bool, max_words: int) -> list[Target]:
        """The targets an imperative acts on: inside a pattern that spells out the verb frame ("Maak die
        wethouder af"), or right after the verb ("Kill all the Tories", "Shoot that traitor Starmer"), with
        no punctuation between ("Hang in there, Sarah" addresses Sarah; it hangs no one)."""
        text = analysis.text
        out = []
        for t in targets:
            if inside and hit.start < t.start and t.end <= hit.end:
                out.append(t)
            elif t.start >= hit.end:
                gap = text[hit.end : t.start]
                words = gap.lower().split()
                # "BURN your Nike gear": a thing someone owns is the object, not the person named after it
                if len(words) <= max_words and not any(c in gap for c in ",;:.!?()") and not _POSSESSIVES & set(words):
                    out.append(t)
        return out

    def _threat(self, rule, p, analysis):
        lang = analysis.lang
        modal = param_lexicon(rule, "modal", lang)
        arson = param_lexicon(rule, "arson", lang)
        not_imperative = param_lexicon(rule, "not_imperative", lang)
        people = param_lexicon(rule, "people", lang)
        passive = param_lexicon(rule, "passive", lang)
        open_patterns = set(p.open_patterns)
        pattern_names = {s.name for s in rule.match.patterns} - open_patterns
        for hit in rule_hits(rule, analysis, masked=p.masked):
            a, b = analysis.sentence_of(hit.start)
            whole = hit.term in pattern_names  # a pattern spells out speaker, victim and act itself
            inside = hit.term in open_patterns
            kinds = ("pronoun", "group", "office", "org")
            if inside or arson.contains(analysis, hit.start, hit.end):
                # setting fire to a town hall or a mosque is a call to violence too ("the council offices"
                # is a building here, not the council: places are looked up first)
                kinds = ("place", *kinds)
            if inside:
                kinds = (*kinds, "people")  # "the judges ... will be dealt with permanently"
            # A violent verb is a threat only when wished or announced ("ga", "moeten", "will") or ordered
            # (an imperative opening the sentence), not when reported.
            wished = whole or has_cue(analysis, modal, a, max(b, hit.end))
            if wished:
                # people by what they do are victims too ("Politicians should be shot", "Journalisten moeten dood")
                kinds = kinds if "people" in kinds else (*kinds, "people")
                targets = self._targets(rule, analysis, hit, p.window, kinds, inside=inside)
                # a capitalised sentence opener ("Time to ...", "Maak ...") is too weak to be the victim
                targets = [t for t in targets if t.kind != "word"]
                if not targets and "roles" in rule.params:
                    targets = self._wished_on(rule, analysis, hit)  # "Die rechter die ... verdient een kogel"
            elif not not_imperative.contains(analysis, hit.start, hit.end) and self._opens_sentence(rule, analysis, hit):
                near = self._targets(rule, analysis, hit, p.window, (*kinds, "people"), inside=inside)
                targets = self._object_of(analysis, hit, [t for t in near if t.kind != "word"], inside, p.object_words)
            else:
                continue
            if not targets and not whole:
                continue
            # the victim frames nothing: "Die rechter verdient een kogel" quotes no court
            frame = frame_of(rule, analysis, hit.start, hit.end, FRAME_KEYS, skip=[(t.start, t.end) for t in targets])
            # "we zullen nooit accepteren dat ... worden vermoord": a negation anywhere turns it around
            label = None if frame.has("negation") else self._label(rule, analysis, frame, hit, p)
            if label is None:
                continue
            # "de wethouders moeten opgehangen worden": an org term that names office holders (``people``) names
            # persons, when they suffer it (a ``passive`` verb, or a state: "moeten dood"); "the ministers should
            # hang their heads", "de wethouders moeten de vlag ophangen" have them act
            suffer = has_cue(analysis, passive, a, max(b, hit.end)) or not_imperative.contains(analysis, hit.start, hit.end)
            # "Iemand zou de burgemeester moeten neerschieten": a hedge word in a call to violence lowers nothing
            if label in ("fact", "hedged") and (
                whole or any(
                    t.kind != "org" or _all_of(analysis.text, hit, t) or (suffer and people.contains(analysis, t.start, t.end))
                    for t in targets
                )
            ):
                label = "explicit"  # "Kill all the Tories": the members, not the party
            elif label != "attributed":
                label = "fact"
            yield label, (hit.start, hit.end), [(t.start, t.end) for t in targets], hit.term

    def _wished_on(self, rule, analysis, hit: Hit) -> list[Target]:
        """Who a violent wish or demand is said of when no target list holds them: the subject of the sentence, a
        person by their role with a determiner ("Die rechter die ons bestemmingsplan blokkeerde verdient een kogel",
        "That judge deserves to be shot"; ``determiners``, ``roles``) or anyone a relative clause picks out ("Anyone
        who votes for this bill deserves to be shot", "Wie hiervoor stemt verdient een kogel"; ``anyone``).

        The subject opens the sentence (past lead words and handles) and a ``wish`` word (verdient, moet; deserves,
        should) stands between it and the end of the violent word, right after the role (a few adverbs between) or
        after a relative clause; or the subject follows a ``wish_lead`` ("ik hoop dat", "I hope"). Not a future
        ("Iedereen die rookt gaat eerder dood"), not a report ("The judge said the killer should hang")."""
        lang, text = analysis.lang, analysis.text
        a = min(analysis.sentence_of(hit.start)[0], hit.start)
        wish = param_lexicon(rule, "wish", lang)
        anyone = param_lexicon(rule, "anyone", lang)
        determiners = param_lexicon(rule, "determiners", lang)
        roles = param_lexicon(rule, "roles", lang)
        lead = param_lexicon(rule, "lead", lang)

        def first_word(pos: int) -> int | None:  # the first letter past handles, lead words and punctuation
            while (m := _ALNUM.search(text, pos, hit.start)) is not None:
                i = m.start()
                held = mention_at(analysis, i)
                if held is not None:
                    pos = held.end
                    continue
                led = [h for h in cues_near(analysis, lead, a, hit.start, i, i) if h.start == i]
                if not led:
                    return i
                pos = led[0].end
            return None

        starts = [(first_word(a), True)]
        starts += [(first_word(c.end), False) for c in cue_hits(analysis, param_lexicon(rule, "wish_lead", lang), a, hit.start)]
        for s, needs_wish in starts:
            if s is None:
                continue
            generic = [h for h in cues_near(analysis, anyone, s, hit.start, s, s) if h.start == s]
            if generic:
                span, rel = (s, generic[0].end), True
            else:
                det = [h for h in cues_near(analysis, determiners, s, hit.start, s, s) if h.start == s]
                if not det:
                    continue
                role = [
                    r for r in cues_near(analysis, roles, det[0].end, hit.start, det[0].end, det[0].end + 40)
                    if _ROLE_GAP.fullmatch(text, det[0].end, r.start)
                ]
                if not role:
                    continue
                end = _NAME_AFTER.match(text, role[0].end).end()  # "die rechter Jansen"
                span, rel = (s, end), bool(_RELATIVE.match(text, end))
            if needs_wish:
                wishes = [w for w in cue_hits(analysis, wish, span[1], hit.end) if w.start < hit.end]
                if not wishes or not (rel or _ADVERB_GAP.fullmatch(text, span[1], wishes[0].start)):
                    continue
            return [Target("people", *span)]
        return []

    def _phrase(self, rule, p, analysis):
        for hit in rule_hits(rule, analysis, masked=p.masked):
            label = self._label(rule, analysis, frame_of(rule, analysis, hit.start, hit.end, FRAME_KEYS), hit, p)
            if label is None:
                continue
            yield ("fact" if label == "hedged" else label), (hit.start, hit.end), [], hit.term

    def _veiled(self, rule, p, analysis):
        """A veiled threat: high on its own; with a second threat or a ``companion`` warning anywhere in the post
        ("Mayor Hill, we know where you live. Watch your step.", "We weten waar je woont. Pas maar goed op.") it is
        intimidation spelled out: label "warned". A companion alone ("watch your step") is no threat."""
        hits = rule_hits(rule, analysis, masked=p.masked)
        if p.aimed:
            # "je zult zien wat er gebeurt" threatens only when said to an office holder ("..., wethouder, ...")
            aimed_at = param_lexicon(rule, "aimed_at", analysis.lang)
            hits = [
                h for h in hits
                if h.term not in p.aimed or has_cue(analysis, aimed_at, *analysis.sentence_of(h.start))
            ]
        companions = post_hits(analysis, param_lexicon(rule, "companion", analysis.lang))
        spans = sorted((h.start, h.end, i) for i, h in enumerate((*hits, *companions)))
        for hit in hits:
            frame = frame_of(rule, analysis, hit.start, hit.end, FRAME_KEYS)
            label = self._label(rule, analysis, frame, hit, p)
            if label is None:
                continue
            # a condition put to the target ("Als jullie hiervoor stemmen: we weten waar jullie wonen") is a warning
            conditional = label == "hedged" and "conditional" in rule.params and frame.has("conditional")
            label = "fact" if label == "hedged" else label
            others = self._others(spans, hit)
            if hit.term in p.weak and not others:
                continue  # "komen we hem persoonlijk opzoeken" alone may be a house call
            if label == "fact" and (others or (conditional and hit.term not in p.weak) or hit.term in p.spelled_out):
                label = "warned"
            yield label, (hit.start, hit.end), others if label == "warned" else [], hit.term

    _OTHERS = 8  # a warned threat names at most this many other threats and warnings, the nearest

    @classmethod
    def _others(cls, spans: list[tuple[int, int, int]], hit: Hit) -> list[tuple[int, int]]:
        """The threats and warnings apart from ``hit``, the ``_OTHERS`` nearest (``spans``: (start, end, i) in
        offset order, ``i`` the order they are named in: the threats, then the warnings). A post of 3 000 threats
        named all others on each (quadratic, and millions of related spans)."""
        k = bisect.bisect_left(spans, (hit.start, hit.end, -1))
        before, after, out = k - 1, k, []
        while len(out) < cls._OTHERS and (before >= 0 or after < len(spans)):
            take_before = after >= len(spans) or (
                before >= 0 and hit.start - spans[before][1] <= spans[after][0] - hit.end
            )
            if take_before:
                x, before = spans[before], before - 1
            else:
                x, after = spans[after], after + 1
            if x[1] <= hit.start or x[0] >= hit.end:
                out.append(x)
        return [(x, y) for x, y, _ in sorted(out, key=lambda s: s[2])]

    def _election(self, rule, p, analysis):
        debunk = param_lexicon(rule, "debunk", analysis.lang)
        if debunk.contains(analysis):
            return  # a post that debunks the rumour repeats it on purpose
        for hit in rule_hits(rule, analysis, masked=p.masked):
            frame = frame_of(rule, analysis, hit.start, hit.end, ("negation", "reported"))
            if frame.has("negation") or frame.has("reported") or frame.question:
                continue
            yield "fact", (hit.start, hit.end), [], hit.term

    def _election_day(self, rule, p, analysis):
        """A voting cue ("stem op", "polling day is") whose nearest day in the sentence is none of the
        ``election_days`` (the post's own, else the configuration's): a written date must be one of them (its year
        too, when given), a weekday alone the weekday of one of them. "Stem woensdag, niet donderdag" corrects; a
        post that debunks is skipped."""
        days = analysis.post.meta.get("election_days") or self.settings.election_days
        if not days or param_lexicon(rule, "debunk", analysis.lang).contains(analysis):
            return
        lang, text = analysis.lang, analysis.text
        weekdays = [w.lower() for w in rule.params.get("weekdays", {}).get(lang, [])]
        months = [m[:3].lower() for key in ("nl", "en") for m in rule.params.get("months", {}).get(key, [])]
        negation = param_lexicon(rule, "negation", lang)
        dates = sorted(((f.start, f.end) for f in analysis.numbers if f.kind == "date"), key=lambda s: s[0])
        date_starts = [s for s, _ in dates]
        days_in: dict[tuple[int, int], _Spans] = {}  # a sentence -> its dates, else its weekdays (once per sentence)
        for hit in rule_hits(rule, analysis, masked=p.masked):
            a, b = analysis.sentence_of(hit.start)
            spans = days_in.get((a, b))
            if spans is None:
                found = dates[bisect.bisect_left(date_starts, a) : bisect.bisect_left(date_starts, b)]
                if not found:  # a weekday only when no date is written
                    found = [
                        (m.start(), m.end()) for m in _WORD_START.finditer(text, a, b)
                        if text[m.start() : m.end()].lower().strip(".,!?:;") in weekdays
                    ]
                spans = days_in[(a, b)] = _Spans(found)
            near = [s for s in spans.around(hit.start - p.window, hit.end + p.window) if _gap(s, (hit.start, hit.end)) <= p.window]
            if not near:
                continue
            start, end = min(near, key=lambda s: _gap(s, (hit.start, hit.end)))
            while end > start and text[end - 1] in ".,!?:;":
                end -= 1
            said = text[start:end]
            if said.lower() in weekdays:
                ok = any(d.weekday() == weekdays.index(said.lower()) % 7 for d in days)
            else:
                ok = _date_matches(said, days, months)
            if ok is None or ok:
                continue  # a date we cannot read is not called wrong
            if any(
                _CORRECTION_GAP.fullmatch(text, n.end, start) for n in cue_hits(analysis, negation, max(a, start - 16), start)
            ) or _INSTEAD_OF.search(text, max(a, start - 20), start):
                continue  # "niet donderdag", "not on Friday", "instead of Friday": the wrong day named to correct it
            yield "fact", (start, end), [(hit.start, hit.end)], said


class _Spans:
    """Spans in start order, with the longest one's length: those that reach into a window are found by bisection."""

    __slots__ = ("spans", "starts", "longest")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]
        self.longest = max((e - s for s, e in spans), default=0)

    def around(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans that may reach into ``[lo, hi]`` (a superset: every span with end >= lo and start <= hi), in order."""
        return self.spans[bisect.bisect_left(self.starts, lo - self.longest) : bisect.bisect_right(self.starts, hi)]


_CORRECTION_GAP = re.compile(r"\s*(?:op|on)?\s*")
_INSTEAD_OF = re.compile(r"\b(?:in\s+plaats\s+van|instead\s+of|rather\s+than)\s+(?:op\s+|on\s+)?$", re.IGNORECASE)


_DAY_MONTH = regex.compile(r"(\d{1,2})(?:e|ste|de|st|nd|rd|th)?\s+(\p{L}+)\.?(?:,?\s+(\d{4}))?|(\p{L}+)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?", regex.IGNORECASE)
_NUMERIC = regex.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})")


def _date_matches(said: str, days: list[dt.date], months: list[str]) -> bool | None:
    """Whether a written date is one of ``days`` (day and month; the year too when written); None if unreadable.
    ``months``: the three-letter starts of the month names, January first, in each language in turn."""
    m = _NUMERIC.fullmatch(said.strip())
    if m:
        if m.group(1):
            year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            day, month, year = int(m.group(4)), int(m.group(5)), int(m.group(6))
            year += 2000 if year < 100 else 0
        return any((d.year, d.month, d.day) == (year, month, day) for d in days)
    m = _DAY_MONTH.fullmatch(said.strip())
    if not m:
        return None
    day, name, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    key = name[:3].lower()
    if key not in months:
        return None
    month = months.index(key) % 12 + 1
    return any(
        (d.month, d.day) == (month, int(day)) and (year is None or d.year == int(year)) for d in days
    )
