"""Schools (学校) as reference data, and the staff tied to them."""
