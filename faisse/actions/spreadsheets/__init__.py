"""Territoires en Transitions (TeT) spreadsheets, in and out, at the data level.

`read_tet_workbook(data, filename)` gives a `TetPlan` (tet_model) from TeT's template or
exports (XLSX, ODS), `claims_tet_workbook` says whether a workbook is one, and
`write_tet_workbook(plan)` writes a plan back into the template; saving into the models
is done elsewhere, against TetPlan.
"""
