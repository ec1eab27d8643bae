"""The console's evaluation page (考核评价, issue 22): the monthly scorecard, its weights, the trend and exports."""
