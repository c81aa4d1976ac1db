"""Property tests (hypothesis): slugs are short, clean, unique and independent of order for any input."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.base.slugs import MAX_SLUG, slugify, unique_slugs

# No example database: nothing is written into the checkout (.hypothesis/); failures print their example.
PROPERTY = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@PROPERTY
@given(st.text(), st.integers(min_value=1, max_value=120))
@example("Wladimir Putin", MAX_SLUG)
@example("---", MAX_SLUG)
@example("\u202eКурск ⁧<script>", MAX_SLUG)
def test_slugs_are_short_clean_ascii_and_idempotent(text: str, max_length: int) -> None:
    slug = slugify(text, max_length=max_length)
    assert SLUG.fullmatch(slug), slug  # ASCII, never empty, no leading/trailing/double hyphens
    assert len(slug) <= max_length
    assert slugify(slug, max_length=max_length) == slug


@PROPERTY
@given(st.lists(st.text(max_size=12), max_size=8), st.randoms(use_true_random=False))
def test_unique_slugs_do_not_depend_on_order(names: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(names)
    rnd.shuffle(shuffled)
    assert unique_slugs(names) == unique_slugs(shuffled)
    assert set(unique_slugs(names)) == set(names)


@PROPERTY
@given(st.lists(st.text(alphabet="aA-2 ", max_size=4), max_size=8))
@example(["A", "a", "a-2"])
def test_unique_slugs_are_injective(names: list[str]) -> None:
    slugs = unique_slugs(names)
    assert len(set(slugs.values())) == len(set(names)), slugs
    assert all(SLUG.fullmatch(s) for s in slugs.values())
