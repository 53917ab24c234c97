"""The dropout watch (控辍保学): every child of compulsory-school age in school."""
