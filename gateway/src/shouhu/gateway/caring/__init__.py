"""Caring families (爱心家庭), donations (捐赠), needs (需求) and offers (资源)."""
