s = f'{x:{width}.{prec}f}'
t = f'{x!r:>{w}}'
