from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class WritingConfig(AppConfig):
    name = "kohtaanto.web.plainlang"
    label = "writing"
    verbose_name = pgettext_lazy("app", "Plain language")
