def f():
    try:
        x = g()
    except E:
        return 1
    else:
        return x
