"""Documents out: the plan as DOCX, ODT, PDF, Markdown or JSON (docs/export.md)."""
