"""Donations (捐赠): money or goods, designated, used, summarised publicly (公开透明)."""
