def f():
    v = 1
    class A:
        def m(self):
            return v
    return A
