"""Activities (志愿服务活动): by an organisation, with volunteers signed up, attendance."""
