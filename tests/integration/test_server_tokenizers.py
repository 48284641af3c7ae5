"""The tokenizer lab's routes: the catalogue with the served models, tokenize/tax/merges/chat equal to the Python
functions they call, and clear errors for names a page may not use."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from glassbox.models.loading import LoadedModel
from glassbox.schema.api import Limits
from glassbox.schema.tokenizers import ChatRendering, Comparison, MergeTrace, ParallelSet, TokenizerCatalogue, TokenTax
from glassbox.server.app import create_app_for
from glassbox.server.registry import Registry
from glassbox.tokenizers import CATALOGUE_NAMES, compare, token_tax

LIMITS = Limits(max_prompt_tokens=24, max_new_tokens=8, max_top_k=50)


@pytest.fixture(scope="module")
def client(tiny_models: dict[str, LoadedModel]) -> TestClient:
    return TestClient(create_app_for(Registry(list(tiny_models.values())), LIMITS), base_url="http://localhost")


def served(client: TestClient) -> list[str]:
    ids = client.get("/api/health").json()["models"]
    assert isinstance(ids, list)
    return [str(i) for i in ids]


def test_catalogue_lists_the_catalogue_and_the_served_models(client: TestClient) -> None:
    r = client.get("/api/tokenizers")
    assert r.status_code == 200, r.text
    cat = TokenizerCatalogue.model_validate(r.json())
    names = [t.name for t in cat.tokenizers]
    assert names[: len(CATALOGUE_NAMES)] == list(CATALOGUE_NAMES)
    # a served model whose id is a catalogue name is offered as model:<id>
    assert {i if i not in CATALOGUE_NAMES else f"model:{i}" for i in served(client)} <= set(names)
    assert 0 < cat.total_gzip_bytes <= 25_000_000


def test_tokenize_equals_compare(client: TestClient, tiny_models: dict[str, LoadedModel]) -> None:
    text = "Ще не вмерла 你好 🎉"
    for model_id, model in zip(served(client), tiny_models.values(), strict=True):
        name = f"model:{model_id}"
        r = client.post("/api/tokenizers/tokenize", json={"text": text, "tokenizers": ["gpt2", "qwen3", name]})
        assert r.status_code == 200, r.text
        got = Comparison.model_validate(r.json())
        assert got.results[:2] == compare(text, ["gpt2", "qwen3"]).results
        assert got.results[2].tokenizer == name
        ids = [t.id for t in got.results[2].tokens]
        assert ids == list(model.tokenizer(text, add_special_tokens=False)["input_ids"])


def test_tax_and_parallel(client: TestClient) -> None:
    par = ParallelSet.model_validate(client.get("/api/tokenizers/parallel").json())
    assert len(par.texts) >= 10
    r = client.post("/api/tokenizers/tax", json={"tokenizers": ["gpt2", "o200k"]})
    assert r.status_code == 200, r.text
    assert TokenTax.model_validate(r.json()).cells == token_tax(["gpt2", "o200k"]).cells
    own = [{"lang": "en", "name": "English", "text": "cat"}, {"lang": "uk", "name": "Українська", "text": "кіт"}]
    r = client.post("/api/tokenizers/tax", json={"tokenizers": ["gpt2"], "texts": own})
    assert [c["lang"] for c in r.json()["cells"]] == ["en", "uk"]


def test_merges_and_chat(client: TestClient) -> None:
    r = client.post("/api/tokenizers/merges", json={"tokenizer": "o200k", "word": "tokenization"})
    assert r.status_code == 200, r.text
    m = MergeTrace.model_validate(r.json())
    assert m.pieces[0].steps and m.pieces[0].steps[-1].symbols == ["token", "ization"]
    msgs = [{"role": "user", "content": "Hi!"}]
    r = client.post("/api/tokenizers/chat", json={"tokenizer": "qwen3", "messages": msgs})
    assert r.status_code == 200, r.text
    chat = ChatRendering.model_validate(r.json())
    assert chat.text.startswith("<|im_start|>user\nHi!<|im_end|>")
    assert [t.text for t in chat.tokens if t.is_special][:2] == ["<|im_start|>", "<|im_end|>"]
    r = client.post("/api/tokenizers/chat", json={"tokenizer": "gpt2", "messages": msgs})
    assert r.status_code == 400 and "no chat template" in r.json()["error"]["message"]


def test_bad_names_and_inputs(client: TestClient) -> None:
    r = client.post("/api/tokenizers/tokenize", json={"text": "x", "tokenizers": ["/etc"]})
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = client.post("/api/tokenizers/tokenize", json={"text": "x", "tokenizers": []})
    assert r.status_code == 422
    r = client.post("/api/tokenizers/tokenize", json={"text": "x" * 20001, "tokenizers": ["gpt2"]})
    assert r.status_code == 422
    r = client.post("/api/tokenizers/merges", json={"tokenizer": "gpt2", "word": ""})
    assert r.status_code == 422


def test_catalogue_files_are_served_as_built_for_the_page(client: TestClient) -> None:
    """The page's own tokenizer reads these: the gzip bytes exactly as built, not recompressed; others are 404."""
    from glassbox.tokenizers.catalogue import CATALOGUE_DIR

    r = client.get("/tokenizers/gpt2.json.gz", headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/gzip"
    assert r.content == (CATALOGUE_DIR / "gpt2.json.gz").read_bytes()
    for bad in ("nope.json.gz", "catalogue.json", "gpt2.json"):
        r = client.get(f"/tokenizers/{bad}")
        assert r.status_code == 404
        assert r.json()["error"]["code"]
