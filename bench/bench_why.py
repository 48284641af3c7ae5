""" "Why did it say that?", measured in one run on a GPT-2-small-size model (random weights) and a 64-token prompt:

1. integrated gradients with 32 steps, batched (one forward + backward over 32 rows), ÷ the same 32 steps run one
   at a time (32 forward + backward passes of one row, same code) — target ≤ 0.5;
2. the full ``resid_pre`` patching map (12 layers × 64 positions) ÷ 768 separate patched forwards, each a plain
   batch-of-one forward with one residual replaced that unembeds only the last position (the median of such a
   forward, measured in this run, × 768) — target ≤ 0.3;
3. ``score_text`` ÷ one plain traced forward keeping nothing but the logits — target ≤ 1.2.

Each ratio's numerator and denominator are measured interleaved in the same process (``paired_medians``).

    .venv/bin/python bench/bench_why.py            # print the figures
    .venv/bin/python bench/bench_why.py --write    # and rewrite its section of docs/benchmarks.md
"""

from __future__ import annotations

import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from _common import gpt2_small, paired_medians, write_section
from glassbox.analysis.attribution import _gauss_legendre, _Problem, attribute
from glassbox.analysis.patching import patch
from glassbox.analysis.scoring import score_text
from glassbox.capture.batched import embed_parts, final_logits, run_blocks
from glassbox.capture.forward import capture_filter, run_forward
from glassbox.capture.names import act_name

N_TOKENS = 64
STEPS = 32


def main() -> None:
    torch.set_num_threads(max(1, torch.get_num_threads()))
    model = gpt2_small()
    vocab = model.info.d_vocab
    g = torch.Generator().manual_seed(1)
    ids = torch.randint(0, vocab, (N_TOKENS,), generator=g).tolist()
    corrupted = list(ids)
    corrupted[N_TOKENS // 2] = (ids[N_TOKENS // 2] + 1) % vocab
    target = int(run_forward(model, ids, capture_filter("none"))["logits"][-1].argmax())
    n_layers = model.info.n_layers

    # 1. integrated gradients
    problem = _Problem(model, ids, [N_TOKENS - 1], [target], None)
    alphas, weights = _gauss_legendre(STEPS, model.device)

    def ig_one_at_a_time() -> None:
        for k in range(STEPS):
            problem.weighted_grad_x_input(alphas[k : k + 1], weights[k : k + 1])
        problem.f_no_grad(torch.stack([problem.e, torch.zeros_like(problem.e)]))

    ig = paired_medians(
        {
            "batched": lambda: attribute(model, ids, target=target, method="integrated_gradients", n_steps=STEPS),
            "one_at_a_time": ig_one_at_a_time,
        },
        repeats=3,
    )

    # 2. patching: the whole map vs one patched forward (× layers × positions)
    clean_resid = run_forward(model, ids, lambda name: name == act_name("resid_pre", 6))[act_name("resid_pre", 6)]
    tok, pos = embed_parts(model, corrupted)
    start = (tok + pos if pos is not None else tok).unsqueeze(0)

    def one_patched_forward() -> None:
        def edit(name: str, value: torch.Tensor) -> torch.Tensor:
            if name != act_name("resid_pre", 6):
                return value
            value = value.clone()
            value[0, 10] = clean_resid[10]
            return value

        with torch.no_grad():
            final_logits(model, run_blocks(model, start, edit=edit)[:, -1])

    pa = paired_medians(
        {
            "map": lambda: patch(model, ids, corrupted, target, (target + 1) % vocab, site="resid_pre"),
            "one": one_patched_forward,
        },
        repeats=3,
    )
    separate = pa["one"] * n_layers * N_TOKENS

    # 3. score_text vs one forward
    sc = paired_medians(
        {
            "score": lambda: score_text(model, ids, k=5),
            "forward": lambda: run_forward(model, ids, capture_filter("none")),
        },
        repeats=7,
    )

    ig_ratio = ig["batched"] / ig["one_at_a_time"]
    pa_ratio = pa["map"] / separate
    sc_ratio = sc["score"] / sc["forward"]
    rows = [
        ("integrated gradients, 32 steps: batched ÷ one at a time", ig["batched"], ig["one_at_a_time"], ig_ratio, 0.5),
        (
            f"resid_pre patching map ({n_layers} × {N_TOKENS}) ÷ {n_layers * N_TOKENS} patched forwards",
            pa["map"],
            separate,
            pa_ratio,
            0.3,
        ),
        ("score_text ÷ one forward", sc["score"], sc["forward"], sc_ratio, 1.2),
    ]
    lines = [
        f"GPT-2-small shape (random weights, 124M parameters), a {N_TOKENS}-token prompt, float32 on CPU "
        f"({torch.get_num_threads()} threads); medians, each ratio measured in the same run (`bench/bench_why.py`).",
        "",
        "| measure | glassbox (s) | baseline (s) | ratio | target |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, ours, base, ratio, target_ratio in rows:
        ok = "✓" if ratio <= target_ratio else "✗"
        lines.append(f"| {name} | {ours:.3f} | {base:.3f} | {ratio:.3f} | ≤ {target_ratio} {ok} |")
    lines += [
        "",
        f"The patched-forward baseline is the median of one batch-of-one forward with one residual replaced "
        f"({pa['one'] * 1000:.1f} ms) × {n_layers * N_TOKENS}; it already unembeds only the last position.",
    ]
    body = "\n".join(lines)
    print(body)
    if "--write" in sys.argv:
        write_section("Why did it say that?", body)


if __name__ == "__main__":
    main()
