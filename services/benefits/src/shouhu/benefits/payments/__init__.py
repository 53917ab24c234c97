"""The monthly payment ledger (发放台账): one batch per month, never paying twice."""
