"""Deadline reminders (办理时限提醒): before and at a deadline, then up its ladder."""
