from django.contrib import admin
from django.urls import include, path, register_converter

from kohtaanto.web.accounts import oidc
from kohtaanto.web.api.errors import json_bad_request, json_not_found, json_server_error
from kohtaanto.web.core.converters import DatabaseId
from kohtaanto.web.project import health_views

register_converter(DatabaseId, "id")  # before the included URL modules use it

# the feature apps' pages; their URL paths do not overlap, so the order does not matter
FEATURES = (
    "accounts",
    "audit",
    "hiring",
    "matching",
    "seeker",
    "supports",
    "plainlang",
    "outreach",
    "coaching",
    "esf",
    "outcomes",
)

admin.site.site_header = "kohtaanto"
admin.site.site_title = "kohtaanto"

urlpatterns = [
    path("oidc/authenticate/", oidc.start, name="oidc_authentication_init"),
    path("oidc/callback/", oidc.callback, name="oidc_authentication_callback"),
    path("admin/", admin.site.urls),
    path("api/", include("kohtaanto.web.project.api_urls")),
    path("healthz", health_views.healthz, name="healthz"),
    path("readyz", health_views.readyz, name="readyz"),
    path("", include("kohtaanto.web.pages.urls")),
    *(path("", include(f"kohtaanto.web.{app}.urls")) for app in FEATURES),
]

handler400 = json_bad_request
handler404 = json_not_found
handler500 = json_server_error
