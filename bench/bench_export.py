"""What ``glassbox export`` costs per prompt on the embedded model: time, and bytes by encoding.

For a teacher's course page of ten prompts (16 new tokens each, the command's default) it measures

* the time to trace each prompt (the generation, the prediction at every position and the detailed view's
  slices), against one ``/api/predict`` forward pass on the same prompt measured in the same run;
* the bytes of the full-vocabulary logits of all its positions in four encodings: float32 in base64 (what
  ``/api/predict`` sends), float16 in base64, gzip of float16 in base64, and the export's own (float16 of
  ``logit − max``, low bytes then high bytes, deflate, base64: ``glassbox.schema.traces.LOGITS_ENCODING``);
* the prompt's data file as written, and gzipped (what a host that compresses sends);
* where the file's bytes go (distributions, generation steps, each detailed-view slice).

    .venv/bin/python bench/bench_export.py            # print the tables
    .venv/bin/python bench/bench_export.py --write    # and rewrite its section of docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import write_section

PROMPTS = [
    "The capital of France is",
    "Once upon a time, there was a",
    "1, 2, 3, 4,",
    "The cat sat on the",
    "Water boils at a temperature of",
    "She opened the door and saw",
    "The first president of the United States was",
    "In the morning, I like to drink",
    "The sun rises in the",
    "A dog is a kind of",
]
NEW_TOKENS = 16


def _b64_len(raw: bytes) -> int:
    return len(base64.b64encode(raw))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the section of docs/benchmarks.md")
    args = parser.parse_args()

    import glassbox
    from glassbox.analysis.prediction import next_token_prediction
    from glassbox.export_site import script_of
    from glassbox.models.tokens import encode
    from glassbox.traces import decode_logits, trace_prompt

    model = glassbox.load_model()
    trace_prompt(model, PROMPTS[0], max_new_tokens=1)  # warm-up: first-call costs are not a prompt's
    rows = []
    parts: dict[str, list[int]] = {}
    for prompt in PROMPTS:
        ids = encode(model, prompt)
        forwards = []
        for _ in range(5):
            t0 = time.perf_counter()
            next_token_prediction(model, ids, [], 20)
            forwards.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        trace = trace_prompt(model, prompt, max_new_tokens=NEW_TOKENS)
        seconds = time.perf_counter() - t0
        f32 = f16 = gz = ours = 0
        for dist in trace.distributions:
            logits = decode_logits(dist.logits)  # float16-exact values; sizes depend only on the dtype's width
            exact = next_token_prediction(model, ids, [s.token.id for s in trace.steps[: dist.generated]], 1)
            raw32 = exact.logits.to_numpy().astype("<f4").tobytes()
            raw16 = exact.logits.to_numpy().astype("<f2").tobytes()
            f32 += _b64_len(raw32)
            f16 += _b64_len(raw16)
            gz += _b64_len(gzip.compress(raw16, 9))
            ours += len(dist.logits.data)
            assert logits.shape[0] == model.info.d_vocab
        file_text = script_of("p", trace).encode()
        doc = json.loads(trace.model_dump_json())
        for key in ("distributions", "steps"):
            parts.setdefault(key, []).append(len(json.dumps(doc[key])))
        for key, value in (doc["detail"] or {}).items():
            parts.setdefault(f"detail.{key}", []).append(len(json.dumps(value)))
        rows.append(
            {
                "prompt": prompt,
                "tokens": len(trace.tokens),
                "positions": len(trace.distributions),
                "seconds": seconds,
                "forward": statistics.median(forwards),
                "f32": f32,
                "f16": f16,
                "gz": gz,
                "ours": ours,
                "file": len(file_text),
                "file_gz": len(gzip.compress(file_text, 9)),
            }
        )

    info = model.info
    lines = [
        f"`bench/bench_export.py` on {model.name} ({info.n_layers} layers, {info.n_heads} heads, vocabulary "
        f"{info.d_vocab:,}), {NEW_TOKENS} new tokens per prompt, CPU ({platform.machine()}, torch threads as "
        "tuned by `load_model`). Time: tracing one prompt for the export (generation, the prediction at every "
        "position, the detailed view's slices) against one `/api/predict` forward pass on it, same run. Bytes: "
        "the logits of all the prompt's positions in each encoding, then the prompt's data file as written and "
        "gzipped.",
        "",
        "| prompt | tokens | positions | export s | × one forward | float32 b64 | float16 b64 | gzip f16 b64 "
        "| export encoding | data file | data file gzipped |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['prompt']} | {r['tokens']} | {r['positions']} | {r['seconds']:.2f} | "
            f"{r['seconds'] / r['forward']:.0f}× | {r['f32']:,} | {r['f16']:,} | {r['gz']:,} | {r['ours']:,} | "
            f"{r['file']:,} | {r['file_gz']:,} |"
        )
    tot = {k: sum(r[k] for r in rows) for k in ("seconds", "f32", "f16", "gz", "ours", "file", "file_gz")}
    lines.append(
        f"| **all {len(rows)}** | | | {tot['seconds']:.1f} | | {tot['f32']:,} | {tot['f16']:,} | {tot['gz']:,} | "
        f"{tot['ours']:,} | {tot['file']:,} | {tot['file_gz']:,} |"
    )
    lines += [
        "",
        f"The export encoding is {tot['ours'] / tot['f16']:.2f}× float16 in base64, {tot['ours'] / tot['gz']:.2f}× "
        f"gzip of float16, {tot['ours'] / tot['f32']:.2f}× what `/api/predict` sends.",
        "",
        "Where a data file's bytes go (median over the prompts, JSON characters):",
        "",
        "| part | median bytes |",
        "| --- | ---: |",
    ]
    lines += [f"| {k} | {statistics.median(v):,.0f} |" for k, v in sorted(parts.items(), key=lambda kv: -max(kv[1]))]
    body = "\n".join(lines)
    print(body)
    if args.write:
        write_section("Static export", body)


if __name__ == "__main__":
    main()
