class A:
    pass
x = A()
old = id(x)
del x
y = A()
print(id(y) == old)
l1 = [1, 2, 3]
addr = id(l1)
del l1
l2 = [4, 5, 6]
print(id(l2) == addr)
