from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class MatchingConfig(AppConfig):
    name = "kohtaanto.web.matching"
    label = "matching"
    verbose_name = pgettext_lazy("app", "Profiles, jobs and matching")
