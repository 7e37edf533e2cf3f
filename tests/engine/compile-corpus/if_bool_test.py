if a and b:
    f()
if a or b:
    g()
if not a:
    h()
if a and (b or c):
    i()
