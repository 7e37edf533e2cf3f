def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
print(c(), c(), c())
c2 = counter()
print(c2(), c())
total = 0
def add(n):
    global total
    total += n
add(5)
add(7)
print(total)
def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def late():
    return [lambda x: x * i for i in range(4)]
print([m(10) for m in late()])
def outer():
    x = 'outer'
    def inner():
        return x
    x = 'changed'
    return inner()
print(outer())
print(c.__closure__[0].cell_contents)
