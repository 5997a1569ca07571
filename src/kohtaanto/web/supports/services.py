"""What the supports pages show beside an answer."""

from __future__ import annotations


def links(sources: list[str]) -> list[tuple[str, str]]:
    """A source's address (its first word) and its whole text, for a link."""
    return [(source.split()[0], source) for source in sources]
