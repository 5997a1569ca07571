"""Job carving (työn muokkaus): split tasks off existing roles and bundle them into a new job.

The optimiser arrives with the job-carving capability; these value objects are its input and output.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Task:
    """A task in a workplace's inventory, with the time it takes and what it demands."""

    key: str
    name: str
    hours_per_week: float
    skill_uris: tuple[str, ...] = ()
    demands: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        if self.hours_per_week <= 0:
            raise ValueError(f"task {self.key}: hours per week must be positive")


@dataclass(frozen=True, slots=True)
class Role:
    """An existing role and the tasks its holder does today."""

    key: str
    title: str
    tasks: tuple[Task, ...]

    @property
    def hours_per_week(self) -> float:
        return sum(task.hours_per_week for task in self.tasks)


@dataclass(frozen=True, slots=True)
class CarvedJob:
    """A new job made of tasks taken from roles, with the hours it relieves from each role."""

    title: str
    tasks: tuple[Task, ...]
    relieved_hours: tuple[tuple[str, float], ...]

    @property
    def hours_per_week(self) -> float:
        return sum(task.hours_per_week for task in self.tasks)


__all__ = ["CarvedJob", "Role", "Task"]
