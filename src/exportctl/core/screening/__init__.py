"""Party screening engine: normalise -> index -> score -> explain, in every script.

Legal source: Export Control Law Art. 18 and Dual-Use Regulations Arts. 26-30 (no dealings with
parties on the MOFCOM control list without a licence, extra checks for watch-list parties); the
Unreliable Entity List and MFA countermeasure lists; foreign lists (UN, OFAC, UK, EU, BIS) that
exporters respect. Pure code: no Django, no database, no network, no clock.

Public API (stable; other packages call only these names)::

    from exportctl.core.screening import (
        DEFAULT_THRESHOLD, Hit, PairScore, Query, ScreeningIndex, build_index, score_names, screen,
    )

    score_names(name1, name2, schema=None) -> PairScore
        Score two names in [0, 1]; `PairScore.match` is `score >= DEFAULT_THRESHOLD` and
        `PairScore.explanation` says which part of name1 matched which part of name2 and how
        (exact, pinyin, romanisation, transliteration, translation, legal_form, abbreviation,
        synonym, phonetic, typo, initial, number, acronym, simplified_traditional). `schema` is a
        FollowTheMoney schema ("Person", "Company", "Organization", "LegalEntity", "Vessel",
        "Aircraft") or None to infer person vs organisation from the names.

    build_index(records: Iterable[EntityRecord]) -> ScreeningIndex
        Analyse and index every name and alias of every record (build once per list version;
        about 30 s for the ~34k records / 100k names of all bundled lists).
    ScreeningIndex.save(path) / ScreeningIndex.load(path)
        One marshal blob of plain structures (load ~1-2 s).
    warm_up() / ScreeningIndex.prepare()
        Load the dictionaries that reading names uses (vocabulary, Japanese tokenizer, CC-CEDICT
        surname entries), and rebuild the index's analysed names, now rather than on the first
        queries that need them; a server calls both with the index load (~1 s together).

    screen(index, Query(name, schema=None, country=None, birth_date=None, identifiers=()),
           threshold=DEFAULT_THRESHOLD, limit=10) -> list[Hit]
        Records whose best name scores >= threshold, best first. A Hit has `entity_key`,
        `source`, `schema`, `caption`, `matched_name`, `score` (after qualifiers), `name_score`,
        `explanation` (structured `Explanation`, `.to_json()` for storage), `designations` (list,
        announcement, measures, status from the record) and `text_en` / `text_zh`
        (human-readable, both languages).

    Policy notes: a two-syllable Chinese personal name alone (张伟 / Zhang Wei) is held at 0.65,
    below the threshold, until a birth date, nationality or identifier corroborates it;
    `screen` lowers or raises scores by schema, country, birth date and identifiers and writes
    each change into the explanation. A ScreeningIndex may be shared by threads.

Modules: normalise (Unicode, case, punctuation, scripts), vocabulary (data/*.tsv: legal forms,
bilingual organisation and industry terms, regions, name parts, Chinese surnames, each with its
source), chinese (pinyin, Wade-Giles/postal/Cantonese readings, organisation-name structure),
translate (Chinese trade names translated by meaning, CC-CEDICT), japanese (Japanese names
in kanji or kana read in Hepburn romaji, SudachiDict), transliterate (Cyrillic, Arabic, Greek, Hangul, Kana ...), phonetic (keys for transliteration
variants), tokens (the Token tuple), analyse and analyse_cjk (names -> typed tokens; Han, Hangul
and Chinese-pattern names), similarity (part vs part), align (joins, initials, patronymic order),
score (alignment and score), explain (Explanation, English and Chinese text), qualifiers (schema,
country, birth date, identifiers), keys (match keys), index (candidate index), match
(score_names), screen (Query, Hit, screen).
"""

from __future__ import annotations

from exportctl.core.screening.explain import Adjustment, Explanation, PartMatch
from exportctl.core.screening.index import ScreeningIndex, build_index
from exportctl.core.screening.match import PairScore, score_names, warm_up
from exportctl.core.screening.normalise import normalise_name
from exportctl.core.screening.score import DEFAULT_THRESHOLD
from exportctl.core.screening.screen import Hit, Query, screen

__all__ = [
    "DEFAULT_THRESHOLD",
    "Adjustment",
    "Explanation",
    "Hit",
    "PairScore",
    "PartMatch",
    "Query",
    "ScreeningIndex",
    "build_index",
    "normalise_name",
    "score_names",
    "screen",
    "warm_up",
]
