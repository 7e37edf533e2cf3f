import inspect
def gen():
    yield 1
    yield 2
g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g), g.gi_frame.f_lineno)
next(g)
next(g, None)
print(inspect.getgeneratorstate(g), g.gi_frame)
