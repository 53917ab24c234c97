"""HTTP routes of plans."""

from fastapi import APIRouter

router = APIRouter(tags=["plans"])
