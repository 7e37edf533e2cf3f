try:
    f()
except ValueError:
    g()
