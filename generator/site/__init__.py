"""Site stage: build the docs folder into a static site (MkDocs + Material, or Zensical), atomically,
and index it for the search (Pagefind)."""
