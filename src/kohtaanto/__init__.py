"""kohtaanto: inclusive recruitment in Finland.

The domain core (``rules``, ``taxonomy``, ``skills``, ``carving``, ``matching``,
``plainlang`` and ``identifiers``) is plain Python; ``kohtaanto.web`` is the Django shell.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kohtaanto")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"
