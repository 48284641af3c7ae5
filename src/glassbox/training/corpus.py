"""The multilingual training corpus glassbox writes for itself — deterministic for a seed.

A corpus is a list of short :class:`Document` s in seven languages (English the largest share, so the
tokenizer shows the "tokenization tax" of the others), in eleven genres:

* everyday text from the per-language generators of :mod:`~glassbox.training.corpus_data.general`:
  ``encyclopedia`` (science, animals, food, places, history, technology, sport, art …), ``story``,
  ``dialogue``, ``instructions``, ``list`` and ``numbers`` (counting, dates, arithmetic);
* ``fact`` — country → capital, city → country, animal → sound, object → colour (112 facts per language);
* ``two_hop`` — city → country → capital, as a direct question and as a worked chain of both hops;
* ``ioi`` — the indirect-object pattern "When Mary and John went to the shop, John gave a book to" → Mary,
  and short templated stories;
* ``sequence`` — counting, days of the week, months, "after X comes Y", small sums;
* ``induction`` — a random word sequence written twice (the model can only predict the second copy by
  looking back: this is what grows induction heads). Spans of random *token ids* repeated within a sequence
  are added after tokenization (:mod:`glassbox.training.data`), so that copying generalises beyond words.

**The held-out split** is never trained on:

* facts are asked through two kinds of *held-out phrasing*, never seen in training while the fact itself
  is known from the training phrasings: the primary one puts a new question frame ("Did you know that …")
  in front of a lower-cased training phrase (:func:`~glassbox.training.corpus_data.templates.framed_template`);
  the harder one is a real paraphrase (the last template of each relation in
  :mod:`~glassbox.training.corpus_data.templates`, e.g. "The capital city of France is");
* two-hop questions for a fixed set of *held-out cities* (every fourth city): both single hops of these
  cities are trained (city → country, country → capital), the composition never is;
* everyday text written with the *held-out phrasings* of the generators (every fifth template, opening and
  frame of each list is reserved for it, :func:`~glassbox.training.corpus_data.general.base.phrase`);
* ``GENERAL_SENTENCES``: sentences written by hand per language that no generator produces — the "outside
  the templates" text on which loss and calibration are measured (``CALIBRATION_SENTENCES``, another
  hand-written set in no split, is what a run's temperature is fitted on: :mod:`glassbox.training.calibrate`);
* IOI stories, sequences and induction documents drawn with a different seed, minus any exact duplicate of a
  training document.
"""

from __future__ import annotations

import importlib
import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from glassbox.schema.history import CorpusSplits, DocumentCounts
from glassbox.training.corpus_data.facts import ANIMALS, CITIES, CITY_COUNTRY, COUNTRIES, LANGS, OBJECTS, Entity
from glassbox.training.corpus_data.general.base import GENRES as GENERAL_GENRES
from glassbox.training.corpus_data.language import (
    DAYS,
    GIFTS,
    IOI_TEMPLATES,
    MONTHS,
    NAMES,
    PLACES,
    REPEAT_FRAMES,
    SEQUENCE_FRAMES,
    STORY_TEMPLATES,
    WORD_SEP,
)
from glassbox.training.corpus_data.templates import (
    FACT_TEMPLATES,
    LEAD_INS,
    TWO_HOP_CHAINS,
    TWO_HOP_TEMPLATES,
    framed_template,
    led_in,
)

__all__ = [
    "CORPUS_VERSIONS",
    "GENRE_WEIGHTS",
    "LANGS",
    "LANGUAGE_WEIGHTS",
    "Completion",
    "Corpus",
    "Document",
    "anneal_documents",
    "fact_completions",
    "general_module",
    "general_sentences",
    "generate_corpus",
    "heldout_two_hop_cities",
    "induction_sequences",
    "ioi_completions",
    "two_hop_completions",
]

#: Share of documents per language. English is the largest, the others share the rest equally.
LANGUAGE_WEIGHTS: dict[str, float] = {"en": 0.31, **{lang: 0.115 for lang in LANGS if lang != "en"}}

#: Share of documents per genre in corpus version 2 (glassbox-tiny v2's recipe). Everyday text is the majority,
#: so the model learns the languages rather than a few templates; facts stay frequent, because a model of a few
#: million parameters needs many repetitions of each fact in each language before it answers through a phrasing
#: it has never seen.
GENRE_WEIGHTS: dict[str, float] = {
    "encyclopedia": 0.19,
    "story": 0.09,
    "dialogue": 0.08,
    "instructions": 0.06,
    "list": 0.05,
    "numbers": 0.06,
    "fact": 0.30,
    "two_hop": 0.04,
    "ioi": 0.05,
    "sequence": 0.03,
    # Copying (induction heads); random *token* spans are added on top, after tokenization (data.py).
    "induction": 0.05,
}

#: Corpus version 1: the shipped glassbox-tiny's corpus (templates only). Kept so ``make model`` reproduces
#: the shipped model exactly; the genre order and weights are those it was generated with.
GENRE_WEIGHTS_V1: dict[str, float] = {"fact": 0.40, "two_hop": 0.05, "ioi": 0.15, "sequence": 0.08, "induction": 0.32}

#: corpus version → (genre weights, held-out random documents, hand-written held-out sentences included).
CORPUS_VERSIONS: dict[int, tuple[dict[str, float], int, bool]] = {
    1: (GENRE_WEIGHTS_V1, 400, False),
    2: (GENRE_WEIGHTS, 1200, True),
}

#: relation → its entity table.
RELATIONS: dict[str, tuple[Entity, ...]] = {
    "capital": COUNTRIES,
    "city_country": CITIES,
    "animal_sound": ANIMALS,
    "object_colour": OBJECTS,
}

_JOINER = {lang: "" if lang in ("zh", "ja") else " " for lang in LANGS}


@cache
def general_module(lang: str) -> ModuleType:
    """The everyday-text generator module of ``lang`` (:mod:`glassbox.training.corpus_data.general`)."""
    if lang not in LANGS:
        raise ValueError(f"unknown corpus language {lang!r}: choose one of {', '.join(LANGS)}")
    return importlib.import_module(f"glassbox.training.corpus_data.general.{lang}")


def general_sentences(languages: Iterable[str] = LANGS) -> list[Document]:
    """The hand-written held-out sentences of each language (text no generator produces)."""
    return [
        Document(text, lang, "general_sentence")
        for lang in languages
        for text in general_module(lang).GENERAL_SENTENCES
    ]


def calibration_sentences(languages: Iterable[str] = LANGS) -> list[Document]:
    """The hand-written sentences a run's temperature is fitted on (:mod:`glassbox.training.calibrate`).

    Never in a training or held-out split, and not the evaluation's ``GENERAL_SENTENCES``: the calibration that
    ``glassbox eval`` reports is measured on text the temperature was not fitted on.
    """
    return [
        Document(text, lang, "calibration_sentence")
        for lang in languages
        for text in general_module(lang).CALIBRATION_SENTENCES
    ]


@dataclass(frozen=True)
class Document:
    """One training or held-out text: its language and genre (a :data:`GENRE_WEIGHTS` key or ``general_sentence``)."""

    text: str
    language: str
    genre: str


@dataclass(frozen=True)
class Completion:
    """A prompt whose correct continuation is ``answer`` (``prompt + answer`` is the text up to the answer).

    ``task`` says what it tests: a fact relation (``capital``, ``city_country`` …), ``two_hop``, ``ioi`` or
    ``sequence``; ``key`` tells the items of one task apart.
    """

    language: str
    task: str
    key: str
    prompt: str
    answer: str


@dataclass
class Corpus:
    """The generated corpus: training documents, held-out documents and their statistics."""

    seed: int
    train: list[Document]
    heldout: list[Document]
    stats: CorpusSplits


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fill(template: str, **values: str) -> str:
    # {X} is the capitalised form of {x}, for sentence starts; CJK text is unchanged by upper().
    extra = {k.upper(): _cap(v) for k, v in values.items() if len(k) == 1}
    return template.format(**values, **extra)


def _split_prompt(template: str, answer: str, **values: str) -> tuple[str, str]:
    """Split a template at its last ``{o}``: the text before it (trailing spaces moved to the answer)."""
    head = template.rsplit("{o}", 1)[0]
    prompt = _fill(head, o=answer, **values)
    stripped = prompt.rstrip(" ")
    return stripped, prompt[len(stripped) :] + answer


def heldout_two_hop_cities() -> tuple[str, ...]:
    """Keys of the cities whose two-hop composition is held out (every fourth city)."""
    return tuple(city.key for i, city in enumerate(CITIES) if i % 4 == 3)


_CAPITAL_BY_COUNTRY = {c.key: c for c in COUNTRIES}


def fact_completions(languages: Iterable[str] = LANGS, template: int | str = "framed") -> list[Completion]:
    """Every fact in every language through one phrasing.

    ``template``: ``"framed"`` (primary held-out phrasing), ``"paraphrase"`` (held-out paraphrase, harder) or
    the index of a training template.
    """
    out = []
    for lang in languages:
        for relation, table in RELATIONS.items():
            if template == "framed":
                tpl = framed_template(relation, lang)
            elif template == "paraphrase":
                tpl = FACT_TEMPLATES[relation][lang][-1]
            else:
                tpl = FACT_TEMPLATES[relation][lang][:-1][int(template)]
            for ent in table:
                prompt, answer = _split_prompt(tpl, ent.answer[lang], s=ent.subject[lang])
                out.append(Completion(lang, relation, ent.key, prompt, answer))
    return out


def _trained_cities() -> list[Entity]:
    """The cities whose two-hop compositions are trained (all but :func:`heldout_two_hop_cities`)."""
    held = set(heldout_two_hop_cities())
    return [c for c in CITIES if c.key not in held]


def two_hop_completions(languages: Iterable[str] = LANGS, heldout: bool = True) -> list[Completion]:
    """Two-hop questions (city → country → capital) for the held-out (or the trained) cities."""
    held = set(heldout_two_hop_cities())
    out = []
    for lang in languages:
        for city in CITIES:
            if (city.key in held) != heldout:
                continue
            capital = _CAPITAL_BY_COUNTRY[CITY_COUNTRY[city.key]].answer[lang]
            prompt, answer = _split_prompt(TWO_HOP_TEMPLATES[lang].replace("{c}", "{s}"), capital, s=city.subject[lang])
            out.append(Completion(lang, "two_hop", city.key, prompt, answer))
    return out


def _ioi(rng: random.Random, lang: str) -> tuple[str, str, str]:
    a, b = rng.sample(NAMES[lang], 2)
    tpl = IOI_TEMPLATES[lang]
    values = {"a": a.nom, "b": b.nom, "p": rng.choice(PLACES[lang]), "g": rng.choice(GIFTS[lang])}
    text = _fill(tpl, a_dat=a.dat, **values)
    prompt = _fill(tpl.split("{a_dat}")[0], **values)
    stripped = prompt.rstrip(" ")
    return text, stripped, prompt[len(stripped) :] + a.dat


def ioi_completions(n_per_language: int, seed: int, languages: Iterable[str] = LANGS) -> list[Completion]:
    """Indirect-object prompts ("…, John gave a book to" → " Mary"), fresh random names and places."""
    rng = random.Random(f"ioi-{seed}")
    out = []
    for lang in languages:
        for i in range(n_per_language):
            _, prompt, answer = _ioi(rng, lang)
            out.append(Completion(lang, "ioi", str(i), prompt, answer))
    return out


def _word_pool(lang: str) -> list[str]:
    words = {e.subject[lang] for table in RELATIONS.values() for e in table}
    words |= {e.answer[lang] for table in RELATIONS.values() for e in table}
    words |= set(DAYS[lang]) | set(MONTHS[lang]) | {n.nom for n in NAMES[lang]} | set(GIFTS[lang])
    # Multi-word entries would make "one random word" ambiguous for the induction measure.
    return sorted(w for w in words if " " not in w)


_POOLS = {lang: _word_pool(lang) for lang in LANGS}


def _random_words(rng: random.Random, lang: str, lo: int, hi: int) -> str:
    return WORD_SEP[lang].join(rng.choice(_POOLS[lang]) for _ in range(rng.randint(lo, hi)))


def induction_sequences(n_per_language: int, seed: int, languages: Iterable[str] = LANGS) -> list[tuple[str, str]]:
    """``(language, words)`` random word sequences for the induction measure (write ``words`` twice)."""
    rng = random.Random(f"induction-eval-{seed}")
    return [(lang, _random_words(rng, lang, 6, 10)) for lang in languages for _ in range(n_per_language)]


def _fact_sentence(rng: random.Random, lang: str, lead_in: float = 0.0) -> str:
    relation = rng.choices(list(RELATIONS), weights=[len(t) for t in RELATIONS.values()])[0]
    ent = rng.choice(RELATIONS[relation])
    templates = FACT_TEMPLATES[relation][lang][:-1]  # the last one is held out
    template = rng.choice(templates)
    if lead_in and rng.random() < lead_in:  # (no draw at all without lead-ins: versions 1 and 2 stay identical)
        template = led_in(template, lang, rng.choice(LEAD_INS[lang])) or template
    return _fill(template, s=ent.subject[lang], o=ent.answer[lang])


def _two_hop_sentence(rng: random.Random, lang: str, cities: list[Entity], chain: bool) -> str:
    city = rng.choice(cities)
    country = _CAPITAL_BY_COUNTRY[CITY_COUNTRY[city.key]]
    tpl = TWO_HOP_CHAINS[lang] if chain else TWO_HOP_TEMPLATES[lang]
    return _fill(tpl, c=city.subject[lang], k=country.subject[lang], o=country.answer[lang])


def _ioi_story(rng: random.Random, lang: str) -> str:
    if rng.random() < 0.5:
        return _ioi(rng, lang)[0]
    a, b = rng.sample(NAMES[lang], 2)
    city = rng.choice(CITIES + COUNTRIES)
    place = rng.choice(PLACES[lang])
    return _fill(
        rng.choice(STORY_TEMPLATES[lang]),
        a=a.nom,
        b=b.nom,
        p=place,
        city=city.subject[lang] if city in CITIES else city.answer[lang],
        animal=rng.choice(ANIMALS).subject[lang],
    )


def _sequence(rng: random.Random, lang: str) -> str:
    frames = SEQUENCE_FRAMES[lang]
    kind = rng.choice(("days", "months", "count", "after", "sum"))
    if kind in ("days", "months", "count"):
        items: tuple[str, ...] = DAYS[lang] if kind == "days" else MONTHS[lang]
        if kind == "count":
            items = tuple(str(i) for i in range(1, 21))
        start, length = rng.randrange(len(items)), rng.randint(3, len(items) if kind != "count" else 10)
        run = (
            [items[(start + i) % len(items)] for i in range(length)]
            if kind != "count"
            else list(items[start : start + length]) or [items[0]]
        )
        return _fill(frames[kind], x=frames["list_sep"].join(run))
    if kind == "after":
        items = rng.choice((DAYS[lang], MONTHS[lang]))
        i = rng.randrange(len(items))
        return _fill(frames["after"], a=items[i], b=items[(i + 1) % len(items)])
    a, b = rng.randint(0, 9), rng.randint(0, 9)
    return _fill(frames["sum"], a=str(a), b=str(b), c=str(a + b))


def _induction(rng: random.Random, lang: str) -> str:
    words = _random_words(rng, lang, 4, 12)
    if rng.random() < 0.4:
        return _fill(REPEAT_FRAMES[lang], x=words)
    # Two or three copies: every copy after the first can only be predicted by looking back.
    sep = _JOINER[lang] if lang in ("zh", "ja") else " "
    return sep.join([words] * (3 if rng.random() < 0.3 else 2))


@cache
def _heldout_guard(lang: str) -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """What everyday text must not contain, so the held-out measures stay held out.

    A pattern matching every held-out fact phrasing (framed and paraphrase, with its answer), and the
    (held-out city, capital of its country) pairs: a text naming both would teach the two-hop composition.
    """
    held = [c.prompt + c.answer for kind in ("framed", "paraphrase") for c in fact_completions([lang], template=kind)]
    pattern = re.compile("|".join(re.escape(h) for h in sorted(held, key=len, reverse=True)))
    cities = {c.key: c for c in CITIES}
    pairs = tuple(
        (cities[key].subject[lang], _CAPITAL_BY_COUNTRY[CITY_COUNTRY[key]].answer[lang])
        for key in heldout_two_hop_cities()
    )
    return pattern, pairs


def _leaks_heldout(lang: str, text: str) -> bool:
    pattern, pairs = _heldout_guard(lang)
    return bool(pattern.search(text)) or any(city in text and capital in text for city, capital in pairs)


def _document(
    rng: random.Random, lang: str, genre: str, cities: list[Entity], heldout: bool = False, lead_in: float = 0.0
) -> str:
    if genre in GENERAL_GENRES:
        generate = general_module(lang).GENERATORS[genre]
        while True:  # redraw the rare text that would give a held-out answer away (deterministic: same rng)
            text: str = generate(rng, heldout)
            if heldout or not _leaks_heldout(lang, text):
                return text
    join = _JOINER[lang].join
    if genre == "fact":
        return join(_fact_sentence(rng, lang, lead_in) for _ in range(rng.randint(2, 5)))
    if genre == "two_hop":
        return join(_two_hop_sentence(rng, lang, cities, chain=rng.random() < 0.5) for _ in range(2))
    if genre == "ioi":
        return _ioi_story(rng, lang)
    if genre == "sequence":
        return join(_sequence(rng, lang) for _ in range(rng.randint(1, 3)))
    return _induction(rng, lang)


def _sample_documents(
    rng: random.Random,
    n: int,
    cities: list[Entity],
    weights: dict[str, float],
    heldout: bool = False,
    languages: dict[str, float] = LANGUAGE_WEIGHTS,
    lead_in: float = 0.0,
) -> list[Document]:
    langs, lang_w = list(languages), list(languages.values())
    genres, genre_w = list(weights), list(weights.values())
    docs = []
    for _ in range(n):
        lang = rng.choices(langs, weights=lang_w)[0]
        genre = rng.choices(genres, weights=genre_w)[0]
        docs.append(Document(_document(rng, lang, genre, cities, heldout, lead_in), lang, genre))
    return docs


#: The anneal phase's data (``TrainConfig.anneal_steps``, :func:`anneal_documents`): half the documents are facts,
#: 60 % of fact sentences come after a lead-in ("My teacher says that …", :data:`templates.LEAD_INS`), so a fact is
#: recalled after a preamble and not only at the start of a text; 15 % are random words repeated (version 2: 5 %),
#: so copying words works in Chinese and Japanese too; and the languages whose facts lagged after the main phase
#: (zh, ja, then uk, ru, cs) are drawn more often. The other genres keep version 2's proportions among themselves.
ANNEAL_FACT_SHARE = 0.5
ANNEAL_INDUCTION_SHARE = 0.15
ANNEAL_LEAD_IN = 0.6
ANNEAL_LANGUAGE_WEIGHTS: dict[str, float] = {
    "en": 0.12,
    "fr": 0.08,
    "cs": 0.12,
    "uk": 0.14,
    "zh": 0.22,
    "ru": 0.14,
    "ja": 0.18,
}


def anneal_documents(n_documents: int, seed: int = 0) -> list[Document]:
    """The anneal phase's ``n_documents`` training documents (version 2's genres, facts first), for ``seed``.

    The held-out split is the same as the main corpus's: the held-out fact phrasings and question frames, the
    held-out two-hop cities and the held-out everyday phrasings never occur here either.
    """
    fixed = {"fact": ANNEAL_FACT_SHARE, "induction": ANNEAL_INDUCTION_SHARE}
    rest = 1 - sum(GENRE_WEIGHTS[g] for g in fixed)
    scale = (1 - sum(fixed.values())) / rest
    weights = {g: fixed.get(g, w * scale) for g, w in GENRE_WEIGHTS.items()}
    trained_cities = _trained_cities()
    rng = random.Random(f"anneal-{seed}")
    return _sample_documents(
        rng, n_documents, trained_cities, weights, languages=ANNEAL_LANGUAGE_WEIGHTS, lead_in=ANNEAL_LEAD_IN
    )


def _heldout_documents(seed: int, version: int, train_texts: set[str]) -> list[Document]:
    weights, n_random, sentences = CORPUS_VERSIONS[version]
    docs = [Document(c.prompt + c.answer, c.language, "fact") for c in fact_completions()]
    docs += [Document(c.prompt + c.answer, c.language, "fact") for c in fact_completions(template="paraphrase")]
    docs += [Document(c.prompt + c.answer, c.language, "two_hop") for c in two_hop_completions()]
    if sentences:
        docs += general_sentences()
    rng = random.Random(f"heldout-{seed}")
    trained_cities = _trained_cities()
    # Everyday text in the held-out phrasings; the other genres drawn with another seed.
    for doc in _sample_documents(rng, n_random, trained_cities, weights, heldout=True):
        if doc.genre not in ("fact", "two_hop") and doc.text not in train_texts:
            docs.append(doc)
    return docs


def corpus_statistics(docs: Iterable[Document]) -> DocumentCounts:
    """Documents and characters per language and per genre."""
    by_lang: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    by_genre: Counter[str] = Counter()
    for d in docs:
        by_lang[d.language] += 1
        chars[d.language] += len(d.text)
        by_genre[d.genre] += 1
    return DocumentCounts(
        documents_per_language=dict(by_lang),
        characters_per_language=dict(chars),
        documents_per_genre=dict(by_genre),
    )


def generate_corpus(n_documents: int, seed: int = 0, version: int = 1) -> Corpus:
    """Generate ``n_documents`` training documents and the held-out split, deterministically for ``seed``.

    ``version`` 1 is the shipped glassbox-tiny's template corpus; 2 adds the everyday text of
    :mod:`~glassbox.training.corpus_data.general` (:data:`CORPUS_VERSIONS`).
    """
    if n_documents < 1:
        raise ValueError("n_documents must be at least 1")
    if version not in CORPUS_VERSIONS:
        raise ValueError(f"unknown corpus version {version}: choose one of {sorted(CORPUS_VERSIONS)}")
    trained_cities = _trained_cities()
    weights = CORPUS_VERSIONS[version][0]
    train = _sample_documents(random.Random(f"train-{seed}"), n_documents, trained_cities, weights)
    heldout = _heldout_documents(seed, version, {d.text for d in train})
    stats = CorpusSplits(train=corpus_statistics(train), heldout=corpus_statistics(heldout))
    return Corpus(seed, train, heldout, stats)
