"""HTTP routes of workforce."""

from fastapi import APIRouter

router = APIRouter(tags=["workforce"])
