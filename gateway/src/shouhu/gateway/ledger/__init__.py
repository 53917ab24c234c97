"""The ledger import (台账导入): a village's spreadsheet through GraphQL; the blank template."""
