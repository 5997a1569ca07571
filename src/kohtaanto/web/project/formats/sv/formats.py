"""Dates, times and numbers as Swedish is written in Finland: 7.12.2026, kl. 9.05, 1 414,61.

Django's Swedish formats follow Sweden (2026-12-07); in Finland Swedish dates are written day.month.year
as in Finnish, which is also what ``kohtaanto.core.formatting`` writes in Swedish."""

DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = "j.n.Y \\k\\l. G.i"
SHORT_DATETIME_FORMAT = "j.n.Y G.i"
TIME_FORMAT = "G.i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
