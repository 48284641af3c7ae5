"""Everyday text of the generated corpus (glassbox-tiny v2): one generator module per language.

Each language module (``en``, ``fr``, ``cs``, ``uk``, ``zh``, ``ru``, ``ja``) exports the same names — see
:mod:`glassbox.training.corpus_data.general.base` for the contract — and was written by hand for this
project: nothing in it is copied from anywhere.
"""
