"""The volunteer's own view (item 11): itself, its pairings, hours, activities and certificate."""
