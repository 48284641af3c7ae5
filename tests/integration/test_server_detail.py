"""The detailed view's routes: slices of a cached trace, equal to the trace's own numbers, for every family."""

from __future__ import annotations

import numpy as np
import pytest
from fastapi.testclient import TestClient

import glassbox
from glassbox.capture.names import act_name
from glassbox.models.loading import LoadedModel
from glassbox.schema.api import Limits
from glassbox.schema.api_detail import DetailOverview
from glassbox.schema.base import Site
from glassbox.schema.detail import AttentionGrid, AttentionHead, EmbeddingDetail, MlpDetail, TokenAcrossLayers
from glassbox.schema.models import LogitLens
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.server.trace_cache import TraceCache

LIMITS = Limits(max_prompt_tokens=24, max_new_tokens=8, max_top_k=50)
PROMPT = "The capital of France is"


@pytest.fixture(scope="module")
def client(tiny_models: dict[str, LoadedModel]) -> TestClient:
    return TestClient(create_app_for(Registry(list(tiny_models.values())), LIMITS), base_url="http://localhost")


def post(client: TestClient, route: str, model: str, **body: object) -> dict[str, object]:
    r = client.post(f"/api/detail/{route}", json={"model": model, "prompt": PROMPT, **body})
    assert r.status_code == 200, r.text
    out = r.json()
    assert isinstance(out, dict)
    return out


def model_id(client: TestClient, family: str) -> str:
    ids = client.get("/api/health").json()["models"]
    return next(i for i in ids if i.endswith(family))


def test_every_family_answers_every_view(client: TestClient, tiny_models, family: str) -> None:  # type: ignore[no-untyped-def]
    mid = model_id(client, family)
    model = tiny_models[family]
    t = glassbox.trace(model, PROMPT)
    last = t.n_pos - 1
    ov = DetailOverview.model_validate(post(client, "overview", mid))
    assert [tok.id for tok in ov.tokens] == t.token_ids
    assert ov.info.family == model.info.family
    assert ov.residual.resid_norm[-1][last] == pytest.approx(
        float(t[act_name("resid_post", model.info.n_layers - 1)][last].norm()), rel=1e-5
    )
    head = AttentionHead.model_validate(post(client, "attention_head", mid, layer=1, head=2, query_pos=last))
    assert np.allclose(head.weights.to_numpy(), t[act_name("pattern", 1, "attn")][2, last].numpy(), atol=1e-6)
    grid = AttentionGrid.model_validate(post(client, "attention_grid", mid))
    assert grid.patterns.shape == [model.info.n_layers, model.info.n_heads, t.n_pos, t.n_pos]
    emb = EmbeddingDetail.model_validate(post(client, "embedding", mid, pos=1))
    assert (emb.rotation is not None) == (model.info.positional == "rotary")
    m = MlpDetail.model_validate(post(client, "mlp", mid, layer=0, pos=last, k=3))
    post_acts = t[act_name("post", 0, "mlp")][last]
    assert [n.post for n in m.top] == pytest.approx([float(post_acts[n.index]) for n in m.top], rel=1e-6)
    lens = LogitLens.model_validate(post(client, "logit_lens", mid, k=3))
    assert len(lens.cells) == (model.info.n_layers + 1) * t.n_pos
    assert lens.layers == [Site(part="embed"), *(Site(layer=i, part="block") for i in range(model.info.n_layers))]
    probs = t.logit_lens_probs()
    cell = lens.cells[-1]
    assert cell.top[0].prob == pytest.approx(float(probs[cell.layer, cell.pos].max()), rel=1e-5)
    tok = TokenAcrossLayers.model_validate(post(client, "token", mid, token_id=cell.top[0].token.id, pos=last))
    assert tok.ranks[-1] == 0


def test_generated_tokens_extend_the_text(client: TestClient, tiny_models) -> None:  # type: ignore[no-untyped-def]
    mid = model_id(client, "gpt2")
    ov = DetailOverview.model_validate(post(client, "overview", mid, generated_ids=[5, 6]))
    t = glassbox.trace(tiny_models["gpt2"], PROMPT)
    assert [tok.id for tok in ov.tokens] == [*t.token_ids, 5, 6]


@pytest.mark.parametrize(
    ("route", "body", "status"),
    [
        ("attention_head", {"layer": 9, "head": 0, "query_pos": 0}, 400),
        ("attention_head", {"layer": 0, "head": 99, "query_pos": 0}, 400),
        ("attention_head", {"layer": 0, "head": 0, "query_pos": 500}, 400),
        ("attention_head", {"layer": -1, "head": 0, "query_pos": 0}, 422),
        ("embedding", {"pos": 77}, 400),
        ("mlp", {"layer": 0, "pos": 0, "k": 1000}, 422),
        ("token", {"token_id": 10**7, "pos": 0}, 400),
        ("overview", {"generated_ids": list(range(9))}, 422),
    ],
)
def test_bad_indices_are_json_errors(client: TestClient, route: str, body: dict[str, object], status: int) -> None:
    mid = model_id(client, "gpt2")
    r = client.post(f"/api/detail/{route}", json={"model": mid, "prompt": PROMPT, **body})
    assert r.status_code == status, r.text
    assert r.json()["error"]["message"]


def test_unknown_model_and_empty_prompt(client: TestClient) -> None:
    r = client.post("/api/detail/overview", json={"model": "nope", "prompt": PROMPT})
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_model"
    r = client.post("/api/detail/overview", json={"model": model_id(client, "gpt2"), "prompt": ""})
    assert r.status_code == 400


def test_trace_cache_is_lru_and_reused(tiny_models) -> None:  # type: ignore[no-untyped-def]
    model = tiny_models["gpt2"]
    cache = TraceCache(size=2)
    a = cache.get("m", model, [1, 2, 3])
    assert cache.get("m", model, [1, 2, 3]) is a and cache.hits == 1
    cache.get("m", model, [1, 2])
    cache.get("m", model, [1])
    assert len(cache) == 2 and cache.misses == 3
    assert cache.get("m", model, [1, 2, 3]) is not a  # dropped as least recently used


def test_a_long_prompts_grid_is_pooled_to_real_weights(tiny_models: dict[str, LoadedModel]) -> None:
    from glassbox.analysis.detail import GRID_MAX_CELLS, attention_grid

    model = tiny_models["llama"]
    n = 2 * GRID_MAX_CELLS - 10  # 118 positions (the tiny models' context is 128) → blocks of 2, 59 cells a side
    t = glassbox.trace(model, token_ids=[(7 * i) % 200 + 1 for i in range(n)])
    grid = attention_grid(t)
    block = -(-n // GRID_MAX_CELLS)
    cells = -(-n // block)
    assert grid.block == block == 2
    assert grid.patterns.shape == [model.info.n_layers, model.info.n_heads, cells, cells]
    shown = grid.patterns.to_numpy()
    pattern = t[act_name("pattern", 1, "attn")].numpy()
    for q, k in [(0, 0), (10, 3), (cells - 1, cells - 1), (cells - 1, 0), (5, 20)]:
        real = pattern[2, q * block : (q + 1) * block, k * block : (k + 1) * block]
        assert shown[1, 2, q, k] == np.float16(real.max())  # the block's largest weight, as float16
    assert (shown[:, :, 5, 20] == 0).all()  # above the diagonal: nothing attends to the future
    short = attention_grid(glassbox.trace(model, PROMPT))
    assert short.block == 1  # a short prompt's maps are whole


def test_the_logit_lens_decodes_the_positions_asked_for(client: TestClient) -> None:
    mid = model_id(client, "llama")
    whole = LogitLens.model_validate(post(client, "logit_lens", mid, k=3))
    some = LogitLens.model_validate(post(client, "logit_lens", mid, k=3, positions=[1, 3]))
    assert some.positions == [1, 3]
    assert len(some.cells) == len(whole.layers) * 2
    for cell in some.cells:  # the same cells as the whole lens's, to float32 rounding
        same = next(c for c in whole.cells if (c.layer, c.pos) == (cell.layer, cell.pos))
        assert [x.token.id for x in cell.top] == [x.token.id for x in same.top]
        assert [x.prob for x in cell.top] == pytest.approx([x.prob for x in same.top], abs=1e-6)
    n_pos = len(whole.positions)
    bad = client.post("/api/detail/logit_lens", json={"model": mid, "prompt": PROMPT, "positions": [n_pos]})
    assert bad.status_code == 400 and f"position {n_pos} does not exist" in bad.text
    for wrong in ([-1], list(range(257))):
        r = client.post("/api/detail/logit_lens", json={"model": mid, "prompt": PROMPT, "positions": wrong})
        assert r.status_code == 422, wrong
