name = 'Ada'
n = 42
pi = 3.14159265
print(f'{name} has {n} items')
print(f'{n:5d}|{n:<5d}|{n:^5d}|{n:05d}')
print(f'{pi:.2f} {pi:10.3f} {pi:e} {pi:.3g}')
print(f'{1234567:,} {1234567:_} {0.25:.1%}')
print(f'{255:x} {255:X} {255:o} {255:b} {255:#x} {255:08b}')
print(f'{name!r} {name!s} {name:>6} {name:*^9}')
print(f'{n + 1} {n * 2 = } {[x for x in range(3)]}')
print(f"{'nested'} {'{'}{'}'} {{literal}}")
width = 8
print(f'{pi:{width}.2f}|')
print(f'{-5:+d} {5:+d} {-3.5:g} {1e20:g} {1.0:g}')
