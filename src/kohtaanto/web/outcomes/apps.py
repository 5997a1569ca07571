from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class OutcomesConfig(AppConfig):
    name = "kohtaanto.web.outcomes"
    label = "outcomes"
    verbose_name = pgettext_lazy("app", "Outcomes")
