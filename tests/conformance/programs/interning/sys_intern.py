import sys
a = ''.join(['hello ', 'world'])
b = ''.join(['hello ', 'world'])
print(a is b)
a = sys.intern(a)
b = sys.intern(b)
print(a is b)
c = sys.intern('dynamic ' + str(42))
d = sys.intern('dynamic 42')
print(c is d)
key = sys.intern(''.join(['na', 'me']))
lit = 'name'
print(key is lit)
