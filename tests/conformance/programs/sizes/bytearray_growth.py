# bytearray over-allocation (PyByteArray_Resize) as seen by sys.getsizeof and __alloc__()
import sys
b = bytearray()
print(sys.getsizeof(b), b.__alloc__())
sizes = []
for i in range(70):
    b.append(i)
    sizes.append(sys.getsizeof(b))
print(sizes)
print(sys.getsizeof(bytearray(b'abc')), sys.getsizeof(bytearray(100)), sys.getsizeof(bytearray([1, 2, 3])))
print(sys.getsizeof(bytearray(range(10))), sys.getsizeof(bytearray(iter([1, 2, 3]))), sys.getsizeof(bytearray([1, True, 3])))
print(sys.getsizeof(bytearray('héllo', 'utf-8')), sys.getsizeof(bytearray(b'ab') * 3), sys.getsizeof(bytearray(b'abcdef')[1:3]))

b = bytearray(b'abcdefghij')
b.clear()
print('clear', sys.getsizeof(b), b.__alloc__())
b = bytearray(b'abcdefghij')
del b[:3]
print('del front', sys.getsizeof(b), b)
del b[:5]
print('del more', sys.getsizeof(b), b)
b.append(0)
print('append after', sys.getsizeof(b), b)
b = bytearray(b'abcdefghij')
b.pop(0)
b.pop()
print('pop', sys.getsizeof(b))
b = bytearray(b'abcdefghij')
b.extend([1, 2, 3])
print('extend list', sys.getsizeof(b))
b.extend(b'x' * 30)
print('extend bytes', sys.getsizeof(b))
b.extend(n for n in range(40))
print('extend gen', sys.getsizeof(b), len(b))
b += b'xyz'
print('iadd', sys.getsizeof(b))
b *= 2
print('imul', sys.getsizeof(b), len(b))
b[10:] = b''
print('truncate', sys.getsizeof(b), len(b))
b[:0] = b'0123456789'
print('prepend', sys.getsizeof(b), len(b))
del b[::2]
print('del step', sys.getsizeof(b), len(b))
b = bytearray(1000)
for i in range(600):
    b.pop()
print('shrink', sys.getsizeof(b), len(b))
print(sys.getsizeof(bytearray(b'x').copy()), sys.getsizeof(bytearray(b'abcdefgh') + b'!'))

# freed bytearrays give their memory back: a new one of the same size reuses the address
a = bytearray(b'0123456789')
addr = id(a)
del a
a2 = bytearray(b'9876543210')
print(id(a2) == addr)
print(sys.getrefcount(a2))
