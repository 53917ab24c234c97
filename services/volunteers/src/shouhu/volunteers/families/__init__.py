"""Caring families (家庭寄养、委托代养、爱心助养)."""
