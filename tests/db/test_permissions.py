"""An employer user never sees another organisation's data; a professional sees only their own area.
The same rules hold in the pages, the API and the admin."""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from kohtaanto.web.accounts import permissions
from tests.factories import valid_business_id

pytestmark = pytest.mark.db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api_as(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_service_layer_scopes(world):
    w = world
    assert list(permissions.organisations_for(w["north_employer"])) == [w["north_org"]]
    assert list(permissions.organisations_for(w["north_professional"])) == [w["north_org"]]
    assert set(permissions.organisations_for(w["admin"])) == {w["north_org"], w["south_org"]}
    assert not permissions.organisations_for(w["analyst"]).exists()
    assert not permissions.organisations_for(w["north_seeker"]).exists()
    people = set(permissions.people_for(w["north_professional"]))
    assert {w["north_seeker"], w["north_employer"], w["north_professional"]} <= people
    assert not people & {w["south_seeker"], w["south_employer"], w["south_professional"]}
    assert set(permissions.people_for(w["north_employer"])) == {w["north_employer"]}
    assert set(permissions.people_for(w["north_seeker"])) == {w["north_seeker"]}


def test_inactive_users_see_nothing(world):
    user = world["north_professional"]
    user.is_active = False
    user.save()
    assert not permissions.organisations_for(user).exists()
    assert not permissions.people_for(user).exists()


def test_employer_pages_show_only_their_own_organisation(world):
    client = signed_in(world["north_employer"])
    page = client.get("/").content.decode()
    assert world["north_org"].name in page
    assert world["south_org"].name not in page
    assert client.get(f"/organisations/{world['south_org'].pk}/edit/").status_code == 404
    assert (
        client.post(f"/organisations/{world['south_org'].pk}/edit/", {"name": "Hijacked"}).status_code == 404
    )
    world["south_org"].refresh_from_db()
    assert world["south_org"].name != "Hijacked"


def test_employer_api_never_returns_another_organisation(world):
    client = api_as(world["north_employer"])
    listing = client.get("/api/v1/organisations/").json()
    assert [row["id"] for row in listing["results"]] == [world["north_org"].pk]
    response = client.get(f"/api/v1/organisations/{world['south_org'].pk}/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert client.patch(f"/api/v1/organisations/{world['south_org'].pk}/", {"name": "x"}).status_code == 404


def test_professional_sees_only_their_area_in_pages_and_api(world):
    client = signed_in(world["north_professional"])
    page = client.get("/").content.decode()
    assert world["north_org"].name in page and world["north_seeker"].first_name in page
    assert world["south_org"].name not in page and world["south_seeker"].first_name not in page
    listing = client.get("/organisations/").content.decode()
    assert world["north_org"].name in listing and world["south_org"].name not in listing
    assert client.get(f"/organisations/{world['south_org'].pk}/edit/").status_code == 404
    api = api_as(world["north_professional"])
    ids = [row["id"] for row in api.get("/api/v1/organisations/").json()["results"]]
    assert ids == [world["north_org"].pk]


def test_professional_cannot_create_an_organisation_in_another_area(world):
    api = api_as(world["north_professional"])
    body = {
        "name": "Uusi Oy",
        "business_id": valid_business_id(900),
        "legal_form": "company",
        "size_class": "micro",
        "sector": "G",
        "municipality": world["south_municipality"].pk,
    }
    response = api.post("/api/v1/organisations/", body, format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    body["municipality"] = world["north_municipality"].pk
    assert api.post("/api/v1/organisations/", body, format="json").status_code == 201


def test_admin_site_lists_through_the_permission_service(world):
    client = signed_in(world["admin"])
    page = client.get("/admin/accounts/organisation/").content.decode()
    assert world["north_org"].name in page and world["south_org"].name in page
    # Non-administrators cannot enter the admin at all.
    assert signed_in(world["north_professional"]).get("/admin/").status_code == 302


def test_audit_trail_is_for_administrators_only(world):
    assert signed_in(world["admin"]).get("/audit/").status_code == 200
    for who in ("north_professional", "north_employer", "north_seeker", "analyst"):
        assert signed_in(world[who]).get("/audit/").status_code == 404, who
        assert api_as(world[who]).get("/api/v1/audit-events/").status_code == 403, who


def test_one_ladder_scopes_every_read(world):
    """Administrators read all, anyone not signed in nothing, a role without a rule nothing (or the
    default rule), a role with a rule what the rule keeps."""
    from django.contrib.auth.models import AnonymousUser

    from kohtaanto.web.accounts.models import Organisation
    from kohtaanto.web.core.roles import Role
    from kohtaanto.web.core.scoping import everyone, scoped

    mine = {Role.EMPLOYER: lambda u, qs: qs.filter(pk=u.organisation_id)}
    everything = Organisation.objects.all()
    assert scoped(world["admin"], everything, mine).count() == everything.count() >= 2
    assert scoped(AnonymousUser(), everything, mine, default=everyone).count() == 0
    assert list(scoped(world["north_employer"], everything, mine)) == [world["north_org"]]
    assert scoped(world["analyst"], everything, mine).count() == 0
    assert scoped(world["analyst"], everything, mine, default=everyone).count() == everything.count()
    world["north_employer"].is_active = False
    assert scoped(world["north_employer"], everything, mine).count() == 0
