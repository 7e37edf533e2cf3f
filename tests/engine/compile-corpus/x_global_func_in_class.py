def g():
    pass
class A:
    global g
    def g(self):
        pass
