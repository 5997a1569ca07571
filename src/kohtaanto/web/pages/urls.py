from django.contrib.auth import views as auth_views
from django.urls import path

from kohtaanto.web.pages import matching_views, plainlang_views, supports_views, views

app_name = "pages"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", views.set_language, name="set_language"),
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_edit, name="organisation_create"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation_edit"),
    path("audit/", views.audit_trail, name="audit"),
    path("audit/verify/", views.audit_verify, name="audit_verify"),
    path("supports/hire/", supports_views.hire, name="supports_hire"),
    path("supports/part-time/", supports_views.part_time, name="supports_part_time"),
    path("jobs/", matching_views.job_list, name="job_list"),
    path("jobs/<int:pk>/matches/", matching_views.job_matches, name="job_matches"),
    path("my-matches/", matching_views.person_matches, name="my_matches"),
    path("profiles/<int:pk>/matches/", matching_views.person_matches, name="profile_matches"),
    path("selko/", plainlang_views.check_page, name="plainlang"),
    path("selko/rules/", plainlang_views.rule_settings, name="plainlang_rules"),
    path("healthz", views.healthz, name="healthz"),
]
