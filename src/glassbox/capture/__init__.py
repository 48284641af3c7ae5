"""Capturing what happens inside a forward pass: canonical names, the traced forward, generation."""
