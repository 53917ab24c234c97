"""The network of divisions (三级网络)."""
