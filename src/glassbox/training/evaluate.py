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
* **tokens per character** — per language, on held-out text: the "tokenization tax";
* **held-out loss** — per language, on everyday text written in the generators' held-out phrasings, and on
  hand-written sentences outside the templates (``GENERAL_SENTENCES``);
* **calibration** — on those hand-written sentences: the mean probability of the top-1 token beside how often
  the top-1 token is right (a calibrated model has the two close);
* **token induction** — 20 token ids drawn uniformly from the vocabulary (the special token excluded), repeated
  once: loss on the second copy ÷ loss on the first; and the same with each attention head zeroed, which names
  the heads the copying depends on;
* **sensible guesses** — the top-5 next tokens after the 30 prompts a teacher would type first, per language.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import torch

from glassbox.models.tokens import readable_text
from glassbox.schema.evaluation import (
    Accuracy,
    Calibration,
    CopyLoss,
    EvalReport,
    HeadAblation,
    SensibleGuess,
    TopToken,
)
from glassbox.training.corpus import (
    _JOINER,
    LANGS,
    Completion,
    Document,
    fact_completions,
    general_module,
    induction_sequences,
    ioi_completions,
    two_hop_completions,
)
from glassbox.training.corpus_data.general.base import GENRES as GENERAL_GENRES
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
    limit = context_of(model)
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


def induction_losses(model: Any, tokenizer: Any, n_per_language: int, seed: int) -> dict[str, tuple[float, float]]:
    """Per language: (mean loss on the first copy, mean loss on the second copy) of random sequences."""
    langs, seqs, firsts = [], [], []
    for lang, words in induction_sequences(n_per_language, seed):
        full = tokenizer(words + _JOINER[lang] + words)["input_ids"]
        if len(full) > context_of(model):
            continue
        langs.append(lang)
        seqs.append(full)
        firsts.append(len(tokenizer(words)["input_ids"]))  # [BOS] + copy 1
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for lang, n1, st in zip(langs, firsts, _token_stats(model, seqs), strict=True):
        nll = st[0]  # nll[t] = loss of token t+1
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


@torch.no_grad()
def _token_stats(model: Any, seqs: Sequence[list[int]], batch_size: int = 16) -> list[torch.Tensor]:
    """Per sequence a ``[3, len - 1]`` tensor: each next token's loss, top-1 probability and top-1 correctness."""
    device = next(model.parameters()).device
    limit = context_of(model)
    seqs = [s[:limit] for s in seqs if len(s) >= 2]
    out: list[torch.Tensor] = []
    for b in range(0, len(seqs), batch_size):
        chunk = seqs[b : b + batch_size]
        width = max(len(x) for x in chunk)
        ids = torch.tensor([x + [0] * (width - len(x)) for x in chunk], device=device)  # [batch, pos]
        mask = torch.tensor([[1] * len(x) + [0] * (width - len(x)) for x in chunk], device=device)
        logp = torch.log_softmax(model(input_ids=ids, attention_mask=mask).logits.float(), -1)  # [batch, pos, vocab]
        for row, x in zip(logp, chunk, strict=True):
            n = len(x) - 1
            target = torch.tensor(x[1:], device=device)
            nll = -row[:n].gather(1, target[:, None])[:, 0]
            top_logp, top_id = row[:n].max(-1)
            out.append(torch.stack([nll, top_logp.exp(), (top_id == target).float()]).cpu())
    return out


def loss_by_language(model: Any, tokenizer: Any, docs: Sequence[Document]) -> dict[str, float]:
    """Mean next-token loss (nats) per language over ``docs``, each document read on its own."""
    langs = [d.language for d in docs]
    stats = _token_stats(model, [tokenizer(d.text)["input_ids"] for d in docs])
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for lang, st in zip(langs, stats, strict=True):
        sums[lang][0] += float(st[0].sum())
        sums[lang][1] += st.shape[1]
    return {lang: round(v[0] / v[1], 4) for lang, v in sums.items() if v[1]}


def calibration(model: Any, tokenizer: Any, docs: Sequence[Document]) -> dict[str, Calibration]:
    """Mean top-1 probability and top-1 accuracy per language (and ``all``) over every token of ``docs``."""
    stats = _token_stats(model, [tokenizer(d.text)["input_ids"] for d in docs])
    groups: dict[str, list[torch.Tensor]] = defaultdict(list)
    for d, st in zip(docs, stats, strict=True):
        groups[d.language].append(st)
        groups["all"].append(st)
    out = {}
    for key, parts in groups.items():
        cat = torch.cat(parts, 1)
        out[key] = Calibration(
            tokens=cat.shape[1],
            mean_top1_prob=round(float(cat[1].mean()), 4),
            top1_accuracy=round(float(cat[2].mean()), 4),
        )
    return out


def random_token_sequences(d_vocab: int, n: int = 100, length: int = 20, seed: int = 0) -> list[list[int]]:
    """``n`` sequences ``[bos] + r + r`` of ``length`` ids drawn uniformly from the vocabulary (id 0 excluded)."""
    rng = random.Random(f"induction-tokens-{seed}")
    out = []
    for _ in range(n):
        r = [rng.randrange(1, d_vocab) for _ in range(length)]
        out.append([0, *r, *r])
    return out


def copy_loss(model: Any, seqs: Sequence[list[int]]) -> CopyLoss:
    """Loss on the first and second copies of ``[bos] + r + r`` sequences (each copy's first token excluded)."""
    first = second = 0.0
    n1 = n2 = 0
    for x, st in zip(seqs, _token_stats(model, seqs), strict=True):
        length = (len(x) - 1) // 2
        nll = st[0]  # nll[t] = loss of token t + 1
        first += float(nll[1:length].sum())  # tokens 2 .. length (copy 1 without its first token)
        second += float(nll[length + 1 :].sum())  # copy 2 without its first token
        n1 += length - 1
        n2 += len(x) - 2 - length
    f, s2 = first / n1, second / n2
    return CopyLoss(first_copy_loss=round(f, 4), second_copy_loss=round(s2, 4), ratio=round(s2 / f, 4))


def context_of(model: Any) -> int:
    """The context length of a model glassbox trains: GPT-2's ``n_positions``, Llama's ``max_position_embeddings``."""
    c = model.config
    return int(getattr(c, "n_positions", None) or c.max_position_embeddings)


def _heads(model: Any) -> tuple[int, int]:
    """(layers, heads per layer) of a GPT-2 or Llama-style model."""
    c = model.config
    return int(c.num_hidden_layers), int(c.num_attention_heads)


def _output_projection(model: Any, layer: int) -> Any:
    """The module that reads every head's output, concatenated: GPT-2's ``c_proj``, Llama's ``o_proj``."""
    if hasattr(model, "transformer"):
        return model.transformer.h[layer].attn.c_proj
    return model.model.layers[layer].self_attn.o_proj


@contextmanager
def ablated_head(model: Any, layer: int, head: int) -> Iterator[None]:
    """Zero one attention head's output (its slice of the input of the attention output projection)."""
    d_head = model.config.hidden_size // _heads(model)[1]

    def hook(_module: Any, args: tuple[torch.Tensor, ...]) -> tuple[torch.Tensor, ...]:
        x = args[0].clone()  # [batch, pos, n_heads * d_head]
        x[..., head * d_head : (head + 1) * d_head] = 0
        return (x, *args[1:])

    handle = _output_projection(model, layer).register_forward_pre_hook(hook)
    try:
        yield
    finally:
        handle.remove()


def head_ablations(model: Any, seqs: Sequence[list[int]]) -> list[HeadAblation]:
    """The copy loss with each head zeroed in turn, the heads whose loss rises most first (GPT-2 and Llama-style
    models; others: none)."""
    if not hasattr(model, "transformer") and not hasattr(getattr(model, "model", None), "layers"):
        return []
    n_layers, n_heads = _heads(model)
    out = []
    for layer in range(n_layers):
        for head in range(n_heads):
            with ablated_head(model, layer, head):
                c = copy_loss(model, seqs)
            out.append(HeadAblation(layer=layer, head=head, second_copy_loss=c.second_copy_loss, ratio=c.ratio))
    return sorted(out, key=lambda h: -h.second_copy_loss)


@torch.no_grad()
def sensible_guesses(model: Any, tokenizer: Any, languages: Sequence[str] = LANGS, k: int = 5) -> list[SensibleGuess]:
    """The top-``k`` next tokens after every "sensible guess" prompt of every language."""
    device = next(model.parameters()).device
    out = []
    for lang in languages:
        for i, prompt in enumerate(general_module(lang).SENSIBLE_PROMPTS):
            ids = torch.tensor([tokenizer(prompt)["input_ids"]], device=device)
            probs = torch.softmax(model(input_ids=ids).logits[0, -1].float(), -1)
            top = torch.topk(probs, k)
            tops = [
                TopToken(token=readable_text(tokenizer, [int(t)]), prob=round(float(p), 4))
                for p, t in zip(top.values, top.indices, strict=True)
            ]
            out.append(SensibleGuess(language=lang, index=i, prompt=prompt, top=tops))
    return out


def evaluate_model(
    model: Any,
    tokenizer: Any,
    heldout_docs: Sequence[Document],
    seed: int = 0,
    facts_per_language: int | None = None,
    n_ioi: int = 20,
    n_induction: int = 10,
    heads: bool = True,
    sensible: bool = True,
) -> EvalReport:
    """Run every measure; ``facts_per_language`` limits the facts asked (None = all 112 per language).

    ``heads`` (the per-head ablations) and ``sensible`` (the top-5 after each sensible-guess prompt) can be
    switched off where only the figures matter (tests).
    """
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
        everyday = [d for d in heldout_docs if d.genre in GENERAL_GENRES]
        sentences = [d for d in heldout_docs if d.genre == "general_sentence"]
        token_seqs = random_token_sequences(len(tokenizer), seed=seed)
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
            heldout_loss=loss_by_language(model, tokenizer, everyday) if everyday else None,
            general_loss=loss_by_language(model, tokenizer, sentences) if sentences else None,
            calibration=calibration(model, tokenizer, sentences) if sentences else None,
            induction_tokens=copy_loss(model, token_seqs),
            induction_heads=head_ablations(model, token_seqs) if heads else None,
            sensible=sensible_guesses(model, tokenizer) if sensible else None,
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
    total, hop, ioi, para = (
        _sum(d) for d in (report.facts, report.two_hop_heldout, report.ioi, report.facts_paraphrase)
    )
    table.add_row("all", pct(total), pct(para), pct(hop), pct(ioi), f"{report.induction_ratio:.3f}", "", style="bold")
    return table


def v2_table(report: EvalReport) -> Any:
    """A rich table of the glassbox-tiny v2 measures per language (None when the report predates them)."""
    from rich.table import Table

    if report.heldout_loss is None or report.calibration is None or report.general_loss is None:
        return None
    table = Table(title="held-out text, calibration and copying")
    for col in ("language", "loss, held-out phrasings", "loss, hand-written", "mean top-1 p", "top-1 accuracy"):
        table.add_column(col, justify="right" if col != "language" else "left")
    for lang in (*LANGS, "all"):
        cal = report.calibration.get(lang)
        table.add_row(
            lang,
            f"{report.heldout_loss[lang]:.3f}" if lang in report.heldout_loss else "",
            f"{report.general_loss[lang]:.3f}" if lang in report.general_loss else "",
            f"{cal.mean_top1_prob:.3f}" if cal else "—",
            f"{cal.top1_accuracy:.3f}" if cal else "—",
            style="bold" if lang == "all" else None,
        )
    if report.induction_tokens is not None:
        c = report.induction_tokens
        table.caption = (
            f"random tokens repeated: loss {c.first_copy_loss:.3f} → {c.second_copy_loss:.3f} (ratio {c.ratio:.3f})"
        )
        if report.induction_heads:
            top = report.induction_heads[0]
            table.caption += f"; ablating L{top.layer}H{top.head} raises the ratio to {top.ratio:.3f}"
    return table


#: The evaluation of glassbox-tiny v1 (the embedded model until 2026-11-28), measured with its own weights on v2's
#: held-out split (the same data the shipped model's report uses), so ``glassbox eval`` can set the old model beside
#: the new one without shipping the old weights. Written by ``glassbox eval --model <v1 folder> --heldout-of
#: <v2 folder> --json``; reproduce v1 with ``glassbox train --preset v1``.
V1_REPORT = Path(__file__).with_name("v1-evaluation.json")


def load_report(path: Path) -> EvalReport:
    """An :class:`EvalReport` written by ``glassbox eval --json``."""
    return EvalReport.model_validate_json(path.read_text(encoding="utf-8"))


def _sum(acc: dict[str, Accuracy]) -> Accuracy:
    return Accuracy(correct=sum(a.correct for a in acc.values()), total=sum(a.total for a in acc.values()))


def comparison_rows(old: EvalReport, new: EvalReport) -> list[tuple[str, str, str, str]]:
    """(measure, old, new, target) rows: the issue's targets for glassbox-tiny v2, old model beside new."""

    def pct(a: Accuracy | None) -> str:
        return f"{100 * a.value:.1f}%" if a and a.total else "—"

    def mean(d: dict[str, float] | None) -> str:
        vals = [v for k, v in (d or {}).items() if k in LANGS]
        return f"{sum(vals) / len(vals):.3f}" if vals else "—"

    def cal(r: EvalReport) -> str:
        c = (r.calibration or {}).get("all")
        return f"{c.mean_top1_prob:.3f} / {c.top1_accuracy:.3f}" if c else "—"

    def copy(r: EvalReport) -> str:
        if r.induction_tokens is None:
            return "—"
        ratio = f"{r.induction_tokens.ratio:.3f}"
        return f"{ratio} (L{r.induction_heads[0].layer}H{r.induction_heads[0].head})" if r.induction_heads else ratio

    words = [f"{r.induction_ratio_by_language.get(lang, float('nan')):.2f}" for r in (old, new) for lang in LANGS]
    rows = [
        ("facts, held-out frame (all)", pct(_sum(old.facts)), pct(_sum(new.facts)), "≥ 90 % in every language"),
        *[(f"  facts, {lang}", pct(old.facts.get(lang)), pct(new.facts.get(lang)), "≥ 90 %") for lang in LANGS],
        ("facts, held-out paraphrase", pct(_sum(old.facts_paraphrase)), pct(_sum(new.facts_paraphrase)), ""),
        ("two-hop, held-out", pct(_sum(old.two_hop_heldout)), pct(_sum(new.two_hop_heldout)), "shown"),
        ("random-token copying ratio (head)", copy(old), copy(new), "≤ 0.3"),
        (
            "random-word copying ratio, per language",
            f"{min(words[: len(LANGS)])}–{max(words[: len(LANGS)])}",
            f"{min(words[len(LANGS) :])}–{max(words[len(LANGS) :])}",
            "≤ 0.3",
        ),
        ("loss, held-out phrasings (mean)", mean(old.heldout_loss), mean(new.heldout_loss), "lower"),
        ("loss, hand-written sentences (mean)", mean(old.general_loss), mean(new.general_loss), "lower"),
        ("mean top-1 p / top-1 accuracy", cal(old), cal(new), "within 0.1"),
    ]
    return rows


def comparison_table(old: EvalReport, new: EvalReport, old_name: str, new_name: str) -> Any:
    """A rich table of :func:`comparison_rows`."""
    from rich.table import Table

    table = Table(title=f"{old_name} → {new_name}")
    table.add_column("measure")
    for col in (old_name, new_name, "target"):
        table.add_column(col, justify="right")
    for row in comparison_rows(old, new):
        table.add_row(*row)
    return table
