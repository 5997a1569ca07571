from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class JobsConfig(AppConfig):
    name = "kohtaanto.web.jobs"
    label = "jobs"
    verbose_name = pgettext_lazy("app", "Background jobs")
