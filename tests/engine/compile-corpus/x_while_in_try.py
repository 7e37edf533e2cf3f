def f(n):
    try:
        while n:
            n -= 1
    except E:
        pass
    return n
