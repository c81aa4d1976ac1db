"""The contact paragraph of the accessibility statement ("Erklärung zur Barrierefreiheit").

``docs/barrierefreiheit.md`` is hand-written; where it names whom to contact it includes the
snippet `CONTACT_FILE`, which `render_report` writes from the setting ``accessibility_contact``
of ``lagebild.yml``: an e-mail address becomes a ``mailto:`` link, a web address a link, any other
text stays text. Without the setting the statement says that no contact is given yet.
"""

from __future__ import annotations

import re

from generator.render.escape import escape_html, escape_markdown

CONTACT_FILE = "includes/barrierefreiheit-kontakt.md"
EMAIL = re.compile(r"^[^@\s<>\"'()\[\]]+@[^@\s<>\"'()\[\]]+\.[A-Za-z]{2,}$")
WEB = re.compile(r"^https?://[^\s<>\"']+$", re.IGNORECASE)

NO_CONTACT = (
    "Für diesen Bericht ist noch keine Kontaktadresse für Rückmeldungen zur Barrierefreiheit "
    "angegeben. (Wer den Bericht veröffentlicht, trägt sie in `lagebild.yml` als "
    "`accessibility_contact` ein.)"
)


def contact_link(contact: str) -> str:
    """The contact as Markdown: an address as a link (HTML, escaped), other text escaped."""
    contact = " ".join(contact.split())
    if EMAIL.match(contact):
        address = escape_html(contact)
        return f'<a href="mailto:{address}">{address}</a>'
    if WEB.match(contact):
        address = escape_html(contact)
        return f'<a href="{address}">{address}</a>'
    return escape_markdown(contact)


def contact_markdown(contact: str | None) -> str:
    """The paragraph naming whom to contact about barriers on the site."""
    if not contact or not contact.strip():
        return NO_CONTACT + "\n"
    return f"**Kontakt:** {contact_link(contact)}\n"
