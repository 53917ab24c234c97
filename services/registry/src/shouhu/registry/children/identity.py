"""Identity numbers (身份证号): GB 11643 checks, AES-GCM at rest, keyed hash for lookup."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import date

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from stdnum.cn import ric

SHAPE = re.compile(r"^\d{17}[\dX]$")


def check(number: str, *, birth_date: date, male: bool) -> str | None:
    """None when the number is valid and agrees with birth date and gender; else why not."""
    if not SHAPE.match(number):
        return "身份证号码应为18位（前17位为数字，末位为数字或X）"
    # The region is not checked: stdnum's table of region codes is incomplete, and a child's
    # number may have been issued anywhere in China, in any year.
    if ric.calc_check_digit(number) != number[-1]:
        return "身份证号码格式或校验位不正确"
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return "身份证号码中的出生日期无效"
    if born != birth_date:
        return "身份证号码中的出生日期与出生日期不一致"
    if (int(number[16]) % 2 == 1) != male:
        return "身份证号码中的性别与性别不一致"
    return None


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
