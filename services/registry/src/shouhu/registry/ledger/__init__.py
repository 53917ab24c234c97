"""Ledger import (台账导入): a village's spreadsheet of children, checked row by row."""
