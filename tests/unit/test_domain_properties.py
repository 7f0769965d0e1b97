"""Property tests: whatever text and numbers a user types, the domain validators either
accept them or answer with a message naming a field, never with another exception."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from rich.cells import cell_len

from smtui.domain.models import Brand, Channel, Objective, Pillar
from smtui.domain.text import one_line, strip_controls
from smtui.domain.validation import field_errors
from smtui.widgets.literal import literal_line

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
typed = st.one_of(st.none(), st.text(max_size=40), st.integers(), st.floats(allow_nan=True))


def accepts_or_names_fields(model: type, data: dict[str, object]) -> None:
    try:
        model.model_validate(data)
    except ValidationError as error:
        errors = field_errors(error)
        assert errors, "a rejection must say why"
        assert all(isinstance(message, str) and message for message in errors.values())
        assert set(errors) <= set(model.model_fields) | {""}


@settings(max_examples=200, deadline=None)
@given(
    platform=typed,
    handle=typed,
    url=typed,
    char_limit=typed,
    cadence_min=typed,
    cadence_max=typed,
)
def test_channel_input_is_accepted_or_named(**data: object) -> None:
    accepts_or_names_fields(Channel, {"brand_id": 1, **data})


@settings(max_examples=200, deadline=None)
@given(
    statement=typed,
    type=st.one_of(typed, st.sampled_from(["awareness", "leads"])),
    baseline=typed,
    target=typed,
    start_date=st.one_of(typed, st.dates().map(str)),
    due_date=st.one_of(typed, st.dates().map(str)),
)
def test_objective_input_is_accepted_or_named(**data: object) -> None:
    accepts_or_names_fields(Objective, {"brand_id": 1, **data})


@settings(max_examples=200, deadline=None)
@given(name=typed, target_share=typed, colour=typed)
def test_pillar_input_is_accepted_or_named(**data: object) -> None:
    accepts_or_names_fields(Pillar, {"brand_id": 1, **data})


@settings(max_examples=200, deadline=None)
@given(name=typed, timezone=typed)
def test_brand_input_is_accepted_or_named(**data: object) -> None:
    accepts_or_names_fields(Brand, data)


@given(st.text())
def test_strip_controls_leaves_no_control_and_keeps_the_rest(text: str) -> None:
    cleaned = strip_controls(text)
    assert not CONTROL.search(cleaned)
    assert strip_controls(cleaned) == cleaned
    assert cleaned.count("\n") == text.count("\n")
    assert cleaned.count("\t") == text.count("\t")


@given(st.text(), st.integers(min_value=1, max_value=80))
def test_one_line_fits_its_width(text: str, width: int) -> None:
    line = one_line(text, width)
    assert len(line) <= width
    assert "\n" not in line


@given(st.text(), st.integers(min_value=1, max_value=80))
def test_a_table_cell_fits_its_width_in_cells(text: str, width: int) -> None:
    line = literal_line(text, width)
    assert cell_len(line.plain) <= width
    assert "\n" not in line.plain
