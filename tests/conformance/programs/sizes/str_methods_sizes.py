import sys
s = 'hello'
print(sys.getsizeof(s), sys.getsizeof(s.upper()), sys.getsizeof(s + 'é'), sys.getsizeof(s + '€'))
print(sys.getsizeof(str(10 ** 20)), sys.getsizeof(repr(1.5)))
print(sys.getsizeof('é'.encode('utf-8')), sys.getsizeof('x'.encode()))
