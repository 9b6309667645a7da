"""When reminders and rest-day nudges are due, and getting them delivered exactly once."""
