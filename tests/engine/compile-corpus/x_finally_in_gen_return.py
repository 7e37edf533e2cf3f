def gen():
    try:
        yield 1
        return 2
    finally:
        pass
