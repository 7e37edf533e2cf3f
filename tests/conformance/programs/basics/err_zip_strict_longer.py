print(list(enumerate("ab", 5)), list(zip([1, 2], "xyz")), list(map(abs, [-1, 2])), list(filter(None, [0, 1, 2])))
print(list(reversed([1, 2, 3])), list(reversed(range(3))), list(map(pow, [2, 3], [2, 2])), list(zip()))
class Z(zip): pass
print(type(Z([1])).__name__, list(Z([1], [2])))
print(list(zip([1], [2, 3], strict=True)))
