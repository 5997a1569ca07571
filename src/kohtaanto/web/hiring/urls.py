from django.urls import path

from kohtaanto.web.hiring import views
from kohtaanto.web.hiring.views import packet, public

app_name = "hiring"

urlpatterns = [
    path("hire/", views.case_list, name="cases"),
    path("hire/<id:pk>/need/", views.need, name="need"),
    path("hire/<id:pk>/tasks/", views.tasks, name="tasks"),
    path("hire/<id:pk>/carve/", views.carve, name="carve"),
    path("hire/<id:pk>/supports/", views.supports, name="supports"),
    path("hire/<id:pk>/supports.pdf", views.supports_pdf, name="supports_pdf"),
    path("hire/<id:pk>/application/", packet.application, name="application"),
    path("hire/<id:pk>/application.pdf", packet.application_pdf, name="application_pdf"),
    path("hire/<id:pk>/application.json", packet.application_json, name="application_json"),
    path("hire/<id:pk>/ad/", views.ad, name="ad"),
    path("hire/<id:pk>/candidates/", views.candidates, name="candidates"),
    path("hire/<id:pk>/onboarding/", views.onboarding, name="onboarding"),
    path("hire/<id:pk>/trials/<id:trial>/pace/", views.pace, name="pace"),
    path("hire/<id:pk>/risk-card/", views.risk, name="risk"),
    path("hire/<id:pk>/guide/", views.guide, name="guide"),
    path("hire/<id:pk>/language-kit/", views.language_kit, name="language_kit"),
    path("jobs/<id:pk>/", public.job_page, name="public_job"),
    path("jobs/areas/<id:pk>/feed.atom", public.area_feed, name="area_feed"),
    path("hire/<id:pk>/jobposting.jsonld", views.job_posting_json_ld, name="json_ld"),
    path("hire/<id:pk>/tyomarkkinatori.json", views.tyomarkkinatori_posting, name="tyomarkkinatori"),
]
