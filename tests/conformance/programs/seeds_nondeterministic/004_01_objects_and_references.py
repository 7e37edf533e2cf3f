# seed 004_6a075b3d688097ef.txt, example 1, under "View Code Example – Objects and References" (code unchanged; it prints raw id() values, which change from run to run)
import sys

a = [1, 2, 3]
b = a           # b references the same list object
c = a           # c also references the same list

print(id(a), id(b), id(c))      # all ids are the same
print(sys.getrefcount(a))       # reference count (a, b, c + internal temp refs)

del b                           # remove one reference
print(sys.getrefcount(a))       # reference count decreases

del a
del c                           # after this, the list has no references and can be freed
