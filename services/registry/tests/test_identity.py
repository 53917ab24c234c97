"""Identity numbers: checks, masking, encryption and lookup hashes."""

from datetime import date

from stdnum.cn import ric

from shouhu.platform.testing import identity_number
from shouhu.registry.children.identity import IdentityKeys, check, mask

BIRTH = date(2012, 8, 1)


def test_a_valid_number_passes():
    assert check(identity_number(BIRTH, male=True), birth_date=BIRTH, male=True) is None


def test_a_wrong_check_digit_fails():
    number = identity_number(BIRTH, male=True)
    broken = number[:-1] + ("1" if number[-1] == "0" else "0")
    assert check(broken, birth_date=BIRTH, male=True) == "身份证号码格式或校验位不正确"


def test_the_birth_date_must_agree():
    number = identity_number(BIRTH, male=True)
    assert check(number, birth_date=date(2012, 8, 2), male=True) == (
        "身份证号码中的出生日期与出生日期不一致"
    )


def test_the_gender_must_agree():
    number = identity_number(BIRTH, male=False)
    assert check(number, birth_date=BIRTH, male=True) == "身份证号码中的性别与性别不一致"


def test_fifteen_digit_numbers_are_refused():
    assert check("110109120801001", birth_date=BIRTH, male=True) is not None


def test_mask_keeps_the_division_and_the_last_four():
    assert mask("110109201208010011") == "110109************"


def test_encryption_round_trips_and_hides_the_number():
    keys = IdentityKeys.from_secret("a secret of the district")
    number = identity_number(BIRTH, male=True)
    sealed = keys.encrypt(number)
    assert number not in sealed
    assert keys.encrypt(number) != sealed  # a fresh nonce each time
    assert keys.decrypt(sealed) == number


def test_lookup_hash_is_stable_and_keyed():
    number = identity_number(BIRTH, male=True)
    one = IdentityKeys.from_secret("key one")
    two = IdentityKeys.from_secret("key two")
    assert one.lookup_hash(number) == one.lookup_hash(number.lower())
    assert one.lookup_hash(number) != two.lookup_hash(number)
    assert one.key_id != two.key_id


def test_numbers_from_any_region_are_checked_by_checksum_alone():
    for region in ("110000", "999999", "710000", "820000"):
        number = identity_number(BIRTH, male=True, division=region)
        assert check(number, birth_date=BIRTH, male=True) is None, region


def test_an_impossible_birth_date_in_the_number_fails():
    body = "11010920130230001"
    number = body + ric.calc_check_digit(body + "0")
    assert check(number, birth_date=BIRTH, male=True) == "身份证号码中的出生日期无效"
