"""Protection cases (强制报告, policy 三(二)2-5): report, police, town, assessment, intervention."""
