import sys
for b in [b'', b'a', b'ab', b'x' * 10, b'x' * 100]:
    print(len(b), sys.getsizeof(b))
print(sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b'abc')), sys.getsizeof(bytearray(100)))
