# bytearray: construction, repr, indexing and slicing, mutation, operators, methods, errors
import sys
print(bytearray(), bytearray(3), bytearray(b'abc'), bytearray([104, 105]), bytearray(range(65, 70)))
print(bytearray('héllo', 'utf-8'), bytearray('hi', encoding='ascii'), bytearray(bytearray(b'q')))
print(repr(bytearray(b'\'"')), repr(bytearray(b"it's")), bytearray(b'tab\there\n\x00\xff\\'))
print(str(bytearray(b'x')), type(bytearray()).__name__, isinstance(bytearray(), bytes))

b = bytearray(b'hello world')
print(len(b), b[0], b[-1], b[1:4], b[::2], b[::-1], b[100:], b[-3:])
print(b'wor' in b, 111 in b, 5 in b, bytearray(b'lo w') in b)
b[0] = 72
b[1:3] = b'EY'
print(b)
b[1:3] = [1, 2, 3, 4]
print(b)
del b[1]
del b[::2]
print(b)
b[::-1] = b'abcdefg'[:len(b)]
print(b)

b = bytearray(b'abc')
b.append(100)
b.extend(b'ef')
b.extend([103, 104])
b.extend(x for x in range(105, 107))
b.insert(0, 120)
b.insert(100, 121)
b.insert(-1, 122)
print(b)
print(b.pop(), b.pop(0), b.pop(2), b)
b.remove(122)
b.reverse()
print(b)
c = b.copy()
c.clear()
print(c, b, c == bytearray())

print(bytearray(b'a') == b'a', b'a' == bytearray(b'a'), bytearray(b'a') != bytearray(b'b'))
print(bytearray(b'a') < b'b', bytearray(b'abc') >= bytearray(b'abc'), bytearray(b'x') == 'x')
print(bytearray(b'x') + b'y', b'x' + bytearray(b'y'), type(b'x' + bytearray(b'y')).__name__)
print(bytearray(b'ab') * 3, 2 * bytearray(b'ab'), bytearray(b'ab') * -1)
b = bytearray(b'ab')
alias = b
b += b'cd'
b *= 2
print(b, alias is b)
b.extend(b)
print(b)
b[:] = b
print(b, list(bytearray(b'xyz')), [n * 2 for n in bytearray(b'\x01\x02')])

x = bytearray(b'  Hello World  ')
print(x.upper(), x.lower(), x.strip(), x.lstrip(), x.rstrip(b' d'))
print(x.split(), x.split(b'o'), x.split(None, 1), bytearray(b'a,b,c').rsplit(b',', 1))
print(x.find(b'o'), x.rfind(b'o'), x.find(111), x.count(b'l'), x.index(b'W'), x.rindex(b'l'))
print(x.replace(b'l', b'L'), x.replace(b'l', b'', 2), x.startswith(b'  H'), x.endswith((b'x', b'  ')))
print(bytearray(b',').join([b'a', bytearray(b'b'), b'c']), bytearray(b'abc').partition(b'b'), bytearray(b'abc').rpartition(b'z'))
print(bytearray(b'caf\xc3\xa9').decode(), bytearray(b'\x00\xff').hex(), bytearray.fromhex('41 42 43'))
print(bytearray(b'ABC').removeprefix(b'A'), bytearray(b'ABC').removesuffix(b'C'), bytearray(b'Ab1').isalnum(), bytearray(b'ab').isalpha())
print(bytearray(b'12').isdigit(), bytearray(b' \t').isspace(), bytearray(b'ab1').islower(), bytearray(b'AB').isupper(), bytearray(b'\x80').isascii())
print(bytes(bytearray(b'qq')), int(bytearray(b'12')), str(bytearray(b'hi'), 'ascii'), b'-'.join([bytearray(b'a'), b'b']))

for bad in ["hash(bytearray())", "bytearray(b'abc')[5]", "bytearray(b'abc')['x']",
            "bytearray('x')", "bytearray(-1)", "bytearray(1.5)", "bytearray([256])",
            "bytearray(b'x', 'utf-8')", "bytearray().pop()", "bytearray(b'a').pop(7)",
            "bytearray(b'a').remove(9)", "bytearray(b'a').append(256)", "bytearray(b'a').append('a')",
            "bytearray(b'a').extend(5)", "bytearray(b'a') + 'x'", "bytearray(b'a') < 'x'",
            "bytearray(b'a').index(b'z')", "'x' in bytearray(b'a')"]:
    try:
        eval(bad)
    except Exception as e:
        print(bad, '->', type(e).__name__, e)

b = bytearray(b'abc')
for stmt in ["b[0] = 300", "b[0:1] = 5", "b[::2] = b'abcdef'", "b['k'] = 1", "del b[9]"]:
    try:
        exec(stmt)
    except Exception as e:
        print(stmt, '->', type(e).__name__, e)
print(b)

class Buf(bytearray):
    pass

s = Buf(b'xy')
s.append(122)
print(s, type(s).__name__, s + b'!', type(s + b'!').__name__, s == b'xyz')
print(bytearray(b'  a b  c  ').split(None, 1), bytearray(b'  a b  c  ').rsplit(None, 1), bytearray(b' a ').split(None, 0), bytearray(b'   ').split(None, 0))
