try:
    raise ValueError("bad value")
except ValueError as e:
    e.add_note("while parsing line 3")
    e.add_note("multi\nline note")
    raise
