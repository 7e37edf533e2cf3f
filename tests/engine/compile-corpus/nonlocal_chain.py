def a():
    x = 0
    def b():
        nonlocal x
        def c():
            nonlocal x
            x = 3
        c()
    b()
    return x
