"""Evaluation of a trained model on held-out data, and the probe prompts recorded in the training history.

Measures (definitions of the held-out data are in :mod:`glassbox.training.corpus`):

* **fact accuracy** — per language, the share of facts whose answer the model reproduces *exactly* by greedy
  decoding after the held-out phrasing (every answer token is the arg-max, teacher-forced); reported for the
  framed held-out phrasing (the target) and for the harder held-out paraphrase;
* **two-hop accuracy** — the same, for held-out city → country → capital compositions (and, for reference,
  for the compositions that were trained);
* **IOI accuracy** — "When Mary and John went to the shop, John gave a book to" → " Mary", fresh names;
* **induction ratio** — mean loss on the second copy of a fresh random word sequence ÷ mean loss on the first
  copy (the first token of each copy excluded: it cannot be predicted either way); lower is better;
* **tokens per character** — per language, on held-out text: the "tokenization tax".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import torch

from glassbox.schema.evaluation import Accuracy, EvalReport
from glassbox.training.corpus import (
    _JOINER,
    LANGS,
    Completion,
    Document,
    fact_completions,
    induction_sequences,
    ioi_completions,
    two_hop_completions,
)
from glassbox.training.corpus_data.language import DAYS, SEQUENCE_FRAMES


def probe_completions() -> list[Completion]:
    """The fixed prompts whose top-k predictions the training history records at every checkpoint."""
    probes: list[Completion] = []
    by_key = {(c.language, c.task, c.key): c for c in fact_completions(template=0)}
    for lang in LANGS:
        for relation, key in (
            ("capital", "france"),
            ("city_country", "lyon"),
            ("animal_sound", "dog"),
            ("object_colour", "sky"),
        ):
            probes.append(by_key[(lang, relation, key)])
        probes.append(ioi_completions(1, seed=7, languages=[lang])[0])
        frame = SEQUENCE_FRAMES[lang]
        days = frame["list_sep"].join(DAYS[lang][:3])
        text = frame["days"].replace("{x}", days + frame["list_sep"] + DAYS[lang][3])
        head = text[: text.index(DAYS[lang][3])]
        stripped = head.rstrip(" ")
        probes.append(Completion(lang, "sequence", "days", stripped, head[len(stripped) :] + DAYS[lang][3]))
    return probes


def _answer_ids(tokenizer: Any, c: Completion) -> tuple[list[int], list[int]]:
    prompt = tokenizer(c.prompt)["input_ids"]
    full = tokenizer(c.prompt + c.answer)["input_ids"]
    if full[: len(prompt)] == prompt:
        return prompt, full[len(prompt) :]
    # The boundary fell inside a token: ask for the answer tokenized on its own.
    return prompt, tokenizer(c.answer, add_special_tokens=False)["input_ids"]


@torch.no_grad()
def completion_correct(model: Any, tokenizer: Any, items: Sequence[Completion], batch_size: int = 64) -> list[bool]:
    """For each completion: is the whole answer the greedy (arg-max) continuation of its prompt?"""
    device = next(model.parameters()).device
    limit = model.config.n_positions  # (Hugging Face's name of the context length)
    # Keep the end of over-long prompts (only micro models have a context this short).
    pairs = [(p[-(limit - len(a)) :], a) for p, a in (_answer_ids(tokenizer, c) for c in items)]
    results: list[bool] = []
    for b in range(0, len(pairs), batch_size):
        chunk = pairs[b : b + batch_size]
        seqs = [p + a for p, a in chunk]
        width = max(len(s) for s in seqs)
        # Right padding is harmless for a causal model: positions we read never attend to it.
        ids = torch.tensor([s + [0] * (width - len(s)) for s in seqs], device=device)
        mask = torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in seqs], device=device)
        pred = model(input_ids=ids, attention_mask=mask).logits.argmax(-1).tolist()  # [batch, pos]
        for (p, a), row in zip(chunk, pred, strict=True):
            results.append(row[len(p) - 1 : len(p) - 1 + len(a)] == a)
    return results


def _group(items: Sequence[Completion], ok: Sequence[bool], key: str) -> dict[str, Accuracy]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for c, good in zip(items, ok, strict=True):
        k = c.language if key == "language" else c.task
        counts[k][0] += int(good)
        counts[k][1] += 1
    return {k: Accuracy(correct=v[0], total=v[1]) for k, v in counts.items()}


@torch.no_grad()
def induction_losses(model: Any, tokenizer: Any, n_per_language: int, seed: int) -> dict[str, tuple[float, float]]:
    """Per language: (mean loss on the first copy, mean loss on the second copy) of random sequences."""
    device = next(model.parameters()).device
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for lang, words in induction_sequences(n_per_language, seed):
        first = tokenizer(words)["input_ids"]  # [BOS] + copy 1
        full = tokenizer(words + _JOINER[lang] + words)["input_ids"]
        if len(full) > model.config.n_positions:
            continue
        ids = torch.tensor([full], device=device)
        logp = torch.log_softmax(model(input_ids=ids).logits[0, :-1].float(), -1)
        nll = -logp.gather(1, ids[0, 1:, None])[:, 0]  # nll[t] = loss of token t+1
        n1 = len(first)
        copy1 = nll[1 : n1 - 1]  # tokens 2 .. n1-1 of copy 1 (its first token excluded)
        copy2 = nll[n1:]  # copy 2 without its first token
        s = sums[lang]
        s[0] += float(copy1.sum())
        s[1] += len(copy1)
        s[2] += float(copy2.sum())
        s[3] += len(copy2)
    return {lang: (s[0] / max(s[1], 1), s[2] / max(s[3], 1)) for lang, s in sums.items()}


def tokens_per_char(tokenizer: Any, docs: Sequence[Document]) -> dict[str, float]:
    """Tokens (beginning-of-text excluded) per character of text, per language."""
    tokens: dict[str, int] = defaultdict(int)
    chars: dict[str, int] = defaultdict(int)
    for d in docs:
        tokens[d.language] += len(tokenizer(d.text, add_special_tokens=False)["input_ids"])
        chars[d.language] += len(d.text)
    return {lang: round(tokens[lang] / chars[lang], 4) for lang in LANGS if chars[lang]}


def evaluate_model(
    model: Any,
    tokenizer: Any,
    heldout_docs: Sequence[Document],
    seed: int = 0,
    facts_per_language: int | None = None,
    n_ioi: int = 20,
    n_induction: int = 10,
) -> EvalReport:
    """Run every measure; ``facts_per_language`` limits the facts asked (None = all 112 per language)."""
    was_training = model.training
    model.eval()
    try:
        facts = fact_completions()
        if facts_per_language is not None:
            # An even spread over each language's facts, so every relation is represented.
            sample = []
            for lang in LANGS:
                own = [c for c in facts if c.language == lang]
                k = min(facts_per_language, len(own))
                sample += [own[round(i * (len(own) - 1) / max(k - 1, 1))] for i in range(k)]
            facts = sample
        fact_ok = completion_correct(model, tokenizer, facts)
        para = fact_completions(template="paraphrase")
        para_ok = completion_correct(model, tokenizer, para)
        hop = two_hop_completions(heldout=True)
        hop_ok = completion_correct(model, tokenizer, hop)
        hop_trained_ok = completion_correct(model, tokenizer, two_hop_completions(heldout=False))
        ioi = ioi_completions(n_ioi, seed=seed + 1)
        ioi_ok = completion_correct(model, tokenizer, ioi)
        ind = induction_losses(model, tokenizer, n_induction, seed)
        first = sum(v[0] for v in ind.values()) / len(ind)
        second = sum(v[1] for v in ind.values()) / len(ind)
        return EvalReport(
            facts=_group(facts, fact_ok, "language"),
            facts_by_relation=_group(facts, fact_ok, "task"),
            facts_paraphrase=_group(para, para_ok, "language"),
            two_hop_heldout=_group(hop, hop_ok, "language"),
            two_hop_trained=Accuracy(correct=sum(hop_trained_ok), total=len(hop_trained_ok)),
            ioi=_group(ioi, ioi_ok, "language"),
            induction_ratio=round(second / first, 4),
            induction_ratio_by_language={k: round(v[1] / v[0], 4) for k, v in ind.items()},
            tokens_per_char=tokens_per_char(tokenizer, heldout_docs),
        )
    finally:
        model.train(was_training)


def report_table(report: EvalReport) -> Any:
    """A rich table: one row per language."""
    from rich.table import Table

    table = Table(title="glassbox evaluation (held-out)")
    for col in ("language", "facts", "paraphrase", "two-hop", "IOI", "induction ratio", "tokens/char"):
        table.add_column(col, justify="right" if col != "language" else "left")

    def pct(a: Accuracy | None) -> str:
        return f"{100 * a.value:.1f}% ({a.correct}/{a.total})" if a else "—"

    for lang in LANGS:
        table.add_row(
            lang,
            pct(report.facts.get(lang)),
            pct(report.facts_paraphrase.get(lang)),
            pct(report.two_hop_heldout.get(lang)),
            pct(report.ioi.get(lang)),
            f"{report.induction_ratio_by_language.get(lang, float('nan')):.3f}",
            f"{report.tokens_per_char.get(lang, float('nan')):.3f}",
        )
    total = Accuracy(
        correct=sum(a.correct for a in report.facts.values()), total=sum(a.total for a in report.facts.values())
    )
    hop = Accuracy(
        correct=sum(a.correct for a in report.two_hop_heldout.values()),
        total=sum(a.total for a in report.two_hop_heldout.values()),
    )
    ioi = Accuracy(correct=sum(a.correct for a in report.ioi.values()), total=sum(a.total for a in report.ioi.values()))
    para = Accuracy(
        correct=sum(a.correct for a in report.facts_paraphrase.values()),
        total=sum(a.total for a in report.facts_paraphrase.values()),
    )
    table.add_row("all", pct(total), pct(para), pct(hop), pct(ioi), f"{report.induction_ratio:.3f}", "", style="bold")
    return table
