import sys
class C:
    lit = 'some_attribute'
obj = C()
obj.some_attribute = 1
name = ''.join(['some_', 'attribute'])
key = [k for k in vars(obj)][0]
print(key == name, key is name, key is C.lit)
print(sys.intern(name) is key)
d = {'alpha': 1}
k2 = ''.join(['al', 'pha'])
print(k2 is list(d)[0], sys.intern(k2) is list(d)[0])
