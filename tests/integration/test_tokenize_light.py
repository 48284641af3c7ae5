"""``glassbox tokenize`` reads only the tokenizer's files: no torch, and the same ids and chips as the loaded model.

The parity tests hold :class:`~glassbox.models.tokenizer_files.FileTokenizer` (tokenizer.json read by the
``tokenizers`` library) equal to the fully loaded model's transformers tokenizer on the embedded model and on
every tiny architecture; the subprocess tests prove the command's promise: ``torch`` is never imported.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import glassbox
from glassbox.errors import CorruptedModelError, PromptTooLongError
from glassbox.models.tokenizer_files import find_tokenizer_files, load_file_tokenizer
from glassbox.models.tokens import encode, token_infos

TEXTS = ["Hello world", "The capital of France is Paris.", "Hlavní město 中文 🙂 — ёлка", "  two  spaces\nand a line"]


def _run_and_report(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a fresh interpreter; its last stdout line says which heavy modules were imported."""
    script = (
        "import sys\n"
        f"sys.argv = ['glassbox', *{args!r}]\n"
        "import glassbox.cli\n"
        "try:\n"
        "    glassbox.cli.main()\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "import json\n"
        "print(json.dumps({m: m in sys.modules for m in ('torch', 'transformers')}))\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)


def _check_parity(folder: Path, loaded: Any) -> None:
    light = load_file_tokenizer(folder)
    hf = loaded.tokenizer
    assert light.bos_token_id == hf.bos_token_id
    assert light.eos_token_id == hf.eos_token_id
    assert sorted(light.all_special_ids) == sorted(hf.all_special_ids)
    assert light.prepend_bos == loaded.prepend_bos
    assert light.n_ctx == loaded.info.n_ctx
    for text in TEXTS:
        ids = light.encode_prompt(text)
        assert ids == encode(loaded, text), text
        assert token_infos(light, ids) == token_infos(hf, ids), text


def test_embedded_model_tokenizer_matches_the_loaded_model() -> None:
    folder = find_tokenizer_files(None)
    assert folder is not None and folder == find_tokenizer_files("glassbox-tiny")
    _check_parity(folder, glassbox.load_model(device="cpu"))


def test_every_tiny_architecture_matches(tiny_dir: dict[str, Path], tiny_models: dict[str, Any]) -> None:
    for family, folder in tiny_dir.items():
        found = find_tokenizer_files(str(folder))
        assert found == folder, family
        _check_parity(found, tiny_models[family])


def test_a_prompt_longer_than_the_context_is_refused_like_the_loaded_model() -> None:
    folder = find_tokenizer_files(None)
    assert folder is not None
    light = load_file_tokenizer(folder)
    assert light.n_ctx is not None
    long_text = "ab " * (light.n_ctx * 2)  # at least one token per "ab " for any byte-level BPE
    with pytest.raises(PromptTooLongError, match=f"limit is {light.n_ctx}"):
        light.encode_prompt(long_text)


def test_a_corrupted_tokenizer_file_is_refused_like_the_loaded_model(tmp_path: Path) -> None:
    embedded = find_tokenizer_files(None)
    assert embedded is not None
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "config.json", "glassbox.json"):
        shutil.copy(embedded / name, tmp_path / name)
    shutil.copy(embedded / "checksums.json", tmp_path / "checksums.json")  # it lists the weights too: not read
    assert load_file_tokenizer(tmp_path).bos_token_id is not None  # the copy reads (its weights are not needed)
    with (tmp_path / "tokenizer.json").open("a", encoding="utf-8") as f:
        f.write(" ")  # still valid JSON, still the same tokenizer: only the checksum can tell
    with pytest.raises(CorruptedModelError, match=r"tokenizer\.json is corrupted \(checksum mismatch\)"):
        load_file_tokenizer(tmp_path)
    cmd = [sys.executable, "-m", "glassbox.cli", "tokenize", "--model", str(tmp_path), "--prompt", "Hello"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 1 and "checksum mismatch" in out.stderr and "Traceback" not in out.stderr


def test_no_tokenizer_json_means_no_light_path(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text("{}")
    assert find_tokenizer_files(str(tmp_path)) is None  # the command then loads the model as before
    assert find_tokenizer_files(str(tmp_path / "missing")) is None


def test_tokenize_command_never_imports_torch(tiny_dir: dict[str, Path]) -> None:
    out = _run_and_report(["tokenize", "--prompt", "Hello world"])
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout.splitlines()[-1]) == {"torch": False, "transformers": False}
    # glassbox-tiny v2's tokenizer: <|endoftext|> H ello ␣world
    assert "4 tokens (11 characters)" in out.stdout and "'ello'" in out.stdout and "' world'" in out.stdout
    folder = _run_and_report(["tokenize", "--model", str(tiny_dir["llama"]), "--prompt", "Hello world"])
    assert folder.returncode == 0, folder.stderr
    assert json.loads(folder.stdout.splitlines()[-1]) == {"torch": False, "transformers": False}
    assert "<|bos|>" in folder.stdout  # the llama tokenizer's beginning-of-text token, prepended as the model does


def test_help_never_imports_torch() -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, glassbox.cli; print('torch' in sys.modules, 'transformers' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]
    helped = _run_and_report(["--help"])
    assert json.loads(helped.stdout.splitlines()[-1]) == {"torch": False, "transformers": False}
