"""Step 2a of screening: the match keys of a name, shared by the index (list names) and queries.

Legal source: as index.py (Dual-Use Regulations Art. 26-30: every name, every script). Keys:
exact words (t:), phonetic keys (p:), one-deletion variants for typos (d:), name-variant and
Japanese-name concepts (k:), industry/region concepts (g:), numbers (n:), pairs of words (2:),
joined neighbours and initials (t:/i:), and cross-script keys kept apart by origin so a Latin
query does not traverse Latin-vs-Latin coarse keys: consonant skeletons of Arabic script (cA:) and
Latin (cL:), Chinese sound keys of Han (zH:) and Latin (zL:), Korean keys of Hangul (aK:) and
Latin (aL:).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations, pairwise

from exportctl.core.screening.analyse import NameForm
from exportctl.core.screening.arabic import reading
from exportctl.core.screening.chinese import PINYIN_SYLLABLES, romanisation_readings
from exportctl.core.screening.normalise import ARABIC, HAN, HANGUL, HEBREW, LATIN
from exportctl.core.screening.phonetic import (
    chinese_sound_key,
    consonant_key,
    consonant_keys,
    korean_key,
    latin_sound_key,
    latin_sound_keys,
    skeleton_variants,
    zh_plain,
)
from exportctl.core.screening.tokens import GENERIC, INITIAL, NAME, NUMBER, REGION, Token

# Weight of a shared key by kind (its first letter), times its rarity, ranks candidates.
KEY_WEIGHT = {"t": 1.0, "i": 1.0, "p": 0.8, "d": 0.6, "c": 0.6, "k": 0.8, "z": 0.5, "g": 0.15,
              "n": 0.3, "2": 1.5, "a": 0.8}  # fmt: skip


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@lru_cache(maxsize=65536)
def _token_key_set(token: Token, query: bool) -> frozenset[str]:
    """_token_keys, memoised: the same parts recur in many names and queries."""
    keys: set[str] = set()
    _token_keys(token, keys, query)
    return frozenset(keys)


def _token_keys(token: Token, keys: set[str], query: bool) -> None:
    """Keys of one token. Cross-script keys live in namespaces by origin (cA: consonants of
    Arabic script, cL: of Latin; zH: Chinese sound key of Han, zL: of Latin; aK: Korean key of
    Hangul, aL: of Latin); a query looks up the namespaces of the other scripts only."""
    text = token.text
    if token.kind in (GENERIC, REGION):
        keys.update("g:" + c for c in token.concepts)
        if token.pkind != NAME:
            return
    if token.kind == NUMBER:
        keys.update("n:" + c for c in token.concepts)
        return
    if token.kind == INITIAL or len(text) < 2:
        return
    script = token.script
    if script in (ARABIC, HEBREW):
        found = reading(token.surface).skeletons if script == ARABIC else (consonant_key(text),)
        keys.update("cA:" + k for k in found)
        if query:
            keys.update("cL:" + k for k in found)
        return
    keys.add("t:" + text)
    keys.update("t:" + alt for alt in token.alts if " " not in alt)
    keys.update("k:" + c for c in token.concepts)
    if len(token.pkey) >= 3:
        keys.add("p:" + token.pkey)
    if len(text) >= 4:
        keys.update("d:" + d for d in _deletions(text))  # Emna finds Mena, Pulin finds Putin
        keys.add("d:" + text)
    if query and len(text) == 4:
        keys.update("t:" + d for d in _deletions(text))  # Yong finds Yon (one letter shorter)
    if script == LATIN:
        if len(text) >= 3:
            keys.update(("cA:" if query else "cL:") + k for k in consonant_keys(text))
        if len(text) <= 7:
            keys.add(("aK:" if query else "aL:") + korean_key(text))
        if len(text) >= 4:
            if query:  # a Chinese rendering of the word: its variants looked up (list: one key)
                skeletons = (v for k in latin_sound_keys(text) for v in skeleton_variants(k, False))
                keys.update("zH:" + v for v in skeletons)
            else:
                keys.add("zL:" + latin_sound_key(text))
        if text not in PINYIN_SYLLABLES and len(text) <= 12:
            readings = romanisation_readings(text)
            if 0 < len(readings) <= 8:
                keys.update("t:" + r for r in readings)
    elif script == HANGUL:
        keys.add("aK:" + korean_key(text))
        keys.update("aK:" + korean_key(alt) for alt in token.alts)
        if query:
            keys.add("aL:" + korean_key(text))
            keys.update("aL:" + korean_key(alt) for alt in token.alts)
    elif script == HAN and len(token.syllables) >= 2:
        skeleton = chinese_sound_key(token.syllables)
        if query:
            keys.update("zL:" + v for v in skeleton_variants(skeleton, True))
        else:
            keys.add("zH:" + zh_plain(skeleton))


JOINED = 1 << 62  # flag in a query key's mask: the key joins parts (merges, initials)


def name_keys(form: NameForm, query: bool = False) -> dict[str, int]:
    """Index keys of an analysed name, each with the bit mask of the tokens it comes from
    (`query=True`: the keys a query looks up). Keys that join parts carry the JOINED flag."""
    out: dict[str, int] = {}
    tokens = form.tokens
    for index, token in enumerate(tokens):
        bit = 1 << index
        for key in _token_key_set(token, query):
            out[key] = out.get(key, 0) | bit
        if query and 2 <= len(token.text) <= 5 and token.text.isalpha():
            out["i:" + token.text] = bit | JOINED  # may be the initials of a list name
    names = [(i, t) for i, t in enumerate(tokens) if t.pkind == NAME or t.kind == NAME]
    for (i, a), (j, b) in pairwise(names):
        joined = a.text + b.text
        mask = (1 << i) | (1 << j) | JOINED
        keys = {"t:" + joined}
        if len(joined) >= 5:
            keys.add("d:" + joined)
        if a.script == LATIN and len(joined) <= 12:
            readings = romanisation_readings(joined)
            if 0 < len(readings) <= 8:
                keys.update("t:" + r for r in readings)
        for key in keys:
            out[key] = out.get(key, 0) | mask
    if len(names) >= 2:
        by_pkey: dict[str, int] = {}
        for i, t in names[:6]:
            by_pkey[t.pkey or t.text] = by_pkey.get(t.pkey or t.text, 0) | (1 << i)
        for x, y in combinations(sorted(by_pkey), 2):
            out["2:" + x + "|" + y] = by_pkey[x] | by_pkey[y]
    words = [(i, t) for i, t in enumerate(tokens) if t.kind in (NAME, GENERIC, REGION)]
    if form.org and 2 <= len(words) <= 5:
        initials = "".join(t.syllables[0][:1] if t.syllables else t.text[:1] for _, t in words)
        mask = JOINED
        for i, _t in words:
            mask |= 1 << i
        out[("t:" if query else "i:") + initials] = mask
    return out
