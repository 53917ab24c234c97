"""The registry's children as education needs them (儿童事实投影)."""
