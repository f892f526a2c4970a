"""Test helpers shared by several test modules (a fake translation service)."""
