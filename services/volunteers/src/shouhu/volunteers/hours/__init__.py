"""Service hours (志愿服务时长): recorded, approved by the organisation, totals, stars."""
