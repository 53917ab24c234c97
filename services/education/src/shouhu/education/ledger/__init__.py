"""The semester ledger of education aid (学期资助发放台账): runs, lines, totals, exports."""
