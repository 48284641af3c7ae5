"""Per-token generation: glassbox.generate (KV cache, full-vocabulary sampling pipeline, per-step records)
vs Hugging Face ``generate`` with its cache, greedy, same model and prompt, both measured in this run.

GPT-2-small-size config with random weights; 16-token prompt; 32 new tokens; median of 5 runs.
Target: ratio ≤ 1.2.

    .venv/bin/python bench/bench_generate.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from _common import gpt2_small, median_time
from glassbox.analysis.sampling import settings
from glassbox.capture.generation import generate_steps

NEW_TOKENS = 32


def main() -> None:
    model = gpt2_small()
    ids = torch.randint(0, model.info.d_vocab, (16,), generator=torch.Generator().manual_seed(0)).tolist()
    batch = torch.tensor([ids])

    def hf_generate() -> list[int]:
        with torch.no_grad():
            out = model.hf.generate(
                batch,
                attention_mask=torch.ones_like(batch),
                max_new_tokens=NEW_TOKENS,
                min_new_tokens=NEW_TOKENS,
                do_sample=False,
                use_cache=True,
                pad_token_id=0,
            )
        return [int(t) for t in out[0, len(ids) :].tolist()]

    def ours() -> list[int]:
        s = settings(temperature=0.0)
        return [rec.token.id for rec, _ in generate_steps(model, ids, s, NEW_TOKENS, stop_at_eos=False)]

    assert hf_generate() == ours(), "greedy tokens differ from HF generate"
    base = median_time(hf_generate, repeats=5, warmup=1)
    mine = median_time(ours, repeats=5, warmup=1)
    print(f"model: {model.info.n_params:,} parameters; prompt 16 tokens; {NEW_TOKENS} new tokens; greedy")
    print(f"HF generate:       {base / NEW_TOKENS * 1e3:7.2f} ms/token")
    print(f"glassbox generate: {mine / NEW_TOKENS * 1e3:7.2f} ms/token")
    print(f"ratio: {mine / base:.2f}")
    sampled = settings(temperature=0.8, top_k=50, top_p=0.95, seed=1)
    t_sampled = median_time(lambda: list(generate_steps(model, ids, sampled, NEW_TOKENS, stop_at_eos=False)), 5, 1)
    print(
        f"glassbox with top-k + top-p sampling: {t_sampled / NEW_TOKENS * 1e3:7.2f} ms/token ({t_sampled / base:.2f}x)"
    )


if __name__ == "__main__":
    main()
