"""Provides the SMART check of an objective: which of Specific, Measurable, Achievable,
Realistic and Time-bound fail, and why.

The seeds (Seven steps) give the test: "create profiles on every network" is not SMART;
"create accounts on the 3 networks most popular with my audience within a week" is. The
rules below turn each letter into something a program can check from the objective's fields:

- S: the statement says what will change in at least four words.
- M: a metric and a numeric target are set.
- A: a baseline is known and the target is a change from it, at most five times it.
- R: the pace asked is humanly sustainable: at most doubling the baseline each month, over
  at least one week (from a baseline of zero, only the week is required).
- T: start and due dates are set and, for a live objective, the due date is not past.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from smtui.domain.enums import ObjectiveStatus
from smtui.domain.i18n import _
from smtui.domain.models import Objective

MIN_WORDS = 4
MAX_RATIO = 5.0
MAX_MONTHLY_GROWTH = 1.0
MIN_DAYS = 7


@dataclass(frozen=True, slots=True)
class SmartLetter:
    letter: str
    name: str
    ok: bool
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SmartReport:
    letters: tuple[SmartLetter, ...]

    @property
    def ok(self) -> bool:
        return all(letter.ok for letter in self.letters)

    @property
    def failing(self) -> tuple[SmartLetter, ...]:
        return tuple(letter for letter in self.letters if not letter.ok)

    @property
    def failing_letters(self) -> str:
        return "".join(letter.letter for letter in self.failing)


def _specific(objective: Objective) -> str:
    if len(objective.statement.split()) < MIN_WORDS:
        return _("say what will change, for whom or where, in at least {n} words").format(
            n=MIN_WORDS
        )
    return ""


def _measurable(objective: Objective) -> str:
    if not (objective.metric_name or objective.metric_id):
        return _("name the metric that measures it")
    if objective.target is None:
        return _("set a numeric target")
    return ""


def _achievable(objective: Objective) -> str:
    if objective.baseline is None:
        return _("set the baseline: where the metric stands today")
    if objective.target is None:
        return _("set a numeric target")
    if objective.target == objective.baseline:
        return _("the target equals the baseline: nothing to achieve")
    if objective.baseline > 0 and objective.target / objective.baseline > MAX_RATIO:
        return _("the target is more than {n}x the baseline").format(n=int(MAX_RATIO))
    return ""


def _realistic(objective: Objective) -> str:
    if objective.baseline is None or objective.target is None:
        return _("needs a baseline and a target to judge the pace")
    if not (objective.start_date and objective.due_date):
        return _("needs start and due dates to judge the pace")
    days = (objective.due_date - objective.start_date).days
    if days < MIN_DAYS:
        return _("allow at least {n} days").format(n=MIN_DAYS)
    if objective.baseline == 0:
        # Starting from nothing ("create 3 accounts"), there is no base to double: the seeds
        # call their own such example realistic, so only the duration is judged.
        return ""
    change = abs(objective.target - objective.baseline) / max(abs(objective.baseline), 1.0)
    months = days / 30.44
    if change / months > MAX_MONTHLY_GROWTH:
        return _("asks for more than doubling every month; allow more time")
    return ""


def _time_bound(objective: Objective, today: date) -> str:
    if objective.due_date is None:
        return _("set a due date")
    if objective.start_date is None:
        return _("set a start date")
    live = objective.status in (ObjectiveStatus.DRAFT, ObjectiveStatus.ACTIVE)
    if live and objective.due_date < today:
        return _("the due date has passed")
    return ""


def check_smart(objective: Objective, today: date) -> SmartReport:
    """Check each letter; ``today`` decides whether a due date has passed."""
    reasons = (
        ("S", _("Specific"), _specific(objective)),
        ("M", _("Measurable"), _measurable(objective)),
        ("A", _("Achievable"), _achievable(objective)),
        ("R", _("Realistic"), _realistic(objective)),
        ("T", _("Time-bound"), _time_bound(objective, today)),
    )
    return SmartReport(
        tuple(SmartLetter(letter, name, not reason, reason) for letter, name, reason in reasons)
    )
