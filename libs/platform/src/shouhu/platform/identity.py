"""Identity numbers (居民身份证号码, GB 11643): the checksum, masking, AES-GCM at rest and a keyed
hash for look-ups; every service that keeps one uses these."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Annotated

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from fastapi import Depends, Request

from shouhu.platform.errors import Internal

log = logging.getLogger(__name__)
SHAPE = re.compile(r"^\d{17}[\dX]$")
SHAPE_SAID = "身份证号码应为18位（前17位为数字，末位为数字或X）"
CHECKSUM_SAID = "身份证号码格式或校验位不正确"
BIRTH_SAID = "身份证号码中的出生日期无效"
# ISO 7064 MOD 11-2 as GB 11643 uses it: digit i weighs 2^(17-i) mod 11.
_WEIGHTS = tuple(2 ** (17 - i) % 11 for i in range(17))
_CHECK_DIGITS = "10X98765432"


def check_digit(first17: str) -> str:
    """The GB 11643 check digit of the first 17 digits."""
    return _CHECK_DIGITS[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def problem(number: str) -> str | None:
    """None when the number has the shape, the check digit and a real birth date; else why not."""
    if not SHAPE.match(number):
        return SHAPE_SAID
    # The region is not checked: a number may have been issued anywhere in China, in any year,
    # under a code since retired.
    if check_digit(number[:17]) != number[-1]:
        return CHECKSUM_SAID
    try:
        birth_date(number)
    except ValueError:
        return BIRTH_SAID
    return None


def well_formed(number: str) -> bool:
    """Whether a number stands on its own: its shape, check digit and birth date."""
    return problem(number) is None


def birth_date(number: str) -> date:
    """The birth date a number carries (digits 7 to 14); `ValueError` if it is no date."""
    return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def is_male(number: str) -> bool:
    """The sequence's last digit: odd for a man, even for a woman."""
    return int(number[16]) % 2 == 1


def mask(number: str) -> str:
    """`110109************`: the region digits only (API.md). The birth date is shown beside
    the number, so a mask that kept the sequence digits would give the whole number away."""
    return f"{number[:6]}{'*' * 12}"


@dataclass(frozen=True)
class IdentityKeys:
    """Keys derived from the data key: one to encrypt, one to hash, and an id for rotation."""

    key_id: str
    cipher_key: bytes
    hash_key: bytes

    @classmethod
    def from_secret(cls, secret: str) -> IdentityKeys:
        material = HKDF(
            algorithm=hashes.SHA256(), length=64, salt=None, info=b"shouhu identity numbers"
        ).derive(secret.encode())
        key_id = hashlib.sha256(material).hexdigest()[:8]
        return cls(key_id=key_id, cipher_key=material[:32], hash_key=material[32:])

    def lookup_hash(self, number: str) -> str:
        return hmac.new(self.hash_key, number.upper().encode(), hashlib.sha256).hexdigest()

    def encrypt(self, number: str) -> str:
        nonce = os.urandom(12)
        sealed = AESGCM(self.cipher_key).encrypt(nonce, number.encode(), self.key_id.encode())
        return base64.b64encode(nonce + sealed).decode()

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        return AESGCM(self.cipher_key).decrypt(raw[:12], raw[12:], self.key_id.encode()).decode()


class KeyUnavailable(Internal):
    """A number sealed under a key the ring lacks: the settings are wrong, not the request."""

    default_message = "身份证号码的加密密钥不可用，请联系系统管理员"


@dataclass(frozen=True)
class Sealed:
    """An identity number as a file stores it: lookup hash, ciphertext, and their key's id."""

    id_number_hash: str | None
    id_number_cipher: str | None
    id_number_key_id: str | None

    def columns(self) -> dict[str, str | None]:
        return asdict(self)


@dataclass(frozen=True)
class KeyRing:
    """The current data key, which seals, and previous ones, which still open and match."""

    current: IdentityKeys
    previous: tuple[IdentityKeys, ...] = ()

    @classmethod
    def from_secrets(cls, current: str, previous: Sequence[str] = ()) -> KeyRing:
        keys = IdentityKeys.from_secret(current)
        older: dict[str, IdentityKeys] = {}
        for secret in previous:
            old = IdentityKeys.from_secret(secret)
            # The current key listed again among the previous ones changes nothing.
            if old.key_id != keys.key_id:
                older.setdefault(old.key_id, old)
        return cls(current=keys, previous=tuple(older.values()))

    @property
    def key_id(self) -> str:
        """The id of the key new numbers are sealed under."""
        return self.current.key_id

    @property
    def key_ids(self) -> tuple[str, ...]:
        return tuple(k.key_id for k in (self.current, *self.previous))

    def holds(self, key_id: str | None) -> bool:
        return key_id in self.key_ids

    def seal(self, number: str | None) -> Sealed:
        """A number's columns under the current key; all None without a number."""
        if not number:
            return Sealed(None, None, None)
        keys = self.current
        return Sealed(keys.lookup_hash(number), keys.encrypt(number), keys.key_id)

    def open(self, cipher: str, key_id: str | None) -> str:
        """The number sealed under the key of this id; `KeyUnavailable` if the ring lacks it."""
        for keys in (self.current, *self.previous):
            if keys.key_id == key_id:
                return keys.decrypt(cipher)
        log.error(
            "identity number sealed under key id %s, which the key ring (%s) lacks: "
            "add its data key to SHOUHU_PREVIOUS_DATA_KEYS",
            key_id,
            ", ".join(self.key_ids),
        )
        raise KeyUnavailable()

    def lookup_hash(self, number: str) -> str:
        """The hash a new file stores: the current key's."""
        return self.current.lookup_hash(number)

    def lookup_hashes(self, number: str) -> list[str]:
        """The number's hash under every key of the ring, the current one first."""
        # Until every file is re-encrypted, a file may carry the hash of any key of the ring.
        return [keys.lookup_hash(number) for keys in (self.current, *self.previous)]


async def get_keys(request: Request) -> KeyRing:
    """The app's key ring (`app.state.identity_keys`, set where the app is made)."""
    keys: KeyRing = request.app.state.identity_keys
    return keys


KeysDep = Annotated[KeyRing, Depends(get_keys)]
