"""Timed work of the registry: exits at 18 and sealing the access log."""

from __future__ import annotations

import logging

from sqlalchemy import Engine
from sqlmodel import Session

from shouhu.platform.clock import born_by, today
from shouhu.registry.access.service import seal
from shouhu.registry.children import repository
from shouhu.registry.children.schemas import ExitReason
from shouhu.registry.children.service import ADULT_AGE, close_file

log = logging.getLogger(__name__)
SYSTEM = "system"
BATCH = 200


def exit_adults(engine: Engine) -> int:
    """Exit every active child who has turned 18 (policy 二), a batch per transaction."""
    now = today()
    cutoff = born_by(now, ADULT_AGE)
    exited = 0
    while True:
        with Session(engine) as session:
            batch = repository.adults(session, cutoff, BATCH)
            for child in batch:
                close_file(session, child, ExitReason.AGED_OUT, "年满18周岁", SYSTEM, now)
            session.commit()
        exited += len(batch)
        if len(batch) < BATCH:
            break
    if exited:
        log.info("exited %d children who turned 18", exited)
    return exited


def seal_access_log(engine: Engine) -> int:
    """Seal what the reads of the last moments wrote."""
    sealed = 0
    while (count := seal(engine)) > 0:
        sealed += count
    return sealed
