"""The contract every language module of :mod:`glassbox.training.corpus_data.general` follows.

A language module exports:

* ``GENERATORS: dict[str, Generator]`` with exactly the keys of :data:`GENRES`; each generator
  ``(rng, heldout) -> str`` returns one document (a few coherent sentences in the language) using only ``rng``
  for its choices, so the corpus is a pure function of the seed.
* ``GENERAL_SENTENCES: tuple[str, ...]`` — natural sentences written by hand that no generator produces:
  the "outside the templates" held-out text (loss and calibration are measured on it).
* ``CALIBRATION_SENTENCES: tuple[str, ...]`` — 40 more hand-written sentences of the same kind, in no split and
  none of them a ``GENERAL_SENTENCES`` entry: a run's temperature is fitted on them
  (:mod:`glassbox.training.calibrate`), so the calibration measured on ``GENERAL_SENTENCES`` is not fitted to it.
* ``SENSIBLE_PROMPTS: tuple[str, ...]`` — the 30 prompts of :data:`SENSIBLE_PROMPTS_EN` in the language, same order.
* ``RANDOM_WORDS: tuple[str, ...]`` — common single words (no spaces) for the random-word copying documents.

**Held-out phrasings.** Every list of sentence templates or frames is drawn with :func:`phrase`, which keeps
every fifth option (index 4, 9, …) for the held-out split and never returns it for training text. The
held-out split thereby contains wordings the model has never been trained on.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

#: A document generator: ``(rng, heldout) -> text``.
Generator = Callable[[random.Random, bool], str]

#: The genres every language module generates.
GENRES: tuple[str, ...] = ("encyclopedia", "story", "dialogue", "instructions", "list", "numbers")

#: Every fifth option of a phrasing list is held out.
HELDOUT_EVERY = 5


def phrase(rng: random.Random, options: Sequence[T], heldout: bool) -> T:
    """One option of a phrasing list: the training options, or (``heldout``) the reserved ones.

    Options at index 4, 9, 14 … are held out. A list with fewer than five options has no held-out option,
    and then both splits draw from the whole list.
    """
    held = [o for i, o in enumerate(options) if i % HELDOUT_EVERY == HELDOUT_EVERY - 1]
    if not held:
        return rng.choice(options)
    if heldout:
        return rng.choice(held)
    return rng.choice([o for i, o in enumerate(options) if i % HELDOUT_EVERY != HELDOUT_EVERY - 1])


def cap(text: str) -> str:
    """``text`` with a capital first letter (CJK text is unchanged)."""
    return text[:1].upper() + text[1:]


#: The "sensible guess" set: 30 prompts a teacher would type first. Every language module translates them,
#: in this order, as a prompt to be continued (no trailing space).
SENSIBLE_PROMPTS_EN: tuple[str, ...] = (
    "The capital of France is",
    "Artificial intelligence is a",
    "Once upon a time, there was a",
    "The cat sat on the",
    "Water is made of",
    "My favourite food is",
    "One, two, three,",
    "The sun rises in the",
    "Monday, Tuesday,",
    "2 + 2 =",
    "The dog",
    "In the morning, I",
    "The weather today is",
    "A computer is a machine that",
    "Paris is a city in",
    "Dogs and cats are",
    "The sky is",
    "She opened the door and",
    "The largest animal in the ocean is the",
    "To make tea, first",
    "Hello! How are",
    "The first month of the year is",
    "Football is a",
    "The Earth goes around the",
    "My name is",
    "Music is",
    "The doctor said that",
    "Trees need water and",
    "Ten minus three is",
    "The museum has a famous",
)
