"""Charts stage: SVG charts of figures and stances, and offline locator maps, drawn with matplotlib."""
