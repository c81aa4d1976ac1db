"""The German word lists and lexical patterns of the extraction, as one typed record.

Every list lives once, in a YAML file of ``generator/knowledge/`` (named in the comment of each
group below); a user's ``knowledge.yml`` extends any of them under ``lexicon:``. Code reads
``kb.lexicon.<name>`` (or :func:`generator.knowledge.schema.shipped_words` where no knowledge base
is at hand) and keeps no word lists of its own. Lists hold words as written; mappings map a word
to its value. Derived tables (sets, compiled patterns) are built once per record by :meth:`memo`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass
class WordLists:
    """Every word list of the extraction; each field is one list a user may extend."""

    # -- lexicon.yml: attribution and stance -----------------------------------------------------
    reporting: dict[str, list[str]]  # stance → finite reporting verbs; "teilte|mit" = separable
    reporting_tail: list[str]  # verbs of a trailing frame ("…, erklärte sie") cut from a claim text
    stance_phrases: dict[str, list[str]]  # stance → phrases that set it anywhere in the sentence
    stance_phrase_exceptions: list[str]  # phrases that cancel a stance phrase ("kein Zweifel")
    negation_words: list[str]  # negations next to a verb that flip its stance
    negated_stance: dict[str, str]  # stance → the stance it becomes when negated ("none": no statement)
    object_dependent_verbs: list[str]  # verbs that deny only when the object is a statement
    non_reporting_objects: dict[str, list[str]]  # verb lemma → objects of a sense that reports nothing
    repelled_objects: list[str]  # stems of objects that are repelled, not denied ("angriff")
    correlative_negations: list[str]  # "weder … noch": denies when it negates full verbs
    source_before: list[str]  # source phrases before an actor ("laut", "nach Angaben")
    source_after: list[str]  # source words after an actor ("zufolge")
    own_account_phrases: list[str]  # "nach eigenen Angaben": the subject is its own source
    data_source_words: list[str]  # "nach"/"laut" before "…angaben" compounds ("nach Armeeangaben")
    pointing_back_words: list[str]  # "Das sagte X": attribution of the previous sentence
    speaker_pronouns: list[str]  # pronouns that continue the previous speaker
    person_pronouns: list[str]  # speaker pronouns that refer to a person ("er")
    impersonal_subjects: list[str]  # "hieß es", "sagte man": a report without a new speaker
    subjunctive_forms: list[str]  # Konjunktiv forms: reported speech continues the last speaker
    passive_auxiliaries: list[str]  # a participle after these is passive, not a report
    separable_particles: list[str]  # particles of separable verbs ("mitgeteilt")
    participles: list[str]  # participles without "ge-" that a reporting verb may take
    # -- lexicon.yml: claims that meet across sources --------------------------------------------
    event_noun_endings: list[str]  # endings of nouns that name an event ("Entsendung"): predicates
    non_event_nouns: list[str]  # nouns with an event ending that name no event ("Regierung")
    predicate_classes: dict[str, list[str]]  # class → lemma stems of one event ("entsend", "schick")
    light_predicates: list[str]  # verbs too general to be a claim's predicate ("sein", "geben")
    # -- lexicon.yml: actors and places ----------------------------------------------------------
    locative_before: list[str]  # words before a country name that make it a place
    state_heads: list[str]  # nouns after a country adjective that make it the acting state
    prefix_state_heads: list[str]  # "US-X": X makes the compound the state
    state_body_heads: list[str]  # state bodies that belong to the country named in the sentence
    territory_nouns: list[str]  # "auf russischem Boden": the country as a place
    country_anaphors: list[str]  # "des Landes": the last country named
    region_words: dict[str, list[str]]  # place type → nouns before a place name ("Region X")
    region_words_unnamed: list[str]  # region words without which the name is not a mention
    place_name_prefixes: list[str]  # first words of place names that are also words ("Port")
    collective_adjectives: list[str]  # adjective stems of unnamed collective sources
    collective_heads: dict[str, list[str]]  # actor type → nouns of unnamed collective sources
    organization_descriptors: list[str]  # nouns before an organisation's name ("Reederei X")
    office_heads: list[str]  # "Büro des Ministerpräsidenten": an office named after its holder's role
    descriptor_kinds: dict[str, list[str]]  # bare noun → organisation kinds it refers back to
    head_gender: dict[str, str]  # organisation head noun ending → grammatical gender
    # -- roles.yml ---------------------------------------------------------------------------------
    person_roles: list[str]  # role nouns before or after a person's name
    organization_heads: list[str]  # lowercase noun tails that denote an organisation
    collective_people: list[str]  # nouns for groups of people
    name_particles: list[str]  # particles inside personal names ("von der")
    # -- grammar.yml -------------------------------------------------------------------------------
    definite_articles: list[str]
    indefinite_articles: list[str]
    genitive_articles: list[str]  # articles of a genitive attribute after a noun
    object_articles: list[str]  # articles of an object after an inverted verb
    coordinators: list[str]  # "und", "oder": coordinated names
    subject_stop_prepositions: list[str]  # a preposition after an inverted verb ends the subject
    pp_prepositions: list[str]  # an actor after one of these is inside a PP, not a subject
    place_prepositions: list[str]  # an unknown name after one of these is a place
    locative_prepositions: list[str]  # a country after one of these is where, not whom, a figure counts
    origin_prepositions: list[str]  # a country after one of these is whom a figure counts
    honorifics: list[str]  # titles before a name ("Frau", "Dr.")
    name_prefixes: list[str]  # Arabic article prefixes of names ("al-")
    organization_name_links: list[str]  # "Institut für …": words inside an organisation's name
    ordinal_cues: list[str]  # "am 3. Mai", "zum 2. Mal": before these a number with a stop is an ordinal
    noun_suffixes: list[str]  # endings of German common nouns: a noun-tagged word with one is no name
    adjective_endings: list[str]  # endings added to adjective stems ("" = the stem itself)
    gender_endings: dict[str, str]  # gender → strong adjective ending ("Russisches …")
    compass_words: dict[str, str]  # "im Süden des X" → "Süd-X"
    # -- dates.yml ---------------------------------------------------------------------------------
    months: dict[str, int]  # month name → number; the first name of a number is the display name
    weekdays: dict[str, int]  # weekday → 0 (Monday) … 6
    relative_days: dict[str, int]  # "gestern" → -1 day
    date_articles: list[str]  # "Sonntag, dem 3. März"
    period_words: list[str]  # "Mitte August", "Ende 2015": a time, never part of a name
    year_cues: list[str]  # words before a year-like number that make it a year
    # -- figures.yml -------------------------------------------------------------------------------
    number_words: dict[str, int]  # basic number words
    number_word_scales: dict[str, int]  # scales inside one number word, largest first
    scale_words: dict[str, int]  # scale words after a number ("Millionen")
    unit_adjectives: dict[str, str]  # "90-minütig" → Minuten
    qualifiers: dict[str, str]  # surface before a number → normalised qualifier
    qualifier_governing_verbs: dict[str, list[str]]  # qualifier → verbs (lemma) that make it a preposition
    qualifier_governing_nouns: dict[str, list[str]]  # qualifier → nouns (word ends) before it: a preposition
    counted_nominalised: list[str]  # counted nouns the noun lexicon may lack
    not_counted: list[str]  # nouns after a number that make it no figure (date, time, age, share)
    age_before: list[str]  # "im Alter von 60 Jahren": the number is an age
    age_after: list[str]  # "34 Jahre alt": after the counted noun, the number is an age
    vague_before: list[str]  # "mehrere hundert": a vague amount, not a figure
    label_nouns: list[str]  # "Platz 3", "Operation 1027": a number after these is a label
    count_nouns: list[str]  # "die Zahl": a figure even without a counted noun
    partitive_articles: list[str]  # "drei der Verdächtigen": a genitive between number and noun
    figure_determiners: list[str]  # possessives, demonstratives: after a number, no counted noun follows
    figure_prepositions: list[str]  # prepositional phrases skipped between number and noun
    figure_place_prepositions: list[str]  # a place after the counted noun joins the subject
    figure_kind_cues: dict[str, list[str]]  # kind → words in the number's clause ("jeweils": per_unit)
    figure_plan_modals: list[str]  # "sollen" + "werden" in the clause: a plan, not hearsay
    figure_future_auxiliaries: list[str]  # "werde" + infinitive: a plan (future), not a passive
    figure_horizon_words: list[str]  # "bis" + month or period word ("bis Dezember"): a plan
    # -- cleaning.yml ------------------------------------------------------------------------------
    furniture_starts: list[str]  # a line starting with one of these words is page furniture
    furniture_openings: list[str]  # a line starting with one of these texts is page furniture
    furniture_lines: list[str]  # a line that is just one of these (":" or "(3)" allowed) is furniture
    paywall_keys: list[str]  # "isPaid: true" lines of scraped page state
    credit_labels: list[str]  # "Foto: …" lines credit a picture
    copyright_words: list[str]  # "Copyright …" lines
    byline_openers: list[str]  # "Von …" lines name the author
    outlet_cue_words: list[str]  # "gegenüber CNN": the text reports with an outlet
    outlet_cue_stems: list[str]  # as outlet_cue_words, any ending ("berichtete")
    outlet_nouns: list[str]  # "der Nachrichtenagentur X"
    _memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: str, build: Callable[[WordLists], T]) -> T:
        """A table derived from these lists (a set, a compiled pattern), built on first use."""
        if key not in self._memo:
            self._memo[key] = build(self)
        return self._memo[key]

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_memo": {}}  # derived tables are rebuilt, not pickled


def list_names() -> list[str]:
    """The names of every list a user may extend under ``lexicon:``."""
    return [name for name in WordLists.__dataclass_fields__ if not name.startswith("_")]


def alternatives(words: Iterable[str]) -> str:
    """A regex alternation of `words`, each escaped, longest first: patterns take their words from data."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
