"""The roster (名册) of volunteers: an XLSX or CSV, one volunteer and one account a row."""
