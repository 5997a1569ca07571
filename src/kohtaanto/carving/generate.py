"""Random but plausible carving instances from a seed, for benchmarks and property tests.

The generator (documented in docs/decisions/0004-job-carving.md):

- **Workplaces** sit in one of ``municipalities``; each has 3-5 roles (hourly cost 22-45 euros) and
  ``tasks`` tasks of 0.5-10 hours a week, split round-robin over the roles. A task is separable with
  probability 0.8 and below the holder's level with 0.5; it needs 0-2 skills (levels 1-3) from one
  skill domain of the starter vocabulary, and demands 3-7 functional attributes at levels drawn
  from (0, 1, 1, 2, 2, 3, 3, 4, 5). A fifth of the tasks have fixed windows (one or two days, start
  07:00-14:00, length = the task's hours split over the days); the rest are flexible on weekdays. A
  third are divisible (minimum chunk 1-2 h); a fifth sit in a second location; 15 % can be done
  remotely; 5 % go together with the previous task.
- **Catalogue**: six accommodations per workplace on random attributes, raising 1-2 levels,
  costing 0-3,000 euros once and 0-300 euros a month.
- **People** live in a municipality and reach one more; they want 10-20 hours at least and 5-20
  more at most; 60 % are available on any weekday daytime, the rest on 3-5 days with windows; they
  disclose 6-12 capacities (levels 1-5), have 3-8 skills (levels 1-3) and can learn 0-2 levels.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from kohtaanto.carving.schema import CarvingPeopleFile, CarvingPersonIn, WorkplaceFile
from kohtaanto.core.vocabulary import DAYS
from kohtaanto.taxonomy.vocabulary import demands, starter

MUNICIPALITIES = ("Kuopio", "Siilinjärvi", "Leppävirta", "Suonenjoki", "Tuusniemi")
DEMAND_LEVELS = (0, 1, 1, 2, 2, 3, 3, 4, 5)


def _texts(text: str) -> dict[str, str]:
    return {"fi": text, "sv": text, "en": text}


def _skills_by_domain() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for skill in starter().skills:
        out.setdefault(skill.domain, []).append(skill.id)
    return out


def _attributes() -> list[str]:
    return [a.id for a in demands().attributes if a.id != "sensory_communication.working_language"]


def _task(
    rng: random.Random, key: str, domain: list[str], attributes: list[str], previous: str | None
) -> dict[str, Any]:
    hours = Decimal(rng.randint(2, 40)) / 4
    task: dict[str, Any] = {
        "id": key,
        "name": _texts(f"Task {key}"),
        "hours": str(hours),
        "frequency": rng.choice(["daily", "weekly", "monthly"]),
        "separable": rng.random() < 0.8,
        "below_holder_level": rng.random() < 0.5,
        "skills": [{"id": s, "level": rng.randint(1, 3)} for s in rng.sample(domain, rng.randint(0, 2))],
        "demands": {a: rng.choice(DEMAND_LEVELS) for a in rng.sample(attributes, rng.randint(3, 7))},
        "location": "second" if rng.random() < 0.2 else "main",
        "remote_possible": rng.random() < 0.15,
    }
    if rng.random() < 0.2:
        days = rng.sample(DAYS[:5], 1 if hours <= 4 else 2)
        minutes = max(30, int(hours * 60) // len(days) // 15 * 15)
        start = rng.randint(7 * 4, 14 * 4) * 15
        end = start + minutes
        task["hours"] = str(Decimal(minutes * len(days)) / 60)
        task["schedule"] = {
            "fixed": [
                {"day": d, "start": _clock(start), "end": _clock(end)} for d in sorted(days, key=DAYS.index)
            ],
            "flexible_days": [],
        }
    elif rng.random() < 0.33 / 0.8:
        task["divisible"] = True
        task["min_chunk"] = str(min(hours, Decimal(rng.randint(1, 2))))
    if previous and rng.random() < 0.05:
        task["goes_with"] = [previous]
    return task


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def workplace(rng: random.Random, index: int, tasks: int) -> WorkplaceFile:
    domains = _skills_by_domain()
    attributes = _attributes()
    domain = domains[rng.choice(sorted(domains))]
    roles: list[dict[str, Any]] = [
        {
            "id": f"r{r}",
            "title": _texts(f"Role {r}"),
            "holders": rng.randint(1, 6),
            "hourly_cost": str(rng.randint(22, 45)),
            "tasks": [],
        }
        for r in range(rng.randint(3, 5))
    ]
    previous = None
    for t in range(tasks):
        key = f"w{index}t{t}"
        roles[t % len(roles)]["tasks"].append(_task(rng, key, domain, attributes, previous))
        previous = key if t % len(roles) == (t + 1) % len(roles) else None
    catalogue = [
        {
            "id": f"w{index}a{a}",
            "name": _texts(f"Aid {a}"),
            "type": rng.choice("OTB"),
            "attribute": rng.choice(attributes),
            "raises_by": rng.randint(1, 2),
            "one_off_cost": str(rng.choice([0, 0, 300, 800, 1500, 3000])),
            "monthly_cost": str(rng.choice([0, 0, 50, 150, 300])),
            "support": rng.choice(["work_arrangement_tools", "none"]),
        }
        for a in range(6)
    ]
    data = {
        "workplace": {
            "id": f"w{index}",
            "name": f"Workplace {index}",
            "municipality": rng.choice(MUNICIPALITIES),
            "legal_form": rng.choice(["company", "company", "association", "municipality"]),
            "new_job_hourly_wage": "13.50",
            "roles": [r for r in roles if r["tasks"]],
        },
        "accommodations": catalogue,
    }
    return WorkplaceFile.model_validate(data)


def person(rng: random.Random, index: int) -> CarvingPersonIn:
    domains = _skills_by_domain()
    attributes = _attributes()
    low = rng.randint(10, 20)
    home = rng.choice(MUNICIPALITIES)
    availability: list[dict[str, str]] = []
    if rng.random() >= 0.6:
        for day in sorted(rng.sample(DAYS[:5], rng.randint(3, 5)), key=DAYS.index):
            start = rng.randint(7, 10) * 60
            availability.append(
                {"day": day, "start": _clock(start), "end": _clock(start + rng.randint(5, 8) * 60)}
            )
    pool = [s for d in rng.sample(sorted(domains), 2) for s in domains[d]]
    data = {
        "id": f"p{index}",
        "alias": f"Person {index}",
        "municipality": home,
        "reach": [rng.choice(MUNICIPALITIES)],
        "hours": {"min": low, "max": low + rng.randint(5, 20)},
        "availability": availability,
        "remote": rng.choice(["no", "no", "no", "prefer"]),
        "skills": [{"id": s, "level": rng.randint(1, 3)} for s in rng.sample(pool, rng.randint(3, 8))],
        "capacities": {a: rng.randint(1, 5) for a in rng.sample(attributes, rng.randint(6, 12))},
        "working_language": rng.choice(["A2", "B1", "B2", "C1", None]),
        "trainable_levels": rng.randint(0, 2),
        "support_facts": {
            "age": rng.randint(20, 63),
            "unemployment_months": rng.choice([0, 6, 13, 30]),
            "reduced_work_ability": rng.random() < 0.4,
        },
    }
    return CarvingPersonIn.model_validate(data)


def instance(
    seed: int, workplaces: int, tasks: int, people: int
) -> tuple[list[WorkplaceFile], CarvingPeopleFile]:
    """``workplaces`` workplaces with ``tasks`` tasks in total, and ``people`` people, from ``seed``."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    per = [tasks // workplaces + (1 if i < tasks % workplaces else 0) for i in range(workplaces)]
    places = [workplace(rng, i, n) for i, n in enumerate(per)]
    group = CarvingPeopleFile.model_validate(
        {"people": [person(rng, i).model_dump(mode="json") for i in range(people)]}
    )
    return places, group
