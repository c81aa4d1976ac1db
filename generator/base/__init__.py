"""Helpers every stage may use: slugs, German display formats, code digests and on-disk caches."""
