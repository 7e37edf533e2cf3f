class A:
    f = lambda self: self
    def g(self):
        return lambda: self
