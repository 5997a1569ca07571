"""ru: the journey languages' formats (``kohtaanto.web.project.formats.journey``)."""

from kohtaanto.web.project.formats.journey import *  # noqa: F403
