from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class SeekerConfig(AppConfig):
    """The job seeker's own journey ("My path to work"): profile steps, sharing, answers to employers.
    It owns no tables: it brings matching, hiring and supports together for one person."""

    name = "kohtaanto.web.seeker"
    label = "seeker"
    verbose_name = pgettext_lazy("app", "My path to work")
