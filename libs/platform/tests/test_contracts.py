"""Event schema compatibility rules."""

from shouhu.platform.contracts import incompatibilities

V1 = {
    "properties": {
        "childId": {"type": "string"},
        "birthDate": {"type": "string", "format": "date"},
        "note": {"type": "string"},
    },
    "required": ["childId", "birthDate"],
}


def test_identical_is_compatible():
    assert incompatibilities(V1, V1) == []


def test_adding_an_optional_field_is_compatible():
    grown = {**V1, "properties": {**V1["properties"], "extra": {"type": "integer"}}}
    assert incompatibilities(V1, grown) == []


def test_removing_renaming_or_retyping_breaks():
    renamed = {
        "properties": {"id": {"type": "string"}, "birthDate": {"type": "string"}},
        "required": ["id", "birthDate"],
    }
    assert incompatibilities(V1, renamed) == [
        "required field childId was removed",
        "field birthDate changed type",
        "new field id is required",
    ]


def test_making_a_required_field_optional_breaks():
    loosened = {**V1, "required": ["childId"]}
    assert incompatibilities(V1, loosened) == ["required field birthDate became optional"]
