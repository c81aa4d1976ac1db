"""Resolution stage: merge per-document findings across the corpus into the report model.

Entities merged by name, permanent addresses from the registry, figure series and their conflicts,
the timeline and the relations every page shows are all computed here, so rendering only reads.
"""
