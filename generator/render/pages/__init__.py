"""Page plans: which pages exist, and the plain data each template receives.

`plan_pages` gathers everything before anything is written: a list of `PageSpec` (output path,
template, data, "Zitieren" box, embedded charts and maps). Each page type has one module here
that defines its data as a dataclass and builds it from the report's lookups (`kit.Kit`:
`ReportIndex`, `Relations`, the series and the source texts). The data holds only values and
ready, escaped links (`rows`): templates loop, test and format, and never look anything up.

    kit.py       PageSpec and the shared lookups      rows.py      figure, statement, source rows
    plan.py      Planner: every page, in order        overview.py  uebersicht/
    indexes.py   akteure/, regionen/, behauptungen/, quellen/ indexes
    actor.py     akteure/x    region.py  regionen/x   claim.py     behauptungen/x
    source.py    quellen/x    series.py  zahlen/      timeline.py  chronik/
    tags.py      schlagwoerter/
"""

from generator.render.pages.kit import PageSpec
from generator.render.pages.plan import Planner, plan_pages

__all__ = ["PageSpec", "Planner", "plan_pages"]
