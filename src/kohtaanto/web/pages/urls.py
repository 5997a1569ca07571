from django.contrib.auth import views as auth_views
from django.urls import path

from kohtaanto.web.pages import (
    hiring_views,
    matching_views,
    plainlang_views,
    seeker_views,
    supports_views,
    views,
)

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
    path("me/", seeker_views.overview, name="me"),
    path("me/skills/", seeker_views.skills, name="me_skills"),
    path("me/languages/", seeker_views.languages, name="me_languages"),
    path("me/capacity/", seeker_views.capacity_start, name="me_capacity_start"),
    path("me/capacity/<slug:group>/", seeker_views.capacity, name="me_capacity"),
    path("me/work/", seeker_views.work, name="me_work"),
    path("me/sharing/", seeker_views.sharing, name="me_sharing"),
    path("me/sharing/<int:organisation>/withdraw/", seeker_views.withdraw_reveal, name="me_withdraw_reveal"),
    path("me/interest/<int:job>/", seeker_views.interest, name="me_interest"),
    path("me/data/", seeker_views.data, name="me_data"),
    path("me/data/export.json", seeker_views.export, name="me_export"),
    path("hire/", hiring_views.case_list, name="hire"),
    path("hire/<int:pk>/need/", hiring_views.need, name="hire_need"),
    path("hire/<int:pk>/tasks/", hiring_views.tasks, name="hire_tasks"),
    path("hire/<int:pk>/carve/", hiring_views.carve, name="hire_carve"),
    path("hire/<int:pk>/supports/", hiring_views.supports, name="hire_supports"),
    path("hire/<int:pk>/ad/", hiring_views.ad, name="hire_ad"),
    path("hire/<int:pk>/candidates/", hiring_views.candidates, name="hire_candidates"),
    path("me/meetings/<int:meeting>/", seeker_views.answer_meeting, name="me_answer_meeting"),
    path("hire/<int:pk>/jobposting.jsonld", hiring_views.job_posting_json_ld, name="hire_json_ld"),
    path("healthz", views.healthz, name="healthz"),
]
