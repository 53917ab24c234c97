"""`python -m shouhu.registry.keys status|reencrypt`: move identity numbers to the current key."""

import argparse
import sys

from shouhu.platform.db import make_engine
from shouhu.platform.identity import KeyRing
from shouhu.registry.keys.service import BATCH, NO_KEY_ID, Progress, reencrypt, remaining
from shouhu.registry.settings import RegistrySettings


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m shouhu.registry.keys")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="numbers by the key they are sealed under")
    run = commands.add_parser("reencrypt", help="seal every number under the current key")
    run.add_argument("--batch-size", type=int, default=BATCH, help="files per transaction")
    run.add_argument("--max-batches", type=int, default=None, help="stop after this many")
    args = parser.parse_args(argv[1:])
    if args.command == "reencrypt" and (
        args.batch_size < 1 or (args.max_batches is not None and args.max_batches < 1)
    ):
        parser.error("--batch-size and --max-batches must be at least 1")
    settings = RegistrySettings()
    keys = KeyRing.from_secrets(settings.data_key, settings.previous_data_keys)
    engine = make_engine(settings.database_url)
    try:
        if args.command == "reencrypt":
            _report(
                reencrypt(
                    engine,
                    keys,
                    batch_size=args.batch_size,
                    max_batches=args.max_batches,
                    on_batch=_progress,
                )
            )
        return _status(keys, remaining(engine, keys))
    finally:
        engine.dispose()


def _progress(progress: Progress) -> None:
    print(
        f"第 {progress.batches} 批完成：已重新加密 {progress.resealed} 条，"
        f"进行到档案 {progress.last_id}",
        flush=True,
    )


def _report(progress: Progress) -> None:
    print(f"本次重新加密 {progress.resealed} 条，共 {progress.batches} 批")
    if progress.changed_meanwhile:
        print(f"{progress.changed_meanwhile} 条在处理期间被修改，未覆盖")
    for key_id, count in sorted(progress.unknown_keys.items()):
        print(f"{count} 条使用未配置的密钥 {key_id}：请将其数据密钥加入 SHOUHU_PREVIOUS_DATA_KEYS")
    for child_id in progress.unreadable:
        print(f"档案 {child_id} 的身份证号码密文无法通过校验，请人工核查")
    for child_id, holder in progress.duplicates:
        print(f"档案 {child_id} 与档案 {holder} 的身份证号码相同，请合并后再运行")


def _status(keys: KeyRing, left: dict[str | None, int]) -> int:
    """Print what is left under other keys; 0 when every number is under the current key."""
    print(f"当前密钥 {keys.key_id}；旧密钥 {', '.join(k.key_id for k in keys.previous) or '无'}")
    for key_id, count in sorted(left.items(), key=lambda item: item[0] or ""):
        known = "旧密钥" if keys.holds(key_id) else "未配置的密钥"
        print(f"{count} 条仍使用{known} {key_id or NO_KEY_ID}")
    if left:
        print("尚未全部使用当前密钥：再次运行 reencrypt（可随时中断后继续）")
        return 1
    print("全部身份证号码均已使用当前密钥，可从 SHOUHU_PREVIOUS_DATA_KEYS 中移除旧密钥")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
