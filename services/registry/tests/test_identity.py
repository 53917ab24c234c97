"""Identity numbers: checks, masking, encryption and lookup hashes."""

from datetime import date

import pytest
from cryptography.exceptions import InvalidTag
from pydantic import ValidationError
from stdnum.cn import ric

from shouhu.platform.identity import (
    IdentityKeys,
    KeyRing,
    KeyUnavailable,
    Sealed,
    mask,
)
from shouhu.platform.testing import identity_number
from shouhu.registry.children.identity import check
from shouhu.registry.settings import RegistrySettings

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


def test_the_ring_seals_under_the_current_key():
    ring = KeyRing.from_secrets("key two", ["key one"])
    number = identity_number(BIRTH, male=True)
    sealed = ring.seal(number)
    two = IdentityKeys.from_secret("key two")
    assert sealed.id_number_key_id == two.key_id == ring.key_id
    assert sealed.id_number_hash == two.lookup_hash(number)
    assert two.decrypt(sealed.id_number_cipher or "") == number
    assert ring.seal(None) == Sealed(None, None, None)


def test_the_ring_opens_what_a_previous_key_sealed():
    one = IdentityKeys.from_secret("key one")
    number = identity_number(BIRTH, male=True)
    # Sealed the way every file was before the ring: ciphertext, with the key id beside it.
    cipher = one.encrypt(number)
    ring = KeyRing.from_secrets("key two", ["key one"])
    assert ring.open(cipher, one.key_id) == number
    assert ring.lookup_hashes(number) == [
        IdentityKeys.from_secret("key two").lookup_hash(number),
        one.lookup_hash(number),
    ]


def test_a_key_id_the_ring_lacks_is_a_clear_error_and_a_log_line(caplog):
    one = IdentityKeys.from_secret("key one")
    cipher = one.encrypt(identity_number(BIRTH, male=True))
    ring = KeyRing.from_secrets("key two")
    with pytest.raises(KeyUnavailable) as caught:
        ring.open(cipher, one.key_id)
    assert caught.value.to_dict() == {
        "code": "INTERNAL",
        "message": "身份证号码的加密密钥不可用，请联系系统管理员",
    }
    assert one.key_id not in caught.value.message
    assert f"key id {one.key_id}" in caplog.text
    assert "SHOUHU_PREVIOUS_DATA_KEYS" in caplog.text


def test_a_ciphertext_does_not_open_under_another_key_id():
    one, two = IdentityKeys.from_secret("key one"), IdentityKeys.from_secret("key two")
    ring = KeyRing.from_secrets("key two", ["key one"])
    # The key id is authenticated: a ciphertext labelled with the wrong key fails.
    with pytest.raises(InvalidTag):
        ring.open(one.encrypt("110109201208010011"), two.key_id)


def test_the_current_key_listed_as_previous_is_held_once():
    ring = KeyRing.from_secrets("key two", ["key two", "key one", "key one"])
    assert ring.key_ids == (
        IdentityKeys.from_secret("key two").key_id,
        IdentityKeys.from_secret("key one").key_id,
    )


def test_previous_keys_come_from_a_json_list_and_may_be_weak(monkeypatch):
    strong = "YS1yZWFsLWRhdGEta2V5LWZvci10aGUtdGVzdHMtMDEyMzQ1Njc4OQ=="
    monkeypatch.setenv("SHOUHU_MODE", "production")
    monkeypatch.setenv("SHOUHU_DATA_KEY", strong)
    monkeypatch.setenv("SHOUHU_GATEWAY_KEY", strong)
    # The weak key production once accepted is the one being rotated away from.
    monkeypatch.setenv("SHOUHU_PREVIOUS_DATA_KEYS", '["changeme"]')
    assert RegistrySettings().previous_data_keys == ["changeme"]
    monkeypatch.setenv("SHOUHU_PREVIOUS_DATA_KEYS", '[""]')
    with pytest.raises(ValidationError, match="empty previous data key"):
        RegistrySettings()
    monkeypatch.delenv("SHOUHU_PREVIOUS_DATA_KEYS")
    assert RegistrySettings().previous_data_keys == []
