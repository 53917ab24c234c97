"""Education statistics of a division: compulsory-school age, enrolled, at risk, home teaching,
non-Beijing children apart (教育统计)."""
