"""Classifications (分类) and the categories derived from them (policy 二)."""
