"""File formats: readers into a neutral document, one recognizer, one layout, writers."""
