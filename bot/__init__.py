"""Telegram side of Back Coach: application wiring, feature handlers, coaching content and logic."""
