"""Dates, times and numbers as Finnish readers write them: 7.12.2026, klo 9.05, 1 414,61 (the same as
``kohtaanto.core.formatting``; Django's own Finnish formats agree except where noted)."""

DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = "j.n.Y \\k\\l\\o G.i"
SHORT_DATETIME_FORMAT = "j.n.Y G.i"
TIME_FORMAT = "G.i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
