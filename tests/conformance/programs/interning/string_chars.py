a = 'a'
b = 'abc'[0]
print(a is b)
c = 'é'
d = 'café'[-1]
print(c is d)
e = 'z'
f = chr(ord('y') + 1)
print(e is f)
g = 'hello'[1:3]
el = 'el'
print(g == el, g is el)
h = 'ab'[0:1]
print(h is a)
