try:
    1 / 0
except ZeroDivisionError:
    try:
        int("x")
    except ValueError as v:
        raise RuntimeError("outer") from v
