"""Dates and numbers on a job seeker's page in a journey language (ru, et, ar, uk, so): written as in
Finland (7.12.2026, 1 414,61), the form the person meets in letters from Kela and the employment services;
times 9:05. Each language's module takes these (Django looks formats up by language)."""

DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = "j.n.Y G:i"
SHORT_DATETIME_FORMAT = "j.n.Y G:i"
TIME_FORMAT = "G:i"
YEAR_MONTH_FORMAT = "n/Y"
MONTH_DAY_FORMAT = "j.n."
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
