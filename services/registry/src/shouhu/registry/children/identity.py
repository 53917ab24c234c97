"""Identity numbers of children: the platform's GB 11643 check, held against the file's birth
date and gender."""

from __future__ import annotations

from datetime import date

from shouhu.platform import identity


def check(number: str, *, birth_date: date, male: bool) -> str | None:
    """None when the number is valid and agrees with birth date and gender; else why not."""
    found = identity.problem(number)
    if found is not None:
        return found
    if identity.birth_date(number) != birth_date:
        return "身份证号码中的出生日期与出生日期不一致"
    if identity.is_male(number) != male:
        return "身份证号码中的性别与性别不一致"
    return None
