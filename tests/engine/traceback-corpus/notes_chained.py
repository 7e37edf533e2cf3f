try:
    1 / 0
except ZeroDivisionError as e:
    e.add_note("first note")
    err = RuntimeError("outer")
    err.add_note("outer note")
    raise err
