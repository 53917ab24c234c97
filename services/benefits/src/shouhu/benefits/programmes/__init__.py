"""Programmes and their yearly standards (保障项目与标准)."""
