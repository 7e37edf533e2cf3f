et = ()
print(tuple() is et, tuple([]) is et, (1, 2)[:0] is et)
es = ''
print(es is str(), str('') is es)
e1 = ''.join([])
print(e1 is es)
print(frozenset() is frozenset())
print(None is None, type(None)() is None)
print(bool(1) is True, (1 == 1) is True, (not 1) is False)
eb = b''
print(bytes() is eb, b''.join([]) is eb)
print([] is [], {} is {})
