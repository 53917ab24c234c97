"""HTTP routes of ledger."""

from fastapi import APIRouter

router = APIRouter(tags=["ledger"])
