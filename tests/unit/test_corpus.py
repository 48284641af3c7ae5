"""The corpus generator: deterministic, multilingual, and its held-out split really is held out."""

from __future__ import annotations

import random
import re

import pytest

from glassbox.training.corpus import (
    GENRE_WEIGHTS,
    LANGS,
    fact_completions,
    general_module,
    general_sentences,
    generate_corpus,
    heldout_two_hop_cities,
    ioi_completions,
    two_hop_completions,
)
from glassbox.training.corpus_data.facts import ANIMALS, CITIES, COUNTRIES, OBJECTS
from glassbox.training.corpus_data.general.base import GENRES, SENSIBLE_PROMPTS_EN, phrase
from glassbox.training.corpus_data.templates import FACT_TEMPLATES


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return generate_corpus(3000, seed=5, version=2)


def test_same_seed_same_corpus_other_seed_other_corpus(corpus) -> None:  # type: ignore[no-untyped-def]
    again = generate_corpus(3000, seed=5, version=2)
    assert [d.text for d in again.train] == [d.text for d in corpus.train]
    assert [d.text for d in again.heldout] == [d.text for d in corpus.heldout]
    other = generate_corpus(3000, seed=6, version=2)
    assert [d.text for d in other.train] != [d.text for d in corpus.train]


def test_size_is_configurable() -> None:
    assert len(generate_corpus(17, seed=0).train) == 17
    with pytest.raises(ValueError):
        generate_corpus(0)


def test_every_language_and_genre_appears_and_english_is_largest(corpus) -> None:  # type: ignore[no-untyped-def]
    chars = corpus.stats.train.characters_per_language
    assert set(chars) == set(LANGS)
    assert max(chars, key=chars.get) == "en"
    docs = corpus.stats.train.documents_per_language
    assert all(docs["en"] > 2 * docs[lang] for lang in LANGS if lang != "en")
    assert set(corpus.stats.train.documents_per_genre) == set(GENRE_WEIGHTS)
    assert set(corpus.stats.heldout.documents_per_language) == set(LANGS)


def test_hundreds_of_facts_with_consistent_tables() -> None:
    n_facts = len(COUNTRIES) + len(CITIES) + len(ANIMALS) + len(OBJECTS)
    assert n_facts >= 100
    assert len(fact_completions()) == n_facts * len(LANGS)
    for relation, per_lang in FACT_TEMPLATES.items():
        assert set(per_lang) == set(LANGS), relation
        assert len({len(t) for t in per_lang.values()}) == 1, f"{relation}: same template count everywhere"


def test_heldout_fact_phrasings_never_appear_in_training(corpus) -> None:  # type: ignore[no-untyped-def]
    train_text = "\n".join(d.text for d in corpus.train)
    for kind in ("framed", "paraphrase"):
        held = fact_completions(template=kind)
        assert not [c for c in held if c.prompt + c.answer in train_text], kind
    # ... while the facts themselves are trained through the other phrasings.
    trained = fact_completions(template=0)
    seen = sum(c.prompt + c.answer in train_text for c in trained)
    assert seen > 0.5 * len(trained)


def test_heldout_two_hop_compositions_are_not_trained_but_their_hops_are(corpus) -> None:  # type: ignore[no-untyped-def]
    train_text = "\n".join(d.text for d in corpus.train)
    held = two_hop_completions(heldout=True)
    assert len(held) == len(heldout_two_hop_cities()) * len(LANGS)
    assert not [c for c in held if c.prompt in train_text]
    assert any(c.prompt + c.answer in train_text for c in two_hop_completions(heldout=False))
    held_cities = {c.subject["en"] for c in CITIES if c.key in heldout_two_hop_cities()}
    en_facts = [c.prompt + c.answer for c in fact_completions(["en"], template=0) if c.task == "city_country"]
    assert all(any(t.startswith(city) for t in en_facts) for city in held_cities)


def test_ioi_answer_is_the_name_mentioned_once() -> None:
    for c in ioi_completions(5, seed=1, languages=["en"]):
        name = c.answer.strip()
        assert c.prompt.count(name) == 1
        assert c.prompt.startswith("When " + name)


def test_prompts_end_before_the_answer() -> None:
    for c in fact_completions() + two_hop_completions():
        assert c.answer.strip() and not c.prompt.endswith(" ")
        if c.language in ("zh", "ja"):
            assert not c.answer.startswith(" ")
        else:
            assert c.answer.startswith(" ")


def _sentences(text: str, lang: str) -> list[str]:
    pattern = r"(?<=[。！？])" if lang in ("zh", "ja") else r"(?<=[.!?])\s+"
    return [s.strip() for s in re.split(pattern, text) if s.strip()]


def test_phrase_reserves_every_fifth_option_for_the_heldout_split() -> None:
    rng = random.Random(0)
    options = list(range(12))
    train = {phrase(rng, options, False) for _ in range(500)}
    held = {phrase(rng, options, True) for _ in range(500)}
    assert held == {4, 9} and train == set(options) - {4, 9}
    assert {phrase(rng, [1, 2, 3], True) for _ in range(100)} == {1, 2, 3}  # fewer than five: no reserve


def test_every_language_module_follows_the_contract() -> None:
    for lang in LANGS:
        mod = general_module(lang)
        assert set(mod.GENERATORS) == set(GENRES), lang
        assert len(mod.SENSIBLE_PROMPTS) == len(SENSIBLE_PROMPTS_EN), lang
        assert len(mod.GENERAL_SENTENCES) >= 60 and len(set(mod.GENERAL_SENTENCES)) == len(mod.GENERAL_SENTENCES)
        assert len(mod.RANDOM_WORDS) >= 300 and not [w for w in mod.RANDOM_WORDS if " " in w or not w], lang
        for genre, gen in mod.GENERATORS.items():
            a, b = gen(random.Random(3), False), gen(random.Random(3), False)
            assert a == b and a.strip(), (lang, genre)


def test_everyday_text_is_varied_and_its_heldout_phrasings_are_new(corpus) -> None:  # type: ignore[no-untyped-def]
    everyday = [d for d in corpus.train if d.genre in GENRES]
    assert len({d.text for d in everyday}) > 0.97 * len(everyday)
    for lang in LANGS:
        train = {s for d in everyday if d.language == lang for s in _sentences(d.text, lang)}
        held = [s for d in corpus.heldout if d.language == lang and d.genre in GENRES for s in _sentences(d.text, lang)]
        assert held, lang
        # Fillers repeat (names, numbers), so a held-out sentence can coincide with a trained one; most must not.
        assert sum(s in train for s in held) / len(held) < 0.5, lang


def test_hand_written_sentences_are_held_out(corpus) -> None:  # type: ignore[no-untyped-def]
    train_text = "\n".join(d.text for d in corpus.train)
    docs = general_sentences()
    assert {d.language for d in docs} == set(LANGS)
    assert not [d.text for d in docs if d.text in train_text]
    assert {d.text for d in docs} <= {d.text for d in corpus.heldout}
