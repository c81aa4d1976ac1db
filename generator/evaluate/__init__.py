"""Evaluation: an extraction in the annotation format, scored against hand-annotated gold files."""
