from django.urls import path

from kohtaanto.web.plainlang import views

app_name = "plainlang"

urlpatterns = [
    path("selko/", views.check_page, name="check"),
    path("selko/rules/", views.rule_settings, name="rules"),
    path("words/<slug:word>/<slug:language>/report/", views.report_word, name="report_word"),
    path("languages/", views.languages, name="languages"),
]
