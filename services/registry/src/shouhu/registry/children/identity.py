"""Identity numbers (身份证号): GB 11643 checks, AES-GCM at rest, keyed hash for lookup."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from dataclasses import dataclass
from datetime import date

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from stdnum.cn import ric
from stdnum.exceptions import ValidationError


def check(number: str, *, birth_date: date, male: bool) -> str | None:
    """The number in canonical form, or why it is wrong (in Chinese)."""
    try:
        canonical = ric.validate(number)
    except ValidationError:
        return "身份证号码格式或校验位不正确"
    if len(canonical) != 18:
        return "身份证号码应为18位"
    if ric.get_birth_date(canonical) != birth_date:
        return "身份证号码中的出生日期与出生日期不一致"
    if (int(canonical[16]) % 2 == 1) != male:
        return "身份证号码中的性别与性别不一致"
    return None


def mask(number: str) -> str:
    """`110109********1234`: the division and the last four only."""
    return f"{number[:6]}{'*' * 8}{number[-4:]}"


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
