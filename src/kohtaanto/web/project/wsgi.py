"""WSGI entry point: ``gunicorn kohtaanto.web.project.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kohtaanto.web.project.settings")
application = get_wsgi_application()
