x = 10
del x
try:
    print(x)
except NameError as e:
    print(e)
lst = [0, 1, 2, 3, 4]
del lst[1]
print(lst)
del lst[1:3]
print(lst)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
class O:
    pass
o = O()
o.attr = 5
print(o.attr)
del o.attr
print(hasattr(o, 'attr'))
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(f())
