"""The Markdown and data files built from the seeds equal the golden pages in tests/golden/docs/.

An intended change (a template, an extraction rule, a seed) changes golden pages: run `make golden`
and review the diff (`git diff tests/golden`) before committing it. See tests/golden/README.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_pages import CHARTS, PAGES, build_pages, chart_list, differences, read_golden

pytestmark = pytest.mark.slow  # a whole --no-site build of the seeds: about 20 s


def test_the_seed_pages_equal_the_golden_pages(tmp_path: Path) -> None:
    golden, golden_charts = read_golden()
    assert golden, f"no golden pages in {PAGES}: run `make golden`"
    built, charts = build_pages(tmp_path)
    problems = differences(golden, built)
    problems += differences({CHARTS.name: chart_list(golden_charts)}, {CHARTS.name: chart_list(charts)})
    if problems:
        pytest.fail(
            "The pages built from seeds/ differ from tests/golden/. If the change is intended, "
            "run `make golden` and review the diff (git diff tests/golden).\n\n" + problems,
            pytrace=False,
        )
