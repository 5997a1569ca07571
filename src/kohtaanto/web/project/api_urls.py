from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from kohtaanto.web.api import docs, views
from kohtaanto.web.hiring import api as carving
from kohtaanto.web.matching import api as matching
from kohtaanto.web.matching import api_skills as skills
from kohtaanto.web.plainlang import api as plainlang
from kohtaanto.web.supports import api as supports

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("employment-areas", views.EmploymentAreaViewSet, basename="employment-area")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("audit-events", views.AuditEventViewSet, basename="audit-event")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(permission_classes=[]), name="api-schema"),
    path("docs/", docs.api_reference, name="api-docs"),
    path("v1/auth/token/", views.TokenView.as_view(), name="api-token"),
    path("v1/me/", views.MeView.as_view(), name="api-me"),
    path("v1/me/tokens/", views.MyTokensView.as_view(), name="api-me-tokens"),
    path("v1/supports/hire/", supports.HireView.as_view(), name="api-supports-hire"),
    path("v1/supports/part-time/", supports.PartTimeView.as_view(), name="api-supports-part-time"),
    path("v1/supports/pension/", supports.PensionView.as_view(), name="api-supports-pension"),
    path("v1/supports/right-to-work/", supports.RightToWorkView.as_view(), name="api-supports-right-to-work"),
    path("v1/supports/de-minimis/", supports.DeMinimisView.as_view(), name="api-supports-de-minimis"),
    path("v1/supports/study/", supports.StudyView.as_view(), name="api-supports-study"),
    path("v1/supports/year/", supports.IncomeYearView.as_view(), name="api-supports-year"),
    path(
        "v1/supports/employer-cost/", supports.EmployerCostView.as_view(), name="api-supports-employer-cost"
    ),
    path(
        "v1/supports/payment-calendar/",
        supports.PaymentCalendarView.as_view(),
        name="api-supports-payment-calendar",
    ),
    path("v1/skills/extract/", skills.ExtractView.as_view(), name="api-skills-extract"),
    path(
        "v1/skills/normalize-title/", skills.NormaliseTitleView.as_view(), name="api-skills-normalize-title"
    ),
    path("v1/skills/suggest/", skills.SuggestView.as_view(), name="api-skills-suggest"),
    path("v1/carving/carve/", carving.CarveView.as_view(), name="api-carving-carve"),
    path("v1/carving/pool/", carving.CarvePoolView.as_view(), name="api-carving-pool"),
    path("v1/plainlang/check/", plainlang.CheckView.as_view(), name="api-plainlang-check"),
    path("v1/plainlang/settings/", plainlang.RuleSettingsView.as_view(), name="api-plainlang-settings"),
    path(
        "v1/organisations/<id:pk>/plainlang-settings/",
        plainlang.OrganisationRuleSettingsView.as_view(),
        name="api-plainlang-organisation-settings",
    ),
    path("v1/profiles/", matching.ProfileListView.as_view(), name="api-profiles"),
    path("v1/profiles/me/", matching.MyProfileView.as_view(), name="api-profile-me"),
    path("v1/profiles/me/groups/", matching.MyGroupsView.as_view(), name="api-profile-me-groups"),
    path("v1/profiles/me/reveal/", matching.MyRevealView.as_view(), name="api-profile-me-reveal"),
    path("v1/profiles/me/matches/", matching.ProfileMatchesView.as_view(), name="api-profile-me-matches"),
    path("v1/profiles/<id:pk>/", matching.ProfileDetailView.as_view(), name="api-profile"),
    path("v1/profiles/<id:pk>/matches/", matching.ProfileMatchesView.as_view(), name="api-profile-matches"),
    path("v1/jobs/", matching.JobListView.as_view(), name="api-jobs"),
    path("v1/jobs/<id:pk>/", matching.JobDetailView.as_view(), name="api-job"),
    path("v1/jobs/<id:pk>/matches/", matching.JobMatchesView.as_view(), name="api-job-matches"),
    path("v1/organisations/<id:pk>/inventory/", matching.InventoryView.as_view(), name="api-inventory"),
    path("v1/matching/pool/", matching.MatchingPoolView.as_view(), name="api-matching-pool"),
    path("v1/matching/runs/", matching.RunListView.as_view(), name="api-matching-runs"),
    path("v1/matching/runs/<id:pk>/", matching.RunDetailView.as_view(), name="api-matching-run"),
    path("v1/matching/runs/<id:pk>/fairness/", matching.FairnessView.as_view(), name="api-matching-fairness"),
    path("v1/", include(router.urls)),
    re_path(r"^.*$", views.not_found, name="api-not-found"),
]
