"""The registry's children as pairing needs them (儿童事实投影)."""
