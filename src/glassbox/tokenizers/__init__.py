"""The tokenizer lab: the same text through many real tokenizers and languages, side by side.

>>> from glassbox.tokenizers import compare, token_tax
>>> compare("Ще не вмерла України", "gpt2,o200k,llama3").results[0].counts.tokens
>>> token_tax("gpt2,o200k").cells            # tokens per language relative to English

Tokenizers are named as in :mod:`glassbox.tokenizers.catalogue`: ``gpt2``, ``cl100k``, ``o200k``, ``llama3``,
``qwen3``, ``gemma3``, ``deepseek-v3``, a local folder or a Hugging Face name in the local cache.
"""

from __future__ import annotations

from glassbox.tokenizers.catalogue import (
    CATALOGUE_NAMES,
    LabTokenizer,
    catalogue_entries,
    catalogue_size,
    from_hf,
    load_tokenizer,
)
from glassbox.tokenizers.compare import compare, encode, parallel_set, token_tax, tokenize

__all__ = [
    "CATALOGUE_NAMES",
    "LabTokenizer",
    "catalogue_entries",
    "catalogue_size",
    "compare",
    "encode",
    "from_hf",
    "load_tokenizer",
    "parallel_set",
    "token_tax",
    "tokenize",
]
