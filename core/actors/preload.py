"""Imported by the fork server before it forks the analysis workers (``pipeline._in_workers``): the country
and place gazetteers every worker reads are built once there and shared, instead of once in each worker
(about a second of start-up each)."""

from dateline.core import gazetteer

gazetteer.country_forms()
gazetteer.place_forms()
