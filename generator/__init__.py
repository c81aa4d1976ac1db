"""Lagebild: a folder of news articles in, a searchable static report site out."""

__version__ = "0.1.0"
