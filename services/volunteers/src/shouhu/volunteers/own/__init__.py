"""The volunteer's own view (item 11): itself, its hours, activities and certificate."""
