from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class HiringConfig(AppConfig):
    name = "kohtaanto.web.hiring"
    label = "hiring"
    verbose_name = pgettext_lazy("app", "Hiring cases")

    def ready(self) -> None:
        from kohtaanto.web.hiring import receivers  # noqa: F401  (forgets erased people)
