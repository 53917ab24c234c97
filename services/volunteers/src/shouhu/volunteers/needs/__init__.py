"""Needs (需求) and resources (资源): raised, offered, matched and closed."""
