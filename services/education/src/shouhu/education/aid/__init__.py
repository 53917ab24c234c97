"""Aid by stage (分类资助): the district's rules as data, standards, decisions per child."""
