"""Site stage: build the docs folder into a static site (MkDocs + Material, or Zensical), atomically."""
