"""What a caller sends: strict scalars, dates and enums from their JSON text, no controls."""

from datetime import date
from enum import StrEnum
from typing import Annotated

import pytest
from pydantic import Field, ValidationError

from shouhu.platform.schemas import CONTROL_MESSAGE, Input, Said


class Colour(StrEnum):
    RED = "RED"


class Item(Input):
    count: int = Field(default=0, ge=0, le=10)
    flag: bool = False
    colour: Colour = Colour.RED
    on: date | None = None


class Order(Input):
    amount_fen: int
    ratio: float = 0.5
    items: list[Item] = Field(default_factory=list)
    counts: list[int] = Field(default_factory=list)


def _refused(data: object) -> list[tuple[str, tuple[str | int, ...]]]:
    with pytest.raises(ValidationError) as caught:
        Order.model_validate(data)
    return [(e["type"], e["loc"]) for e in caught.value.errors()]


@pytest.mark.parametrize(
    ("data", "refusal"),
    [
        ({"amountFen": True}, ("int_type", ("amountFen",))),
        ({"amountFen": "12"}, ("int_type", ("amountFen",))),
        ({"amountFen": 12.0}, ("int_type", ("amountFen",))),
        ({"amountFen": 1, "ratio": "0.5"}, ("float_type", ("ratio",))),
        ({"amountFen": 1, "items": [{"flag": "yes"}]}, ("bool_type", ("items", 0, "flag"))),
        ({"amountFen": 1, "items": [{"flag": 1}]}, ("bool_type", ("items", 0, "flag"))),
        ({"amountFen": 1, "items": [{"count": "3"}]}, ("int_type", ("items", 0, "count"))),
        ({"amountFen": 1, "counts": [1, "2"]}, ("int_type", ("counts", 1))),
    ],
    ids=["true", "text", "float", "text-float", "yes", "one", "nested-text", "list-item"],
)
def test_integers_numbers_and_booleans_take_only_themselves(data, refusal):
    assert _refused(data) == [refusal]


def test_dates_and_enums_still_parse_from_their_json_text():
    order = Order.model_validate(
        {
            "amountFen": 3,
            "ratio": 1,
            "items": [{"count": 2, "flag": True, "colour": "RED", "on": "2020-02-29"}],
        }
    )
    assert order.items[0] == Item(count=2, flag=True, colour=Colour.RED, on=date(2020, 2, 29))
    assert order.ratio == 1.0  # JSON has one kind of number; an integer is a number
    assert _refused({"amountFen": 1, "items": [{"colour": "BLUE"}]}) == [
        ("enum", ("items", 0, "colour"))
    ]


def test_bounds_still_hold_and_name_their_limit():
    assert _refused({"amountFen": 1, "items": [{"count": 11}]}) == [
        ("less_than_equal", ("items", 0, "count"))
    ]


@pytest.mark.parametrize("text", ["王\x00小红", "王\x1b小红", "\u202e红小王"])
def test_text_with_controls_is_refused(text):
    class Named(Input):
        name: str

    with pytest.raises(ValidationError) as caught:
        Named.model_validate({"name": text})
    assert caught.value.errors()[0]["type"] == "control_characters"


class Page(Input):
    first: Annotated[int, Field(ge=1, le=100), Said("每页条数应在1到100之间")] = 20
    ids: Annotated[list[str], Field(max_length=2), Said("一次最多读取2份")] = Field(
        default_factory=list
    )


@pytest.mark.parametrize(
    ("data", "refusal"),
    [
        ({"first": 0}, ("out_of_bounds", "每页条数应在1到100之间")),
        ({"first": 101}, ("out_of_bounds", "每页条数应在1到100之间")),
        ({"ids": ["a", "b", "c"]}, ("out_of_bounds", "一次最多读取2份")),
        ({"first": "2"}, ("int_type", "Input should be a valid integer")),  # not a bound: as is
        ({"ids": ["a\x00"]}, ("control_characters", CONTROL_MESSAGE)),
    ],
    ids=["low", "high", "many", "wrong-type", "control"],
)
def test_a_bound_is_refused_in_the_fields_own_words_and_other_errors_as_they_are(data, refusal):
    with pytest.raises(ValidationError) as caught:
        Page.model_validate(data)
    (error,) = caught.value.errors()
    assert (error["type"], error["msg"]) == refusal


def test_a_bound_said_in_words_stays_in_the_schema():
    first = Page.model_json_schema(by_alias=True)["properties"]["first"]
    assert (first["minimum"], first["maximum"]) == (1, 100)
