from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class AuditConfig(AppConfig):
    name = "kohtaanto.web.audit"
    label = "audit"
    verbose_name = pgettext_lazy("app", "Audit trail")
