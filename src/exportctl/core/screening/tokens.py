"""The token: one analysed part of a name, as produced by analyse.py and stored in the index.

Legal source: none; this is the shared vocabulary of the screening steps. Tokens are plain
tuples (NamedTuple) so an index of hundreds of thousands of them pickles and loads quickly.
"""

from __future__ import annotations

from typing import NamedTuple

# Token kinds. The kind decides the weight of a part in a score (score.py).
NAME = 0  # a distinctive word: given name, surname, trade name
GENERIC = 1  # industry or organisation word (Technology, Group, 集团): weighted low
REGION = 2  # place name used as the region part of an organisation name
FORM = 3  # legal form (Ltd, GmbH, 有限公司, ООО): weighted very low, compared by code
STOP = 4  # particle or connecting word (of, the, bin, al, de)
TITLE = 5  # honorific or rank (Mr, Dr, Sheikh, President)
NUMBER = 6  # number, numeral word or Roman numeral (concept "N:44")
INITIAL = 7  # single letter standing for a given name

KIND_NAMES = ("name", "generic", "region", "legal_form", "particle", "title", "number", "initial")

# How a token's comparable text was obtained from the name as written.
AS_WRITTEN = ""
PINYIN = "pinyin"  # Han characters read in Mandarin pinyin (a person's name)
PINYIN_TRADE = "pinyin_trade"  # a Chinese trade name in pinyin (may have an English brand name)
TRANSLATION = "translation"  # Chinese industry/organisation word translated to English
TRANSLITERATION = "transliteration"  # Cyrillic/Greek/Arabic/Hangul/Kana to Latin
JAPANESE = "japanese"  # Han characters or kana read in Japanese, in Hepburn romaji
ABBREVIATION = "abbreviation"
LEGAL_FORM = "legal_form"


class Token(NamedTuple):
    """One part of an analysed name."""

    text: str  # comparable form: lower-case ASCII (canonical word for forms/terms)
    kind: int  # kind when the name is an organisation's
    pkind: int  # kind when the name is a person's (generic words are names there)
    concepts: tuple[str, ...]  # equivalence classes: legal form code, term concept, region code
    pkey: str  # phonetic key (phonetic.py)
    surface: str  # the part of the normalised name this token came from
    how: str  # derivation (AS_WRITTEN, PINYIN, TRANSLATION, ...)
    script: str  # script of the surface (ISO 15924)
    alts: tuple[str, ...] = ()  # other comparable forms (synonyms, romanisation readings)
    syllables: tuple[str, ...] = ()  # pinyin syllables for Han-derived tokens
