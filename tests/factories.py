"""Test data builders. Business IDs are generated with valid check digits."""

from __future__ import annotations

import factory
from django.contrib.auth.hashers import make_password

from kohtaanto.core.identifiers import business_id_check_digit
from kohtaanto.web.accounts.models import EmploymentArea, Municipality, Organisation, User

TEST_PASSWORD = "a-long-test-passphrase-42"
_HASHED: dict[str, str] = {}


def valid_business_id(n: int) -> str:
    """The n-th checksum-valid business ID in the 97xxxxx range."""
    candidate = 9700000 + n * 3
    while True:
        digits = f"{candidate:07d}"
        check = business_id_check_digit(digits)
        if check is not None:
            return f"{digits}-{check}"
        candidate += 1


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmploymentArea

    name_fi = factory.Sequence(lambda n: f"Testialue {n}")
    name_sv = factory.Sequence(lambda n: f"Testområde {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name_fi = factory.Sequence(lambda n: f"Testikunta {n}")
    name_sv = factory.Sequence(lambda n: f"Testkommun {n}")
    area = factory.SubFactory(AreaFactory)

    @factory.lazy_attribute_sequence
    def code(self, n: int) -> str:
        """The next three-digit code no municipality has yet: the world fixture uses real codes (091 …),
        and a plain sequence ran into one of them once enough municipalities had been made in a worker."""
        taken = set(Municipality.objects.values_list("code", flat=True))
        return next(c for k in range(n, n + 1000) if (c := f"{k % 1000:03d}") not in taken)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testiyritys {n} Oy")
    business_id = factory.Sequence(valid_business_id)
    legal_form = "company"
    size_class = "micro"
    sector = "G"
    municipality = factory.SubFactory(MunicipalityFactory)
    description_fi = "Testikuvaus"


def make_user(role: str, username: str, **kwargs: object) -> User:
    if "password" not in _HASHED:
        _HASHED["password"] = make_password(TEST_PASSWORD)
    defaults = {"first_name": username.capitalize(), "last_name": "Testinen", "language": "fi"}
    defaults.update(kwargs)  # type: ignore[arg-type]
    user = User(
        username=username,
        role=role,
        is_staff=role == "administrator",
        is_superuser=role == "administrator",
        **defaults,
    )
    user.password = _HASHED["password"]
    user.full_clean(exclude=["password"])
    user.save()
    return user
