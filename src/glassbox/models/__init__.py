"""Model loading (:mod:`.loading`), tokens for display (:mod:`.tokens`) and architecture adapters."""
