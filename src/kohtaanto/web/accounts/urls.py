from django.urls import path

from kohtaanto.web.accounts import views

app_name = "accounts"

urlpatterns = [
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_edit, name="organisation_create"),
    path("organisations/<id:pk>/edit/", views.organisation_edit, name="organisation_edit"),
]
