if not a == b:
    f()
r = not (a is b)
r = not (a in b)
