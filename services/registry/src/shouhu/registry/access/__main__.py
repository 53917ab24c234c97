"""`python -m shouhu.registry.access verify`: check the chain, name the first broken link."""

import sys

from shouhu.platform.db import make_engine
from shouhu.registry.access.service import seal, verify
from shouhu.registry.settings import RegistrySettings


def main(argv: list[str]) -> int:
    if argv[1:] not in (["verify"], ["seal"]):
        print("usage: python -m shouhu.registry.access verify|seal", file=sys.stderr)
        return 2
    engine = make_engine(RegistrySettings().database_url)
    if argv[1] == "seal":
        while seal(engine):
            pass
        return 0
    report = verify(engine)
    print(report.model_dump_json(by_alias=True, indent=2))
    if report.intact:
        print(f"访问日志完整：已封存 {report.sealed} 条，待封存 {report.unsealed} 条")
        return 0
    print(
        f"访问日志链断裂：第 {report.first_broken_position} 个链位置"
        f"（记录 {report.first_broken_seq}）：{report.problem}"
    )
    return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
