"""The tokenizer lab in a terminal: the side-by-side chips and the token-tax table, as rich tables."""

from __future__ import annotations

import re

from rich.console import Console
from rich.table import Table
from rich.text import Text

from glassbox.schema.tokenizers import Comparison, TokenTax

_SHADES = ("on grey23", "on grey35")
# whitespace made visible, except inside a partial piece's byte notation ("<e4 b8>"), which keeps its spaces
_VISIBLE = re.compile(r"<[0-9a-f]{2}(?: [0-9a-f]{2})*>|[ \n\t]")
_MARKS = {" ": "·", "\n": "⏎", "\t": "⇥"}


def _chips(result_tokens: list[tuple[str, bool]]) -> Text:
    """Tokens as alternating shaded chips; whitespace made visible (· for a space, ⏎ for a newline)."""
    out = Text()
    for i, (text, special) in enumerate(result_tokens):
        shown = _VISIBLE.sub(lambda m: _MARKS.get(m.group(0), m.group(0)), text)
        out.append(shown, style="bold magenta " + _SHADES[i % 2] if special else _SHADES[i % 2])
    return out


def print_comparison(console: Console, comparison: Comparison) -> None:
    """One row per tokenizer: counts, then the chips; then each tokenizer's ids."""
    table = Table(title=f"{len(comparison.text)} characters, {len(comparison.text.encode())} bytes")
    for col in ("tokenizer", "tokens", "words", "tokens/word", "chips"):
        table.add_column(col, overflow="fold")
    for r in comparison.results:
        c = r.counts
        per_word = f"{c.tokens_per_word:.2f}" if c.tokens_per_word is not None else "–"
        chips = _chips([(t.text, t.is_special) for t in r.tokens])
        table.add_row(r.tokenizer, str(c.tokens), str(c.words), per_word, chips)
    console.print(table)
    for r in comparison.results:
        console.print(f"[bold]{r.tokenizer}[/bold] ids: {' '.join(str(t.id) for t in r.tokens)}")


def print_tax(console: Console, tax: TokenTax) -> None:
    """Tokens per language (rows) under each tokenizer (columns), with the ratio to the reference language."""
    by_key = {(c.lang, c.tokenizer): c for c in tax.cells}
    table = Table(title=f"token tax: tokens of the same text, relative to {tax.reference_lang}")
    table.add_column("language")
    for name in tax.tokenizers:
        table.add_column(name, justify="right")
    for text in tax.texts:
        row = [f"{text.lang} {text.name}"]
        for name in tax.tokenizers:
            cell = by_key[(text.lang, name)]
            row.append(f"{cell.count} ×{cell.relative:.2f}")
        table.add_row(*row)
    console.print(table)
