"""Byte-level BPE tokenizer training (``tokenizers``), saved in the standard Hugging Face format.

Design choices, and why:

* **Byte level, no normalizer, no prefix space**: every string — emoji, mixed scripts, odd whitespace — maps
  to bytes and back, so ``decode(encode(x)) == x`` exactly (with ``skip_special_tokens=True``).
* **CJK characters are pre-split one by one** before the GPT-2 regex: Chinese and Japanese have no spaces,
  so without this BPE merges across word boundaries ("是巴" in "首都是巴黎") and a prompt that stops before
  the answer would be tokenized differently from the training text. Merges *inside* a character (its 3
  UTF-8 bytes) are still learned, which is exactly the "tokenization tax" the UI shows.
* **One special token ``<|endoftext|>``** (id 0), as in GPT-2, used as beginning-of-text, end-of-text and
  padding. The tokenizer adds it in front of every text (``add_bos_token``) because every training
  sequence starts with it: a prompt then looks exactly like the start of a training document.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

#: The only special token: begins every document, separates documents, pads.
SPECIAL_TOKEN = "<|endoftext|>"
#: Every special-token role a Hugging Face tokenizer knows, all played by :data:`SPECIAL_TOKEN`.
SPECIAL_TOKENS_MAP = {role: SPECIAL_TOKEN for role in ("bos_token", "eos_token", "unk_token", "pad_token")}

# Ideographs (CJK unified + extension A + compatibility), kana and the CJK punctuation block.
_CJK_CHAR = r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"


def build_tokenizer() -> Any:
    """An untrained byte-level BPE ``tokenizers.Tokenizer`` with glassbox's pre-tokenizer and decoder."""
    from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, processors

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(_CJK_CHAR), behavior="isolated"),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True),
        ]
    )
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.TemplateProcessing(
        single=f"{SPECIAL_TOKEN} $A", pair=f"{SPECIAL_TOKEN} $A {SPECIAL_TOKEN} $B", special_tokens=[(SPECIAL_TOKEN, 0)]
    )
    return tok


def train_tokenizer(texts: Iterable[str], d_vocab: int = 4096, min_frequency: int = 2) -> Any:
    """Train ``d_vocab`` tokens of BPE on ``texts``; returns a ``tokenizers.Tokenizer`` (special token id 0)."""
    from tokenizers import pre_tokenizers, trainers

    if not 300 <= d_vocab <= 65536:
        raise ValueError(f"d_vocab (the BPE vocabulary size) must be between 300 and 65536, got {d_vocab}")
    tok = build_tokenizer()
    trainer = trainers.BpeTrainer(
        vocab_size=d_vocab,
        min_frequency=min_frequency,
        special_tokens=[SPECIAL_TOKEN],
        # All 256 byte symbols are in the vocabulary even if the corpus lacks them: any text encodes.
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    return tok


def to_hf(tok: Any, model_max_length: int) -> Any:
    """Wrap a ``tokenizers.Tokenizer`` as a ``transformers`` fast tokenizer with glassbox's settings."""
    from transformers import PreTrainedTokenizerFast

    return PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]
        tokenizer_object=tok,
        **SPECIAL_TOKENS_MAP,
        add_bos_token=True,
        add_eos_token=False,
        # Decoding must give back the exact text: no " ." → "." clean-up.
        clean_up_tokenization_spaces=False,
        model_max_length=model_max_length,
    )


def save_tokenizer(tok: Any, folder: Path, model_max_length: int) -> Any:
    """Save ``tok`` in Hugging Face format (tokenizer.json, tokenizer_config.json, special_tokens_map.json)."""
    hf = to_hf(tok, model_max_length)
    folder.mkdir(parents=True, exist_ok=True)
    hf.save_pretrained(str(folder))
    # "PreTrainedTokenizerFast" is understood by transformers 4.x and 5.x alike ("TokenizersBackend" by 5 only).
    cfg_path = folder / "tokenizer_config.json"
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    cfg["tokenizer_class"] = "PreTrainedTokenizerFast"
    cfg_path.write_text(json.dumps(cfg, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    special = folder / "special_tokens_map.json"
    if not special.exists():
        # transformers v5 no longer writes this file; older readers and other tools still look for it.
        special.write_text(json.dumps(SPECIAL_TOKENS_MAP, indent=2) + "\n", encoding="utf-8")
    return hf


def load_tokenizer(folder: Path) -> Any:
    """Load a saved tokenizer folder with ``AutoTokenizer`` (offline)."""
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(folder))
