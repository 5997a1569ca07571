"""What the matching app tells the apps above it, without knowing them."""

from __future__ import annotations

from django.dispatch import Signal

person_erased = Signal()
"""A person's profile is being deleted (sent inside the deletion's transaction, before the row goes).
Arguments: ``profile`` and ``pseudonym``. A receiver removes what its app keeps about the person and
returns how many of its rows it changed, which the erasure reports."""
