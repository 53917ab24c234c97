"""HTTP routes of visits."""

from fastapi import APIRouter

router = APIRouter(tags=["visits"])
