"""Statistics: counts as of any day, divisions below, the trend, and who may see them."""

from datetime import date, timedelta

import pytest
from sqlmodel import Session

from shouhu.platform.clock import today
from shouhu.registry.children.repository import classifications_of
from shouhu.registry.children.service import refresh_periods
from shouhu.registry.models import Child
from shouhu.registry.statistics.service import month_ends

CLERK = "clerk.district"


def _backdate(registry, child_id: str, registered_on: date) -> None:
    """As if the file had been opened earlier."""
    with Session(registry.app.state.engine) as session:
        child = session.get(Child, child_id)
        assert child is not None
        child.registered_on = registered_on
        refresh_periods(session, child, classifications_of(session, child_id))
        session.add(child)
        session.commit()


def _classify(registry, as_user, child, items):
    response = registry.post(
        f"/children/{child['id']}/classifications",
        params={"version": child["version"]},
        json={"classifications": items},
        headers=as_user(CLERK),
    )
    assert response.status_code == 200, response.text
    return response.json()


def _count(counts, key):
    return next(c["count"] for c in counts if c["key"] == key)


@pytest.fixture
def population(registry, as_user, register):
    """Three children registered a year ago; one became an orphan 60 days ago."""
    year_ago = today() - timedelta(days=365)
    a = register(name="甲", seq=1)
    b = register(name="乙", seq=2, village="110109101001")
    c = register(name="丙", seq=3, village="110109001002")
    since = (today() - timedelta(days=60)).isoformat()
    _classify(
        registry, as_user, a, [{"group": "GUARDIANSHIP_LACK", "subtype": "ORPHAN", "since": since}]
    )
    _classify(
        registry,
        as_user,
        b,
        [
            {"group": "LEFT_BEHIND", "subtype": "BOTH_PARENTS_AWAY", "since": year_ago.isoformat()},
            {
                "group": "ILLNESS_DISABILITY",
                "subtype": "HIV_AFFECTED",
                "since": year_ago.isoformat(),
            },
        ],
    )
    for child in (a, b, c):
        _backdate(registry, str(child["id"]), year_ago)
    return {"a": a, "b": b, "c": c}


def test_counts_today_for_the_district_and_its_towns(registry, as_user, population):
    stats = registry.get("/statistics/110109", headers=as_user("admin.district")).json()
    counts = stats["counts"]
    assert counts["total"] == 3
    assert counts["leftBehind"] == 1
    assert _count(counts["byPrimaryCategory"], "HARDSHIP") == 2
    assert _count(counts["byPrimaryCategory"], "NONE") == 1
    assert _count(counts["byGroup"], "GUARDIANSHIP_LACK") == 1
    assert _count(counts["bySubtype"], "HIV_AFFECTED") == 1
    towns = {t["divisionCode"]: t for t in stats["children"]}
    assert len(towns) == 13
    assert towns["110109001"]["total"] == 2
    assert towns["110109101"]["total"] == 1
    assert towns["110109104"]["total"] == 0


def test_as_of_a_past_day(registry, as_user, population):
    day = (today() - timedelta(days=90)).isoformat()
    stats = registry.get(
        "/statistics/110109001", params={"as_of": day}, headers=as_user("worker.110109001")
    ).json()
    # Ninety days ago the orphan was not yet classified.
    assert stats["counts"]["total"] == 2
    assert _count(stats["counts"]["byPrimaryCategory"], "HARDSHIP") == 0
    villages = {v["divisionCode"]: v["total"] for v in stats["children"]}
    assert villages["110109001001"] == 1 and villages["110109001002"] == 1
    before = registry.get(
        "/statistics/110109",
        params={"as_of": (today() - timedelta(days=400)).isoformat()},
        headers=as_user("admin.district"),
    ).json()
    assert before["counts"]["total"] == 0


def test_the_trend_has_twelve_month_ends(registry, as_user, population):
    trend = registry.get("/statistics/110109", headers=as_user("admin.district")).json()["trend"]
    assert len(trend) == 12
    assert trend[-1]["on"] == today().isoformat()
    assert trend[-1] == {
        **trend[-1],
        "total": 3,
        "hardship": 2,
        "leftBehind": 0,
        "none": 1,
    }
    assert [p["month"] for p in trend] == sorted(p["month"] for p in trend)
    # Three months ago the orphan was still counted as NONE.
    three_months_ago = trend[-4]
    assert (three_months_ago["hardship"], three_months_ago["none"]) == (1, 2)


def test_month_ends():
    assert month_ends(date(2026, 3, 15), 4) == [
        date(2025, 12, 31),
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 15),
    ]


def test_hiv_counts_only_for_roles_that_need_them(registry, as_user, population, register):
    child = register(name="丁", seq=9)
    since = (today() - timedelta(days=1)).isoformat()
    _classify(
        registry,
        as_user,
        child,
        [{"group": "ILLNESS_DISABILITY", "subtype": "HIV_AFFECTED", "since": since}],
    )
    clerk = registry.get("/statistics/110109", headers=as_user(CLERK)).json()["counts"]
    assert "HIV_AFFECTED" not in {c["key"] for c in clerk["bySubtype"]}
    admin = registry.get("/statistics/110109", headers=as_user("admin.district")).json()["counts"]
    assert _count(admin["bySubtype"], "HIV_AFFECTED") == 2  # one in the population, and 丁
    # Shown as seriously ill: the same total, nothing to subtract.
    assert (
        _count(clerk["bySubtype"], "SERIOUSLY_ILL")
        == _count(admin["bySubtype"], "SERIOUSLY_ILL") + 2
    )
    assert clerk["byGroup"] == admin["byGroup"]


def test_a_role_that_reads_no_file_sees_small_cells_as_fewer_than_five(
    registry, as_user, population
):
    stats = registry.get("/statistics/110109", headers=as_user("auditor.district")).json()
    counts = stats["counts"]
    assert counts["total"] is None and "total" in counts["suppressed"]  # three children
    assert {c["shown"] for c in counts["byPrimaryCategory"] if c["count"] is None} == {"<5"}
    for row in [counts, *stats["children"]]:
        shown = [c["count"] for c in row["byPrimaryCategory"]]
        assert all(n is None or n == 0 or n >= 5 for n in shown)
    for point in stats["trend"]:
        assert all(point[k] is None or point[k] == 0 or point[k] >= 5 for k in ("total", "none"))
    readers = registry.get("/statistics/110109", headers=as_user(CLERK)).json()["counts"]
    assert readers["total"] == 3 and readers["suppressed"] == []


@pytest.mark.parametrize(
    ("username", "division", "status"),
    [
        ("auditor.district", "110109", 200),
        ("police.district", "110109001", 200),
        ("worker.110109001", "110109001", 200),
        ("worker.110109001", "110109101", 404),
        ("supervisor.110109001001", "110109001", 404),
        ("supervisor.110109001001", "110109001001", 200),
        ("reporter.school.110109001", "110109001", 403),
        ("admin.district", "999", 404),
    ],
)
def test_scope_of_statistics(registry, as_user, username, division, status):
    response = registry.get(f"/statistics/{division}", headers=as_user(username))
    assert response.status_code == status, response.text


def test_a_future_day_is_refused(registry, as_user):
    response = registry.get(
        "/statistics/110109",
        params={"as_of": (today() + timedelta(days=1)).isoformat()},
        headers=as_user("admin.district"),
    )
    assert response.status_code == 422
    assert "asOf" in response.json()["fields"]


@pytest.mark.parametrize("day", ["0001-01-01", "1899-12-31"])
def test_statistics_as_of_a_day_before_any_record_is_refused(registry, as_user, day):
    response = registry.get(
        "/statistics/110109", params={"as_of": day}, headers=as_user("admin.district")
    )
    assert response.status_code == 422, response.text
    assert response.json()["fields"] == {"asOf": "统计日期不能早于1900年"}


@pytest.mark.parametrize("day", ["0", "2024-01-01T00:00:00", "20240101"])
def test_statistics_as_of_a_day_not_written_as_a_day_is_refused(registry, as_user, day):
    response = registry.get(
        "/statistics/110109", params={"as_of": day}, headers=as_user("admin.district")
    )
    assert response.status_code == 422, response.text
    assert response.json()["fields"] == {"as_of": "日期格式应为 YYYY-MM-DD"}
