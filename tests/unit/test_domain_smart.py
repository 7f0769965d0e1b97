"""Tests of the SMART check: each letter failing with its reason, and passing."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from smtui.domain.enums import ObjectiveStatus, ObjectiveType
from smtui.domain.models import Objective
from smtui.domain.smart import SmartReport, check_smart


@pytest.fixture
def today(now: datetime) -> date:
    return now.date()


def objective(**changes: Any) -> Objective:
    """An objective that passes every letter; each test breaks the part it is about."""
    values: dict[str, Any] = {
        "brand_id": 1,
        "statement": "Grow our LinkedIn following among Montreal bakery owners",
        "type": ObjectiveType.AWARENESS,
        "metric_name": "LinkedIn followers",
        "baseline": 400,
        "target": 600,
        "start_date": date(2026, 11, 1),
        "due_date": date(2027, 2, 28),
        "status": ObjectiveStatus.ACTIVE,
    }
    values.update(changes)
    return Objective(**values)


def letter(report: SmartReport, name: str) -> tuple[bool, str]:
    (found,) = [item for item in report.letters if item.letter == name]
    return found.ok, found.reason


def test_a_complete_objective_passes_every_letter(today: date) -> None:
    report = check_smart(objective(), today)

    assert report.ok
    assert report.failing == ()
    assert report.failing_letters == ""
    assert [item.letter for item in report.letters] == ["S", "M", "A", "R", "T"]
    assert [item.name for item in report.letters] == [
        "Specific",
        "Measurable",
        "Achievable",
        "Realistic",
        "Time-bound",
    ]
    assert all(item.reason == "" for item in report.letters)


def test_a_bare_statement_fails_every_letter_in_order(today: date) -> None:
    report = check_smart(
        Objective(brand_id=1, statement="Be big", type=ObjectiveType.AWARENESS), today
    )

    assert not report.ok
    assert report.failing_letters == "SMART"
    assert all(item.reason for item in report.failing)


# --- S ------------------------------------------------------------------------------------


def test_specific_fails_under_four_words(today: date) -> None:
    ok, reason = letter(check_smart(objective(statement="More LinkedIn followers"), today), "S")

    assert not ok
    assert "4 words" in reason


def test_specific_passes_at_four_words(today: date) -> None:
    report = check_smart(objective(statement="More LinkedIn followers, please"), today)

    assert letter(report, "S") == (True, "")
    assert report.failing_letters == ""


# --- M ------------------------------------------------------------------------------------


def test_measurable_fails_without_a_metric(today: date) -> None:
    report = check_smart(objective(metric_name=None), today)

    ok, reason = letter(report, "M")
    assert not ok
    assert "metric" in reason
    assert report.failing_letters == "M"


def test_measurable_fails_without_a_target(today: date) -> None:
    ok, reason = letter(check_smart(objective(target=None), today), "M")

    assert not ok
    assert "target" in reason


def test_measurable_accepts_a_metric_given_by_id(today: date) -> None:
    report = check_smart(objective(metric_name=None, metric_id=7), today)

    assert letter(report, "M") == (True, "")


# --- A ------------------------------------------------------------------------------------


def test_achievable_fails_without_a_baseline(today: date) -> None:
    ok, reason = letter(check_smart(objective(baseline=None), today), "A")

    assert not ok
    assert "baseline" in reason


def test_achievable_fails_when_the_target_is_the_baseline(today: date) -> None:
    report = check_smart(objective(baseline=500, target=500), today)

    ok, reason = letter(report, "A")
    assert not ok
    assert "nothing to achieve" in reason


def test_achievable_fails_beyond_five_times_the_baseline(today: date) -> None:
    report = check_smart(objective(baseline=100, target=501), today)

    ok, reason = letter(report, "A")
    assert not ok
    assert "5x" in reason


@pytest.mark.parametrize(
    ("baseline", "target"),
    [(100, 500), (48, 12), (0, 3)],
    ids=["five-times", "a-decrease", "from-zero"],
)
def test_achievable_passes(today: date, baseline: float, target: float) -> None:
    report = check_smart(objective(baseline=baseline, target=target), today)

    assert letter(report, "A") == (True, "")


# --- R ------------------------------------------------------------------------------------


def test_realistic_fails_on_less_than_a_week(today: date) -> None:
    report = check_smart(
        objective(start_date=date(2026, 11, 23), due_date=date(2026, 11, 29)), today
    )

    ok, reason = letter(report, "R")
    assert not ok
    assert "7 days" in reason


def test_realistic_fails_when_the_pace_more_than_doubles_each_month(today: date) -> None:
    # 100 -> 400 is +300 % in one month.
    report = check_smart(
        objective(
            baseline=100, target=400, start_date=date(2026, 11, 1), due_date=date(2026, 12, 1)
        ),
        today,
    )

    ok, reason = letter(report, "R")
    assert not ok
    assert "doubling" in reason
    assert letter(report, "A") == (True, "")


def test_realistic_passes_the_same_goal_given_four_months(today: date) -> None:
    report = check_smart(
        objective(
            baseline=100, target=400, start_date=date(2026, 11, 1), due_date=date(2027, 3, 1)
        ),
        today,
    )

    assert letter(report, "R") == (True, "")


def test_realistic_needs_a_baseline_and_a_target(today: date) -> None:
    ok, reason = letter(check_smart(objective(baseline=None), today), "R")

    assert not ok
    assert "baseline" in reason


def test_realistic_needs_dates(today: date) -> None:
    ok, reason = letter(check_smart(objective(start_date=None), today), "R")

    assert not ok
    assert "dates" in reason


# --- T ------------------------------------------------------------------------------------


def test_time_bound_fails_without_a_due_date(today: date) -> None:
    ok, reason = letter(check_smart(objective(due_date=None), today), "T")

    assert not ok
    assert "due date" in reason


def test_time_bound_fails_without_a_start_date(today: date) -> None:
    ok, reason = letter(check_smart(objective(start_date=None), today), "T")

    assert not ok
    assert "start date" in reason


def test_time_bound_fails_when_a_live_objective_is_past_due(today: date) -> None:
    report = check_smart(objective(start_date=date(2026, 6, 1), due_date=date(2026, 11, 22)), today)

    ok, reason = letter(report, "T")
    assert not ok
    assert "passed" in reason


def test_time_bound_passes_on_the_due_day(today: date) -> None:
    report = check_smart(objective(start_date=date(2026, 6, 1), due_date=today), today)

    assert letter(report, "T") == (True, "")


@pytest.mark.parametrize("status", [ObjectiveStatus.ACHIEVED, ObjectiveStatus.MISSED])
def test_time_bound_does_not_blame_a_closed_objective_for_its_past_due_date(
    today: date, status: ObjectiveStatus
) -> None:
    report = check_smart(
        objective(start_date=date(2026, 6, 1), due_date=date(2026, 10, 1), status=status), today
    )

    assert letter(report, "T") == (True, "")


def test_the_due_date_is_judged_against_the_day_given(today: date) -> None:
    item = objective(start_date=date(2026, 6, 1), due_date=date(2026, 12, 1))

    assert letter(check_smart(item, date(2026, 12, 1)), "T")[0]
    assert not letter(check_smart(item, date(2026, 12, 2)), "T")[0]


# --- The seeds' examples (Seven steps) ----------------------------------------------------


def test_the_seeds_smart_example_passes_every_letter(today: date) -> None:
    example = Objective(
        brand_id=1,
        statement="create accounts on the 3 networks most popular with my audience within a week",
        type=ObjectiveType.AWARENESS,
        metric_name="accounts created",
        baseline=0,
        target=3,
        start_date=today,
        due_date=date(2026, 11, 30),
    )

    report = check_smart(example, today)

    assert report.ok, [(item.letter, item.reason) for item in report.failing]


def test_the_seeds_counter_example_is_not_smart(today: date) -> None:
    counter = Objective(
        brand_id=1,
        statement="create profiles on every social network",
        type=ObjectiveType.AWARENESS,
    )

    report = check_smart(counter, today)

    assert not report.ok
    assert report.failing_letters == "MART"
