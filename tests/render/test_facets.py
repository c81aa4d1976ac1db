"""The search facets of each page: kind, actors, places, outlets and months, from the report model."""

from __future__ import annotations

import pytest
from report_fixture import DOC_A, DOC_B, sample_report

import generator.render.facets as facets_module
from generator.render.citation import SiteInfo
from generator.render.facets import Facets, PageFacets, facets_markup, month_name
from generator.render.pages.kit import Kit
from generator.resolve.index import ReportIndex


def facets() -> dict[str, Facets]:
    kit = Kit(ReportIndex(sample_report()), SiteInfo())
    return PageFacets(kit).by_path(["chronik/index.md", "chronik/2024-10.md", "uebersicht/index.md"])


def test_month_names_sort_in_time_order() -> None:
    assert month_name("2024-10-24") == "2024-10 (Oktober)"
    assert month_name("2025-01") == "2025-01 (Januar)"
    assert month_name(None) is None and month_name("2024") is None and month_name("2024-13") is None
    months = [month_name("2024-10-01"), month_name("2024-09-30"), month_name("2025-02-01")]
    assert sorted(months) == [month_name("2024-09"), month_name("2024-10"), month_name("2025-02")]


def test_an_actor_page_names_itself_and_where_it_is_reported_from() -> None:
    putin = facets()["akteure/wladimir-putin.md"]
    assert putin.kind == "Akteur" and putin.actors == ("Wladimir Putin",)
    assert putin.regions == ("Kursk",)
    # Outlets and months belong to the pages that have one of their own: sources, claims, Chronik.
    assert putin.outlets == () and putin.months == ()
    assert ("Art", "Akteur") in putin.filters() and ("Akteur", "Wladimir Putin") in putin.filters()


def test_a_source_page_carries_its_outlet_month_actors_and_places() -> None:
    found = facets()
    ix = ReportIndex(sample_report())
    source = found[ix.source_path(DOC_A) or ""]
    assert source.kind == "Quelle" and source.outlets == ("CNN",)
    assert source.months == ("2024-10 (Oktober)",)
    assert "Kursk" in source.regions and source.actors
    assert found[ix.source_path(DOC_B) or ""].outlets == ("Tagesspiegel",)


def test_claims_series_and_chronik_months_have_their_kind_other_pages_none() -> None:
    found = facets()
    kinds = {path.split("/")[0]: f.kind for path, f in found.items()}
    assert kinds == {
        "akteure": "Akteur",
        "regionen": "Region",
        "behauptungen": "Behauptung",
        "zahlen": "Zahl",
        "quellen": "Quelle",
        "chronik": "Chronik",
    }
    assert found["chronik/2024-10.md"].months == ("2024-10 (Oktober)",)
    assert "chronik/index.md" not in found and "uebersicht/index.md" not in found
    claim = found["behauptungen/nordkoreanische-soldaten-sind-in-der-region-kursk.md"]
    assert "Wladimir Putin" in claim.actors and claim.regions == ("Kursk",)
    # Stated in October and November: filed under the month it was first reported in.
    entsandt = found["behauptungen/nordkorea-hat-soldaten-nach-russland-entsandt.md"]
    assert entsandt.months == ("2024-10 (Oktober)",) and entsandt.outlets == ()


def test_a_page_is_filed_under_its_main_actors_and_places_only(monkeypatch: pytest.MonkeyPatch) -> None:
    # Pagefind counts every (page, value) pair on every query: the pairs per page are bounded.
    monkeypatch.setattr(facets_module, "MAX_ACTORS", 2)
    monkeypatch.setattr(facets_module, "MAX_PLACES", 1)
    found = facets()
    ix = ReportIndex(sample_report())
    source = found[ix.source_path(DOC_A) or ""]
    # HUR is named twice in the article, the others once each: HUR, then the first by name.
    assert source.actors == ("John Kirby", "Ukrainischer Militärgeheimdienst (HUR)")
    assert source.regions == ("Ferner Osten Russlands",)
    # A claim: its most frequent speakers (Kirby twice, three others once: the first by name)
    # come before the actor it concerns (Nordkorea).
    claim = found["behauptungen/nordkorea-hat-soldaten-nach-russland-entsandt.md"]
    assert claim.actors == ("John Kirby", "NATO")
    assert all(len(f.actors) <= 2 and len(f.regions) <= 1 for f in found.values())


def test_the_markup_is_hidden_and_escapes_every_value() -> None:
    markup = facets_markup(Facets("Akteur", actors=('Kim "<b>" & Söhne',), months=("2024-10 (Oktober)",)))
    assert markup.startswith('<div class="lb-facets" hidden>')
    assert 'data-pagefind-filter="Akteur:Kim &#34;&#60;b&#62;&#34; &#38; Söhne"' in markup
    assert 'data-pagefind-filter="Monat:2024-10 (Oktober)"' in markup
    assert "<b>" not in markup
    assert facets_markup(None) == ""
