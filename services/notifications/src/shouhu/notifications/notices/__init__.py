"""Notices of other services' processes: the single window, the protection cases."""
