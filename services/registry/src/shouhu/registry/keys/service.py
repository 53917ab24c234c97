"""Re-encrypt every stored identity number under the current data key, a batch at a time."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from sqlalchemy import Engine, Row
from sqlmodel import Session

from shouhu.platform.identity import KeyRing, Sealed
from shouhu.registry.keys import repository

BATCH = 500
NO_KEY_ID = "(none)"


@dataclass
class Progress:
    """What a run of `reencrypt` has done so far."""

    batches: int = 0
    resealed: int = 0
    # Changed by a request between this run's read and write: left as that request wrote it.
    changed_meanwhile: int = 0
    # Files the ring cannot open, by the key id they carry.
    unknown_keys: Counter[str] = field(default_factory=Counter)
    # Files whose ciphertext fails authentication under the key it names.
    unreadable: list[str] = field(default_factory=list)
    # (file, the file already holding the same number under the current key).
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    last_id: str = ""


def reencrypt(
    engine: Engine,
    keys: KeyRing,
    *,
    batch_size: int = BATCH,
    max_batches: int | None = None,
    on_batch: Callable[[Progress], None] | None = None,
) -> Progress:
    """Move every number sealed under another key to the current one, in batches by file id."""
    # Each batch is its own transaction and files already under the current key are never
    # selected: a run stopped anywhere starts again and finds only what is left.
    progress = Progress()
    while max_batches is None or progress.batches < max_batches:
        with Session(engine) as session:
            rows = repository.sealed_under_others(
                session, keys.key_id, after=progress.last_id, limit=batch_size
            )
            if not rows:
                break
            done = Progress()
            _batch(session, keys, rows, done)
            session.commit()
        _add(progress, done)
        progress.batches += 1
        progress.last_id = rows[-1][0]
        if on_batch is not None:
            on_batch(progress)
        if len(rows) < batch_size:
            break
    return progress


def remaining(engine: Engine, keys: KeyRing) -> dict[str | None, int]:
    """Numbers still sealed under a key other than the current one, by key id."""
    with Session(engine) as session:
        counts = repository.count_by_key(session)
    return {key_id: n for key_id, n in counts.items() if key_id != keys.key_id}


def _batch(
    session: Session,
    keys: KeyRing,
    rows: Sequence[Row[tuple[str, str, str | None]]],
    done: Progress,
) -> None:
    fresh: dict[str, tuple[str, Sealed]] = {}
    for child_id, cipher, key_id in rows:
        if not keys.holds(key_id):
            done.unknown_keys[key_id or NO_KEY_ID] += 1
            continue
        try:
            number = keys.open(cipher, key_id)
        except InvalidTag:
            done.unreadable.append(child_id)
            continue
        fresh[child_id] = (cipher, keys.seal(number))
    # The lookup hash is unique: a number held twice (opened under two keys before the
    # duplicate check covered both) must be merged by a person, not overwritten here.
    taken = repository.holders(session, [s.id_number_hash or "" for _, s in fresh.values()])
    for child_id, (cipher, sealed) in fresh.items():
        id_hash = sealed.id_number_hash or ""
        holder = taken.get(id_hash)
        if holder is not None and holder != child_id:
            done.duplicates.append((child_id, holder))
        elif repository.reseal(session, child_id, cipher, sealed):
            done.resealed += 1
            taken[id_hash] = child_id
        else:
            done.changed_meanwhile += 1


def _add(progress: Progress, done: Progress) -> None:
    progress.resealed += done.resealed
    progress.changed_meanwhile += done.changed_meanwhile
    progress.unknown_keys.update(done.unknown_keys)
    progress.unreadable.extend(done.unreadable)
    progress.duplicates.extend(done.duplicates)
