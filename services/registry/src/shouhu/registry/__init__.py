"""Registry service (登记服务): the one file of every child, in the three-tier network."""
