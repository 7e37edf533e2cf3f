s = 'abc'
t = s.upper()
u = ' '.join([s, t])
print(u[::-1])
