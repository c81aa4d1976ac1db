"""Corpus stage: read the articles of a folder, decode them, validate their metadata, clean their text."""
