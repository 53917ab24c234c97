"""Protection cases (强制报告): reports, the police and the town, the interventions."""
