"""Channels (发送渠道): SMS and email adapters the delivery worker sends through."""
