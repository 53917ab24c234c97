"""`python -m shouhu.volunteers.keys status|reencrypt`: move identity numbers to the current key."""

import sys

from shouhu.platform import rekey
from shouhu.volunteers.keys import VOLUNTEER
from shouhu.volunteers.settings import VolunteersSettings


def main(argv: list[str]) -> int:
    return rekey.main(
        argv,
        prog="python -m shouhu.volunteers.keys",
        settings=VolunteersSettings,
        table=VOLUNTEER,
        noun="志愿者",
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
