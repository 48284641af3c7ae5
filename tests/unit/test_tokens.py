"""Token display: bytes for partial UTF-8 pieces, never U+FFFD."""

from __future__ import annotations

from glassbox.models.tokens import display_text, readable_text, token_bytes, token_infos
from glassbox.testing import tiny_tokenizer


def test_display_text_shows_partial_bytes() -> None:
    assert display_text("中".encode()) == ("中", False)
    assert display_text("中".encode()[:2]) == ("<e4 b8>", True)
    assert display_text(b"a" + "中".encode()[:1]) == ("a<e4>", True)
    assert display_text("🙂".encode()[1:]) == ("<9f 99 82>", True)


def test_every_vocab_piece_has_bytes_and_no_replacement_char() -> None:
    tok = tiny_tokenizer()
    special = set(tok.all_special_ids)
    infos = token_infos(tok, list(range(len(tok))))
    for info in infos:
        assert "\ufffd" not in info.text
        if info.id not in special:
            assert info.bytes_hex, info
    # the 256 single bytes are all there, half of them not valid UTF-8 alone
    singles = [i for i in infos if len(i.bytes_hex) == 2]
    assert len(singles) == 256
    assert sum(i.partial_utf8 for i in singles) == 128


def test_pieces_concatenate_to_the_text() -> None:
    tok = tiny_tokenizer()
    text = "Столиця України — Київ. 東京 🙂 café"
    ids = tok(text, add_special_tokens=False)["input_ids"]
    raw = b"".join(token_bytes(tok, i) for i in ids)
    assert raw.decode("utf-8") == text
    infos = token_infos(tok, ids)
    assert any(i.partial_utf8 for i in infos), "the emoji or CJK should split into byte pieces here"


def test_readable_text_of_a_sequence_cut_inside_a_character() -> None:
    tok = tiny_tokenizer()
    ids = tok("东京", add_special_tokens=False)["input_ids"]
    assert len(ids) > 2, "the tiny tokenizer splits these characters into byte pieces"
    assert readable_text(tok, ids) == "东京"
    partial = [readable_text(tok, ids[:k]) for k in range(1, len(ids))]
    assert all("\ufffd" not in text for text in partial)
    assert any(text.endswith(">") and "<" in text for text in partial), "a cut character shows as its bytes"
