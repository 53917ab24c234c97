"""The gateway's limits: what a caller may ask of it, and how much, and how fast.

- `cost`: query cost analysis before execution (`VALIDATION_FAILED` over the budget).
- `body`: request body and upload caps (413 before the body is read whole).
- `rate`: a token bucket per principal (`RATE_LIMITED`, `Retry-After`).
- `budget`: a time budget per request (`INTERNAL`, "请求超时").
- `operation`: the production lockdown (no introspection for people, no field suggestions,
  trusted documents for department systems).
- `trusted`: the registered documents and the command that registers one.

`wiring` puts them on the gateway: `install` (middleware), `schema_extensions` and
`graphql_router`. Nothing is imported here, so `python -m shouhu.gateway.limits.trusted` runs clean.
"""
