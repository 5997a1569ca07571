"""``python -m kohtaanto.cli``."""

from kohtaanto.cli import main

main()
