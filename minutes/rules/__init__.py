"""Data-driven rules: working days (`calendar`) and statutory timescales (`timescales`)."""
