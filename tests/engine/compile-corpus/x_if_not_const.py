if not 0:
    f()
if 1 and x:
    g()
