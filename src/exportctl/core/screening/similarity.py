"""Step 3a of screening: how similar two name parts are, and how they match.

Legal source: none directly; the match kinds ("exact", "pinyin", "transliteration", "legal_form",
"abbreviation", "typo", ...) are what every hit explanation reports to the officer (STYLE habit 1:
decisions return explainable objects).

A credit in [0, 1] says how much of a part's weight the match earns: 1.0 for the same word, about
0.9 for the same word in another script or romanisation, less for typos (a budget of edits that
grows with the word's length, so short words need to be exact).
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

from exportctl.core.screening.arabic import consonants, in_order, reading, spells
from exportctl.core.screening.chinese import romanisation_readings
from exportctl.core.screening.japanese import has_kana
from exportctl.core.screening.normalise import ARABIC, CYRILLIC, HAN, HANGUL, HEBREW, LATIN
from exportctl.core.screening.phonetic import (
    chinese_sound_key,
    consonant_key,
    korean_key,
    latin_shapes,
    latin_sound_key,
    latin_sound_keys,
    skeleton_distance,
    zh_plain,
)
from exportctl.core.screening.tokens import (
    FORM,
    GENERIC,
    INITIAL,
    JAPANESE,
    NUMBER,
    PINYIN,
    PINYIN_TRADE,
    Token,
)
from exportctl.core.screening.transliterate import european_readings
from exportctl.core.screening.vocabulary import lexicon

# Match kinds reported in explanations.
EXACT = "exact"
PINYIN_MATCH = "pinyin"
ROMANISATION = "romanisation"  # Wade-Giles, postal, Cantonese spelling of the same Chinese name
TRANSLITERATION = "transliteration"
TRANSLATION = "translation"
LEGAL_FORM = "legal_form"
ABBREVIATION = "abbreviation"
SYNONYM = "synonym"
PHONETIC = "phonetic"
TYPO = "typo"
INITIAL_MATCH = "initial"
NUMBER_MATCH = "number"
HOMOPHONE = "homophone"
JAPANESE_READING = "japanese"  # kanji or kana read in Japanese (Hepburn romaji)
NONE = ""

_CONSONANTAL = (ARABIC, HEBREW)
_LATIN_LIKE = (LATIN,)


FUZZY_FLOOR = 0.55  # below this share of equal characters a spelling difference earns nothing
FUZZY_POWER = 0.7  # credit = ((similarity - floor) / (1 - floor)) ** power


def fuzzy_credit(a: str, b: str) -> float:
    """Credit for a spelling difference: 0 at or below FUZZY_FLOOR similarity (OSA edit
    distance over the longer length), 1 for equal strings."""
    if a == b:
        return 1.0
    longest = max(len(a), len(b))
    if longest < 3:
        return 0.0
    limit = int(longest * 0.45)
    if abs(len(a) - len(b)) > limit:
        return 0.0  # the edit distance is at least the difference in length
    distance = OSA.distance(a, b, score_cutoff=limit)
    if distance > limit:
        return 0.0
    similarity = 1.0 - distance / longest
    if similarity <= FUZZY_FLOOR:
        return 0.0
    return float(((similarity - FUZZY_FLOOR) / (1.0 - FUZZY_FLOOR)) ** FUZZY_POWER)


def similarity(a: Token, b: Token) -> tuple[float, str]:
    """Credit and match kind for two tokens (symmetric)."""
    a_form = a.kind == FORM
    if a_form or b.kind == FORM:
        if not (a_form and b.kind == FORM):
            return 0.0, NONE
        if a.concepts[0] == b.concepts[0]:
            return 1.0, LEGAL_FORM
        family = lexicon().form_family
        if _chinese_company(a, b, family) or _japanese_company(a, b):
            return 0.9, LEGAL_FORM
        same = family.get(a.concepts[0], "a") == family.get(b.concepts[0], "b")
        return (0.6 if same else 0.0), LEGAL_FORM
    if a.kind == NUMBER or b.kind == NUMBER:
        if a.concepts and a.concepts == b.concepts:
            return 1.0, NUMBER_MATCH
        return 0.0, NONE
    if a.script == HAN and b.script == HAN:
        return _han_pair(a, b)
    if a.script == b.script and a.script not in _LATIN_LIKE and a.surface != b.surface:
        # same non-Latin script: compare as written (이재형 is not 이재명)
        credit = fuzzy_credit(a.surface, b.surface) if len(a.surface) > 3 else 0.0
        return credit, TYPO if credit else NONE
    if a.concepts and b.concepts and not set(a.concepts).isdisjoint(b.concepts):
        return _concept_match(a, b)
    if a.text == b.text:
        return 1.0, _derived_kind(a, b, EXACT)
    if (a.alts and b.text in a.alts) or (b.alts and a.text in b.alts):
        # a listed spelling of the same surname or word; dialect spellings of Chinese surnames
        # (Cheung, Ng, Tan) earn less than a same-system reading
        credit = 0.85 if HAN in (a.script, b.script) else 0.95
        return credit, _derived_kind(a, b, SYNONYM)
    if a.kind == INITIAL or b.kind == INITIAL:
        return _initial(a, b)
    if a.script in _CONSONANTAL or b.script in _CONSONANTAL:
        return _consonantal(a, b)
    if a.script == HANGUL or b.script == HANGUL:
        return _korean(a, b)
    if a.script == HAN or b.script == HAN:
        return _han_latin(a, b) if a.script == HAN else _han_latin(b, a)
    if JAPANESE in (a.how, b.how):
        return _japanese(a, b) if a.how == JAPANESE else _japanese(b, a)
    return _latin_pair(a, b)


_COMPANY_FAMILIES = frozenset({"LTD", "JSC", "CORP"})


def _chinese_company(a: Token, b: Token, family: dict[str, str]) -> bool:
    """公司 alone renders every foreign company form in Chinese (MOFCOM notices: 莱茵金属公司 =
    Rheinmetall AG, 因美纳公司 = Illumina, Inc., 嘉耐特公司 = Garnet S.r.l.); and a Chinese
    company form has no one English form: the English name is the company's own rendering, not
    registered with the Chinese name, so a company limited by shares writes "Co., Ltd." as often
    as "Corporation" or "Inc." (浙江大华技术股份有限公司 = Zhejiang Dahua Technology Co., Ltd.). A
    branch (分公司) or a partnership keeps its own form."""
    for form, other in ((a, b), (b, a)):
        if form.script != HAN:
            continue
        if form.concepts[0] == "CO":
            return True
        kinds = (family.get(form.concepts[0]), family.get(other.concepts[0]))
        if form.concepts[0] != "BRANCH" and all(k in _COMPANY_FAMILIES for k in kinds):
            return True
    return False


def _japanese_company(a: Token, b: Token) -> bool:
    """株式会社 (kabushiki kaisha) has no one English form: Japanese companies register "Co.,
    Ltd.", "Corporation", "Inc." or "Ltd." (Companies Act of Japan Art. 2(1); legal_forms.tsv)."""
    return "KK" in (a.concepts[0], b.concepts[0])


def _derived_kind(a: Token, b: Token, default: str) -> str:
    if JAPANESE in (a.how, b.how):
        return JAPANESE_READING
    for token in (a, b):
        if token.how in (PINYIN, PINYIN_TRADE):
            return PINYIN_MATCH
        if token.how in (TRANSLITERATION, TRANSLATION, ABBREVIATION):
            return token.how
    return default


def _concept_match(a: Token, b: Token) -> tuple[float, str]:
    credit = 1.0 if a.text == b.text else 0.95
    if ABBREVIATION in (a.how, b.how):
        return credit, ABBREVIATION
    if a.script == HAN or b.script == HAN:
        return credit, TRANSLATION if TRANSLATION in (a.how, b.how) else TRANSLITERATION
    if a.text == b.text:
        return 1.0, _derived_kind(a, b, EXACT)
    return credit, SYNONYM


def _han_pair(a: Token, b: Token) -> tuple[float, str]:
    if a.surface == b.surface:
        return 1.0, EXACT
    if a.concepts and b.concepts and not set(a.concepts).isdisjoint(b.concepts):
        return 0.95, SYNONYM
    credit = fuzzy_credit(a.surface, b.surface) if len(a.surface) > 2 else 0.0
    if a.text == b.text and a.kind == b.kind and a.kind != GENERIC:
        return max(credit, 0.5), HOMOPHONE  # same pinyin, other characters: not the same name
    return credit, TYPO if credit else NONE


def _initial(a: Token, b: Token) -> tuple[float, str]:
    initial, other = (a, b) if a.kind == INITIAL else (b, a)
    if other.kind != INITIAL and other.text.startswith(initial.text):
        return 0.75, INITIAL_MATCH
    return 0.0, NONE


# By length of the consonant skeleton (for Arabic script: by the letters a Latin spelling accounts
# for, _arabic); longer: 0.92.
_SKELETON_CREDIT = {1: 0.0, 2: 0.65, 3: 0.85}


def _consonantal(a: Token, b: Token) -> tuple[float, str]:
    """Arabic (or Hebrew) script against another token: consonant skeletons must agree, and the
    long vowels the script writes (و = u/o, ي = i/e) must be among the other token's vowels."""
    if a.script == ARABIC and b.script != ARABIC:
        return _arabic(a, b)
    if b.script == ARABIC and a.script != ARABIC:
        return _arabic(b, a)
    ka, kb = consonant_key(a.text), consonant_key(b.text)
    if ka == kb:
        credit = _SKELETON_CREDIT.get(len(ka), 0.92)
    elif min(len(ka), len(kb)) >= 4:
        credit = fuzzy_credit(ka, kb) * 0.85
    else:
        return 0.0, NONE
    if credit and not _long_vowels_agree(a, b):
        credit *= 0.6
    if credit and not _onsets_agree(a, b):
        credit *= 0.5
    return (credit, TRANSLITERATION) if credit else (0.0, NONE)


def _arabic(arabic: Token, other: Token) -> tuple[float, str]:
    return _arabic_credit(arabic.surface, other.text)


@lru_cache(maxsize=131072)  # the same list part meets the same query words again and again
def _arabic_credit(surface: str, text: str) -> tuple[float, str]:
    """An Arabic-script part against a Latin one (arabic.reading): the best of its patterns.
    Every letter the Latin spelling accounts for is evidence: the consonants, the long vowels
    (each among the vowels between the same consonants) and a vowel onset (ع/ا), so علی = Ali
    and یحیی = Yahya earn as a three-consonant name does; a long vowel the Latin spelling lacks
    makes another name (Hussein is حسين, Hassan حسن)."""
    read = reading(surface)
    # Arabic script writes a final long vowel: Abbasi is عباسی, not عباس
    final_ok = text[-1:] not in "iuoy" or text[-1:] in read.final_vowel or len(text) <= 2
    bonus = (read.vowel_onset and text[:1] in "aeiou") + (
        read.final_h and text.rstrip("h")[-1:] in "ae"
    )
    credit = 0.0
    shapes = _keyed_shapes(text)
    for shape, stripped, key in shapes:
        if stripped and not read.final_h:
            continue  # a Latin final -ah/-eh writes ة or ه (Abdulilah is not عبدالعلی)
        for pattern in read.patterns.get(key, ()) if key else ():
            if pattern in read.open_patterns and text[-1:] not in "aeiouh":
                continue  # Abdel is not عبد الله (Abdulla, Abdullah)
            agree = final_ok and spells(pattern, shape)
            evidence = len(key) + agree * (len(pattern) - len(key)) + bonus
            found = _SKELETON_CREDIT.get(evidence, 0.92) * (1.0 if agree else _VOWEL_MISMATCH)
            credit = max(credit, found)
    if not credit:
        keys = {key for _shape, stripped, key in shapes if read.final_h or not stripped}
        if max(map(len, keys)) < 4 or max(map(len, read.skeletons)) < 4:
            return 0.0, NONE
        credit = max(fuzzy_credit(s, k) for s in read.skeletons for k in keys) * 0.85
        if not (final_ok and in_order(read.vowels, _latin_vowels(text, read.vowel_onset))):
            credit *= _VOWEL_MISMATCH
    if credit and not _arabic_onset(surface, text):
        credit *= 0.5
    return (credit, TRANSLITERATION) if credit else (0.0, NONE)


@lru_cache(maxsize=65536)
def _keyed_shapes(text: str) -> tuple[tuple[str, bool, str], ...]:
    """latin_shapes(text), each with its consonant key."""
    return tuple((shape, stripped, consonants(shape)) for shape, stripped in latin_shapes(text))


# A long vowel written in one script and not in the other makes another name (Hussein is حسين,
# Hassan حسن; Abbasi عباسی): the credit falls below score.MIN_CREDIT, a conflict as in Latin.
_VOWEL_MISMATCH = 0.3


def _arabic_onset(surface: str, text: str) -> bool:
    """An Arabic word starts with a consonant or with alif/ain/hamza (a vowel in Latin); an
    initial و is w, v or French ou before a vowel (Wisam is not Oussama), an initial ي y, i or
    German j."""
    if surface[:1] == "و":
        return text[:1] in "wv" or (text.startswith("ou") and text[2:3] in "aeiy")  # Ouahab
    if surface[:1] in "يی":
        return text[:1] in "yij"
    return (surface[:1] in _ARABIC_VOWEL_ONSET) == (text[:1] in "aeiou")


def _latin_vowels(text: str, onset: bool) -> str:
    """The vowels of a Latin word after its first letter; w and v may write و. After a vowel
    onset (ع, ا) the first letter may write the long vowel (عیسی Issa, عيد Eid)."""
    return "".join(_LATIN_VOWEL.get(c, "") for c in (text if onset else text[1:]))


_LATIN_VOWEL = {"a": "a", "e": "e", "i": "i", "y": "y", "o": "o", "u": "u", "w": "u", "v": "u"}


def _long_vowels_agree(a: Token, b: Token) -> bool:
    arabic, other = (a, b) if a.script in _CONSONANTAL else (b, a)
    if other.script in _CONSONANTAL:
        return True
    written = [_VOWEL_CLASS[c] for c in arabic.text[1:] if c in "wy"]
    vowels = [_VOWEL_CLASS[c] for c in other.text[1:] if c in _VOWEL_CLASS]
    position = 0
    for vowel in written:
        while position < len(vowels) and vowels[position] != vowel:
            position += 1
        if position == len(vowels):
            return False
        position += 1
    return True


_ARABIC_VOWEL_ONSET = frozenset("اأإآعءئؤ")


def _onsets_agree(a: Token, b: Token) -> bool:
    """A word starting with alif/ain/hamza starts with a vowel in Latin (Abdullah, Iraqi), and
    a word starting with a consonant letter does not (Padilla is not عبدالله)."""
    arabic, other = (a, b) if a.script in _CONSONANTAL else (b, a)
    if other.script in _CONSONANTAL or not arabic.surface or not other.text:
        return True
    vowel_onset = arabic.surface[0] in _ARABIC_VOWEL_ONSET
    latin_vowel = other.text[0] in "aeiou"
    return vowel_onset == latin_vowel or arabic.surface[0] in "وي"


_VOWEL_CLASS = {"w": "u", "o": "u", "u": "u", "y": "i", "i": "i", "e": "i"}


def _korean(a: Token, b: Token) -> tuple[float, str]:
    ka = {korean_key(t) for t in (a.text, *a.alts)}
    kb = {korean_key(t) for t in (b.text, *b.alts)}
    if not ka.isdisjoint(kb):
        return 0.95, TRANSLITERATION
    credit = max(fuzzy_credit(x, y) for x in ka for y in kb) * 0.85
    return (credit, TRANSLITERATION) if credit else (0.0, NONE)


def _sound_credit(zh_key: str, latin_key: str) -> float:
    """Credit for two consonant skeletons; nasals (n/ng) Chinese adds or drops are optional."""
    if not zh_key or not latin_key:
        return 0.0
    plain = zh_plain(zh_key)
    if plain == latin_key:
        return 0.85 if len(plain) >= 3 else 0.7 if len(plain) == 2 else 0.55
    bare_zh, bare_latin = plain.replace("N", ""), latin_key.replace("N", "")
    if bare_zh and bare_zh == bare_latin:
        return 0.75 if len(bare_zh) >= 3 else 0.65 if len(bare_zh) == 2 else 0.5
    longest = max(len(zh_key), len(latin_key))
    if longest < 3:
        return 0.0
    closeness = 1.0 - skeleton_distance(zh_key, latin_key) / longest
    return 0.8 * closeness if closeness >= 0.8 else 0.0


@lru_cache(maxsize=65536)
def _transliteration_credit(syllables: tuple[str, ...], word: str) -> float:
    """Sound credit of a Chinese transliteration against a Latin word. A final 尔 (er) may be
    added for a final -r/-l or a final -l/-r left out (维戈尔 = Vigo, 阿不都 = Abdul): Xinhua
    transliteration tables (英语姓名译名手册, 译音表)."""
    zh_keys = {chinese_sound_key(syllables)}
    if len(syllables) > 2 and syllables[-1] == "er":
        zh_keys.add(chinese_sound_key(syllables[:-1]))
    latin_keys = set(latin_sound_keys(word))
    if len(word) > 3 and word[-1] in "lr":
        latin_keys.add(latin_sound_key(word[:-1]))
    return max(_sound_credit(a, b) for a in zh_keys for b in latin_keys)


def _spelling_close(a: str, b: str) -> bool:
    """Half the letters in place at least: Zelenskyy/Selenskyj yes, Thomas/Daamoush no."""
    return OSA.normalized_similarity(a, b) >= 0.55


def _other_gender(a: str, b: str) -> bool:
    """Given names that differ only in a final a/o (or -a/-ah) ending mark the other gender."""
    if a[-1:] not in ("a", "o", "h") or b[-1:] not in ("a", "o", "h"):
        return False  # most pairs: no a/o ending (the test below would say so, slower)
    if len(a) < 4 or len(b) < 4 or (a[:-1] != b[:-1] and a.rstrip("h")[:-1] != b.rstrip("h")[:-1]):
        return False
    ends = {a.rstrip("h")[-1], b.rstrip("h")[-1]}
    return ends == {"a", "o"}


def _han_latin(han: Token, latin: Token) -> tuple[float, str]:
    """A Han-derived token (pinyin, transliterated foreign name, translation) against a Latin one."""
    if han.how == JAPANESE:
        return _japanese(han, latin)
    if han.how in (PINYIN, PINYIN_TRADE, TRANSLITERATION) and han.syllables:
        readings = romanisation_readings(latin.text)
        if han.text in readings:
            return 0.92, ROMANISATION
        if han.alts and not readings.isdisjoint(han.alts):
            return 0.85, ROMANISATION  # another reading of a polyphonic character
        if han.how in (PINYIN, PINYIN_TRADE) and readings:
            return 0.0, NONE  # other Chinese syllables: another name (Yang is not Ying)
        best = fuzzy_credit(han.text, latin.text)
        how = TYPO if best else NONE
        # a Chinese name translates an English word ("information"), it does not transcribe it
        sound = latin.kind != GENERIC and len(latin.text) >= 3 and len(han.syllables) >= 2
        if han.how != PINYIN and sound:
            # a foreign name written in Chinese (托德 = Todd), or an English brand name for a
            # Chinese trade name (信诺 = Sinno); not a person's English name (凯翔 is not Jason)
            credit = _transliteration_credit(han.syllables, latin.text)
            if han.how == PINYIN_TRADE:
                credit *= 0.85
            if credit > best:
                best, how = credit, TRANSLITERATION
        if han.how == PINYIN_TRADE and han.alts:
            # a trade name translated by meaning, the English word inflected (概念 = Concepts)
            credit = 0.85 * max(fuzzy_credit(alt, latin.text) for alt in han.alts)
            if any(_gloss_part(latin.text, alt) for alt in han.alts):
                credit = max(credit, 0.5)  # 喷气机 "jet plane" = Jet, 护盾 = Shield
            if credit > best:
                best, how = credit, TRANSLATION
        return best, how
    best = max((fuzzy_credit(alt, latin.text) for alt in (han.text, *han.alts)), default=0.0)
    return (best * 0.9, TRANSLATION) if best else (0.0, NONE)


def _gloss_part(word: str, gloss: str) -> bool:
    """The English word is the first or last word of a compound's gloss (words joined)."""
    return (len(word) >= 3 and len(gloss) > len(word) and 3 * len(word) >= len(gloss)
            and (gloss.startswith(word) or gloss.endswith(word)))  # fmt: skip


def _japanese(japanese: Token, latin: Token) -> tuple[float, str]:
    """A name part read in Japanese against a Latin one. A reading is one of several possible
    (測器 sokuki, the company's Sokki); a katakana loanword adds vowels to an English word
    (エプソン epuson = Epson, グループ gurupu = group) and writes l as r, so it is compared by
    its consonants as a Chinese transliteration is."""
    best = max(fuzzy_credit(r, latin.text) for r in (japanese.text, *japanese.alts)) * 0.9
    keys = (latin_sound_key(japanese.text), latin_sound_key(latin.text))
    if has_kana(japanese.surface) and min(len(keys[0]), len(keys[1])) >= 3:
        # three consonants at least: two (ソニー SN) are shared by too many words (Sun, Sonia)
        best = max(best, _sound_credit(*keys) * 0.85)
    return (best, JAPANESE_READING) if best else (0.0, NONE)


# Name-forming suffixes many different names share: Arabic theophoric compounds (Shams ad-Din,
# Habib Allah), Icelandic patronymics (-sson, -dottir: Personal Names Act No. 45/1996), Georgian
# family names (-shvili, -dze). Two names sharing one are compared by what is left (Shamsuddin is
# not Shahabuddin, Jonsdottir is not Tomasdottir).
_NAME_SUFFIXES = ("uddin", "eddin", "addin", "ullah", "allah", "dottir", "sson", "shvili", "dze")


def _shared_suffix_stems(a: str, b: str) -> tuple[str, str] | None:
    for suffix in _NAME_SUFFIXES:
        if a.endswith(suffix) and b.endswith(suffix):
            return a[: -len(suffix)], b[: -len(suffix)]
    return None


def _latin_pair(a: Token, b: Token) -> tuple[float, str]:
    if _other_gender(a.text, b.text):
        return 0.3, TYPO  # Alejandra is not Alejandro, Maria is not Mario
    credit = fuzzy_credit(a.text, b.text)
    if credit < 0.9 and CYRILLIC in (a.script, b.script) and LATIN in (a.script, b.script):
        cyrillic, latin = (a, b) if a.script == CYRILLIC else (b, a)
        readings = european_readings(latin.text, latin.surface)
        if cyrillic.text in readings:
            return 0.95, TRANSLITERATION  # Isjtjenko (Swedish) = Ищенко
        if readings:
            credit = max(credit, *(fuzzy_credit(r, cyrillic.text) for r in readings))
    stems = _shared_suffix_stems(a.text, b.text) if 0.0 < credit < 1.0 else None
    if stems and min(len(stems[0]), len(stems[1])) >= 3:
        credit = min(credit, fuzzy_credit(*stems))
    how = TYPO if credit else NONE
    if credit >= 0.9:
        return credit, how
    if a.pkey == b.pkey and len(a.pkey) >= 3 and _spelling_close(a.text, b.text):
        # same sound class: strong for long words, weak for short ones (Moore/Moreau, Cook/Cock)
        longest = max(len(a.text), len(b.text))
        phonetic_credit = 0.85 if longest >= 8 else 0.75 if longest >= 7 else 0.35
        if TRANSLITERATION in (a.how, b.how) and longest >= 5:
            phonetic_credit = 0.85  # a name transliterated has no one spelling (Барак = Barack)
        if phonetic_credit > credit:
            return phonetic_credit, PHONETIC
    if credit < 0.8 and a.kind == GENERIC and b.kind == GENERIC:
        shorter, longer = sorted((a.text, b.text), key=len)
        if len(shorter) >= 3 and longer.startswith(shorter):
            return 0.85, ABBREVIATION
    if credit < 0.85 and len(a.text) <= 12 and len(b.text) <= 12:
        ra = romanisation_readings(a.text)
        if ra:
            rb = romanisation_readings(b.text)
            if rb and not ra.isdisjoint(rb):
                return 0.88, ROMANISATION
    return credit, how
