"""NLP stage: the spaCy pipeline for German (tokens, sentences, tags, lemmas, gazetteer spans)."""

from generator.nlp.pipeline import Pipeline, build_pipeline, cached_pipeline

__all__ = ["Pipeline", "build_pipeline", "cached_pipeline"]
