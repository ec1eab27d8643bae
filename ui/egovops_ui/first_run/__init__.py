"""What the console offers on an empty store: the next steps instead of an empty map."""
