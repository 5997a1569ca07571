from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class EsfConfig(AppConfig):
    name = "kohtaanto.web.esf"
    label = "esf"
    verbose_name = pgettext_lazy("app", "ESF+ projects")
