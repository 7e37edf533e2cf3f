def f(a=1):
    b = 2
    def g(c=a):
        return b + c
    return g
