"""Every role has the Chinese name the console shows its holders."""

from shouhu.platform.auth import Role
from shouhu.platform.labels import ROLE_NAMES


def test_every_role_has_a_chinese_name():
    assert set(ROLE_NAMES) == {role.value for role in Role}
    assert all(name and name.isascii() is False for name in ROLE_NAMES.values())
