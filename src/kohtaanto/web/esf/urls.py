from django.urls import path

from kohtaanto.web.esf import views

app_name = "esf"

urlpatterns = [
    path("esf/", views.projects, name="projects"),
    path("esf/<id:pk>/", views.project, name="project"),
    path("esf/<id:pk>.csv", views.project_csv, name="project_csv"),
    path("esf/<id:pk>.pdf", views.project_pdf, name="project_pdf"),
]
