def ping(n):
    return pong(n - 1)

def pong(n):
    if n < 0:
        raise OverflowError("done")
    return ping(n)

ping(6)
