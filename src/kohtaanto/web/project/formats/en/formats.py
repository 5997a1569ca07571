"""English pages write dates as ISO (2026-12-07), as ``kohtaanto.core.formatting`` does: Django's own
English format (12/07/2026) reads as July to most people in Finland."""

DATE_FORMAT = "Y-m-d"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
TIME_FORMAT = "H:i"
