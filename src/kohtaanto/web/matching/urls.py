from django.urls import path

from kohtaanto.web.matching import views

app_name = "matching"

urlpatterns = [
    path("jobs/", views.job_list, name="jobs"),
    path("jobs/<id:pk>/matches/", views.job_matches, name="job_matches"),
    path("my-matches/", views.person_matches, name="my_matches"),
    path("profiles/<id:pk>/matches/", views.person_matches, name="profile_matches"),
]
