from django.urls import path

from kohtaanto.web.supports import views

app_name = "supports"

urlpatterns = [
    path("supports/hire/", views.hire, name="hire"),
    path("supports/part-time/", views.part_time, name="part_time"),
    path("supports/study/", views.study, name="study"),
]
