"""Variety of the generated training corpus: distinct n-grams per language, and how new the held-out text is.

    .venv/bin/python bench/corpus_stats.py --docs 60000

Prints a Markdown table (docs/default-model.md). Uses only ``generate_corpus`` and the documents' ``text``,
``language`` and ``genre``, so the same script measures an older corpus generator too (run it with that
version's source first on ``PYTHONPATH``), which is how docs/default-model.md compares v1 and v2.
Word 3-grams for the languages written with spaces; character 3-grams for Chinese and Japanese.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict

from glassbox.training.corpus import LANGS, generate_corpus

CJK = ("zh", "ja")


def units(text: str, lang: str) -> list[str]:
    return list(text.replace(" ", "").replace("\n", "")) if lang in CJK else text.split()


def sentences(text: str, lang: str) -> list[str]:
    pattern = r"(?<=[。！？])" if lang in CJK else r"(?<=[.!?])\s+"
    return [s.strip() for s in re.split(pattern, text) if s.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=60_000, help="training documents to generate (seed 0)")
    ap.add_argument("--version", type=int, default=2, help="corpus version (this version's generator only)")
    args = ap.parse_args()
    kwargs = {"version": args.version} if args.version != 1 else {}
    corpus = generate_corpus(args.docs, seed=0, **kwargs)
    grams: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    n_units: dict[str, int] = defaultdict(int)
    train_sentences: dict[str, set[str]] = defaultdict(set)
    for d in corpus.train:
        u = units(d.text, d.language)
        n_units[d.language] += len(u)
        grams[d.language].update(zip(u, u[1:], u[2:], strict=False))
        train_sentences[d.language].update(sentences(d.text, d.language))
    print(f"{args.docs:,} training documents, seed 0\n")
    print(
        "| language | words (zh/ja: characters) | distinct 3-grams | per 1,000 words | distinct sentences |"
        " held-out sentences seen in training |"
    )
    print("|---|---|---|---|---|---|")
    for lang in LANGS:
        held = [
            s
            for d in corpus.heldout
            if d.language == lang and d.genre not in ("fact", "two_hop")
            for s in sentences(d.text, lang)
        ]
        seen = sum(s in train_sentences[lang] for s in held) / max(1, len(held))
        print(
            f"| {lang} | {n_units[lang]:,} | {len(grams[lang]):,} | {1000 * len(grams[lang]) / n_units[lang]:.0f} | "
            f"{len(train_sentences[lang]):,} | {100 * seen:.1f} % of {len(held):,} |"
        )


if __name__ == "__main__":
    main()
