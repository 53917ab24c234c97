"""The workforce (队伍建设, policy 四(三)): a social worker per town, a supervisor per village."""
