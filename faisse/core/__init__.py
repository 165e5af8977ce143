"""What every domain of Faïsse shares: text checks, limits, small helpers. Imports no app."""
