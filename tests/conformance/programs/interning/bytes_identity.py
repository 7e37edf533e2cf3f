a = b'x'
b = bytes([120])
print(a == b, a is b)
c = b'hello'
d = b'hello'
print(c is d)
e = bytes(b'')
eb = b''
print(e is eb)
