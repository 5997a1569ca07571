"""Job carving (työn muokkaus): split tasks off existing roles and bundle them into a new job.

The work is fitted to the person instead of searching for a person to fit a ready-made post.

- :mod:`.schema`   the documented input format (workplaces, people, accommodation catalogues);
- :mod:`.model`    what each task asks of one person: feasible with which measures, or why not;
- :mod:`.greedy`   a greedy carve (the baseline and the warm start);
- :mod:`.solver`   the CP-SAT models for one person and for a talent pool;
- :mod:`.check`    an independent check of answers against every hard constraint;
- :mod:`.proposal` the carve proposal with supports, net cost, training and a job description;
- :mod:`.service`  the use cases; :mod:`.io` reads files; :mod:`.generate` makes test instances.
"""

from __future__ import annotations

from kohtaanto.carving.schema import FORMAT, CarvingPersonIn, SettingsIn, WorkplaceFile

__all__ = ["FORMAT", "CarvingPersonIn", "SettingsIn", "WorkplaceFile"]
