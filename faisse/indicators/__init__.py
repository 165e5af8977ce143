"""Indicators of the plan: definitions, yearly targets, measured values, charts."""
