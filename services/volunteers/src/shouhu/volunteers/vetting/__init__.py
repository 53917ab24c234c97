"""Vetting (审核): the record check against offences against minors, training, `vetted`."""
