from django.urls import path

from kohtaanto.web.outreach import views

app_name = "outreach"

urlpatterns = [
    path("outreach/", views.employers, name="employers"),
    path("outreach/import/", views.register_import, name="import"),
    path("pools/", views.talent_pools, name="pools"),
    path("pools/<id:pk>/", views.talent_pool, name="pool"),
    path("outreach/<id:pk>/", views.employer, name="employer"),
]
