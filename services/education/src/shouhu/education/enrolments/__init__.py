"""Enrolments (学籍): record, transfer, suspend, resume, end; one open per child."""
