from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class AccountsConfig(AppConfig):
    name = "kohtaanto.web.accounts"
    label = "accounts"
    verbose_name = pgettext_lazy("app", "People and organisations")

    def ready(self) -> None:
        from kohtaanto.web.accounts import (
            signals,  # noqa: F401  (connects login/logout auditing)
            signin,  # noqa: F401  (counts failed sign-ins)
            tokens,  # noqa: F401  (ends API tokens at sign-out)
        )
