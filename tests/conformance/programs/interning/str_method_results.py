s = 'hello'
print(s.lower() is s, s.upper() is s)
print(s.strip() is s, s[:] is s, s.replace('z', 'q') is s)
t = 'HELLO'
print(t.upper() is t)
print(str(s) is s, s + '' is s, ''.join([s]) is s)
