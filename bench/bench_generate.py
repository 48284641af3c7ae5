"""Per-token generation: glassbox.generate (KV cache, full-vocabulary sampling pipeline, per-step records)
vs Hugging Face ``generate`` with its cache, greedy, same model and prompt, both measured in this run.

GPT-2-small-size config with random weights; 16-token prompt; 32 new tokens; median of 5 runs.
Target: ratio ≤ 1.2.

    .venv/bin/python bench/bench_generate.py [--write]   # --write: the "Generation" section of docs/benchmarks.md
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from _common import gpt2_small, paired_medians, write_section
from glassbox.analysis.sampling import settings
from glassbox.generation import generate_steps

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
    sampled = settings(temperature=0.8, top_k=50, top_p=0.95, seed=1)

    def ours_sampled() -> object:
        return list(generate_steps(model, ids, sampled, NEW_TOKENS, stop_at_eos=False))

    m = paired_medians({"hf": hf_generate, "ours": ours, "sampled": ours_sampled}, repeats=5)
    base, mine, t_sampled = m["hf"], m["ours"], m["sampled"]
    print(f"model: {model.info.n_params:,} parameters; prompt 16 tokens; {NEW_TOKENS} new tokens; greedy")
    print(f"HF generate:       {base / NEW_TOKENS * 1e3:7.2f} ms/token")
    print(f"glassbox generate: {mine / NEW_TOKENS * 1e3:7.2f} ms/token")
    print(f"ratio: {mine / base:.2f}")
    print(
        f"glassbox with top-k + top-p sampling: {t_sampled / NEW_TOKENS * 1e3:7.2f} ms/token ({t_sampled / base:.2f}x)"
    )
    if "--write" in sys.argv:
        write_section(
            "Generation",
            f"""`bench/bench_generate.py`: per-token time of `glassbox.generate` (KV cache, the full-vocabulary sampling
pipeline with every intermediate, a record per step) ÷ Hugging Face `generate` with its cache, greedy, the same
GPT-2-small-size model with random weights ({model.info.n_params:,} parameters), a 16-token prompt and
{NEW_TOKENS} new tokens (the greedy tokens are checked equal first), median of 5 interleaved repeats. Target: ≤ 1.2.

| | ms per token | ratio |
|---|---|---|
| HF `generate`, greedy | {base / NEW_TOKENS * 1e3:.2f} | 1 |
| glassbox, greedy | {mine / NEW_TOKENS * 1e3:.2f} | **{mine / base:.2f}** |
| glassbox, T = 0.8, top-k 50, top-p 0.95 | {t_sampled / NEW_TOKENS * 1e3:.2f} | {t_sampled / base:.2f} |

Machine: {platform.machine()}, torch {torch.__version__}, {torch.get_num_threads()} thread(s); a shared 2-core
machine, so compare ratios, not times.""",
        )


if __name__ == "__main__":
    main()
