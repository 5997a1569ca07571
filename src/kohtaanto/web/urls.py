from django.contrib import admin
from django.urls import include, path, register_converter

from kohtaanto.web.accounts import oidc
from kohtaanto.web.api.errors import json_bad_request, json_not_found, json_server_error
from kohtaanto.web.converters import DatabaseId

register_converter(DatabaseId, "id")  # before the included URL modules use it

admin.site.site_header = "kohtaanto"
admin.site.site_title = "kohtaanto"

urlpatterns = [
    path("oidc/authenticate/", oidc.start, name="oidc_authentication_init"),
    path("oidc/callback/", oidc.callback, name="oidc_authentication_callback"),
    path("admin/", admin.site.urls),
    path("api/", include("kohtaanto.web.api.urls")),
    path("", include("kohtaanto.web.pages.urls")),
]

handler400 = json_bad_request
handler404 = json_not_found
handler500 = json_server_error
