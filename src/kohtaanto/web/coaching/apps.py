from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CoachingConfig(AppConfig):
    name = "kohtaanto.web.coaching"
    label = "coaching"
    verbose_name = pgettext_lazy("app", "Caseload")
