"""Children's files (儿童档案): one person, one file."""
