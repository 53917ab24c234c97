"""The support plan (一策, policy 四(三)): the measures of every department for one child."""
