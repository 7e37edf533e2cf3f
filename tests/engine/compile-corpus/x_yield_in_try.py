def gen():
    try:
        yield 1
    except E:
        yield 2
