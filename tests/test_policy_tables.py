"""Each service owns its policy table; where they speak of the same thing, they agree."""

from shouhu.benefits import policy as benefits
from shouhu.benefits.rules.schema import Subtype
from shouhu.platform.auth import Role
from shouhu.registry import policy as registry
from shouhu.registry.classifications.taxonomy import ClassificationSubtype

Part = registry.Part


def test_the_roles_that_read_benefits_are_those_whose_file_view_has_them():
    readers = {role for role, view in registry.FILE_VIEW.items() if Part.BENEFITS in view}
    assert readers == benefits.READ_ROLES


def test_the_roles_with_health_detail_agree():
    for role in Role:
        view = registry.FILE_VIEW.get(role, frozenset())
        in_registry = Part.HEALTH in view and Part.BENEFITS in view
        assert (role in benefits.HEALTH_DETAIL_ROLES) is in_registry, role


def test_a_subtype_is_disclosed_as_the_same_one_by_both():
    assert benefits.DISCLOSED_AS == registry.DISCLOSED_AS
    for subtype in (*benefits.DISCLOSED_AS, *benefits.DISCLOSED_AS.values()):
        assert Subtype(subtype).value == ClassificationSubtype(subtype).value
