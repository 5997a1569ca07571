from django.urls import path

from kohtaanto.web.audit import views

app_name = "audit"

urlpatterns = [
    path("audit/", views.audit_trail, name="trail"),
    path("audit/verify/", views.audit_verify, name="verify"),
]
