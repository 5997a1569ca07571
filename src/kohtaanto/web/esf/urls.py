from django.urls import path

from kohtaanto.web.esf import views

app_name = "esf"

urlpatterns = [
    path("esf/", views.projects, name="projects"),
    path("esf/<id:pk>/", views.project, name="project"),
    path("esf/<id:pk>.csv", views.project_csv, name="project_csv"),
    path("esf/<id:pk>.pdf", views.project_pdf, name="project_pdf"),
    path("esf/<id:pk>/indicators/", views.indicators_page, name="indicators"),
    path("esf/<id:pk>/indicators.csv", views.indicators_csv, name="indicators_csv"),
    path("esf/<id:pk>/indicators.pdf", views.indicators_pdf, name="indicators_pdf"),
    path("esf/participants/<id:pk>/", views.participant, name="participant"),
]
