"""The policy table: who acts for which organisation's records."""

from __future__ import annotations

from shouhu.platform.auth import Principal
from shouhu.volunteers import policy


def who(role: str, division: str = "110109") -> Principal:
    return Principal(subject=role, username=role, roles=frozenset({role}), division_code=division)


def test_the_youth_league_at_the_district_writes_for_every_organisation():
    league = who("youth_league")
    assert policy.registrar(league)
    assert all(policy.writes_for(league, r.value) for r in policy.FEDERATION_ROLES)
    assert policy.acting_roles(league) is None
    assert not policy.registrar(who("youth_league", "110109001"))


def test_another_federation_writes_and_reads_for_its_own_organisations_only():
    union = who("trade_union")
    assert policy.writes_for(union, "trade_union")
    assert not policy.writes_for(union, "youth_league")
    assert policy.acting_roles(union) == frozenset({"trade_union"})
    assert not policy.writes_for(who("trade_union", "110109001"), "trade_union")


def test_readers_who_write_nothing():
    for role in ("civil_affairs", "town_social_worker"):
        assert policy.acting_roles(who(role)) is None
        assert not policy.writes_for(who(role), "youth_league")
    assert policy.acting_roles(who("education")) == frozenset()
    assert not policy.acts_for(who("volunteer"), "volunteer")
