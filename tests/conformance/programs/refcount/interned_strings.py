import sys
print(sys.getrefcount('') > 1)
s = ''.join(['dyn', 'amic', ' string'])
print(sys.getrefcount(s))
t = s
print(sys.getrefcount(s))
print(sys.getrefcount(()) > 1)
