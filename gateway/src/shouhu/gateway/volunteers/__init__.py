"""Volunteers (志愿者): organisations, volunteers and their vetting."""
