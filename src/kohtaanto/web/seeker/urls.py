from django.urls import path

from kohtaanto.web.seeker import views

app_name = "seeker"

urlpatterns = [
    path("me/", views.overview, name="overview"),
    path("me/skills/", views.skills, name="skills"),
    path("me/languages/", views.languages, name="languages"),
    path("me/capacity/", views.capacity_start, name="capacity_start"),
    path("me/capacity/<slug:group>/", views.capacity, name="capacity"),
    path("me/work/", views.work, name="work"),
    path("me/income/", views.income, name="income"),
    path("me/trials/<id:trial>/", views.trial_answer, name="trial_answer"),
    path("me/risk-cards/<id:card>/", views.risk_card, name="risk_card"),
    path("me/language-kits/<id:case>/", views.language_kit, name="language_kit"),
    path("me/sharing/", views.sharing, name="sharing"),
    path("me/sharing/<id:organisation>/withdraw/", views.withdraw_reveal, name="withdraw_reveal"),
    path("me/sharing/<id:organisation>/choices/", views.share_with, name="share_with"),
    path("me/interest/<id:job>/", views.interest, name="interest"),
    path("me/data/", views.data, name="data"),
    path("me/data/export.json", views.export, name="export"),
    path("me/meetings/<id:meeting>/", views.answer_meeting, name="answer_meeting"),
]
