from django.urls import path

from kohtaanto.web.matching import seeker_views, views

app_name = "matching"

urlpatterns = [
    path("jobs/", views.job_list, name="jobs"),
    path("jobs/<id:pk>/matches/", views.job_matches, name="job_matches"),
    path("my-matches/", views.person_matches, name="my_matches"),
    path("profiles/<id:pk>/matches/", views.person_matches, name="profile_matches"),
    path("me/", seeker_views.overview, name="me"),
    path("me/skills/", seeker_views.skills, name="me_skills"),
    path("me/languages/", seeker_views.languages, name="me_languages"),
    path("me/capacity/", seeker_views.capacity_start, name="me_capacity_start"),
    path("me/capacity/<slug:group>/", seeker_views.capacity, name="me_capacity"),
    path("me/work/", seeker_views.work, name="me_work"),
    path("me/income/", seeker_views.income, name="me_income"),
    path("me/trials/<id:trial>/", seeker_views.trial_answer, name="me_trial_answer"),
    path("me/sharing/", seeker_views.sharing, name="me_sharing"),
    path("me/sharing/<id:organisation>/withdraw/", seeker_views.withdraw_reveal, name="me_withdraw_reveal"),
    path("me/sharing/<id:organisation>/choices/", seeker_views.share_with, name="me_share_with"),
    path("me/interest/<id:job>/", seeker_views.interest, name="me_interest"),
    path("me/data/", seeker_views.data, name="me_data"),
    path("me/data/export.json", seeker_views.export, name="me_export"),
    path("me/meetings/<id:meeting>/", seeker_views.answer_meeting, name="me_answer_meeting"),
]
