"""`python -m shouhu.registry.keys status|reencrypt`: move identity numbers to the current key."""

import sys

from shouhu.platform import rekey
from shouhu.registry.keys import CHILD
from shouhu.registry.settings import RegistrySettings


def main(argv: list[str]) -> int:
    return rekey.main(
        argv,
        prog="python -m shouhu.registry.keys",
        settings=RegistrySettings,
        table=CHILD,
        noun="档案",
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
