a = 'hello'
b = ''.join(['hel', 'lo'])
print(a == b, a is b)
c = 'hel'
d = c + 'lo'
print(d == a, d is a)
e = 'x' * 3
f = 'xxx'
print(e is f)
n = 3
g = 'x' * n
print(g == f, g is f)
s1 = str(12345)
s2 = str(12345)
print(s1 is s2)
h = 'a'
i = chr(97)
print(h is i)
j = ''.join([])
empty = ''
print(j is empty)
