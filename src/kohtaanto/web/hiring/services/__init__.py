"""The employer's journey, step by step: need, task inventory, carving, supports, job ad, candidates,
onboarding. One module per step; this package's names are the hiring services' public interface.

Each step saves on the case (one audit event naming the step). The inventory is a draft in the
``kohtaanto.carving/1`` format; once it validates it is also the organisation's task inventory, so
job seekers nearby see it as a carving opportunity.
"""

from kohtaanto.web.hiring.services.ad import (
    accommodation_effects,
    ad_facts,
    ad_with_facts,
    json_ld,
    plan_start,
    publish,
    save_ad,
)
from kohtaanto.web.hiring.services.candidates import (
    answer_meeting,
    answer_trial_proposal,
    ask_to_meet,
    decide,
    plan_trial,
    record_observations,
    shortlist,
    trial_attributes,
)
from kohtaanto.web.hiring.services.carving import (
    Carved,
    carve,
    choose,
    pool_cards,
    pool_for,
)
from kohtaanto.web.hiring.services.cases import (
    CaseError,
    cases_for,
    editing,
    may_change,
    place_of,
    set_step,
    slug,
    written_in,
)
from kohtaanto.web.hiring.services.inventory import (
    SECTOR_DOMAINS,
    add_adjustment,
    add_role,
    add_role_values,
    add_task,
    adjustment_choices,
    empty_inventory,
    remove_adjustment,
    remove_task,
    role_suggestions,
    set_task_hours,
    suggestions,
    sync_inventory,
    tasks_from_text,
    validated,
)
from kohtaanto.web.hiring.services.need import (
    NEEDS,
    create_case,
    save_need,
)
from kohtaanto.web.hiring.services.onboarding import (
    FOLLOW_UP_MONTHS,
    record_follow_up,
    save_onboarding,
)

__all__ = [
    "FOLLOW_UP_MONTHS",
    "NEEDS",
    "SECTOR_DOMAINS",
    "Carved",
    "CaseError",
    "accommodation_effects",
    "ad_facts",
    "ad_with_facts",
    "add_adjustment",
    "add_role",
    "add_role_values",
    "add_task",
    "adjustment_choices",
    "answer_meeting",
    "answer_trial_proposal",
    "ask_to_meet",
    "carve",
    "cases_for",
    "choose",
    "create_case",
    "decide",
    "editing",
    "empty_inventory",
    "json_ld",
    "may_change",
    "place_of",
    "plan_start",
    "plan_trial",
    "pool_cards",
    "pool_for",
    "publish",
    "record_follow_up",
    "record_observations",
    "remove_adjustment",
    "remove_task",
    "role_suggestions",
    "save_ad",
    "save_need",
    "save_onboarding",
    "set_step",
    "set_task_hours",
    "shortlist",
    "slug",
    "suggestions",
    "sync_inventory",
    "tasks_from_text",
    "trial_attributes",
    "validated",
    "written_in",
]
