def f():
    with a:
        try:
            g()
        except E:
            pass
