from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class RetentionConfig(AppConfig):
    name = "kohtaanto.web.retention"
    label = "retention"
    verbose_name = pgettext_lazy("app", "Retention of personal data")
