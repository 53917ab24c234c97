"""GraphQL gateway (网关): one schema over the services; owns no data."""
