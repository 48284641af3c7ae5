"""Batch trace files (``glassbox trace --prompts``, ``glassbox.trace_prompts``) and the static export's files
(``glassbox export``): the payloads validate, the encoded distributions decode to the model's own logits to
float16 precision, and bad prompt files are refused naming the line (issue 19, items 1 and 7)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from glassbox.errors import CorruptedModelError, InvalidInputError, NotFoundError, PromptTooLongError
from glassbox.schema.models import SamplingSettings
from glassbox.schema.traces import PromptTrace, StaticManifest
from glassbox.traces import (
    MAX_PROMPT_CHARS,
    decode_logits,
    encode_logits,
    load_prompt_trace,
    read_prompts,
    trace_prompt,
    trace_prompts,
)


@pytest.fixture(scope="module")
def gpt2_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from glassbox.testing import make_tiny_model

    return make_tiny_model(tmp_path_factory.mktemp("traces") / "gpt2", "gpt2")


@pytest.fixture(scope="module")
def gpt2(gpt2_dir: Path) -> Any:
    import glassbox

    return glassbox.load_model(str(gpt2_dir), device="cpu")


def _half_precision(x: np.ndarray) -> np.ndarray:
    """Half a float16 unit in the last place of ``x - max(x)``: the most the encoding may move a logit."""
    shifted = np.abs(x.astype(np.float64) - float(x.max()))
    exponent = np.floor(np.log2(np.maximum(shifted, 2.0**-14)))
    return 2.0 ** (exponent - 11) + 1e-6


def test_logits_round_trip_within_float16_precision() -> None:
    rng = np.random.default_rng(3)
    x = (rng.standard_normal(5003) * 6).astype(np.float32)
    x[17] = 31.5  # the largest: decodes exactly
    enc = encode_logits(x)
    back = decode_logits(enc)
    assert back.dtype == np.float32 and back.shape == x.shape
    assert back[17] == x[17]
    assert bool(np.all(np.abs(back.astype(np.float64) - x) <= _half_precision(x)))
    # not a copy of the float32 bytes: float16, shuffled and deflated is smaller than raw float16 in base64
    assert len(enc.data) < 2 * x.size * 4 / 3


def test_decode_refuses_a_damaged_vector() -> None:
    enc = encode_logits(np.arange(64, dtype=np.float32))
    with pytest.raises(CorruptedModelError, match="bytes for a vocabulary of 65"):
        decode_logits(enc.model_copy(update={"d_vocab": 65}))
    with pytest.raises(CorruptedModelError, match="do not decompress"):
        decode_logits(enc.model_copy(update={"data": "AAAA"}))


def test_prompt_trace_holds_the_live_numbers(gpt2: Any) -> None:
    from glassbox.analysis.prediction import next_token_prediction
    from glassbox.generation import generate
    from glassbox.models.tokens import encode

    model = gpt2
    s = SamplingSettings(temperature=0.8, top_k=20, seed=5)
    t = trace_prompt(model, "The capital of France is", max_new_tokens=4, settings=s)
    again = PromptTrace.model_validate_json(t.model_dump_json())  # the file's JSON validates against the schema
    assert again == t and again.kind == "prompt_trace" and again.settings == s
    # the generation is the one /api/generate draws with these settings (no KV cache, as the page steps)
    live = generate(model, t.prompt, max_new_tokens=4, temperature=0.8, top_k=20, seed=5, use_kv_cache=False)
    assert [st.token.id for st in t.steps] == [st.token.id for st in live.steps]
    assert [tok.id for tok in t.tokens] == encode(model, t.prompt)
    assert t.stop_reason == "max_new_tokens" and len(t.distributions) == len(t.steps) + 1
    generated = [st.token.id for st in t.steps]
    for dist in t.distributions:
        pred = next_token_prediction(model, encode(model, t.prompt), generated[: dist.generated], 20)
        exact = pred.logits.to_numpy()
        back = decode_logits(dist.logits)
        assert dist.logits.d_vocab == model.info.d_vocab
        assert bool(np.all(np.abs(back.astype(np.float64) - exact) <= _half_precision(exact)))
        assert [c.token.id for c in dist.top] == [c.token.id for c in pred.top]
    d = t.detail
    assert d is not None
    n_pos, info = len(t.tokens), model.info
    assert len(d.heads) == info.n_layers * info.n_heads and {h.query_pos for h in d.heads} == {n_pos - 1}
    assert len(d.embeddings) == n_pos and len(d.mlps) == info.n_layers
    assert d.overview.tokens == t.tokens
    assert d.attention_grid.patterns.shape == [info.n_layers, info.n_heads, n_pos, n_pos]


def test_a_generation_that_fills_the_context_stops_where_the_page_stops(gpt2: Any) -> None:
    from glassbox.models.tokens import encode

    n_ctx = gpt2.info.n_ctx
    prompt = next(p for k in range(n_ctx) if len(encode(gpt2, p := "a" + " b" * k)) == n_ctx - 2)
    t = trace_prompt(gpt2, prompt, max_new_tokens=5, settings=SamplingSettings(temperature=0), with_detail=False)
    # two tokens fill the context: the page then finishes ("context") and asks for no third distribution
    assert t.stop_reason == "context" and len(t.steps) == 2
    assert [d.generated for d in t.distributions] == [0, 1]


def test_trace_prompts_writes_one_versioned_file_per_prompt(tmp_path: Path, gpt2: Any) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("Hello world\n\n   \nOnce upon a time\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    paths = trace_prompts(
        gpt2, prompts, tmp_path / "out", max_new_tokens=2, with_detail=False,
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    assert [p.name for p in paths] == ["trace-0001.json", "trace-0002.json"]
    assert seen == [(1, 2), (2, 2)]
    first = load_prompt_trace(paths[0])
    assert first.prompt == "Hello world" and first.detail is None
    assert json.loads(paths[1].read_text(encoding="utf-8"))["schema_version"] == first.schema_version


def test_prompt_files_are_refused_clearly(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="holds no prompt"):
        read_prompts(empty)
    long = tmp_path / "long.txt"
    long.write_text("fine\n\n" + "x" * (MAX_PROMPT_CHARS + 1) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match=r"long.txt, line 3: the prompt has 10,001 characters"):
        read_prompts(long)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("café\n".encode("latin-1"))
    with pytest.raises(InvalidInputError, match="not UTF-8"):
        read_prompts(latin)
    with pytest.raises(NotFoundError, match="no prompts file"):
        read_prompts(tmp_path / "missing.txt")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"a b\r\n\r\nc d\r\n")
    assert read_prompts(crlf) == ["a b", "c d"]


def test_a_prompt_too_long_for_the_model_names_its_line(tmp_path: Path, gpt2: Any) -> None:
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("Hello\n\n" + "word " * (gpt2.info.n_ctx + 5) + "\n", encoding="utf-8")
    with pytest.raises(PromptTooLongError, match=r"prompts\.txt, line 3: "):
        trace_prompts(gpt2, prompts, tmp_path / "out", max_new_tokens=1, with_detail=False)
    with pytest.raises(PromptTooLongError, match=r"^prompt 2: "):
        trace_prompts(gpt2, ["Hello", "word " * (gpt2.info.n_ctx + 5)], tmp_path / "out", with_detail=False)


def test_load_prompt_trace_refuses_other_files(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"kind": "trace", "schema_version": "2.0"}), encoding="utf-8")
    with pytest.raises(CorruptedModelError, match="not a glassbox prompt trace"):
        load_prompt_trace(other)
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"kind": "prompt_trace", "schema_version": "99.0"}), encoding="utf-8")
    with pytest.raises(CorruptedModelError, match=r"99\.0"):
        load_prompt_trace(newer)


def test_cli_trace_batch(tmp_path: Path, gpt2_dir: Path) -> None:
    from typer.testing import CliRunner

    from glassbox.cli import app

    prompts = tmp_path / "prompts.txt"
    prompts.write_text("One two\nThree four\n", encoding="utf-8")
    out = tmp_path / "traces"
    args = ["trace", "--prompts", str(prompts), "--out", str(out), "--model", str(gpt2_dir), "-n", "2"]
    result = CliRunner().invoke(app, [*args, "--temperature", "0"])
    assert result.exit_code == 0, result.output
    assert "wrote 2 trace files" in result.output
    traces = [load_prompt_trace(p) for p in sorted(out.glob("trace-*.json"))]
    assert [t.prompt for t in traces] == ["One two", "Three four"]
    assert all(t.settings.temperature == 0 and len(t.steps) == 2 for t in traces)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    refused = CliRunner().invoke(app, ["trace", "--prompts", str(empty), "--out", str(out)])
    assert isinstance(refused.exception, InvalidInputError) and "holds no prompt" in str(refused.exception)
    # the prompts file is read before the model loads: a bad one fails at once, for `glassbox export` too
    refused = CliRunner().invoke(app, ["export", "--prompts", str(empty), "--out", str(tmp_path / "site")])
    assert isinstance(refused.exception, InvalidInputError) and "holds no prompt" in str(refused.exception)
    assert not (tmp_path / "site").exists()
    half = CliRunner().invoke(app, ["trace", "--prompts", str(prompts)])
    assert isinstance(half.exception, InvalidInputError) and "--out DIR" in str(half.exception)
    neither = CliRunner().invoke(app, ["trace"])
    assert isinstance(neither.exception, InvalidInputError) and "--prompt TEXT" in str(neither.exception)


def _registered(path: Path) -> dict[str, Any]:
    """The payload a data file registers (``window.__glassbox_data__["key"]={...};``)."""
    text = path.read_text(encoding="utf-8")
    prefix = "window.__glassbox_data__=window.__glassbox_data__||{};window.__glassbox_data__["
    assert text.startswith(prefix)
    payload: dict[str, Any] = json.loads(text.split("]=", 1)[1].rstrip().removesuffix(";"))
    return payload


def test_export_site_writes_the_data_files(tmp_path: Path, gpt2: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import glassbox.export_site as site

    bundle = tmp_path / "bundle"
    bundle.mkdir()
    for name in site.BUNDLE_FILES:
        (bundle / name).write_text(f"/* {name} */", encoding="utf-8")
    monkeypatch.setattr(site, "BUNDLE_DIR", bundle)
    model = gpt2
    report = site.export_site(model, ["Hello world", "Once upon a time"], tmp_path / "site", max_new_tokens=2)
    out = report.out
    html = (out / "index.html").read_text(encoding="utf-8")
    # classic scripts only: file:// refuses ES modules
    assert '<script src="data/manifest.js"></script>' in html and 'type="module"' not in html
    assert (out / "glassbox-export.js").read_text(encoding="utf-8") == "/* glassbox-export.js */"
    manifest = StaticManifest.model_validate(_registered(out / "data" / "manifest.js"))
    assert [p.prompt for p in manifest.prompts] == ["Hello world", "Once upon a time"]
    assert manifest.models.models[0].info.d_vocab == model.info.d_vocab
    for entry in manifest.prompts:
        path = out / "data" / f"{entry.key}.js"
        assert entry.bytes == path.stat().st_size
        trace = PromptTrace.model_validate(_registered(path))
        assert trace.prompt == entry.prompt and len(trace.steps) == entry.n_generated
    vocab = _registered(out / "data" / "vocab.js")
    assert len(vocab["texts"]) == model.info.d_vocab
    assert report.total_bytes == sum(p.stat().st_size for p in out.rglob("*") if p.is_file())


def test_export_site_without_the_bundle_says_how_to_build_it(
    tmp_path: Path, gpt2: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import glassbox.export_site as site

    monkeypatch.setattr(site, "BUNDLE_DIR", tmp_path / "nothing")
    with pytest.raises(NotFoundError, match="make web"):
        site.export_site(gpt2, ["Hello"], tmp_path / "site")
