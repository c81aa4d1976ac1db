"""Knowledge stage: typed data (names, lexicons, cue words, patterns) that feeds corpus, nlp and extract.

The shipped YAML files beside this module are loaded through one schema and merged with a user's
``knowledge.yml``; nothing downstream keeps word lists of its own.
"""
