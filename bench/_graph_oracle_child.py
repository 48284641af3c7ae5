"""circuit-tracer's side of ``bench_graph_oracle.py``: run ONLY in circuit-tracer's own venv (it imports nothing
from glassbox, which is not installed there).

    <ct-venv>/bin/python bench/_graph_oracle_child.py MODEL_DIR TRANSCODER_DIR IDS_JSON OUT_DIR

Builds a TransformerLens ``HookedTransformer`` from the GPT-2 folder's config and weights (offline: TransformerLens's
``from_pretrained`` only knows Hub names, so the config is written out here and the weights converted with its own
``convert_gpt2_weights``), turns it into circuit-tracer's ``TransformerLensReplacementModel`` with the transcoders
loaded by its ``load_transcoder_set`` (or, for a folder whose config says ``cross_layer_transcoder``, its
``load_clt``), runs ``attribute`` on the given ids, and writes the dense adjacency and the
feature list to ``OUT_DIR/ct_graph.safetensors`` and the rest (timings, pruning, scores) to ``OUT_DIR/ct.json``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import torch
import yaml
from safetensors.torch import save_file


def main() -> None:
    model_dir, tc_dir, ids_path, out_dir = (Path(a) for a in sys.argv[1:5])
    from circuit_tracer.attribution.attribute import attribute
    from circuit_tracer.graph import compute_graph_scores, prune_graph
    from circuit_tracer.replacement_model.replacement_model_transformerlens import TransformerLensReplacementModel
    from circuit_tracer.transcoder.cross_layer_transcoder import load_clt
    from circuit_tracer.transcoder.single_layer_transcoder import load_transcoder_set
    from transformer_lens import HookedTransformerConfig
    from transformer_lens.pretrained.weight_conversions.gpt2 import convert_gpt2_weights
    from transformers import GPT2LMHeadModel, PreTrainedTokenizerFast

    torch.set_num_threads(1)
    t0 = time.perf_counter()
    hf = GPT2LMHeadModel.from_pretrained(model_dir).eval()
    c = hf.config
    cfg = HookedTransformerConfig(
        n_layers=c.n_layer,
        d_model=c.n_embd,
        n_ctx=c.n_positions,
        d_head=c.n_embd // c.n_head,
        n_heads=c.n_head,
        d_mlp=c.n_inner or 4 * c.n_embd,
        d_vocab=c.vocab_size,
        act_fn=c.activation_function,
        normalization_type="LN",
        eps=c.layer_norm_epsilon,
        positional_embedding_type="standard",
        original_architecture="GPT2LMHeadModel",
        model_name="glassbox-tiny",
        device="cpu",
        dtype=torch.float32,
    )
    tok = PreTrainedTokenizerFast.from_pretrained(str(model_dir))
    model = TransformerLensReplacementModel(cfg, tokenizer=tok)
    missing, unexpected = model.load_state_dict(convert_gpt2_weights(hf, cfg), strict=False)
    # only TransformerLens's own buffers (attention masks) may be missing; any weight missing would be a bug here
    # and the unembedding bias, which GPT-2 has none of (set to zero below)
    bad = [k for k in missing if not k.endswith(("mask", "IGNORE")) and k != "unembed.b_U"]
    if bad or unexpected:
        raise SystemExit(f"weights did not map onto TransformerLens: missing {bad}, unexpected {list(unexpected)}")

    with torch.no_grad():
        model.unembed.b_U.zero_()

    conf = yaml.safe_load((tc_dir / "config.yaml").read_text(encoding="utf-8"))
    if conf.get("model_kind") == "cross_layer_transcoder":  # a CLT folder: circuit-tracer's own load_clt reads it
        ts = load_clt(
            str(tc_dir),
            feature_input_hook=conf["feature_input_hook"],
            feature_output_hook=conf["feature_output_hook"],
            scan=conf.get("scan_name", "glassbox"),
            device=torch.device("cpu"),
            dtype=torch.float32,  # its default is bfloat16: the comparison is in float32
            lazy_encoder=False,
            lazy_decoder=False,
        )
    else:
        paths = {i: str(tc_dir / name) for i, name in enumerate(conf["transcoders"])}
        ts = load_transcoder_set(
            paths,
            scan=conf.get("scan_name", "glassbox"),
            feature_input_hook=conf["feature_input_hook"],
            feature_output_hook=conf["feature_output_hook"],
            device=torch.device("cpu"),
            lazy_encoder=False,
            lazy_decoder=False,
        )
    model._configure_replacement_model(ts)
    model.eval()
    load_s = time.perf_counter() - t0

    ids = json.loads(ids_path.read_text(encoding="utf-8"))
    with torch.no_grad():
        real_logits = model(torch.tensor([ids]))[0, -1]
    runs = []
    graph = None
    for _ in range(4):  # a warm-up (timed, reported apart), then the median of three
        t1 = time.perf_counter()
        graph = attribute(ids, model, batch_size=64)
        # glassbox's attribution_graph prunes and scores too: time the same work
        node_mask, edge_mask, _ = prune_graph(graph, 0.8, 0.98)
        replacement, completeness = compute_graph_scores(graph)
        runs.append(time.perf_counter() - t1)
    assert graph is not None
    save_file(
        {
            "adjacency": graph.adjacency_matrix.float().contiguous(),
            "active_features": graph.active_features.long().contiguous(),
            "selected_features": graph.selected_features.long().contiguous(),
            "activation_values": graph.activation_values.float().contiguous(),
            "logit_probabilities": graph.logit_probabilities.float().contiguous(),
            "node_mask": node_mask.to(torch.uint8).contiguous(),
            "edge_mask": edge_mask.to(torch.uint8).contiguous(),
            "real_logits": real_logits.float().contiguous(),
        },
        str(out_dir / "ct_graph.safetensors"),
    )
    (out_dir / "ct.json").write_text(
        json.dumps(
            {
                "load_s": load_s,
                "first_s": runs[0],
                "median_s": sorted(runs[1:])[1],
                "logit_ids": graph.logit_token_ids.tolist(),
                "replacement": float(replacement),
                "completeness": float(completeness),
                "n_pos": graph.n_pos,
            }
        ),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
