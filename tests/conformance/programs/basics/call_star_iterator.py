# f(*iterable) when nothing else holds the iterable's items: the call's
# argument tuple keeps them alive until the call returns
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def f(*args):
    print("in f", [a.n for a in args])
    return len(args)


def g(a, b):
    print("in g", a.n, b.n)


print(f(*(A(i) for i in range(3))))
g(*[A(10), A(11)])
g(*map(A, [20, 21]))
print(f(*iter([])))
print("end")
