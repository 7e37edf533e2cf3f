try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise KeyError("k") from z
except KeyError as e:
    print(type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)
    e.add_note("a note")
    print(e.with_traceback(None) is e, e.__traceback__)
    e.__cause__ = None
    print(e.__suppress_context__)
