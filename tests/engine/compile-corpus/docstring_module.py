"""Module doc."""
x = 1
