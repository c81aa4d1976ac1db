"""Render stage: the report model as Markdown pages in the docs folder (Jinja2 ``.md.j2`` templates)."""
