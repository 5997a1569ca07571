from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class OutreachConfig(AppConfig):
    name = "kohtaanto.web.outreach"
    label = "outreach"
    verbose_name = pgettext_lazy("app", "Employer outreach")
