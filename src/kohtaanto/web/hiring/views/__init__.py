"""The employer's hiring pages, one module per step; the URLs name the views through this package."""

from kohtaanto.web.hiring.views.ad import (
    ad,
    job_posting_json_ld,
    tyomarkkinatori_posting,
)
from kohtaanto.web.hiring.views.candidates import (
    candidates,
    shared_items,
    trial_levels,
)
from kohtaanto.web.hiring.views.carving import (
    carve,
    session_key,
    supports,
    supports_pdf,
)
from kohtaanto.web.hiring.views.common import (
    HIRERS,
    STEPS,
    case_of,
    errors_to,
    hirer_only,
    render_step,
    steps_done,
)
from kohtaanto.web.hiring.views.inventory import (
    roles_of,
    tasks,
)
from kohtaanto.web.hiring.views.need import (
    case_list,
    need,
)
from kohtaanto.web.hiring.views.onboarding import (
    onboarding,
)
from kohtaanto.web.hiring.views.risk import (
    guide,
    language_kit,
    pace,
    risk,
)

__all__ = [
    "HIRERS",
    "STEPS",
    "ad",
    "candidates",
    "carve",
    "case_list",
    "case_of",
    "errors_to",
    "guide",
    "hirer_only",
    "job_posting_json_ld",
    "language_kit",
    "need",
    "onboarding",
    "pace",
    "render_step",
    "risk",
    "roles_of",
    "session_key",
    "shared_items",
    "steps_done",
    "supports",
    "supports_pdf",
    "tasks",
    "trial_levels",
    "tyomarkkinatori_posting",
]
