"""The sentence scorer: a linear model over exporter.summarise.features, trained on the QMSum
committee training meetings and shipped as ``sentence_scorer.json`` beside this module.

The model file is written by ``benchmarks/train_sentence_scorer.py`` (ridge regression in numpy,
chosen by cross-validation within the training meetings); it holds the feature names, their
means and scales, and one weight each. Reading it needs only the standard library and numpy,
and it is read afresh on every call (it is a few hundred bytes): nothing is kept between calls.

    load() -> Model          # raises ValueError if the file does not fit this code
    Model.scores(rows) -> numpy array of one score per row (higher: more worth quoting)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

import numpy as np

from exporter.summarise.features import FEATURES

FORMAT = "debate-exporter/sentence-scorer/1"
MODEL_FILE = "sentence_scorer.json"


@dataclass(frozen=True)
class Model:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def scores(self, rows: np.ndarray) -> np.ndarray:
        """One score per row of a features.matrix."""
        if rows.shape[0] == 0:
            return np.zeros(0)
        standard = (rows - np.asarray(self.mean)) / np.asarray(self.scale)
        return np.asarray(standard @ np.asarray(self.weights) + self.bias, dtype=np.float64)


def from_dict(data: dict) -> Model:
    """A model from its JSON form; ValueError when it was made for other features."""
    if data.get("format") != FORMAT:
        raise ValueError(f"not a sentence scorer of format {FORMAT}")
    names = tuple(data["features"])
    if names != FEATURES:
        raise ValueError("the sentence scorer was trained on other features; rebuild it")
    columns = [tuple(float(v) for v in data[key]) for key in ("mean", "scale", "weights")]
    if any(len(column) != len(names) for column in columns):
        raise ValueError("the sentence scorer's columns do not match its features")
    return Model(names, columns[0], columns[1], columns[2], float(data["bias"]))


def load() -> Model:
    """The shipped model."""
    text = resources.files("exporter.summarise").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return from_dict(json.loads(text))
