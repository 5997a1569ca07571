from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class MatchingConfig(AppConfig):
    name = "kohtaanto.web.matching"
    label = "matching"
    verbose_name = pgettext_lazy("app", "Profiles, jobs and matching")

    def ready(self) -> None:
        from django.conf import settings

        from kohtaanto.skills.embeddings import set_default_threads

        set_default_threads(settings.CONFIG.encoder_threads)
