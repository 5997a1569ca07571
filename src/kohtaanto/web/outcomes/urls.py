from django.urls import path

from kohtaanto.web.outcomes import public, views

app_name = "outcomes"

urlpatterns = [
    path("outcomes/", views.dashboard, name="dashboard"),
    path("outcomes.csv", views.export_csv, name="csv"),
    path("outcomes/regions/", views.regions, name="regions"),
    path("results/", public.index, name="public_index"),
    path("results/<id:pk>/", public.area, name="public_area"),
    path("results/<id:pk>/data.csv", public.area_csv, name="public_csv"),
]
