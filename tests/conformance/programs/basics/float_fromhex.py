# float.fromhex: the inverse of float.hex, rounding once as CPython does
xs = [0.1, 1/3, -2.5, 1e300, 5e-324, 2.2250738585072014e-308, 0.0, -0.0, 123456789.123]
print([float.fromhex(x.hex()) == x for x in xs])
for s in ['0x1.8p1', '  -0X1P-2  ', '1', 'a', '.8', '0x.8p+1', '0x1.fffffffffffff8p0', '0x1.fffffffffffff7p0',
          '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1p-1074', '0x1p-1075', '0x1.8p-1075', '0x3p-1076',
          '0x1.fffffffffffffp1023', 'inf', '-Infinity', 'nan', '0x0p999999999999', '1p', '0xp1', '0x', '', 'x1', '1.2.3',
          '0x1.fffffffffffff8p1023', '0x1p1024', '0x1p-99999999999999999999', '0x10000000000000000000p-100', '1P+4\n']:
    try:
        print(repr(s), repr(float.fromhex(s)))
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)


class F(float):
    def __repr__(self):
        return 'F(' + float.__repr__(self) + ')'


print(F.fromhex('0x1.4p3'), type(F.fromhex('0x1p0')).__name__)
try:
    float.fromhex(1.5)
except TypeError as e:
    print(e)
