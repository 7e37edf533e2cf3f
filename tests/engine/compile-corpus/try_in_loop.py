for x in y:
    try:
        f(x)
    except E:
        continue
    finally:
        g()
