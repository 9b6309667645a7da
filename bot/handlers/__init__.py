"""Telegram handlers, one module per feature; ``bot.app`` registers them all in one place."""
