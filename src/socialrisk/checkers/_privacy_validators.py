"""Checksum and shape validators for personal-data patterns (rules name them in ``match.validator``).

Each takes the matched text (as written, spaces and dashes included) and says whether it is real.
Pure functions, no data files, no network: cheap enough to run on every pattern hit.
"""

from __future__ import annotations

import functools
import ipaddress
import re

from ._match import validator

__all__ = ["digits_of", "deobfuscate_email", "offline_tldextract"]

_NON_DIGIT = re.compile(r"\D")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def digits_of(text: str) -> str:
    """Only the ASCII digits of ``text``."""
    return _NON_DIGIT.sub("", text.translate(_INVISIBLE))


@validator("elfproef")
def elfproef(text: str) -> bool:
    """The Dutch 11-test for a BSN: weights 9..2 and -1, sum divisible by 11 (nine digits)."""
    d = digits_of(text)
    if len(d) == 8:
        d = "0" + d
    if len(d) != 9 or len(set(d)) == 1:
        return False
    total = sum(int(c) * w for c, w in zip(d, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return total % 11 == 0


# ISO 13616 lengths of the countries posts are likely to contain; others only need 15..34.
_IBAN_LENGTH = {"NL": 18, "BE": 16, "DE": 22, "GB": 22, "FR": 27, "ES": 24, "IT": 27, "LU": 20, "AT": 20, "CH": 21, "IE": 22}


@validator("iban")
def iban(text: str) -> bool:
    """An IBAN: known country length and the ISO 7064 mod-97 check equals 1."""
    s = re.sub(r"[\s\-.]", "", text.translate(_INVISIBLE)).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", s):
        return False
    want = _IBAN_LENGTH.get(s[:2])
    if want is not None and len(s) != want:
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


# A UK sort code (2-2-2 digits) and an account number (8 digits), in either order, each after its label
# ("sort code 20-00-00, account 12345678"): there is no public checksum, so the labels and the shape decide
# (the rule's pattern asks for both labels); an all-zero part is no account.
_SORT_CODE = re.compile(r"sort[\s-]?code\D{0,12}?(\d{2})[\s-]?(\d{2})[\s-]?(\d{2})(?!\d)", re.IGNORECASE)
_ACCOUNT = re.compile(r"(?:account|acct|a/c)\D{0,16}?(?<!\d)(\d{8})(?!\d)", re.IGNORECASE)


@validator("bank_account")
def bank_account(text: str) -> bool:
    """An IBAN (``iban``), or a UK sort code with an account number (labels and shape)."""
    if iban(text):
        return True
    text = text.translate(_INVISIBLE)
    code, account = _SORT_CODE.search(text), _ACCOUNT.search(text)
    if code is None or account is None:
        return False
    return "".join(code.groups()) != "000000" and account.group(1) != "00000000"


@validator("luhn")
def luhn(text: str) -> bool:
    """A payment card number: 12..19 digits, issuer digit 1..6, Luhn checksum."""
    d = digits_of(text)
    if not 12 <= len(d) <= 19 or d[0] not in "123456" or len(set(d)) == 1:
        return False
    total = 0
    for i, c in enumerate(reversed(d)):
        n = int(c)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


_LABEL = re.compile(r"^[^\d+(]*[A-Za-z][^\d+(]*")  # leading words before the number
_LABEL_AFTER = re.compile(r"[\s-]*[A-Za-z][A-Za-z\s-]*$")  # "... 1693-Office", "... 3943 fax"
_THOUSANDS = re.compile(r"\d{1,3}(?:[ .,]\d{3})+")  # "1 200 000 mobile users" is a count
_DATE_START = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d")  # "01-02-2024 10 ..." is a date


@validator("phone_number")
def phone_number(text: str) -> bool:
    """A phone number: Dutch national (0 + 9 digits; 0800/0900 + 4..7), +31/0031, E.164 (8..15), or labelled."""
    raw = text.translate(_INVISIBLE).strip()
    after = _LABEL_AFTER.search(raw)
    if after and not _LABEL.match(raw):  # a label after the number
        raw = raw[:after.start()].strip()
        d = digits_of(raw)
        return (7 <= len(d) <= 15 and len(set(d)) > 1 and not _DATE_START.match(raw)
                and not _THOUSANDS.fullmatch(raw))
    if _LABEL.match(raw):  # "Phone: 72 128 827": the label says it is a phone, any 7..15 digits will do
        raw = _LABEL.sub("", raw)
        d = digits_of(raw)
        return 7 <= len(d) <= 15 and len(set(d)) > 1 and not _DATE_START.match(raw)
    d = digits_of(raw)
    if len(set(d)) <= 1 or _DATE_START.match(raw):
        return False
    if raw.startswith("+") or d.startswith("00"):
        cc = d[2:] if d.startswith("00") else d
        if cc.startswith("31"):
            rest = cc[2:]
            rest = rest[1:] if rest.startswith("0") else rest  # "+31 (0)6 ..."
            return len(rest) == 9 and rest[0] != "0"
        return 8 <= len(cc) <= 15 and cc[0] != "0"
    if not d.startswith("0"):
        # North American numbers: area code and exchange do not start with 0 or 1.
        return len(d) == 10 and d[0] not in "01" and d[3] not in "01"
    if d.startswith(("0800", "0900", "0906", "0909")):
        return 8 <= len(d) <= 11
    # 11: UK-style trunk numbers and Austrian mobiles (0650..0699); a Dutch 06 number has 10
    return len(d) == 10 or (len(d) == 11 and (not d.startswith("06") or d[2] in "56789"))


@validator("ip_address")
def ip_address(text: str) -> bool:
    """An IPv4 or IPv6 address (not a version number made of small parts)."""
    try:
        addr = ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return False
    if addr.version == 4:
        parts = [int(p) for p in str(addr).split(".")]
        return not all(p < 10 for p in parts)  # "1.2.3.4" is more likely a version than a host
    return True


# Dutch licence plates: the RDW side codes 1-14 (X letter, 9 digit), always with dashes.
_SIDECODES = {
    "XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9",
    "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9",
}


@validator("nl_licence_plate")
def nl_licence_plate(text: str) -> bool:
    """A Dutch licence plate in one of the RDW side codes, with at least one letter and one digit."""
    shape = re.sub(r"[A-Z]", "X", re.sub(r"\d", "9", text.upper()))
    return shape in _SIDECODES


@validator("calendar_date")
def calendar_date(text: str) -> bool:
    """A plausible date of birth: day 1..31, month 1..12, year 1900..2099 (when written in digits)."""
    parts = [int(p) for p in re.findall(r"\d+", text)]
    if len(parts) == 3:
        a, b, c = parts
        day, month, year = (c, b, a) if a > 31 else (a, b, c)
        if year < 100:
            year += 1900
        return 1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2099
    return bool(parts) and all(p <= 2099 for p in parts)


@validator("minor_age")
def minor_age(text: str) -> bool:
    """An age under 18 (a hit without digits, e.g. a school type, passes)."""
    nums = [int(n) for n in re.findall(r"\d+", text)]
    return all(n < 18 for n in nums)


@validator("secret_token")
def secret_token(text: str) -> bool:
    """A secret, not a word: at least 6 characters, one of them a digit ("Welkom2024!", "839201")."""
    value = re.split(r"[=:]\s*", text, maxsplit=1)[-1]
    return len(value) >= 6 and any(c.isdigit() for c in value)


_OBFUSCATED = [
    (re.compile(r"\s*[\[({<]\s*(?:at|apenstaartje|@)\s*[\])}>]\s*", re.I), "@"),
    (re.compile(r"\s*[\[({<]\s*(?:dot|punt|\.)\s*[\])}>]\s*", re.I), "."),
    (re.compile(r"\s+(?:at|apenstaartje)\s+", re.I), "@"),
    (re.compile(r"\s+(?:dot|punt)\s+", re.I), "."),
]


def deobfuscate_email(text: str) -> str:
    """'jan [at] voorbeeld [punt] nl' -> 'jan@voorbeeld.nl' (invisible characters dropped)."""
    s = text.translate(_INVISIBLE)
    for rx, rep in _OBFUSCATED:
        s = rx.sub(rep, s)
    return s


@functools.lru_cache(maxsize=1)
def offline_tldextract():
    """A tldextract that only uses its bundled suffix list: no download, no cache writes."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


@validator("email_address")
def email_address(text: str) -> bool:
    """An e-mail address (also obfuscated) whose domain ends in a real public suffix."""
    s = deobfuscate_email(text)
    local, sep, domain = s.rpartition("@")
    if not sep or not local or "." not in domain or ".." in s:
        return False
    return _has_public_suffix(domain.casefold())


@functools.lru_cache(maxsize=4096)
def _has_public_suffix(domain: str) -> bool:
    return bool(offline_tldextract()(domain).suffix)


# National identity numbers of English-speaking countries other than the Dutch BSN.
# The label in the match decides which check applies ("SSN 536-22-8194", "PPS 1234567T", "TFN 123 456 782");
# without one, the shape does (3-2-4 digits: an SSN; seven digits and a letter: a PPS number).
_ID_VALUE = re.compile(r"(\d[\d -]*\d[A-Za-z]{0,2})\W*$")


@functools.lru_cache(maxsize=1)
def _presidio_id_checks():
    """Presidio's own US SSN and Australian TFN checks (``presidio_analyzer.predefined_recognizers``)."""
    from presidio_analyzer.predefined_recognizers import AuTfnRecognizer, UsSsnRecognizer

    return UsSsnRecognizer(), AuTfnRecognizer()


def _pps(value: str) -> bool:
    """An Irish PPS number: seven digits, a check letter (weights 8..2, mod 23, W = 0) and an optional letter
    (A, B, H, T, W or X) that counts with weight 9."""
    m = re.fullmatch(r"(\d{7})([A-W])([ABHTWX]?)", value.upper())
    if m is None:
        return False
    total = sum(int(c) * w for c, w in zip(m.group(1), range(8, 1, -1)))
    if m.group(3) and m.group(3) != "W":
        total += 9 * (ord(m.group(3)) - 64)
    return "WABCDEFGHIJKLMNOPQRSTUV"[total % 23] == m.group(2)


def _ssn(value: str) -> bool:
    ssn, _ = _presidio_id_checks()
    d = digits_of(value)
    # Presidio: one delimiter kind, no all-zero group, not 000/666 or a published sample; 9xx is no SSN either
    return len(d) == 9 and d[0] != "9" and not ssn.invalidate_result(value)


def _tfn(value: str) -> bool:
    _, tfn = _presidio_id_checks()
    d = digits_of(value)
    return len(d) == 9 and len(set(d)) > 1 and bool(tfn.validate_result(d))


# A UK National Insurance number (HMRC): two prefix letters, six digits, a suffix A-D. Not allocated: D, F, I,
# Q, U, V as first letter; D, F, I, O, Q, U, V as second; the prefixes BG, GB, KN, NK, NT, TN and ZZ.
_NINO = re.compile(r"(?<![A-Za-z])([A-Z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\W*$")  # as HMRC writes it
_NINO_FIRST = frozenset("ABCEGHJKLMNOPRSTWXYZ")
_NINO_SECOND = frozenset("ABCEGHJKLMNPRSTWXYZ")
_NINO_UNUSED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def _nino(prefix: str) -> bool:
    return prefix[0] in _NINO_FIRST and prefix[1] in _NINO_SECOND and prefix not in _NINO_UNUSED


@validator("national_id")
def national_id(text: str) -> bool:
    """A US Social Security number, an Irish PPS number, an Australian tax file number or a UK National
    Insurance number, by label or shape."""
    nino = _NINO.search(text)
    if nino is not None:
        return _nino(nino.group(1))
    m = _ID_VALUE.search(text)
    if m is None:
        return False
    value, label = m.group(1).strip(), text[: m.start()].lower()
    if "tfn" in label or "tax file" in label:
        return _tfn(value)
    if "pps" in label or "personal public" in label:
        return _pps(value.replace(" ", ""))
    if "ssn" in label or "social security" in label:
        return _ssn(value)
    if re.fullmatch(r"\d{7}[A-Za-z]{1,2}", value):
        return _pps(value)
    if re.fullmatch(r"\d{3}-\d{2}-\d{4}", value):
        return _ssn(value)
    return False
