"""The corpus generator: deterministic, multilingual, and its held-out split really is held out."""

from __future__ import annotations

import pytest

from glassbox.training.corpus import (
    GENRE_WEIGHTS,
    LANGS,
    fact_completions,
    generate_corpus,
    heldout_two_hop_cities,
    ioi_completions,
    two_hop_completions,
)
from glassbox.training.corpus_data.facts import ANIMALS, CITIES, COUNTRIES, OBJECTS
from glassbox.training.corpus_data.templates import FACT_TEMPLATES


@pytest.fixture(scope="module")
def corpus():  # type: ignore[no-untyped-def]
    return generate_corpus(3000, seed=5)


def test_same_seed_same_corpus_other_seed_other_corpus(corpus) -> None:  # type: ignore[no-untyped-def]
    again = generate_corpus(3000, seed=5)
    assert [d.text for d in again.train] == [d.text for d in corpus.train]
    assert [d.text for d in again.heldout] == [d.text for d in corpus.heldout]
    other = generate_corpus(3000, seed=6)
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
