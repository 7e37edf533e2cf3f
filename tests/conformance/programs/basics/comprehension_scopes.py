x = [i * i for i in range(5) if i % 2]
print(x, sum(i for i in x), {k: v for k, v in zip("ab", x)})
def f():
    y = 3
    return [lambda: y + i for i in range(2)]
print([g() for g in f()])
class C:
    z = 2
    w = [z for _ in range(2)] if False else 0
print(C.w, [(n := i) for i in range(3)], n)
