"""Education (教育): schools, enrolments; aid and the dropout watch come in later slices."""
