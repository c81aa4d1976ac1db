"""From HanTa's analysis of a word to spaCy's token attributes: STTS tag, UD POS, lemma, features.

HanTa's own tags are mapped to STTS (``VV(FIN)`` → ``VVFIN``, ``ADJ(A)`` → ``ADJA``, its
nominalised ``NNA``/``NNI`` → ``NN``); STTS maps to the Universal POS tag and the features the tag
implies; names, numbers and punctuation keep their text as lemma; lemmas in the spelling before the
1996 reform are modernised; finite verbs get ``Mood=Sub`` and ``Tense=Past`` from their morphemes.
Used by :mod:`generator.nlp.tagger`.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from spacy.lang.lex_attrs import like_email, like_url

MAX_WORD = 64
"""Longer tokens (URLs, glued words) are tagged from their ending."""
SENT_FINAL = {".", "!", "?", ";", ":"}

# STTS tag -> (Universal POS, UD features implied by the tag). Follows spaCy's German tag map
# and the UD German treebanks (modal verbs are AUX; PTKVZ is ADP).
STTS: dict[str, tuple[str, str]] = {
    "$(": ("PUNCT", "PunctType=Brck"),
    "$,": ("PUNCT", "PunctType=Comm"),
    "$.": ("PUNCT", "PunctType=Peri"),
    "ADJA": ("ADJ", ""),
    "ADJD": ("ADJ", "Variant=Short"),
    "ADV": ("ADV", ""),
    "APPO": ("ADP", "AdpType=Post"),
    "APPR": ("ADP", "AdpType=Prep"),
    "APPRART": ("ADP", "AdpType=Prep|PronType=Art"),
    "APZR": ("ADP", "AdpType=Circ"),
    "ART": ("DET", "PronType=Art"),
    "CARD": ("NUM", "NumType=Card"),
    "FM": ("X", "Foreign=Yes"),
    "ITJ": ("INTJ", ""),
    "KOKOM": ("CCONJ", "ConjType=Comp"),
    "KON": ("CCONJ", ""),
    "KOUI": ("SCONJ", ""),
    "KOUS": ("SCONJ", ""),
    "NE": ("PROPN", ""),
    "NN": ("NOUN", ""),
    "PDAT": ("DET", "PronType=Dem"),
    "PDS": ("PRON", "PronType=Dem"),
    "PIAT": ("DET", "PronType=Ind"),
    "PIS": ("PRON", "PronType=Ind"),
    "PPER": ("PRON", "PronType=Prs"),
    "PPOSAT": ("DET", "Poss=Yes|PronType=Prs"),
    "PPOSS": ("PRON", "Poss=Yes|PronType=Prs"),
    "PRELAT": ("DET", "PronType=Rel"),
    "PRELS": ("PRON", "PronType=Rel"),
    "PRF": ("PRON", "PronType=Prs|Reflex=Yes"),
    "PROAV": ("ADV", "PronType=Dem"),
    "PTKA": ("PART", ""),
    "PTKANT": ("PART", "PartType=Res"),
    "PTKNEG": ("PART", "Polarity=Neg"),
    "PTKVZ": ("ADP", "PartType=Vbp"),
    "PTKZU": ("PART", "PartType=Inf"),
    "PWAT": ("DET", "PronType=Int"),
    "PWAV": ("ADV", "PronType=Int"),
    "PWS": ("PRON", "PronType=Int"),
    "TRUNC": ("X", "Hyph=Yes"),
    "VAFIN": ("AUX", "VerbForm=Fin"),
    "VAIMP": ("AUX", "Mood=Imp|VerbForm=Fin"),
    "VAINF": ("AUX", "VerbForm=Inf"),
    "VAPP": ("AUX", "VerbForm=Part"),
    "VMFIN": ("AUX", "VerbForm=Fin"),
    "VMINF": ("AUX", "VerbForm=Inf"),
    "VMPP": ("AUX", "VerbForm=Part"),
    "VVFIN": ("VERB", "VerbForm=Fin"),
    "VVIMP": ("VERB", "Mood=Imp|VerbForm=Fin"),
    "VVINF": ("VERB", "VerbForm=Inf"),
    "VVIZU": ("VERB", "VerbForm=Inf"),
    "VVPP": ("VERB", "VerbForm=Part"),
    "XY": ("X", ""),
}

# Tags whose lemma is the token text.
_KEEP_TEXT = {"NE", "CARD", "XY", "FM", "$(", "$,", "$."}
_PLAIN_VERB_STEMS = {"VV", "VVnp", "VA", "VM"}
_SUBJ_ENDINGS = ("e", "en", "est", "et")


def _stts(hanta_tag: str) -> str:
    if hanta_tag in ("NNA", "NNI"):  # nominalised adjective ("die Toten") / infinitive ("das Treffen")
        return "NN"
    if hanta_tag in STTS:  # also "$(": its parenthesis is part of the tag
        return hanta_tag
    stts = hanta_tag.replace("(", "").replace(")", "")  # "VV(FIN)" -> "VVFIN"
    return stts if stts in STTS else "XY"


def _is_punct(text: str) -> bool:
    return all(unicodedata.category(c)[0] == "P" for c in text)


def _restore_case(text: str, lemma: str, upto: int) -> str:
    """Lemma with the text's letter case over their common prefix, within lemma[:upto]."""
    n = 0
    for a, b in zip(text[:upto], lemma[:upto], strict=False):
        if a.lower() != b.lower():
            break
        n += 1
    return text[:n] + lemma[n:]


def _modern_spelling(text: str, lemma: str, stts: str) -> str:
    """Undo two lemma errors from HanTa's training text, which predates the 1996 spelling reform.

    It gives old spellings (``Prozesse`` → ``Prozeß``, ``bewusst`` → ``bewußt``): where the
    token has no ß, a noun's, adjective's or adverb's lemma gets none either (verbs keep
    theirs: ``schloss`` → ``schließen``). And it reads the final s of ``-ss`` nouns it does
    not know as a genitive ending (``Anschluss`` → ``Anschlus``), which ``-ss`` never is.
    """
    if stts not in ("NN", "ADJA", "ADJD", "ADV"):
        return lemma
    if "ß" in lemma and "ß" not in text:
        lemma = lemma.replace("ß", "ss")
    if stts == "NN" and text.endswith("ss") and lemma == text[:-1]:
        lemma = text
    return lemma


def _finite_verb_features(form: str, lemma: str, stts: str, morphemes) -> tuple[dict[str, str], bool]:
    """Tense and mood of a finite verb from HanTa's morphemes; True if Konjunktiv I hinges on
    the subject (``habe``, ``gebe``: first person singular indicative or Konjunktiv I).

    HanTa tags ``VVFIN`` without mood. What its segmentation does show:
    * a plain (present) stem + ``-e``: a modal (``könne``, ``müsse``) is Konjunktiv I (its
      indicative has no ``-e``); other verbs are Konjunktiv I unless the subject is *ich*;
    * ``sei``/``seien``/``seiest``: Konjunktiv I of *sein*;
    * an umlaut the lemma lacks, with a subjunctive ending (``wäre``, ``hätte``, ``würde``,
      ``gäbe``): Konjunktiv II — the ending rules out ``fährt``, ``hält``;
    * a modal with an umlaut and ``-te`` (``könnte``, ``müsste``, ``möchte``): Konjunktiv II;
    * a weak preterite suffix (``sagte``) or a preterite stem (``sprach``, ``wurde``): Past.
    Konjunktiv II without umlaut (``ginge``, ``sollte``) looks like the indicative past.
    """
    feats: dict[str, str] = {}
    suffix = morphemes[-1][0] if morphemes and morphemes[-1][1] == "SUF_FIN" else ""
    stem_tag = next((t for _, t in reversed(morphemes) if t[:2] in ("VV", "VA", "VM")), "")
    new_umlaut = any(c in form and c not in lemma for c in "äöü")
    if lemma == "sein" and form.startswith("sei"):
        feats.update(Mood="Sub", Tense="Pres")
    elif (new_umlaut and form.endswith(_SUBJ_ENDINGS)) or (
        stts == "VMFIN" and any(c in form for c in "äöü") and form.endswith(("te", "ten", "test", "tet"))
    ):
        feats.update(Mood="Sub", Tense="Past")
    elif suffix == "e" and stem_tag in _PLAIN_VERB_STEMS:
        feats.update(Mood="Sub", Tense="Pres")
        return feats, stem_tag != "VM"
    elif suffix.startswith(("te", "ete")) or (
        stem_tag.endswith("_VAR") and not new_umlaut and suffix in ("", *_SUBJ_ENDINGS)
    ):
        feats["Tense"] = "Past"
    return feats, False


def _morph_string(feats: dict[str, str]) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


class TokenAnnotation(NamedTuple):
    """The attributes of one word form under one HanTa tag."""

    tag: str
    pos: str
    lemma: str | None
    morph: str
    indicative: str | None  # the morph without Mood=Sub where that hinges on the subject


def annotate(text: str, hanta_tag: str, hanta_lemma: str, morphemes) -> TokenAnnotation:
    """Map HanTa's analysis of one word form to spaCy attributes (STTS, UPOS, lemma, UD morph)."""
    if len(text) > MAX_WORD:
        hanta_lemma = text
    if _is_punct(text) and hanta_tag in ("XY", "FM"):  # punctuation HanTa does not know
        stts = "$." if text in SENT_FINAL else "$," if text == "," else "$("
    elif like_url(text) or like_email(text):  # STTS: a non-word containing special characters
        stts = "XY"
    else:
        stts = _stts(hanta_tag)
    pos, implied = STTS[stts]
    feats = dict(f.split("=") for f in implied.split("|")) if implied else {}
    if stts in _KEEP_TEXT:
        lemma = text
    elif stts == "NN":
        lemma = _restore_case(text, hanta_lemma, len(hanta_lemma))
    elif "-" in text:
        lemma = _restore_case(text, hanta_lemma, hanta_lemma.rfind("-") + 1)
    else:
        lemma = hanta_lemma
    lemma = _modern_spelling(text, lemma, stts)
    morph_tags = {t for _, t in morphemes}
    if stts in ("ADJA", "ADJD"):
        if "ORD_ABR" in morph_tags:
            feats["NumType"] = "Ord"
        else:
            feats["Degree"] = (
                "Sup" if "ADJ_SUP" in morph_tags else "Cmp" if "ADJ_COMP" in morph_tags else "Pos"
            )
    ambiguous = False
    if stts.endswith("FIN"):
        verb_feats, ambiguous = _finite_verb_features(text.lower(), hanta_lemma.lower(), stts, morphemes)
        feats.update(verb_feats)
    morph = _morph_string(feats)
    indicative = None
    if ambiguous:
        feats.pop("Mood")
        indicative = _morph_string(feats)
    return TokenAnnotation(stts, pos, lemma, morph, indicative)


SPACE = TokenAnnotation("_SP", "SPACE", None, "", None)
