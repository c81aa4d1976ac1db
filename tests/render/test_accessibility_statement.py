"""The contact paragraph of the accessibility statement, from the setting accessibility_contact."""

from __future__ import annotations

import pytest

from generator.render.accessibility import NO_CONTACT, contact_markdown


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        ("barrieren@example.org", '<a href="mailto:barrieren@example.org">barrieren@example.org</a>'),
        (
            "https://example.org/kontakt",
            '<a href="https://example.org/kontakt">https://example.org/kontakt</a>',
        ),
        ("Pressestelle, Tel. 030 1234", "Pressestelle, Tel. 030 1234"),
    ],
)
def test_an_address_becomes_a_link_other_text_stays_text(contact: str, expected: str) -> None:
    assert contact_markdown(contact) == f"**Kontakt:** {expected}\n"


def test_nothing_set_says_so() -> None:
    assert contact_markdown(None) == NO_CONTACT + "\n"
    assert contact_markdown("  ") == NO_CONTACT + "\n"


@pytest.mark.parametrize(
    "hostile",
    ["javascript:alert(1)", '"><script>alert(1)</script>', "x@y.org<script>", "[a](javascript:x)"],
)
def test_hostile_text_never_becomes_markup(hostile: str) -> None:
    text = contact_markdown(hostile)
    assert "<script" not in text and 'href="javascript' not in text and "](javascript" not in text
