"""Schools' rosters (花名册导入): the enrolments of many children at once, matched by number."""
