from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class SupportsConfig(AppConfig):
    name = "kohtaanto.web.supports"
    label = "supports"
    verbose_name = pgettext_lazy("app", "Supports and incomes")
