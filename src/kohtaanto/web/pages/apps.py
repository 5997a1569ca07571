from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class PagesConfig(AppConfig):
    name = "kohtaanto.web.pages"
    label = "pages"
    verbose_name = pgettext_lazy("app", "Pages")
