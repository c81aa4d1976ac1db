"""Part-of-speech backbone: a spaCy component wrapping the HanTa tagger (Hannover Tagger).

HanTa (PyPI ``HanTa``, LGPL) ships a trained German model inside the package. For each
sentence it runs a Viterbi search (an HMM over STTS tags) and then segments each word into
morphemes, from which it builds the lemma. This component sets, for every token:

* ``token.tag_``: the STTS tag (``NE``, ``NN``, ``VVFIN``, ``ADJA``, ``$.``, ``CARD`` …);
  HanTa's own tags are mapped to STTS (``VV(FIN)`` → ``VVFIN``, ``ADJ(A)`` → ``ADJA``, and its
  nominalised adjectives/infinitives ``NNA``/``NNI`` → ``NN``). Whitespace tokens get ``_SP``.
* ``token.pos_``: the Universal POS tag mapped from STTS (modal verbs are ``AUX`` as in UD).
* ``token.lemma_``: HanTa's lemma; names (``NE``), numbers and punctuation keep their text.
* ``token.morph``: UD features that follow from the STTS tag (``VerbForm``, ``PronType`` …)
  and from HanTa's morpheme analysis: ``Degree`` (comparative/superlative morphemes),
  ``NumType=Ord`` (``3.``), ``Tense=Past`` (weak preterite suffix or a preterite stem),
  ``Mood=Sub`` for Konjunktiv (see :func:`_finite_verb_features`). HanTa's German model has
  no case, number or gender analysis, so those features are not set.

Speed. HanTa spends its time in two per-word steps, both independent of the sentence:
``_tag_word`` (the tag distribution of a word form: a Viterbi search over morphemes unless
the form is in the model's precomputed table) and ``_analyze`` (the morpheme segmentation for
the chosen tag, which gives the lemma). HanTa's public ``tag_sent`` offers no hook for caching
them, so :class:`CachedHanoverTagger` subclasses ``HanoverTagger`` and puts a bounded LRU cache
(``functools.lru_cache``: C-implemented, thread-safe) in front of each. The sentence-level
Viterbi (HanTa's own ``tag_sent_viterbi``) still runs per sentence, in context. Names,
numbers and punctuation skip the segmentation (their lemma is the text).

The model file is read once per process (:func:`load_model`); components share its tables
and keep their own caches. Pickling a component drops the tagger, which is rebuilt lazily.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib.resources import files

from HanTa.HanoverTagger import HanoverTagger
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from generator.nlp.stts import MAX_WORD, SPACE, TokenAnnotation, annotate

MODEL_FILE = "morphmodel_ger.pgz"

_model: HanoverTagger | None = None
_model_lock = threading.Lock()


def load_model() -> HanoverTagger:
    """HanTa's German model, read once per process (about 0.2 s) on first use."""
    global _model
    if _model is None:
        with _model_lock:
            if _model is None:
                # An absolute path: HanTa first looks for the file name in the working directory.
                _model = HanoverTagger(str(files("HanTa") / MODEL_FILE))
    return _model


class CachedHanoverTagger(HanoverTagger):
    """HanTa with a bounded per-word-form cache in front of ``_tag_word``.

    Built from a loaded model: it shares the model's (read-only) tables instead of reading the
    file again. ``_tag_word`` is called by HanTa's sentence Viterbi (``tag_sent_viterbi``);
    overriding it in a subclass is the only way to cache it without copying that Viterbi
    (LGPL code) into this project. Cached results are shared between calls, so callers must
    not mutate them (HanTa's own code does not: it turns them into a dict).
    """

    def __init__(self, model: HanoverTagger, cache_size: int) -> None:
        self.__dict__.update(model.__dict__)
        self.word_tags = lru_cache(maxsize=cache_size)(super()._tag_word)

    def _tag_word(self, word, cutoff=5, casesensitive=True, conditional=False):
        return self.word_tags(word, cutoff, casesensitive, conditional)

    def analysis(self, word: str, tag: int) -> tuple[str, str, tuple[tuple[str, str], ...]]:
        """(HanTa tag, lemma, morphemes) of a word form for a tag chosen by the sentence Viterbi.

        Not cached here: :class:`HanTaTagger` caches the final token annotation instead.
        """
        hanta_tag = self.int2tag[tag]
        if hanta_tag in _UNANALYSED:  # lemma is the text: skip the segmentation (names are many)
            return hanta_tag, word, ()
        stem, morphemes, hanta_tag = self._analyze(word, tag, taglevel=3)
        # HanTa's taglevel=1 lemma is makelemma(stem morphemes) and makelemma joins them first,
        # so one segmentation gives both the lemma and the morphemes.
        lemma = self.makelemma([stem], hanta_tag) if stem else word
        return hanta_tag, lemma, tuple(morphemes)


# HanTa tags whose lemma is the token text and whose morphemes are not used.
_UNANALYSED = {"NE", "CARD", "XY", "FM", "$(", "$,", "$."}

# HanTa word input: typographic quotes and dashes as the ASCII forms its training data had.
_INPUT_FORMS = {q: '"' for q in "„“”»«‚‘’‹›"} | {d: "-" for d in "–—‒−"} | {"…": "..."}
# HanTa's per-word analysis is quadratic in word length (0.6 s for 300 characters): longer
# tokens (URLs, data) are tagged by their end, which carries a German word's class, and
# keep their text as lemma.
TAIL = 32


def hanta_input(text: str) -> str:
    """The form of a token's text that is given to HanTa."""
    if len(text) > MAX_WORD:
        return text[-TAIL:]
    return _INPUT_FORMS.get(text, text)


class HanTaTagger(Pipe):
    """Sets STTS tag, Universal POS, lemma and morphology with the HanTa tagger."""

    def __init__(
        self,
        nlp: Language,
        name: str = "lagebild_tagger",
        *,
        cache_size: int = 100_000,
        max_chunk: int = 150,
        overwrite: bool = True,
    ) -> None:
        """Initialise the tagger.

        nlp (Language): The pipeline the component belongs to.
        name (str): Instance name of the component in the pipeline.
        cache_size (int): Bound of each of the two per-word-form caches (the tag distribution
            of a form, and the annotation of a form under a tag); least recently used entries
            go first. Both together take about 1 KB per form.
        max_chunk (int): For Docs without sentence boundaries: the longest token sequence
            tagged as one (sequences also end after ``.``, ``!``, ``?`` and paragraph breaks).
        overwrite (bool): Whether to replace tags, POS, lemmas and morphology that an earlier
            component set. If False, only empty attributes are filled.
        """
        if cache_size < 1:
            raise ValueError(f"cache_size must be positive, not {cache_size}")
        if max_chunk < 1:
            raise ValueError(f"max_chunk must be positive, not {max_chunk}")
        self.nlp = nlp
        self.name = name
        self.cache_size = cache_size
        self.max_chunk = max_chunk
        self.overwrite = overwrite
        self._tagger: CachedHanoverTagger | None = None
        self._annotation: Callable[[str, str, int], TokenAnnotation] | None = None

    # -- state -----------------------------------------------------------------------------

    @property
    def tagger(self) -> CachedHanoverTagger:
        if self._tagger is None:
            self._tagger = CachedHanoverTagger(load_model(), self.cache_size)
            self._annotation = lru_cache(maxsize=self.cache_size)(self._annotate)
        return self._tagger

    def __reduce__(self):
        # Pipe is a Cython class whose generated pickling copies __dict__ as it is; the tagger
        # (model tables, lru_cache wrappers) is left out and rebuilt lazily after unpickling.
        state = self.__dict__.copy()
        state["_tagger"] = None
        state["_annotation"] = None
        return (_new_component, (type(self),), state)

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)

    def cache_info(self) -> dict[str, object]:
        """``functools`` cache statistics of the per-word-form caches (empty before first use)."""
        if self._tagger is None or self._annotation is None:
            return {}
        return {
            "word_tags": self._tagger.word_tags.cache_info(),
            "annotation": self._annotation.cache_info(),
        }

    def clear_cache(self) -> None:
        self._tagger = None
        self._annotation = None

    # -- tagging ---------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        tagger = self.tagger
        annotation = self._annotation
        assert annotation is not None
        for tokens in self._sequences(doc):
            words = [hanta_input(t.text) for t in tokens]
            tags = tagger.tag_sent_viterbi(words)
            results = [annotation(t.text, w, tag) for t, w, tag in zip(tokens, words, tags, strict=True)]
            for i, (token, result) in enumerate(zip(tokens, results, strict=True)):
                if result.indicative is not None and _has_ich(tokens, i):
                    result = result._replace(morph=result.indicative, indicative=None)
                self._set(token, result)
        for token in doc:
            if token.is_space:
                self._set(token, SPACE)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def _annotate(self, text: str, word: str, tag: int) -> TokenAnnotation:
        hanta_tag, lemma, morphemes = self.tagger.analysis(word, tag)
        return annotate(text, hanta_tag, lemma, morphemes)

    def _set(self, token: Token, result: TokenAnnotation) -> None:
        tag, pos, lemma, morph, _ = result
        if self.overwrite or not token.tag_:
            token.tag_ = tag
        if self.overwrite or not token.pos_:
            token.pos_ = pos
        if lemma is not None and (self.overwrite or not token.lemma_):
            token.lemma_ = lemma
        if self.overwrite or not token.has_morph():
            token.set_morph(morph or None)

    def _sequences(self, doc: Doc) -> Iterator[list[Token]]:
        """Token sequences for the HMM: sentences, or chunks of a Doc without boundaries."""
        if doc.has_annotation("SENT_START"):
            for sent in doc.sents:
                tokens = [t for t in sent if not t.is_space]
                if tokens:
                    yield tokens
            return
        chunk: list[Token] = []
        for token in doc:
            if token.is_space:
                if "\n\n" in token.text and chunk:
                    yield chunk
                    chunk = []
                continue
            chunk.append(token)
            if token.text in (".", "!", "?") or len(chunk) >= self.max_chunk:
                yield chunk
                chunk = []
        if chunk:
            yield chunk


def _new_component(cls: type[HanTaTagger]) -> HanTaTagger:
    return cls.__new__(cls)


def _has_ich(tokens: list[Token], i: int) -> bool:
    """Whether *ich* is the likely subject of tokens[i]: right after it, or before it in its clause."""
    if i + 1 < len(tokens) and tokens[i + 1].lower_ == "ich":
        return True
    for j in range(i - 1, -1, -1):
        token = tokens[j]
        if token.lower_ == "ich":
            return True
        if token.is_punct:
            return False
    return False


@Language.factory(
    "lagebild_tagger",
    assigns=["token.tag", "token.pos", "token.lemma", "token.morph"],
    default_config={"cache_size": 100_000, "max_chunk": 150, "overwrite": True},
)
def make_hanta_tagger(
    nlp: Language, name: str, cache_size: int, max_chunk: int, overwrite: bool
) -> HanTaTagger:
    """HanTa part-of-speech tagger, lemmatiser and morphology (see :class:`HanTaTagger`)."""
    return HanTaTagger(nlp, name, cache_size=cache_size, max_chunk=max_chunk, overwrite=overwrite)
