"""Tests of the KPI arithmetic: the pace of an objective (least-squares fit, projection,
verdict), the engagement rate, the "to adjust" list and the report periods."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from smtui.domain.engagement import engagement_rate, rate_text
from smtui.domain.kpi import kpi_period
from smtui.domain.pace import PaceVerdict, compute_pace, fit_line, is_decreasing
from smtui.domain.validation import DomainError

TODAY = date(2026, 11, 23)


def line(slope: float, start: float, days: int = 10) -> list[tuple[date, float]]:
    """Exact points ending yesterday: start + slope * index."""
    first = TODAY - timedelta(days=days)
    return [(first + timedelta(days=index), start + slope * index) for index in range(days)]


def test_fit_line_is_exact_on_points_of_a_line() -> None:
    fitted = fit_line(line(2.5, 100))
    assert fitted is not None
    assert fitted.slope == pytest.approx(2.5)
    assert fitted.at(TODAY - timedelta(days=10)) == pytest.approx(100)


def test_fit_line_of_noisy_points_is_the_least_squares_slope() -> None:
    # x = 0, 1, 2; y = 0, 2, 1: slope = sum((x-1)(y-1)) / sum((x-1)^2) = 1/2
    points = [(TODAY, 0.0), (TODAY + timedelta(days=1), 2.0), (TODAY + timedelta(days=2), 1.0)]
    fitted = fit_line(points)
    assert fitted is not None
    assert fitted.slope == pytest.approx(0.5)
    assert fitted.intercept == pytest.approx(0.5)


def test_exact_fit_projects_the_line_to_the_due_date() -> None:
    points = line(5, 1000)  # latest (yesterday) = 1045
    pace = compute_pace(
        points, target=1300, due_date=TODAY + timedelta(days=60), today=TODAY, baseline=1000
    )
    assert pace.current_rate == pytest.approx(5)
    assert pace.projected == pytest.approx(1045 + 5 * 61)
    assert pace.required_rate == pytest.approx((1300 - 1045) / 60)
    assert pace.days_left == 60
    assert pace.verdict is PaceVerdict.ON_TRACK
    assert pace.progress == pytest.approx(45 / 300)


@pytest.mark.parametrize(
    ("slope", "verdict"),
    [(6.0, PaceVerdict.ON_TRACK), (5.6, PaceVerdict.AT_RISK), (3.0, PaceVerdict.BEHIND)],
)
def test_verdict_thresholds(slope: float, verdict: PaceVerdict) -> None:
    # From 0 towards 1000 in 160 days from yesterday's value (slope*9).
    points = line(slope, 0)
    latest = slope * 9
    due = TODAY + timedelta(days=159)
    pace = compute_pace(points, target=1000, due_date=due, today=TODAY, baseline=0)
    assert pace.projected == pytest.approx(latest + slope * 160)
    assert pace.verdict is verdict


def test_too_few_points_gives_no_verdict_and_says_why() -> None:
    one_day = [(TODAY - timedelta(days=1), 50.0), (TODAY - timedelta(days=1), 52.0)]
    pace = compute_pace(one_day, target=100, due_date=TODAY + timedelta(days=30), today=TODAY)
    assert pace.verdict is None
    assert "too few points" in pace.reason
    assert pace.latest == 52.0
    assert pace.required_rate == pytest.approx(48 / 30)


def test_points_older_than_the_window_do_not_count() -> None:
    old = [(TODAY - timedelta(days=90), 10.0), (TODAY - timedelta(days=60), 20.0)]
    recent = [(TODAY - timedelta(days=2), 30.0)]
    pace = compute_pace(old + recent, target=100, due_date=TODAY + timedelta(days=30), today=TODAY)
    assert pace.verdict is None
    assert "too few points" in pace.reason


def test_no_target_or_values_or_due_date() -> None:
    assert compute_pace(line(1, 1), target=None, due_date=TODAY, today=TODAY).reason == (
        "no target set"
    )
    assert compute_pace([], target=5, due_date=TODAY, today=TODAY).reason == "no value logged yet"
    pace = compute_pace(line(1, 1), target=50, due_date=None, today=TODAY)
    assert pace.verdict is None and pace.reason == "no due date set"


def test_past_due_is_behind_unless_reached() -> None:
    due = TODAY - timedelta(days=3)
    missed = compute_pace(line(1, 0), target=100, due_date=due, today=TODAY, baseline=0)
    assert missed.past_due and missed.verdict is PaceVerdict.BEHIND
    assert missed.projected == missed.latest == 9
    assert missed.days_left == -3
    reached = compute_pace(line(20, 0), target=100, due_date=due, today=TODAY, baseline=0)
    assert reached.verdict is PaceVerdict.ON_TRACK and reached.reached


def test_lower_is_better_target_below_baseline() -> None:
    # Median reply time from 8 h towards 2 h, falling 0.032 h a day.
    points = line(-0.032, 6.0)  # latest 5.712
    due = TODAY + timedelta(days=100)
    pace = compute_pace(points, target=2, due_date=due, today=TODAY, baseline=8)
    assert pace.decreasing
    assert pace.projected == pytest.approx(5.712 - 0.032 * 101)
    assert pace.verdict is PaceVerdict.AT_RISK  # 2.48 h: 92% of the 6 h way down
    assert pace.required_rate == pytest.approx((2 - 5.712) / 100)
    faster = compute_pace(line(-0.1, 6.0), target=2, due_date=due, today=TODAY, baseline=8)
    assert faster.verdict is PaceVerdict.ON_TRACK
    rising = compute_pace(line(0.02, 6.0), target=2, due_date=due, today=TODAY, baseline=8)
    assert rising.verdict is PaceVerdict.BEHIND


def test_direction_without_baseline_follows_the_metric_flag() -> None:
    assert is_decreasing(8, 2)
    assert not is_decreasing(2, 8)
    assert is_decreasing(None, 2, higher_is_better=False)
    assert not is_decreasing(None, 2)
    pace = compute_pace(
        line(-0.1, 6.0),
        target=3,
        due_date=TODAY + timedelta(days=40),
        today=TODAY,
        higher_is_better=False,
    )
    assert pace.decreasing and pace.verdict is PaceVerdict.ON_TRACK


def test_target_already_reached_is_on_track() -> None:
    pace = compute_pace(
        line(-1, 200), target=150, due_date=TODAY + timedelta(days=10), today=TODAY, baseline=100
    )
    assert pace.reached and pace.verdict is PaceVerdict.ON_TRACK


def test_engagement_rate_falls_back_to_reach() -> None:
    assert engagement_rate(50, 1000, 400) == pytest.approx(0.05)
    assert engagement_rate(50, None, 400) == pytest.approx(0.125)
    assert engagement_rate(50, 0, 400) == pytest.approx(0.125)
    assert engagement_rate(50, None, None) is None
    assert engagement_rate(50, 0, 0) is None
    assert engagement_rate(None, 1000, 400) is None
    assert rate_text(0.04267) == "4.3%"
    assert rate_text(None) == "—"


def test_kpi_periods() -> None:
    four = kpi_period("4w", TODAY)
    assert (four.first, four.last) == (date(2026, 10, 27), TODAY)
    assert kpi_period("quarter", TODAY).first == date(2026, 8, 24)
    assert kpi_period("year", TODAY).first == date(2025, 11, 24)
    custom = kpi_period("2026-01-01:2026-03-31", TODAY)
    assert (custom.first, custom.last, custom.key) == (
        date(2026, 1, 1),
        date(2026, 3, 31),
        "custom",
    )
    start, end = four.utc_bounds("America/Toronto")
    assert start.isoformat() == "2026-10-27T04:00:00+00:00"
    assert end.isoformat() == "2026-11-24T05:00:00+00:00"  # DST ended on Nov 1
    for bad in ("month", "2026-02-30:2026-03-01", "2026-03-01:2026-01-01"):
        with pytest.raises(DomainError):
            kpi_period(bad, TODAY)
