"""Mainland mobile numbers: the platform's one rule (`shouhu.platform.mobile`), named here too."""

from shouhu.platform.mobile import MOBILE_MESSAGE, MobileNumber, is_mobile, masked

__all__ = ["MOBILE_MESSAGE", "MobileNumber", "is_mobile", "masked"]
