"""Volunteers (志愿者): registration, the identity number, who may register whom."""
