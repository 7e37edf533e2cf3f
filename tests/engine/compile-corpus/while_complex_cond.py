while a and b:
    f()
