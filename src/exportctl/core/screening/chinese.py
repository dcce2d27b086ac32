"""Chinese names: pinyin readings, romanisation variants, and the structure of Chinese names.

Legal sources: enterprise names consist of region + trade name (字号) + industry or business
feature + organisation form (Provisions on the Administration of Enterprise Names, State Council
Decree No. 734 (2020), Art. 6); forms per PRC Company Law Art. 2. Romanisation: Hanyu Pinyin
(GB/T 16159), Wade-Giles per the Library of Congress Pinyin Conversion Project tables, postal and
Cantonese spellings from data/regions.tsv and data/zh_surnames.tsv.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin

from exportctl.core.screening.normalise import fold_latin
from exportctl.core.screening.tokens import STOP
from exportctl.core.screening.vocabulary import (
    LexEntry,
    chinese_surnames,
    lexicon,
)

_SYLLABLES = """
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can
cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai
chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den
deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang
fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang
gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken
keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian
liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma mai man mang mao me mei
men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian
niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen
peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu
quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se
sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang
shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie
ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao
xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan
yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi
zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo
"""
PINYIN_SYLLABLES = frozenset(_SYLLABLES.split())  # Hanyu Pinyin syllables (GB/T 16159)

_WG_INITIALS = {
    "b": ("p",),
    "p": ("p",),
    "d": ("t",),
    "t": ("t",),
    "g": ("k",),
    "k": ("k",),
    "j": ("ch",),
    "q": ("ch",),
    "x": ("hs",),
    "zh": ("ch",),
    "ch": ("ch",),
    "sh": ("sh",),
    "r": ("j",),
    "z": ("ts", "tz"),
    "c": ("ts", "tz"),
    "s": ("s",),
}
_WG_WHOLE = {
    "zhi": ("chih",),
    "chi": ("chih",),
    "shi": ("shih",),
    "ri": ("jih",),
    "zi": ("tzu", "tsu"),
    "ci": ("tzu", "tsu"),
    "si": ("ssu", "szu", "su"),
    "er": ("erh",),
    "you": ("yu",),
    "yan": ("yen",),
    "ye": ("yeh",),
    "yi": ("i", "yi"),
    "yong": ("yung",),
    "yue": ("yueh",),
    "e": ("o", "e"),
}


def wade_giles(syllable: str) -> tuple[str, ...]:
    """Wade-Giles spellings of a pinyin syllable, apostrophes and umlauts dropped."""
    if syllable in _WG_WHOLE:
        return _WG_WHOLE[syllable]
    initial = next((i for i in ("zh", "ch", "sh") if syllable.startswith(i)), syllable[:1])
    if initial not in _WG_INITIALS and initial not in "mfnlhwy":
        initial = ""
    final = syllable[len(initial) :]
    if final.startswith("v"):
        final = "u" + final[1:]
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "u" + final[1:]  # ju = chü
    final = {"ong": "ung", "iong": "iung", "ian": "ien", "ie": "ieh", "ue": "ueh", "ve": "ueh"}.get(
        final, final
    )
    if final == "uo" and initial in ("d", "t", "n", "l", "z", "c", "s", "zh", "ch", "r"):
        final = "o"
    if final == "e" and initial in ("g", "k", "h"):
        final = "o"
    heads = _WG_INITIALS.get(initial, (initial,))
    finals = (final, "eh") if final == "e" else (final,)  # ê also printed -eh: Chu Teh (朱德)
    return tuple(head + f for head in heads for f in finals)


# Chinese postal romanisation syllables that neither pinyin nor Wade-Giles produce (Tsinghua,
# Tientsin, Kiangsu, Kwangtung, Hangchow, Foochow, Chunghwa): China Postal Atlas (1919) spellings.
_POSTAL = {
    "tsing": ("qing", "jing"),
    "tsin": ("jin", "qin"),
    "tsi": ("ji", "qi"),
    "tsien": ("qian", "jian"),
    "kiang": ("jiang",),
    "kia": ("jia",),
    "kiao": ("jiao",),
    "kin": ("jin",),
    "king": ("jing", "qing"),
    "kiu": ("jiu",),
    "kwang": ("guang",),
    "kwan": ("guan",),
    "kwei": ("gui",),
    "kwo": ("guo",),
    "kwok": ("guo",),
    "hia": ("xia",),
    "hiang": ("xiang",),
    "hien": ("xian",),
    "sian": ("xian",),
    "chow": ("zhou",),
    "chau": ("zhou",),
    "foo": ("fu",),
    "hing": ("xing",),
    "hung": ("hong", "xiong"),
    "hwa": ("hua",),
    "hwang": ("huang",),
    "sze": ("si",),
    "tze": ("zi",),
    "yeung": ("yang",),
    "cheung": ("zhang", "chang", "jiang"),
    "cheong": ("zhang", "chang"),
    "yuen": ("yuan",),
    "shek": ("shi",),
    "wong": ("wang", "huang"),
}


@lru_cache(maxsize=1)
def _syllable_table() -> dict[str, frozenset[str]]:
    """Spelling of one syllable (pinyin, Wade-Giles, postal) -> pinyin syllables it can be."""
    table: dict[str, set[str]] = {}
    for syllable in PINYIN_SYLLABLES:
        plain = syllable.replace("v", "u")
        table.setdefault(plain, set()).add(syllable)
        for form in wade_giles(syllable):
            table.setdefault(form, set()).add(syllable)
    for spelling, readings in _POSTAL.items():
        table.setdefault(spelling, set()).update(readings)
    return {k: frozenset(v) for k, v in table.items()}


def is_syllable(word: str) -> bool:
    """True for one Chinese syllable in pinyin, Wade-Giles or postal spelling."""
    return word in _syllable_table()


@lru_cache(maxsize=1)
def _whole_words() -> dict[str, frozenset[str]]:
    """Whole-word spellings of historic place names (Peking, Canton, Amoy). Dialect spellings of
    surnames (Cheung, Ng, Lim) are not here: they are alternatives of a Han surname token only,
    as they would read too many unrelated Latin words as Chinese."""
    table: dict[str, set[str]] = {}
    for entries in lexicon().latin.values():
        for tokens, entry in entries:
            if len(tokens) == 1 and entry.concepts and entry.concepts[0].startswith("CN-"):
                table.setdefault(tokens[0], set()).add(entry.canonical)
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=65536)
def romanisation_readings(word: str) -> frozenset[str]:
    """Pinyin spellings a Latin word could be (Wade-Giles, postal, Cantonese, unspaced pinyin).

    Empty when the word cannot be read as Chinese syllables. Only the segmentations with the
    fewest syllables count; at most 24 readings.
    """
    n = len(word)
    if n < 2 or n > 24 or not word.isalpha():
        return frozenset()
    table = _syllable_table()
    out: set[str] = set(_whole_words().get(word, ()))
    best: list[list[tuple[frozenset[str], ...]]] = [[] for _ in range(n + 1)]
    best[0] = [()]
    for i in range(n):
        if not best[i]:
            continue
        shortest = min(len(seg) for seg in best[i])
        for j in range(i + 1, min(n, i + 6) + 1):
            readings = table.get(word[i:j])
            if readings:
                best[j].extend((*seg, readings) for seg in best[i] if len(seg) == shortest)
    if best[n]:
        fewest = min(len(seg) for seg in best[n])
        for seg in best[n]:
            if len(seg) == fewest:
                # the syllables sorted: the readings kept must not depend on the hash seed
                ordered = (sorted(syllables) for syllables in seg)
                out.update("".join(c) for c in itertools.islice(itertools.product(*ordered), 24))
    return frozenset(sorted(out)[:24]) if len(out) > 24 else frozenset(out)


@lru_cache(maxsize=65536)
def han_syllables(text: str) -> tuple[str, ...]:
    """Pinyin syllables (no tones, ü as u) of Han text; other characters transliterated."""
    out: list[str] = []
    for item in lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors="default"):
        item = item.replace("ü", "u")
        if item.isascii() and item.isalpha():
            out.append(item.lower())
        else:
            out.extend(w for w in fold_latin(item).split() if w.isalnum())
    return tuple(out)


@lru_cache(maxsize=65536)
def other_readings(text: str, limit: int = 4) -> tuple[str, ...]:
    """Other pinyin readings of a short Han name made of polyphonic characters (多音字: 勒 le/lei,
    重 zhong/chong), joined; the most likely reading (han_syllables) is not among them.

    Names keep readings that phrase context would not choose (董勒成 = Dong Lecheng), so a name
    is compared with the two most common readings of each character (pypinyin heteronyms, in
    the order of the Unihan kMandarin/kHanyuPinyin fields; rarer ones such as 平 bing would read
    too many names as others), at most `limit` of them.
    """
    if len(text) > 4:
        return ()
    options = [
        [r.replace("ü", "u").replace("v", "u") for r in readings[:2]]
        for readings in pinyin(text, style=Style.NORMAL, heteronym=True, errors="ignore")
    ]
    if len(options) != len(text) or all(len(o) == 1 for o in options):
        return ()
    first = "".join(han_syllables(text))
    out = dict.fromkeys("".join(c) for c in itertools.islice(itertools.product(*options), 12))
    return tuple(r for r in out if r != first and r.isalpha())[:limit]


@dataclass(frozen=True)
class Segment:
    """A part of a Chinese name: region, term (industry/organisation word), form or trade name."""

    surface: str
    entries: tuple[LexEntry, ...]  # empty for a trade-name segment


def segment_organisation(chunks: list[str]) -> list[Segment]:
    """Split a Chinese organisation name into dictionary words and trade-name runs.

    Longest dictionary match wins; a one-character dictionary word (所, 厂, 部) is taken only at the
    end of the name or before another dictionary word, so trade names like 新华 stay whole.
    """
    lex = lexicon()
    segments: list[Segment] = []
    for chunk in chunks:
        buffer = ""
        i = 0
        n = len(chunk)
        while i < n:
            found = ""
            for size in range(min(lex.han_max, n - i), 0, -1):
                piece = chunk[i : i + size]
                # a trade name has at least two characters (Provisions on the Administration of
                # Enterprise Names Art. 8), so a one-character word cannot cut it shorter
                if (
                    piece in lex.han
                    and (size > 1 or _single_ok(chunk, i + 1, buffer)
                         or _connective(piece, chunk, i, buffer))
                    and (len(buffer) != 1 or size > 1)
                ):  # fmt: skip
                    found = piece
                    break
            if found:
                if buffer:
                    segments.append(Segment(buffer, ()))
                    buffer = ""
                segments.append(Segment(found, tuple(lex.han[found])))
                i += len(found)
            else:
                buffer += chunk[i]
                i += 1
        if buffer:
            segments.append(Segment(buffer, ()))
    return segments


def _connective(piece: str, chunk: str, at: int, buffer: str) -> bool:
    """与/和/及 between two names of two or more characters joins them (吉布斯与考克斯 = Gibbs &
    Cox); inside a shorter run it is part of a trade name."""
    return (
        len(buffer) >= 2
        and len(chunk) - at - 1 >= 2
        and any(e.kind == STOP for e in lexicon().han[piece])
    )


def _single_ok(chunk: str, after: int, buffer: str) -> bool:
    if after >= len(chunk):
        return True
    lex = lexicon()
    rest = chunk[after:]
    return any(rest[:size] in lex.han for size in range(2, min(lex.han_max, len(rest)) + 1))


# Characters of the Xinhua News Agency transliteration tables for foreign names (英语姓名译名手册
# 译音表, 世界人名翻译大辞典): a name made mostly of them is a foreign name written in Chinese
# (托德·斯坦恩 = Todd Stein), compared by sound, not read as a Chinese name.
TRANSLITERATION_CHARACTERS = frozenset(
    "阿埃艾爱安昂奥巴拜班邦保贝本比彼宾波伯博布达戴丹道德登邓迪蒂丁东杜多厄恩尔法凡范菲费芬丰弗福"
    "富盖甘冈戈格根贡古瓜圭哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎昆拉莱兰朗劳勒雷"
    "里利列林琳隆卢鲁伦罗洛马迈麦曼芒梅蒙米敏明莫默姆穆纳奈南瑙内尼宁纽努诺欧帕派潘庞佩彭皮珀普齐"
    "奇恰乔切琴丘萨塞赛桑瑟森沙莎尚舍申什史舒斯松苏索塔泰坦汤唐陶特滕提廷帖通图托瓦万旺威韦维温沃"
    "乌伍西希锡夏谢辛休修雅亚扬耶伊因英尤于约扎泽詹朱兹佐娅娃妮丽蒂斯茨兹赖霍萨奥"
)


def is_transliteration(text: str) -> bool:
    """True when most characters of `text` are transliteration characters (a foreign name)."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(han) < 2:
        return False
    return sum(c in TRANSLITERATION_CHARACTERS for c in han) / len(han) >= 0.75


def split_person(text: str) -> tuple[str, str] | None:
    """(surname, given name) of a Chinese personal name of 2-4 characters, else None."""
    if not 2 <= len(text) <= 4:
        return None
    surnames = chinese_surnames()
    if len(text) >= 3 and text[:2] in surnames:
        return text[:2], text[2:]
    if text[:1] in surnames:
        return text[:1], text[1:]
    return None


def surname_pinyin(surname: str) -> str:
    """Pinyin of a surname, using the surname reading for polyphonic characters (单 = shan)."""
    known = chinese_surnames().get(surname)
    return known.pinyin if known else "".join(han_syllables(surname))


def surname_variants(surname: str) -> tuple[str, ...]:
    known = chinese_surnames().get(surname)
    return known.variants if known else ()
