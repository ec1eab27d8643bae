"""The supervisor's monthly evaluation pack: a scorecard per owner unit, weights, ranking and trend (issue 22)."""
