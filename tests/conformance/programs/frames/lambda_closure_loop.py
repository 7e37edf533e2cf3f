funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def make(n):
    return lambda: n
print([make(k)() for k in range(3)])
adders = {}
for name, k in [('one', 1), ('two', 2)]:
    def add(x, k=k):
        return x + k
    adders[name] = add
print(adders['one'](10), adders['two'](10))
