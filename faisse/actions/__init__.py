"""Action sheets (fiches action): status, priority, people, budgets, milestones, dated
updates; progress, lateness and budget totals computed on read (follow_up.py); the
Territoires en Transitions spreadsheets in and out (spreadsheets/)."""
