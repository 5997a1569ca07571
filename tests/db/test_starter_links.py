from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from kohtaanto.web.accounts import permissions, services
from kohtaanto.web.accounts.models import StarterSkillLink
from kohtaanto.web.audit.models import AuditEvent

pytestmark = pytest.mark.db
URI = "http://data.europa.eu/esco/skill/b18b8c34-7e36-4bdb-9e49-7b4fe5cf6b2e"


def test_a_professional_confirms_then_changes_a_link_and_each_is_audited(world):
    pro = world["north_professional"]
    services.review_starter_link(
        pro, starter_id="cleaning.mop_floors", esco_version="1.1.1", uri=URI, status="confirmed"
    )
    services.review_starter_link(
        pro, starter_id="cleaning.mop_floors", esco_version="1.1.1", uri=URI + "x", status="changed"
    )
    link = StarterSkillLink.objects.get()
    assert (link.uri, link.status, link.reviewed_by) == (URI + "x", "changed", "n_pro")
    assert AuditEvent.objects.filter(action="starter_link.reviewed").count() == 2


def test_review_rules(world):
    with pytest.raises(permissions.PermissionDenied):
        services.review_starter_link(
            world["north_employer"],
            starter_id="cleaning.mop_floors",
            esco_version="1.1.1",
            uri=URI,
            status="confirmed",
        )
    with pytest.raises(ValidationError) as info:
        services.review_starter_link(
            world["admin"], starter_id="nope.nope", esco_version="1.1.1", uri="x", status="maybe"
        )
    assert set(info.value.message_dict) == {"starter_id", "status", "uri"}
    rejected = services.review_starter_link(
        world["admin"], starter_id="retail.stock_shelves", esco_version="1.1.1", uri="", status="rejected"
    )
    assert rejected.uri == "" and StarterSkillLink.objects.count() == 1
