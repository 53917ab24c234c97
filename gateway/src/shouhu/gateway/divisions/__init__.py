"""Divisions of the three-tier network (区划)."""
