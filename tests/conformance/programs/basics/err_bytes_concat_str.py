b = b"abc"
print(hash(b) == hash(b"abc"), b < b"abd", b == b"abc", b[1], b[::-1], b"b" in b, 98 in b, b + b"d", b * 2, 2 * b, list(b))
d = {b: 1}
print(d[b"abc"], b[5:], b[-1])
b + "s"
