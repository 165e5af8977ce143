"""What reads the plan's life across domains: dashboards, the pilots' space, the weekly
digest and the yearly report."""
