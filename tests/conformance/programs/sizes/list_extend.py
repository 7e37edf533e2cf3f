import sys
a = []
a.extend(range(10))
print(sys.getsizeof(a))
b = []
b += [1, 2, 3]
print(sys.getsizeof(b))
c = [None] * 4
c.append(1)
print(sys.getsizeof(c))
d = [1, 2]
d.insert(0, 0)
print(sys.getsizeof(d))
e = list('abcdef')
print(sys.getsizeof(e))
