"""Days a caller gives: ISO text, from 1900 on, not after today or at most ten years ahead."""

from datetime import date, timedelta
from typing import Annotated

import pytest
from pydantic import ValidationError

from shouhu.platform.clock import today
from shouhu.platform.schemas import Day, Input, PastDate, PlausibleDate


class Visit(Input):
    visited_on: Annotated[date, Day("走访日期")]
    next_due: Annotated[date, Day("下次走访日期", ahead=True)] | None = None
    born: PastDate | None = None
    due: PlausibleDate | None = None


def _refusal(**data: object) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        Visit.model_validate({"visitedOn": "2024-01-01", **data})
    (error,) = caught.value.errors()
    return error["type"], error["msg"]


@pytest.mark.parametrize(
    ("data", "refusal"),
    [
        ({"visitedOn": "0197-06-01"}, ("date_too_early", "走访日期不能早于1900年1月1日")),
        ({"visitedOn": "1899-12-31"}, ("date_too_early", "走访日期不能早于1900年1月1日")),
        ({"visitedOn": "TOMORROW"}, ("date_in_future", "走访日期不能晚于今天")),
        ({"nextDue": "0001-01-01"}, ("date_too_early", "下次走访日期不能早于1900年1月1日")),
        ({"nextDue": "9999-12-31"}, ("date_too_late", "下次走访日期不能晚于10年后的今天")),
        ({"born": "TOMORROW"}, ("date_in_future", "日期不能晚于今天")),
        ({"due": "1000-01-01"}, ("date_too_early", "日期不能早于1900年1月1日")),
        ({"visitedOn": 0}, ("date_type", "日期格式应为 YYYY-MM-DD")),
        ({"visitedOn": True}, ("date_type", "日期格式应为 YYYY-MM-DD")),
        ({"visitedOn": "0"}, ("date_type", "日期格式应为 YYYY-MM-DD")),
        ({"visitedOn": "2024-01-01T00:00:00"}, ("date_type", "日期格式应为 YYYY-MM-DD")),
    ],
    ids=[
        "year-197",
        "1899",
        "tomorrow",
        "year-1",
        "year-9999",
        "past",
        "plausible",
        "0",
        "true",
        "text-0",
        "midnight",
    ],
)
def test_a_day_that_cannot_be_true_is_refused_naming_it(data, refusal):
    tomorrow = (today() + timedelta(days=1)).isoformat()
    assert _refusal(**{k: tomorrow if v == "TOMORROW" else v for k, v in data.items()}) == refusal


def test_the_bounds_themselves_are_taken():
    now = today()
    ten_years_on = date(
        now.year + 10, now.month, now.day if (now.month, now.day) != (2, 29) else 28
    )
    visit = Visit.model_validate(
        {"visitedOn": "1900-01-01", "nextDue": ten_years_on.isoformat(), "born": now.isoformat()}
    )
    assert visit.visited_on == date(1900, 1, 1) and visit.born == now
    assert Visit(visited_on=now).visited_on == now  # from Python, a date


def test_a_day_is_still_documented_as_a_date():
    visited_on = Visit.model_json_schema(by_alias=True)["properties"]["visitedOn"]
    assert (visited_on["type"], visited_on["format"]) == ("string", "date")
