"""Analyses over traces and logits: sampling, logit lens, direct logit attribution."""
