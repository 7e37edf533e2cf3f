# A bound method's own attributes, and the function's it passes on
class A:
    """doc of A"""
    def m(self, x=1):
        """doc of m"""
        return x


a = A()
m = a.m
print(m.__name__, m.__qualname__, m.__func__ is A.m, m.__self__ is a, m.__doc__, m.__module__)
print(m.__defaults__, m.__code__.co_name, m.__func__.__qualname__, type(m).__name__)
print(sorted(dir(m)))
try:
    m.nothing
except AttributeError as e:
    print(e)
try:
    m.__name__ = 'x'
except AttributeError as e:
    print(e)
A.m.tag = 'set on the function'
print(m.tag, a.m == a.m, a.m is a.m)
