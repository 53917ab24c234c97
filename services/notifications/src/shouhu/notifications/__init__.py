"""Notifications service (通知服务): who must know, told in time, followed up."""
