"""Byte-level BPE training: exact round trips in every language, standard Hugging Face files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glassbox.training.corpus import LANGS, fact_completions, generate_corpus
from glassbox.training.tokenizer import SPECIAL_TOKEN, load_tokenizer, save_tokenizer, train_tokenizer

SAMPLES = [
    "The capital of France is Paris.",
    "La capitale du pays France est Paris. Ça va très bien, merci !",
    "Hlavní město země Česko je Praha. Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Столиця країни Україна — Київ. Ґанок, їжак, п'ятниця.",
    "法国的首都是巴黎。我们来数数：1、2、3。",
    "Столица страны Россия — Москва. Съешь же ещё этих мягких французских булок.",
    "日本の首都は東京です。カタカナとひらがな、漢字。",
    "emoji 👋🏽🇨🇿👨‍👩‍👧 and mixed: Paris/巴黎/Париж/パリ — «quotes» “curly” ½ ∑ 𝔘",
    "  leading spaces, trailing spaces  \n\ttabs\r\nand\u00a0nbsp\u200b zero-width",
    "",
]


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    corpus = generate_corpus(600, seed=1)
    raw = train_tokenizer((d.text for d in corpus.train), d_vocab=800)
    folder = tmp_path_factory.mktemp("tok")
    save_tokenizer(raw, folder, model_max_length=128)
    return raw, folder


def test_saved_in_standard_hf_format(trained) -> None:  # type: ignore[no-untyped-def]
    _, folder = trained
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        assert (Path(folder) / name).is_file(), name
    tok = load_tokenizer(folder)
    assert tok.bos_token == tok.eos_token == SPECIAL_TOKEN
    assert tok.convert_tokens_to_ids(SPECIAL_TOKEN) == 0
    assert 300 < len(tok) <= 800
    assert tok("Paris")["input_ids"][0] == 0, "every text starts with <|endoftext|>"


@pytest.mark.parametrize("text", SAMPLES)
def test_round_trip_every_language(trained, text: str) -> None:  # type: ignore[no-untyped-def]
    raw, folder = trained
    hf = load_tokenizer(folder)
    assert hf.decode(hf(text)["input_ids"], skip_special_tokens=True) == text
    assert raw.decode(raw.encode(text, add_special_tokens=False).ids, skip_special_tokens=False) == text


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=60))
def test_round_trip_any_unicode(trained, text: str) -> None:  # type: ignore[no-untyped-def]
    raw, _ = trained
    # skip_special_tokens=False: a text that spells "<|endoftext|>" encodes to that special token, and must come back
    assert raw.decode(raw.encode(text, add_special_tokens=False).ids, skip_special_tokens=False) == text


def test_prompts_tokenize_as_a_prefix_of_prompt_plus_answer(trained) -> None:  # type: ignore[no-untyped-def]
    # Needed so that a prompt that stops before the answer looks like the training text (CJK pre-split).
    raw, _ = trained
    bad = []
    for c in fact_completions(LANGS):
        p = raw.encode(c.prompt).ids
        if raw.encode(c.prompt + c.answer).ids[: len(p)] != p:
            bad.append(c.prompt)
    assert not bad, bad[:5]


def test_other_scripts_cost_more_tokens_than_english(trained) -> None:  # type: ignore[no-untyped-def]
    raw, _ = trained
    en = len(raw.encode(SAMPLES[0]).ids) / len(SAMPLES[0])
    zh = len(raw.encode(SAMPLES[4]).ids) / len(SAMPLES[4])
    assert zh > en


def test_d_vocab_is_validated() -> None:
    with pytest.raises(ValueError):
        train_tokenizer(["abc"], d_vocab=10)
