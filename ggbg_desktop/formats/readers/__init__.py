"""Readers: bytes of one file format into the neutral Document."""
