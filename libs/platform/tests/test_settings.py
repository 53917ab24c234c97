"""Secrets outside embedded mode: no placeholder, and at least 32 random bytes."""

import secrets

import pytest
from pydantic import ValidationError

from shouhu.platform.settings import Mode, ServiceSettings, random_bytes

GOOD = secrets.token_urlsafe(32)


@pytest.mark.parametrize("weak", ["", "a", "changeme", "dev-placeholder-x", "c2hvcnQ=", "!" * 64])
def test_production_refuses_a_weak_data_key(weak: str) -> None:
    with pytest.raises(ValidationError) as caught:
        ServiceSettings(mode=Mode.PRODUCTION, data_key=weak, gateway_key=GOOD)
    assert "data_key" in str(caught.value)


def test_production_refuses_a_weak_gateway_key() -> None:
    with pytest.raises(ValidationError, match="gateway_key"):
        ServiceSettings(mode=Mode.PRODUCTION, data_key=GOOD, gateway_key="gateway")


@pytest.mark.parametrize(
    "good", [GOOD, secrets.token_hex(0) + secrets.token_urlsafe(48), "A" * 43 + "="]
)
def test_production_takes_32_random_bytes_in_base64(good: str) -> None:
    settings = ServiceSettings(mode=Mode.PRODUCTION, data_key=good, gateway_key=GOOD)
    assert settings.data_key == good


def test_embedded_mode_keeps_its_placeholders() -> None:
    assert ServiceSettings().data_key.startswith("dev-placeholder")


def test_random_bytes_reads_both_alphabets_with_or_without_padding() -> None:
    assert random_bytes("AAAA") == 3
    assert random_bytes("-_-_") == random_bytes("+/+/") == 3
    assert random_bytes("AAA") == 2  # padding left out
    assert random_bytes("not base64 at all!") == 0
