"""Benefits (福利待遇): programmes and standards, a child's decisions and entitlements, payments."""
