from django.urls import path

from kohtaanto.web.supports import views

app_name = "supports"

urlpatterns = [
    path("supports/hire/", views.hire, name="hire"),
    path("supports/part-time/", views.part_time, name="part_time"),
    path("supports/year/", views.year, name="year"),
    path("supports/employer-cost/", views.employer_cost, name="employer_cost"),
    path("supports/study/", views.study, name="study"),
    path("supports/right-to-work/", views.right_to_work, name="right_to_work"),
    path("supports/pension/", views.pension, name="pension"),
    path("supports/de-minimis/", views.de_minimis, name="de_minimis"),
    path(
        "supports/de-minimis/record.json",
        views.de_minimis_record,
        {"fmt": "json"},
        name="de_minimis_record_json",
    ),
    path(
        "supports/de-minimis/record.csv",
        views.de_minimis_record,
        {"fmt": "csv"},
        name="de_minimis_record_csv",
    ),
]
