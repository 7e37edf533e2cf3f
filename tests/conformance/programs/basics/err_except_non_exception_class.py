class CM:
    def __enter__(self): print("in"); return 1
    def __exit__(self, *a): print("out", a[0]); return True
with CM() as x:
    print(x)
    raise KeyError(1) from None
try:
    try:
        raise ValueError
    except (TypeError, ValueError) as e:
        raise
except ValueError as e:
    print(repr(e), e.__cause__)
try:
    raise TypeError("t") from ValueError("v")
except TypeError as e:
    print(repr(e.__cause__))
try:
    pass
except 3:
    pass
else:
    print("no match needed")
try:
    1 / 0
except 3:
    pass
