"""Hand-written vocabularies and templates of the generated training corpus (see ``glassbox.training.corpus``)."""
