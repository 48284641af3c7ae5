"""Evaluate two glassbox-trained models with the same (current) measures and print Markdown tables side by side.

Used for docs/default-model.md ("old vs new"):

    .venv/bin/python bench/eval_compare.py --old /path/to/glassbox-tiny-v1 --new src/glassbox/assets/glassbox-tiny

Both models are evaluated on the held-out split of the version-2 corpus generator (so v1 is measured on text it
may never have seen the like of: that is the point of the comparison). Prints Markdown to stdout and, with
``--json FILE``, writes both reports.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

from glassbox.schema.evaluation import Accuracy, EvalReport
from glassbox.training.corpus import LANGS, generate_corpus
from glassbox.training.evaluate import evaluate_model
from glassbox.training.history import METADATA_FILE, load_metadata


def evaluate(folder: Path, heldout: Any) -> EvalReport:
    model = AutoModelForCausalLM.from_pretrained(str(folder), dtype=torch.float32).eval()
    tok = AutoTokenizer.from_pretrained(str(folder))
    return evaluate_model(model, tok, heldout, seed=0)


def pct(a: Accuracy | None) -> str:
    return f"{100 * a.value:.1f} % ({a.correct}/{a.total})" if a else "—"


def total(d: dict[str, Accuracy]) -> Accuracy:
    return Accuracy(correct=sum(a.correct for a in d.values()), total=sum(a.total for a in d.values()))


def num(d: dict[str, float] | None, key: str) -> str:
    return f"{d[key]:.3f}" if d and key in d else "—"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--old", type=Path, required=True)
    ap.add_argument("--new", type=Path, required=True)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    cfg = load_metadata(args.new / METADATA_FILE).config
    corpus = generate_corpus(int(cfg["corpus_size"]), seed=int(cfg["seed"]), version=2)
    old, new = evaluate(args.old, corpus.heldout), evaluate(args.new, corpus.heldout)
    if args.json:
        args.json.write_text(
            json.dumps({"old": old.model_dump(mode="json"), "new": new.model_dump(mode="json")}, ensure_ascii=False),
            encoding="utf-8",
        )
    print(
        "| language | facts, held-out frame (old → new) | two-hop held-out | loss, held-out phrasings | "
        "loss, hand-written | calibration: mean top-1 p / top-1 acc | word copying ratio |"
    )
    print("|---|---|---|---|---|---|---|")
    for lang in (*LANGS, "all"):
        if lang == "all":
            facts = (total(old.facts), total(new.facts))
            hop = (total(old.two_hop_heldout), total(new.two_hop_heldout))
            words = (old.induction_ratio, new.induction_ratio)
        else:
            facts = (old.facts.get(lang), new.facts.get(lang))
            hop = (old.two_hop_heldout.get(lang), new.two_hop_heldout.get(lang))
            words = (old.induction_ratio_by_language.get(lang), new.induction_ratio_by_language.get(lang))
        cal = []
        for r in (old, new):
            c = (r.calibration or {}).get(lang)
            cal.append(f"{c.mean_top1_prob:.3f} / {c.top1_accuracy:.3f}" if c else "—")
        bold = "**" if lang == "all" else ""
        print(
            f"| {bold}{lang}{bold} | {pct(facts[0])} → {pct(facts[1])} | {pct(hop[0])} → {pct(hop[1])} | "
            f"{num(old.heldout_loss, lang)} → {num(new.heldout_loss, lang)} | "
            f"{num(old.general_loss, lang)} → {num(new.general_loss, lang)} | {cal[0]} → {cal[1]} | "
            f"{words[0] or 0:.3f} → {words[1] or 0:.3f} |"
        )
    print()
    for name, r in (("old", old), ("new", new)):
        c = r.induction_tokens
        assert c is not None and r.induction_heads
        heads = ", ".join(f"L{h.layer}H{h.head} → {h.ratio:.3f}" for h in r.induction_heads[:3])
        print(
            f"* {name}: 20 random token ids repeated once — loss {c.first_copy_loss:.3f} on the first copy, "
            f"{c.second_copy_loss:.3f} on the second: ratio **{c.ratio:.3f}**; the ratio with one head zeroed "
            f"(largest effects): {heads}"
        )
    print()
    print("| # | prompt (en) | " + " | ".join(LANGS) + " |")
    print("|---|---|" + "---|" * len(LANGS))
    by = {(g.language, g.index): g for g in new.sensible or []}
    for i in range(30):
        cells = []
        for lang in LANGS:
            g = by[(lang, i)]
            cells.append(" ".join(f"`{t.token!r}`{100 * t.prob:.0f}%".replace("|", "\\|") for t in g.top[:3]))
        print(f"| {i + 1} | {by[('en', i)].prompt} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
