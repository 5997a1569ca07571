from django.urls import path

from kohtaanto.web.coaching import views

app_name = "coaching"

urlpatterns = [
    path("caseload/", views.caseload_list, name="caseload"),
    path("caseload/<id:pk>/", views.person, name="person"),
]
