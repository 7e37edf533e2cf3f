class A:
    x = 1
a = A()
setattr(a, "y", 2)
print(getattr(a, "y"), hasattr(a, "z"), getattr(a, "z", 0))
delattr(a, "y")
print(vars(a), "x" in dir(a), callable(A), issubclass(bool, (str, int)))
print(hex(255), oct(8), bin(-5), ord("é"), chr(9731), ascii("é"), format(3.5, ""), divmod(7, -2), divmod(7.5, 2))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"), any([0, 1]), all([]), pow(2, 5, 7), round(2.5))
print(sorted(globals())[:3])
next(iter(int, 1))
