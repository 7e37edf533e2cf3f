import inspect
def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield total
def plain():
    return 1
class C:
    def meth(self):
        yield self
g = gen(3)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
print(next(g), inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
def watcher():
    print('inside:', inspect.getgeneratorstate(w))
    yield
w = watcher()
next(w)
print(list(g), inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
g2 = gen(2)
next(g2)
g2.close()
print(inspect.getgeneratorstate(g2))
print(inspect.isfunction(plain), inspect.isfunction(len), inspect.isclass(C), inspect.isclass(C()))
print(inspect.isgenerator(g), inspect.isgenerator(plain), inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(plain))
print(inspect.isgeneratorfunction(C().meth), inspect.ismethod(C().meth), inspect.isbuiltin(len))
print(inspect.GEN_CREATED, inspect.GEN_CLOSED)
