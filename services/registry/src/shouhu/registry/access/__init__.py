"""The access log (访问日志): every read of a child's file, append-only and hash-chained."""
