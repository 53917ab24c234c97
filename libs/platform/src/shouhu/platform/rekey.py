"""Re-encrypt every stored identity number under the current data key, a batch at a time.

For any table that keeps numbers as `shouhu.platform.identity.Sealed` columns (`id`,
`id_number_hash`, `id_number_cipher`, `id_number_key_id`): the registry's children, the
volunteers. Each service names its table and its noun in its own `keys` command.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from sqlalchemy import Engine, Row, Table, func, or_, select, update
from sqlmodel import Session

from shouhu.platform.db import make_engine
from shouhu.platform.identity import KeyRing, Sealed
from shouhu.platform.settings import ServiceSettings

BATCH = 500
NO_KEY_ID = "(none)"


@dataclass
class Progress:
    """What a run of `reencrypt` has done so far."""

    batches: int = 0
    resealed: int = 0
    # Changed by a request between this run's read and write: left as that request wrote it.
    changed_meanwhile: int = 0
    # Rows the ring cannot open, by the key id they carry.
    unknown_keys: Counter[str] = field(default_factory=Counter)
    # Rows whose ciphertext fails authentication under the key it names.
    unreadable: list[str] = field(default_factory=list)
    # (row, the row already holding the same number under the current key).
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    last_id: str = ""


# ---- SQL: plain table statements, so a re-encrypted row keeps its version -----------------


def count_by_key(session: Session, table: Table) -> dict[str | None, int]:
    """How many identity numbers each key id seals."""
    rows = session.execute(
        select(table.c.id_number_key_id, func.count())
        .where(table.c.id_number_cipher.is_not(None))
        .group_by(table.c.id_number_key_id)
    ).all()
    return {key_id: int(count) for key_id, count in rows}


def sealed_under_others(
    session: Session, table: Table, key_id: str, *, after: str, limit: int
) -> Sequence[Row[tuple[str, str, str | None]]]:
    """The next rows by id whose number is sealed under a key other than this one."""
    c = table.c
    return session.execute(
        select(c.id, c.id_number_cipher, c.id_number_key_id)
        .where(
            c.id_number_cipher.is_not(None),
            or_(c.id_number_key_id.is_(None), c.id_number_key_id != key_id),
            c.id > after,
        )
        .order_by(c.id)
        .limit(limit)
    ).all()


def holders(session: Session, table: Table, id_hashes: Sequence[str]) -> dict[str, str]:
    """The row holding each of these identity-number hashes, by hash."""
    if not id_hashes:
        return {}
    rows = session.execute(
        select(table.c.id_number_hash, table.c.id).where(table.c.id_number_hash.in_(id_hashes))
    ).all()
    return {id_hash: row_id for id_hash, row_id in rows}


def reseal(session: Session, table: Table, row_id: str, old_cipher: str, sealed: Sealed) -> bool:
    """Store a row's number sealed anew, only if nobody changed it since it was read."""
    result = session.connection().execute(
        update(table)
        .where(table.c.id == row_id, table.c.id_number_cipher == old_cipher)
        .values(**sealed.columns())
    )
    return int(result.rowcount) == 1


# ---- the run ------------------------------------------------------------------------------


def reencrypt(
    engine: Engine,
    keys: KeyRing,
    table: Table,
    *,
    batch_size: int = BATCH,
    max_batches: int | None = None,
    on_batch: Callable[[Progress], None] | None = None,
) -> Progress:
    """Move every number sealed under another key to the current one, in batches by row id."""
    # Each batch is its own transaction and rows already under the current key are never
    # selected: a run stopped anywhere starts again and finds only what is left.
    progress = Progress()
    while max_batches is None or progress.batches < max_batches:
        with Session(engine) as session:
            rows = sealed_under_others(
                session, table, keys.key_id, after=progress.last_id, limit=batch_size
            )
            if not rows:
                break
            done = Progress()
            _batch(session, keys, table, rows, done)
            session.commit()
        _add(progress, done)
        progress.batches += 1
        progress.last_id = rows[-1][0]
        if on_batch is not None:
            on_batch(progress)
        if len(rows) < batch_size:
            break
    return progress


def remaining(engine: Engine, keys: KeyRing, table: Table) -> dict[str | None, int]:
    """Numbers still sealed under a key other than the current one, by key id."""
    with Session(engine) as session:
        counts = count_by_key(session, table)
    return {key_id: n for key_id, n in counts.items() if key_id != keys.key_id}


def _batch(
    session: Session,
    keys: KeyRing,
    table: Table,
    rows: Sequence[Row[tuple[str, str, str | None]]],
    done: Progress,
) -> None:
    fresh: dict[str, tuple[str, Sealed]] = {}
    for row_id, cipher, key_id in rows:
        if not keys.holds(key_id):
            done.unknown_keys[key_id or NO_KEY_ID] += 1
            continue
        try:
            number = keys.open(cipher, key_id)
        except InvalidTag:
            done.unreadable.append(row_id)
            continue
        fresh[row_id] = (cipher, keys.seal(number))
    # The lookup hash is unique: a number held twice (opened under two keys before the
    # duplicate check covered both) must be merged by a person, not overwritten here.
    taken = holders(session, table, [s.id_number_hash or "" for _, s in fresh.values()])
    for row_id, (cipher, sealed) in fresh.items():
        id_hash = sealed.id_number_hash or ""
        holder = taken.get(id_hash)
        if holder is not None and holder != row_id:
            done.duplicates.append((row_id, holder))
        elif reseal(session, table, row_id, cipher, sealed):
            done.resealed += 1
            taken[id_hash] = row_id
        else:
            done.changed_meanwhile += 1


def _add(progress: Progress, done: Progress) -> None:
    progress.resealed += done.resealed
    progress.changed_meanwhile += done.changed_meanwhile
    progress.unknown_keys.update(done.unknown_keys)
    progress.unreadable.extend(done.unreadable)
    progress.duplicates.extend(done.duplicates)


# ---- the command --------------------------------------------------------------------------


def main(
    argv: list[str], *, prog: str, settings: Callable[[], ServiceSettings], table: Table, noun: str
) -> int:
    """`python -m shouhu.<service>.keys status|reencrypt`; `noun` names a row (档案, 志愿者)."""
    parser = argparse.ArgumentParser(prog=prog)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="numbers by the key they are sealed under")
    run = commands.add_parser("reencrypt", help="seal every number under the current key")
    run.add_argument("--batch-size", type=int, default=BATCH, help="rows per transaction")
    run.add_argument("--max-batches", type=int, default=None, help="stop after this many")
    args = parser.parse_args(argv[1:])
    if args.command == "reencrypt" and (
        args.batch_size < 1 or (args.max_batches is not None and args.max_batches < 1)
    ):
        parser.error("--batch-size and --max-batches must be at least 1")
    read = settings()
    keys = KeyRing.from_secrets(read.data_key, read.previous_data_keys)
    engine = make_engine(read.database_url)
    try:
        if args.command == "reencrypt":

            def progress_line(progress: Progress) -> None:
                print(
                    f"第 {progress.batches} 批完成：已重新加密 {progress.resealed} 条，"
                    f"进行到{noun} {progress.last_id}",
                    flush=True,
                )

            _report(
                reencrypt(
                    engine,
                    keys,
                    table,
                    batch_size=args.batch_size,
                    max_batches=args.max_batches,
                    on_batch=progress_line,
                ),
                noun,
            )
        return _status(keys, remaining(engine, keys, table))
    finally:
        engine.dispose()


def _report(progress: Progress, noun: str) -> None:
    print(f"本次重新加密 {progress.resealed} 条，共 {progress.batches} 批")
    if progress.changed_meanwhile:
        print(f"{progress.changed_meanwhile} 条在处理期间被修改，未覆盖")
    for key_id, count in sorted(progress.unknown_keys.items()):
        print(f"{count} 条使用未配置的密钥 {key_id}：请将其数据密钥加入 SHOUHU_PREVIOUS_DATA_KEYS")
    for row_id in progress.unreadable:
        print(f"{noun} {row_id} 的身份证号码密文无法通过校验，请人工核查")
    for row_id, holder in progress.duplicates:
        print(f"{noun} {row_id} 与{noun} {holder} 的身份证号码相同，请合并后再运行")


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
